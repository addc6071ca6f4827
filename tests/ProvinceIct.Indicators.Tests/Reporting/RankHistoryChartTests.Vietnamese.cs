using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Series;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class RankHistoryChartTests
{
    [Fact]
    public void Create_VietnameseCrossing_NoEnglishOutsideAllowedData()
    {
        // successor links, their tooltips and the 34-unit points all in Vietnamese
        var series = IndexSeriesTests.Crossing();
        var english = EnglishText.InMarkup(RankHistoryChart.Create(series.RankHistory(), null, UnknownRankDrawing.Bridge, ReportOptions.Vietnamese).ToSvg(), series);
        Assert.True(english.Count == 0, "English in the Vietnamese bump chart:\n" + string.Join("\n", english));
    }

    [Fact]
    public void Create_VietnamesePublishedRecordWithGaps_NoEnglishOutsideAllowedData()
    {
        var series = SeriesTileMapsTests.TwoEditions2016();
        var chart = RankHistoryChart.Create(PublishedResults.Default.RankHistory(PublishedIndex.IctIndex), ["01", "79"], UnknownRankDrawing.Gap, ReportOptions.Vietnamese);
        var english = EnglishText.InMarkup(chart.ToSvg(), series);
        Assert.True(english.Count == 0, "English in the Vietnamese published bump chart:\n" + string.Join("\n", english));
        Assert.StartsWith("Diễn biến xếp hạng của Vietnam ICT Index (đã công bố), ", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EnglishCrossing_FlaggedByTheEnglishChecker()
    {
        var series = IndexSeriesTests.Crossing();
        var english = EnglishText.InMarkup(RankHistoryChart.Create(series.RankHistory()).ToSvg(), series);
        Assert.Contains("Rank", english);
        Assert.Contains(english, t => t.Contains("became part of", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_VietnameseTwoEditions_DecimalCommaScoresAndPlainYears()
    {
        // Hà Nội's 2016 point: rank 4 of 63, score 72.31 in English; the same point in Vietnamese
        var history = SeriesTileMapsTests.TwoEditions2016().RankHistory();
        var en = Parse(RankHistoryChart.Create(history, ["01"]));
        var vi = Parse(RankHistoryChart.Create(history, ["01"], UnknownRankDrawing.Bridge, ReportOptions.Vietnamese));
        Assert.Equal("Hà Nội (01) 2016: rank 4 of 63, score 72.31", Tooltip(ByClass(en, "circle", "point")[0]));
        Assert.Equal("Hà Nội (01) năm 2016: hạng 4 trên 63, điểm 72,31", Tooltip(ByClass(vi, "circle", "point")[0]));
        Assert.Equal("Hà Nội (01) năm 2017: hạng 17 trên 63 (-13 so với 2016), điểm 53,60", Tooltip(ByClass(vi, "circle", "point")[1]));
        Assert.Equal(["2016", "2017"], ByClass(vi, "text", "year").Select(t => t.Value));
        Assert.Equal(["trên 63", "trên 63"], ByClass(vi, "text", "of").Select(t => t.Value));
    }
}
