using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class SeriesTileMapsTests
{
    public static TheoryData<string> VietnameseCases => ["two-editions", "crossing"];

    private static IndexSeries Case(string name) => name == "two-editions" ? TwoEditions2016() : IndexSeriesTests.Crossing();

    [Theory]
    [MemberData(nameof(VietnameseCases))]
    public void Create_Vietnamese_NoEnglishOutsideAllowedData(string name)
    {
        var series = Case(name);
        var english = EnglishText.InMarkup(SeriesTileMaps.Create(series, null, ReportOptions.Vietnamese).ToSvg(), series);
        Assert.True(english.Count == 0, "English in the Vietnamese tile maps:\n" + string.Join("\n", english));
    }

    [Theory]
    [MemberData(nameof(VietnameseCases))]
    public void Create_English_FlaggedByTheEnglishChecker(string name)
    {
        var series = Case(name);
        var english = EnglishText.InMarkup(SeriesTileMaps.Create(series).ToSvg(), series);
        Assert.Contains(english, t => t.StartsWith("Tile maps by edition, ", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_VietnameseTwoEditions_TitlePlainYearsDecimalComma()
    {
        var chart = SeriesTileMaps.Create(TwoEditions2016(), null, ReportOptions.Vietnamese);
        Assert.Equal("Bản đồ ô theo từng kỳ, 2016-2017", chart.Title);
        var doc = Parse(chart);
        Assert.Equal(["2016", "2017"], ByClass(doc, "text", "year").Select(t => t.Value));
        // Hà Nội's 2016 score, 72.31 in English (see RankHistoryChartTests), in every tile tooltip with a comma
        var tips = doc.Descendants(Svg + "title").Select(t => t.Value).Where(t => t.StartsWith("Hà Nội (01)", StringComparison.Ordinal)).ToList();
        Assert.Contains(tips, t => t.Contains("72,31", StringComparison.Ordinal));
        Assert.DoesNotContain(tips, t => t.Contains("72.31", StringComparison.Ordinal));
    }
}
