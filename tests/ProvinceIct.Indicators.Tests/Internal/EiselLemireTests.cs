using System.Globalization;
using System.Numerics;
using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tests.Internal;

/// <summary>
/// <see cref="EiselLemire"/>: its table of powers of five is the one the algorithm defines, and every value it computes
/// is the framework parser's double bit for bit; it may decline, but rarely.
/// </summary>
public sealed class EiselLemireTests
{
    private static double Framework(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Text(ulong w, int q) => w.ToString(CultureInfo.InvariantCulture) + "e" + q.ToString(CultureInfo.InvariantCulture);

    /// <summary>Asserts agreement when taken; returns whether it was taken.</summary>
    private static bool Agrees(ulong w, int q, bool negative)
    {
        if (!EiselLemire.TryCompute(w, q, negative, out var value))
        {
            return false;
        }

        var text = (negative ? "-" : string.Empty) + Text(w, q);
        var expected = Framework(text);
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"{text}: Eisel-Lemire {value:R}, framework {expected:R}");
        return true;
    }

    [Fact]
    public void Powers_EveryEntry_TheTruncatedPowerOfFive()
    {
        var powers = EiselLemire.Powers.ToArray();
        var one128 = BigInteger.One << 128;

        Assert.Equal(2 * (EiselLemire.LargestPowerOfTen - EiselLemire.SmallestPowerOfTen + 1), powers.Length);
        for (var q = EiselLemire.SmallestPowerOfTen; q <= EiselLemire.LargestPowerOfTen; q++)
        {
            BigInteger c;
            if (q < 0)
            {
                // floor(2^b / 5^-q) + 1, b = z + 127 (q >= -27) or 2z + 128, z the bit length of 5^-q; truncated to 128 bits.
                var p5 = BigInteger.Pow(5, -q);
                var z = (int)p5.GetBitLength();
                var b = q >= -27 ? z + 127 : (2 * z) + 128;
                c = (BigInteger.One << b) / p5 + 1;
            }
            else
            {
                c = BigInteger.Pow(5, q) << 128;
            }

            while (c >= one128)
            {
                c >>= 1;
            }

            while (c < one128 >> 1)
            {
                c <<= 1;
            }

            var index = 2 * (q - EiselLemire.SmallestPowerOfTen);
            Assert.True((ulong)(c >> 64) == powers[index] && (ulong)(c & ulong.MaxValue) == powers[index + 1], $"5^{q}");
        }
    }

    [Theory]
    [InlineData(1UL, 0, 1.0)]
    [InlineData(17976931348623157UL, 292, double.MaxValue)]
    [InlineData(22250738585072014UL, -324, 2.2250738585072014E-308)]   // the smallest normal double
    [InlineData(49406564584124654UL, -340, double.Epsilon)]             // the smallest subnormal
    [InlineData(9007199254740993UL, 0, 9007199254740992.0)]             // 2^53 + 1: halfway, ties to the even 2^53
    [InlineData(9007199254740995UL, 0, 9007199254740996.0)]             // 2^53 + 3: halfway, ties to the even 2^53 + 4
    [InlineData(1UL, 23, 1e23)]
    public void TryCompute_KnownValues_CorrectlyRounded(ulong w, int q, double expected)
    {
        Assert.True(EiselLemire.TryCompute(w, q, false, out var value));

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData(0UL, 0)]        // zero: the caller's case
    [InlineData(1UL, 309)]      // overflow
    [InlineData(18UL, 307)]     // 1.8e308 overflows
    [InlineData(1UL, -343)]     // below every double
    [InlineData(1UL, -400)]
    public void TryCompute_ZeroOrOutOfRange_Declined(ulong w, int q)
    {
        Assert.False(EiselLemire.TryCompute(w, q, false, out _));
    }

    [Fact]
    public void TryCompute_Random15To19DigitSignificandsAcrossExponents_SameBitsAsTheFramework()
    {
        var random = new Random(20261206);
        var taken = 0;
        const int Count = 300_000;
        for (var n = 0; n < Count; n++)
        {
            var digits = random.Next(15, 20);
            var low = (ulong)Math.Pow(10, digits - 1);
            var w = low + (ulong)random.NextInt64((long)Math.Min(9 * (double)low, long.MaxValue));
            var q = random.Next(-325, 290); // 1e-311 < w 10^q < 1e308: neither zero nor infinite
            taken += Agrees(w, q, random.Next(2) == 0) ? 1 : 0;

            // At and beyond the ends (overflow, underflow to zero) a value may be declined, never wrong.
            Agrees(w, random.Next(-360, 330), false);
        }

        // Inside the range a decline is only the ambiguity test's, which random significands almost never meet.
        Assert.True(taken >= Count - 10, $"taken {taken} of {Count}");
    }

    [Fact]
    public void TryCompute_HalfwayAndNearHalfwayIntegers_SameBitsAsTheFramework()
    {
        // (2m + 1) 2^(s-1) lies exactly halfway between the doubles 2m 2^(s-1) and (2m + 2) 2^(s-1) for m in [2^52, 2^53);
        // one above and one below it are near-halfway. All are integers below 2^64, scaled by 10^k when they end in zeros.
        var random = new Random(14);
        var taken = 0;
        var count = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var m = (1UL << 52) + (ulong)random.NextInt64(1L << 52);
            var s = random.Next(1, 11);
            var half = ((2 * m) + 1) << (s - 1);
            foreach (var w in new[] { half, half - 1, half + 1 })
            {
                count++;
                taken += Agrees(w, 0, false) ? 1 : 0;
                var (v, k) = StripZeros(w);
                taken += Agrees(v, k, false) ? 1 : 0;
                count++;
            }
        }

        Assert.True(taken == count, $"taken {taken} of {count}");
    }

    [Fact]
    public void TryCompute_HalfwayWithDecimalFraction_SameBitsAsTheFramework()
    {
        // (2m + 1) / 2^k = (2m + 1) 5^k / 10^k: exactly halfway, with k = 1..3 fitting in 19 digits for m < 2^53.
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var k = random.Next(1, 4);
            var m = (ulong)random.NextInt64(1L << 52, 1L << 53);
            var w = ((2 * m) + 1) * (ulong)Math.Pow(5, k);
            Assert.True(Agrees(w, -k, false), Text(w, -k));
            Assert.True(Agrees(w - 1, -k, false) && Agrees(w + 1, -k, false), Text(w, -k));
        }
    }

    [Fact]
    public void TryCompute_PowersOfTen_SameBitsAsTheFramework()
    {
        for (var q = -342; q <= 308; q++)
        {
            // 1e-324 and below round to zero (declined); every larger power of ten is computed.
            Assert.True(Agrees(1, q, false) || q < -323, $"1e{q}");
            Agrees(9_999_999_999_999_999_999UL, q - 19, false);
        }
    }

    [Fact]
    public void TryCompute_ShortestRoundTripOfRandomDoubles_SameBitsAsTheFramework()
    {
        // Every bit pattern of a finite positive double, subnormals included, written the shortest way ("R"), then read back.
        var random = new Random(1);
        var taken = 0;
        const int Count = 100_000;
        for (var n = 0; n < Count; n++)
        {
            var x = BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0_0000_0000_0000));
            var (w, q) = Decompose(x.ToString("R", CultureInfo.InvariantCulture));
            taken += Agrees(w, q, false) ? 1 : 0;
        }

        Assert.True(taken >= Count - 10, $"taken {taken} of {Count}");
    }

    [Fact]
    public void TryCompute_Subnormals_SameBitsAsTheFramework()
    {
        var random = new Random(2);
        for (var n = 0; n < 50_000; n++)
        {
            var x = BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52));
            foreach (var format in new[] { "R", "E16", "E18", "E5" })
            {
                var (w, q) = Decompose(x.ToString(format, CultureInfo.InvariantCulture));
                Agrees(w, q, false);
            }
        }

        // The halfway point between zero and the smallest subnormal, and just above it.
        Agrees(24703282292062327UL, -340, false);
        Agrees(24703282292062328UL, -340, false);
        Assert.True(Agrees(49406564584124654UL, -340, false));
    }

    private static (ulong W, int Q) StripZeros(ulong w)
    {
        var k = 0;
        while (w % 10 == 0)
        {
            w /= 10;
            k++;
        }

        return (w, k);
    }

    /// <summary>The significand digits (no point, no leading zeros) and the exponent of a text like 1.2345E-300 or 0.001.</summary>
    private static (ulong W, int Q) Decompose(string text)
    {
        var e = text.IndexOfAny(['E', 'e']);
        var q = e >= 0 ? int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture) : 0;
        var mantissa = e >= 0 ? text[..e] : text;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0)
        {
            q -= mantissa.Length - point - 1;
            mantissa = mantissa.Remove(point, 1);
        }

        return (ulong.Parse(mantissa.TrimStart('0'), CultureInfo.InvariantCulture), q);
    }
}
