using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Statistics and data-quality flags of every indicator of a dataset (COINr <c>get_stats</c>): one
/// <see cref="IndicatorStatistics"/> per column. Missing values (NaN) are left out of every statistic; see
/// <see cref="StatisticsThresholds"/> for the flags. Immutable.
/// </summary>
public sealed class StatisticsTable
{
    private StatisticsTable(StatisticsThresholds thresholds, ImmutableArray<IndicatorStatistics> rows)
    {
        Thresholds = thresholds;
        Rows = rows;
    }

    /// <summary>Computes the statistics of the chosen indicators.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="thresholds">The flag thresholds, or null for <see cref="StatisticsThresholds.Default"/>.</param>
    /// <param name="indicatorCodes">The columns to describe, in output order, or null for every column. Collinearity is checked among these columns only.</param>
    /// <returns>The table (empty when the dataset has no columns).</returns>
    /// <exception cref="KeyNotFoundException">When a code is not a column of the dataset.</exception>
    public static StatisticsTable Compute(Dataset dataset, StatisticsThresholds? thresholds = null, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var t = thresholds ?? StatisticsThresholds.Default;
        var codes = (indicatorCodes ?? dataset.IndicatorCodes).ToImmutableArray();
        var columns = codes.Select(c => dataset.Column(c).ToArray()).ToArray();
        var collinear = new List<string>[codes.Length];
        for (var j = 0; j < codes.Length; j++)
        {
            collinear[j] = [];
        }

        for (var j = 0; j < codes.Length; j++)
        {
            for (var k = j + 1; k < codes.Length; k++)
            {
                var r = ColumnMath.PairwisePearson(columns[j], columns[k], out var pairs);
                if (pairs >= 3 && 1 - Math.Abs(r) <= t.CollinearityTolerance)
                {
                    collinear[j].Add(codes[k]);
                    collinear[k].Add(codes[j]);
                }
            }
        }

        var rows = codes.Select((c, j) => new IndicatorStatistics(c, columns[j], t, [.. collinear[j].OrderBy(x => codes.IndexOf(x))])).ToImmutableArray();
        return new StatisticsTable(t, rows);
    }

    /// <summary>The thresholds the flags were computed with.</summary>
    public StatisticsThresholds Thresholds { get; }

    /// <summary>One row per indicator, in the requested order.</summary>
    public ImmutableArray<IndicatorStatistics> Rows { get; }

    /// <summary>The row of an indicator.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <exception cref="KeyNotFoundException">When the table has no such indicator.</exception>
    public IndicatorStatistics this[string indicatorCode] =>
        Rows.FirstOrDefault(r => r.IndicatorCode == indicatorCode) ?? throw new KeyNotFoundException($"The table has no indicator '{indicatorCode}'.");

    /// <summary>The rows with at least one flag raised, in table order.</summary>
    public IEnumerable<IndicatorStatistics> Flagged => Rows.Where(r => r.IsFlagged);

    /// <summary>
    /// CSV with a header: <c>indicator,n,missing,min,max,mean,median,sd,skewness,kurtosis,zeros,unique,low_availability,outliers,many_zeros,collinear_with</c>;
    /// numbers round-trip (<c>R</c> format), NaN is an empty cell, flags are <c>true</c>/<c>false</c>, collinear codes
    /// separated by spaces.
    /// </summary>
    /// <returns>The invariant text (LF line ends, no trailing newline).</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection)).TrimEnd('\n');

    /// <summary>
    /// The statistics as a table (name <c>statistics</c>), columns keyed as in <see cref="ToCsv"/>: counts as whole
    /// numbers, statistics shown to 4 significant digits (full precision in CSV), NaN missing, flags <c>true</c>/<c>false</c>,
    /// collinear codes separated by spaces.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var h = CsvHeader;
        var table = new TableBuilder("Indicator statistics",
        [
            TableColumn.Label(h[0], "Indicator"), TableColumn.Integer(h[1], "n"), TableColumn.Integer(h[2], "Missing"), TableColumn.Number(h[3], "Min"),
            TableColumn.Number(h[4], "Max"), TableColumn.Number(h[5], "Mean"), TableColumn.Number(h[6], "Median"), TableColumn.Number(h[7], "SD"),
            TableColumn.Number(h[8], "Skewness"), TableColumn.Number(h[9], "Kurtosis"), TableColumn.Integer(h[10], "Zeros"), TableColumn.Integer(h[11], "Unique"),
            TableColumn.Text(h[12], "Low availability"), TableColumn.Text(h[13], "Outliers"), TableColumn.Text(h[14], "Many zeros"), TableColumn.Text(h[15], "Collinear with"),
        ], "statistics");
        foreach (var r in Rows)
        {
            table.AddClassedRow(r.IsFlagged ? "flagged" : null, r.IndicatorCode, r.Count, r.MissingCount, r.Min, r.Max, r.Mean, r.Median, r.StandardDeviation, r.Skewness,
                r.Kurtosis, r.ZeroCount, r.UniqueCount, Bool(r.LowAvailability), Bool(r.FailsSkewKurtosis), Bool(r.HighZeroShare), string.Join(" ", r.CollinearWith));
        }

        return table.Build();
    }

    /// <summary>A Markdown table, one row per indicator, numbers to 4 significant digits, NaN shown as <c>-</c>, flags in words.</summary>
    /// <returns>The invariant Markdown text (LF line ends, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var sb = new StringBuilder("| indicator | n | missing | min | max | mean | median | sd | skew | kurt | zeros | unique | flags |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Rows)
        {
            sb.Append("\n| ").Append(Internal.MarkdownText.Text(r.IndicatorCode)).Append(" | ").Append(Num(r.Count)).Append(" | ").Append(Num(r.MissingCount))
                .Append(" | ").Append(Short(r.Min)).Append(" | ").Append(Short(r.Max)).Append(" | ").Append(Short(r.Mean))
                .Append(" | ").Append(Short(r.Median)).Append(" | ").Append(Short(r.StandardDeviation)).Append(" | ").Append(Short(r.Skewness))
                .Append(" | ").Append(Short(r.Kurtosis)).Append(" | ").Append(Num(r.ZeroCount)).Append(" | ").Append(Num(r.UniqueCount))
                .Append(" | ").Append(Internal.MarkdownText.Text(r.Flags())).Append(" |");
        }

        return sb.ToString();
    }

    /// <summary>Formats as <c>StatisticsTable: 12 indicators, 2 flagged</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"StatisticsTable: {Rows.Length} indicators, {Flagged.Count()} flagged");

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Num(double x) => double.IsNaN(x) ? string.Empty : x.ToString("R", CultureInfo.InvariantCulture);

    private static string Short(double x) => double.IsNaN(x) ? "-" : x.ToString("G4", CultureInfo.InvariantCulture);

    private static readonly string[] CsvHeader = ["indicator", "n", "missing", "min", "max", "mean", "median", "sd", "skewness", "kurtosis", "zeros", "unique", "low_availability", "outliers", "many_zeros", "collinear_with"];

    private static string Bool(bool b) => b ? "true" : "false";

}
