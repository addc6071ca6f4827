using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class RankingBarChartTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    private static IndexResult Tiny(double? threshold = null, IEnumerable<Unit>? units = null)
    {
        var data = TinyIndex.Data();
        if (units is not null)
        {
            data = Dataset.Create(units, ["i1", "i2", "i3"], new double[,] { { 0, 10, 5 }, { 5, 20, double.NaN }, { 10, 30, 15 } });
        }

        return IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(indexThreshold: threshold)), data);
    }

    [Fact]
    public void Create_Embedded_OneBarPerUnitInRankOrderWithOneSegmentPerPresentPillar()
    {
        var doc = Parse(RankingBarChart.Create(Embedded));
        var bars = ByClass(doc, "g", "bar");
        Assert.Equal(63, bars.Count);
        Assert.Equal(Embedded.Ranking.Select(r => r.Unit.Code), bars.Select(b => (string)b.Attribute("data-unit")!));
        foreach (var bar in bars)
        {
            var code = (string)bar.Attribute("data-unit")!;
            var present = Embedded.PillarCodes.Count(p => !double.IsNaN(Embedded.Score(code, p)));
            Assert.Equal(present, ByClass(bar, "rect", "segment").Count);
        }
    }

    [Fact]
    public void Create_Embedded_EveryValueLabelIsTheIndexScore()
    {
        var doc = Parse(RankingBarChart.Create(Embedded));
        foreach (var bar in ByClass(doc, "g", "bar"))
        {
            var code = (string)bar.Attribute("data-unit")!;
            Assert.Equal(F2(Embedded.Score(code)), ByClass(bar, "text", "value").Single().Value);
        }

        var daNang = ByClass(doc, "g", "bar").Single(b => (string)b.Attribute("data-unit")! == "48");
        Assert.Equal("1. Đà Nẵng (48): 90.45", Tooltip(daNang));
        Assert.Equal("90.45", ByClass(daNang, "text", "value").Single().Value);
        AssertSelfContained(doc);
    }

    [Fact]
    public void Create_Tiny_SegmentsAreHandComputedContributions()
    {
        var doc = Parse(RankingBarChart.Create(Tiny()));
        var segments = ByClass(doc, "rect", "segment").Select(Tooltip).ToList();
        // C: P1 = (3 x 100 + 1 x 0) / 4 = 75, P2 = 100; shares 2/3 and 1/3: 75 x 2/3 = 50, 100 x 1/3 = 33.33; index 83.33
        Assert.Contains("Charlie, Pillar 1: 75.00 × 66.67% = 50.00", segments);
        Assert.Contains("Charlie, Pillar 2: 100.00 × 33.33% = 33.33", segments);
        // B: P1 = (3 x 50 + 1 x 50) / 4 = 50, P2 missing: P1 takes the whole weight, 50 x 100% = 50
        Assert.Contains("Bravo, Pillar 1: 50.00 × 100% = 50.00", segments);
        Assert.DoesNotContain(segments, s => s.StartsWith("Bravo, Pillar 2", StringComparison.Ordinal));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "Pillar 1 (66.67%)");
    }

    [Fact]
    public void Create_MissingIndexScore_RowKeptWithoutBar()
    {
        var doc = Parse(RankingBarChart.Create(Tiny(threshold: 0.6)));
        var bravo = ByClass(doc, "g", "bar").Single(b => (string)b.Attribute("data-unit")! == "B");
        Assert.Empty(ByClass(bravo, "rect", "segment"));
        Assert.Contains(bravo.Descendants(Svg + "text"), t => t.Value == "no score");
        Assert.Equal("-. Bravo (B): -", Tooltip(bravo));
    }

    [Theory]
    [InlineData("median")]
    [InlineData("minimum")]
    public void Create_IndexNotArithmetic_PlainBarsWithNote(string method)
    {
        var aggregator = method == "median" ? Aggregator.Median : Aggregator.Minimum;
        var m = OpenReadiness2016.Methodology;
        var root = m.Framework.Root with { Aggregator = aggregator };
        var result = IndexCalculator.Compute(m with { Framework = m.Framework.Replace(root) }, OpenReadiness2016.Dataset);
        var doc = Parse(RankingBarChart.Create(result));
        Assert.All(ByClass(doc, "g", "bar"), b => Assert.Single(ByClass(b, "rect", "segment")));
        Assert.StartsWith("Plain bars: the index is not an arithmetic mean", ByClass(doc, "text", "note").Single().Value, StringComparison.Ordinal);
        Assert.Empty(ByClass(doc, "g", "legend"));
    }

    [Fact]
    public void Create_NegativePillarDirection_PlainBars()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(p2Direction: Direction.Negative)), TinyIndex.Data());
        var doc = Parse(RankingBarChart.Create(r));
        Assert.Contains("negative direction", ByClass(doc, "text", "note").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnitNameWithMarkup_IsEncoded()
    {
        var chart = RankingBarChart.Create(Tiny(units: [Unit.Create("A", "<b>&"), Unit.Create("B", "Bravo"), Unit.Create("C", "\"C'")]));
        var svg = chart.ToSvg();
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&amp;", svg, StringComparison.Ordinal);
        var doc = Parse(chart);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "3. <b>&");
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "1. \"C'");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(100)]
    public void Create_Top_LimitsBars(int top)
    {
        var chart = RankingBarChart.Create(Embedded, top);
        Assert.Equal(Math.Min(top, 63), ByClass(Parse(chart), "g", "bar").Count);
    }

    [Fact]
    public void Create_NegativeTop_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => RankingBarChart.Create(Embedded, -1));

    [Fact]
    public void Create_Null_Throws() => Assert.Throws<ArgumentNullException>(() => RankingBarChart.Create(null!));

    [Fact]
    public void Create_Embedded_StackLengthsAreProportionalToTheScores()
    {
        var doc = Parse(RankingBarChart.Create(Embedded));
        double Length(System.Xml.Linq.XElement bar) => ByClass(bar, "rect", "segment").Sum(r => double.Parse((string)r.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture));
        var bars = ByClass(doc, "g", "bar");
        var first = bars[0];
        foreach (var bar in bars)
        {
            var code = (string)bar.Attribute("data-unit")!;
            // widths are rounded to 0.01 px on a scale of about 5 px per point, four segments per bar
            AssertNumeric.Close(Embedded.Score(code) / Embedded.Score("48"), Length(bar) / Length(first), 2e-3);
        }
    }

    [Fact]
    public void Create_ZScores_NegativeScoresGivePlainBarsLeftOfZero()
    {
        var m = OpenReadiness2016.Methodology.WithNormaliserEverywhere(ProvinceIct.Indicators.Normalisation.Normaliser.ZScore());
        var result = IndexCalculator.Compute(m, OpenReadiness2016.Dataset);
        var doc = Parse(RankingBarChart.Create(result));
        Assert.Equal("Plain bars: some pillar scores are negative, so contributions cannot be stacked.", ByClass(doc, "text", "note").Single().Value);
        var last = ByClass(doc, "g", "bar")[^1];
        Assert.True(result.Score((string)last.Attribute("data-unit")!) < 0);
        Assert.Equal(F2(result.Score((string)last.Attribute("data-unit")!)), ByClass(last, "text", "value").Single().Value);
    }

    [Fact]
    public void Create_Embedded_MatchesSnapshot() => Snapshot.Match(RankingBarChart.Create(Embedded).ToSvg(), "svg");
}
