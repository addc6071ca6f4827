using CsCheck;
using ProvinceIct.Indicators.Ranking;
using Xunit;

namespace ProvinceIct.Indicators.Tests.Ranking;

public class RankKernelTests
{
    private static readonly TiePolicy[] Policies = [TiePolicy.Competition, TiePolicy.Dense, TiePolicy.Fractional, TiePolicy.Ordinal];

    // Values that stress the key mapping and the tie pass: signed zeros, infinities, subnormals, float-noise twins,
    // exact repeats, NaN, and both signs across the whole exponent range.
    private static readonly double[] Specials =
    [
        0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, double.NaN,
        5.0999999999999996, 5.1000000000000005, 1e-300, -1e-300, double.MaxValue, double.MinValue, 100, 100, 42.5,
    ];

    private static readonly Gen<double> Score = Gen.Frequency(
        (4, Gen.Double[0, 100]),
        (2, Gen.Int[0, 20].Select(i => (double)i)),
        (1, Gen.Int[0, Specials.Length - 1].Select(i => Specials[i])),
        (1, Gen.Double));

    private static double[] RankBy(double[] scores, TiePolicy ties, bool radix)
    {
        var n = scores.Length;
        var ranks = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = n - 1 - i; // a unit-code order unlike the index order (a permutation for every n; (i * 7919) % n was not for n = 7919)
        }

        var scratch = radix ? new RadixScratch(n) : null;
        RankKernel.RankDescending(scores, ranks, ties, ties == TiePolicy.Ordinal ? order : [], new double[n], new int[n], scratch);
        return ranks;
    }

    [Fact]
    public void RankDescending_RadixAndComparisonSort_SameRanksUnderEveryPolicy() =>
        Score.Array[RankKernel.RadixThreshold, 3 * RankKernel.RadixThreshold].Sample(scores =>
        {
            foreach (var ties in Policies)
            {
                Assert.Equal(RankBy(scores, ties, radix: false), RankBy(scores, ties, radix: true));
            }
        }, iter: 200);

    [Fact]
    public void RadixSort_RandomKeys_SortedAsArraySortWithItemsCarried() =>
        Score.Where(x => !double.IsNaN(x)).Array[1, 2000].Sample(values =>
        {
            var keys = (double[])values.Clone();
            var items = Enumerable.Range(0, keys.Length).ToArray();
            RankKernel.RadixSort(keys, items, new RadixScratch(keys.Length));
            var expected = (double[])values.Clone();
            Array.Sort(expected);
            for (var i = 0; i < keys.Length; i++)
            {
                // -0 and +0 may come in either order (they compare equal); every other key bit for bit.
                Assert.True(keys[i] == expected[i], $"position {i}: {keys[i]:R} against {expected[i]:R}");
                Assert.Equal(BitConverter.DoubleToInt64Bits(values[items[i]]), BitConverter.DoubleToInt64Bits(keys[i]));
            }
        }, iter: 300);

    [Fact]
    public void RadixSort_EqualKeys_KeepsInputOrder()
    {
        double[] keys = [3, 1, 3, 2, 1, 3];
        int[] items = [0, 1, 2, 3, 4, 5];
        RankKernel.RadixSort(keys, items, new RadixScratch(6));
        Assert.Equal([1, 1, 2, 3, 3, 3], keys);
        Assert.Equal([1, 4, 3, 0, 2, 5], items);
    }

    [Fact]
    public void RadixSort_SignsAndZeros_OrderedAsNumbers()
    {
        double[] keys = [0.0, -2.5, double.PositiveInfinity, -0.0, 1e-310, double.NegativeInfinity, -1e-310, 7];
        var items = Enumerable.Range(0, keys.Length).ToArray();
        RankKernel.RadixSort(keys, items, new RadixScratch(keys.Length));
        Assert.Equal([double.NegativeInfinity, -2.5, -1e-310, -0.0, 0.0, 1e-310, 7, double.PositiveInfinity], keys);
        Assert.Equal([5, 1, 6, 3, 0, 4, 7, 2], items);
        Assert.True(double.IsNegative(keys[3]));
    }

    [Fact]
    public void RankDescending_ThousandUnitsWithNoiseTwins_TiedAsWithFewUnits()
    {
        // 1,000 units (radix path): unit 0 and unit 999 differ by float noise only, units 1..998 are distinct.
        var scores = Enumerable.Range(0, 1000).Select(i => 10.0 + (i * 0.001)).ToArray();
        scores[0] = 5.0999999999999996;
        scores[999] = 5.1000000000000005;
        var ranks = RankBy(scores, TiePolicy.Competition, radix: true);
        Assert.Equal(999, ranks[0]);
        Assert.Equal(999, ranks[999]);
        Assert.Equal(1, ranks[998]);
    }

    [Fact]
    public void For_FewUnits_NoScratch()
    {
        Assert.Null(RadixScratch.For(RankKernel.RadixThreshold - 1));
        Assert.Equal(RankKernel.RadixThreshold, RadixScratch.For(RankKernel.RadixThreshold)!.Capacity);
    }
}
