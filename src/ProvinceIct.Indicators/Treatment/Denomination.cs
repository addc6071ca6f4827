using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Denomination in place (COINr <c>Denominate</c>): divides chosen indicators by a denominator column, times a scale,
/// keeping every other column (the denominator included) unchanged. The arithmetic and the missing/zero policy are
/// those of <see cref="Derivation"/>.
/// </summary>
public static class Denomination
{
    /// <summary>
    /// Replaces each chosen column x by <c>scale * x / denominator</c>, unit by unit. A missing value or a missing
    /// denominator gives a missing value; a zero denominator under a present value is an error (never a silent
    /// infinity), reported with every other problem at once.
    /// </summary>
    /// <param name="source">The dataset.</param>
    /// <param name="indicatorCodes">The columns to denominate.</param>
    /// <param name="denominator">The denominator column (for example population in thousands); it is not itself divided.</param>
    /// <param name="scale">The factor (for example 10 for "per 10,000 people" over a population in thousands); finite and non-zero.</param>
    /// <returns>A dataset with the same units and columns, in the same order, the chosen ones denominated.</returns>
    /// <exception cref="ValidationException">With every missing column and every zero denominator (unit, column).</exception>
    /// <exception cref="ArgumentException">When the denominator is among the columns to denominate.</exception>
    public static Dataset Apply(Dataset source, IEnumerable<string> indicatorCodes, string denominator, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indicatorCodes);
        Internal.Preconditions.NotBlank(denominator);
        var chosen = indicatorCodes.Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Contains(denominator, StringComparer.Ordinal))
        {
            throw new ArgumentException("The denominator cannot denominate itself.", nameof(indicatorCodes));
        }

        var derived = Derivation.Apply(source, chosen.Select(c => DerivedColumn.Ratio(c, c, denominator, scale)));
        var columns = source.IndicatorCodes
            .Select((c, j) => KeyValuePair.Create(c, (derived.HasIndicator(c) ? derived.Column(c) : source.Column(j)).ToArray()))
            .ToList();
        return Dataset.FromColumns(source.Units, columns);
    }
}
