using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Reporting.Notebook;
using ProvinceIct.Indicators.Uncertainty;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Reporting;

/// <summary>
/// A hostile text (raw HTML, a table pipe, emphasis and a javascript: link) as the unit name, the indicator and node
/// names, the index name and description and the group label (and, in a second case, as every code) pushed through
/// every Markdown, HTML and SVG output of a small index: the payload never appears unescaped.
/// </summary>
public class HostileTextTests
{
    private const string Payload = "\"'><img src=x onerror=alert(1)>|*x*[a](javascript:b)";

    private static (Methodology M, Dataset D, string Unit) Index(bool hostileCodes)
    {
        string C(string code) => hostileCodes ? code + Payload : code;
        var framework = Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create(C("i1"), "I1 " + Payload, IndicatorKind.Percent, nameVi: "V " + Payload), C("P1"), 3),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create(C("i2"), "I2 " + Payload, IndicatorKind.Percent, Direction.Negative), C("P1"), 1),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create(C("i3"), "I3 " + Payload, IndicatorKind.Count), C("P2"), 1),
            FrameworkNode.Aggregate(C("P1"), "Pillar " + Payload, C("IDX"), 2),
            FrameworkNode.Aggregate(C("P2"), "Pillar2 " + Payload, C("IDX"), 1),
            FrameworkNode.Aggregate(C("IDX"), "Index " + Payload),
        ]);
        var m = Methodology.Create(C("m"), "Index " + Payload, framework) with { Description = "About " + Payload };
        KeyValuePair<string, string>[] group = [KeyValuePair.Create("region", "G " + Payload)];
        var units = new[] { "A", "B", "C", "D", "E" }.Select(c => Unit.Create(C(c), "Name " + c + Payload, "En " + Payload, group)).ToArray();
        var data = Dataset.Create(units, [C("i1"), C("i2"), C("i3")],
            new double[,] { { 0, 10, 5 }, { 5, 20, 7 }, { 10, 30, 15 }, { 20, 5, 1 }, { 15, 25, 9 } });
        return (m, data, C("A"));
    }

    private static IEnumerable<(string Name, string Text)> MarkdownOutputs(Methodology m, Dataset d, string unit)
    {
        var result = IndexCalculator.Compute(m, d);
        var audit = AuditReport.Create(m, d);
        var comparison = ResultComparison.Compare(result, result);
        var i1 = m.Framework.Indicators[0].Code;
        yield return ("RankingTable", RankingTable.From(result).ToMarkdown());
        yield return ("UnitProfileTable", UnitProfileTable.From(result, unit, d).ToMarkdown());
        yield return ("ComparisonTable", ComparisonTable.From(comparison).ToMarkdown());
        yield return ("ResultComparison", comparison.ToMarkdown());
        yield return ("AuditTable", AuditTable.From(audit).ToMarkdown());
        yield return ("AuditReport", audit.ToMarkdown());
        yield return ("WeightTable", Weights.EffectiveWeights(m.Framework).ToMarkdown());
        yield return ("CorrelationTable", CorrelationTable.FromResult(result).ToMarkdown());
        yield return ("StatisticsTable", Indicators.Treatment.StatisticsTable.Compute(d).ToMarkdown());
        yield return ("LeaveOneOut", LeaveOneOut.Compute(m, d).ToMarkdown());
        yield return ("AddedValue", AddedValue.Compute(result).ToMarkdown());
        yield return ("WhatIf", WhatIf.Compute(m, d, unit, [KeyValuePair.Create(i1, 50.0)]).ToMarkdown());
        yield return ("Peers", Peers.Find(result, unit, 2).ToMarkdown());
        yield return ("StrengthsAndWeaknesses", StrengthsAndWeaknesses.For(result, unit, 1, d).ToMarkdown());
        yield return ("Decomposition", Decomposition.Compute(result).ToMarkdown(unit));
        yield return ("BudgetTargetSeeking", BudgetTargetSeeking.ForRank(m, d, unit, 1).ToMarkdown());
        var uncertainty = UncertaintyAnalysis.Run(m, d, [UncertainFactor.WeightNoise(0.5)], UncertaintyOptions.Default with { Runs = 20, Seed = 3, Threads = 1 });
        yield return ("UncertaintyTable", UncertaintyTable.From(uncertainty).ToMarkdown());
        yield return ("AuditReport+uncertainty", audit.WithUncertainty(uncertainty).ToMarkdown());
    }

    private static IEnumerable<(string Name, string Text)> MarkupOutputs(Methodology m, Dataset d, string unit)
    {
        var result = IndexCalculator.Compute(m, d);
        var audit = AuditReport.Create(m, d);
        var comparison = ResultComparison.Compare(result, result);
        var uncertainty = UncertaintyAnalysis.Run(m, d, [UncertainFactor.WeightNoise(0.5)], UncertaintyOptions.Default with { Runs = 20, Seed = 3, Threads = 1 });
        yield return ("RankingTable", RankingTable.From(result).ToHtml());
        yield return ("UnitProfileTable", UnitProfileTable.From(result, unit, d).ToHtml());
        yield return ("ComparisonTable", ComparisonTable.From(comparison).ToHtml());
        yield return ("AuditTable", AuditTable.From(audit).ToHtml());
        yield return ("UncertaintyTable", UncertaintyTable.From(uncertainty).ToHtml());
        yield return ("HtmlReport", HtmlReport.Create(result, uncertainty, audit).ToHtml());
        yield return ("UnitReport", UnitReport.Create(result, d, unit).ToHtml());
        yield return ("RankingBarChart", RankingBarChart.Create(result).ToSvg());
        yield return ("UnitProfileChart", UnitProfileChart.Create(result, unit).ToSvg());
        yield return ("RankIntervalChart", RankIntervalChart.Create(uncertainty).ToSvg());
        yield return ("CorrelationHeatmap", CorrelationHeatmap.Create(CorrelationTable.FromResult(result)).ToSvg());
        foreach (var o in new object[] { result, audit, comparison, uncertainty, HtmlReport.Create(result), Decomposition.Compute(result) })
        {
            yield return ("Notebook " + o.GetType().Name, NotebookFormatter.ToHtml(o)!);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Markdown_HostileNames_NeverUnescaped(bool hostileCodes)
    {
        var (m, d, unit) = Index(hostileCodes);
        foreach (var (name, text) in MarkdownOutputs(m, d, unit))
        {
            Assert.False(text.Contains("<img", StringComparison.Ordinal), name + ": raw HTML");
            Assert.False(text.Contains("*x*", StringComparison.Ordinal), name + ": emphasis");
            Assert.False(text.Contains("[a](", StringComparison.Ordinal), name + ": link");
            Assert.False(text.Contains("&gt;|", StringComparison.Ordinal), name + ": table pipe");
            // every output shows codes; with hostile codes the payload must be there, escaped
            Assert.True(!hostileCodes || text.Contains("&lt;img src=x onerror=alert(1)&gt;\\|\\*x\\*\\[a\\](javascript:b)", StringComparison.Ordinal), name + ": the code is shown, escaped");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HtmlAndSvg_HostileNames_NeverUnescaped(bool hostileCodes)
    {
        var (m, d, unit) = Index(hostileCodes);
        foreach (var (name, text) in MarkupOutputs(m, d, unit))
        {
            Assert.False(text.Contains("<img", StringComparison.Ordinal), name + ": raw HTML");
            Assert.False(text.Contains("'><", StringComparison.Ordinal), name + ": attribute break-out");
            Assert.True(!hostileCodes || text.Contains("onerror=alert(1)", StringComparison.Ordinal), name + ": the code is shown, encoded");
        }
    }
}
