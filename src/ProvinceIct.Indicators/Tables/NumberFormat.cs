using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// How the human renderers (text, Markdown, HTML) show the numbers of a column: a <see cref="NumberStyle"/> and a digit
/// count. Fixed and up-to styles round a decimal midpoint away from zero (0.125 shows as 0.13 with 2 decimals). Invariant
/// culture unless a culture is given (<see cref="FormatIn(double, CultureInfo)"/>, <see cref="TableRenderOptions.Culture"/>); a negative zero after rounding (<c>-0.00</c>) is written without its sign. Machine
/// renderers (CSV, TSV) ignore it and write every number at round-trip precision. Immutable.
/// </summary>
public sealed class NumberFormat : IEquatable<NumberFormat>
{
    private NumberFormat(NumberStyle style, int digits)
    {
        Style = style;
        Digits = digits;
    }

    /// <summary>The rounding style.</summary>
    public NumberStyle Style { get; }

    /// <summary>Decimals (<see cref="NumberStyle.Fixed"/>, <see cref="NumberStyle.UpTo"/>) or significant digits (<see cref="NumberStyle.Significant"/>).</summary>
    public int Digits { get; }

    /// <summary>Exactly <paramref name="decimals"/> decimals: <c>Fixed(2)</c> shows 3.14159 as <c>3.14</c> and 2 as <c>2.00</c>.</summary>
    /// <param name="decimals">0 to 15.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="decimals"/> is outside 0..15.</exception>
    public static NumberFormat Fixed(int decimals) => new(NumberStyle.Fixed, Check(decimals, 0));

    /// <summary>At most <paramref name="decimals"/> decimals: <c>UpTo(2)</c> shows 3 as <c>3</c> and 2.5 as <c>2.5</c>.</summary>
    /// <param name="decimals">0 to 15.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="decimals"/> is outside 0..15.</exception>
    public static NumberFormat UpTo(int decimals) => new(NumberStyle.UpTo, Check(decimals, 0));

    /// <summary>
    /// <paramref name="digits"/> significant digits, no exponent: <c>Significant(4)</c> shows 1234.5 as <c>1235</c>,
    /// 99.874 as <c>99.87</c>, 0.345 as <c>0.3450</c> and 12345.6 as <c>12346</c>.
    /// </summary>
    /// <param name="digits">1 to 15.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="digits"/> is outside 1..15.</exception>
    public static NumberFormat Significant(int digits) => new(NumberStyle.Significant, Check(digits, 1));

    /// <summary>
    /// The number as shown to readers. NaN gives null (the renderer shows its missing text); infinities are written
    /// <c>Infinity</c> and <c>-Infinity</c>.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <returns>The invariant text, or null when <paramref name="value"/> is NaN.</returns>
    public string? Format(double value) => FormatIn(value, CultureInfo.InvariantCulture);

    /// <summary>
    /// The number as shown to readers of <paramref name="culture"/>: rounded exactly as <see cref="Format(double)"/>,
    /// then written with the culture's decimal separator, its group separator between groups of three integer digits
    /// and its negative sign and infinity symbols (<c>vi-VN</c>: 0.665 as <c>0,665</c>, 12345.6 as <c>12.345,6</c>). The
    /// invariant culture gives exactly <see cref="Format(double)"/> (no group separator). NaN gives null.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>The text, or null when <paramref name="value"/> is NaN.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="culture"/> is null.</exception>
    public string? FormatIn(double value, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var invariant = FormatInvariant(value);
        return invariant is null || culture.Equals(CultureInfo.InvariantCulture) ? invariant : Localise(value, invariant, culture.NumberFormat);
    }

    private static string Localise(double value, string invariant, NumberFormatInfo nf)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(nf);
        }

        var negative = invariant.StartsWith('-');
        var body = negative ? invariant[1..] : invariant;
        var point = body.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? body : body[..point];
        var sb = new System.Text.StringBuilder(invariant.Length + 8);
        if (negative)
        {
            sb.Append(nf.NegativeSign);
        }

        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                sb.Append(nf.NumberGroupSeparator);
            }

            sb.Append(whole[i]);
        }

        if (point >= 0)
        {
            sb.Append(nf.NumberDecimalSeparator).Append(body, point + 1, body.Length - point - 1);
        }

        return sb.ToString();
    }

    private string? FormatInvariant(double value)
    {
        if (double.IsNaN(value))
        {
            return null;
        }

        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return Style switch
        {
            NumberStyle.Fixed => WithoutNegativeZero(value.ToString(Digits == 0 ? "0" : "0." + new string('0', Digits), CultureInfo.InvariantCulture)),
            NumberStyle.UpTo => WithoutNegativeZero(value.ToString(Digits == 0 ? "0" : "0." + new string('#', Digits), CultureInfo.InvariantCulture)),
            _ => SignificantText(value, Digits),
        };
    }

    /// <inheritdoc/>
    public bool Equals(NumberFormat? other) => other is not null && other.Style == Style && other.Digits == Digits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NumberFormat);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Style, Digits);

    /// <summary>Formats as <c>fixed(2)</c>, <c>upto(2)</c> or <c>significant(4)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Style.ToString().ToLowerInvariant() + "(" + Digits.ToString(CultureInfo.InvariantCulture) + ")";

    private static int Check(int digits, int min) =>
        digits < min || digits > 15 ? throw new ArgumentOutOfRangeException(nameof(digits), digits, "The number of digits must be between " + min.ToString(CultureInfo.InvariantCulture) + " and 15.") : digits;

    private static string SignificantText(double x, int digits)
    {
        if (x == 0)
        {
            return "0";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        var decimals = Math.Clamp(digits - 1 - magnitude, 0, 15);
        var rounded = Math.Round(x, decimals, MidpointRounding.AwayFromZero);

        // rounding can carry into a new digit (9.9996 -> 10.000): one decimal fewer then
        if (decimals > 0 && (int)Math.Floor(Math.Log10(Math.Abs(rounded))) > magnitude)
        {
            decimals--;
        }

        return WithoutNegativeZero(rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    private static string WithoutNegativeZero(string s) => s.StartsWith('-') && s.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? s[1..] : s;
}
