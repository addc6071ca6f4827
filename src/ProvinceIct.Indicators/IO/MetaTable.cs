using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// The contents of a COINr <c>iMeta</c> table: the framework (indicators and aggregates) and the codes of the data
/// columns that are not aggregated (groups, denominators, other), in file order. Create with <see cref="Create"/>
/// or read with <see cref="MetaCsv"/>.
/// </summary>
public sealed record MetaTable
{
    private MetaTable(Framework framework) => Framework = framework;

    /// <summary>Creates a table.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="groupCodes">The codes of group columns, if any.</param>
    /// <param name="denominatorCodes">The codes of denominator columns, if any.</param>
    /// <param name="otherCodes">The codes of other data columns, if any.</param>
    /// <returns>The table.</returns>
    public static MetaTable Create(Framework framework, IEnumerable<string>? groupCodes = null, IEnumerable<string>? denominatorCodes = null, IEnumerable<string>? otherCodes = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return new MetaTable(framework)
        {
            GroupCodes = groupCodes?.ToImmutableArray() ?? [],
            DenominatorCodes = denominatorCodes?.ToImmutableArray() ?? [],
            OtherCodes = otherCodes?.ToImmutableArray() ?? [],
        };
    }

    /// <summary>The framework: the <c>Indicator</c> and <c>Aggregate</c> rows.</summary>
    public Framework Framework { get; init; }

    /// <summary>The codes of the <c>Group</c> rows (unit groupings such as region).</summary>
    public ImmutableArray<string> GroupCodes { get; init; } = [];

    /// <summary>The codes of the <c>Denominator</c> rows (population, civil servants...).</summary>
    public ImmutableArray<string> DenominatorCodes { get; init; } = [];

    /// <summary>The codes of the <c>Other</c> rows (data kept but not aggregated).</summary>
    public ImmutableArray<string> OtherCodes { get; init; } = [];

    /// <summary>
    /// COINr's <c>goalpost_scale</c>: the value the upper goalpost maps to under goalposts normalisation, common to every
    /// indicator that gives one; null when no row gives one. The library's goalposts normaliser has one output range
    /// per normaliser (<see cref="Normalisation.Normaliser.Goalposts"/>, <c>upper</c>), not one per indicator, so this is
    /// the upper end to use with it (the lower end is 0, as in COINr).
    /// </summary>
    public double? GoalpostScale { get; init; }

    /// <summary>Whether two tables have equal frameworks (same node values in the same order), the same code lists and the same goalpost scale.</summary>
    /// <param name="other">The other table.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(MetaTable? other) =>
        other is not null && Framework.Nodes.SequenceEqual(other.Framework.Nodes)
        && GoalpostScale == other.GoalpostScale && GroupCodes.SequenceEqual(other.GroupCodes) && DenominatorCodes.SequenceEqual(other.DenominatorCodes) && OtherCodes.SequenceEqual(other.OtherCodes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Framework.Nodes.Length, GroupCodes.Length, DenominatorCodes.Length, OtherCodes.Length);

    /// <summary>Formats as <c>MetaTable: framework; n groups, n denominators, n other</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "MetaTable: " + Framework + "; " + GroupCodes.Length.ToString(CultureInfo.InvariantCulture) + " groups, "
        + DenominatorCodes.Length.ToString(CultureInfo.InvariantCulture) + " denominators, " + OtherCodes.Length.ToString(CultureInfo.InvariantCulture) + " other";
}
