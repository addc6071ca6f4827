using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class SeriesCommandTests : CliRunner
{
    /// <summary>
    /// A synthetic edition (not published data): the embedded 2016 open data with the rows of Hà Nội (01) and Bình Phước
    /// (70) swapped. The set of values is unchanged, so per-year min-max bounds are too, and each of the two takes the
    /// other's 2016 score and rank.
    /// </summary>
    internal static Dataset Swapped2016()
    {
        var d = OpenReadiness2016.Dataset;
        var a = d.IndexOfUnit("01");
        var b = d.IndexOfUnit("70");
        return Dataset.FromColumns(d.Units, d.IndicatorCodes.Select(code =>
        {
            var col = d.Column(code).ToArray();
            (col[a], col[b]) = (col[b], col[a]);
            return KeyValuePair.Create(code, col);
        }));
    }

    private (string First, string Second) Files()
    {
        var first = Path.Combine(Dir, "open_2016.csv");
        WideCsv.Save(OpenReadiness2016.Dataset, first);
        var second = Path.Combine(Dir, "swapped.csv");
        WideCsv.Save(Swapped2016(), second);
        return (first, second);
    }

    [Fact]
    public void Series_TwoEditionsCsv_RanksByYearAndChange()
    {
        var (first, second) = Files();
        var (code, output, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--format", "csv");
        Assert.True(code == 0, err);
        var r = OpenReadiness2016.Compute();
        double r70 = r.Rank("70"), r01 = r.Rank("01");
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("unit,name,y2016,y2017,change_base,successor", lines[0]);
        Assert.Equal(64, lines.Length);
        var change = r70 - r01;
        Assert.StartsWith($"70,Bình Phước,{r70},{r01},{change},", lines.Single(l => l.StartsWith("70,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Series_LongData_SameRanksAsTwoWideFiles()
    {
        var (first, second) = Files();
        var wide = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--format", "csv");
        var rows = new List<Observation>();
        foreach (var (year, d) in new[] { (2016, OpenReadiness2016.Dataset), (2017, Swapped2016()) })
        {
            foreach (var code in d.IndicatorCodes)
            {
                var col = d.Column(code).ToArray();
                rows.AddRange(d.Units.Select((u, i) => Observation.Create(u.Code, code, col[i], year) with { UnitName = u.Name }));
            }
        }

        var file = Path.Combine(Dir, "long.csv");
        LongCsv.Save(ObservationTable.Create(rows), file);
        var (code2, output, err) = Run("series", "--long-data", file, "--preset", OpenReadiness2016.PresetName, "--format", "csv");
        Assert.True(code2 == 0, err);
        Assert.Equal(wide.Out, output);
    }

    [Fact]
    public void Series_LongDataBadYear_ExitInvalidInputWithFileLineColumn()
    {
        var file = Path.Combine(Dir, "long.csv");
        File.WriteAllText(file, "unit,indicator,value,year\n01,literacy_pct,90,2016\n02,literacy_pct,80,2O17\n");
        var (code, _, err) = Run("series", "--long-data", file, "--preset", OpenReadiness2016.PresetName);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(file + ":3:4:", err, StringComparison.Ordinal);
        Assert.Contains("2O17", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_LongDataAndData_UsageError()
    {
        var (first, _) = Files();
        var (code, _, err) = Run("series", "--data", first, "--long-data", first, "--preset", OpenReadiness2016.PresetName);
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains("--long-data", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_HistoryViewPanel_StatusAndNote()
    {
        var (first, second) = Files();
        var (code, output, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", "history", "--normalise", "panel", "--format", "markdown");
        Assert.True(code == 0, err);
        Assert.Contains("Present", output, StringComparison.Ordinal);
        Assert.Contains("over the panel", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_FileNameWithoutYear_UsageError()
    {
        var (_, second) = Files();
        var (code, _, err) = Run("series", "--data", second, "--preset", OpenReadiness2016.PresetName);
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains("no year in the file name", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019.csv", 2019)]
    [InlineData("data/dti_2020_v2.csv", 2020)]
    [InlineData("2021=x.csv", 2021)]
    public void Edition_Spec_YearRead(string spec, int year) => Assert.Equal(year, SeriesCommand.Edition(spec).Year);

    [Fact]
    public void Compute_GroupRanksRegion_CsvWithInGroupRanks()
    {
        var (first, _) = Files();
        var (code, output, err) = Run("compute", "--data", first, "--preset", OpenReadiness2016.PresetName, "--group-ranks", "region", "--format", "csv");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("unit,name,group,rank_open_readiness_2016,group_rank_open_readiness_2016,", lines[0], StringComparison.Ordinal);
        Assert.Equal(64, lines.Length);
        var g = Indicators.Analysis.GroupRanks.Compute(OpenReadiness2016.Compute(), "region");
        Assert.Contains($",{g.Rank("70")},", lines.Single(l => l.StartsWith("70,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_GroupRanksUnknownGroup_UsageErrorListingGroups()
    {
        var (first, _) = Files();
        var (code, _, err) = Run("compute", "--data", first, "--preset", OpenReadiness2016.PresetName, "--group-ranks", "province");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains("region", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_ImputeCarryForward_FillsAndLogsEachValue()
    {
        // 2017 (synthetic): the 2016 data with Bình Phước's first indicator missing; carried forward from 2016.
        var d = OpenReadiness2016.Dataset;
        var ind = d.IndicatorCodes[0];
        var path = Path.Combine(Dir, "gap_2017.csv");
        WideCsv.Save(d.WithValue("70", ind, double.NaN), path);
        var first = Path.Combine(Dir, "open_2016.csv");
        WideCsv.Save(d, first);
        var (code, _, err) = Run("series", "--data", first, "--data", path, "--preset", OpenReadiness2016.PresetName, "--impute", "carry-forward");
        Assert.True(code == 0, err);
        var expected = d.Value("70", ind).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"imputed: 2017 70 {ind}: NaN -> {expected} (LastObservationCarriedForward)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_ViewReport_WritesSelfContainedHtml()
    {
        var (first, second) = Files();
        var html = Path.Combine(Dir, "series.html");
        var (code, output, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", "report", "--units", "70, 01", "--unit", "70", "--output", html);
        Assert.True(code == 0, err);
        Assert.Contains("Wrote " + html, output, StringComparison.Ordinal);
        var doc = System.Xml.Linq.XDocument.Parse(File.ReadAllText(html));
        Reporting.ChartXml.AssertSelfContained(doc);
        var lines = doc.Descendants().Where(e => e.Name.LocalName == "polyline" && (string?)e.Attribute("class") == "unit-line").Select(e => (string?)e.Attribute("data-unit"));
        Assert.Equal(["01", "70"], lines.Where(u => u is "01" or "70").Take(2)); // bump chart: dataset order
        Assert.Contains(doc.Descendants(), e => e.Name.LocalName == "section" && (string?)e.Attribute("id") == "trends");
    }

    [Fact]
    public void Series_ViewReportWithoutOutput_UsageError()
    {
        var (first, second) = Files();
        var (code, _, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", "report");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains("--output", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_ViewReportUnknownUnit_InvalidInput()
    {
        var (first, second) = Files();
        var (code, _, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", "report", "--unit", "99", "--output", Path.Combine(Dir, "x.html"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--unit", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "x.html")));
    }

    [Fact]
    public void Series_UnitWithoutReportView_UsageError()
    {
        var (first, second) = Files();
        var (code, _, _) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--unit", "70");
        Assert.Equal(ExitCodes.BadArguments, code);
    }

    [Theory]
    [InlineData("ictindex.csv", "lỗi: --data ictindex.csv: tên tệp không có năm; hãy cho dưới dạng YEAR=ictindex.csv.\n", "error: --data ictindex.csv: no year in the file name; give it as YEAR=ictindex.csv.\n")]
    [InlineData("dti-2021-2022.csv", "lỗi: --data dti-2021-2022.csv: tên tệp chứa nhiều năm (2021, 2022); hãy cho dưới dạng YEAR=dti-2021-2022.csv.\n", "error: --data dti-2021-2022.csv: the file name holds several years (2021, 2022); give it as YEAR=dti-2021-2022.csv.\n")]
    public void Run_NoYearInFileNameVietnamese_VietnameseAndEnglish(string file, string vietnamese, string english)
    {
        var (code, _, err) = Run("series", "--data", file, "--data", "2023=b.csv", "--preset", "dti-2022", "--language", "vi");
        Assert.Equal(2, code);
        Assert.Equal(vietnamese, err);
        var (englishCode, _, englishErr) = Run("series", "--data", file, "--data", "2023=b.csv", "--preset", "dti-2022");
        Assert.Equal(2, englishCode);
        Assert.Equal(english, englishErr);
    }
}
