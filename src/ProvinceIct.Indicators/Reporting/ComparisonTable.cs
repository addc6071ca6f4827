using System.Collections.Immutable;
using System.Text;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Two results side by side as a table (from a <see cref="ResultComparison"/>): per unit the index score and rank
/// before and after, and the change of rank in words: "up 36" (moved up 36 places), "down 3", "=" (same rank), "-"
/// when either rank is missing. Shown: scores to 2 decimals, ranks whole or to 2 decimals for shared ranks; CSV keeps
/// full precision, with the change as a signed number (old rank - new rank, positive = up). A caption states the
/// Spearman rank correlation (3 decimals) and the mean absolute rank change (2 decimals); units found in only one
/// result are named in notes. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class ComparisonTable
{
    private ComparisonTable(ResultComparison comparison, ImmutableArray<UnitRankChange> rows, ComparisonOrder order)
    {
        Comparison = comparison;
        Rows = rows;
        Order = order;
    }

    /// <summary>The comparison shown.</summary>
    public ResultComparison Comparison { get; }

    /// <summary>The rows, in <see cref="Order"/>.</summary>
    public ImmutableArray<UnitRankChange> Rows { get; }

    /// <summary>The row order.</summary>
    public ComparisonOrder Order { get; }

    /// <summary>Builds the table.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="order">The row order (default by the new rank).</param>
    /// <param name="top">Only the first <paramref name="top"/> rows in that order, or all when null.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="comparison"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="top"/> is negative or <paramref name="order"/> is not defined.</exception>
    public static ComparisonTable From(ResultComparison comparison, ComparisonOrder order = ComparisonOrder.RankAfter, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "The number of rows must not be negative.");
        }

        IEnumerable<UnitRankChange> rows = order switch
        {
            ComparisonOrder.RankAfter => comparison.Rows.OrderBy(r => double.IsNaN(r.RankAfter) ? double.PositiveInfinity : r.RankAfter).ThenBy(r => r.UnitCode, StringComparer.Ordinal),
            ComparisonOrder.LargestChange => comparison.MovedMost(comparison.Rows.Length),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown comparison order."),
        };
        return new ComparisonTable(comparison, [.. top is { } t ? rows.Take(t) : rows], order);
    }

    /// <summary>A rank change in words: "up 36", "down 3", "=" for none, "-" when NaN (ranks whole or to 2 decimals).</summary>
    /// <param name="change">Old rank - new rank (positive = moved up).</param>
    /// <returns>The invariant text.</returns>
    public static string Describe(double change) =>
        double.IsNaN(change) ? "-" : change > 0 ? "up " + Markup.Rank(change) : change < 0 ? "down " + Markup.Rank(-change) : "=";

    /// <summary>The caption: the two methodology codes, matched units, rank correlation and mean absolute change.</summary>
    public string Title =>
        Comparison.BeforeCode + " (before) and " + Comparison.AfterCode + " (after): " + Markup.Int(Comparison.Rows.Length) + " units matched; Spearman rank correlation "
        + Markup.Format(Comparison.RankCorrelation.Coefficient, "0.000") + "; mean absolute rank change " + Markup.Format(Comparison.MeanAbsoluteRankChange, "0.00")
        + (Rows.Length < Comparison.Rows.Length ? "; " + Markup.Int(Rows.Length) + " shown" + (Order == ComparisonOrder.LargestChange ? " (moved most)" : string.Empty) : string.Empty);

    /// <summary>The comparison as a table (name <c>comparison</c>): per unit, the old code (shown as <c>old → new</c> when it changed), the name, both scores (2 decimals), both ranks and the rank change (shown as <c>up 3</c>, <c>down 2</c> or <c>=</c>; the number is old rank - new rank, positive = moved up). Rows have the class <c>up</c>, <c>down</c>, <c>same</c> or <c>missing</c>; notes list the unmatched units.</summary>
    /// <returns>The table; <see cref="ToText"/>, <see cref="ToMarkdown"/>, <see cref="ToCsv"/> and <see cref="ToHtml"/> are its renderings.</returns>
    public Table ToTable()
    {
        var block = new TableBuilder(Title,
        [
            TableColumn.Text("unit_code", "Code"),
            TableColumn.Label("unit_name", "Unit"),
            TableColumn.Number("score_before", "Score before", NumberFormat.Fixed(2)),
            TableColumn.Number("score_after", "Score after", NumberFormat.Fixed(2)),
            TableColumn.Rank("rank_before", "Rank before"),
            TableColumn.Rank("rank_after", "Rank after"),
            TableColumn.Rank("rank_change", "Change"),
        ], "comparison");
        foreach (var r in Rows)
        {
            var code = r.UnitCode == r.AfterUnitCode ? r.UnitCode : r.UnitCode + " → " + r.AfterUnitCode;
            block.AddClassedRow(double.IsNaN(r.RankChange) ? "missing" : r.RankChange > 0 ? "up" : r.RankChange < 0 ? "down" : "same",
                TableCell.Text(r.UnitCode).WithDisplay(code), r.Name, r.ScoreBefore, r.ScoreAfter, r.RankBefore, r.RankAfter, TableCell.Number(r.RankChange).WithDisplay(Describe(r.RankChange)));
        }

        if (!Comparison.OnlyBefore.IsEmpty)
        {
            block.AddNote("Only in " + Comparison.BeforeCode + ": " + string.Join(", ", Comparison.OnlyBefore) + ".");
        }

        if (!Comparison.OnlyAfter.IsEmpty)
        {
            block.AddNote("Only in " + Comparison.AfterCode + ": " + string.Join(", ", Comparison.OnlyAfter) + ".");
        }

        return block.Build();
    }

    /// <summary>Aligned text (diacritics-aware widths): the caption, the table, notes on unmatched units.</summary>
    /// <returns>The text, LF line ends, no trailing newline.</returns>
    public string ToText() => ToTable().ToText();

    /// <summary>A Markdown section: the caption as a level-3 heading, the table, notes.</summary>
    /// <returns>The Markdown text, no trailing newline.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => ToTable().ToMarkdown();

    /// <summary>
    /// CSV (RFC 4180, invariant culture, round-trip precision, NaN as an empty cell):
    /// <c>unit_code,unit_name,score_before,score_after,rank_before,rank_after,rank_change</c> (the old unit code; the change signed, positive = up).
    /// </summary>
    /// <returns>The CSV text, LF line ends.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection));

    /// <summary>
    /// An HTML fragment (well-formed XML): a <c>&lt;div class="comparison"&gt;</c> holding the table (caption, one row
    /// per unit with class <c>up</c>, <c>down</c>, <c>same</c> or <c>missing</c>, numeric cells with class <c>num</c>) and notes. Every text is encoded.
    /// </summary>
    /// <returns>The markup, LF line ends.</returns>
    public string ToHtml() => ToTable().ToHtml();

    /// <summary>The text form.</summary>
    /// <returns>The same as <see cref="ToText"/>.</returns>
    public override string ToString() => ToText();
}
