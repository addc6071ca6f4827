using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>What happened at one node of a calculation: the method applied, the units left without a score, and the units that had missing children.</summary>
/// <param name="NodeCode">The node.</param>
/// <param name="Level">The node's level (1 for indicators).</param>
/// <param name="ChildCount">The number of children (0 for indicators).</param>
/// <param name="MissingUnits">Units with no value at this node (a missing raw value for an indicator; no score for an aggregate).</param>
/// <param name="PartialUnits">For an aggregate, the units with at least one child missing: their missing children's weights were dropped and the rest re-normalised, or the unit fell below the availability threshold.</param>
/// <param name="Method">The normaliser or aggregator applied.</param>
public sealed record NodeLogEntry(string NodeCode, int Level, int ChildCount, ImmutableArray<string> MissingUnits, ImmutableArray<UnitAvailability> PartialUnits, string Method)
{
    /// <summary>The number of values dropped at this node: missing children summed over units.</summary>
    public int ValuesDropped => PartialUnits.Sum(p => p.Total - p.Present);

    /// <summary>Formats as <c>node (level L, Method): M missing, P with missing children</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"{NodeCode} (level {Level.ToString(CultureInfo.InvariantCulture)}, {Method}): {MissingUnits.Length.ToString(CultureInfo.InvariantCulture)} missing" +
        (Level > 1 ? $", {PartialUnits.Length.ToString(CultureInfo.InvariantCulture)} with missing children ({ValuesDropped.ToString(CultureInfo.InvariantCulture)} values dropped)" : string.Empty);
}
