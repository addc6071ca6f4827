using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Tests.Geography;

public class RemapLogTests
{
    private static RemapLog Log() =>
        BoundaryRemapper.Remap(
            BoundaryRemapperTests.Toy((code, column, x) => code == "77" && column == "count" ? double.NaN : x, without: ["70"]),
            BoundaryRemapperTests.ToyPlan().With("count", RemapRule.Sum.WithMissingPolicy(RemapMissingPolicy.UseAvailable)).With("pop", RemapRule.Drop)).Log;

    [Fact]
    public void Indexer_EachUnit_PredecessorsWithCodesAndNames()
    {
        var log = Log();
        Assert.Equal(34, log.Units.Length);
        Assert.Equal("79 Hồ Chí Minh <- 74 Bình Dương + 77 Bà Rịa - Vũng Tàu + 79 Hồ Chí Minh", log["79"].ToString());
        Assert.Equal("01 Hà Nội <- 01 Hà Nội", log["01"].ToString());
        Assert.Throws<KeyNotFoundException>(() => log["70"]);
        Assert.Equal(63, log.Units.Sum(u => u.Predecessors.Length));
    }

    [Fact]
    public void Cells_RuleOutcomeAndMissingPredecessors()
    {
        var log = Log();
        Assert.Equal("79 count: sum/use-available, partial (missing 77)", log["79"].Cell("count").ToString());
        Assert.Equal("75 count: sum/use-available, partial (missing 70)", log["75"].Cell("count").ToString());
        Assert.Equal("75 pct: weighted-mean[pop], missing (missing 70)", log["75"].Cell("pct").ToString());
        Assert.Equal("79 score: mean, complete", log["79"].Cell("score").ToString());
        Assert.Equal(["75 count", "79 count"], log.PartialSums.Select(c => c.UnitCode + " " + c.IndicatorCode));
    }

    [Fact]
    public void ToString_Summary()
    {
        Assert.Equal("RemapLog: 62 -> 34 units, 4 columns (1 dropped), 1 absent predecessors, 2 missing, 2 partial (2 partial sums)", Log().ToString());
    }

    [Fact]
    public void ToMarkdown_RowPerUnit()
    {
        var lines = Log().ToMarkdown().Split('\n');
        Assert.Equal(36, lines.Length);
        Assert.Equal("| code | unit | formed from | absent | missing or partial values |", lines[0]);
        Assert.Contains("| 75 | Đồng Nai | 70 Bình Phước, 75 Đồng Nai | 70 Bình Phước | count partial sum (70); pct missing (70); score missing (70) |", lines);
        Assert.Contains("| 01 | Hà Nội | 01 Hà Nội |  |  |", lines);
    }
}
