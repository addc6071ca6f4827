using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// How one indicator column is made from source columns: a copy, or a ratio <c>scale * numerator / denominator</c>
/// (denomination: per capita, per 10,000 people, per civil servant, a share of a total). Immutable; see
/// <see cref="Derivation"/>.
/// </summary>
public sealed record DerivedColumn
{
    private DerivedColumn(string code, string numerator, string? denominator, double scale)
    {
        Code = code;
        Numerator = numerator;
        Denominator = denominator;
        Scale = scale;
    }

    /// <summary>A column copied unchanged from a source column.</summary>
    /// <param name="code">The new column's code.</param>
    /// <param name="source">The source column's code.</param>
    /// <returns>The recipe.</returns>
    public static DerivedColumn Copy(string code, string source) =>
        new(Internal.Preconditions.NotBlank(code), Internal.Preconditions.NotBlank(source), null, 1);

    /// <summary>A ratio <c>scale * numerator / denominator</c>.</summary>
    /// <param name="code">The new column's code.</param>
    /// <param name="numerator">The numerator column's code.</param>
    /// <param name="denominator">The denominator column's code.</param>
    /// <param name="scale">The factor (for example 100 for a percent, or 10 for "per 10,000" over a population in thousands); finite and non-zero.</param>
    /// <returns>The recipe.</returns>
    public static DerivedColumn Ratio(string code, string numerator, string denominator, double scale = 1)
    {
        Internal.Preconditions.Finite(scale);
        if (scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must not be zero.");
        }

        return new DerivedColumn(Internal.Preconditions.NotBlank(code), Internal.Preconditions.NotBlank(numerator), Internal.Preconditions.NotBlank(denominator), scale);
    }

    /// <summary>The new column's code.</summary>
    public string Code { get; }

    /// <summary>The source (numerator) column's code.</summary>
    public string Numerator { get; }

    /// <summary>The denominator column's code; null for a copy.</summary>
    public string? Denominator { get; }

    /// <summary>The factor applied to the ratio (1 for a copy).</summary>
    public double Scale { get; }

    /// <summary>Formats as <c>code = source</c> or <c>code = scale * numerator / denominator</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Denominator is null
        ? Code + " = " + Numerator
        : Code + " = " + Scale.ToString("R", CultureInfo.InvariantCulture) + " * " + Numerator + " / " + Denominator;
}
