using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class TileMapVietnameseTests
{
    [Fact]
    public void Create_DefaultOptions_SameAsOldOverload()
    {
        var r = OpenReadiness2016.Compute();
        Assert.Equal(TileMap.Create(r).ToSvg(), TileMap.Create(r, null, null, ReportOptions.Default).ToSvg());
    }

    [Fact]
    public void Create_Vietnamese_TitleLegendAndDecimalComma()
    {
        var r = OpenReadiness2016.Compute();
        var svg = TileMap.Create(r, null, ProvinceGeography.Provinces2016, ReportOptions.Vietnamese).ToSvg();
        Assert.Contains("Điểm chỉ số theo tỉnh, 63 tỉnh, thành phố (2016)", svg, StringComparison.Ordinal);
        Assert.Contains("Thiếu dữ liệu", svg, StringComparison.Ordinal);
        Assert.Contains("Sáng hơn = cao hơn", svg, StringComparison.Ordinal);
        Assert.Contains("xếp hạng", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("by province", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("No data", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Lighter = higher", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => TileMap.Create(OpenReadiness2016.Compute(), null, null, null!));
}
