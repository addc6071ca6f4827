using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class ResultComparisonTests
{
    [Fact]
    public void Compare_SameResult_NoChangeAndRhoOne()
    {
        var r = Indicators.Presets.OpenReadiness2016.Compute();
        var c = ResultComparison.Compare(r, r);
        Assert.Equal(63, c.Rows.Length);
        Assert.All(c.Rows, x => Assert.Equal(0, x.RankChange));
        AssertNumeric.Close(1, c.RankCorrelation.Coefficient);
        Assert.Equal(0, c.MeanAbsoluteRankChange);
        Assert.Empty(c.OnlyBefore);
    }

    [Fact]
    public void Compare_TinyWithoutI1_RankChangesOldMinusNew()
    {
        // Before: A 3, B 2, C 1. With i1 weight 0: A 1, B 2, C 3 -> changes +2, 0, -2; rho = -1.
        var m = TinyIndex.Methodology();
        var before = IndexCalculator.Compute(m, TinyIndex.Data());
        var after = IndexCalculator.Compute(m with { Framework = m.Framework.WithWeight("i1", 0) }, TinyIndex.Data());
        var c = ResultComparison.Compare(before, after);
        Assert.Equal([2.0, 0.0, -2.0], c.Rows.Select(x => x.RankChange).ToArray());
        AssertNumeric.Close(-1, c.RankCorrelation.Coefficient);
        Assert.Equal(["A", "C"], c.MovedMost(2).Select(x => x.UnitCode).ToArray());
        var md = c.ToMarkdown();
        Assert.Contains("| A | Alpha | 16.67 | 66.67 | 3 | 1 | +2 |", md, StringComparison.Ordinal);
        Assert.Equal(4, c.ToCsv().Split('\n').Length);
    }

    [Fact]
    public void Compare_WithMap_MatchesThroughIt()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var c = ResultComparison.Compare(r, r, new Dictionary<string, string> { ["A"] = "C", ["B"] = "C" });
        Assert.Equal(["A", "B"], c.Rows.Select(x => x.UnitCode).ToArray());
        Assert.Equal(2, c.Rows[0].RankChange); // 3 -> 1
        Assert.Equal(["C"], c.OnlyBefore.ToArray());
        Assert.Equal(["A", "B"], c.OnlyAfter.ToArray());
        Assert.Throws<KeyNotFoundException>(() => ResultComparison.Compare(r, r, new Dictionary<string, string> { ["A"] = "Z" }));
    }
}
