using System.Text;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// An HTML fragment in the report's conventions: <c>&lt;div class="{name}"&gt;</c> holding a
/// <c>&lt;table class="{name}"&gt;</c> with a caption (the title), a header row of <c>th scope="col"</c>, one body row
/// per row (its class when it has one), label cells as <c>th scope="row"</c>, numeric cells and headers with class
/// <c>num</c>; then each note as <c>&lt;p class="note"&gt;</c>. Every text is encoded; there are no scripts, no inline
/// styles and no attributes from user text other than encoded class names. Well-formed, so it parses as XML.
/// </summary>
internal sealed class HtmlTableRenderer : TableRenderer
{
    public static HtmlTableRenderer Instance { get; } = new();

    public override string FileExtension => "html";

    public override string Render(Table table, TableRenderOptions options)
    {
        var sb = new StringBuilder("<div class=\"").Append(HtmlText.Encode(table.Name)).Append("\">\n");
        AppendTable(sb, table, options);
        return sb.Append("\n</div>").ToString();
    }

    /// <summary>Appends the table and its notes, without the enclosing div.</summary>
    public static void AppendTable(StringBuilder sb, Table table, TableRenderOptions options)
    {
        var cols = table.Columns;
        sb.Append("<table class=\"").Append(HtmlText.Encode(table.Name)).Append("\">\n");
        if (table.Title.Length > 0)
        {
            sb.Append("<caption>").Append(HtmlText.Encode(table.Title)).Append("</caption>\n");
        }

        sb.Append("<thead>\n<tr>");
        foreach (var c in cols)
        {
            sb.Append("<th scope=\"col\"").Append(c.IsNumeric ? " class=\"num\"" : string.Empty).Append('>').Append(HtmlText.Encode(c.DisplayHeader)).Append("</th>");
        }

        sb.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            sb.Append(row.Class is null ? "<tr>" : "<tr class=\"" + HtmlText.Encode(row.Class) + "\">");
            for (var i = 0; i < cols.Length; i++)
            {
                var c = cols[i];
                var label = c.Kind == ColumnKind.Label;
                var tag = label ? "th" : "td";
                sb.Append('<').Append(tag).Append(label ? " scope=\"row\"" : string.Empty).Append(c.IsNumeric ? " class=\"num\"" : string.Empty).Append('>')
                  .Append(HtmlText.Encode(Table.Shown(c, row.Cells[i], options))).Append("</").Append(tag).Append('>');
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>");
        foreach (var n in table.Notes)
        {
            sb.Append("\n<p class=\"note\">").Append(HtmlText.Encode(n)).Append("</p>");
        }

        foreach (var c in cols.Where(c => c.Note is not null))
        {
            sb.Append("\n<p class=\"note\">").Append(HtmlText.Encode(c.DisplayHeader + ": " + c.Note)).Append("</p>");
        }
    }
}
