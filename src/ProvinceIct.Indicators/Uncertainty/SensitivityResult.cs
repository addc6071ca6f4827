using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Variance-based sensitivity indices of one output (Saltelli design: N base rows, N (d + 2) model runs), with the
/// output's variance and the convergence warnings: S_i above S_Ti beyond their intervals, or an index below zero beyond
/// its interval.
/// </summary>
public sealed class SensitivityResult
{
    internal SensitivityResult(string output, int baseRuns, int factors, double variance, IEnumerable<SensitivityIndex> indices, double confidence)
    {
        Output = output;
        BaseRuns = baseRuns;
        Variance = variance;
        Indices = [.. indices];
        TotalRuns = (long)baseRuns * (factors + 2);
        ConfidenceLevel = confidence;
        var warnings = new List<string>();
        foreach (var s in Indices)
        {
            if (s.FirstLower > s.TotalUpper)
            {
                warnings.Add($"{s.Factor}: S_i exceeds S_Ti beyond their intervals; increase N.");
            }

            if (s.FirstUpper < 0 || s.TotalUpper < 0)
            {
                warnings.Add($"{s.Factor}: an index is below zero beyond its interval; increase N.");
            }
        }

        if (!(variance > 0))
        {
            warnings.Add("The output does not vary over the sample: the indices are undefined (NaN).");
        }

        Warnings = [.. warnings];
    }

    /// <summary>What the output is (for example "mean absolute rank shift" or "rank of 70").</summary>
    public string Output { get; }

    /// <summary>N, the base sample size.</summary>
    public int BaseRuns { get; }

    /// <summary>N (d + 2), the model runs.</summary>
    public long TotalRuns { get; }

    /// <summary>V, the output's variance over the A and B runs (n - 1).</summary>
    public double Variance { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>One entry per factor, in factor order.</summary>
    public ImmutableArray<SensitivityIndex> Indices { get; }

    /// <summary>Convergence warnings in plain words; empty when none.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>
    /// The indices as a table (name <c>sensitivity</c>), one row per factor in factor order: <c>factor</c>,
    /// <c>first</c> (S_i), <c>first_lower</c>, <c>first_upper</c>, <c>total</c> (S_Ti), <c>total_lower</c> and
    /// <c>total_upper</c>, shown with up to 4 decimals; NaN (no bootstrap, or no variance) is missing. The title names the
    /// output, N, the runs and the variance; the notes are the warnings.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(string.Create(CultureInfo.InvariantCulture, $"Sensitivity of {Output}: N = {BaseRuns}, {TotalRuns} runs, V = {Variance:0.######}"), Columns(), "sensitivity");
        foreach (var s in Indices)
        {
            table.AddRow(s.Factor, s.First, s.FirstLower, s.FirstUpper, s.Total, s.TotalLower, s.TotalUpper);
        }

        foreach (var w in Warnings)
        {
            table.AddNote("Warning: " + w);
        }

        return table.Build();
    }

    /// <summary>The columns of one factor's indices: factor, then S_i and S_Ti with their interval bounds.</summary>
    internal static TableColumn[] Columns()
    {
        var f = NumberFormat.UpTo(4);
        return
        [
            TableColumn.Label("factor", "Factor"), TableColumn.Number("first", "S", f), TableColumn.Number("first_lower", "S lower", f), TableColumn.Number("first_upper", "S upper", f),
            TableColumn.Number("total", "ST", f), TableColumn.Number("total_lower", "ST lower", f), TableColumn.Number("total_upper", "ST upper", f),
        ];
    }

    /// <summary>The indices as text, one factor per line, then the warnings.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Sensitivity of {Output}: N = {BaseRuns}, {TotalRuns} runs, V = {Variance:0.######}\n");
        foreach (var s in Indices)
        {
            sb.Append("  ").Append(s).Append('\n');
        }

        foreach (var w in Warnings)
        {
            sb.Append("  warning: ").Append(w).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }
}
