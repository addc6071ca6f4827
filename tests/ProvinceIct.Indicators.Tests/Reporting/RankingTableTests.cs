using System.Text.Json;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class RankingTableTests
{
    private static IndexResult Tiny() => IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(indexThreshold: 0.6)), TinyIndex.Data());

    [Fact]
    public void ToText_MissingScore_ShowsDashAndSortsLast()
    {
        var text = RankingTable.From(Tiny()).ToText();
        var last = text.Split('\n')[^1];
        Assert.StartsWith("   -  B     Bravo", last, StringComparison.Ordinal);
        Assert.EndsWith("50.00 (2)  - (-)", System.Text.RegularExpressions.Regex.Replace(last, " +", " ").Replace("50.00 (2) - (-)", "50.00 (2)  - (-)", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_MissingScore_IsEmptyCell() =>
        Assert.Contains(",B,Bravo,,50,2,,", RankingTable.From(Tiny()).ToCsv(), StringComparison.Ordinal);

    [Fact]
    public void ToJson_IsValidAndMissingIsNull()
    {
        using var doc = JsonDocument.Parse(RankingTable.From(Tiny()).ToJson());
        var rows = doc.RootElement.GetProperty("rows");
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("score").ValueKind);
        Assert.Equal(83.33333333333333, rows[0].GetProperty("score").GetDouble(), 12);
    }

    [Fact]
    public void From_Top_LimitsRows() => Assert.Equal(2, RankingTable.From(Tiny(), 2).Rows.Length);

    [Fact]
    public void ToMarkdown_Tiny_MatchesSnapshot() => Snapshot.Match(RankingTable.From(Tiny()).ToMarkdown(), "md");

    [Fact]
    public void ToText_Diacritics_AlignByDisplayWidth()
    {
        var lines = RankingTable.From(ProvinceIct.Indicators.Presets.OpenReadiness2016.Compute(), 10).ToText().Split('\n').SkipWhile(l => !l.StartsWith("Rank", StringComparison.Ordinal)).ToArray();
        // every row has the index score ending in the same display column
        var ends = lines.Skip(2).Select(l => new System.Globalization.StringInfo(l[..(l.IndexOf('.', StringComparison.Ordinal) + 3)]).LengthInTextElements).Distinct();
        Assert.Single(ends);
    }
}
