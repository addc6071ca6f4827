using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class ComparisonTableTests
{
    internal static readonly Lazy<ResultComparison> EmbeddedVsGeometric = new(() =>
    {
        var m = OpenReadiness2016.Methodology;
        var after = IndexCalculator.Compute(m with { Code = "geometric", Aggregator = Aggregator.GeometricMeanShifted(1) }, OpenReadiness2016.Dataset);
        return ResultComparison.Compare(OpenReadiness2016.Compute(), after);
    });

    private static ResultComparison Tiny()
    {
        // Before: A 3, B 2, C 1. With i1 weight 0: A 1, B 2, C 3 -> changes +2, 0, -2
        var m = TinyIndex.Methodology();
        var before = IndexCalculator.Compute(m, TinyIndex.Data());
        var after = IndexCalculator.Compute(m with { Code = "tiny-no-i1", Framework = m.Framework.WithWeight("i1", 0) }, TinyIndex.Data());
        return ResultComparison.Compare(before, after);
    }

    [Theory]
    [InlineData(36, "up 36")]
    [InlineData(-3, "down 3")]
    [InlineData(0, "=")]
    [InlineData(1.5, "up 1.5")]
    [InlineData(double.NaN, "-")]
    public void Describe_Change_InWords(double change, string expected) => Assert.Equal(expected, ComparisonTable.Describe(change));

    [Fact]
    public void ToText_Tiny_RowsByNewRankWithChangeInWords()
    {
        var text = ComparisonTable.From(Tiny()).ToText().Split('\n');
        Assert.StartsWith("tiny (before) and tiny-no-i1 (after): 3 units matched; Spearman rank correlation -1.000; mean absolute rank change 1.33", text[0], StringComparison.Ordinal);
        // A: 16.67 -> 66.67 (P1 = i2 = 100, P2 = 0: (200 + 0) / 3), rank 3 -> 1
        Assert.Equal(["A", "Alpha", "16.67", "66.67", "3", "1", "up 2"], System.Text.RegularExpressions.Regex.Split(text[3].Trim(), " {2,}"));
        Assert.EndsWith("=", text[4], StringComparison.Ordinal);
        Assert.EndsWith("down 2", text[5], StringComparison.Ordinal);
    }

    [Fact]
    public void From_LargestChangeTop_MovedMostFirst()
    {
        var t = ComparisonTable.From(Tiny(), ComparisonOrder.LargestChange, 2);
        Assert.Equal(["A", "C"], t.Rows.Select(r => r.UnitCode));
        Assert.Contains("; 2 shown (moved most)", t.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NegativeTop_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonTable.From(Tiny(), top: -1));

    [Fact]
    public void ToHtml_Embedded_EveryNumberIsTheComparisonsNumber()
    {
        var c = EmbeddedVsGeometric.Value;
        var t = ComparisonTable.From(c);
        var rows = BodyRows(ParseFragment(t.ToHtml()));
        Assert.Equal(63, rows.Count);
        foreach (var (cells, r) in rows.Zip(t.Rows))
        {
            Assert.Equal([r.UnitCode, r.Name, Fmt(r.ScoreBefore, "0.00"), Fmt(r.ScoreAfter, "0.00"), Fmt(r.RankBefore, "0.##"), Fmt(r.RankAfter, "0.##"),
                r.RankChange > 0 ? "up " + Fmt(r.RankChange, "0.##") : r.RankChange < 0 ? "down " + Fmt(-r.RankChange, "0.##") : "="], cells);
        }

        Assert.Equal(t.Rows.Select(r => r.RankAfter).Order(), t.Rows.Select(r => r.RankAfter));
    }

    [Fact]
    public void ToCsv_Embedded_RoundTripsWithSignedChange()
    {
        var c = EmbeddedVsGeometric.Value;
        var csv = ReadCsv(ComparisonTable.From(c).ToCsv());
        Assert.Equal(["unit_code", "unit_name", "score_before", "score_after", "rank_before", "rank_after", "rank_change"], csv.Header.Fields.ToArray());
        foreach (var row in csv.Rows)
        {
            var r = c.Rows.Single(x => x.UnitCode == row[0]);
            Assert.Equal(r.Name, row[1]);
            Assert.Equal(r.ScoreAfter, double.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(r.RankChange, double.Parse(row[6], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void ToMarkdown_Embedded_MatchesSnapshot() =>
        Snapshot.Match(ComparisonTable.From(EmbeddedVsGeometric.Value, ComparisonOrder.LargestChange, 10).ToMarkdown(), "md");

    [Fact]
    public void ToText_MappedUnits_ShowArrowAndUnmatchedNotes()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var t = ComparisonTable.From(ResultComparison.Compare(r, r, new Dictionary<string, string> { ["A"] = "C" }));
        var text = t.ToText();
        Assert.Contains("A → C", text, StringComparison.Ordinal);
        Assert.Contains("Only in tiny: B, C.", text, StringComparison.Ordinal);
        Assert.Contains("Only in tiny: A, B.", text, StringComparison.Ordinal);
        Assert.Equal(text, t.ToString());
    }
}
