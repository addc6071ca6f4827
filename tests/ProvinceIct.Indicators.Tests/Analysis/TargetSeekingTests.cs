using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class TargetSeekingTests
{
    [Fact]
    public void ForRank_Embedded_ProposedValueVerifiedByRecomputation()
    {
        var m = OpenReadiness2016.Methodology;
        var data = OpenReadiness2016.Dataset;
        var result = OpenReadiness2016.Compute();
        var unit = result.Ranking[29].Unit.Code;
        var t = TargetSeeking.ForRank(m, data, unit, "trained_workers_pct", 20);
        Assert.True(t.IsAchievable, t.Message);
        Assert.False(t.IsAlreadyMet);
        Assert.True(t.Change > 0);
        Assert.InRange(t.ProposedValue, 0, 100);
        var at = IndexCalculator.Compute(m, data.WithValue(unit, "trained_workers_pct", t.ProposedValue));
        Assert.Equal(t.NewRank, at.Rank(unit));
        Assert.True(at.Rank(unit) <= 20);
        // Smallest change: a little less does not reach the target.
        var less = IndexCalculator.Compute(m, data.WithValue(unit, "trained_workers_pct", t.ProposedValue - 1e-6));
        Assert.True(less.Rank(unit) > 20);
    }

    [Fact]
    public void ForRank_NegativeIndicator_LowersTheValue()
    {
        var m = OpenReadiness2016.Methodology;
        var data = OpenReadiness2016.Dataset;
        var unit = OpenReadiness2016.Compute().Ranking[40].Unit.Code;
        var t = TargetSeeking.ForRank(m, data, unit, "poverty_pct", 35);
        Assert.True(t.IsAchievable, t.Message);
        Assert.True(t.Change < 0);
        Assert.True(IndexCalculator.Compute(m, data.WithValue(unit, "poverty_pct", t.ProposedValue)).Rank(unit) <= 35);
    }

    [Fact]
    public void ForRank_LastUnitToFirst_CannotBeDone()
    {
        var result = OpenReadiness2016.Compute();
        var unit = result.Ranking[^1].Unit.Code;
        var t = TargetSeeking.ForRank(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, unit, "literacy_pct", 1);
        Assert.False(t.IsAchievable);
        Assert.True(double.IsNaN(t.ProposedValue));
        Assert.Equal(100, t.RangeUpper);
        Assert.StartsWith("Cannot be done within the valid range [0, 100]", t.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForScore_Tiny_AlreadyMetAndReachable()
    {
        var m = TinyIndex.Methodology();
        var data = TinyIndex.Data();
        var met = TargetSeeking.ForScore(m, data, "C", "i1", 50);
        Assert.True(met.IsAlreadyMet);
        Assert.Equal(0, met.Change);

        // A (16.67) to a score of 40 by raising i1 (a percent): verified by recomputation.
        var t = TargetSeeking.ForScore(m, data, "A", "i1", 40);
        Assert.True(t.IsAchievable, t.Message);
        var at = IndexCalculator.Compute(m, data.WithValue("A", "i1", t.ProposedValue));
        Assert.True(at.Score("A") >= 40);
        AssertNumeric.Close(at.Score("A"), t.NewScore);
        Assert.True(IndexCalculator.Compute(m, data.WithValue("A", "i1", t.ProposedValue - 1e-6)).Score("A") < 40);
    }

    [Fact]
    public void ForRank_UnboundedCount_SearchesExtendedObservedRangeInWholeNumbers()
    {
        // i3 is a count: observed [5, 15], extended by one range above: [0, 25] (count minimum 0 is a kind bound).
        // A = (2 P1 + P2) / 3 with P1 = 25 needs P2 = 100, i.e. i3 above C's 15 (at 15 the column is constant and min-max
        // cannot compute: a miss). At 16: A = (50 + 100) / 3 = 50 = B = C -> all tied at rank 1.
        // Integer bisection 5 | 25: 15 (miss), 20, 17, 16 (meet) -> 16.
        var t = TargetSeeking.ForRank(TinyIndex.Methodology(), TinyIndex.Data(), "A", "i3", 2);
        Assert.Equal(0, t.RangeLower);
        Assert.Equal(25, t.RangeUpper);
        Assert.True(t.IsAchievable, t.Message);
        Assert.Equal(16, t.ProposedValue);
        Assert.Equal(11, t.Change);
        Assert.Equal(1, t.NewRank);
        Assert.Equal(1, IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data().WithValue("A", "i3", 16)).Rank("A"));
    }

    [Fact]
    public void ForRank_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetSeeking.ForRank(TinyIndex.Methodology(), TinyIndex.Data(), "A", "i1", 0));
        Assert.Throws<ArgumentException>(() => TargetSeeking.ForRank(TinyIndex.Methodology(), TinyIndex.Data(), "A", "P1", 1));
    }

    [Fact]
    public void ForRank_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TargetSeeking.ForRank(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, "12", "literacy_pct", 1, cancellation: cts.Token));
    }

    [Fact]
    public void ToTable_TinyCAlreadyFirst_OneRowAlreadyMet()
    {
        // C ranks 1st (index 250/3): rank 1 is already met, so the proposed i1 is the current 10 and nothing changes.
        var table = TargetSeeking.ForRank(TinyIndex.Methodology(), TinyIndex.Data(), "C", "i1", 1).ToTable();
        Assert.Equal("target", table.Name);
        var row = Assert.Single(table.Rows);
        Assert.Equal(("C", "i1", "rank", 1.0, "already met"), (row[0].TextValue, row[1].TextValue, row[2].TextValue, row[3].NumberValue, row[4].TextValue));
        Assert.Equal((10.0, 10.0, 0.0), (row[5].NumberValue, row[6].NumberValue, row[7].NumberValue));
        Assert.Equal((1.0, 1.0), (row[10].NumberValue, row[11].NumberValue));
        AssertNumeric.Close(250.0 / 3, row[12].NumberValue);
    }
}
