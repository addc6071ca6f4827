using System.Xml.Linq;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class RankHistoryChartTests
{
    // ThreeYears ranks: 2019 C1 B2 A3 (D absent); 2020 A1 B2 D3 (C absent); 2021 B1 D2 C3 A4. N = 4 ranked at most.
    // Plot height max(180, 12 x 3) = 180, so y = 80 + (r - 1) x 60: r1 80, r2 140, r3 200, r4 260.
    // Columns x = 190 + 120 k: 2019 190, 2020 310, 2021 430.
    private static XDocument ThreeYears(IEnumerable<string>? units = null) =>
        Parse(RankHistoryChart.Create(IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory(), units));

    private static XElement Line(XDocument doc, string unit, string geography = "2016") =>
        ByClass(doc, "polyline", "unit-line").Single(p => (string?)p.Attribute("data-unit") == unit && (string?)p.Attribute("data-geography") == geography);

    [Fact]
    public void Create_ThreeYearsDefault_OnePolylinePerUnitInOrderOfAppearance()
    {
        var doc = ThreeYears();
        AssertSelfContained(doc);
        Assert.Equal(["A", "B", "C", "D"], ByClass(doc, "polyline", "unit-line").Select(p => (string?)p.Attribute("data-unit")));
        Assert.Equal(["2019", "2020", "2021"], ByClass(doc, "text", "year").Select(t => t.Value));
        Assert.Empty(ByClass(doc, "line", "successor-link"));
    }

    [Fact]
    public void Create_IndexNode_TitleUsesTheNodeNameNotItsCode()
    {
        // IndexSeriesTests.OneIndicator: node IDX is named "Index".
        var history = IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory();
        Assert.Equal(("IDX", "Index"), (history.NodeCode, history.NodeName));
        Assert.Equal("Rank history of Index, 2019-2021", RankHistoryChart.Create(history).Title);
    }

    [Fact]
    public void Create_ThreeYears_PointsAtHandComputedPositions()
    {
        var doc = ThreeYears();
        Assert.Equal("190,200 310,80 430,260", (string?)Line(doc, "A").Attribute("points")); // 3, 1, 4
        Assert.Equal("190,140 310,140 430,80", (string?)Line(doc, "B").Attribute("points")); // 2, 2, 1
        Assert.Equal("190,80 430,200", (string?)Line(doc, "C").Attribute("points"));          // 1, missing, 3: no point in 2020
        Assert.Equal("310,200 430,140", (string?)Line(doc, "D").Attribute("points"));         // new in 2020: 3, 2
    }

    [Fact]
    public void Create_UnitBackAfterGap_TooltipSaysMissingBefore()
    {
        var doc = ThreeYears(["C"]);
        var points = ByClass(doc, "circle", "point");
        Assert.Equal(2, points.Count);
        var back = points.Single(p => (string?)p.Attribute("data-year") == "2021");
        Assert.Contains("rank 3 of 4", Tooltip(back), StringComparison.Ordinal);
        Assert.Contains("missing from an edition before", Tooltip(back), StringComparison.Ordinal);
        Assert.DoesNotContain("missing", Tooltip(points[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SelectedUnits_OnlyThoseDrawnUnknownIgnored()
    {
        var doc = ThreeYears(["B", "nope"]);
        Assert.Equal(["B"], ByClass(doc, "polyline", "unit-line").Select(p => (string?)p.Attribute("data-unit")));
        Assert.Equal(3, ByClass(doc, "circle", "point").Count);
    }

    [Fact]
    public void Create_NoUnit_AxesAndNote()
    {
        var doc = ThreeYears([]);
        Assert.Empty(ByClass(doc, "polyline", "unit-line"));
        Assert.Single(ByClass(doc, "text", "note"));
    }

    [Fact]
    public void Create_Crossing2025_ProvinceLinkedToItsSuccessor()
    {
        // Crossing: x = the GSO code, higher better. 2024 on the 63: Bình Phước (70) has 19 codes >= 70, rank 19;
        // 2025 on the 34: Đồng Nai (75) has 8 codes >= 75 (75 79 80 82 86 91 92 96), rank 8.
        // N = 63: plot height max(180, 12 x 62) = 744, y = 80 + 12 (r - 1): rank 19 at 296, rank 8 at 164.
        var doc = Parse(RankHistoryChart.Create(IndexSeriesTests.Crossing().RankHistory(), ["70"]));
        Assert.Equal("190,296", (string?)Line(doc, "70").Attribute("points"));
        Assert.Equal("310,164", (string?)Line(doc, "75", "2025").Attribute("points"));
        Assert.Equal(2, ByClass(doc, "polyline", "unit-line").Count);
        var link = Assert.Single(ByClass(doc, "line", "successor-link"));
        Assert.Equal(("70", "75"), ((string?)link.Attribute("data-from"), (string?)link.Attribute("data-to")));
        Assert.Equal(("190", "296", "310", "164"), ((string?)link.Attribute("x1"), (string?)link.Attribute("y1"), (string?)link.Attribute("x2"), (string?)link.Attribute("y2")));
        Assert.Contains("became part of", Tooltip(link), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Crossing2025SuccessorSelected_BringsEveryPredecessor()
    {
        // Đồng Nai (75) of 2025 = Bình Phước (70) + Đồng Nai (75) of the 63; the continuing province has no merged entry,
        // its link comes from the catalogue. 2024 Đồng Nai: 16 codes >= 75, rank 16, y = 80 + 12 x 15 = 260.
        var doc = Parse(RankHistoryChart.Create(IndexSeriesTests.Crossing().RankHistory(), ["75"]));
        Assert.Equal(3, ByClass(doc, "polyline", "unit-line").Count);
        Assert.Equal("190,260", (string?)Line(doc, "75").Attribute("points"));
        var links = ByClass(doc, "line", "successor-link");
        Assert.Equal(["70", "75"], links.Select(l => (string?)l.Attribute("data-from")).Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.Equal("75", (string?)l.Attribute("data-to")));
    }

    [Fact]
    public void Create_Null_Throws() => Assert.Throws<ArgumentNullException>(() => RankHistoryChart.Create(null!));
}
