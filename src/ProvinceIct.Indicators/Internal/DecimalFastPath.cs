using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>The significant digits an unsigned 64-bit significand always holds.</summary>
    private const int MaxDigits = 19;

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
        return Scan(text, out var negative, out var w, out var exponent, out var truncated) && !truncated && TryClinger(w, exponent, negative, out value);
    }

    /// <summary>
    /// Parses a plain decimal <paramref name="text"/> (the syntax of <see cref="TryParse"/>, any number of digits) by
    /// Clinger's fast path when it applies, else by <see cref="EiselLemire"/>; the value is the one
    /// <c>double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)</c> gives, bit for bit. With more than 19
    /// significant digits the first 19 are taken: when the rest are not all zeros, the value is accepted only if the
    /// truncated significand w and w + 1 round to the same double (then every number between them does too).
    /// Declined: what <see cref="TryParse"/> declines for its syntax, values that overflow or round to zero, and the
    /// rare texts whose rounding the algorithm cannot prove.
    /// </summary>
    /// <param name="text">The text, already trimmed.</param>
    /// <param name="value">The value, when true.</param>
    /// <returns>True with the correctly rounded value; false when the text is declined (not an error: use the general parser).</returns>
    public static bool TryParseExtended(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (!Scan(text, out var negative, out var w, out var exponent, out var truncated))
        {
            return false;
        }

        if (!truncated)
        {
            return TryClinger(w, exponent, negative, out value) || EiselLemire.TryCompute(w, exponent, negative, out value);
        }

        // w < 10^19, so w + 1 does not overflow.
        return EiselLemire.TryCompute(w, exponent, negative, out value)
            && EiselLemire.TryCompute(w + 1, exponent, negative, out var above)
            && BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(above);
    }

    /// <summary>Clinger's fast path: w and 10^|e| exact doubles, one correctly rounded operation.</summary>
    private static bool TryClinger(ulong w, int exponent, bool negative, out double value)
    {
        value = 0;
        if (w > MaxExactMantissa)
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

    /// <summary>
    /// Reads <c>[+-]digits[.digits][(e|E)[+-]digits]</c> (at least one mantissa digit, one to four exponent digits) into
    /// the significand <paramref name="w"/> of its first 19 significant digits and the decimal exponent of w.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="negative">Whether a minus sign leads.</param>
    /// <param name="w">The first 19 significant digits as an integer.</param>
    /// <param name="exponent">The decimal exponent of w.</param>
    /// <param name="truncated">Whether a nonzero digit beyond the 19th was dropped (w × 10^exponent is then below the value).</param>
    /// <returns>False when the text is not of that form.</returns>
    private static bool Scan(ReadOnlySpan<char> text, out bool negative, out ulong w, out int exponent, out bool truncated)
    {
        truncated = false;
        return TryScanShort(text, out negative, out w, out exponent) || ScanAny(text, out negative, out w, out exponent, out truncated);
    }

    /// <summary>
    /// The common form of <see cref="Scan"/> at speed: <c>[+-]digits[.digits]</c> with at most 19 digits in all (leading
    /// zeros counted), no exponent. Then w is every digit in order (it fits in 64 bits, nothing is truncated) and the
    /// exponent is minus the number of fraction digits, which is what <see cref="ScanAny"/> gives for such a text. Eight
    /// digits are read at a time where they are (SIMD check, SWAR sum). False for anything else, which is left to
    /// <see cref="ScanAny"/> (not an error).
    /// </summary>
    private static bool TryScanShort(ReadOnlySpan<char> text, out bool negative, out ulong w, out int exponent)
    {
        var i = 0;
        negative = false;
        w = 0;
        exponent = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i++;
        }

        var intStart = i;
        i = Digits(text, i, ref w);
        var intDigits = i - intStart;
        var fracDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            var fracStart = ++i;
            i = Digits(text, i, ref w);
            fracDigits = i - fracStart;
        }

        var total = intDigits + fracDigits;
        if (i != text.Length || total == 0 || total > MaxDigits)
        {
            w = 0;
            return false;
        }

        exponent = -fracDigits;
        return true;
    }

    /// <summary>Reads the ASCII digits from <paramref name="i"/> into <paramref name="w"/> (wrapping past 20 digits: the caller then declines); returns the index after them.</summary>
    private static int Digits(ReadOnlySpan<char> text, int i, ref ulong w)
    {
        // The eight-digit sum reads the first digit from the lowest byte: little-endian only (every platform .NET 10
        // runs on; the check is a constant for the JIT, and a big-endian machine takes the loop below).
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            while (text.Length - i >= 8 && TryEightDigits(text.Slice(i, 8), out var eight))
            {
                w = unchecked((w * 100_000_000) + eight);
                i += 8;
            }
        }

        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
        {
            w = unchecked((w * 10) + (uint)(text[i] - '0'));
        }

        return i;
    }

    /// <summary>
    /// Eight characters as a number when all are ASCII digits: one SIMD check, then fast_float's SWAR sum of the eight
    /// digit bytes (Lemire, "parse_eight_digits_unrolled").
    /// </summary>
    private static bool TryEightDigits(ReadOnlySpan<char> eight, out uint value)
    {
        var chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(eight)));
        var digits = chars - Vector128.Create((ushort)'0');
        if (!Vector128.LessThanOrEqualAll(digits, Vector128.Create((ushort)9)))
        {
            value = 0;
            return false;
        }

        // The first digit in the lowest byte.
        var val = Vector128.Narrow(digits, digits).AsUInt64().ToScalar();
        const ulong mask = 0x000000FF000000FF;
        const ulong mul1 = 0x000F424000000064; // 100 + (1,000,000 << 32)
        const ulong mul2 = 0x0000271000000001; // 1 + (10,000 << 32)
        val = unchecked((val * 10) + (val >> 8));
        val = unchecked((((val & mask) * mul1) + (((val >> 16) & mask) * mul2)) >> 32);
        value = (uint)val;
        return true;
    }

    /// <summary>The general form of <see cref="Scan"/>, one character at a time.</summary>
    private static bool ScanAny(ReadOnlySpan<char> text, out bool negative, out ulong w, out int exponent, out bool truncated)
    {
        var i = 0;
        negative = false;
        w = 0;
        exponent = 0;
        truncated = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = 0;        // significant digits taken into w (leading zeros are not counted)
        var anyDigit = false;
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
        {
            anyDigit = true;
            if (w == 0 && text[i] == '0')
            {
                continue;
            }

            if (digits == MaxDigits)
            {
                // Beyond 19 digits: dropped, each one a power of ten on w.
                exponent++;
                truncated |= text[i] != '0';
                continue;
            }

            digits++;
            w = (w * 10) + (uint)(text[i] - '0');
        }

        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                anyDigit = true;
                if (w == 0 && text[i] == '0')
                {
                    exponent--;
                    continue;
                }

                if (digits == MaxDigits)
                {
                    truncated |= text[i] != '0';
                    continue;
                }

                exponent--;
                digits++;
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

        return i == text.Length;
    }
}
