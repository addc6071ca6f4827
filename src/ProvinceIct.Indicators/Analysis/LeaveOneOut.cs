using System.Collections.Immutable;
using System.Globalization;
using System.Text;
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
    public string ToMarkdown()
    {
        var sb = new StringBuilder("| removed | level | mean abs. rank shift | max abs. rank shift |\n|---|---:|---:|---:|");
        foreach (var r in Rows)
        {
            sb.Append("\n| ").Append(AnalysisMath.Md(r.RemovedCode)).Append(" | ").Append(AnalysisMath.Int(r.Level)).Append(" | ")
                .Append(AnalysisMath.F(r.MeanAbsoluteShift)).Append(" | ").Append(AnalysisMath.Rank(r.MaxAbsoluteShift)).Append(" |");
        }

        return sb.ToString();
    }

    /// <summary>CSV, one row per unit: <c>unit,nominal_rank</c> then one column of rank shifts per removed node; NaN is an empty cell.</summary>
    /// <returns>The invariant CSV text (LF, no trailing newline).</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        var records = new List<IReadOnlyList<string>> { new List<string> { "unit", "nominal_rank" }.Concat(Rows.Select(r => r.RemovedCode)).ToArray() };
        for (var u = 0; u < Units.Length; u++)
        {
            records.Add(new List<string> { Units[u].Code, AnalysisMath.Num(NominalRanks[u]) }.Concat(Rows.Select(r => AnalysisMath.Num(r.RankShifts[u]))).ToArray());
        }

        return AnalysisMath.Csv(records, injection);
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
