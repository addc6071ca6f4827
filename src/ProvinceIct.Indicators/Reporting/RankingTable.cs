using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Internal;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A ranking as a table: rank, unit code and name, index score, and the score and rank of each pillar (the index's
/// children). Rendered as aligned text, CSV, Markdown, HTML or JSON. Missing scores show as "-" in text and Markdown, empty
/// cells in CSV and null in JSON (and "-" in HTML). Units without an index score come last. The methodology's name and description head
/// the text and Markdown forms, so an illustrative index always says what it is.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class RankingTable
{
    private RankingTable(IndexResult result, ImmutableArray<RankedUnit> rows, ReportOptions options)
    {
        Result = result;
        Rows = rows;
        Pillars = result.PillarCodes;
        Options = options;
    }

    /// <summary>Builds the table from a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">Only the first <paramref name="top"/> rows, or all when null. Ties at the cut are kept out: exactly <paramref name="top"/> rows.</param>
    /// <returns>The table.</returns>
    public static RankingTable From(IndexResult result, int? top = null) => From(result, top, ReportOptions.Default);

    /// <summary>Builds the table from a result, with the texts and numbers of a culture.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">Only the first <paramref name="top"/> rows, or all when null. Ties at the cut are kept out: exactly <paramref name="top"/> rows.</param>
    /// <param name="options">The culture of the headers, notes and the numbers of the text, Markdown and HTML forms (<see cref="ReportOptions.Vietnamese"/>: Vietnamese headers, pillars' Vietnamese names, <c>72,31</c>). CSV and JSON keep their stable English keys and invariant numbers; the labels of <see cref="ToTable"/> follow the culture, its keys do not.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="top"/> is negative.</exception>
    public static RankingTable From(IndexResult result, int? top, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "The number of rows must not be negative.");
        }

        var rows = top is { } t ? result.Ranking.Take(t).ToImmutableArray() : result.Ranking;
        return new RankingTable(result, rows, options);
    }

    /// <summary>The result shown.</summary>
    public IndexResult Result { get; }

    /// <summary>The rows, best first.</summary>
    public ImmutableArray<RankedUnit> Rows { get; }

    /// <summary>The pillar codes shown beside the index.</summary>
    public ImmutableArray<string> Pillars { get; }

    /// <summary>The culture of the texts and numbers shown (<see cref="ReportOptions.Default"/> unless given).</summary>
    public ReportOptions Options { get; }

    private string PillarName(string code) => Options.NodeName(Result.Methodology.Framework[code]);

    /// <summary>Aligned text for a terminal: a title, the description, then the table (scores to 2 decimals).</summary>
    /// <returns>The text, lines separated by LF.</returns>
    public string ToText()
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteText(w);
        return w.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Writes <see cref="ToText"/> followed by one LF, row by row: the column widths are measured in a first pass over the
    /// rows and the lines written in a second, so a table of 100,000 units is never held in memory as text.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="cancellation">Checked between rows.</param>
    public void WriteText(TextWriter writer, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var o = Options;
        var header = new List<string> { o.T("Ranking_Rank"), o.T("Ranking_Code"), o.T("Ranking_Unit"), o.T("Ranking_Index") };
        header.AddRange(Pillars.Select(p => p));
        var right = new List<bool> { true, false, false, true };
        right.AddRange(Pillars.Select(_ => true));
        var widths = header.Select(TextWidth.Of).ToArray();
        var cells = new List<string>(header.Count);
        foreach (var r in Rows)
        {
            cancellation.ThrowIfCancellationRequested();
            RowCells(r, cells);
            for (var i = 0; i < cells.Count; i++)
            {
                widths[i] = Math.Max(widths[i], TextWidth.Of(cells[i]));
            }
        }

        var sb = new StringBuilder();
        AppendTitle(sb, string.Empty);
        sb.Append(o.T("Ranking_Pillars")).Append(": ").Append(string.Join("; ", Pillars.Select(p => p + " = " + PillarName(p)))).Append(", ").Append(o.T("Ranking_ScoreRank")).Append("\n\n");
        sb.Append(Line(header, widths, right)).Append('\n');
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        writer.Write(sb.ToString());
        foreach (var r in Rows)
        {
            cancellation.ThrowIfCancellationRequested();
            RowCells(r, cells);
            writer.Write(Line(cells, widths, right));
            writer.Write('\n');
        }
    }

    private void RowCells(RankedUnit r, List<string> cells)
    {
        cells.Clear();
        cells.Add(RankText(r.Rank));
        cells.Add(r.Unit.Code);
        cells.Add(r.Unit.Name);
        cells.Add(Score(r.Score));
        foreach (var p in Pillars)
        {
            cells.Add(Score(Result.Score(r.Unit.Code, p)) + " (" + RankText(Result.Rank(r.Unit.Code, p)) + ")");
        }
    }

    /// <summary>
    /// CSV (RFC 4180, invariant culture, full round-trip precision): <c>rank,unit_code,unit_name,score</c>, then
    /// <c>{pillar}_score,{pillar}_rank</c> per pillar. Missing values are empty cells.
    /// </summary>
    /// <returns>The CSV text, LF line ends.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection));

    /// <summary>
    /// The ranking as a table (name <c>ranking</c>): rank, unit code, unit name, index score (2 decimals), then the
    /// score (2 decimals) and rank of each pillar, one column each (keys <c>{pillar}_score</c>, <c>{pillar}_rank</c>);
    /// rows without an index score have the class <c>missing</c>. The title is the methodology's name and code; the
    /// notes give its description (so an illustrative index says what it is), the rows shown of all units and the tie
    /// policy, and the pillars' names.
    /// </summary>
    /// <returns>The table; <see cref="ToCsv"/> is its CSV rendering.</returns>
    public Table ToTable()
    {
        var m = Result.Methodology;
        var score = NumberFormat.Fixed(2);
        var o = Options;
        List<TableColumn> columns = [TableColumn.Rank("rank", o.T("Ranking_Rank")), TableColumn.Text("unit_code", o.T("Ranking_Code")), TableColumn.Label("unit_name", o.T("Ranking_Unit")), TableColumn.Number("score", o.T("Ranking_Index"), score)];
        foreach (var p in Pillars)
        {
            columns.Add(TableColumn.Number(p + "_score", p, score));
            columns.Add(TableColumn.Rank(p + "_rank", o.T("Ranking_PillarRank", p)));
        }

        var table = new TableBuilder(m.Name + " (" + m.Code + ")", columns, "ranking");
        foreach (var r in Rows)
        {
            List<TableCell> cells = [r.Rank, r.Unit.Code, r.Unit.Name, r.Score];
            foreach (var p in Pillars)
            {
                cells.Add(Result.Score(r.Unit.Code, p));
                cells.Add(Result.Rank(r.Unit.Code, p));
            }

            table.AddClassedRow(double.IsNaN(r.Score) ? "missing" : null, [.. cells]);
        }

        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            table.AddNote(o.Description(m));
        }

        table.AddNote(o.T("Ranking_RowsOfUnits", o.Int(Rows.Length), o.Int(Result.Units.Length), o.Ties(m.Ties)) + ".");
        if (!Pillars.IsEmpty)
        {
            table.AddNote(o.T("Ranking_Pillars") + ": " + string.Join("; ", Pillars.Select(p => p + " = " + PillarName(p))) + ".");
        }

        return table.Build();
    }

    /// <summary>A Markdown table (scores to 2 decimals) under a title and the methodology's description.</summary>
    /// <returns>The Markdown text.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        AppendTitle(sb, "## ");
        var o = Options;
        sb.Append("| ").Append(Escape(o.T("Ranking_Rank"))).Append(" | ").Append(Escape(o.T("Ranking_Code"))).Append(" | ").Append(Escape(o.T("Ranking_Unit"))).Append(" | ").Append(Escape(o.T("Ranking_Index"))).Append(" |");
        foreach (var p in Pillars)
        {
            sb.Append(' ').Append(Escape(PillarName(p))).Append(" |");
        }

        sb.Append("\n|---:|---|---|---:|").Append(string.Concat(Pillars.Select(_ => "---:|"))).Append('\n');
        foreach (var r in Rows)
        {
            sb.Append("| ").Append(RankText(r.Rank)).Append(" | ").Append(Escape(r.Unit.Code)).Append(" | ").Append(Escape(r.Unit.Name)).Append(" | ").Append(Score(r.Score)).Append(" |");
            foreach (var p in Pillars)
            {
                sb.Append(' ').Append(Score(Result.Score(r.Unit.Code, p))).Append(" (").Append(RankText(Result.Rank(r.Unit.Code, p))).Append(") |");
            }

            sb.Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// An HTML table fragment (well-formed, so it also parses as XML): a <c>&lt;table class="ranking"&gt;</c> with a
    /// caption (the methodology's name, the number of units and the tie policy), a header row and one row per unit.
    /// Scores have 2 decimals, ranks up to 2 (fractional ties), invariant culture; a missing score or rank is "-".
    /// Every cell is HTML-encoded (<c>&amp; &lt; &gt; " '</c>), names keep their diacritics. No scripts, no styles
    /// beyond class names (<c>num</c> on numeric cells, <c>missing</c> on a row without an index score).
    /// </summary>
    /// <returns>The markup, LF line ends.</returns>
    public string ToHtml()
    {
        var m = Result.Methodology;
        var o = Options;
        var sb = new StringBuilder();
        sb.Append("<table class=\"ranking\">\n");
        sb.Append("<caption>").Append(Markup.Encode(m.Name)).Append(": ").Append(Markup.Encode(o.T("Ranking_RowsOfUnits", o.Int(Rows.Length), o.Int(Result.Units.Length), o.Ties(m.Ties)))).Append("</caption>\n");
        sb.Append("<thead>\n<tr><th scope=\"col\" class=\"num\">").Append(Markup.Encode(o.T("Ranking_Rank"))).Append("</th><th scope=\"col\">").Append(Markup.Encode(o.T("Ranking_Code")))
          .Append("</th><th scope=\"col\">").Append(Markup.Encode(o.T("Ranking_Unit"))).Append("</th><th scope=\"col\" class=\"num\">").Append(Markup.Encode(o.T("Ranking_Index"))).Append("</th>");
        foreach (var p in Pillars)
        {
            sb.Append("<th scope=\"col\" class=\"num\" title=\"").Append(Markup.Encode(p)).Append("\">").Append(Markup.Encode(o.T("Ranking_RankInBrackets", PillarName(p)))).Append("</th>");
        }

        sb.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var r in Rows)
        {
            sb.Append(double.IsNaN(r.Score) ? "<tr class=\"missing\">" : "<tr>");
            sb.Append("<td class=\"num\">").Append(Markup.Encode(RankText(r.Rank))).Append("</td>");
            sb.Append("<td>").Append(Markup.Encode(r.Unit.Code)).Append("</td>");
            sb.Append("<th scope=\"row\">").Append(Markup.Encode(r.Unit.Name)).Append("</th>");
            sb.Append("<td class=\"num\">").Append(Markup.Encode(Score(r.Score))).Append("</td>");
            foreach (var p in Pillars)
            {
                sb.Append("<td class=\"num\">").Append(Markup.Encode(Score(Result.Score(r.Unit.Code, p)))).Append(" (").Append(Markup.Encode(RankText(Result.Rank(r.Unit.Code, p)))).Append(")</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>");
        return sb.ToString();
    }

    /// <summary>
    /// JSON: <c>{"index", "name", "description", "ties", "rows": [{"rank", "code", "name", "score", "pillars": {code: {"score", "rank"}}}]}</c>;
    /// numbers at full precision, missing values as null, diacritics unescaped.
    /// </summary>
    /// <returns>The JSON text, indented.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            var m = Result.Methodology;
            w.WriteStartObject();
            w.WriteString("index", Result.IndexCode);
            w.WriteString("methodology", m.Code);
            w.WriteString("name", m.Name);
            if (m.Description is not null)
            {
                w.WriteString("description", m.Description);
            }

            w.WriteString("ties", m.Ties.ToString().ToLowerInvariant());
            w.WriteStartArray("rows");
            foreach (var r in Rows)
            {
                w.WriteStartObject();
                WriteNumber(w, "rank", r.Rank);
                w.WriteString("code", r.Unit.Code);
                w.WriteString("name", r.Unit.Name);
                WriteNumber(w, "score", r.Score);
                w.WriteStartObject("pillars");
                foreach (var p in Pillars)
                {
                    w.WriteStartObject(p);
                    WriteNumber(w, "score", Result.Score(r.Unit.Code, p));
                    WriteNumber(w, "rank", Result.Rank(r.Unit.Code, p));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The text form.</summary>
    /// <returns>The same as <see cref="ToText"/>.</returns>
    public override string ToString() => ToText();

    private void AppendTitle(StringBuilder sb, string prefix)
    {
        var m = Result.Methodology;
        Func<string, string> text = prefix.Length > 0 ? MarkdownText.Text : s => s; // a prefix means Markdown
        sb.Append(prefix).Append(text(m.Name)).Append(" (").Append(text(m.Code)).Append(")\n");
        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            sb.Append(text(Options.Description(m))).Append('\n');
        }

        sb.Append(Options.T("Ranking_RowsOfUnits", Options.Int(Rows.Length), Options.Int(Result.Units.Length), Options.Ties(m.Ties))).Append('\n');
        if (prefix.Length > 0)
        {
            sb.Append('\n');
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsNaN(value))
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, value);
        }
    }

    private static string Line(List<string> cells, int[] widths, List<bool> right) =>
        string.Join("  ", cells.Select((c, i) => right[i] ? TextWidth.PadLeft(c, widths[i]) : TextWidth.PadRight(c, widths[i]))).TrimEnd();

    private static string Escape(string s) => MarkdownText.Text(s);

    private string RankText(double rank) => Options.Rank(rank);

    private string Score(double score) => Options.Score(score);

    internal static string Number(double x) => double.IsNaN(x) ? string.Empty : x.ToString("R", CultureInfo.InvariantCulture);
}
