using System.Globalization;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Presets;

public class PresetInfoTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static TheoryData<string> PresetNames() => [.. PresetCatalog.Names];

    [Fact]
    public void SampleNoteIn_OpenReadinessVietnamese_IsTheVietnameseNote() =>
        Assert.Equal("63 tỉnh/thành phố, bảng thống kê của TCTK (GSO) và PCI 2016 của VCCI", PresetCatalog.Info("open-readiness-2016").SampleNoteIn(Vi));

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void SampleNoteIn_EveryPresetWithASampleVietnamese_IsTranslated(string name)
    {
        var info = PresetCatalog.Info(name);
        if (info.SampleNote is null)
        {
            Assert.Null(info.SampleNoteIn(Vi));
            return;
        }

        var vi = info.SampleNoteIn(Vi);
        Assert.NotEqual(info.SampleNote, vi);
        Assert.Contains("tỉnh/thành phố", vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("de-DE")]
    public void SampleNoteIn_NullInvariantOrUntranslated_IsSampleNote(string? culture)
    {
        var info = PresetCatalog.Info("dti-2022");
        Assert.Equal("5 provinces with published main indices, dti.gov.vn 2022", info.SampleNoteIn(culture is null ? null : CultureInfo.GetCultureInfo(culture)));
    }
}
