using System.Xml.Linq;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class HtmlReportTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    private static XDocument Parse(HtmlReport report)
    {
        var doc = XDocument.Parse(report.ToHtml());
        Assert.Equal(Xhtml + "html", doc.Root!.Name);
        return doc;
    }

    private static XElement Section(XDocument doc, string id) => doc.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == id);

    [Fact]
    public void ToHtml_Embedded_WellFormedWithEverySection()
    {
        var report = HtmlReport.Create(Embedded);
        var html = report.ToHtml();
        Assert.StartsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"", html, StringComparison.Ordinal);
        var doc = Parse(report);
        Assert.Equal("Open-data Provincial Readiness Index 2016", doc.Descendants(Xhtml + "h1").Single().Value);
        Assert.Equal("Disclaimer: " + OpenReadiness2016.Disclaimer, doc.Descendants(Xhtml + "p").Single(p => (string?)p.Attribute("class") == "disclaimer").Value);
        Assert.Equal(["methodology", "ranking", "map", "scores", "correlations", "audit"], doc.Descendants(Xhtml + "section").Select(s => (string)s.Attribute("id")!));
        Assert.Equal(63, Section(doc, "ranking").Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").Count());
        Assert.Equal(63, ByClass(Section(doc, "map"), "g", "tile").Count);
        Assert.Equal(63, ByClass(Section(doc, "scores"), "g", "bar").Count);
        Assert.Single(doc.Descendants(Xhtml + "style"));
        AssertSelfContained(doc);
    }

    [Fact]
    public void ToHtml_Methodology_TreeWithWeightsAndMethods()
    {
        var doc = Parse(HtmlReport.Create(Embedded));
        var section = Section(doc, "methodology");
        var terms = section.Descendants(Xhtml + "dt").Select(d => d.Value).ToList();
        Assert.Equal(["Normalisation", "Aggregation", "Availability threshold", "Ties", "Framework"], terms);
        Assert.Equal("competition", section.Descendants(Xhtml + "dd").ElementAt(3).Value);
        var items = section.Descendants(Xhtml + "li").ToList();
        Assert.Equal(Embedded.Methodology.Framework.Nodes.Length, items.Count);
        // 4 equal pillars: 25% each; students_per_10k is one of 3 in human: 33.33% of 25% = 8.33%
        Assert.Contains(items, li => li.Value.StartsWith("infra Infrastructure and access", StringComparison.Ordinal) && li.Value.Contains("w = 1 [25%, effective 25%]", StringComparison.Ordinal));
        Assert.Contains(items, li => li.Value.StartsWith("students_per_10k", StringComparison.Ordinal) && li.Value.Contains("[33.33%, effective 8.33%]", StringComparison.Ordinal));
        Assert.Contains(items, li => li.Value.StartsWith("poverty_pct", StringComparison.Ordinal) && li.Value.Contains("negative direction", StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtml_WithUncertainty_AddsTheRankIntervalChart()
    {
        var doc = Parse(HtmlReport.Create(Embedded, RankIntervalChartTests.Analysis.Value));
        Assert.Equal(63, ByClass(Section(doc, "uncertainty"), "g", "interval").Count);
        Assert.Equal(4, doc.Descendants(Svg + "svg").Count());
        Assert.Equal(63, Section(doc, "uncertainty").Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").Count());
    }

    [Fact]
    public void ToHtml_Embedded_CorrelationHeatmapAndCorrelationFlags()
    {
        var doc = Parse(HtmlReport.Create(Embedded));
        var n = Embedded.Methodology.Framework.Indicators.Length;
        Assert.Equal(n * (Embedded.PillarCodes.Length + 1), ByClass(Section(doc, "correlations"), "g", "cell").Count);
        var flags = Indicators.Analysis.CorrelationTable.FromResult(Embedded).Flags;
        var items = Section(doc, "audit").Descendants(Xhtml + "li").ToList();
        Assert.Equal(flags.Select(f => f.Describe().Replace("`", string.Empty, StringComparison.Ordinal)), items.Select(li => li.Value));
    }

    [Fact]
    public void ToHtml_WithAudit_EveryFindingAndTheTables()
    {
        var audit = AuditTableTests.Audit.Value;
        var report = HtmlReport.Create(Embedded, audit: audit);
        var section = Section(Parse(report), "audit");
        var findings = section.Elements(Xhtml + "ul").Single().Elements(Xhtml + "li").ToList();
        Assert.Equal(audit.Findings.Length, findings.Count);
        Assert.Contains(findings, li => li.Elements(Xhtml + "code").Any(c => c.Value == "egov"));
        Assert.Equal(4, section.Element(Xhtml + "details")!.Descendants(Xhtml + "table").Count());
        Assert.EndsWith(", with audit", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AuditOfAnotherIndex_Throws()
    {
        var tiny = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Throws<ArgumentException>(() => HtmlReport.Create(tiny, audit: AuditTableTests.Audit.Value));
    }

    [Fact]
    public void ToHtml_UnitsNotProvinces_NoMapNoDisclaimerAndEncodedNames()
    {
        var data = Dataset.Create([Unit.Create("A", "<b>&"), Unit.Create("B", "Bravo"), Unit.Create("C", "Charlie")], ["i1", "i2", "i3"], new double[,] { { 0, 10, 5 }, { 5, 20, double.NaN }, { 10, 30, 15 } });
        var methodology = TinyIndex.Methodology() with { Description = "Tiny <index> & \"friends\"" };
        var report = HtmlReport.Create(IndexCalculator.Compute(methodology, data));
        var html = report.ToHtml();
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&amp;", html, StringComparison.Ordinal);
        var doc = Parse(report);
        Assert.Null(report.Disclaimer);
        Assert.DoesNotContain(doc.Descendants(Xhtml + "p"), p => (string?)p.Attribute("class") == "disclaimer");
        Assert.Equal("Tiny <index> & \"friends\"", doc.Descendants(Xhtml + "p").Single(p => (string?)p.Attribute("class") == "description").Value);
        Assert.Empty(Section(doc, "map").Descendants(Svg + "svg"));
        Assert.Contains(doc.Descendants(Xhtml + "th"), th => th.Value == "<b>&");
    }

    [Fact]
    public void Create_UncertaintyOfAnotherIndex_Throws()
    {
        var tiny = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Throws<ArgumentException>(() => HtmlReport.Create(tiny, RankIntervalChartTests.Analysis.Value));
    }

    [Fact]
    public void Create_Null_Throws() => Assert.Throws<ArgumentNullException>(() => HtmlReport.Create(null!));

    [Fact]
    public void ToString_IsShort()
    {
        Assert.Equal("HtmlReport \"Open-data Provincial Readiness Index 2016\": 63 units", HtmlReport.Create(Embedded).ToString());
        Assert.EndsWith(", with uncertainty", HtmlReport.Create(Embedded, RankIntervalChartTests.Analysis.Value).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Save_WritesTheDocument()
    {
        var path = Path.Combine(Path.GetTempPath(), "report-" + Guid.NewGuid().ToString("N") + ".html");
        try
        {
            var report = HtmlReport.Create(Embedded);
            report.Save(path);
            Assert.Equal(report.ToHtml() + "\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToHtml_Embedded_MatchesSnapshot() => Snapshot.Match(HtmlReport.Create(Embedded).ToHtml(), "html");
    [Fact]
    public void ToHtml_Vietnamese_LangViHeadingsAndDecimalComma()
    {
        var report = HtmlReport.Create(Embedded, null, null, ReportOptions.Vietnamese);
        Assert.Same(ReportOptions.Vietnamese, report.Options);
        var doc = Parse(report);
        Assert.Equal("vi", (string?)doc.Root!.Attribute("lang"));
        Assert.Equal(["Phương pháp", "Xếp hạng", "Bản đồ", "Điểm Chỉ số", "Tương quan", "Cảnh báo thống kê"], doc.Descendants(Xhtml + "h2").Select(h => h.Value));
        Assert.StartsWith("Lưu ý: Chỉ số minh hoạ", doc.Descendants(Xhtml + "p").Single(p => (string?)p.Attribute("class") == "disclaimer").Value, StringComparison.Ordinal);
        var methodology = Section(doc, "methodology");
        Assert.Equal(["Chuẩn hoá", "Tổng hợp", "Ngưỡng dữ liệu sẵn có", "Đồng hạng", "Khung chỉ số"], methodology.Descendants(Xhtml + "dt").Select(d => d.Value));
        // the pillar's Vietnamese name replaces the English one; weights in percent with a decimal comma (1/3 of 25% = 8,33%)
        Assert.Contains(methodology.Descendants(Xhtml + "li"), li => li.Value.StartsWith("human Nguồn nhân lực", StringComparison.Ordinal));
        Assert.Contains(methodology.Descendants(Xhtml + "li"), li => li.Value.Contains("[33,33%, hiệu dụng 8,33%]", StringComparison.Ordinal));
        var table = Section(doc, "ranking").Descendants(Xhtml + "table").Single();
        Assert.Equal("Xếp hạng", table.Descendants(Xhtml + "th").First().Value);
        // Đà Nẵng first, index score 90.4547... shown as 90,45
        Assert.Equal("90,45", table.Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").First().Elements(Xhtml + "td").ElementAt(2).Value);
        Assert.StartsWith("Tạo bởi ProvinceIct.Indicators.", doc.Descendants(Xhtml + "footer").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DefaultOptions_SameAsWithout() =>
        Assert.Equal(HtmlReport.Create(Embedded).ToHtml(), HtmlReport.Create(Embedded, null, null, ReportOptions.Default).ToHtml());

    [Fact]
    public void Create_NullOptions_Throws() => Assert.Throws<ArgumentNullException>(() => HtmlReport.Create(Embedded, null, null, null!));

    [Fact]
    public void ToHtml_Vietnamese_MatchesSnapshot() => Snapshot.Match(HtmlReport.Create(Embedded, null, null, ReportOptions.Vietnamese).ToHtml(), "html");

    [Fact]
    public void ToHtml_VietnameseOpenReadiness_NoEnglishOutsideAllowedData()
    {
        // the CLI's report: the embedded index with its audit; allowed: data names, codes, cited methods and sources (EnglishText)
        var html = HtmlReport.Create(Embedded, null, AuditTableTests.Audit.Value, ReportOptions.Vietnamese).ToHtml();
        var english = EnglishText.InMarkup(html, Embedded);
        Assert.True(english.Count == 0, "English in the Vietnamese report:\n" + string.Join("\n", english));
    }

    [Fact]
    public void ToHtml_EnglishOpenReadiness_EnglishTextCheckerFindsEnglish()
    {
        // the checker of the Vietnamese reports is not vacuous: the English report is full of English
        var english = EnglishText.InMarkup(HtmlReport.Create(Embedded, null, AuditTableTests.Audit.Value).ToHtml(), Embedded);
        Assert.True(english.Count > 100, english.Count + " English strings found in the English report.");
    }
}
