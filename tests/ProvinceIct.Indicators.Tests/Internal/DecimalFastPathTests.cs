using System.Globalization;
using System.Numerics;
using CsCheck;
using ProvinceIct.Indicators.Internal;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Internal;

/// <summary>
/// <see cref="DecimalFastPath"/>: every text it takes gives the framework parser's double bit for bit; texts outside its
/// exact domain are declined (the caller then asks the framework).
/// </summary>
public sealed class DecimalFastPathTests
{
    private static double Framework(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void AssertSameAsFramework(string s)
    {
        if (DecimalFastPath.TryParse(s, out var fast))
        {
            Assert.True(double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected), $"'{s}' taken by the fast path, refused by the framework");
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(fast), $"'{s}': fast {fast:R}, framework {expected:R}");
        }
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("12", 12.0)]
    [InlineData("-0.375", -0.375)]
    [InlineData("92.3", 92.3)]
    [InlineData("+5", 5.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("1.5e-7", 1.5e-7)]
    [InlineData("2E+3", 2000.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("9007199254740992", 9007199254740992.0)]
    [InlineData("0.000123456789012345", 0.000123456789012345)]
    [InlineData("123456789012345e-22", 123456789012345e-22)]
    public void TryParse_PlainDecimal_FrameworksValue(string text, double expected)
    {
        Assert.True(DecimalFastPath.TryParse(text, out var value));

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(Framework(text)), BitConverter.DoubleToInt64Bits(value));
    }

    [Fact]
    public void TryParse_NegativeZero_NegativeZero()
    {
        Assert.True(DecimalFastPath.TryParse("-0.000", out var value));

        Assert.True(double.IsNegative(value) && value == 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,5")]
    [InlineData("1,000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("0x10")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("9007199254740993")]         // above 2^53: not exact as an integer double, so the framework decides
    [InlineData("1e23")]                     // 10^23 is not an exact double
    [InlineData("1e-23")]
    [InlineData("12345678901234567890")]     // 20 significant digits
    [InlineData("1e99999")]
    public void TryParse_OutsideTheExactDomain_Declined(string text)
    {
        Assert.False(DecimalFastPath.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_RandomDecimals_SameBitsAsTheFramework()
    {
        // Mantissas of 1 to 20 digits, a point anywhere, optional signs and exponents: all within or just beyond the domain.
        var gen = Gen.Select(Gen.Bool, Gen.Char["0123456789"].Array[1, 20], Gen.Int[-1, 21], Gen.Int[-30, 30], Gen.Int[0, 3])
            .Select(t =>
            {
                var (negative, digits, point, exponent, form) = t;
                var mantissa = new string(digits);
                if (point >= 0 && point <= mantissa.Length)
                {
                    mantissa = mantissa[..point] + "." + mantissa[point..];
                }

                var text = (negative ? "-" : form == 1 ? "+" : string.Empty) + mantissa;
                return form switch
                {
                    2 => text + "e" + exponent.ToString(CultureInfo.InvariantCulture),
                    3 => text + "E" + (exponent >= 0 ? "+" : string.Empty) + exponent.ToString(CultureInfo.InvariantCulture),
                    _ => text,
                };
            });

        gen.Sample(AssertSameAsFramework, iter: 200_000);
    }

    [Fact]
    public void TryParse_RoundTripOfRandomDoubles_SameBitsAsTheFramework()
    {
        // What a writer puts in a file: "R" and 15-significant-digit texts of doubles across magnitudes.
        Gen.Double[-1e9, 1e9].Select(Gen.Int[-12, 6], (x, scale) => x * Math.Pow(10, scale)).Sample(x =>
        {
            AssertSameAsFramework(x.ToString("R", CultureInfo.InvariantCulture));
            AssertSameAsFramework(x.ToString("G15", CultureInfo.InvariantCulture));
            AssertSameAsFramework(x.ToString("F4", CultureInfo.InvariantCulture));
        }, iter: 100_000);
    }

    [Fact]
    public void TryParse_TypicalDataFileTexts_TakenByTheFastPath()
    {
        // The fast path is for the common case: it must take what data files hold, or it is no faster.
        foreach (var text in new[] { "3339", "15.875", "92.3", "0.123456789012345", "-12.5", "100", "1.5e-7" })
        {
            Assert.True(DecimalFastPath.TryParse(text, out _), text);
        }
    }

    private static bool ExtendedAgrees(string s)
    {
        if (!DecimalFastPath.TryParseExtended(s, out var fast))
        {
            return false;
        }

        Assert.True(double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected), $"'{s}' taken by the extended path, refused by the framework");
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(fast), $"'{s}': extended {fast:R}, framework {expected:R}");
        return true;
    }

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("1e23")]
    [InlineData("1e-23")]
    [InlineData("12345678901234567890")]
    [InlineData("0.43884514650000001")]
    [InlineData("-4.1180313499999999")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("-1.7976931348623157E+308")]
    [InlineData("2.2250738585072014E-308")]
    [InlineData("2.2250738585072009E-308")]
    [InlineData("4.9406564584124654E-324")]
    [InlineData("5e-324")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.30000000000000000000000000000001")]
    public void TryParseExtended_BeyondClingersDomain_FrameworksValue(string text)
    {
        Assert.True(ExtendedAgrees(text), text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(" 1")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e99999")]
    [InlineData("1e309")]       // overflows: the framework decides (infinity)
    [InlineData("1e-400")]      // rounds to zero: the framework decides
    [InlineData("1.2.3")]
    public void TryParseExtended_NotAPlainFiniteDecimal_Declined(string text)
    {
        Assert.False(DecimalFastPath.TryParseExtended(text, out _));
    }

    [Fact]
    public void TryParseExtended_Random15To19DigitTexts_SameBitsAsTheFramework()
    {
        // 15 to 19 significant digits (a data file's doubles), a point anywhere, exponents across the whole range.
        var random = new Random(20261206);
        var taken = 0;
        const int Count = 300_000;
        Span<char> digits = stackalloc char[19];
        for (var n = 0; n < Count; n++)
        {
            var length = random.Next(15, 20);
            digits[0] = (char)('1' + random.Next(9));
            for (var d = 1; d < length; d++)
            {
                digits[d] = (char)('0' + random.Next(10));
            }

            var mantissa = new string(digits[..length]);
            var point = random.Next(0, length + 1);
            mantissa = random.Next(3) == 0 ? "0." + new string('0', random.Next(4)) + mantissa : mantissa[..point] + "." + mantissa[point..];
            var exponent = random.Next(-300, 290);
            var text = (random.Next(2) == 0 ? "-" : string.Empty) + mantissa + (random.Next(4) == 0 ? string.Empty : "e" + exponent.ToString(CultureInfo.InvariantCulture));
            taken += ExtendedAgrees(text) ? 1 : 0;
        }

        Assert.True(taken >= Count - 10, $"taken {taken} of {Count}");
    }

    [Fact]
    public void TryParseExtended_MoreThan19Digits_SameBitsAsTheFrameworkOrDeclined()
    {
        // 20 to 40 digits: the first 19 and the bound w + 1 must round alike, else the framework decides.
        var random = new Random(3);
        var taken = 0;
        const int Count = 100_000;
        for (var n = 0; n < Count; n++)
        {
            var length = random.Next(20, 41);
            var chars = new char[length];
            chars[0] = (char)('1' + random.Next(9));
            for (var d = 1; d < length; d++)
            {
                chars[d] = (char)('0' + random.Next(10));
            }

            var point = random.Next(0, length + 1);
            var mantissa = new string(chars);
            taken += ExtendedAgrees(mantissa[..point] + "." + mantissa[point..] + "e" + random.Next(-320, 290).ToString(CultureInfo.InvariantCulture)) ? 1 : 0;
        }

        Assert.True(taken > Count * 0.99, $"taken {taken} of {Count}");
    }

    [Fact]
    public void TryParseExtended_ExactHalfwayAndNearHalfwayExpansions_SameBitsAsTheFrameworkOrDeclined()
    {
        // The exact decimal expansion of the midpoint between a double and the next (up to 770 digits), and that text
        // with its last digit one up or down: the hardest cases for a truncating parser; never a wrong double.
        var random = new Random(4);
        for (var n = 0; n < 3_000; n++)
        {
            var bits = random.NextInt64(1, 0x7FEF_FFFF_FFFF_FFFF);
            var exponent = (int)(bits >> 52);
            var m = (BigInteger)(bits & 0xF_FFFF_FFFF_FFFF);
            m = exponent == 0 ? m : m | (BigInteger.One << 52);
            var e2 = (exponent == 0 ? 1 : exponent) - 1075;

            // midpoint = (2m + 1) 2^(e2 - 1)
            var odd = (2 * m) + 1;
            var k = e2 - 1;
            string text;
            if (k >= 0)
            {
                text = (odd << k).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                // (2m + 1) / 2^-k = (2m + 1) 5^-k / 10^-k
                text = (odd * BigInteger.Pow(5, -k)).ToString(CultureInfo.InvariantCulture) + "e" + k.ToString(CultureInfo.InvariantCulture);
            }

            ExtendedAgrees(text);
            var e = text.IndexOf('e', StringComparison.Ordinal);
            var last = e >= 0 ? e - 1 : text.Length - 1;
            if (text[last] is > '0' and < '9')
            {
                ExtendedAgrees(text[..last] + (char)(text[last] + 1) + text[(last + 1)..]);
                ExtendedAgrees(text[..last] + (char)(text[last] - 1) + text[(last + 1)..]);
            }
        }
    }

    [Fact]
    public void TryParseExtended_RoundTripOfRandomDoubles_SameBitsAsTheFramework()
    {
        // Any finite double, subnormals included, in the formats writers use.
        var random = new Random(5);
        var taken = 0;
        const int Count = 100_000;
        for (var n = 0; n < Count; n++)
        {
            var x = BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0_0000_0000_0000));
            taken += ExtendedAgrees(x.ToString("R", CultureInfo.InvariantCulture)) ? 1 : 0;
            ExtendedAgrees(x.ToString("G17", CultureInfo.InvariantCulture));
            ExtendedAgrees(x.ToString("E20", CultureInfo.InvariantCulture));
            ExtendedAgrees((-x).ToString("G15", CultureInfo.InvariantCulture));
        }

        Assert.True(taken >= Count - 10, $"taken {taken} of {Count}");
    }

    [Theory]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(double.Epsilon)]
    [InlineData(-double.Epsilon)]
    [InlineData(2.2250738585072014E-308)]    // the smallest normal
    [InlineData(2.2250738585072009E-308)]    // the largest subnormal
    [InlineData(1e-300)]
    [InlineData(1e300)]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    public void TryParseExtended_ExtremeValues_RoundTrip(double x)
    {
        var text = x.ToString("R", CultureInfo.InvariantCulture);

        Assert.True(DecimalFastPath.TryParseExtended(text, out var value), text);

        Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("ASEM_iData.csv")]
    [InlineData("ASEM_iMeta.csv")]
    public void TryParseExtended_EveryNumberOfTheAsemFiles_TakenWithTheFrameworksBits(string file)
    {
        // COINr's example: numbers of up to 17 significant digits. Every cell the framework reads as a number is taken
        // (none is left to the framework's parser) and gives the same double, bit for bit.
        var table = CsvTable.Read(RepositoryPaths.Get("tests/ProvinceIct.Indicators.Tests/TestData/coinr/" + file)).GetValueOrThrow();
        var numbers = 0;
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                var text = row[c].Trim();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected))
                {
                    continue;
                }

                numbers++;
                Assert.True(DecimalFastPath.TryParseExtended(text, out var fast), $"'{text}' declined");
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(fast), $"'{text}': extended {fast:R}, framework {expected:R}");
            }
        }

        Assert.True(numbers > 200, $"{numbers} numbers");
    }

    [Fact]
    public void TryParseExtended_Random15To20DigitDecimalsWithOrWithoutExponent_SameBitsAsTheFramework()
    {
        // 15 to 20 digits, sometimes after leading zeros, a sign or none, a point anywhere or none, an exponent (e or E,
        // signed or not) or none: the plain texts of up to 19 digits are read eight digits at a time, the others one by one.
        var random = new Random(20261207);
        var taken = 0;
        const int Count = 300_000;
        for (var n = 0; n < Count; n++)
        {
            var length = random.Next(15, 21);
            var chars = new char[length];
            chars[0] = (char)('1' + random.Next(9));
            for (var d = 1; d < length; d++)
            {
                chars[d] = (char)('0' + random.Next(10));
            }

            var digits = new string('0', random.Next(4) == 0 ? random.Next(1, 4) : 0) + new string(chars);
            var point = random.Next(0, digits.Length + 2);
            var mantissa = point > digits.Length ? digits : digits[..point] + "." + digits[point..];
            var sign = random.Next(3) switch { 0 => "-", 1 => "+", _ => string.Empty };
            var exponent = random.Next(2) == 0
                ? string.Empty
                : (random.Next(2) == 0 ? "e" : "E") + (random.Next(3) switch { 0 => "-", 1 => "+", _ => string.Empty }) + random.Next(0, 290).ToString(CultureInfo.InvariantCulture);
            taken += ExtendedAgrees(sign + mantissa + exponent) ? 1 : 0;
        }

        // Declined (then read by the framework): 20-digit texts whose 19-digit bounds round apart, about 1 in 100.
        Assert.True(taken > Count * 0.97, $"taken {taken} of {Count}");
    }

    [Theory]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("+1.25")]
    [InlineData("-0.0")]
    [InlineData("00000000")]
    [InlineData("12345678")]
    [InlineData("12345678.87654321")]
    [InlineData("1234567.8")]
    [InlineData("390.79999114746801")]       // a cell of ASEM_iData.csv: 17 digits
    [InlineData("1234567812345678901")]      // 19 digits, the most read at speed
    [InlineData("0.000000000000000001234")]  // 22 digits with the leading zeros: read one by one
    [InlineData("99999999999999999999")]     // 20 digits
    [InlineData("18446744073709551615.5")]   // beyond 64 bits
    public void TryParseExtended_PlainDecimalsAroundTheEightDigitReads_FrameworksValue(string text)
    {
        Assert.True(ExtendedAgrees(text), text);
    }

    [Theory]
    [InlineData("1234567a")]
    [InlineData("12345678a")]
    [InlineData("12345678.1234567x")]
    [InlineData("1234\u00BD5678")]
    [InlineData("-")]
    [InlineData("+.")]
    [InlineData("1.2.3")]
    [InlineData("12345678 ")]
    public void TryParseExtended_NotADecimalAroundTheEightDigitReads_Declined(string text)
    {
        Assert.False(DecimalFastPath.TryParseExtended(text, out _));
    }
}
