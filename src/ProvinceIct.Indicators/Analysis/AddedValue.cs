using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// The added value of the index over its components (the JRC audit's check that the index tells something no single
/// pillar does): for each node, the share of units whose index rank differs from their rank on the node by at least a
/// threshold (default 10 places). Ranks are those of the result (its tie policy); units missing either rank are left
/// out. Immutable.
/// </summary>
public sealed class AddedValue
{
    private AddedValue(double threshold, ImmutableArray<AddedValueRow> rows)
    {
        Threshold = threshold;
        Rows = rows;
    }

    /// <summary>The rank difference that counts as substantial.</summary>
    public double Threshold { get; }

    /// <summary>One row per node compared, in the result's node order.</summary>
    public ImmutableArray<AddedValueRow> Rows { get; }

    /// <summary>Compares the index ranking with the ranking on each pillar (the index's children), or on the nodes named.</summary>
    /// <param name="result">The result.</param>
    /// <param name="threshold">The rank difference that counts (default 10), positive.</param>
    /// <param name="nodeCodes">The nodes to compare (in result node order in the output), or null (default) for the index's children.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the threshold is not positive.</exception>
    /// <exception cref="KeyNotFoundException">When a named node is not in the result.</exception>
    public static AddedValue Compute(IndexResult result, double threshold = 10, IEnumerable<string>? nodeCodes = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.Positive(threshold);
        var fw = result.Methodology.Framework;
        var index = result.Ranks(result.IndexCode).ToArray();
        var named = nodeCodes?.ToHashSet(StringComparer.Ordinal);
        foreach (var c in named ?? [])
        {
            _ = result.Ranks(c);
        }

        var nodes = result.NodeCodes.Where(c => named is null ? fw[c].ParentCode == result.IndexCode : named.Contains(c));
        var rows = nodes.Select(code =>
        {
            var ranks = result.Ranks(code);
            int compared = 0, differing = 0;
            for (var u = 0; u < index.Length; u++)
            {
                if (double.IsNaN(index[u]) || double.IsNaN(ranks[u]))
                {
                    continue;
                }

                compared++;
                differing += Math.Abs(index[u] - ranks[u]) >= threshold ? 1 : 0;
            }

            return new AddedValueRow(code, fw.Level(code), compared, differing);
        }).ToImmutableArray();
        return new AddedValue(threshold, rows);
    }

    /// <summary>A Markdown table: node, level, units compared, units differing, share.</summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => ToTable().ToMarkdownGrid();

    /// <summary>
    /// The rows as a table (name <c>added-value</c>), in <see cref="Rows"/> order: <c>node</c>, <c>level</c>,
    /// <c>units_compared</c>, <c>units_differing</c> (rank differs by at least <see cref="Threshold"/>) and <c>share</c>
    /// (a fraction shown as a percentage with 1 decimal; missing when no unit is compared).
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> is its Markdown grid.</returns>
    public Table ToTable()
    {
        var t = Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        var table = new TableBuilder(
            "Added value of the index over its components",
            [TableColumn.Label("node", "node"), TableColumn.Integer("level", "level"), TableColumn.Integer("units_compared", "units compared"),
             TableColumn.Integer("units_differing", "rank differs by >= " + t), TableColumn.Percent("share", "share", NumberFormat.Fixed(1))],
            "added-value");
        foreach (var r in Rows)
        {
            table.AddRow(r.NodeCode, r.Level, r.UnitsCompared, r.UnitsDiffering, r.Share);
        }

        table.AddNote("Units whose index rank differs from their rank on the node by at least " + t + " places; units missing either rank are left out.");
        return table.Build();
    }

    /// <summary>Formats as <c>AddedValue (>= 10 ranks): infra 40.0%, human 35.0%</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "AddedValue (>= " + Threshold.ToString("0.##", CultureInfo.InvariantCulture) + " ranks): "
        + string.Join(", ", Rows.Select(r => r.NodeCode + " " + (double.IsNaN(r.Share) ? "-" : (100 * r.Share).ToString("0.0", CultureInfo.InvariantCulture) + "%")));
}
