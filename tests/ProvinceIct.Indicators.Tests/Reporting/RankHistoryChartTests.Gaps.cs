using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class RankHistoryChartTests
{
    [Fact]
    public void Create_GapDrawing_BreaksLineWhereUnitIsMissing()
    {
        // C is ranked in 2019 (1st) and 2021 (3rd) and absent in 2020: one run per side of the gap.
        var history = IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory();
        var doc = Parse(RankHistoryChart.Create(history, ["C"], UnknownRankDrawing.Gap));
        var runs = ByClass(doc, "polyline", "unit-line").Where(p => (string?)p.Attribute("data-unit") == "C").ToList();
        Assert.Equal(["190,80", "430,200"], runs.Select(p => (string?)p.Attribute("points")));
        Assert.Contains("a gap: rank unknown in that edition", doc.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BridgeDrawing_OneLineOverTheMissingEdition()
    {
        var history = IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory();
        var doc = Parse(RankHistoryChart.Create(history, ["C"], UnknownRankDrawing.Bridge));
        Assert.Equal("190,80 430,200", (string?)Line(doc, "C").Attribute("points"));
        Assert.DoesNotContain("a gap", doc.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UndefinedDrawing_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RankHistoryChart.Create(IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory(), null, (UnknownRankDrawing)7));

    [Fact]
    public void Create_PublishedDti_HaNoiLinkedToItsSuccessor()
    {
        // DTI: Hà Nội 24th (2022), 6th (2023) of 63; the 2025 unit Hà Nội (same code 01) 1st of 34 in 2024.
        var doc = Parse(RankHistoryChart.Create(PublishedResults.Default.RankHistory(PublishedIndex.Dti), ["01"], UnknownRankDrawing.Gap));
        AssertSelfContained(doc);
        Assert.Equal(["2022", "2023", "2024"], ByClass(doc, "text", "year").Select(t => t.Value));
        Assert.Equal(["24", "6"], ByClass(Line(doc, "01", "2016").Parent!, "circle", "point").Select(c => (string?)c.Attribute("data-rank")));
        Assert.Equal("1", (string?)ByClass(Line(doc, "01", "2025").Parent!, "circle", "point").Single().Attribute("data-rank"));
        var link = Assert.Single(ByClass(doc, "line", "successor-link"));
        Assert.Equal("01", (string?)link.Attribute("data-from"));
    }
}
