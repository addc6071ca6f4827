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

    [Fact]
    public void Outcome_PerUnit_CompletePartialOrMissing()
    {
        // Toy without 70: 75 Đồng Nai (70 + 75) is partial; 79 has a NaN count (partial); 01 Hà Nội is complete.
        var log = Log();
        Assert.Equal(RemapOutcome.Partial, log["75"].Outcome);
        Assert.Equal(RemapOutcome.Partial, log["79"].Outcome);
        Assert.Equal(RemapOutcome.Complete, log["01"].Outcome);
        Assert.Equal(["75", "79"], log.IncompleteUnits.Select(u => u.Unit.Code));
        Assert.False(log.IsComplete);
        Assert.Empty(log.UnmappedInputCodes);
    }

    [Fact]
    public void IncompleteUnits_OnlyTenProvinces_ListsPartialAndBlankUnits()
    {
        // 01 Hà Nội alone forms 01; 30 Hải Dương + 31 Hải Phòng form 31; 26 Vĩnh Phúc is one of three units of 25 Phú Thọ.
        var data = Indicators.Model.Dataset.Create([Indicators.Model.Unit.Create("01"), Indicators.Model.Unit.Create("26"), Indicators.Model.Unit.Create("30"), Indicators.Model.Unit.Create("31")], ["pop"], new double[,] { { 8 }, { 1 }, { 2 }, { 2 } });
        var log = BoundaryRemapper.Remap(data, RemapPlan.Create([KeyValuePair.Create("pop", RemapRule.Sum)])).Log;
        Assert.Equal(RemapOutcome.Complete, log["01"].Outcome);
        Assert.Equal(RemapOutcome.Complete, log["31"].Outcome);
        Assert.Equal(RemapOutcome.Partial, log["25"].Outcome);
        Assert.Equal(RemapOutcome.Missing, log["04"].Outcome);
        Assert.Equal(32, log.IncompleteUnits.Count());
        Assert.Equal(31, log.IncompleteUnits.Count(u => u.Outcome == RemapOutcome.Missing));
        Assert.False(log.IsComplete);
    }

    [Fact]
    public void IsComplete_All63_True()
    {
        var log = BoundaryRemapper.Remap(BoundaryRemapperTests.Toy((_, _, x) => x), BoundaryRemapperTests.ToyPlan()).Log;
        Assert.True(log.IsComplete);
        Assert.Empty(log.IncompleteUnits);
    }

    [Fact]
    public void ToTable_RowPerUnit_ListsAsTexts()
    {
        var table = Log().ToTable();
        Assert.Equal(34, table.Rows.Length);
        Assert.Equal(["code", "unit", "formed_from", "absent", "missing_or_partial"], table.Columns.Select(c => c.Key));
        var dongNai = table.Rows.Single(r => r[0].TextValue == "75");
        Assert.Equal(["75", "Đồng Nai", "70 Bình Phước, 75 Đồng Nai", "70 Bình Phước", "count partial sum (70); pct missing (70); score missing (70)"], dongNai.Cells.Select(c => c.TextValue));
        Assert.Contains("Columns dropped: pop.", table.Notes);
    }
}
