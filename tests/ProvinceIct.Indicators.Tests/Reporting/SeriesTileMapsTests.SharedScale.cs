using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class SeriesTileMapsTests
{
    /// <summary>2016 as embedded; 2017 the same data without Đà Nẵng (48), the best unit of 2016.</summary>
    private static IndexSeries WithoutDaNangIn2017(SeriesNormalisation normalisation)
    {
        var d = OpenReadiness2016.Dataset;
        var keep = Enumerable.Range(0, d.UnitCount).Where(i => d.Units[i].Code != "48").ToArray();
        var without = Dataset.FromColumns([.. keep.Select(i => d.Units[i])], d.IndicatorCodes.Select(c => KeyValuePair.Create(c, keep.Select(i => d.Column(c)[i]).ToArray())));
        return IndexSeries.Create(
            [Edition.Create(2016, OpenReadiness2016.Methodology, d), Edition.Create(2017, OpenReadiness2016.Methodology, without)], normalisation);
    }

    private static int LightestTiles(IndexSeries series) =>
        ByClass(Parse(SeriesTileMaps.Create(series)), "g", "tile").Count(t => (string?)t.Elements().First(e => e.Name.LocalName == "rect").Attribute("fill") == Palette.ViridisAt(1));

    [Fact]
    public void Create_PerYear_EachMapHasItsOwnLightestTile()
    {
        // per year: Đà Nẵng tops 2016, and another unit tops 2017 on its own scale
        Assert.Equal(2, LightestTiles(WithoutDaNangIn2017(SeriesNormalisation.PerYear)));
        Assert.Contains("each map on its own colour scale", Parse(SeriesTileMaps.Create(WithoutDaNangIn2017(SeriesNormalisation.PerYear))).Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Panel_OneScaleSoOnlyTheOverallHighestIsLightest()
    {
        // over the panel the bounds are those of 2016 (2017 holds a subset of its values), so the 2017 leader scores
        // below Đà Nẵng 2016, the only tile at the top of the shared scale
        var series = WithoutDaNangIn2017(SeriesNormalisation.Panel);
        Assert.Equal(1, LightestTiles(series));
        Assert.Contains("one colour scale shared by every edition, normalised over the panel", Parse(SeriesTileMaps.Create(series)).Root!.Value, StringComparison.Ordinal);
    }
}
