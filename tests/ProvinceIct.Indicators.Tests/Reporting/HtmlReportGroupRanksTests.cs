using System.Xml.Linq;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Series;

namespace ProvinceIct.Indicators.Tests.Reporting;

/// <summary><see cref="HtmlReport.WithGroupRanks"/>: the ranks within groups after the ranking table.</summary>
public sealed class HtmlReportGroupRanksTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static IndexResult FiveUnits()
    {
        static Unit U(string code, string? region) => Unit.Create(code, "Unit " + code, groups: region is null ? null : [KeyValuePair.Create("region", region)]);
        var data = Dataset.Create([U("A", "N"), U("B", "N"), U("C", "S"), U("D", "S"), U("E", null)], ["x"], new double[,] { { 1 }, { 2 }, { 3 }, { 4 }, { 5 } });
        return IndexCalculator.Compute(IndexSeriesTests.OneIndicator(), data);
    }

    [Fact]
    public void WithGroupRanks_Region_SectionAfterRankingWithRankInRegion()
    {
        var report = HtmlReport.Create(FiveUnits()).WithGroupRanks("region");
        var doc = XDocument.Parse(report.ToHtml());
        var ids = doc.Descendants(Xhtml + "section").Select(s => (string)s.Attribute("id")!).ToList();
        Assert.Equal(ids.IndexOf("ranking") + 1, ids.IndexOf("group-ranks"));
        var rows = doc.Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == "group-ranks").Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr")
            .ToDictionary(r => r.Elements().First().Value, r => r.Elements().Select(c => c.Value).ToList());
        // Scores x = 1..5, higher is better: overall E1 D2 C3 B4 A5; within N: B1 A2; within S: D1 C2; E has no region.
        Assert.Equal(["A", "Unit A", "N", "5", "2"], rows["A"].Take(5));
        Assert.Equal(["D", "Unit D", "S", "2", "1"], rows["D"].Take(5));
        Assert.Equal("-", rows["E"][4]); // no region: no rank within it
    }

    [Fact]
    public void WithGroupRanks_Vietnamese_SectionHasNoEnglish()
    {
        var result = FiveUnits();
        var report = HtmlReport.Create(result, null, null, ReportOptions.Vietnamese).WithGroupRanks("region");
        var section = XDocument.Parse(report.ToHtml()).Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == "group-ranks");
        Assert.Equal("Xếp hạng trong vùng", section.Element(Xhtml + "h2")!.Value);
        var english = Support.EnglishText.InMarkup(section.ToString(), result);
        Assert.True(english.Count == 0, string.Join(" | ", english));
        Assert.Contains("Hạng trong vùng", section.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithGroupRanks_Default_NoSection()
    {
        var report = HtmlReport.Create(FiveUnits());
        Assert.Null(report.GroupRanks);
        Assert.DoesNotContain("id=\"group-ranks\"", report.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithGroupRanks_UnknownGroup_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => HtmlReport.Create(FiveUnits()).WithGroupRanks("province"));
}
