using System.Xml.Linq;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class SeriesReportTests
{
    private static XDocument Parse(SeriesReport report)
    {
        var doc = XDocument.Parse(report.ToHtml());
        Assert.Equal(Xhtml + "html", doc.Root!.Name);
        return doc;
    }

    private static XElement Section(XDocument doc, string id) => doc.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == id);

    [Fact]
    public void ToHtml_TwoEditions_EverySectionWithItsFigures()
    {
        var report = SeriesReport.Create(SeriesTileMapsTests.TwoEditions2016(), ["70", "01"], "70");
        var doc = Parse(report);
        AssertSelfContained(doc);
        Assert.Equal(["editions", "rank-history", "maps", "trends", "published-record", "plausibility", "group-ranks"], doc.Descendants(Xhtml + "section").Select(s => (string?)s.Attribute("id")));
        Assert.Equal(2, ByClass(Section(doc, "rank-history"), "polyline", "unit-line").Count);
        Assert.Equal(2, ByClass(Section(doc, "maps"), "g", "edition").Count);
        Assert.Equal(12, ByClass(Section(doc, "trends"), "g", "panel").Count); // the 12 indicators of the embedded index
        Assert.Contains("Ranks within region", Section(doc, "group-ranks").Value, StringComparison.Ordinal);
        Assert.Equal(2, BodyRows(Section(doc, "editions"), "editions").Count);
        Assert.Contains("Disclaimer", doc.Root!.Value, StringComparison.Ordinal);
        Assert.Equal("SeriesReport \"Open-data Provincial Readiness Index 2016, 2016-2017\": 2 editions", report.ToString());
    }

    [Fact]
    public void ToHtml_NoTrendUnitNotProvinces_NotesInstead()
    {
        var doc = Parse(SeriesReport.Create(IndexSeries.Create(IndexSeriesTests.ThreeYears())));
        Assert.Empty(ByClass(Section(doc, "trends"), "g", "panel"));
        Assert.Contains("No trend chart", Section(doc, "trends").Value, StringComparison.Ordinal);
        Assert.Contains("No maps", Section(doc, "maps").Value, StringComparison.Ordinal);
        Assert.Contains("No published record", Section(doc, "published-record").Value, StringComparison.Ordinal);
        Assert.Contains("No unit of the last edition has a value in the group column", Section(doc, "group-ranks").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ProvincesOf2016_PublishedRecordWithComparisonOf2016()
    {
        var section = Section(Parse(SeriesReport.Create(SeriesTileMapsTests.TwoEditions2016(), ["70", "01"], "70")), "published-record");
        var record = BodyRows(section, "published-record");
        Assert.Contains(record, r => r[0] == "70" && r[2] == "ICT Index 2012" && r[4] == "13" && r[6] == "+36");
        Assert.Contains(record, r => r[0] == "01" && r[1] == "Hà Nội" && r[2] == "ICT Index 2016" && r[4] == "2");
        // the ICT Index and DTI bump charts of the published record, with gaps
        Assert.Equal(2, ByClass(section, "g", "axes").Count);
        Assert.Contains("a gap: rank unknown in that edition", section.Value, StringComparison.Ordinal);
        // 2016 and 2017 editions each meet the published ICT Index of their year, with the honest note
        var headings = section.Elements(Xhtml + "h3").Select(h => h.Value).ToList();
        Assert.Equal(["ICT Index 2016 as published and open-readiness-2016 as computed", "ICT Index 2017 as published and open-readiness-2016 as computed"], headings);
        Assert.Contains("not the official Vietnam ICT Index", section.Value, StringComparison.Ordinal);
        Assert.Contains("7 units with both ranks: Spearman rank correlation 0.929", section.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownTrendUnit_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => SeriesReport.Create(IndexSeries.Create(IndexSeriesTests.ThreeYears()), trendUnit: "nope"));

    [Fact]
    public void Save_File_WholeDocumentWithFinalNewline()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("series-report").FullName, "series.html");
        var report = SeriesReport.Create(IndexSeries.Create(IndexSeriesTests.ThreeYears()), groupName: null);
        report.Save(path);
        Assert.Equal(report.ToHtml() + "\n", File.ReadAllText(path));
        Assert.DoesNotContain("group-ranks", report.ToHtml(), StringComparison.Ordinal);
        File.Delete(path);
    }
}
