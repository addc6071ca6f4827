using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// The weights of every node of a framework as an immutable table: nominal, relative to the siblings and effective in
/// the index (see <see cref="NodeWeight"/>). Rows are in tree order: the root first, then each node followed by its
/// subtree, children in framework order. The indicators' effective weights sum to 1 (up to rounding), and so do the
/// effective weights of the nodes of any one complete cut of the tree. Create with <see cref="Weights.EffectiveWeights"/>.
/// No value is ever NaN: a framework guarantees finite, non-negative weights that do not all vanish among siblings.
/// </summary>
public sealed class WeightTable
{
    private static readonly string[] CsvHeader = ["code", "parent_code", "level", "nominal", "relative", "effective"];
    private readonly FrozenDictionary<string, int> _index;

    internal WeightTable(string indexCode, ImmutableArray<NodeWeight> rows)
    {
        IndexCode = indexCode;
        Rows = rows;
        _index = rows.Select((r, i) => KeyValuePair.Create(r.Code, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The index (root) code.</summary>
    public string IndexCode { get; }

    /// <summary>One row per node, in tree order (root first, depth first, children in framework order).</summary>
    public ImmutableArray<NodeWeight> Rows { get; }

    /// <summary>The row of one node.</summary>
    /// <param name="code">The node code.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">When the table has no such node.</exception>
    public NodeWeight this[string code] =>
        _index.TryGetValue(code, out var i) ? Rows[i] : throw new KeyNotFoundException($"The weight table has no node '{code}'.");

    /// <summary>The effective weight of one node in the index.</summary>
    /// <param name="code">The node code.</param>
    /// <returns>The effective weight, in [0, 1].</returns>
    /// <exception cref="KeyNotFoundException">When the table has no such node.</exception>
    public double Effective(string code) => this[code].Effective;

    /// <summary>The rows of the indicators (level 1), in tree order.</summary>
    public ImmutableArray<NodeWeight> Indicators => Rows.Where(r => r.Level == 1).ToImmutableArray();

    /// <summary>
    /// Aligned text: a title line, then one line per node, indented two spaces per level below the root, with the
    /// nominal, relative and effective weights to 4 decimals.
    /// </summary>
    /// <returns>The invariant text, lines separated by LF.</returns>
    public override string ToString()
    {
        var depth = Depths();
        var labels = Rows.Select((r, i) => new string(' ', 2 * depth[i]) + r.Code).ToArray();
        var width = Math.Max("node".Length, labels.Max(l => l.Length));
        var sb = new StringBuilder();
        sb.Append("Weights of ").Append(IndexCode).Append(" (").Append(Rows.Length.ToString(CultureInfo.InvariantCulture)).Append(" nodes)\n");
        sb.Append("node".PadRight(width)).Append("  nominal  relative  effective");
        for (var i = 0; i < Rows.Length; i++)
        {
            var r = Rows[i];
            sb.Append('\n').Append(labels[i].PadRight(width))
                .Append("  ").Append(F4(r.Nominal).PadLeft(7))
                .Append("  ").Append(F4(r.Relative).PadLeft(8))
                .Append("  ").Append(F4(r.Effective).PadLeft(9));
        }

        return sb.ToString();
    }

    /// <summary>A Markdown table: node, parent, level, nominal, relative and effective weight (4 decimals).</summary>
    /// <returns>The Markdown text, LF line ends; the root's parent cell is empty.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| Node | Parent | Level | Nominal | Relative | Effective |\n");
        sb.Append("|---|---|---:|---:|---:|---:|");
        foreach (var r in Rows)
        {
            sb.Append("\n| ").Append(Internal.MarkdownText.Text(r.Code)).Append(" | ").Append(Internal.MarkdownText.Text(r.ParentCode)).Append(" | ")
                .Append(r.Level.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(F4(r.Nominal)).Append(" | ")
                .Append(F4(r.Relative)).Append(" | ").Append(F4(r.Effective)).Append(" |");
        }

        return sb.ToString();
    }

    /// <summary>An HTML table (no scripts, no styles) with the same columns as <see cref="ToMarkdown"/>; text is HTML-encoded.</summary>
    /// <returns>The HTML text.</returns>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<table>\n<thead><tr><th>Node</th><th>Parent</th><th>Level</th><th>Nominal</th><th>Relative</th><th>Effective</th></tr></thead>\n<tbody>");
        foreach (var r in Rows)
        {
            sb.Append("\n<tr><td>").Append(HtmlText.Encode(r.Code)).Append("</td><td>").Append(HtmlText.Encode(r.ParentCode))
                .Append("</td><td>").Append(r.Level.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(F4(r.Nominal))
                .Append("</td><td>").Append(F4(r.Relative)).Append("</td><td>").Append(F4(r.Effective)).Append("</td></tr>");
        }

        sb.Append("\n</tbody>\n</table>");
        return sb.ToString();
    }

    /// <summary>CSV (RFC 4180, invariant culture, round-trip precision): <c>code,parent_code,level,nominal,relative,effective</c>.</summary>
    /// <returns>The CSV text, LF line ends; the root's parent cell is empty.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection));

    /// <summary>
    /// The weights as a table (name <c>weights</c>, title <c>Weights of {index} (N nodes)</c>): node code (indented two
    /// spaces per depth when shown), parent code (empty for the root), level, and the nominal, relative and effective
    /// weights (4 decimals shown; full precision in CSV). Rows in tree order.
    /// </summary>
    /// <returns>The table; <see cref="ToCsv"/> is its CSV rendering.</returns>
    public Table ToTable()
    {
        var depth = Depths();
        var f = NumberFormat.Fixed(4);
        var table = new TableBuilder("Weights of " + IndexCode + " (" + Rows.Length.ToString(CultureInfo.InvariantCulture) + " nodes)",
        [
            TableColumn.Text(CsvHeader[0], "Node"), TableColumn.Text(CsvHeader[1], "Parent"), TableColumn.Integer(CsvHeader[2], "Level"),
            TableColumn.Number(CsvHeader[3], "Nominal", f), TableColumn.Number(CsvHeader[4], "Relative", f), TableColumn.Number(CsvHeader[5], "Effective", f),
        ], "weights");
        for (var i = 0; i < Rows.Length; i++)
        {
            var r = Rows[i];
            table.AddRow(TableCell.Text(r.Code).WithDisplay(depth[i] == 0 ? null : new string(' ', 2 * depth[i]) + r.Code), r.ParentCode ?? string.Empty, r.Level, r.Nominal, r.Relative, r.Effective);
        }

        return table.Build();
    }

    private int[] Depths()
    {
        var depth = new int[Rows.Length];
        for (var i = 0; i < Rows.Length; i++)
        {
            depth[i] = Rows[i].ParentCode is { } p ? depth[_index[p]] + 1 : 0;
        }

        return depth;
    }

    private static string F4(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);

}
