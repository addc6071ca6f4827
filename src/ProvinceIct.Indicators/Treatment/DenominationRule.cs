using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// One indicator to denominate in place: <c>x = scale * x / denominator</c> (see <see cref="Denomination"/>). Immutable;
/// create with <see cref="Create"/>.
/// </summary>
public sealed record DenominationRule
{
    private DenominationRule(string indicatorCode, string denominatorCode, double scale)
    {
        IndicatorCode = indicatorCode;
        DenominatorCode = denominatorCode;
        Scale = scale;
    }

    /// <summary>Creates a rule.</summary>
    /// <param name="indicatorCode">The indicator (column) to divide.</param>
    /// <param name="denominatorCode">The denominator column (for example population in thousands); not the indicator itself.</param>
    /// <param name="scale">The factor (for example 10 for "per 10,000 people" over a population in thousands); finite and non-zero (default 1).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">When a code is blank, or the denominator is the indicator itself.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the scale is zero or not finite.</exception>
    public static DenominationRule Create(string indicatorCode, string denominatorCode, double scale = 1)
    {
        Internal.Preconditions.NotBlank(indicatorCode);
        Internal.Preconditions.NotBlank(denominatorCode);
        Internal.Preconditions.Finite(scale);
        if (scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must not be zero.");
        }

        if (string.Equals(indicatorCode, denominatorCode, StringComparison.Ordinal))
        {
            throw new ArgumentException("An indicator cannot be its own denominator.", nameof(denominatorCode));
        }

        return new DenominationRule(indicatorCode, denominatorCode, scale);
    }

    /// <summary>The indicator divided.</summary>
    public string IndicatorCode { get; }

    /// <summary>The denominator column.</summary>
    public string DenominatorCode { get; }

    /// <summary>The factor applied to the ratio.</summary>
    public double Scale { get; }

    /// <summary>Formats as <c>students = 10 * students / pop</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        IndicatorCode + " = " + Scale.ToString("R", CultureInfo.InvariantCulture) + " * " + IndicatorCode + " / " + DenominatorCode;
}
