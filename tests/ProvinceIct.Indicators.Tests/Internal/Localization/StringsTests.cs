using System.Globalization;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Internal.Localization;

public class StringsTests
{
    private static readonly string Folder = RepositoryPaths.Get("src/ProvinceIct.Indicators/Internal/Localization");

    private static Dictionary<string, string> Read(string path) => ResxFiles.Read(path);

    private static string[] TranslationFiles() => ResxFiles.Translations(Folder, "Strings");

    public static TheoryData<string> Translations() => [.. TranslationFiles()];

    [Fact]
    public void Translations_Found_IncludesVietnamese() => Assert.Contains("Strings.vi.resx", TranslationFiles());

    [Theory]
    [MemberData(nameof(Translations))]
    public void Resx_EveryTranslation_SameKeysAndPlaceholdersAsNeutral(string file) =>
        ResxFiles.AssertParity(Folder, "Strings", file);

    [Fact]
    public void Get_Vietnamese_FindsTheSatellite()
    {
        Assert.Equal("Xếp hạng", Strings.Get("Ranking_Rank", CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal("Xếp hạng", Strings.Get("Ranking_Rank", CultureInfo.GetCultureInfo("vi")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public void Get_OtherCulture_FallsBackToEnglish(string culture) =>
        Assert.Equal("Rank", Strings.Get("Ranking_Rank", CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Get_UnknownKey_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Strings.Get("No_Such_Key", CultureInfo.InvariantCulture));

    [Fact]
    public void Format_Vietnamese_FillsPlaceholders() =>
        Assert.Equal("3 trên 63 đơn vị; đồng hạng: x", Strings.Format(CultureInfo.GetCultureInfo("vi-VN"), "Ranking_RowsOfUnits", 3, 63, "x"));

    [Fact]
    public void Get_NeutralDisclaimer_EqualsTheEmbeddedIndexDisclaimer() =>
        Assert.Equal(OpenReadiness2016.Disclaimer, Strings.Get("Disclaimer_OpenReadiness2016", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Report_Methodology", "Phương pháp")]
    [InlineData("Method_Normalisation", "Chuẩn hoá")]
    [InlineData("Method_Aggregation", "Tổng hợp")]
    [InlineData("Ranking_Index", "Chỉ số")]
    [InlineData("Ranking_Pillars", "Trụ cột")]
    [InlineData("Ranking_Unit", "Tỉnh/thành phố")]
    [InlineData("Report_Uncertainty", "Độ bất định của xếp hạng")]
    public void Get_Vietnamese_UsesTheOfficialTerms(string key, string expected) =>
        Assert.Equal(expected, Strings.Get(key, CultureInfo.GetCultureInfo("vi-VN")));

    [Fact]
    public void MeasureUnit_EveryPresetUnit_HasVietnamese()
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var units = PresetCatalog.Names.SelectMany(n => PresetCatalog.Get(n).Framework.Indicators).Select(d => d.Unit).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.NotEqual(u, Strings.MeasureUnit(u, vi)));
    }

    [Fact]
    public void MeasureUnit_KnownUnit_VietnameseInViEnglishInvariant()
    {
        Assert.Equal("% số hộ", Strings.MeasureUnit("% of households", CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal("% of households", Strings.MeasureUnit("% of households", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MeasureUnit_UnknownOrNullUnit_Unchanged()
    {
        Assert.Equal("kg per hectare", Strings.MeasureUnit("kg per hectare", CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Null(Strings.MeasureUnit(null, CultureInfo.GetCultureInfo("vi-VN")));
    }
}
