using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Cli;
using ProvinceIct.Indicators.Tests.Series;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class SeriesTileMapsTests
{
    internal static IndexSeries TwoEditions2016() => IndexSeries.Create(
    [
        Edition.Create(2016, OpenReadiness2016.Methodology, OpenReadiness2016.Dataset),
        Edition.Create(2017, OpenReadiness2016.Methodology, SeriesCommandTests.Swapped2016()),
    ]);

    [Fact]
    public void Create_TwoEditions_OneScaledMapPerYearWithUniqueIds()
    {
        var chart = SeriesTileMaps.Create(TwoEditions2016());
        var doc = Parse(chart);
        AssertSelfContained(doc);
        var editions = ByClass(doc, "g", "edition");
        Assert.Equal(["2016", "2017"], editions.Select(e => (string?)e.Attribute("data-year")));
        foreach (var e in editions)
        {
            var map = Assert.Single(e.Elements(Svg + "svg"));
            Assert.Equal(63, ByClass(map, "g", "tile").Count);
            Assert.NotNull(map.Attribute("viewBox"));
        }

        var ids = doc.Descendants().Select(x => (string?)x.Attribute("id")).Where(x => x is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("tm2017-2016-", string.Join(" ", ids), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoEditions_MapsHalfSizeSideBySide()
    {
        var single = TileMap.Create(OpenReadiness2016.Compute());
        var doc = Parse(SeriesTileMaps.Create(TwoEditions2016()));
        var maps = ByClass(doc, "g", "edition").Select(e => e.Element(Svg + "svg")!).ToList();

        // x = 12 + k (w / 2 + 16); y = 56 + 18 (the year heading); size = half the single map's
        var half = single.Width / 2;
        Assert.Equal(Markup.Coord(half), (string?)maps[0].Attribute("width"));
        Assert.Equal(Markup.Coord(single.Height / 2), (string?)maps[0].Attribute("height"));
        Assert.Equal(("12", "74"), ((string?)maps[0].Attribute("x"), (string?)maps[0].Attribute("y")));
        Assert.Equal(Markup.Coord(12 + half + 16), (string?)maps[1].Attribute("x"));
    }

    [Fact]
    public void Create_Crossing2025_EachMapInItsGeography()
    {
        var doc = Parse(SeriesTileMaps.Create(IndexSeriesTests.Crossing()));
        var maps = ByClass(doc, "g", "edition").Select(e => e.Element(Svg + "svg")!).ToList();
        Assert.Equal([63, 34], maps.Select(m => ByClass(m, "g", "tile").Count));
    }

    [Fact]
    public void Create_UnknownNode_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => SeriesTileMaps.Create(TwoEditions2016(), "nope"));
}
