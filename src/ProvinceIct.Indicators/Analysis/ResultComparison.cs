using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Two index results side by side (two editions, two methodologies, or the 63-province and 34-unit geographies through a
/// unit map): per unit the old and new index score and rank and the rank change (old - new, positive = moved up), the
/// Spearman correlation of the two rankings over the units ranked in both, and the units that moved most. Units of the
/// first result are matched to the second by code, or through a map (several old units may map to one new unit; each
/// old unit is then compared with it). Unmatched units are listed apart. Immutable.
/// </summary>
[ProvinceIct.Indicators.Reporting.Notebook.TypeFormatterSource(typeof(ProvinceIct.Indicators.Reporting.Notebook.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class ResultComparison
{
    private ResultComparison(string before, string after, ImmutableArray<UnitRankChange> rows, ImmutableArray<string> onlyBefore, ImmutableArray<string> onlyAfter, CorrelationEstimate spearman)
    {
        BeforeCode = before;
        AfterCode = after;
        Rows = rows;
        OnlyBefore = onlyBefore;
        OnlyAfter = onlyAfter;
        RankCorrelation = spearman;
    }

    /// <summary>The first (old) result's methodology code.</summary>
    public string BeforeCode { get; }

    /// <summary>The second (new) result's methodology code.</summary>
    public string AfterCode { get; }

    /// <summary>One row per matched unit, in the first result's unit order.</summary>
    public ImmutableArray<UnitRankChange> Rows { get; }

    /// <summary>Units of the first result with no counterpart in the second.</summary>
    public ImmutableArray<string> OnlyBefore { get; }

    /// <summary>Units of the second result that no unit of the first is compared with.</summary>
    public ImmutableArray<string> OnlyAfter { get; }

    /// <summary>Spearman's rho between the old and new index ranks over the matched units ranked in both (ties share their average rank), with its p-value.</summary>
    public CorrelationEstimate RankCorrelation { get; }

    /// <summary>The mean |rank change| over rows with both ranks; NaN when there are none.</summary>
    public double MeanAbsoluteRankChange
    {
        get
        {
            var changes = Rows.Select(r => Math.Abs(r.RankChange)).Where(c => !double.IsNaN(c)).ToArray();
            return changes.Length == 0 ? double.NaN : changes.Average();
        }
    }

    /// <summary>Compares two results.</summary>
    /// <param name="before">The first (old) result.</param>
    /// <param name="after">The second (new) result.</param>
    /// <param name="unitMap">Old unit code to new unit code, or null to match by identical codes. Old units absent from the map are unmatched.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="KeyNotFoundException">When the map names a new unit that the second result lacks.</exception>
    public static ResultComparison Compare(IndexResult before, IndexResult after, IReadOnlyDictionary<string, string>? unitMap = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var afterCodes = after.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var rows = ImmutableArray.CreateBuilder<UnitRankChange>();
        var onlyBefore = ImmutableArray.CreateBuilder<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in before.Units)
        {
            string? target = unitMap is null ? (afterCodes.Contains(unit.Code) ? unit.Code : null) : unitMap.GetValueOrDefault(unit.Code);
            if (target is null)
            {
                onlyBefore.Add(unit.Code);
                continue;
            }

            if (!afterCodes.Contains(target))
            {
                throw new KeyNotFoundException($"The unit map sends '{unit.Code}' to '{target}', which the second result does not have.");
            }

            used.Add(target);
            rows.Add(new UnitRankChange(unit.Code, unit.Name, target, before.Score(unit.Code), after.Score(target), before.Rank(unit.Code), after.Rank(target)));
        }

        var r = rows.ToImmutable();
        var spearman = AnalysisMath.Correlate(r.Select(x => x.RankBefore).ToArray(), r.Select(x => x.RankAfter).ToArray(), CorrelationMethod.Spearman);
        return new ResultComparison(before.Methodology.Code, after.Methodology.Code, r, onlyBefore.ToImmutable(),
            [.. after.Units.Select(u => u.Code).Where(c => !used.Contains(c))], spearman);
    }

    /// <summary>The k rows with the largest |rank change|, largest first; ties by old unit code (ordinal); rows without a change are left out.</summary>
    /// <param name="k">How many, at least 0.</param>
    /// <returns>The rows.</returns>
    public ImmutableArray<UnitRankChange> MovedMost(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return [.. Rows.Where(r => !double.IsNaN(r.RankChange)).OrderByDescending(r => Math.Abs(r.RankChange)).ThenBy(r => r.UnitCode, StringComparer.Ordinal).Take(k)];
    }

    internal static string Signed(double x) => double.IsNaN(x) ? "-" : x > 0 ? "+" + AnalysisMath.Rank(x) : AnalysisMath.Rank(x);

    /// <summary>A Markdown summary (rank correlation, mean change, unmatched units), the units that moved most, then every unit by new rank.</summary>
    /// <param name="top">How many units to show under "moved most" (default 10).</param>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    public string ToMarkdown(int top = 10)
    {
        var sb = new StringBuilder();
        sb.Append("Comparison of `").Append(BeforeCode).Append("` (before) and `").Append(AfterCode).Append("` (after): ")
            .Append(AnalysisMath.Int(Rows.Length)).Append(" units matched, Spearman rank correlation ").Append(AnalysisMath.F(RankCorrelation.Coefficient, 3))
            .Append(", mean absolute rank change ").Append(AnalysisMath.F(MeanAbsoluteRankChange)).Append('.');
        if (!OnlyBefore.IsEmpty)
        {
            sb.Append("\nOnly before: ").Append(string.Join(", ", OnlyBefore)).Append('.');
        }

        if (!OnlyAfter.IsEmpty)
        {
            sb.Append("\nOnly after: ").Append(string.Join(", ", OnlyAfter)).Append('.');
        }

        sb.Append("\n\nMoved most\n\n");
        Table(sb, MovedMost(top));
        sb.Append("\n\nAll units\n\n");
        Table(sb, [.. Rows.OrderBy(r => double.IsNaN(r.RankAfter) ? double.PositiveInfinity : r.RankAfter).ThenBy(r => r.UnitCode, StringComparer.Ordinal)]);
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, ImmutableArray<UnitRankChange> rows)
    {
        sb.Append("| unit | name | score before | score after | rank before | rank after | change |\n|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            sb.Append("\n| ").Append(AnalysisMath.Md(r.UnitCode == r.AfterUnitCode ? r.UnitCode : r.UnitCode + " -> " + r.AfterUnitCode)).Append(" | ").Append(AnalysisMath.Md(r.Name))
                .Append(" | ").Append(AnalysisMath.F(r.ScoreBefore)).Append(" | ").Append(AnalysisMath.F(r.ScoreAfter))
                .Append(" | ").Append(AnalysisMath.Rank(r.RankBefore)).Append(" | ").Append(AnalysisMath.Rank(r.RankAfter)).Append(" | ").Append(Signed(r.RankChange)).Append(" |");
        }
    }

    /// <summary>CSV: <c>unit,name,after_unit,score_before,score_after,rank_before,rank_after,rank_change</c>; NaN is an empty cell.</summary>
    /// <returns>The invariant CSV text (LF, no trailing newline).</returns>
    public string ToCsv()
    {
        var records = new List<IReadOnlyList<string>> { CsvHeader };
        records.AddRange(Rows.Select(r => (IReadOnlyList<string>)[r.UnitCode, r.Name, r.AfterUnitCode, AnalysisMath.Num(r.ScoreBefore), AnalysisMath.Num(r.ScoreAfter), AnalysisMath.Num(r.RankBefore), AnalysisMath.Num(r.RankAfter), AnalysisMath.Num(r.RankChange)]));
        return AnalysisMath.Csv(records);
    }

    private static readonly string[] CsvHeader = ["unit", "name", "after_unit", "score_before", "score_after", "rank_before", "rank_after", "rank_change"];

    /// <summary>Formats as <c>ResultComparison a vs b: 63 units, rho 0.95, mean |change| 2.1</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ResultComparison {BeforeCode} vs {AfterCode}: {Rows.Length} units, rho {AnalysisMath.F(RankCorrelation.Coefficient, 3)}, mean |change| {AnalysisMath.F(MeanAbsoluteRankChange)}");
}
