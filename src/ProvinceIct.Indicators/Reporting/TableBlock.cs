using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Internal;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>How a column's cells line up.</summary>
internal enum CellAlign
{
    Left,
    Right,
}

/// <summary>A column of a <see cref="TableBlock"/>: the header shown, the CSV header, the alignment, and whether its cells head their row (HTML <c>th scope="row"</c>).</summary>
internal sealed record TableColumn(string Header, string CsvName, CellAlign Align = CellAlign.Left, bool RowHeader = false)
{
    public static TableColumn Number(string header, string csvName) => new(header, csvName, CellAlign.Right);
}

/// <summary>One cell: the text shown to readers (fixed decimals, "-" when missing) and the CSV text (round-trip precision, empty when missing).</summary>
internal readonly record struct TableCell(string Display, string Csv)
{
    public static TableCell Text(string? s) => new(s ?? string.Empty, s ?? string.Empty);

    /// <summary>A number shown with <paramref name="format"/> (invariant), "-" when NaN; CSV keeps round-trip precision, empty when NaN.</summary>
    public static TableCell Number(double x, string format) => new(Markup.Format(x, format), RankingTable.Number(x));

    /// <summary>A raw value shown with 4 significant digits (<see cref="Markup.Significant"/>).</summary>
    public static TableCell Significant(double x) => new(Markup.Significant(x), RankingTable.Number(x));

    public static TableCell Score(double x) => Number(x, "0.00");

    public static TableCell Rank(double x) => Number(x, "0.##");

    public static TableCell Int(int x) => new(Markup.Int(x), Markup.Int(x));
}

/// <summary>
/// A titled table of text cells that renders as aligned text (diacritics-aware width), Markdown, CSV records and an
/// HTML table fragment: the one renderer behind the report tables (<see cref="UnitProfileTable"/>,
/// <see cref="ComparisonTable"/>, <see cref="AuditTable"/>, <see cref="UncertaintyTable"/>).
/// </summary>
internal sealed class TableBlock(string title, string cssClass, IReadOnlyList<TableColumn> columns)
{
    private readonly List<(TableCell[] Cells, string? RowClass)> _rows = [];

    public string Title { get; } = title;

    public IReadOnlyList<TableColumn> Columns { get; } = columns;

    public int RowCount => _rows.Count;

    /// <summary>Sentences printed under the table (text and Markdown) or as a paragraph after it (HTML).</summary>
    public List<string> Notes { get; } = [];

    public TableBlock Add(params TableCell[] cells) => AddRow(null, cells);

    public TableBlock AddRow(string? rowClass, params TableCell[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new InvalidOperationException("A row must have one cell per column.");
        }

        _rows.Add((cells, rowClass));
        return this;
    }

    public void AppendText(StringBuilder sb)
    {
        sb.Append(Title).Append('\n');
        var widths = Columns.Select((c, i) => Math.Max(TextWidth.Of(c.Header), _rows.Count == 0 ? 0 : _rows.Max(r => TextWidth.Of(r.Cells[i].Display)))).ToArray();
        sb.Append(Line(Columns.Select(c => c.Header).ToArray(), widths)).Append('\n');
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var (cells, _) in _rows)
        {
            sb.Append(Line(cells.Select(c => c.Display).ToArray(), widths)).Append('\n');
        }

        foreach (var n in Notes)
        {
            sb.Append(n).Append('\n');
        }
    }

    public void AppendMarkdown(StringBuilder sb, string headingPrefix)
    {
        sb.Append(headingPrefix).Append(MarkdownText.Text(Title)).Append("\n\n| ").Append(string.Join(" | ", Columns.Select(c => Md(c.Header)))).Append(" |\n|");
        sb.Append(string.Concat(Columns.Select(c => c.Align == CellAlign.Right ? "---:|" : "---|"))).Append('\n');
        foreach (var (cells, _) in _rows)
        {
            sb.Append("| ").Append(string.Join(" | ", cells.Select(c => Md(c.Display.Trim())))).Append(" |\n");
        }

        foreach (var n in Notes)
        {
            sb.Append('\n').Append(MarkdownText.Sentence(n)).Append('\n');
        }
    }

    public IEnumerable<IReadOnlyList<string>> CsvRecords()
    {
        yield return Columns.Select(c => c.CsvName).ToArray();
        foreach (var (cells, _) in _rows)
        {
            yield return cells.Select(c => c.Csv).ToArray();
        }
    }

    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, CsvRecords(), injection: injection);
        return w.ToString();
    }

    /// <summary>A well-formed <c>&lt;table&gt;</c>: caption, header row, body; numeric cells have class <c>num</c>; every text is encoded.</summary>
    public void AppendHtml(StringBuilder sb)
    {
        sb.Append("<table class=\"").Append(Markup.Encode(cssClass)).Append("\">\n<caption>").Append(Markup.Encode(Title)).Append("</caption>\n<thead>\n<tr>");
        foreach (var c in Columns)
        {
            sb.Append("<th scope=\"col\"").Append(c.Align == CellAlign.Right ? " class=\"num\"" : string.Empty).Append('>').Append(Markup.Encode(c.Header)).Append("</th>");
        }

        sb.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var (cells, rowClass) in _rows)
        {
            sb.Append(rowClass is null ? "<tr>" : "<tr class=\"" + Markup.Encode(rowClass) + "\">");
            for (var i = 0; i < cells.Length; i++)
            {
                var c = Columns[i];
                var tag = c.RowHeader ? "th" : "td";
                sb.Append('<').Append(tag).Append(c.RowHeader ? " scope=\"row\"" : string.Empty).Append(c.Align == CellAlign.Right ? " class=\"num\"" : string.Empty).Append('>')
                  .Append(Markup.Encode(cells[i].Display)).Append("</").Append(tag).Append('>');
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>");
        foreach (var n in Notes)
        {
            sb.Append("\n<p class=\"note\">").Append(Markup.Encode(n)).Append("</p>");
        }
    }

    /// <summary>The aligned text of the block, no trailing newline.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        AppendText(sb);
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The Markdown of the block under a level-3 heading, no trailing newline.</summary>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        AppendMarkdown(sb, "### ");
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The block's table inside <c>&lt;div class="{cssClass}"&gt;</c>, so the fragment has one root element.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"").Append(Markup.Encode(cssClass)).Append("\">\n");
        AppendHtml(sb);
        return sb.Append("\n</div>").ToString();
    }

    private string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => Columns[i].Align == CellAlign.Right ? TextWidth.PadLeft(c, widths[i]) : TextWidth.PadRight(c, widths[i]))).TrimEnd();

    private static string Md(string s) => MarkdownText.Text(s);
}
