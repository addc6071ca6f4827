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
        var lines = RankingTable.From(global::ProvinceIct.Indicators.Presets.OpenReadiness2016.Compute(), 10).ToText().Split('\n').SkipWhile(l => !l.StartsWith("Rank", StringComparison.Ordinal)).ToArray();
        // every row has the index score ending in the same display column
        var ends = lines.Skip(2).Select(l => new System.Globalization.StringInfo(l[..(l.IndexOf('.', StringComparison.Ordinal) + 3)]).LengthInTextElements).Distinct();
        Assert.Single(ends);
    }
    [Fact]
    public void ToHtml_Tiny_WellFormedWithMissingAsDash()
    {
        var doc = System.Xml.Linq.XDocument.Parse(RankingTable.From(Tiny()).ToHtml());
        var rows = doc.Root!.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "C", "Charlie", "83.33", "75.00 (1)", "100.00 (1)"], rows[0].Elements().Select(e => e.Value));
        Assert.Equal("missing", (string?)rows[2].Attribute("class"));
        Assert.Equal(["-", "B", "Bravo", "-", "50.00 (2)", "- (-)"], rows[2].Elements().Select(e => e.Value));
    }

    [Fact]
    public void ToHtml_MarkupInNames_IsEncoded()
    {
        var data = Indicators.Model.Dataset.Create([Indicators.Model.Unit.Create("A", "<b>&"), Indicators.Model.Unit.Create("B", "x'\"y"), Indicators.Model.Unit.Create("C", "Charlie")], ["i1", "i2", "i3"], new double[,] { { 0, 10, 5 }, { 5, 20, double.NaN }, { 10, 30, 15 } });
        var html = RankingTable.From(IndexCalculator.Compute(TinyIndex.Methodology(), data)).ToHtml();
        Assert.Contains("<th scope=\"row\">&lt;b&gt;&amp;</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">x&#39;&quot;y</th>", html, StringComparison.Ordinal);
        Assert.Contains(System.Xml.Linq.XDocument.Parse(html).Descendants("th"), th => th.Value == "<b>&");
    }

    [Fact]
    public void ToHtml_Embedded_DiacriticsKeptAsText()
    {
        var html = RankingTable.From(global::ProvinceIct.Indicators.Presets.OpenReadiness2016.Compute(), 1).ToHtml();
        Assert.Contains("<td class=\"num\">1</td><td>48</td><th scope=\"row\">Đà Nẵng</th><td class=\"num\">90.45</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Tiny_MatchesSnapshot() => Snapshot.Match(RankingTable.From(Tiny()).ToHtml(), "html");

    [Fact]
    public void WriteText_Tiny_IsToTextAndOneLineFeed()
    {
        // The streamed form measures widths in a first pass and writes rows in a second: the same text as ToText.
        var table = RankingTable.From(Tiny());
        using var w = new StringWriter();
        table.WriteText(w);
        Assert.Equal(table.ToText() + "\n", w.ToString());
    }

    [Fact]
    public void WriteText_Cancelled_ThrowsBeforeWritingRows()
    {
        using var w = new StringWriter();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => RankingTable.From(Tiny()).WriteText(w, cts.Token));
        Assert.Equal(string.Empty, w.ToString());
    }
    [Fact]
    public void From_Vietnamese_HeadersNotesAndDecimalComma()
    {
        var table = RankingTable.From(global::ProvinceIct.Indicators.Presets.OpenReadiness2016.Compute(), 2, ReportOptions.Vietnamese);
        Assert.Same(ReportOptions.Vietnamese, table.Options);
        var text = table.ToText();
        Assert.Contains("2 trên 63 đơn vị; đồng hạng: kiểu thi đấu (1224)", text, StringComparison.Ordinal);
        Assert.Contains("Xếp hạng  Mã  Tỉnh/thành phố  Chỉ số", text, StringComparison.Ordinal);
        Assert.Contains("90,45", text, StringComparison.Ordinal);
        Assert.Contains("| Xếp hạng | Mã | Tỉnh/thành phố | Chỉ số | Hạ tầng", table.ToMarkdown(), StringComparison.Ordinal);
        var t = table.ToTable();
        Assert.Equal(["Xếp hạng", "Mã", "Tỉnh/thành phố", "Chỉ số"], t.Columns.Take(4).Select(c => c.Header));
        Assert.Equal(["rank", "unit_code", "unit_name", "score"], t.Columns.Take(4).Select(c => c.Key));
    }

    [Fact]
    public void ToCsvAndJson_Vietnamese_SameAsInvariant()
    {
        var result = global::ProvinceIct.Indicators.Presets.OpenReadiness2016.Compute();
        Assert.Equal(RankingTable.From(result).ToCsv(), RankingTable.From(result, null, ReportOptions.Vietnamese).ToCsv());
        Assert.Equal(RankingTable.From(result).ToJson(), RankingTable.From(result, null, ReportOptions.Vietnamese).ToJson());
    }

    [Fact]
    public void From_NullOptions_Throws() => Assert.Throws<ArgumentNullException>(() => RankingTable.From(Tiny(), null, null!));
}
