using System.Collections.Immutable;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Uncertainty;
using ProvinceIct.Indicators.IO;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// The ranks of an uncertainty analysis as a table (from an <see cref="UncertaintyResult"/>): per unit, in nominal
/// rank order (ties by unit code, units without a nominal rank last), the nominal rank, the median rank, the 5th-95th
/// percentile interval of the rank (R type 7 quantiles), the mean rank, the mean absolute rank shift
/// <c>sum over runs of |rank - nominal rank| / runs</c> (computed from the rank histogram; NaN when the unit has no
/// nominal rank or no scored run) and, for every k of the analysis's options, the probability of a rank at or better
/// than k. Shown: ranks whole or to 2 decimals, mean rank to 1 decimal, shifts to 2 decimals, probabilities to 2
/// decimals, "-" when missing; CSV keeps full precision. Immutable.
/// </summary>
[ProvinceIct.Indicators.Reporting.Notebook.TypeFormatterSource(typeof(ProvinceIct.Indicators.Reporting.Notebook.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class UncertaintyTable
{
    private UncertaintyTable(UncertaintyResult uncertainty, ImmutableArray<UnitRankStatistics> rows)
    {
        Uncertainty = uncertainty;
        Rows = rows;
    }

    /// <summary>The analysis shown.</summary>
    public UncertaintyResult Uncertainty { get; }

    /// <summary>The rows, in nominal rank order.</summary>
    public ImmutableArray<UnitRankStatistics> Rows { get; }

    /// <summary>Builds the table.</summary>
    /// <param name="uncertainty">The analysis.</param>
    /// <param name="top">Only the first <paramref name="top"/> units by nominal rank, or all when null.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="uncertainty"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="top"/> is negative.</exception>
    public static UncertaintyTable From(UncertaintyResult uncertainty, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(uncertainty);
        if (top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "The number of rows must not be negative.");
        }

        var ordered = uncertainty.Units
            .OrderBy(s => double.IsNaN(s.NominalRank) ? double.PositiveInfinity : s.NominalRank)
            .ThenBy(s => s.Unit.Code, StringComparer.Ordinal);
        return new UncertaintyTable(uncertainty, [.. top is { } t ? ordered.Take(t) : ordered]);
    }

    /// <summary>
    /// The mean absolute rank shift of one unit: <c>sum over ranks r of count(r) |r - nominal| / sum of count(r)</c>
    /// over the runs that scored it; NaN when it has no nominal rank or no scored run.
    /// </summary>
    /// <param name="statistics">The unit's statistics.</param>
    /// <returns>The mean |shift| in ranks.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="statistics"/> is null.</exception>
    public static double MeanAbsoluteShift(UnitRankStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        double runs = 0, sum = 0;
        foreach (var (rank, count) in statistics.RankCounts)
        {
            runs += count;
            sum += count * Math.Abs(rank - statistics.NominalRank);
        }

        return runs == 0 ? double.NaN : sum / runs;
    }

    /// <summary>The caption: the index, runs, sampler, seed and the overall mean absolute rank shift.</summary>
    public string Title
    {
        get
        {
            var o = Uncertainty.Options;
            return "Rank uncertainty of " + Uncertainty.Nominal.Methodology.Name + ": " + Markup.Int(o.Runs) + " runs (" + ProvinceIct.Indicators.Uncertainty.Sampler.Name(o.Sampler)
                + " sampling, seed " + o.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "); mean absolute rank shift "
                + Markup.Format(Uncertainty.MeanAbsoluteRankShift, "0.00")
                + (Rows.Length < Uncertainty.Units.Length ? "; top " + Markup.Int(Rows.Length) + " of " + Markup.Int(Uncertainty.Units.Length) + " units" : string.Empty);
        }
    }

    private TableBlock Block()
    {
        var topK = Uncertainty.Options.TopK;
        List<TableColumn> columns =
        [
            TableColumn.Number("Nominal rank", "nominal_rank"),
            new TableColumn("Code", "unit_code"),
            new TableColumn("Unit", "unit_name", RowHeader: true),
            TableColumn.Number("Median rank", "median_rank"),
            TableColumn.Number("5%", "q05_rank"),
            TableColumn.Number("95%", "q95_rank"),
            TableColumn.Number("Mean rank", "mean_rank"),
            TableColumn.Number("Mean |shift|", "mean_abs_shift"),
        ];
        columns.AddRange(topK.Select(k => TableColumn.Number("P(top " + Markup.Int(k) + ")", "p_top" + Markup.Int(k))));
        var block = new TableBlock(Title, "uncertainty", columns);
        foreach (var s in Rows)
        {
            List<TableCell> cells =
            [
                TableCell.Rank(s.NominalRank), TableCell.Text(s.Unit.Code), TableCell.Text(s.Unit.Name), TableCell.Rank(s.MedianRank),
                TableCell.Rank(s.Q05Rank), TableCell.Rank(s.Q95Rank), TableCell.Number(s.MeanRank, "0.0"), TableCell.Number(MeanAbsoluteShift(s), "0.00"),
            ];
            cells.AddRange(topK.Select(k => TableCell.Number(s.ProbabilityTop(k), "0.00")));
            block.Add([.. cells]);
        }

        block.Notes.Add("Factors: " + string.Join("; ", Uncertainty.Factors) + ". 5% and 95%: percentiles of the rank over the runs (the 90% interval); rank 1 is best.");
        return block;
    }

    /// <summary>Aligned text (diacritics-aware widths): the caption, the table, a note on the factors.</summary>
    /// <returns>The text, LF line ends, no trailing newline.</returns>
    public string ToText() => Block().ToText();

    /// <summary>A Markdown section: the caption as a level-3 heading, the table, the note.</summary>
    /// <returns>The Markdown text, no trailing newline.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => Block().ToMarkdown();

    /// <summary>
    /// CSV (RFC 4180, invariant culture, round-trip precision, NaN as an empty cell): <c>nominal_rank,unit_code,unit_name,
    /// median_rank,q05_rank,q95_rank,mean_rank,mean_abs_shift</c>, then <c>p_top{k}</c> per k.
    /// </summary>
    /// <returns>The CSV text, LF line ends.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => Block().ToCsv(injection);

    /// <summary>An HTML fragment (well-formed XML): a <c>&lt;div class="uncertainty"&gt;</c> holding the table and the note; every text encoded.</summary>
    /// <returns>The markup, LF line ends.</returns>
    public string ToHtml() => Block().ToHtml();

    /// <summary>The text form.</summary>
    /// <returns>The same as <see cref="ToText"/>.</returns>
    public override string ToString() => ToText();
}
