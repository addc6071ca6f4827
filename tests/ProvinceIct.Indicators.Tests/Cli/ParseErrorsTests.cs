using System.CommandLine;
using System.CommandLine.Help;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>Parse errors as the user sees them: one plain line, no .NET type names, the closest command or option.</summary>
public sealed class ParseErrorsTests : CliRunner
{
    private const string Usage = "Run 'ictindex --help' for usage.\n";

    private static (int Code, string Err) RunErr(params string[] args)
    {
        var (code, _, err) = Run(args);
        return (code, err.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_TopNotANumber_SaysWholeNumber()
    {
        Assert.Equal((2, "error: --top: 'abc' is not a whole number.\n" + Usage), RunErr("rank", "--top", "abc"));
    }

    [Fact]
    public void Describe_TopFraction_SaysWholeNumber()
    {
        Assert.Equal((2, "error: --top: '1.5' is not a whole number.\n" + Usage), RunErr("rank", "--top", "1.5"));
    }

    [Fact]
    public void Describe_TopBeyondInt32_SaysOutOfRange()
    {
        Assert.Equal((2, "error: --top: '99999999999' is out of range for a whole number.\n" + Usage), RunErr("rank", "--top", "99999999999"));
    }

    [Fact]
    public void Describe_DoubleOptionNotANumber_SaysNumber()
    {
        Assert.Equal((2, "error: --weights-noise: 'x' is not a number.\n" + Usage), RunErr("uncertainty", "--weights-noise", "x"));
    }

    [Fact]
    public void Describe_FormatNotAChoice_ListsTheChoicesOnOneLine()
    {
        Assert.Equal((2, "error: --format: 'xml' is not one of: table, markdown, html, csv, tsv, json.\n" + Usage), RunErr("rank", "--format", "xml"));
    }

    [Fact]
    public void Describe_FormatMistyped_SuggestsTheChoice()
    {
        Assert.Equal((2, "error: --format: 'jsno' is not one of: table, markdown, html, csv, tsv, json. Did you mean 'json'?\n" + Usage), RunErr("rank", "--format", "jsno"));
    }

    [Fact]
    public void Describe_CommandMistyped_SuggestsTheClosest()
    {
        Assert.Equal((2, "error: unknown command 'comptue'. Did you mean 'compute'?\n" + Usage), RunErr("comptue"));
    }

    [Fact]
    public void Describe_CommandOneEditFromComputeTwoFromCompare_SuggestsOnlyCompute()
    {
        Assert.Equal((2, "error: unknown command 'compte'. Did you mean 'compute'?\n" + Usage), RunErr("compte"));
    }

    [Fact]
    public void Describe_CommandUnlikeAny_ListsTheCommands()
    {
        Assert.Equal(
            (2, "error: unknown command 'xyzzy'. The commands are: rank, compute, sample, template, provinces, match, remap, uncertainty, sensitivity, report, audit, target, what-if, compare, series, history, explore.\n" + Usage),
            RunErr("xyzzy"));
    }

    [Fact]
    public void Describe_OptionMistyped_SuggestsTheOptionAndSkipsItsValue()
    {
        Assert.Equal((2, "error: unknown option '--tpo' for 'ictindex rank'. Did you mean '--top'?\n" + Usage), RunErr("rank", "--tpo", "5"));
    }

    [Fact]
    public void Describe_PresetMistyped_ListsThePresetsAndTheClosest()
    {
        Assert.Equal(
            (2, "error: --preset: unknown preset 'dti-2025'; the presets are: dti-2020, dti-2022, dti-2024, itu-idi-2017, open-readiness-2016, vn-ict-index-2016. Did you mean 'dti-2020', 'dti-2022' or 'dti-2024'?\n"),
            RunErr("compute", "--preset", "dti-2025"));
    }

    [Fact]
    public void Describe_ComparePresetMistyped_NamesTheSideOption()
    {
        var (code, err) = RunErr("compare", "--before-preset", "vn-ict-index-2061", "--after-preset", "dti-2022");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --before-preset: unknown preset 'vn-ict-index-2061'; the presets are: ", err, StringComparison.Ordinal);
        Assert.EndsWith(" Did you mean 'vn-ict-index-2016'?\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EveryTypedOptionOfEveryCommandGivenAWord_NamesNoTypeAndExits2()
    {
        var root = IctIndexCli.BuildRoot(TextWriter.Null, TextWriter.Null);
        var checkedOptions = 0;
        foreach (var (path, option) in TypedOptions(root, []))
        {
            string[] args = [.. path, option.Name, "abc"];
            var (code, err) = RunErr(args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {err}");
            Assert.False(err.Contains("System.", StringComparison.Ordinal) || err.Contains('`', StringComparison.Ordinal), $"{string.Join(' ', args)}: {err}");
            Assert.Contains($"error: {option.Name}: 'abc' is not", err, StringComparison.Ordinal);
            checkedOptions++;
        }

        // rank --top, uncertainty --weights-noise, target --score and the int options at least.
        Assert.True(checkedOptions >= 6, $"only {checkedOptions} typed options found");
    }

    private static IEnumerable<(string[] Path, Option Option)> TypedOptions(Command command, string[] path)
    {
        foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption))
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (type.IsArray)
            {
                type = type.GetElementType()!;
            }

            if (type != typeof(string) && type != typeof(bool) && type != typeof(FileInfo) && type != typeof(DirectoryInfo))
            {
                yield return (path, option);
            }
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var found in TypedOptions(sub, [.. path, sub.Name]))
            {
                yield return found;
            }
        }
    }
}
