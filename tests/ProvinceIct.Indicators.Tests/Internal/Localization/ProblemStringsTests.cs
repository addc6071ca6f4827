using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Internal.Localization;

public partial class ProblemStringsTests
{
    private static readonly string Folder = RepositoryPaths.Get("src/ProvinceIct.Indicators/Internal/Localization");

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static string[] TranslationFiles() =>
        [.. Directory.GetFiles(Folder, "ProblemStrings.*.resx").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Translations() => [.. TranslationFiles()];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void Translations_Found_IncludesVietnamese() => Assert.Contains("ProblemStrings.vi.resx", TranslationFiles());

    [Theory]
    [MemberData(nameof(Translations))]
    public void Resx_EveryTranslation_SameKeysAndPlaceholdersAsNeutral(string file)
    {
        var neutral = Read(Path.Combine(Folder, "ProblemStrings.resx"));
        var translated = Read(Path.Combine(Folder, file));
        Assert.Equal(neutral.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in neutral)
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), file + ": " + key + " is blank");
            Assert.True(Placeholders(text).SequenceEqual(Placeholders(translated[key])), file + ": " + key + " has other placeholders than the neutral text");
        }
    }

    [Fact]
    public void Resx_EveryVietnameseText_FoundThroughTheSatellite()
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        foreach (var (key, text) in Read(Path.Combine(Folder, "ProblemStrings.vi.resx")))
        {
            Assert.Equal(text, ProblemStrings.Get(key, vi));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public void Get_OtherCulture_FallsBackToEnglish(string culture) =>
        Assert.Equal("unit", ProblemStrings.Get("Label_Unit", CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Get_UnknownKey_Throws() =>
        Assert.Throws<InvalidOperationException>(() => ProblemStrings.Get("No_Such_Key", CultureInfo.InvariantCulture));

    [Fact]
    public void Render_NestedText_RenderedInTheSameLanguage()
    {
        var text = new ProblemText("Expected_ColumnNamed", new ProblemText("Long_UnitOrUnitCode"));

        Assert.Equal("a column named unit or unit_code", text.Render(CultureInfo.InvariantCulture));
        Assert.Equal("một cột tên unit hoặc unit_code", text.Render(CultureInfo.GetCultureInfo("vi")));
    }

    [Theory]
    [InlineData("Label_Row", "hàng")]
    [InlineData("Label_Column", "cột")]
    [InlineData("Label_Unit", "đơn vị")]
    [InlineData("Label_Indicator", "chỉ tiêu")]
    [InlineData("Label_Parameter", "tham số")]
    public void Get_Vietnamese_UsesTheOfficialTerms(string key, string expected) =>
        Assert.Equal(expected, ProblemStrings.Get(key, CultureInfo.GetCultureInfo("vi-VN")));
}
