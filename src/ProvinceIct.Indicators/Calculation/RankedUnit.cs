using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>A unit's place in a ranking.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Rank">The rank (1 = best; fractional under the fractional tie policy; NaN when the unit has no score).</param>
/// <param name="Score">The score (NaN when missing).</param>
public sealed record RankedUnit(Unit Unit, double Rank, double Score)
{
    /// <summary>Formats as <c>rank code name score</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        (double.IsNaN(Rank) ? "-" : Rank.ToString("R", CultureInfo.InvariantCulture)) + " " + Unit + " " + Score.ToString("0.####", CultureInfo.InvariantCulture);
}
