using System.CommandLine;
using System.Globalization;
using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>ictindex in Vietnamese: --help of every command, the usage errors and "did you mean", ICTINDEX_LANGUAGE.</summary>
public sealed partial class IctIndexCliTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");

    public static TheoryData<string> Commands() =>
        [.. IctIndexCli.BuildRoot(TextWriter.Null, TextWriter.Null).Subcommands.Select(c => c.Name)];

    private static (int Code, string Out, string Err) RunWithVariable(string? variable, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IctIndexCli.Run(args, stdout, stderr, variable);
        return (code, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>Every English text of CliStrings.resx that has a Vietnamese translation of its own.</summary>
    private static IEnumerable<string> EnglishTexts()
    {
        var en = CliStringsTests.Read("CliStrings.resx");
        return en.Where(e => !CliStringsTests.SameInVietnamese.Contains(e.Key)).Select(e => e.Value.Split('{')[0].Trim()).Where(t => t.Length >= 8);
    }

    [Fact]
    public void Commands_Listed_EveryCommandOfTheTool() => Assert.True(Commands().Count >= 17);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_Vietnamese_NoEnglishDescriptionLeft(string command)
    {
        var (code, output, err) = Run(command, "--help", "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("Mô tả:", output, StringComparison.Ordinal);
        Assert.Contains("Tuỳ chọn:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Options:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help and usage information", output, StringComparison.Ordinal);
        foreach (var english in EnglishTexts())
        {
            Assert.DoesNotContain(english, output, StringComparison.Ordinal);
        }

        // Every description of the command's tree, built in Vietnamese, is a Vietnamese text of the resources.
        var vi = CliStringsTests.Read("CliStrings.vi.resx").Values.ToList();
        using var scope = CliStrings.Use(Vietnamese);
        var cmd = IctIndexCli.BuildRoot(TextWriter.Null, TextWriter.Null).Subcommands.Single(c => c.Name == command);
        Assert.Contains(vi, v => cmd.Description!.StartsWith(v.Split('{')[0], StringComparison.Ordinal));
        Assert.Contains(cmd.Description!, output, StringComparison.Ordinal);
        foreach (var option in cmd.Options.Where(o => o is not System.CommandLine.Help.HelpOption))
        {
            Assert.True(vi.Any(v => option.Description!.StartsWith(v.Split('{')[0], StringComparison.Ordinal)), command + " " + option.Name + ": " + option.Description);
        }
    }

    [Fact]
    public void Help_RootVietnamese_CommandsExitCodesAndVariable()
    {
        var (code, output, _) = Run("--help", "--language", "vi");
        Assert.Equal(0, code);
        Assert.Contains("ictindex: tính và xếp hạng các chỉ số tổng hợp", output, StringComparison.Ordinal);
        Assert.Contains("Lệnh:", output, StringComparison.Ordinal);
        Assert.Contains("Mã thoát: 0 thành công; 2 tham số sai", output, StringComparison.Ordinal);
        Assert.Contains("ICTINDEX_LANGUAGE", output, StringComparison.Ordinal);
        Assert.Contains("Hiển thị thông tin phiên bản", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_RankVietnamese_NamesAndMethodTextUntranslated()
    {
        var (_, output, _) = Run("rank", "--help", "--language", "vi");
        Assert.Contains("Xếp hạng 63 tỉnh/thành phố", output, StringComparison.Ordinal);
        Assert.Contains("--top <top>", output, StringComparison.Ordinal);
        Assert.Contains(" rank [tuỳ chọn]", output, StringComparison.Ordinal);
        Assert.Contains("[mặc định: table]", output, StringComparison.Ordinal);
        var (_, uncertainty, _) = Run("uncertainty", "--help", "--language", "vi");
        Assert.Contains("minmax(L,U) (hoặc minmax:L:U)", uncertainty, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EnglishExplicit_SameAsDefault(string command) =>
        Assert.Equal(Run(command, "--help").Out, Run(command, "--help", "--language", "en").Out);

    [Fact]
    public void Help_English_HeadingsAndDescriptionsUnchanged()
    {
        var (_, output, _) = Run("rank", "--help");
        Assert.StartsWith("Description:\n  Rank the 63 provinces on the embedded Open-data Provincial Readiness Index 2016", output, StringComparison.Ordinal);
        Assert.Contains("Options:\n  --top <top>", output, StringComparison.Ordinal);
        Assert.Contains("Show help and usage information", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownOptionVietnamese_DidYouMeanInVietnamese()
    {
        var (code, _, err) = Run("rank", "--tpo", "3", "--language", "vi");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Equal("lỗi: tuỳ chọn không xác định '--tpo' cho 'ictindex rank'. Có phải ý bạn là '--top'?\nChạy 'ictindex --help --language vi' để xem cách dùng.\n", err);
    }

    [Fact]
    public void Run_UnknownCommandVietnamese_DidYouMeanInVietnamese()
    {
        var (code, _, err) = Run("compte", "--language", "vi");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.StartsWith("lỗi: lệnh không xác định 'compte'. Có phải ý bạn là 'compute'?\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommandNothingCloseVietnamese_ListsTheCommands()
    {
        var (_, _, err) = Run("xyzzy", "--language", "vi");
        Assert.StartsWith("lỗi: lệnh không xác định 'xyzzy'. Các lệnh là: rank, compute,", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "rank", "--top", "abc" }, "lỗi: --top: 'abc' không phải số nguyên.\n")]
    [InlineData(new[] { "rank", "--top", "99999999999" }, "lỗi: --top: '99999999999' nằm ngoài phạm vi của một số nguyên.\n")]
    [InlineData(new[] { "rank", "--format", "markdwn" }, "lỗi: --format: 'markdwn' không phải một trong: table, markdown, html, csv, tsv, json. Có phải ý bạn là 'markdown'?\n")]
    [InlineData(new[] { "remap", "--to", "2025", "--data", "d.csv" }, "lỗi: Cần có tuỳ chọn '--output'.\n")]
    public void Run_BadValueVietnamese_OneVietnameseLine(string[] args, string expected)
    {
        var (code, _, err) = Run([.. args, "--language", "vi"]);
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.StartsWith(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TopZeroVietnamese_UsageErrorInVietnamese()
    {
        var (code, _, err) = Run("rank", "--top", "0", "--language", "vi");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Equal("lỗi: --top phải ít nhất là 1.\n", err);
    }

    [Fact]
    public void Run_UnknownPresetVietnamese_ListsPresetsAndDidYouMean()
    {
        var (code, _, err) = Run("compute", "--preset", "dti-202", "--language", "vi");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.StartsWith("lỗi: --preset: preset không xác định 'dti-202'; các preset là: ", err, StringComparison.Ordinal);
        Assert.Contains("Có phải ý bạn là", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingInputFileVietnamese_LocatedVietnameseLine()
    {
        var missing = Path.Combine(Dir, "khong-co.csv");
        var (code, _, err) = Run("compute", "--data", missing, "--preset", "dti-2022", "--language", "vi");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Equal("lỗi: --data: không tìm thấy tệp: " + missing + "\n", err);
    }

    [Fact]
    public void Run_OutputFolderMissingVietnamese_NamesTheFolder()
    {
        var folder = Path.Combine(Dir, "chua-tao");
        var (code, _, err) = Run("compute", "--preset", "dti-2022", "--language", "vi", "--output", Path.Combine(folder, "x.csv"));
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.StartsWith("lỗi: --output: không tìm thấy thư mục '" + folder + "' (hãy tạo nó trước)", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "uncertainty" }, "lỗi: Hãy cho ít nhất một nhân tố bất định: --weights-noise, --normalise-choices, --aggregate-choices hoặc --exclude-one.\n")]
    [InlineData(new[] { "uncertainty", "--weights-noise", "0.2", "--runs", "1" }, "lỗi: --runs phải ít nhất là 2.\n")]
    [InlineData(new[] { "target", "--unit", "01" }, "lỗi: Hãy cho đúng một trong --rank K hoặc --score S.\n")]
    public void Run_AnalysisUsageErrorVietnamese_OneVietnameseLine(string[] args, string expected)
    {
        var (code, _, err) = Run([.. args, "--language", "vi"]);
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Equal(expected, err);
    }

    [Theory]
    [InlineData(new[] { "compute", "--preset", "dti-2022", "--normalise", "minmx" }, "lỗi: Không nhận ra phương pháp chuẩn hoá 'minmx'; cần một trong identity, minmax", "error: Unknown normaliser 'minmx'; expected one of identity, minmax")]
    [InlineData(new[] { "compute", "--preset", "dti-2022", "--range", "5,1" }, "lỗi: --range cần hai số L,U với L < U (ví dụ 1,100); nhận được '5,1'.\n", "error: --range expects two numbers L,U with L < U (for example 1,100); found '5,1'.\n")]
    [InlineData(new[] { "compute", "--preset", "dti-2022", "--screen", "zeros:2" }, "lỗi: --screen zeros: '2' không phải một tỉ lệ trong [0, 1].\n", "error: --screen zeros: '2' is not a share in [0, 1].\n")]
    [InlineData(new[] { "compute", "--preset", "dti-2022", "--component-weights", "htkt=1" }, "lỗi: --component-weights chỉ dùng cùng --preset vn-ict-index-2006.\n", "error: --component-weights is used only with --preset vn-ict-index-2006.\n")]
    public void Run_MovedUsageErrorVietnamese_VietnameseAndEnglishUnchanged(string[] args, string vietnamese, string english)
    {
        var (code, _, err) = Run([.. args, "--language", "vi"]);
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Contains(vietnamese, err, StringComparison.Ordinal);
        var (englishCode, _, englishErr) = Run(args);
        Assert.Equal(ExitCodes.BadArguments, englishCode);
        Assert.Contains(english, englishErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownOptionEnglish_Unchanged()
    {
        var (_, _, err) = Run("rank", "--tpo", "3");
        Assert.Equal("error: unknown option '--tpo' for 'ictindex rank'. Did you mean '--top'?\nRun 'ictindex --help' for usage.\n", err);
    }

    [Fact]
    public void Run_VariableVietnamese_HelpMessagesAndOutputInVietnamese()
    {
        Assert.Contains("Tuỳ chọn:", RunWithVariable("vi", "rank", "--help").Out, StringComparison.Ordinal);
        Assert.StartsWith("lỗi: tuỳ chọn không xác định", RunWithVariable("vi", "rank", "--tpo", "3").Err, StringComparison.Ordinal);
        Assert.Contains("3 trên 63 đơn vị", RunWithVariable("vi", "rank", "--top", "3").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VariableVietnameseLanguageEnglish_English()
    {
        var (_, output, _) = RunWithVariable("vi", "rank", "--help", "--language", "en");
        Assert.Equal(Run("rank", "--help").Out, output);
        Assert.Equal(Run("rank", "--top", "3").Out, RunWithVariable("vi", "rank", "--top", "3", "--language", "en").Out);
    }

    [Fact]
    public void Run_VariableUnset_English() =>
        Assert.Equal(Run("rank", "--help").Out, RunWithVariable(null, "rank", "--help").Out);

    [Fact]
    public void Run_VariableNotOffered_BadArgumentsNamingIt()
    {
        var (code, output, err) = RunWithVariable("fr", "rank");
        Assert.Equal(ExitCodes.BadArguments, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: ICTINDEX_LANGUAGE: 'fr' is not one of: en, vi.\n", err);
    }

    [Fact]
    public void Run_LanguageOnCommandWithoutReaderOutput_Accepted()
    {
        var (code, output, err) = Run("match", "Da Nang", "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("48", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfMemoryMessage_Vietnamese_FramingInVietnamese()
    {
        using var scope = CliStrings.Use(Vietnamese);
        Assert.StartsWith("lỗi: không đủ bộ nhớ: dữ liệu đầu vào không vừa 512 MiB", IctIndexCli.OutOfMemoryMessage(512L * 1024 * 1024), StringComparison.Ordinal);
    }
}
