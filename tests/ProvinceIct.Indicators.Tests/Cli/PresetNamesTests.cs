using System.Globalization;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The preset names listed in the help of --preset, generated from the preset registry.</summary>
public class PresetNamesTests
{
    /// <summary>Every name the registry knows: presets, aliases, and the preset built from --component-weights.</summary>
    public static TheoryData<string> RegisteredNames() => [.. Names()];

    private static IEnumerable<string> Names() =>
        PresetCatalog.Names.Concat(PresetCatalog.Aliases.Keys).Append(VnIctIndex2006.PresetName);

    private static string Help(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IctIndexCli.Run(args, stdout, stderr, null);
        Assert.True(code == 0, stderr.ToString());
        return stdout.ToString();
    }

    /// <summary>The help text of one option (its line and the lines it wraps onto).</summary>
    private static string OptionHelp(string help, string option)
    {
        var lines = help.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, help);
        var end = Array.FindIndex(lines, start + 1, l => l.TrimStart().StartsWith('-'));
        return string.Join(" ", lines[start..(end < 0 ? lines.Length : end)].Select(l => l.Trim()));
    }

    [Fact]
    public void RegisteredNames_Registry_IncludesVnIctIndex2006AndDtiAliases()
    {
        var names = Names().ToList();
        Assert.Contains("vn-ict-index-2006", names);
        Assert.Contains("dti-2021", names);
        Assert.Contains("dti-2023", names);
    }

    [Theory]
    [MemberData(nameof(RegisteredNames))]
    public void Help_ComputePresetEnglish_ListsEveryRegisteredName(string name) =>
        Assert.Contains(name, OptionHelp(Help("compute", "--help"), "--preset"), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(RegisteredNames))]
    public void Help_ComputePresetVietnamese_ListsEveryRegisteredName(string name) =>
        Assert.Contains(name, OptionHelp(Help("compute", "--help", "--language", "vi"), "--preset"), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(RegisteredNames))]
    public void Help_SeriesPreset_ListsEveryRegisteredName(string name) =>
        Assert.Contains(name, OptionHelp(Help("series", "--help"), "--preset"), StringComparison.Ordinal);

    [Theory]
    [InlineData("sample")]
    [InlineData("template")]
    public void Help_PresetWithSample_ListsRegistryAndAliasesNotVnIctIndex2006(string command)
    {
        var text = OptionHelp(Help(command, "--help"), "--preset");
        foreach (var name in PresetCatalog.Names.Concat(PresetCatalog.Aliases.Keys))
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(VnIctIndex2006.PresetName, text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpList_English_AliasesAfterTheirPreset()
    {
        var list = PresetNames.HelpList(withComponentWeights: true);
        Assert.Contains("dti-2022 (aliases dti-2021, dti-2023)", list, StringComparison.Ordinal);
        Assert.Contains("vn-ict-index-2006 (with --component-weights)", list, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpList_Vietnamese_AliasesAfterTheirPreset()
    {
        using var scope = CliStrings.Use(CultureInfo.GetCultureInfo("vi"));
        var list = PresetNames.HelpList(withComponentWeights: true);
        Assert.Contains("dti-2022 (tên khác dti-2021, dti-2023)", list, StringComparison.Ordinal);
        Assert.Contains("vn-ict-index-2006 (cùng --component-weights)", list, StringComparison.Ordinal);
    }

    [Fact]
    public void All_WithComponentWeights_EveryRegisteredName() =>
        Assert.Equal(Names().Order(StringComparer.Ordinal), PresetNames.All(withComponentWeights: true));
}
