using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Leave-one-out sensitivity (the JRC audit's "removing one component at a time"): each indicator and each non-root
/// aggregate in turn gets weight 0 and the index is re-aggregated with the compiled pipeline (the normalised values are
/// reused: normalisation never depends on weights). A removed node's siblings share its weight (the weights are
/// relative); when a node's only weighted child is removed the node has no score and its own parent drops it like a
/// missing child. Reports each unit's rank shift (nominal - new, positive = moved up) and the mean and largest absolute
/// shift over units ranked both times. Immutable.
/// </summary>
public sealed class LeaveOneOut
{
    private LeaveOneOut(ImmutableArray<Unit> units, string indexCode, ImmutableArray<double> nominalRanks, ImmutableArray<LeaveOneOutRow> rows)
    {
        Units = units;
        IndexCode = indexCode;
        NominalRanks = nominalRanks;
        Rows = rows;
    }

    /// <summary>The units, in dataset order.</summary>
    public ImmutableArray<Unit> Units { get; }

    /// <summary>The index code.</summary>
    public string IndexCode { get; }

    /// <summary>The index ranks with every node present, in unit order.</summary>
    public ImmutableArray<double> NominalRanks { get; }

    /// <summary>One row per removed node: indicators first, then aggregates level by level (compiled order), the root excluded.</summary>
    public ImmutableArray<LeaveOneOutRow> Rows { get; }

    /// <summary>The row of one removed node.</summary>
    /// <param name="code">The node code.</param>
    /// <exception cref="KeyNotFoundException">When no row removes this node.</exception>
    public LeaveOneOutRow this[string code] =>
        Rows.FirstOrDefault(r => r.RemovedCode == code) ?? throw new KeyNotFoundException($"No leave-one-out row removes '{code}'.");

    /// <summary>Runs leave-one-out on a compiled index (its own workspace; the compiled index is not changed).</summary>
    /// <param name="compiled">The compiled index.</param>
    /// <returns>The leave-one-out table.</returns>
    /// <exception cref="Errors.CalculationException">When the pipeline cannot compute (as for a plain run).</exception>
    public static LeaveOneOut Compute(CompiledIndex compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var root = compiled.NodeCount - 1;
        var nominal = ws.NodeRanks(root).ToArray();
        var rows = ImmutableArray.CreateBuilder<LeaveOneOutRow>();
        for (var node = 0; node < root; node++)
        {
            var code = compiled.NodeCodes[node];
            var edge = -1;
            for (var e = 0; e < compiled.Edges.Length; e++)
            {
                if (compiled.Edges[e].ChildCode == code)
                {
                    edge = e;
                    break;
                }
            }

            ws.ResetWeights();
            ws.Weights[edge] = 0;
            compiled.Run(ws, PipelineStage.Aggregation);
            var ranks = ws.NodeRanks(root);
            var shifts = new double[nominal.Length];
            double sum = 0, max = double.NaN;
            var count = 0;
            for (var u = 0; u < nominal.Length; u++)
            {
                shifts[u] = nominal[u] - ranks[u];
                if (!double.IsNaN(shifts[u]))
                {
                    var a = Math.Abs(shifts[u]);
                    sum += a;
                    count++;
                    max = double.IsNaN(max) ? a : Math.Max(max, a);
                }
            }

            rows.Add(new LeaveOneOutRow(code, compiled.NodeLevels[node], [.. shifts], count == 0 ? double.NaN : sum / count, max));
        }

        ws.ResetWeights();
        return new LeaveOneOut(compiled.Units, compiled.NodeCodes[root], [.. nominal], rows.ToImmutable());
    }

    /// <summary>Compiles and runs leave-one-out.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The leave-one-out table.</returns>
    /// <exception cref="Errors.ValidationException">When the dataset does not fit the methodology.</exception>
    /// <exception cref="Errors.CalculationException">When the pipeline cannot compute.</exception>
    public static LeaveOneOut Compute(Methodology methodology, Dataset dataset) => Compute(IndexCalculator.Compile(methodology, dataset));

    /// <summary>A Markdown table, one row per removed node: level, mean and largest absolute rank shift.</summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => ToTable().ToMarkdownGrid();

    /// <summary>CSV, one row per unit: <c>unit,nominal_rank</c> then one column of rank shifts per removed node; NaN is an empty cell.</summary>
    /// <returns>The invariant CSV text (LF, no trailing newline): <see cref="ToShiftTable"/> as CSV.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToShiftTable().ToCsv(new TableRenderOptions(injection: injection)).TrimEnd('\n');

    /// <summary>
    /// The summary as a table (name <c>leave-one-out</c>), one row per removed node in <see cref="Rows"/> order:
    /// <c>removed</c> (code), <c>level</c>, <c>mean_abs_shift</c> (2 decimals) and <c>max_abs_shift</c> (a rank shift,
    /// up to 2 decimals); NaN (no unit ranked both times) is missing.
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> is its Markdown grid.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            "Leave one out: rank shifts of " + IndexCode,
            [TableColumn.Label("removed", "removed"), TableColumn.Integer("level", "level"), TableColumn.Number("mean_abs_shift", "mean abs. rank shift", NumberFormat.Fixed(2)), TableColumn.Rank("max_abs_shift", "max abs. rank shift")],
            "leave-one-out");
        foreach (var r in Rows)
        {
            table.AddRow(r.RemovedCode, r.Level, r.MeanAbsoluteShift, r.MaxAbsoluteShift);
        }

        table.AddNote("Each node in turn gets weight 0; shift = nominal rank - rank without the node (positive = moved up), over the units ranked both times.");
        return table.Build();
    }

    /// <summary>
    /// Every unit's rank shifts as a table (name <c>leave-one-out-shifts</c>): one row per unit in dataset order with
    /// <c>unit</c> (code) and <c>nominal_rank</c>, then one column per removed node, keyed by its code (rank shift, up to
    /// 2 decimals; NaN is missing).
    /// </summary>
    /// <returns>The table; <see cref="ToCsv"/> is its CSV.</returns>
    public Table ToShiftTable()
    {
        List<TableColumn> columns = [TableColumn.Label("unit", "Unit"), TableColumn.Rank("nominal_rank", "Nominal rank")];
        columns.AddRange(Rows.Select(r => TableColumn.Rank(r.RemovedCode, "without " + r.RemovedCode)));
        var table = new TableBuilder("Rank shifts when one node is removed from " + IndexCode, columns, "leave-one-out-shifts");
        for (var u = 0; u < Units.Length; u++)
        {
            List<TableCell> cells = [Units[u].Code, NominalRanks[u]];
            cells.AddRange(Rows.Select(r => (TableCell)r.RankShifts[u]));
            table.AddRow([.. cells]);
        }

        return table.Build();
    }

    /// <summary>Formats as <c>LeaveOneOut index: 17 nodes removed in turn; largest mean shift 2.1 (code)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var top = Rows.Where(r => !double.IsNaN(r.MeanAbsoluteShift)).OrderByDescending(r => r.MeanAbsoluteShift).FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $"LeaveOneOut {IndexCode}: {Rows.Length} nodes removed in turn")
            + (top is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; largest mean shift {top.MeanAbsoluteShift:0.00} ({top.RemovedCode})"));
    }
}
