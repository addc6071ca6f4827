using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>The log of a calculation: one entry per node, indicators first, then aggregates level by level.</summary>
public sealed class CalculationLog
{
    internal CalculationLog(ImmutableArray<NodeLogEntry> entries, ImmutableArray<string> warnings = default, ImmutableArray<DerivedWeights> derivedWeights = default)
    {
        Entries = entries;
        DerivedWeights = derivedWeights.IsDefault ? [] : derivedWeights;
        Warnings = warnings.IsDefault ? [] : warnings;
    }

    /// <summary>
    /// Warnings about the calculation that did not stop it, one sentence each: an indicator missing for every unit (it
    /// takes no part in any score). Empty when there is nothing to warn about (and in a result read back from JSON).
    /// </summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>
    /// The weights derived by the methodology's weighting methods (<see cref="Methodology.Weighting"/>), one per weighted
    /// aggregate, lowest level first; empty without weighting (and in a result read back from JSON).
    /// </summary>
    public ImmutableArray<DerivedWeights> DerivedWeights { get; }

    /// <summary>The entries, in compiled node order.</summary>
    public ImmutableArray<NodeLogEntry> Entries { get; }

    /// <summary>The entry of one node.</summary>
    /// <param name="nodeCode">The node code.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">When the node does not exist.</exception>
    public NodeLogEntry this[string nodeCode] =>
        Entries.FirstOrDefault(e => e.NodeCode == nodeCode) ?? throw new KeyNotFoundException($"The log has no node '{nodeCode}'.");

    /// <summary>One line per node, then one line per derived set of weights (<c>weights: ...</c>), then one per warning (<c>warning: ...</c>).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Join("\n", Entries.Select(e => e.ToString()).Concat(DerivedWeights.Select(d => "weights: " + d)).Concat(Warnings.Select(w => "warning: " + w)));
}
