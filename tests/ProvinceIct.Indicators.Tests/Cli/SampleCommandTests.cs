using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The presets' embedded samples in the CLI: <c>--preset</c> without <c>--data</c>, and the <c>sample</c> command.</summary>
public sealed class SampleCommandTests : CliRunner
{
    private const string DtiNote = "note: showing the embedded sample for dti-2022 (5 provinces with published main indices, dti.gov.vn 2022); pass --data FILE for your own data\n";

    [Fact]
    public void Compute_Dti2022WithoutData_RanksTheSampleAndSaysSoOnStderr()
    {
        var (code, output, err) = Run("compute", "--preset", "dti-2022");
        Assert.Equal(0, code);
        Assert.Equal(DtiNote, err.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("5 of 5 units", output, StringComparison.Ordinal);
        Assert.Contains("   1  48    Đà Nẵng          0.80", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dti-2022", "5 provinces")]
    [InlineData("vn-ict-index-2016", "3 provinces")]
    [InlineData("open-readiness-2016", "63 provinces")]
    public void Commands_PresetWithoutData_RunOnTheSampleWithOneNoteLine(string preset, string what)
    {
        var html = Path.Combine(Dir, preset + ".html");
        string[][] runs =
        [
            ["compute", "--preset", preset, "--format", "csv"],
            ["audit", "--preset", preset],
            ["report", "--preset", preset, "--output", html],
            ["uncertainty", "--preset", preset, "--runs", "10", "--weights-noise", "0.2"],
        ];
        foreach (var args in runs)
        {
            var (code, _, err) = Run(args);
            Assert.Equal(0, code);
            var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.StartsWith("note:", StringComparison.Ordinal)).ToList();
            var note = Assert.Single(lines);
            Assert.StartsWith($"note: showing the embedded sample for {preset} ({what}", note, StringComparison.Ordinal);
            Assert.EndsWith("pass --data FILE for your own data", note, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(html));
    }

    [Fact]
    public void Target_Dti2022WithoutData_RunsOnTheSample()
    {
        var (code, output, err) = Run("target", "--preset", "dti-2022", "--unit", "79", "--rank", "1", "--indicator", "hoat_dong_xhs");
        Assert.Equal(0, code);
        Assert.Equal(DtiNote, err.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("hoat_dong_xhs", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WithData_ShowsNoNote()
    {
        var data = Path.Combine(Dir, "d.csv");
        Assert.Equal(0, Run("sample", "--preset", "dti-2022", "--output", data).Code);
        var (code, _, err) = Run("compute", "--preset", "dti-2022", "--data", data);
        Assert.Equal(0, code);
        Assert.DoesNotContain("note:", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dti-2020")]
    [InlineData("dti-2024")]
    [InlineData("itu-idi-2017")]
    public void Compute_PresetWithoutSampleOrData_AsksForData(string preset)
    {
        var (code, output, err) = Run("compute", "--preset", preset);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"error: --preset {preset}: there is no embedded sample for this preset (we hold no published inputs for it); pass --data FILE with your own data.", err.Trim());
    }

    [Fact]
    public void Compute_NothingGiven_ExplainsWhatToGive()
    {
        var (code, _, err) = Run("compute");
        Assert.Equal(2, code);
        Assert.Contains("--preset NAME alone to run on its embedded sample", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dti-2022")]
    [InlineData("vn-ict-index-2016")]
    [InlineData("open-readiness-2016")]
    public void Sample_ThenCompute_GivesTheSameRankingAsThePresetRun(string preset)
    {
        var data = Path.Combine(Dir, "data.csv");
        var meta = Path.Combine(Dir, "meta.csv");
        var (code, output, err) = Run("sample", "--preset", preset, "--output", data, meta);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Contains("wrote " + data, output, StringComparison.Ordinal);
        Assert.Contains("wrote " + meta, output, StringComparison.Ordinal);

        var embedded = Run("compute", "--preset", preset, "--format", "csv");
        var viaPreset = Run("compute", "--preset", preset, "--data", data, "--format", "csv");
        var viaMeta = Run("compute", "--data", data, "--meta", meta, "--format", "csv");
        Assert.Equal(0, embedded.Code);
        Assert.Equal(0, viaPreset.Code);
        Assert.Equal(0, viaMeta.Code);
        Assert.Equal(embedded.Out, viaPreset.Out);
        Assert.Equal(Ranking(embedded.Out), Ranking(viaMeta.Out));
    }

    [Fact]
    public void Sample_Dti2022WithIdentityNormaliser_ReproducesThePresetScoresThroughMeta()
    {
        var data = Path.Combine(Dir, "data.csv");
        var meta = Path.Combine(Dir, "meta.csv");
        Assert.Equal(0, Run("sample", "--preset", "dti-2022", "--output", data, meta).Code);
        var embedded = Run("compute", "--preset", "dti-2022", "--format", "csv");
        var viaMeta = Run("compute", "--data", data, "--meta", meta, "--normalise", "identity", "--format", "csv");
        Assert.Equal(0, viaMeta.Code);
        Assert.Equal(embedded.Out, viaMeta.Out);
    }

    [Fact]
    public void Sample_Dti2022DataOnly_WritesTheWideCsv()
    {
        var data = Path.Combine(Dir, "data.csv");
        var (code, _, _) = Run("sample", "--preset", "DTI-2022", "--output", data);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(data);
        Assert.Equal(6, lines.Length);
        Assert.Equal("uCode,uName,nhan_thuc_so,the_che_so,ha_tang_so,nhan_luc_so,an_toan_thong_tin_mang,hoat_dong_cqs,hoat_dong_kts,hoat_dong_xhs", lines[0]);
        Assert.Equal("48,Đà Nẵng,1,0.9,0.8253,0.8487,0.7578,0.8575,0.7836,0.5197", lines[1]);
        Assert.False(File.Exists(Path.Combine(Dir, "meta.csv")));
    }

    [Fact]
    public void Sample_PresetWithoutSample_IsAUsageErrorAndWritesNothing()
    {
        var data = Path.Combine(Dir, "data.csv");
        var (code, _, err) = Run("sample", "--preset", "itu-idi-2017", "--output", data);
        Assert.Equal(2, code);
        Assert.Contains("no embedded sample for this preset", err, StringComparison.Ordinal);
        Assert.False(File.Exists(data));
    }

    [Fact]
    public void Sample_UnknownPreset_ListsTheKnownOnes()
    {
        var (code, _, err) = Run("sample", "--preset", "nope", "--output", Path.Combine(Dir, "d.csv"));
        Assert.Equal(2, code);
        Assert.Contains("--preset: unknown preset 'nope'; the presets are: dti-2020, dti-2022,", err, StringComparison.Ordinal);
        Assert.Contains("vn-ict-index-2016", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_SameFileTwice_IsRefusedBeforeWriting()
    {
        var data = Path.Combine(Dir, "data.csv");
        var (code, _, err) = Run("sample", "--preset", "dti-2022", "--output", data, data);
        Assert.Equal(2, code);
        Assert.Contains("give two different output files", err, StringComparison.Ordinal);
        Assert.False(File.Exists(data));
    }

    [Fact]
    public void Sample_MissingFolder_IsRefused()
    {
        var data = Path.Combine(Dir, "no-such-folder", "data.csv");
        var (code, _, err) = Run("sample", "--preset", "dti-2022", "--output", data);
        Assert.Equal(2, code);
        Assert.Contains("folder not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_NoOutput_IsAUsageError()
    {
        var (code, _, _) = Run("sample", "--preset", "dti-2022");
        Assert.Equal(2, code);
    }

    private static string[] Ranking(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rank = Array.FindLastIndex(header, h => h.EndsWith("_rank", StringComparison.Ordinal));
        return [.. lines.Skip(1).Select(l => l.Split(',')[0] + ":" + l.Split(',')[rank])];
    }

    [Fact]
    public void Run_PresetWithoutSampleVietnamese_VietnameseAndEnglish()
    {
        var data = Path.Combine(Dir, "d.csv");
        var (code, _, err) = Run("sample", "--preset", "dti-2020", "--output", data, "--language", "vi");
        Assert.Equal(2, code);
        Assert.Equal("lỗi: --preset dti-2020: preset này không có dữ liệu mẫu kèm theo (chúng tôi không có số liệu đầu vào đã công bố của nó); không có gì để ghi.\n", err);
        var (englishCode, _, englishErr) = Run("sample", "--preset", "dti-2020", "--output", data);
        Assert.Equal(2, englishCode);
        Assert.Equal("error: --preset dti-2020: there is no embedded sample for this preset (we hold no published inputs for it); nothing to write.\n", englishErr);
    }

    [Fact]
    public void Run_SampleVietnamese_WroteAndNextLinesInVietnamese()
    {
        var data = Path.Combine(Dir, "d.csv");
        var meta = Path.Combine(Dir, "m.csv");
        var (code, output, err) = Run("sample", "--preset", "dti-2022", "--output", data, meta, "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("đã ghi " + data + ": 5 đơn vị x 8 cột, dữ liệu mẫu kèm theo của dti-2022", output, StringComparison.Ordinal);
        Assert.Contains("đã ghi " + meta + ": bảng iMeta của dti-2022", output, StringComparison.Ordinal);
        Assert.Contains("bước tiếp theo: ictindex compute --data d.csv --preset dti-2022 (bảng iMeta chứa khung chỉ số và trọng số", output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", output, StringComparison.Ordinal);
    }
}
