using System.Text;
using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Aligned plain text: the title, the header, a rule of dashes, the rows, then the notes and column notes, one per line.
/// Columns are two spaces apart; text is left-aligned and padded, numbers right-aligned; widths count user-perceived
/// characters (NFC text elements), so Vietnamese names with stacked diacritics or combining marks align. Trailing
/// spaces are trimmed.
/// </summary>
internal sealed class TextTableRenderer : TableRenderer
{
    public static TextTableRenderer Instance { get; } = new();

    public override string FileExtension => "txt";

    public override string Render(Table table, TableRenderOptions options)
    {
        var sb = new StringBuilder();
        Append(sb, table, options);
        return sb.ToString().TrimEnd('\n');
    }

    public static void Append(StringBuilder sb, Table table, TableRenderOptions options)
    {
        var cols = table.Columns;
        var shown = table.Rows.Select(r => cols.Select((c, i) => Table.Shown(c, r.Cells[i], options)).ToArray()).ToList();
        var headers = cols.Select(c => c.DisplayHeader).ToArray();
        var widths = new int[cols.Length];
        for (var i = 0; i < cols.Length; i++)
        {
            widths[i] = TextWidth.Of(headers[i]);
            foreach (var row in shown)
            {
                widths[i] = Math.Max(widths[i], TextWidth.Of(row[i]));
            }
        }

        if (table.Title.Length > 0)
        {
            sb.Append(OneLine(table.Title)).Append('\n');
        }

        sb.Append(Line(cols, headers, widths)).Append('\n');
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in shown)
        {
            sb.Append(Line(cols, row, widths)).Append('\n');
        }

        foreach (var n in table.Notes)
        {
            sb.Append(n).Append('\n');
        }

        foreach (var c in cols.Where(c => c.Note is not null))
        {
            sb.Append(OneLine(c.DisplayHeader)).Append(": ").Append(c.Note).Append('\n');
        }
    }

    private static string Line(IReadOnlyList<TableColumn> cols, string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => cols[i].IsNumeric ? TextWidth.PadLeft(OneLine(c), widths[i]) : TextWidth.PadRight(OneLine(c), widths[i]))).TrimEnd();

    /// <summary>A cell never breaks its row: line breaks become spaces.</summary>
    private static string OneLine(string s) => s.AsSpan().IndexOfAny('\r', '\n') < 0 ? s : s.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
