namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// Exact parsing of the plain decimal numbers data files are made of (<c>12</c>, <c>-0.375</c>, <c>92.3</c>,
/// <c>1.5e-7</c>) without the framework's general parser, which is several times slower per value. A text is taken only
/// when its significant digits make an integer w ≤ 2^53 and its decimal exponent e is within ±22: then w and 10^|e|
/// are both exact doubles and one IEEE multiplication or division rounds correctly, so the value is the one
/// <c>double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)</c> gives, bit for bit (Clinger's fast path).
/// Anything else (more digits, larger exponents, <c>Infinity</c>, <c>NaN</c>, white space, thousands separators,
/// an empty mantissa) is declined, and the caller falls back to the framework's parser.
/// </summary>
internal static class DecimalFastPath
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses <paramref name="text"/> when it is in the exact fast domain.</summary>
    /// <param name="text">The text, already trimmed.</param>
    /// <param name="value">The value, when true.</param>
    /// <returns>True with the correctly rounded value; false when the text is declined (not an error: use the general parser).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        ulong w = 0;
        var digits = 0;        // significant digits taken into w (leading zeros are not counted)
        var anyDigit = false;
        var exponent = 0;      // decimal exponent of w
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
        {
            anyDigit = true;
            if (w == 0 && text[i] == '0')
            {
                continue;
            }

            if (++digits > 19)
            {
                return false;
            }

            w = (w * 10) + (uint)(text[i] - '0');
        }

        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                anyDigit = true;
                exponent--;
                if (w == 0 && text[i] == '0')
                {
                    continue;
                }

                if (++digits > 19)
                {
                    return false;
                }

                w = (w * 10) + (uint)(text[i] - '0');
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                expNegative = text[i] == '-';
                i++;
            }

            var expDigits = 0;
            var e = 0;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                if (++expDigits > 4)
                {
                    return false;
                }

                e = (e * 10) + (text[i] - '0');
            }

            if (expDigits == 0)
            {
                return false;
            }

            exponent += expNegative ? -e : e;
        }

        if (i != text.Length || w > MaxExactMantissa)
        {
            return false;
        }

        double x = w;
        if (w != 0)
        {
            if (exponent < -22 || exponent > 22)
            {
                return false;
            }

            x = exponent >= 0 ? x * PowersOfTen[exponent] : x / PowersOfTen[-exponent];
        }

        value = negative ? -x : x;
        return true;
    }
}
