using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class CompareCommandTests : CliRunner
{
    private static Methodology HeavierEconomy() =>
        OpenReadiness2016.Methodology with { Code = "heavier-economy", Framework = OpenReadiness2016.Methodology.Framework.WithWeight("economy", 3) };

    private string SaveResult(string name, IndexResult result)
    {
        var path = Path.Combine(Dir, name);
        ResultJson.Save(result, path);
        return path;
    }

    [Theory]
    [InlineData(36, "up 36 places")]
    [InlineData(1, "up 1 place")]
    [InlineData(-2, "down 2 places")]
    [InlineData(-1, "down 1 place")]
    [InlineData(0, "no change")]
    [InlineData(double.NaN, "-")]
    [InlineData(1.5, "up 1.5 places")]
    public void Movement_Change_PlainWords(double change, string expected) => Assert.Equal(expected, CompareCommand.Movement(change));

    [Fact]
    public void Compare_PresetAgainstMethodologyFile_TableWithMovesAndRho()
    {
        var file = Write("heavier.json", MethodologyJson.Serialize(HeavierEconomy()));
        var data = Path.Combine(Dir, "data.csv");
        WideCsv.Save(OpenReadiness2016.Dataset, data);
        var (code, output, err) = Run("compare", "--before-preset", "open-readiness-2016", "--after-methodology", file, "--data", data, "--top", "3");
        Assert.True(code == 0, err);
        var expected = ResultComparison.Compare(OpenReadiness2016.Compute(), IndexCalculator.Compute(HeavierEconomy(), OpenReadiness2016.Dataset));
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(
            $"Comparison of open-readiness-2016 (before) and heavier-economy (after): 63 units matched, Spearman rank correlation {expected.RankCorrelation.Coefficient.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}, mean absolute rank change {expected.MeanAbsoluteRankChange.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}.",
            lines[0]);
        Assert.Equal("Moved most", lines[2]);
        Assert.Matches("^Code +Unit +Score before +Score after +Rank before +Rank after +Change$", lines[3]);
        var first = expected.MovedMost(1)[0];
        Assert.StartsWith(first.UnitCode + " ", lines[5], StringComparison.Ordinal);
        Assert.EndsWith(CompareCommand.Movement(first.RankChange), lines[5], StringComparison.Ordinal);
        Assert.Contains("All units, by rank after", output, StringComparison.Ordinal);
        Assert.Equal(12 + 63, lines.Length);
    }

    [Fact]
    public void Compare_SavedResultsAsCsv_OneRowPerUnit()
    {
        var before = SaveResult("before.json", OpenReadiness2016.Compute());
        var after = SaveResult("after.json", IndexCalculator.Compute(HeavierEconomy(), OpenReadiness2016.Dataset));
        var (code, output, err) = Run("compare", "--before", before, "--after", after, "--format", "csv");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("unit,name,after_unit,score_before,score_after,rank_before,rank_after,rank_change", lines[0]);
        Assert.Equal(64, lines.Length);
    }

    [Fact]
    public void Compare_ComputeResultJson_RoundTripsIntoCompare()
    {
        var data = Path.Combine(Dir, "data.csv");
        WideCsv.Save(OpenReadiness2016.Dataset, data);
        var (code, json, err) = Run("compute", "--preset", "open-readiness-2016", "--data", data, "--format", "result-json");
        Assert.True(code == 0, err);
        var saved = Write("computed.json", json);
        var (code2, output, err2) = Run("compare", "--before", saved, "--after-preset", "open-readiness-2016", "--format", "markdown");
        Assert.True(code2 == 0, err2);
        Assert.StartsWith("Comparison of `open-readiness-2016` (before) and `open-readiness-2016` (after): 63 units matched, Spearman rank correlation 1.000, mean absolute rank change 0.00.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ReorganiseWithData_RecomputesOnThe34Units()
    {
        // The after side is the same methodology on the data remapped with plain means: no unit moves.
        var m = OpenReadiness2016.Methodology;
        var plan = RemapPlan.ForAll(OpenReadiness2016.Dataset.IndicatorCodes, RemapRule.Mean);
        var after = SaveResult("after34.json", IndexCalculator.Compute(m, BoundaryRemapper.Remap(OpenReadiness2016.Dataset, plan).Dataset));
        var (code, output, err) = Run("compare", "--before-preset", "open-readiness-2016", "--after", after, "--reorganise", "--remap-mean", "all");
        Assert.True(code == 0, err);
        Assert.StartsWith("Comparison of open-readiness-2016 (before) and open-readiness-2016 (after): 34 units matched, Spearman rank correlation 1.000, mean absolute rank change 0.00.\nBefore data carried to the 34 units", output, StringComparison.Ordinal);
        Assert.Contains("How the 34 units were formed", output, StringComparison.Ordinal);
        Assert.Contains("75    Đồng Nai", output, StringComparison.Ordinal);
        Assert.DoesNotContain("places", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ReorganiseSavedBefore_AveragesScores()
    {
        var before = SaveResult("before63.json", OpenReadiness2016.Compute());
        var plan = RemapPlan.ForAll(OpenReadiness2016.Dataset.IndicatorCodes, RemapRule.Mean);
        var after = SaveResult("after34.json", IndexCalculator.Compute(OpenReadiness2016.Methodology, BoundaryRemapper.Remap(OpenReadiness2016.Dataset, plan).Dataset));
        var (code, output, err) = Run("compare", "--before", before, "--after", after, "--reorganise");
        Assert.True(code == 0, err);
        Assert.Contains("\nApproximation: each of the 34 units", output, StringComparison.Ordinal);
        Assert.Contains("34 units matched", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_63Against34WithoutReorganise_Notes()
    {
        var plan = RemapPlan.ForAll(OpenReadiness2016.Dataset.IndicatorCodes, RemapRule.Mean);
        var after = SaveResult("after34.json", IndexCalculator.Compute(OpenReadiness2016.Methodology, BoundaryRemapper.Remap(OpenReadiness2016.Dataset, plan).Dataset));
        var (code, _, err) = Run("compare", "--before-preset", "open-readiness-2016", "--after", after);
        Assert.Equal(0, code);
        Assert.Contains("Add --reorganise", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare", "--after-preset", "open-readiness-2016")]
    [InlineData("compare", "--before-preset", "open-readiness-2016", "--before-methodology", "x.json", "--after-preset", "open-readiness-2016")]
    [InlineData("compare", "--before-preset", "open-readiness-2016", "--after-preset", "open-readiness-2016", "--remap-mean", "all")]
    [InlineData("compare", "--before-preset", "nope", "--after-preset", "open-readiness-2016")]
    [InlineData("compare", "--before-preset", "dti-2022", "--after-preset", "open-readiness-2016")]
    [InlineData("compare", "--before-preset", "open-readiness-2016", "--after-preset", "open-readiness-2016", "--format", "xml")]
    [InlineData("compare", "--before-preset", "open-readiness-2016", "--after-preset", "open-readiness-2016", "--reorganise", "--remap-sum", "nope")]
    public void Compare_BadArguments_Exit2(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void Compare_ReorganiseWithAfterNotOn34Units_Exit3NamingTheUnit()
    {
        var (code, _, err) = Run("compare", "--before-preset", "open-readiness-2016", "--after-preset", "open-readiness-2016", "--reorganise", "--remap-mean", "all");
        Assert.Equal(3, code);
        Assert.Contains("not on the 34 units of 1 July 2025", err, StringComparison.Ordinal);
        Assert.Contains("(unit 02, expected a GSO code of the 34 units of 1 July 2025, found 02)", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Vietnamese_SummaryHeadersAndMovementInVietnamese()
    {
        var file = Write("heavier.json", MethodologyJson.Serialize(HeavierEconomy()));
        var data = Path.Combine(Dir, "data.csv");
        WideCsv.Save(OpenReadiness2016.Dataset, data);
        string[] args = ["compare", "--before-preset", "open-readiness-2016", "--after-methodology", file, "--data", data, "--top", "3"];
        var (code, output, err) = Run([.. args, "--language", "vi"]);
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("So sánh open-readiness-2016 (bên trước) và heavier-economy (bên sau): 63 đơn vị khớp nhau, hệ số tương quan hạng Spearman ", lines[0], StringComparison.Ordinal);
        Assert.Equal("Thay đổi xếp hạng nhiều nhất", lines[2]);
        Assert.Matches("^Mã +Đơn vị +Điểm bên trước +Điểm bên sau +Xếp hạng bên trước +Xếp hạng bên sau +Thay đổi$", lines[3]);
        Assert.Matches(" (tăng|giảm) [0-9.]+ bậc$", lines[5]);
        Assert.Contains("Tất cả đơn vị, theo xếp hạng bên sau", output, StringComparison.Ordinal);
        Assert.Equal(Run(args).Out, Run([.. args, "--language", "en"]).Out);
    }
}
