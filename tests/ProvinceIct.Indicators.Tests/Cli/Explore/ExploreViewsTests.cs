using ProvinceIct.Indicators.Cli.Explore;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

public class ExploreViewsTests
{
    [Fact]
    public void Map_Vietnamese_NoEnglishTitleOrLegend()
    {
        var svg = ExploreViews.Map(OpenReadiness2016.Compute(), null, "vi");
        Assert.NotNull(svg);
        Assert.Contains("Điểm chỉ số theo tỉnh", svg, StringComparison.Ordinal);
        Assert.Contains("Sáng hơn = cao hơn", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("by province", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Lighter = higher", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_English_SameAsLibraryDefault()
    {
        var r = OpenReadiness2016.Compute();
        Assert.Equal(ProvinceIct.Indicators.Reporting.TileMap.Create(r).ToSvg(), ExploreViews.Map(r, null, "en"));
    }
}
