using System.Globalization;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Uncertainty;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class RankIntervalChartTests
{
    internal static readonly Lazy<UncertaintyResult> Analysis = new(() => UncertaintyAnalysis.Run(
        OpenReadiness2016.Methodology,
        OpenReadiness2016.Dataset,
        [UncertainFactor.WeightNoise(0.25), UncertainFactor.NormaliserChoice(Normaliser.MinMax(), Normaliser.ZScore(10, 2))],
        UncertaintyOptions.Default with { Runs = 256, Seed = 42, Threads = 2 }));

    private static string R(double x) => double.IsNaN(x) ? "-" : x.ToString("0.##", CultureInfo.InvariantCulture);

    [Fact]
    public void Create_Embedded_OneIntervalPerUnitInNominalOrderWithItsNumbers()
    {
        var u = Analysis.Value;
        var doc = Parse(RankIntervalChart.Create(u));
        var rows = ByClass(doc, "g", "interval");
        Assert.Equal(63, rows.Count);
        Assert.Equal(u.Nominal.Ranking.Select(r => r.Unit.Code), rows.Select(r => (string)r.Attribute("data-unit")!));
        foreach (var row in rows)
        {
            var s = u[(string)row.Attribute("data-unit")!];
            Assert.Equal(R(s.NominalRank) + " [" + R(s.Q05Rank) + ", " + R(s.Q95Rank) + "]", ByClass(row, "text", "value").Single().Value);
            Assert.Single(ByClass(row, "line", "whisker"));
            Assert.Single(ByClass(row, "circle", "nominal"));
        }

        Assert.StartsWith("Đà Nẵng (48): nominal rank 1, 5th–95th percentile ", Tooltip(rows[0]), StringComparison.Ordinal);
        AssertSelfContained(doc);
    }

    [Fact]
    public void Create_Top10_TenRows() => Assert.Equal(10, ByClass(Parse(RankIntervalChart.Create(Analysis.Value, 10)), "g", "interval").Count);

    [Fact]
    public void Create_WhiskerSpansQ05ToQ95_LeftOfRightForBetterRanks()
    {
        var doc = Parse(RankIntervalChart.Create(Analysis.Value));
        foreach (var row in ByClass(doc, "g", "interval"))
        {
            var line = ByClass(row, "line", "whisker").Single();
            var dot = ByClass(row, "circle", "nominal").Single();
            var x1 = double.Parse((string)line.Attribute("x1")!, CultureInfo.InvariantCulture);
            var x2 = double.Parse((string)line.Attribute("x2")!, CultureInfo.InvariantCulture);
            Assert.True(x1 <= x2);
            Assert.True(double.Parse((string)dot.Attribute("cx")!, CultureInfo.InvariantCulture) > 0);
        }
    }

    [Fact]
    public void Create_Null_Throws() => Assert.Throws<ArgumentNullException>(() => RankIntervalChart.Create(null!));

    [Fact]
    public void Create_Embedded_MatchesSnapshot() => Snapshot.Match(RankIntervalChart.Create(Analysis.Value).ToSvg(), "svg");
}
