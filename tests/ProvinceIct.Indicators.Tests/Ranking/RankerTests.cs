using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Tests.Ranking;

public partial class RankerTests
{
    private const double N = double.NaN;
    private static readonly double[] Scores = [10, 30, 20, 30, N];
    private static readonly string[] Codes = ["e", "d", "c", "b", "a"];

    [Theory]
    [InlineData(TiePolicy.Competition, new[] { 4, 1, 3, 1, N })] // 1224
    [InlineData(TiePolicy.Dense, new[] { 3, 1, 2, 1, N })] // 1223
    [InlineData(TiePolicy.Fractional, new[] { 4, 1.5, 3, 1.5, N })] // (1 + 2) / 2 = 1.5
    [InlineData(TiePolicy.Ordinal, new[] { 4, 2, 3, 1, N })] // tie broken by code: "b" before "d"
    public void Rank_TiePolicies_FollowDefinition(TiePolicy ties, double[] expected) =>
        Assert.Equal(expected, Ranker.Rank(Scores, ties, Codes));

    [Fact]
    public void Rank_OrdinalWithoutCodes_BreaksTiesByPosition() =>
        Assert.Equal([4, 1, 3, 2, N], Ranker.Rank(Scores, TiePolicy.Ordinal));

    [Fact]
    public void Rank_Empty_IsEmpty() => Assert.Empty(Ranker.Rank([]));

    [Fact]
    public void Rank_AllEqual_AllFirst() => Assert.Equal([1, 1, 1], Ranker.Rank([5, 5, 5]));

    [Fact]
    public void Rank_AllMissing_NoRanks() => Assert.Equal([N, N], Ranker.Rank([N, N]));

    [Fact]
    public void Change_MovedUp_IsPositive() => Assert.Equal(36, Ranker.Change(49, 13)); // Bình Phước 2011 -> 2012

    [Fact]
    public void Rank_RandomScores_PoliciesAreConsistent()
    {
        var rng = new Random(63);
        for (var t = 0; t < 200; t++)
        {
            var n = rng.Next(1, 2 * 130);
            var s = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.1 ? N : Math.Round(rng.NextDouble() * 10)).ToArray();
            var codes = Enumerable.Range(0, n).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var present = s.Where(v => !double.IsNaN(v)).ToArray();
            var comp = Ranker.Rank(s, TiePolicy.Competition, codes);
            var ord = Ranker.Rank(s, TiePolicy.Ordinal, codes);
            var frac = Ranker.Rank(s, TiePolicy.Fractional, codes);
            var dense = Ranker.Rank(s, TiePolicy.Dense, codes);
            // Ordinal ranks are a permutation of 1..k; fractional ranks sum to k(k+1)/2.
            Assert.Equal(Enumerable.Range(1, present.Length).Select(i => (double)i), ord.Where(r => !double.IsNaN(r)).Order());
            Assert.Equal(present.Length * (present.Length + 1) / 2.0, frac.Where(r => !double.IsNaN(r)).Sum(), 9);
            for (var i = 0; i < n; i++)
            {
                if (double.IsNaN(s[i]))
                {
                    Assert.True(double.IsNaN(comp[i]) && double.IsNaN(ord[i]) && double.IsNaN(dense[i]));
                    continue;
                }

                // competition = 1 + number strictly better; dense = 1 + number of distinct better scores
                Assert.Equal(1 + present.Count(v => v > s[i]), comp[i]);
                Assert.Equal(1 + present.Where(v => v > s[i]).Distinct().Count(), dense[i]);
            }
        }
    }

    [Theory]
    [InlineData(TiePolicy.Competition)]
    [InlineData(TiePolicy.Fractional)]
    [InlineData(TiePolicy.Ordinal)]
    public void Rank_CountingAndSortingPaths_Agree(TiePolicy ties)
    {
        // Up to 128 units ranks are counted; above, sorted. Rank a long list and its first 100 entries alone.
        var rng = new Random(5);
        var s = Enumerable.Range(0, 400).Select(_ => rng.NextDouble() < 0.05 ? N : Math.Round(rng.NextDouble() * 30)).ToArray();
        var codes = Enumerable.Range(0, 400).Select(i => (1000 - i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var head = s.Take(100).ToArray();
        var counted = Ranker.Rank(head, ties, codes.Take(100).ToArray());
        var sorted = Ranker.Rank(head.Concat(Enumerable.Repeat(double.NegativeInfinity, 300)).ToArray(), ties, codes);
        Assert.Equal(counted, sorted.Take(100));
    }
}
