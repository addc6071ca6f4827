using System.Text;
using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// A Markdown section: the title as a heading (level from <see cref="TableRenderOptions.HeadingLevel"/>), a pipe table
/// whose numeric columns are right-aligned (<c>---:</c>), then each note as a paragraph. Every user text (title,
/// headers, cells, notes) goes through the library's Markdown escaper, so no raw HTML, link, emphasis, pipe or line
/// break can come from it; in notes, codes quoted in backticks become code spans.
/// </summary>
internal sealed class MarkdownTableRenderer : TableRenderer
{
    public static MarkdownTableRenderer Instance { get; } = new();

    public override string FileExtension => "md";

    public override string Render(Table table, TableRenderOptions options)
    {
        var sb = new StringBuilder();
        Append(sb, table, options, new string('#', options.HeadingLevel) + " ");
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Appends the section with <paramref name="headingPrefix"/> before the title (for example <c>### </c>).</summary>
    public static void Append(StringBuilder sb, Table table, TableRenderOptions options, string headingPrefix)
    {
        var cols = table.Columns;
        if (table.Title.Length > 0)
        {
            sb.Append(headingPrefix).Append(MarkdownText.Text(table.Title)).Append("\n\n");
        }

        AppendGrid(sb, table, options);
        foreach (var n in table.Notes)
        {
            sb.Append('\n').Append(MarkdownText.Sentence(n)).Append('\n');
        }

        foreach (var c in cols.Where(c => c.Note is not null))
        {
            sb.Append('\n').Append(MarkdownText.Text(c.DisplayHeader)).Append(": ").Append(MarkdownText.Sentence(c.Note)).Append('\n');
        }
    }

    /// <summary>Appends only the pipe table (header, alignment row, one line per row, LF after each): no title, no notes.</summary>
    public static void AppendGrid(StringBuilder sb, Table table, TableRenderOptions options)
    {
        var cols = table.Columns;
        sb.Append("| ").Append(string.Join(" | ", cols.Select(c => MarkdownText.Text(c.DisplayHeader)))).Append(" |\n|");
        sb.Append(string.Concat(cols.Select(c => c.IsNumeric ? "---:|" : "---|"))).Append('\n');
        foreach (var row in table.Rows)
        {
            sb.Append("| ").Append(string.Join(" | ", cols.Select((c, i) => MarkdownText.Text(Table.Shown(c, row.Cells[i], options).Trim())))).Append(" |\n");
        }
    }
}
