using System.Text.Json;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed class AnalysisCommandsTests : CliRunner
{
    private static readonly string[] Factors = ["--weights-noise", "0.25", "--normalise-choices", "minmax:1:100,zscore:10:2", "--aggregate-choices", "arithmetic,geometric"];

    [Fact]
    public void Uncertainty_CsvOnEmbeddedIndex_OneRowPerProvinceWithTopK()
    {
        var (code, output, err) = Run(["uncertainty", "--runs", "200", .. Factors, "--format", "csv"]);
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("unit_code,unit_name,nominal_rank,mean_rank,median_rank,q05_rank,q95_rank,p_top1,p_top3,p_top5,p_top10", lines[0]);
        Assert.Equal(64, lines.Length);
        Assert.StartsWith("48,Đà Nẵng,1,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_SameSeedDifferentThreads_ByteIdentical()
    {
        var one = Run(["uncertainty", "--runs", "300", "--seed", "7", "--threads", "1", .. Factors, "--exclude-one", "--format", "json"]);
        var two = Run(["uncertainty", "--runs", "300", "--seed", "7", "--threads", "2", .. Factors, "--exclude-one", "--format", "json"]);
        Assert.Equal(0, one.Code);
        Assert.Equal(one.Out, two.Out);
        using var doc = JsonDocument.Parse(one.Out);
        Assert.Equal(63, doc.RootElement.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public void Uncertainty_ImputeAndTreatChoices_Run()
    {
        var (code, output, err) = Run("uncertainty", "--runs", "60", "--impute-choices", "mean,median,group-mean:region", "--treat-choices", "none,winsorise:1,winsorise:5", "--format", "csv");
        Assert.True(code == 0, err);
        Assert.Equal(64, output.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(2, Run("uncertainty", "--treat-choices", "none,clip").Code);
    }

    [Fact]
    public void Uncertainty_ChoicesInMethodText_SameResultAsOldSpellings()
    {
        // The canonical method text and the old colon spellings name the same options, so the same seed gives the same output.
        var old = Run("uncertainty", "--runs", "16", "--impute-choices", "mean,group-mean:region", "--treat-choices", "none,winsorise:1", "--format", "csv");
        var text = Run("uncertainty", "--runs", "16", "--impute-choices", "mean,group-mean(region)", "--treat-choices", "none,winsorise(1,2,3.5)", "--format", "csv");
        Assert.True(text.Code == 0, text.Err);
        Assert.Equal(old.Out, text.Out);
        Assert.Equal(2, Run("uncertainty", "--impute-choices", "mean,group-mean").Code);
    }

    [Fact]
    public void Uncertainty_NoFactor_Exit2()
    {
        var (code, _, err) = Run("uncertainty", "--runs", "10");
        Assert.Equal(2, code);
        Assert.Contains("--weights-noise", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_ChoicesInMethodText_Run()
    {
        var (code, _, err) = Run("uncertainty", "--runs", "20", "--threads", "1", "--normalise-choices", "minmax(1,100),zscore(10,2),rank", "--aggregate-choices", "arithmetic,generalised-mean(0.5)");
        Assert.True(code == 0, err);
    }

    [Fact]
    public void Uncertainty_BadNormaliserChoice_Exit2()
    {
        var (code, _, err) = Run("uncertainty", "--normalise-choices", "minmax:1,zscore:10:2");
        Assert.Equal(2, code);
        Assert.Contains("minmax:1", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_Table_ListsEveryFactor()
    {
        var (code, output, err) = Run(["sensitivity", "--base", "128", .. Factors]);
        Assert.True(code == 0, err);
        Assert.Contains("weights±0.25: S ", output, StringComparison.Ordinal);
        Assert.Contains("normaliser: S ", output, StringComparison.Ordinal);
        Assert.Contains("aggregator: S ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_Csv_OverallAndPerUnit()
    {
        var (code, output, _) = Run(["sensitivity", "--base", "64", "--weights-noise", "0.2", "--exclude-one", "--format", "csv", "--sampler", "random"]);
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("output,factor,first,first_lower,first_upper,total,total_lower,total_upper", lines[0]);
        Assert.Equal(1 + (2 * 64), lines.Length); // overall + 63 units, 2 factors each
    }

    [Fact]
    public void Report_EmbeddedWithUncertainty_WritesWellFormedHtml()
    {
        var target = System.IO.Path.Combine(Dir, "report.html");
        var (code, output, err) = Run(["report", "--output", target, "--uncertainty-runs", "100", .. Factors]);
        Assert.True(code == 0, err);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        var doc = System.Xml.Linq.XDocument.Parse(File.ReadAllText(target));
        Assert.Contains(doc.Descendants(), e => e.Name.LocalName == "svg");
        Assert.Contains("Đà Nẵng", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutOutput_Exit2() => Assert.Equal(2, Run("report").Code);

    [Fact]
    public void Audit_Embedded_MarkdownWithSummary()
    {
        var (code, output, err) = Run("audit");
        Assert.True(code == 0, err);
        Assert.StartsWith("# Statistical audit: Open-data Provincial Readiness Index 2016", output, StringComparison.Ordinal);
        Assert.Contains("Cronbach", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_WithUncertaintyRuns_SectionSameForOneOrTwoThreads()
    {
        var one = Run("audit", "--uncertainty-runs", "40", "--weights-noise", "0.25", "--seed", "3", "--threads", "1");
        var two = Run("audit", "--uncertainty-runs", "40", "--weights-noise", "0.25", "--seed", "3", "--threads", "2");
        Assert.True(one.Code == 0, one.Err);
        Assert.Equal(one.Out, two.Out);
        Assert.Contains("\n## Uncertainty\n\n40 runs (shifted-sobol sampling, seed 3); factors varied: weights", one.Out, StringComparison.Ordinal);
        Assert.Contains("| unit | name | nominal rank | median rank | 5% | 95% | width |", one.Out, StringComparison.Ordinal);
        Assert.Equal(2, Run("audit", "--uncertainty-runs", "40").Code);
        Assert.Equal(2, Run("audit", "--uncertainty-runs", "-1", "--weights-noise", "0.25").Code);
    }

    [Fact]
    public void Target_ReachableRank_ProposesValueAndVerifiedRank()
    {
        var (code, output, err) = Run("target", "--unit", "70", "--indicator", "income_per_capita_kvnd", "--rank", "12");
        Assert.True(code == 0, err);
        Assert.Contains("70", output, StringComparison.Ordinal);
        Assert.Equal(2, Run("target", "--unit", "70", "--indicator", "nope", "--rank", "5").Code);
        Assert.Equal(2, Run("target", "--unit", "70", "--indicator", "literacy_pct").Code);
    }

    [Fact]
    public void Target_IndicatorMistyped_ListsTheIndicatorsAndTheClosest()
    {
        var (code, output, err) = Run("target", "--unit", "70", "--indicator", "income_per_capita", "--rank", "5");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            "error: --indicator: 'income_per_capita' is not an indicator of the framework. The indicators are: electricity_households_pct, urban_population_pct, literacy_pct, trained_workers_pct, students_per_10k, website_score, firms_using_website_share, onestop_ict_good_share, transparency_score, income_per_capita_kvnd, retail_per_capita_mvnd, poverty_pct. Did you mean 'income_per_capita_kvnd'?\n",
            err.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Target_BudgetCodeMistyped_SuggestsTheClosest()
    {
        var (code, _, err) = Run("target", "--unit", "70", "--budget", "literacy,poverty_pct", "--rank", "5");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --budget: 'literacy' is not an indicator of the framework.", err, StringComparison.Ordinal);
        Assert.EndsWith(" Did you mean 'literacy_pct'?\n", err.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_FormatXlsx_FindingsAndEveryTableAsSheets()
    {
        var book = Path.Combine(Dir, "audit.xlsx");

        var (code, output, err) = Run("audit", "--format", "xlsx", "--output", book);

        Assert.True(code == 0, err);
        Assert.Equal(string.Empty, output);
        var sheets = ProvinceIct.Indicators.IO.XlsxData.ReadSheetNames(book).Value;
        Assert.Equal("Findings", sheets[0]);
        Assert.Contains("statistics", sheets);
        Assert.Contains("leave-one-out", sheets);
        Assert.Contains("added-value", sheets);
    }

    [Fact]
    public void Audit_FormatXlsxWithoutOutput_UsageError()
    {
        var (code, _, err) = Run("audit", "--format", "xlsx");
        Assert.Equal(2, code);
        Assert.Contains("give --output FILE.xlsx", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_UnitCodeLikeNone_ListsTheValidCodes()
    {
        var (code, _, err) = Run("target", "--preset", "dti-2022", "--unit", "7O", "--indicator", "hoat_dong_xhs", "--rank", "1");
        Assert.Equal(2, code);
        Assert.Contains("error: --unit: no unit '7O' in the data. The unit codes are: 22, 46, 48, 79, 92.", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_UnitGivenByName_SuggestsItsCode()
    {
        var (code, _, err) = Run("target", "--unit", "Da Nang", "--indicator", "income_per_capita_kvnd", "--rank", "5");
        Assert.Equal(2, code);
        Assert.Equal("error: --unit: no unit 'Da Nang' in the data. Did you mean: 48 Đà Nẵng?\n", err.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Target_BudgetAll_TableAndVerifiedRank()
    {
        var (code, output, err) = Run("target", "--unit", "70", "--budget", "all", "--rank", "12");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Matches("^Indicator +Current +Proposed +Change +Share +At limit$", lines[2]);
        Assert.InRange(lines.Length - 6, 1, 12);
        Assert.Contains(lines, l => l.StartsWith("poverty_pct ", StringComparison.Ordinal));
        Assert.StartsWith("Verdict: achievable. Rank ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Target_BudgetList_OnlyThoseIndicatorsAndUnreachable()
    {
        var (code, output, err) = Run("target", "--unit", "70", "--budget", "literacy_pct,poverty_pct", "--rank", "1");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("literacy_pct ", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("poverty_pct ", lines[5], StringComparison.Ordinal);
        Assert.Matches(" yes$", lines[4]);
        Assert.StartsWith("Verdict: cannot be done within the valid ranges.", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--budget", "nope")]
    [InlineData("--budget", "infra")]
    [InlineData("--budget", ",")]
    public void Target_BadBudget_Exit2(string option, string value) =>
        Assert.Equal(2, Run("target", "--unit", "70", option, value, "--rank", "5").Code);

    [Fact]
    public void Target_IndicatorAndBudget_Exit2() =>
        Assert.Equal(2, Run("target", "--unit", "70", "--indicator", "literacy_pct", "--budget", "all", "--rank", "5").Code);

    private static readonly string[] FailingFactors = ["--normalise-choices", "minmax:1:100,zscore:10:3", "--aggregate-choices", "arithmetic,geometric"];

    [Fact]
    public void Uncertainty_FailingReplicationsDefaultAbort_ExitThreeWithOneLine()
    {
        var (code, output, err) = Run(["uncertainty", "--runs", "100", .. FailingFactors]);
        Assert.Equal(3, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: Replication ", err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Uncertainty_OnFailureSkip_StatesHowManyFailedAndWhy()
    {
        var (code, output, err) = Run(["uncertainty", "--runs", "100", .. FailingFactors, "--on-failure", "skip", "--threads", "1"]);
        Assert.True(code == 0, err);
        var line = output.Split('\n')[2];
        Assert.Matches(@"^\d+ of 100 replications failed: Cannot aggregate 'infra' by geometric mean: unit '04' .* \(\d+\)$", line);
        var two = Run(["uncertainty", "--runs", "100", .. FailingFactors, "--on-failure", "skip", "--threads", "2"]);
        Assert.Equal(output, two.Out);
    }

    [Fact]
    public void Uncertainty_OnFailureSkipCsvVietnamese_StderrStatesItInVietnamese()
    {
        var (code, _, err) = Run(["uncertainty", "--runs", "100", .. FailingFactors, "--on-failure", "skip", "--format", "csv", "--language", "vi"]);
        Assert.True(code == 0, err);
        Assert.Matches(@"^[^\n]*\d+ trên 100 lần lặp bị lỗi: ", err);
        Assert.DoesNotContain("replications", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot aggregate", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_OnFailureSkipCsv_StderrStatesHowManyFailedAndCsvKeepsItsShape()
    {
        var (code, output, err) = Run(["uncertainty", "--runs", "100", .. FailingFactors, "--on-failure", "skip", "--format", "csv"]);
        Assert.True(code == 0, err);
        Assert.Matches(@"^warning: \d+ of 100 replications failed: Cannot aggregate 'infra' by geometric mean", err);
        var lines = output.TrimEnd('\n').Split('\n');
        var columns = lines[0].Split(',').Length;
        Assert.All(lines, l => Assert.DoesNotContain("failed", l, StringComparison.Ordinal));
        Assert.Equal(columns, lines[1].Split(',').Length);
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Uncertainty_OnFailureSkipMarkdownOrHtml_TableNoteStatesHowManyFailedAndWhy(string format)
    {
        var (code, output, err) = Run(["uncertainty", "--runs", "100", .. FailingFactors, "--on-failure", "skip", "--format", format]);
        Assert.True(code == 0, err);
        Assert.Matches(@"\d+ of 100 replications failed: Cannot aggregate .{1,12}infra.{1,12} by geometric mean.*The statistics come from the \d+ that succeeded\.", output);
    }

    [Fact]
    public void Uncertainty_OnFailureSkipTsv_StderrStatesItAndTsvKeepsItsShape()
    {
        var (code, output, err) = Run(["uncertainty", "--runs", "100", .. FailingFactors, "--on-failure", "skip", "--format", "tsv"]);
        Assert.True(code == 0, err);
        Assert.Matches(@"^warning: \d+ of 100 replications failed", err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.Equal(lines[0].Split('\t').Length, l.Split('\t').Length));
    }

    [Fact]
    public void Report_UncertaintyOnFailureSkip_ReportStatesHowManyFailedAndWhy()
    {
        var target = System.IO.Path.Combine(Dir, "failures.html");
        var (code, _, err) = Run(["report", "--output", target, "--uncertainty-runs", "60", .. FailingFactors, "--on-failure", "skip"]);
        Assert.True(code == 0, err);
        Assert.Matches(@"<p class=""warning"">\d+ of 60 replications failed: Cannot aggregate .{1,12}infra.{1,12} by geometric mean.*The statistics come from the \d+ that succeeded\.</p>", File.ReadAllText(target));
    }

    [Fact]
    public void Sensitivity_OnFailureSkip_StatesFailedRunsAndDroppedRows()
    {
        var (code, output, err) = Run(["sensitivity", "--base", "32", .. FailingFactors, "--on-failure", "skip"]);
        Assert.True(code == 0, err);
        Assert.Matches(@"\n\d+ of 128 runs failed: Cannot aggregate .* \(\d+\); \d+ of 32 base rows dropped\n", output);
    }

    [Fact]
    public void Audit_UncertaintyOnFailureSkip_WarnsAndStatesItInTheSection()
    {
        var (code, output, err) = Run(["audit", "--uncertainty-runs", "60", .. FailingFactors, "--on-failure", "skip"]);
        Assert.True(code == 0, err);
        Assert.Matches(@"^warning: \d+ of 60 replications failed: Cannot aggregate", err);
        Assert.Matches(@"\n\d+ of 60 replications failed: Cannot aggregate", output);
    }

    [Fact]
    public void Uncertainty_TwoSeedsDefaultSampler_DifferentOutput()
    {
        string[] args = ["uncertainty", "--runs", "64", "--normalise-choices", "minmax:1:100,rank,zscore:10:2", "--aggregate-choices", "arithmetic,geometric", "--format", "csv"];
        var one = Run([.. args, "--seed", "1"]);
        var two = Run([.. args, "--seed", "2"]);
        Assert.NotEqual(one.Out, two.Out);
        var plainOne = Run([.. args, "--seed", "1", "--sampler", "sobol"]);
        var plainTwo = Run([.. args, "--seed", "2", "--sampler", "sobol"]);
        Assert.Equal(plainOne.Out, plainTwo.Out);
    }

    [Fact]
    public void Uncertainty_CancelledToken_ExitCancelledOneLineAndOutputFileKept()
    {
        var file = Write("previous.txt", "previous output\n");
        var before = File.ReadAllBytes(file);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ProvinceIct.Indicators.Cli.IctIndexCli.Run(["uncertainty", "--runs", "5000", "--weights-noise", "0.25", "--output", file], stdout, stderr, cts.Token);
        Assert.Equal(130, code);
        Assert.Equal("cancelled: no output was written\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Theory]
    [InlineData(new[] { "what-if", "--unit", "01", "--set", "income" }, "lỗi: --set: 'income' không có dạng IND=VALUE (ví dụ income_per_capita_kvnd=60).\n", "error: --set: 'income' is not IND=VALUE (for example income_per_capita_kvnd=60).\n")]
    [InlineData(new[] { "uncertainty", "--weights-noise", "0.2", "--weights-noise-levels", "x" }, "lỗi: --weights-noise-levels: 'x' không phải một mức.\n", "error: --weights-noise-levels: 'x' is not a level.\n")]
    [InlineData(new[] { "report" }, "lỗi: report cần --output FILE.html.\n", "error: report needs --output FILE.html.\n")]
    [InlineData(new[] { "report", "--format", "markdown" }, "lỗi: report cần --output FILE.md.\n", "error: report needs --output FILE.md.\n")]
    [InlineData(new[] { "target", "--unit", "01", "--rank", "3", "--indicator", "nope" }, "lỗi: --indicator: 'nope' không phải một chỉ tiêu của khung chỉ số.", "error: --indicator: 'nope' is not an indicator of the framework.")]
    [InlineData(new[] { "what-if", "--unit", "01", "--set", "nope=1" }, "lỗi: --set: 'nope' không phải một chỉ tiêu của khung chỉ số.", "error: --set: 'nope' is not an indicator of the framework.")]
    public void Run_UsageErrorVietnameseAndEnglish_MessageInEachLanguage(string[] args, string vietnamese, string english)
    {
        var (code, _, err) = Run([.. args, "--language", "vi"]);
        Assert.Equal(2, code);
        Assert.StartsWith(vietnamese, err, StringComparison.Ordinal);
        var (englishCode, _, englishErr) = Run([.. args, "--language", "en"]);
        Assert.Equal(2, englishCode);
        Assert.StartsWith(english, englishErr, StringComparison.Ordinal);
        Assert.Equal(englishErr, Run(args).Err);
    }

    [Fact]
    public void Report_Vietnamese_WroteLineInVietnamese()
    {
        var target = Path.Combine(Dir, "r.md");
        var (code, output, err) = Run("report", "--format", "markdown", "--output", target, "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("Đã ghi " + target, output, StringComparison.Ordinal);
        Assert.Contains("Wrote " + target, Run("report", "--format", "markdown", "--output", target).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_BudgetVietnamese_TableAndVerdictInVietnamese()
    {
        var (code, output, err) = Run("target", "--unit", "70", "--budget", "all", "--rank", "12", "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Matches("(?m)^Chỉ tiêu +Hiện tại +Đề xuất +Thay đổi +Tỉ trọng +Chạm giới hạn$", output);
        Assert.Matches("Kết luận: (đã đạt|có thể đạt được|không thể đạt trong phạm vi giá trị hợp lệ)\\. Xếp hạng ", output);
        Assert.Contains("(tính lại tại các giá trị đề xuất).", output, StringComparison.Ordinal);
        var english = Run("target", "--unit", "70", "--budget", "all", "--rank", "12").Out;
        Assert.Contains("Verdict: ", english, StringComparison.Ordinal);
        Assert.Equal(english, Run("target", "--unit", "70", "--budget", "all", "--rank", "12", "--language", "en").Out);
    }
}
