using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Uncertainty;

public class UnitRankStatisticsTests
{
    // Ranks 1, 1, 2, 3, 3, 3, 5 (histogram by twice the rank); one run without a score.
    private static UnitRankStatistics Make()
    {
        var counts = new int[11];
        counts[2] = 2;
        counts[4] = 1;
        counts[6] = 3;
        counts[10] = 1;
        return new UnitRankStatistics(Unit.Create("X"), 2, 50, counts, 1, 7 * 50, 7 * 2500);
    }

    [Fact]
    public void MeanRank_FromHistogram() => Assert.Equal(18.0 / 7, Make().MeanRank, 12); // (1+1+2+3+3+3+5)/7

    [Theory]
    [InlineData(0.5, 3)]      // h = 6 * 0.5 = 3: 4th smallest = 3
    [InlineData(0.05, 1)]     // h = 0.3: 1 + 0.3 * (1 - 1)
    [InlineData(0.95, 4.4)]   // h = 5.7: 3 + 0.7 * (5 - 3)
    [InlineData(0.25, 1.5)]   // h = 1.5: 1 + 0.5 * (2 - 1)
    [InlineData(1, 5)]
    public void RankQuantile_Type7_InterpolatesOrderStatistics(double p, double expected) =>
        Assert.Equal(expected, Make().RankQuantile(p), 12);

    [Fact]
    public void ProbabilityTop_CountsRanksAtOrBetterK()
    {
        var s = Make();
        Assert.Equal(2.0 / 7, s.ProbabilityTop(1), 12);
        Assert.Equal(6.0 / 7, s.ProbabilityTop(3), 12);
        Assert.Equal(1, s.MissingRuns);
    }

    [Fact]
    public void ScoreStandardDeviation_ConstantScores_IsZero() => Assert.Equal(0, Make().ScoreStandardDeviation, 12);
}
