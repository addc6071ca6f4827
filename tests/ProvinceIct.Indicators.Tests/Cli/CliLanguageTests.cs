using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>How the language of a command line is chosen: --language, else ICTINDEX_LANGUAGE, else English.</summary>
public class CliLanguageTests
{
    [Theory]
    [InlineData(new[] { "rank" }, null, "en")]
    [InlineData(new[] { "rank", "--language", "vi" }, null, "vi")]
    [InlineData(new[] { "rank", "--help", "--language", "vi" }, null, "vi")]
    [InlineData(new[] { "--language", "vi", "rank", "--help" }, null, "vi")]
    [InlineData(new[] { "rank", "--language=vi" }, null, "vi")]
    [InlineData(new[] { "rank", "--language:vi" }, null, "vi")]
    [InlineData(new[] { "rank", "--language", "vi", "--language", "en" }, null, "en")]
    [InlineData(new[] { "rank" }, "vi", "vi")]
    [InlineData(new[] { "rank" }, "vi-VN", "vi")]
    [InlineData(new[] { "rank" }, " VI ", "vi")]
    [InlineData(new[] { "rank" }, "", "en")]
    [InlineData(new[] { "rank", "--language", "en" }, "vi", "en")]
    [InlineData(new[] { "rank", "--language", "fr" }, "vi", "vi")]
    [InlineData(new[] { "rank", "--language" }, null, "en")]
    [InlineData(new[] { "match", "--", "--language", "vi" }, null, "en")]
    public void Choose_CommandLineThenVariable_Language(string[] args, string? variable, string expected) =>
        Assert.Equal(expected, CliLanguage.Choose(args, variable));

    [Theory]
    [InlineData("fr")]
    [InlineData("vietnamese")]
    public void Choose_VariableNotOffered_UsageErrorNamingTheVariable(string variable)
    {
        var ex = Assert.Throws<UsageException>(() => CliLanguage.Choose(["rank"], variable));
        Assert.Equal($"ICTINDEX_LANGUAGE: '{variable}' is not one of: en, vi.", ex.Message);
    }

    [Fact]
    public void Choose_VariableNotOfferedButCommandLineChooses_NoError() =>
        Assert.Equal("vi", CliLanguage.Choose(["rank", "--language", "vi"], "fr"));

    [Fact]
    public void AddWhereMissing_EveryCommand_HasOneLanguageOption()
    {
        var root = IctIndexCli.BuildRoot(TextWriter.Null, TextWriter.Null);
        foreach (var command in root.Subcommands.Prepend(root))
        {
            Assert.Single(command.Options, o => o.Name == CliLanguage.OptionName);
        }
    }

    private static (int Code, string Out, string Err) RunWithVariable(string? variable, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IctIndexCli.Run(args, stdout, stderr, variable);
        return (code, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString());
    }

    /// <summary>The help line of --language (with its continuation, if wrapped) in a --help output.</summary>
    private static string LanguageHelp(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("--language", StringComparison.Ordinal));
        Assert.True(start >= 0, help);
        var end = Array.FindIndex(lines, start + 1, l => l.TrimStart().StartsWith('-'));
        return string.Join("\n", lines[start..(end < 0 ? lines.Length : end)]);
    }

    [Theory]
    [InlineData("rank")]
    [InlineData("compute")]
    [InlineData("match")]
    [InlineData("explore")]
    public void Help_LanguageViOnCommandLine_DefaultShownIsEnglish(string command)
    {
        var (code, output, err) = RunWithVariable(null, command, "--help", "--language", "vi");
        Assert.True(code == 0, err);
        var line = LanguageHelp(output);
        Assert.Contains("[mặc định: en]", line, StringComparison.Ordinal);
        Assert.DoesNotContain("[mặc định: vi]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rank")]
    [InlineData("history")]
    public void Help_VariableVi_DefaultShownIsEnglish(string command)
    {
        var (_, output, _) = RunWithVariable("vi", command, "--help");
        Assert.Contains("[mặc định: en]", LanguageHelp(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_English_DefaultShownIsEnglish() =>
        Assert.Contains("[default: en]", LanguageHelp(RunWithVariable(null, "rank", "--help").Out), StringComparison.Ordinal);

    [Fact]
    public void Of_NotGivenVariableVi_RunLanguageStillUsed()
    {
        var (code, output, err) = RunWithVariable("vi", "rank", "--top", "3");
        Assert.True(code == 0, err);
        Assert.Contains("3 trên 63 đơn vị", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_GivenEnglishVariableVi_English()
    {
        var (_, output, _) = RunWithVariable("vi", "rank", "--top", "3", "--language", "en");
        Assert.DoesNotContain("3 trên 63 đơn vị", output, StringComparison.Ordinal);
        Assert.Equal(RunWithVariable(null, "rank", "--top", "3").Out, output);
    }
}
