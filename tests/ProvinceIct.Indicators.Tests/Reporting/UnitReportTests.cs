using System.Globalization;
using System.Xml.Linq;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class UnitReportTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    private static readonly Lazy<UnitReport> HaGiang = new(() => UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "02"));

    private static XDocument Parse(UnitReport report) => XDocument.Parse(report.ToHtml());

    private static XElement Section(XDocument doc, string id) => doc.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == id);

    private static List<List<string>> Rows(XElement table) => [.. table.Element(Xhtml + "tbody")!.Elements().Select(tr => tr.Elements().Select(c => c.Value).ToList())];

    [Theory]
    [InlineData(1, new int[0])]
    [InlineData(2, new[] { 1 })]
    [InlineData(4, new[] { 3, 1 })]
    [InlineData(12, new[] { 11, 10, 9 })]
    [InlineData(40, new[] { 39, 37, 10 })]
    [InlineData(10.5, new[] { 10, 8 })]
    [InlineData(double.NaN, new int[0])]
    public void TargetRanks_Rank_OneAndThreeUpAndTopTen(double rank, int[] expected) => Assert.Equal(expected, UnitReport.TargetRanks(rank));

    [Fact]
    public void ToHtml_Embedded_HeaderSectionsAndSelfContained()
    {
        var report = HaGiang.Value;
        var doc = Parse(report);
        var rank = Embedded.Rank("02");
        Assert.Equal("Hà Giang", doc.Descendants(Xhtml + "h1").Single().Value);
        Assert.Equal("Rank " + rank.ToString("0.##", CultureInfo.InvariantCulture) + " of 63 in the Open-data Provincial Readiness Index 2016, index score " + F2(Embedded.Score("02")) + " (points, 0–100).",
            doc.Descendants(Xhtml + "p").Single(p => (string?)p.Attribute("class") == "headline").Value);
        Assert.Equal(["profile", "strengths", "peers", "targets"], doc.Descendants(Xhtml + "section").Select(s => (string)s.Attribute("id")!));
        Assert.Single(Section(doc, "profile").Descendants(Svg + "svg"));
        Assert.Equal(Embedded.Methodology.Framework.Nodes.Length, Rows(Section(doc, "profile").Descendants(Xhtml + "table").Single()).Count);
        Assert.Single(doc.Descendants(Xhtml + "p"), p => (string?)p.Attribute("class") == "disclaimer");
        AssertSelfContained(doc);
    }

    [Fact]
    public void ToHtml_Embedded_StrengthsAndPeersAreTheAnalysisResults()
    {
        var report = HaGiang.Value;
        var doc = Parse(report);
        var tables = Section(doc, "strengths").Descendants(Xhtml + "table").ToList();
        Assert.Equal(report.StrengthsAndWeaknesses.Strengths.Select(s => s.NodeCode), Rows(tables[0]).Select(r => r[0]));
        Assert.Equal(report.StrengthsAndWeaknesses.Weaknesses.Select(s => F2(s.Score)), Rows(tables[1]).Select(r => r[3]));
        var peers = Rows(Section(doc, "peers").Descendants(Xhtml + "table").Single());
        Assert.Equal(Peers.Find(Embedded, "02", 5).Rows.Select(p => (p.Unit.Code, p.Unit.Name, p.Distance.ToString("0.00", CultureInfo.InvariantCulture))), peers.Select(r => (r[0], r[1], r[2])));
    }

    [Fact]
    public void ToHtml_Embedded_TargetsAreTheTargetSeekingAnswers()
    {
        var report = HaGiang.Value;
        var rank = (int)Embedded.Rank("02");
        Assert.Equal(UnitReport.TargetRanks(rank).Length * UnitReport.TargetIndicatorCount, report.Targets.Length);
        var tables = Section(Parse(report), "targets").Descendants(Xhtml + "table").ToList();
        Assert.Equal(UnitReport.TargetRanks(rank).Length, tables.Count);
        var rows = tables.SelectMany(Rows).ToList();
        foreach (var (cells, t) in rows.Zip(report.Targets))
        {
            Assert.Equal(t.IndicatorCode, cells[0]);
            var again = TargetSeeking.ForRank(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, "02", t.IndicatorCode, (int)t.Target);
            Assert.Equal(again.IsAchievable, t.IsAchievable);
            if (t.IsAchievable)
            {
                AssertNumeric.Close(t.ProposedValue, double.Parse(cells[4], CultureInfo.InvariantCulture), 5e-4); // 4 significant digits
                Assert.Equal(t.NewRank.ToString("0.##", CultureInfo.InvariantCulture), cells[6]);
                Assert.True(t.NewRank <= t.Target);
            }
            else
            {
                Assert.StartsWith("not reachable within the valid range", cells[4], StringComparison.Ordinal);
            }
        }

        // the indicators tried have the largest effective weight among those where Hà Giang is not first
        var fw = Embedded.Methodology.Framework;
        var tried = report.Targets.Select(t => t.IndicatorCode).Distinct().ToList();
        var minTried = tried.Min(fw.EffectiveWeight);
        Assert.All(fw.Indicators.Where(d => !tried.Contains(d.Code) && Embedded.Rank("02", d.Code) > 1), d => Assert.True(fw.EffectiveWeight(d.Code) <= minTried));
    }

    [Fact]
    public void ToHtml_RankOne_NoPlaceToGain()
    {
        var report = UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "48");
        Assert.Empty(report.Targets);
        Assert.Contains("is ranked first: there is no place to gain", Section(Parse(report), "targets").Value, StringComparison.Ordinal);
        Assert.Equal("UnitReport 48 Đà Nẵng: rank 1 of 63, 0 targets", report.ToString());
    }

    [Fact]
    public void Create_UnknownUnit_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "99"));

    [Fact]
    public void Save_WritesTheDocument()
    {
        var path = Path.Combine(Path.GetTempPath(), "unit-report-" + Guid.NewGuid().ToString("N") + ".html");
        try
        {
            HaGiang.Value.Save(path);
            Assert.Equal(HaGiang.Value.ToHtml() + "\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToHtml_Embedded_MatchesSnapshot() => Snapshot.Match(HaGiang.Value.ToHtml(), "html");
}
