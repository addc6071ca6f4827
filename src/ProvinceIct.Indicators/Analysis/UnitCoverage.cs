using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>How many of a framework's indicators a unit has.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Missing">The number of the framework's indicators missing (NaN) for the unit.</param>
/// <param name="Total">The number of the framework's indicators.</param>
public sealed record UnitCoverage(Unit Unit, int Missing, int Total)
{
    /// <summary>The share of indicators present, in [0, 1]; NaN when the framework has none.</summary>
    public double Availability => Total == 0 ? double.NaN : (double)(Total - Missing) / Total;

    /// <summary>Formats as <c>code name: 11/12</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Unit}: {Total - Missing}/{Total}");
}
