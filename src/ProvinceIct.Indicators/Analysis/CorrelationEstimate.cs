using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// One correlation coefficient with its two-sided p-value and the number of pairwise-complete observations it used.
/// The coefficient is NaN when fewer than 2 pairs remain or either variable is constant over them; the p-value is
/// NaN when the coefficient is, or when fewer than 3 pairs remain; it is 0 when |r| = 1.
/// </summary>
/// <param name="Coefficient">The coefficient, in [-1, 1], or NaN.</param>
/// <param name="PValue">The two-sided p-value, in [0, 1], or NaN.</param>
/// <param name="Pairs">The number of units with both values present.</param>
public readonly record struct CorrelationEstimate(double Coefficient, double PValue, int Pairs)
{
    /// <summary>Whether the coefficient is significant at <paramref name="level"/> (p &lt; level); false when the p-value is NaN.</summary>
    /// <param name="level">The significance level, for example 0.05.</param>
    /// <returns>True when p &lt; level.</returns>
    public bool IsSignificant(double level) => PValue < level;

    /// <summary>Formats as <c>r=0.8123 (p=0.0001, n=63)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "r=" + (double.IsNaN(Coefficient) ? "NaN" : Coefficient.ToString("0.0000", CultureInfo.InvariantCulture))
        + " (p=" + (double.IsNaN(PValue) ? "NaN" : PValue.ToString("0.0000", CultureInfo.InvariantCulture))
        + ", n=" + Pairs.ToString(CultureInfo.InvariantCulture) + ")";
}
