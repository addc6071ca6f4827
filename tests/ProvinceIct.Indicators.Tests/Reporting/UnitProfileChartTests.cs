using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class UnitProfileChartTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    [Fact]
    public void Create_DaNang_NumbersAreTheUnitsScoresAndTheMedians()
    {
        var doc = Parse(UnitProfileChart.Create(Embedded, "48"));
        var rows = ByClass(doc, "g", "row");
        Assert.Equal([Embedded.IndexCode, .. Embedded.PillarCodes], rows.Select(r => (string)r.Attribute("data-node")!));
        var region = Embedded.Units.Single(u => u.Code == "48").Group("region");
        var peers = Embedded.Units.Where(u => u.Group("region") == region).Select(u => u.Code).ToList();
        foreach (var row in rows)
        {
            var node = (string)row.Attribute("data-node")!;
            var values = ByClass(row, "text", "value").Select(t => t.Value).ToList();
            Assert.Equal(F2(Embedded.Score("48", node)), values[0]);
            Assert.Equal(F2(Median(Embedded.Units.Select(u => Embedded.Score(u.Code, node)))), values[1]);
            Assert.Equal(F2(Median(peers.Select(c => Embedded.Score(c, node)))), values[2]);
            Assert.Single(row.Descendants(Svg + "circle"));
            Assert.Single(row.Descendants(Svg + "polygon"));
            Assert.Single(row.Descendants(Svg + "rect"));
        }

        Assert.Equal("90.45", ByClass(rows[0], "text", "value")[0].Value);
        Assert.Equal("Đà Nẵng, Index: 90.45", Tooltip(rows[0].Descendants(Svg + "circle").Single()));
        AssertSelfContained(doc);
    }

    [Fact]
    public void Create_TinyWithoutGroups_HandComputedMediansAndNoGroupMarker()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var doc = Parse(UnitProfileChart.Create(r, "A"));
        var index = ByClass(doc, "g", "row")[0];
        // index scores: A (2 x 25 + 1 x 0) / 3 = 16.67, B 50 (P2 missing), C (2 x 75 + 100) / 3 = 83.33; median 50
        Assert.Equal(["16.67", "50.00", "-"], ByClass(index, "text", "value").Select(t => t.Value));
        Assert.Empty(index.Descendants(Svg + "rect"));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value.Contains("no region for this unit", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_UnknownUnit_Throws() => Assert.Throws<KeyNotFoundException>(() => UnitProfileChart.Create(Embedded, "99"));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Create_BlankUnit_Throws(string code) => Assert.ThrowsAny<ArgumentException>(() => UnitProfileChart.Create(Embedded, code));

    [Fact]
    public void Create_DaNang_MatchesSnapshot() => Snapshot.Match(UnitProfileChart.Create(Embedded, "48").ToSvg(), "svg");
}
