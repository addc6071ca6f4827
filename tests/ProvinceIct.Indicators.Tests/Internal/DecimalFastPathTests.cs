using System.Globalization;
using CsCheck;
using ProvinceIct.Indicators.Internal;

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
}
