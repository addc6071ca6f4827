using System.Globalization;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Internal.Localization;

public class ProblemStringsTests
{
    private static readonly string Folder = RepositoryPaths.Get("src/ProvinceIct.Indicators/Internal/Localization");

    private static Dictionary<string, string> Read(string path) => ResxFiles.Read(path);

    private static string[] TranslationFiles() => ResxFiles.Translations(Folder, "ProblemStrings");

    public static TheoryData<string> Translations() => [.. TranslationFiles()];

    [Fact]
    public void Translations_Found_IncludesVietnamese() => Assert.Contains("ProblemStrings.vi.resx", TranslationFiles());

    [Theory]
    [MemberData(nameof(Translations))]
    public void Resx_EveryTranslation_SameKeysAndPlaceholdersAsNeutral(string file) =>
        ResxFiles.AssertParity(Folder, "ProblemStrings", file);

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
