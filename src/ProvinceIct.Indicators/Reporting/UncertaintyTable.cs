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
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
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
    public string Title => TitleIn(ReportOptions.Default);

    /// <summary>The caption in the culture of <paramref name="c"/>.</summary>
    internal string TitleIn(ReportOptions c)
    {
        var o = Uncertainty.Options;
        return c.T("UncTable_Title", Uncertainty.Nominal.Methodology.Name, c.Int(o.Runs), ProvinceIct.Indicators.Uncertainty.Sampler.Name(o.Sampler),
                o.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Format(Uncertainty.MeanAbsoluteRankShift, "0.00"))
            + (Rows.Length < Uncertainty.Units.Length ? c.T("UncTable_TitleTop", c.Int(Rows.Length), c.Int(Uncertainty.Units.Length)) : string.Empty);
    }

    /// <summary>The ranks as a table (name <c>uncertainty</c>): nominal rank, code, name, median rank, 5% and 95% rank percentiles, mean rank (1 decimal), mean |shift| (2 decimals) and P(top k) per k (2 decimals); a note names the factors, and another says how many replications failed and why when some were skipped (<see cref="UncertaintyResult.FailureSummary"/>; CSV and TSV have no notes).</summary>
    /// <returns>The table; <see cref="ToText"/>, <see cref="ToMarkdown"/>, <see cref="ToCsv"/> and <see cref="ToHtml"/> are its renderings.</returns>
    public Table ToTable() => ToTable(ReportOptions.Default);

    /// <summary>The table with its caption, headers and notes in the culture of <paramref name="c"/> (the numbers of a table stay invariant).</summary>
    internal Table ToTable(ReportOptions c)
    {
        var topK = Uncertainty.Options.TopK;
        List<TableColumn> columns =
        [
            TableColumn.Rank("nominal_rank", c.T("UncTable_Nominal")),
            TableColumn.Text("unit_code", c.T("Col_Code")),
            TableColumn.Label("unit_name", c.T("Col_Unit")),
            TableColumn.Rank("median_rank", c.T("UncTable_Median")),
            TableColumn.Rank("q05_rank", "5%"),
            TableColumn.Rank("q95_rank", "95%"),
            TableColumn.Rank("mean_rank", c.T("UncTable_Mean"), NumberFormat.Fixed(1)),
            TableColumn.Number("mean_abs_shift", c.T("UncTable_MeanShift"), NumberFormat.Fixed(2)),
        ];
        columns.AddRange(topK.Select(k => TableColumn.Number("p_top" + Markup.Int(k), c.T("UncTable_PTop", c.Int(k)), NumberFormat.Fixed(2))));
        var block = new TableBuilder(TitleIn(c), columns, "uncertainty");
        foreach (var s in Rows)
        {
            List<TableCell> cells = [s.NominalRank, s.Unit.Code, s.Unit.Name, s.MedianRank, s.Q05Rank, s.Q95Rank, s.MeanRank, MeanAbsoluteShift(s)];
            cells.AddRange(topK.Select(k => TableCell.Number(s.ProbabilityTop(k))));
            block.AddRow([.. cells]);
        }

        block.AddNote(c.T("UncTable_Note", string.Join("; ", Uncertainty.Factors)));
        if (!Uncertainty.Failures.IsEmpty)
        {
            // Skipped replications are part of the result: every rendering with notes (text, Markdown, HTML) says so.
            block.AddNote(Uncertainty.FailureSummaryIn(c.Culture) + " " + c.T("Report_SucceededRuns", Uncertainty.SucceededRuns.ToString("0", c.Culture)));
        }

        return block.Build();
    }

    /// <summary>Aligned text (diacritics-aware widths): the caption, the table, a note on the factors.</summary>
    /// <returns>The text, LF line ends, no trailing newline.</returns>
    public string ToText() => ToTable().ToText();

    /// <summary>A Markdown section: the caption as a level-3 heading, the table, the note.</summary>
    /// <returns>The Markdown text, no trailing newline.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => ToTable().ToMarkdown();

    /// <summary>
    /// CSV (RFC 4180, invariant culture, round-trip precision, NaN as an empty cell): <c>nominal_rank,unit_code,unit_name,
    /// median_rank,q05_rank,q95_rank,mean_rank,mean_abs_shift</c>, then <c>p_top{k}</c> per k.
    /// </summary>
    /// <returns>The CSV text, LF line ends.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection));

    /// <summary>An HTML fragment (well-formed XML): a <c>&lt;div class="uncertainty"&gt;</c> holding the table and the note; every text encoded.</summary>
    /// <returns>The markup, LF line ends.</returns>
    public string ToHtml() => ToTable().ToHtml();

    /// <summary>The text form.</summary>
    /// <returns>The same as <see cref="ToText"/>.</returns>
    public override string ToString() => ToText();
}
