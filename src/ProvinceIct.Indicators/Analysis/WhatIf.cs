using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// What happens to a unit when some of its raw values change: the dataset is copied with the new values and the whole
/// index recomputed, so every data-dependent step (min and max of min-max, ranks of other units) sees the change, as a
/// new edition would. Reports the unit's score and rank at every node before and after. Other units' scores can change
/// too (through the normalisation); both full results are kept. Immutable.
/// </summary>
public sealed class WhatIf
{
    private WhatIf(string unitCode, ImmutableArray<KeyValuePair<string, double>> changes, IndexResult before, IndexResult after, ImmutableArray<NodeChange> rows)
    {
        UnitCode = unitCode;
        Changes = changes;
        Before = before;
        After = after;
        Rows = rows;
    }

    /// <summary>The unit changed.</summary>
    public string UnitCode { get; }

    /// <summary>The raw values set (indicator code, new value; NaN makes the value missing).</summary>
    public ImmutableArray<KeyValuePair<string, double>> Changes { get; }

    /// <summary>The result on the original data.</summary>
    public IndexResult Before { get; }

    /// <summary>The result on the changed data.</summary>
    public IndexResult After { get; }

    /// <summary>The unit's score and rank at every node, in the result's node order (the index last).</summary>
    public ImmutableArray<NodeChange> Rows { get; }

    /// <summary>The unit's index row.</summary>
    public NodeChange Index => Rows[^1];

    /// <summary>Recomputes the index with some of one unit's raw values changed.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The original data.</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="changes">Indicator code to new raw value (later entries for the same code win).</param>
    /// <returns>The what-if result.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or an indicator is not in the dataset.</exception>
    /// <exception cref="Errors.ValidationException">When a new value is invalid for its indicator kind (for example a percent above 100).</exception>
    /// <exception cref="Errors.CalculationException">When the changed data cannot be computed.</exception>
    public static WhatIf Compute(Methodology methodology, Dataset dataset, string unitCode, IEnumerable<KeyValuePair<string, double>> changes)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(changes);
        Internal.Preconditions.NotBlank(unitCode);
        var list = changes.ToImmutableArray();
        var changed = dataset;
        foreach (var (code, value) in list)
        {
            changed = changed.WithValue(unitCode, code, value);
        }

        var before = IndexCalculator.Compute(methodology, dataset);
        var after = IndexCalculator.Compute(methodology, changed);
        var rows = before.NodeCodes.Select((c, i) => new NodeChange(c, before.NodeLevels[i], before.Score(unitCode, c), after.Score(unitCode, c), before.Rank(unitCode, c), after.Rank(unitCode, c))).ToImmutableArray();
        return new WhatIf(unitCode, list, before, after, rows);
    }

    /// <summary>A Markdown table of the unit's nodes before and after, preceded by the changes.</summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() =>
        "What if unit " + Internal.MarkdownText.Code(UnitCode) + " had " + string.Join(", ", Changes.Select(c => Internal.MarkdownText.Code(c.Key) + " = " + c.Value.ToString("G6", CultureInfo.InvariantCulture)))
        + "\n\n" + ToTable().ToMarkdownGrid();

    /// <summary>
    /// The unit's nodes before and after as a table (name <c>what-if</c>), in result node order: <c>node</c>,
    /// <c>level</c>, <c>score_before</c> and <c>score_after</c> (2 decimals), <c>rank_before</c> and <c>rank_after</c>,
    /// and <c>rank_change</c> (before - after, positive = moved up, shown with its sign); NaN is missing. The title
    /// names the unit and the values set.
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> shows its grid.</returns>
    public Table ToTable()
    {
        var score = NumberFormat.Fixed(2);
        var table = new TableBuilder(
            "What if unit " + UnitCode + " had " + string.Join(", ", Changes.Select(c => c.Key + " = " + c.Value.ToString("G6", CultureInfo.InvariantCulture))),
            [TableColumn.Label("node", "node"), TableColumn.Integer("level", "level"), TableColumn.Number("score_before", "score before", score), TableColumn.Number("score_after", "score after", score),
             TableColumn.Rank("rank_before", "rank before"), TableColumn.Rank("rank_after", "rank after"), TableColumn.Number("rank_change", "change", NumberFormat.UpTo(2))],
            "what-if");
        foreach (var r in Rows)
        {
            table.AddRow(r.NodeCode, r.Level, r.ScoreBefore, r.ScoreAfter, r.RankBefore, r.RankAfter, ResultComparison.SignedCell(r.RankChange));
        }

        table.AddNote("The whole index is recomputed with the new values; change = rank before - rank after (positive = moved up). Level 1 rows are indicators (normalised values).");
        return table.Build();
    }

    /// <summary>Formats as <c>WhatIf 01: index 50.00 -> 55.00, rank 12 -> 8</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => "WhatIf " + UnitCode + ": index " + AnalysisMath.F(Index.ScoreBefore) + " -> " + AnalysisMath.F(Index.ScoreAfter) + ", rank " + AnalysisMath.Rank(Index.RankBefore) + " -> " + AnalysisMath.Rank(Index.RankAfter);
}
