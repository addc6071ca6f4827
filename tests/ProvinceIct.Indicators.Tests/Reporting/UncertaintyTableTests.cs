using System.Globalization;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Uncertainty;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class UncertaintyTableTests
{
    private static UncertaintyResult Analysis => RankIntervalChartTests.Analysis.Value;

    [Fact]
    public void MeanAbsoluteShift_FromTheHistogram_MatchesTheReplications()
    {
        // a small analysis that keeps every replication's ranks: the mean |shift| recomputed run by run must agree
        var ua = UncertaintyAnalysis.Run(Indicators.Presets.OpenReadiness2016.Methodology, Indicators.Presets.OpenReadiness2016.Dataset, [UncertainFactor.WeightNoise(0.5)],
            UncertaintyOptions.Default with { Runs = 40, Seed = 7, Threads = 1, KeepRanks = RankStorage.All });
        for (var u = 0; u < ua.Units.Length; u += 9)
        {
            var s = ua.Units[u];
            var expected = Enumerable.Range(0, 40).Average(k => Math.Abs(ua.ReplicationRanks(k)[u] - s.NominalRank));
            AssertNumeric.Close(expected, UncertaintyTable.MeanAbsoluteShift(s), 1e-12);
        }
    }

    [Fact]
    public void ToHtml_Embedded_EveryNumberIsTheAnalysissNumber()
    {
        var t = UncertaintyTable.From(Analysis);
        var root = ParseFragment(t.ToHtml());
        var rows = BodyRows(root);
        Assert.Equal(63, rows.Count);
        Assert.Equal(["Nominal rank", "Code", "Unit", "Median rank", "5%", "95%", "Mean rank", "Mean |shift|", "P(top 1)", "P(top 3)", "P(top 5)", "P(top 10)"],
            root.Descendants("thead").Single().Descendants("th").Select(h => h.Value));
        foreach (var (cells, s) in rows.Zip(t.Rows))
        {
            Assert.Equal([Fmt(s.NominalRank, "0.##"), s.Unit.Code, s.Unit.Name, Fmt(s.MedianRank, "0.##"), Fmt(s.Q05Rank, "0.##"), Fmt(s.Q95Rank, "0.##"),
                Fmt(s.MeanRank, "0.0"), Fmt(UncertaintyTable.MeanAbsoluteShift(s), "0.00"), Fmt(s.ProbabilityTop(1), "0.00"), Fmt(s.ProbabilityTop(3), "0.00"),
                Fmt(s.ProbabilityTop(5), "0.00"), Fmt(s.ProbabilityTop(10), "0.00")], cells);
        }

        Assert.Equal(t.Rows.Select(r => r.NominalRank).Order(), t.Rows.Select(r => r.NominalRank));
        Assert.Contains("256 runs (shifted-sobol sampling, seed 42)", root.Descendants("caption").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_Embedded_RoundTrips()
    {
        var csv = ReadCsv(UncertaintyTable.From(Analysis, 10).ToCsv());
        Assert.Equal(10, csv.Rows.Length);
        foreach (var row in csv.Rows)
        {
            var s = Analysis[row[1]];
            Assert.Equal(s.Q95Rank, double.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(s.MeanRank, double.Parse(row[6], CultureInfo.InvariantCulture));
            Assert.Equal(UncertaintyTable.MeanAbsoluteShift(s), double.Parse(row[7], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void From_Top_LimitsRowsAndSaysSo()
    {
        var t = UncertaintyTable.From(Analysis, 5);
        Assert.Equal(5, t.Rows.Length);
        Assert.Contains("top 5 of 63 units", t.ToText().Split('\n')[0], StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyTable.From(Analysis, -1));
    }

    [Fact]
    public void ToMarkdown_Embedded_MatchesSnapshot() => Snapshot.Match(UncertaintyTable.From(Analysis, 15).ToMarkdown(), "md");
}
