using System.Globalization;
using System.Xml.Linq;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Ranking;
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

    private static List<XElement> Tables(XElement section, string cssClass) =>
        [.. section.Descendants(Xhtml + "table").Where(t => (string?)t.Attribute("class") == cssClass)];

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
        var tables = Tables(Section(Parse(report), "targets"), "targets");
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
    public void ToHtml_Embedded_BudgetRowsAreTheBudgetTargetSeekingAnswers()
    {
        var report = HaGiang.Value;
        var ranks = UnitReport.TargetRanks(Embedded.Rank("02"));
        Assert.Equal(ranks, report.BudgetTargets.Select(b => (int)b.Target));
        var section = Section(Parse(report), "targets");
        var rank = (int)Embedded.Rank("02");
        Assert.Equal(ranks.Select(t => "Rank " + t.ToString(CultureInfo.InvariantCulture) + " (" + (rank - t).ToString(CultureInfo.InvariantCulture) + (t == rank - 1 ? " place up)" : " places up)")),
            section.Elements(Xhtml + "h3").Select(h => h.Value));
        var sentences = section.Elements(Xhtml + "p").Where(p => (string?)p.Attribute("class") == "budget-summary").Select(p => p.Value).ToList();
        var tables = Tables(section, "budget-targets");
        Assert.Equal(ranks.Length, sentences.Count);
        Assert.Equal(ranks.Length, tables.Count);
        var fw = Embedded.Methodology.Framework;
        foreach (var ((budget, sentence), table) in report.BudgetTargets.Zip(sentences).Zip(tables))
        {
            // recomputed independently: the report shows the analysis' answer, not a number of its own
            var again = BudgetTargetSeeking.ForRank(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, "02", (int)budget.Target);
            Assert.Equal(again.Outcome, budget.Outcome);
            Assert.Equal(again.NewRank, budget.NewRank);
            var shown = again.Changes.Where(c => !c.ProposedValue.Equals(c.CurrentValue)).OrderByDescending(c => c.WeightShare).ThenBy(c => c.IndicatorCode, StringComparer.Ordinal).ToList();
            var rows = Rows(table);
            Assert.Equal(shown.Select(c => c.IndicatorCode), rows.Select(r => r[0]));
            foreach (var (c, cells) in shown.Zip(rows))
            {
                Assert.Equal(fw[c.IndicatorCode].Name, cells[1][..fw[c.IndicatorCode].Name.Length]);
                Assert.Equal((c.WeightShare * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%", cells[2]);
                AssertShown(c.CurrentValue, cells[3]);
                AssertShown(c.ProposedValue, cells[4]);
                AssertShown(c.Change, cells[5], signed: true);
                Assert.Equal(c.AtLimit ? "at limit" : string.Empty, cells[6]);
            }

            if (budget.Outcome == TargetOutcome.Achievable)
            {
                Assert.True(budget.NewRank <= budget.Target);
                var newRank = budget.NewRank.ToString("0.##", CultureInfo.InvariantCulture);
                Assert.Equal("All indicators together: verified new rank " + newRank, table.Element(Xhtml + "caption")!.Value);
                Assert.StartsWith("Spread over all " + budget.Changes.Length.ToString(CultureInfo.InvariantCulture) + " indicators by effective weight: reachable at step t = ", sentence, StringComparison.Ordinal);
                Assert.Contains("to rank " + newRank + ", score " + F2(budget.NewScore), sentence, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("best reachable rank " + budget.NewRank.ToString("0.##", CultureInfo.InvariantCulture) + " ", sentence, StringComparison.Ordinal);
            }
        }

        // Hà Giang, 59th, gains places when everything moves together even where no single indicator does it
        Assert.Contains(report.BudgetTargets, b => b.Outcome == TargetOutcome.Achievable);
        Assert.Equal("UnitReport 02 Hà Giang: rank 59 of 63, 12 targets, 3 budget targets (" + report.BudgetTargets.Count(b => b.NewRank <= b.Target).ToString(CultureInfo.InvariantCulture) + " reachable)", report.ToString());
    }

    [Fact]
    public void ToHtml_TiedAtTheTopWithFractionalTies_ShowsBestReachableRank()
    {
        // Percent indicators p1, p2 (weights 1, 1), min-max to [0, 100], fractional ties. A (50, 50), B (100, 100), C (0, 0):
        // scores A 50, B 100, C 0, so A is 2nd. Target rank 1: with both values at their upper end 100, A ties B at
        // score 100, rank (1 + 2) / 2 = 1.5 > 1, so not reachable; best reachable rank 1.5.
        var fw = Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("p1", "Share 1", IndicatorKind.Percent), "IDX", 1),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("p2", "Share 2", IndicatorKind.Percent), "IDX", 1),
            FrameworkNode.Aggregate("IDX", "Index"),
        ]);
        var m = Methodology.Create("tie", "Tie index", fw, ties: TiePolicy.Fractional);
        var data = Dataset.Create([Unit.Create("A", "Alpha"), Unit.Create("B", "Bravo"), Unit.Create("C", "Charlie")], ["p1", "p2"],
            new double[,] { { 50, 50 }, { 100, 100 }, { 0, 0 } });
        var report = UnitReport.Create(IndexCalculator.Compute(m, data), data, "A");
        var budget = Assert.Single(report.BudgetTargets);
        Assert.Equal(TargetOutcome.NotAchievable, budget.Outcome);
        Assert.Equal(1.5, budget.NewRank);
        var section = Section(Parse(report), "targets");
        Assert.Equal("Spread over all 2 indicators by effective weight: not reachable even with every indicator at its best valid value; best reachable rank 1.5 (score 100.00).",
            section.Elements(Xhtml + "p").Single(p => (string?)p.Attribute("class") == "budget-summary").Value);
        var rows = Rows(Tables(section, "budget-targets").Single());
        // shares 1/2 each; 50 -> 100, +50, at the upper end of [0, 100]
        Assert.Equal([["p1", "Share 1", "50%", "50.00", "100.0", "+50.00", "at limit"], ["p2", "Share 2", "50%", "50.00", "100.0", "+50.00", "at limit"]], rows);
        Assert.Equal("UnitReport A Alpha: rank 2 of 3, 2 targets, 1 budget targets (0 reachable)", report.ToString());
    }

    [Fact]
    public void ToHtml_RankOne_NoPlaceToGain()
    {
        var report = UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "48");
        Assert.Empty(report.Targets);
        Assert.Contains("is ranked first: there is no place to gain", Section(Parse(report), "targets").Value, StringComparison.Ordinal);
        Assert.Empty(report.BudgetTargets);
        Assert.Equal("UnitReport 48 Đà Nẵng: rank 1 of 63, 0 targets, 0 budget targets (0 reachable)", report.ToString());
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

    /// <summary>The shown text is the value at 4 significant digits (so within 5e-4 relative), "-" when missing; a signed change has "+" when positive.</summary>
    private static void AssertShown(double expected, string shown, bool signed = false)
    {
        if (double.IsNaN(expected))
        {
            Assert.Equal("-", shown);
            return;
        }

        Assert.Equal(signed && expected > 0, shown.StartsWith('+'));
        AssertNumeric.Close(expected, double.Parse(shown, NumberStyles.Float, CultureInfo.InvariantCulture), 5e-4, shown);
    }

    [Fact]
    public void ToHtml_Embedded_MatchesSnapshot() => Snapshot.Match(HaGiang.Value.ToHtml(), "html");
    [Fact]
    public void ToHtml_Vietnamese_LangViHeadingsAndRegion()
    {
        var report = UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "02", "region", ReportOptions.Vietnamese);
        Assert.Same(ReportOptions.Vietnamese, report.Options);
        var doc = Parse(report);
        Assert.Equal("vi", (string?)doc.Root!.Attribute("lang"));
        Assert.Equal(["Hồ sơ", "Điểm mạnh và điểm yếu", "Các đơn vị tương đồng", "Cần gì để tăng hạng"], doc.Descendants(Xhtml + "h2").Select(h => h.Value));
        // the data's English region name becomes the catalogue's Group_region6 name
        Assert.Contains("Vùng kinh tế - xã hội: Trung du và miền núi phía Bắc (14 đơn vị)", doc.Descendants(Xhtml + "p").First(p => (string?)p.Attribute("class") == "code").Value, StringComparison.Ordinal);
        Assert.StartsWith("Lưu ý: Chỉ số minh hoạ", doc.Descendants(Xhtml + "p").Single(p => (string?)p.Attribute("class") == "disclaimer").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DefaultOptions_SameAsWithout() =>
        Assert.Equal(HaGiang.Value.ToHtml(), UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "02", "region", ReportOptions.Default).ToHtml());

    [Fact]
    public void Create_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "02", "region", null!));

    [Theory]
    [InlineData("02")]
    [InlineData("48")]
    public void ToHtml_VietnameseOpenReadiness_NoEnglishOutsideAllowedData(string unitCode)
    {
        // allowed: data names, codes, cited methods and sources (EnglishText)
        var html = UnitReport.Create(Embedded, OpenReadiness2016.Dataset, unitCode, "region", ReportOptions.Vietnamese).ToHtml();
        var english = EnglishText.InMarkup(html, Embedded);
        Assert.True(english.Count == 0, "English in the Vietnamese unit report:\n" + string.Join("\n", english));
    }
}
