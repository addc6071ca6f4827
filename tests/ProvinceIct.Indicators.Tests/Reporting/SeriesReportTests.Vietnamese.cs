using System.Xml.Linq;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class SeriesReportTests
{
    public static TheoryData<string> VietnameseCases => ["two-editions", "three-years", "crossing"];

    private static (IndexSeries Series, SeriesReport Report) Case(string name, ReportOptions options) => name switch
    {
        "two-editions" => Made(SeriesTileMapsTests.TwoEditions2016(), ["70", "01"], "70", options),
        "three-years" => Made(IndexSeries.Create(IndexSeriesTests.ThreeYears()), null, null, options),
        _ => Made(IndexSeriesTests.Crossing(), null, null, options),
    };

    private static (IndexSeries, SeriesReport) Made(IndexSeries series, string[]? units, string? trendUnit, ReportOptions options) =>
        (series, SeriesReport.Create(series, units, trendUnit, SeriesReport.DefaultGroup, options));

    [Theory]
    [MemberData(nameof(VietnameseCases))]
    public void ToHtml_Vietnamese_NoEnglishOutsideAllowedData(string name)
    {
        // allowed: data names, codes, cited methods and sources (EnglishText)
        var (series, report) = Case(name, ReportOptions.Vietnamese);
        var english = EnglishText.InMarkup(report.ToHtml(), series);
        Assert.True(english.Count == 0, "English in the Vietnamese series report:\n" + string.Join("\n", english));
    }

    [Theory]
    [MemberData(nameof(VietnameseCases))]
    public void ToHtml_English_FlaggedByTheEnglishChecker(string name)
    {
        // the checker of the test above finds the English report's texts, so that test can fail
        var (series, report) = Case(name, ReportOptions.Default);
        var english = EnglishText.InMarkup(report.ToHtml(), series);
        Assert.Contains(english, t => t.StartsWith("A series of ", StringComparison.Ordinal));
        Assert.Contains("Rank history", english);
    }

    [Fact]
    public void ToHtml_Vietnamese_LangTitlesAndSections()
    {
        var report = SeriesReport.Create(SeriesTileMapsTests.TwoEditions2016(), ["70", "01"], "70", SeriesReport.DefaultGroup, ReportOptions.Vietnamese);
        var doc = Parse(report);
        Assert.Equal("vi", (string?)doc.Root!.Attribute("lang"));
        Assert.Same(ReportOptions.Vietnamese, report.Options);
        Assert.Equal(["editions", "rank-history", "maps", "trends", "published-record", "plausibility", "group-ranks"], doc.Descendants(Xhtml + "section").Select(s => (string?)s.Attribute("id")));
        Assert.Equal(["Các kỳ", "Diễn biến xếp hạng", "Bản đồ theo từng kỳ", "Xu hướng các chỉ tiêu", "Kết quả đã công bố", "Cảnh báo về tính hợp lý", "Xếp hạng trong vùng, năm 2017"],
            doc.Descendants(Xhtml + "h2").Select(h => h.Value));
        Assert.StartsWith("Một chuỗi gồm 2 kỳ; chuẩn hoá theo từng năm", doc.Descendants(Xhtml + "p").First(p => (string?)p.Attribute("class") == "code").Value, StringComparison.Ordinal);
        // the bump chart is titled with the index's Vietnamese name; the editions table keeps the years plain
        var chart = Section(doc, "rank-history").Descendants(Svg + "title").First().Value;
        Assert.StartsWith("Diễn biến xếp hạng của ", chart, StringComparison.Ordinal);
        Assert.EndsWith(", 2016-2017", chart, StringComparison.Ordinal);
        Assert.Equal(["2016", "2017"], BodyRows(Section(doc, "editions"), "editions").Select(r => r[0]));
    }

    [Fact]
    public void ToHtml_Vietnamese_DecimalCommaAndPlainYears()
    {
        var doc = Parse(SeriesReport.Create(SeriesTileMapsTests.TwoEditions2016(), ["70", "01"], "70", SeriesReport.DefaultGroup, ReportOptions.Vietnamese));
        var trends = Section(doc, "trends");
        // the trend table: a percent change shown to 1 decimal, with a comma, never a point
        var changes = BodyRows(trends, "indicator-trends").Select(r => r[6]).Where(c => c != "-").ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Matches(@"^-?[0-9]+,[0-9]$", c));
        // the comparison summary: Spearman's rho to 3 decimals with a comma (0.929 in English)
        Assert.Contains("7 đơn vị có cả hai hạng: hệ số tương quan hạng Spearman 0,929", Section(doc, "published-record").Value, StringComparison.Ordinal);
        // years never take a group separator: 2016, not 2.016
        Assert.DoesNotContain("2.016", doc.Root!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("2.017", doc.Root!.Value, StringComparison.Ordinal);
        Assert.Equal(["2016", "2017"], ByClass(trends, "g", "panel")[0].Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "year").Select(t => t.Value));
    }
}
