using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class IndicatorTrendChartTests
{
    [Fact]
    public void Create_VietnameseOpenReadiness_NoEnglishOutsideAllowedData()
    {
        // the 12 panels are titled with the indicators' Vietnamese names: their English names are not allowed data
        var series = SeriesTileMapsTests.TwoEditions2016();
        var english = EnglishText.InMarkup(IndicatorTrendChart.Create(series, "70", null, ReportOptions.Vietnamese).ToSvg(), series);
        Assert.True(english.Count == 0, "English in the Vietnamese trend chart:\n" + string.Join("\n", english));
    }

    [Fact]
    public void Create_EnglishOpenReadiness_FlaggedByTheEnglishChecker()
    {
        var series = SeriesTileMapsTests.TwoEditions2016();
        var english = EnglishText.InMarkup(IndicatorTrendChart.Create(series, "70").ToSvg(), series);
        Assert.Contains("National median", english);
    }

    [Fact]
    public void Create_VietnameseUnitA_DecimalCommaAndPlainYears()
    {
        // as the English test: the 2021 median is (2 + 3) / 2 = 2.5, written 2,5; positions are the same in every language
        var doc = Parse(IndicatorTrendChart.Create(IndexSeries.Create(IndexSeriesTests.ThreeYears()), "A", null, ReportOptions.Vietnamese));
        Assert.EndsWith(", năm 2021: 1 (trung vị cả nước 2,5)", Tooltip(ByClass(doc, "circle", "point")[2]), StringComparison.Ordinal);
        Assert.Equal(["2019", "2020", "2021"], ByClass(doc, "text", "year").Select(t => t.Value));
        Assert.Equal("58,155 173,155 288,127.5", (string?)ByClass(doc, "polyline", "median-line").Single().Attribute("points"));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "Trung vị cả nước");
    }
}
