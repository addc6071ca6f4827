using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>How often a node's ranking differs substantially from the index ranking.</summary>
/// <param name="NodeCode">The node (a pillar or other component).</param>
/// <param name="Level">Its level (1 = indicator).</param>
/// <param name="UnitsCompared">The units ranked both on the node and on the index.</param>
/// <param name="UnitsDiffering">The units whose two ranks differ by at least the threshold.</param>
public sealed record AddedValueRow(string NodeCode, int Level, int UnitsCompared, int UnitsDiffering)
{
    /// <summary>UnitsDiffering / UnitsCompared; NaN when no unit is compared.</summary>
    public double Share => UnitsCompared == 0 ? double.NaN : (double)UnitsDiffering / UnitsCompared;

    /// <summary>Formats as <c>code: 12/63 (19.0%)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{NodeCode}: {UnitsDiffering}/{UnitsCompared} ({100 * Share:0.0}%)");
}
