using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class TileMapTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    private static IndexResult Units2025(Func<int, double> value)
    {
        var units = ProvinceCatalog.Default.Provinces(ProvinceGeography.Provinces2025).Select(p => p.ToUnit()).ToList();
        return OneIndicator(units, [.. Enumerable.Range(0, units.Count).Select(value)]);
    }

    [Theory]
    [InlineData(ProvinceGeography.Provinces2016, 63)]
    [InlineData(ProvinceGeography.Provinces2025, 34)]
    public void Layout_EveryUnitOfTheGeographyHasItsOwnCell(ProvinceGeography geography, int count)
    {
        var layout = TileLayout.For(geography);
        Assert.Equal(count, layout.Count);
        Assert.Equal(ProvinceCatalog.Default.Provinces(geography).Select(p => p.Code).Order(StringComparer.Ordinal), layout.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(count, layout.Values.Distinct().Count());
    }

    [Theory]
    [InlineData(ProvinceGeography.Provinces2016)]
    [InlineData(ProvinceGeography.Provinces2025)]
    public void Layout_RoughlyGeographic(ProvinceGeography geography)
    {
        var l = TileLayout.For(geography);
        Assert.True(l["01"].Row < l["48"].Row && l["48"].Row < l["79"].Row && l["79"].Row < l["96"].Row, "Hà Nội, Đà Nẵng, TP HCM, Cà Mau from north to south");
        Assert.Equal(l.Values.Max(p => p.Row), l["96"].Row);
        Assert.Equal(0, l["11"].Column); // Điện Biên in the far west
        Assert.True(l["22"].Column > l["01"].Column, "Quảng Ninh east of Hà Nội");
        Assert.True(l["91"].Column < l["79"].Column, "Mekong delta west of TP HCM");
    }

    [Fact]
    public void Create_Embedded_OneTilePerProvinceWithItsScore()
    {
        var doc = Parse(TileMap.Create(Embedded));
        var tiles = ByClass(doc, "g", "tile");
        Assert.Equal(63, tiles.Count);
        Assert.Equal(63, tiles.Select(t => (string)t.Attribute("data-unit")!).Distinct().Count());
        foreach (var tile in tiles)
        {
            var code = (string)tile.Attribute("data-unit")!;
            Assert.Equal(F2(Embedded.Score(code)), ByClass(tile, "text", "value").Single().Value);
            Assert.StartsWith("#", (string)tile.Element(Svg + "rect")!.Attribute("fill")!, StringComparison.Ordinal);
        }

        var daNang = tiles.Single(t => (string)t.Attribute("data-unit")! == "48");
        Assert.Equal("Đà Nẵng (48): 90.45, rank 1", Tooltip(daNang));
        Assert.Equal("#FDE725", (string)daNang.Element(Svg + "rect")!.Attribute("fill")!); // the highest score: the light end of viridis
        Assert.Equal("#440154", (string)tiles.Single(t => (string)t.Attribute("data-unit")! == "12").Element(Svg + "rect")!.Attribute("fill")!); // Lai Châu, the lowest
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "TP HCM");
        AssertSelfContained(doc);
    }

    [Fact]
    public void Create_Units2025_InfersTheGeographyAndDraws34Tiles()
    {
        var r = Units2025(i => i);
        var doc = Parse(TileMap.Create(r));
        Assert.Equal(34, ByClass(doc, "g", "tile").Count);
        Assert.Contains("34 units (2025)", TileMap.Create(r).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MissingScore_HatchedTileAndLegendEntry()
    {
        var r = Units2025(i => i == 0 ? double.NaN : i);
        var doc = Parse(TileMap.Create(r, geography: ProvinceGeography.Provinces2025));
        var missing = ByClass(doc, "g", "tile").Single(t => (string)t.Attribute("data-unit")! == r.Units[0].Code);
        Assert.Matches("^url\\(#tm-2025-IDX-hatch\\)$", (string)missing.Element(Svg + "rect")!.Attribute("fill")!);
        Assert.Equal("no data", ByClass(missing, "text", "value").Single().Value);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "No data");
        Assert.Single(doc.Descendants(Svg + "pattern"), p => (string)p.Attribute("id")! == "tm-2025-IDX-hatch");
    }

    [Fact]
    public void Create_SubsetOfProvinces_OthersDrawnAsNoData()
    {
        var units = ProvinceCatalog.Default.Provinces(ProvinceGeography.Provinces2016).Take(5).Select(p => p.ToUnit()).ToList();
        var doc = Parse(TileMap.Create(OneIndicator(units, [1, 2, 3, 4, 5])));
        var tiles = ByClass(doc, "g", "tile");
        Assert.Equal(63, tiles.Count);
        Assert.Equal(58, tiles.Count(t => ByClass(t, "text", "value").Single().Value == "no data"));
    }

    [Fact]
    public void Create_UnitsOffTheMap_CountedInSubtitle()
    {
        var units = new List<Unit> { Unit.Create("01", "Hà Nội"), Unit.Create("XX", "<Elsewhere & co>") };
        var chart = TileMap.Create(OneIndicator(units, [1, 2]));
        Assert.Contains(Parse(chart).Descendants(Svg + "text"), t => t.Value.EndsWith("; 1 units not on the map", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_PillarNode_ColoursByThatNode()
    {
        var doc = Parse(TileMap.Create(Embedded, "egov"));
        var tile = ByClass(doc, "g", "tile").Single(t => (string)t.Attribute("data-unit")! == "01");
        Assert.Equal(F2(Embedded.Score("01", "egov")), ByClass(tile, "text", "value").Single().Value);
    }

    [Fact]
    public void Create_UnknownNode_Throws() => Assert.Throws<KeyNotFoundException>(() => TileMap.Create(Embedded, "nope"));

    [Fact]
    public void Create_AllEqual_StillWellFormed()
    {
        var r = Units2025(_ => 42.0);
        var doc = Parse(TileMap.Create(r));
        var tiles = ByClass(doc, "g", "tile");
        Assert.Equal(34, tiles.Count);
        // a constant column at the midpoint of [0, 100]
        Assert.All(tiles, t => Assert.Equal("50.00", ByClass(t, "text", "value").Single().Value));
    }

    [Fact]
    public void Create_AllMissing_NoResultToDraw() =>
        // an all-missing dataset is refused by the calculation (nothing to rank), so no map of it can be drawn
        Assert.Equal(ProvinceIct.Indicators.Errors.ProblemCode.EmptyInput, Assert.Throws<ProvinceIct.Indicators.Errors.CalculationException>(() => Units2025(_ => double.NaN)).Code);

    [Fact]
    public void Create_Embedded_MatchesSnapshot() => Snapshot.Match(TileMap.Create(Embedded).ToSvg(), "svg");

    [Fact]
    public void Create_Units2025_MatchesSnapshot() => Snapshot.Match(TileMap.Create(Units2025(i => i % 7 == 3 ? double.NaN : i * 3)).ToSvg(), "svg");
}
