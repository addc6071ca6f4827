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
}
