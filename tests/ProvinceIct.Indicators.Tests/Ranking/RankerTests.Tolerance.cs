using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Tests.Ranking;

public partial class RankerTests
{
    [Theory]
    [InlineData(TiePolicy.Competition, new[] { 1.0, 1, 3 })]
    [InlineData(TiePolicy.Dense, new[] { 1.0, 1, 2 })]
    [InlineData(TiePolicy.Fractional, new[] { 1.5, 1.5, 3 })]
    [InlineData(TiePolicy.Ordinal, new[] { 1.0, 2, 3 })] // the tie is broken by position, not by the noise
    public void Rank_FloatNoise_OneTieUnderEveryPolicy(TiePolicy ties, double[] expected)
    {
        // 5.0999999999999996 and 5.1000000000000005 are two doubles 2 ulp apart: |a - b| = 1.8e-15 <= 1e-12 * 5.1.
        Assert.NotEqual(5.0999999999999996, 5.1000000000000005);
        Assert.Equal(expected, Ranker.Rank([5.0999999999999996, 5.1000000000000005, 1], ties));
    }

    [Fact]
    public void Rank_SameSumInAnotherOrder_Tied()
    {
        var a = 0.1 + 0.2 + 0.3; // 0.6000000000000001
        var b = 0.3 + 0.2 + 0.1; // 0.6
        Assert.NotEqual(a, b);
        Assert.Equal([1.0, 1, 3], Ranker.Rank([a, b, 0.5]));
    }

    [Fact]
    public void Rank_ZeroAndTiny_Distinct() =>
        // no absolute floor: 1e-300 is above 0
        Assert.Equal([2.0, 1], Ranker.Rank([0, 1e-300]));

    [Fact]
    public void Rank_ChainOfNearValues_GroupedFromTheBestOfTheGroup()
    {
        // 1, 1 - 0.6e-12, 1 - 1.2e-12: the second is within 1e-12 of the first, the third is not (1.2e-12 > 1e-12),
        // although it is within 1e-12 of the second: groups are measured from their first (best) value.
        var a = 1.0;
        var b = 1 - 0.6e-12;
        var c = 1 - 1.2e-12;
        Assert.Equal([1.0, 1, 3], Ranker.Rank([a, b, c]));
        Assert.Equal([3.0, 1, 1], Ranker.Rank([c, a, b])); // same groups in any input order
    }

    [Fact]
    public void Rank_ManyUnits_NoiseTiedAsWithFew()
    {
        // 200 units (beyond any small-n path): scores 0..199, with the two largest replaced by noisy 500s.
        var s = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        s[198] = 5.0999999999999996 * 100;
        s[199] = 5.1000000000000005 * 100;
        var r = Ranker.Rank(s, TiePolicy.Competition);
        Assert.Equal(1, r[198]);
        Assert.Equal(1, r[199]);
        Assert.Equal(3, r[197]);
    }

    [Fact]
    public void Rank_Infinities_TieOnlyWithTheSameInfinity() =>
        Assert.Equal([1.0, 3, 1, 4], Ranker.Rank([double.PositiveInfinity, 1.7e308, double.PositiveInfinity, double.NegativeInfinity]));
}
