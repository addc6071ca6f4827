using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Two index results side by side (two editions, two methodologies, or the 63-province and 34-unit geographies through a
/// unit map): per unit the old and new index score and rank and the rank change (old - new, positive = moved up), the
/// Spearman correlation of the two rankings over the units ranked in both, and the units that moved most. Units of the
/// first result are matched to the second by code, or through a map (several old units may map to one new unit; each
/// old unit is then compared with it). Unmatched units are listed apart. Across Vietnam's 1 July 2025 reorganisation (63
/// provinces before, 34 units after) a 63-rank is not comparable with a 34-rank: <see cref="AcrossReorganisation"/>
/// carries the old data to the 34 units and recomputes the old index on them, and
/// <see cref="AcrossReorganisationByScores"/> averages the old scores (a cheaper approximation); both carry the
/// <see cref="RemapLog"/> that shows how each new unit was formed. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class ResultComparison
{
    private ResultComparison(string before, string after, ImmutableArray<UnitRankChange> rows, ImmutableArray<string> onlyBefore, ImmutableArray<string> onlyAfter, CorrelationEstimate spearman, ComparisonBasis basis = ComparisonBasis.SameUnits, RemapLog? remap = null)
    {
        Basis = basis;
        Remap = remap;
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

    /// <summary>How the units were put side by side.</summary>
    public ComparisonBasis Basis { get; }

    /// <summary>How each of the 34 units was formed from the 63 (<see cref="ComparisonBasis.RemappedData"/> and <see cref="ComparisonBasis.AveragedScores"/>); null for <see cref="ComparisonBasis.SameUnits"/>.</summary>
    public RemapLog? Remap { get; }

    /// <summary>One row per matched unit, in the first result's unit order (for a reorganisation, the 34 units in GSO code order).</summary>
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
        var scores = before.IndexScores;
        var ranks = before.Ranks(before.IndexCode);
        var sides = new (Unit Unit, double Score, double Rank)[before.Units.Length];
        for (var i = 0; i < sides.Length; i++)
        {
            sides[i] = (before.Units[i], scores[i], ranks[i]);
        }

        return Build(before.Methodology.Code, sides, after, unitMap, ComparisonBasis.SameUnits, null);
    }

    /// <summary>
    /// Compares an edition computed on the 63 provinces (before 1 July 2025) with one on the 34 units after, exactly:
    /// the before data are carried to the 34 units with <see cref="BoundaryRemapper.Remap"/> as <paramref name="plan"/>
    /// says (counts summed, rates weighted by their denominators...), the before methodology is recomputed on the 34
    /// units (<see cref="IndexCalculator.Compute"/>: min-max bounds, ranks and all from the new geography), and the two
    /// 34-unit results are compared code by code (2025 GSO codes). Rank changes are thus between two 34-unit rankings.
    /// The remap log (<see cref="Remap"/>) shows the predecessors of each new unit and any missing or partial value.
    /// A new unit whose predecessors are all absent from <paramref name="before63"/> has no before score (NaN) under
    /// the plan's missing-value policy.
    /// </summary>
    /// <param name="beforeMethodology">The methodology of the before edition.</param>
    /// <param name="before63">The before data; unit codes are 2016 GSO codes (all 63 or some). It may hold extra columns, such as weights for the plan.</param>
    /// <param name="plan">A remap rule for every column of <paramref name="before63"/> (see <see cref="RemapPlan.Defaults(Dataset, Framework, string?, IEnumerable{KeyValuePair{string, RemapRule}}?)"/>).</param>
    /// <param name="after34">The after result, on the 34 units (2025 GSO codes).</param>
    /// <param name="catalog">The catalogue giving the succession, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The comparison, with <see cref="Basis"/> <see cref="ComparisonBasis.RemappedData"/>.</returns>
    /// <exception cref="Errors.ValidationException">When the remap fails (see <see cref="BoundaryRemapper.Remap"/>) or the remapped data do not fit the methodology.</exception>
    /// <exception cref="Errors.CalculationException">When the before index cannot be computed on the 34 units.</exception>
    /// <exception cref="ValidationException">(<see cref="ProblemCode.UnknownValue"/>) When a unit code of <paramref name="after34"/> is not a 2025 GSO code.</exception>
    public static ResultComparison AcrossReorganisation(Methodology beforeMethodology, Dataset before63, RemapPlan plan, IndexResult after34, ProvinceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(beforeMethodology);
        ArgumentNullException.ThrowIfNull(before63);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(after34);
        var remapped = BoundaryRemapper.Remap(before63, plan, catalog);
        var before34 = IndexCalculator.Compute(beforeMethodology, remapped.Dataset);
        var sides = new (Unit Unit, double Score, double Rank)[before34.Units.Length];
        for (var i = 0; i < sides.Length; i++)
        {
            sides[i] = (before34.Units[i], before34.IndexScores[i], before34.Ranks(before34.IndexCode)[i]);
        }

        return Build(beforeMethodology.Code, RequireOverlap(sides, after34, catalog), after34, null, ComparisonBasis.RemappedData, remapped.Log);
    }

    /// <summary>
    /// Compares an edition on the 63 provinces with one on the 34 units from published scores alone, as an
    /// approximation: each new unit's before score is the plain mean of its predecessors' index scores (the DTI 2024
    /// rule, <see cref="BoundaryRemapper.RemapScores(Dataset, RemapMissingPolicy, ProvinceCatalog?)"/>), the 34 means
    /// are ranked with the before methodology's tie policy (NaN unranked), and the rankings are compared code by code.
    /// It is exact only when the index is linear in values that average across a merger and its normalisation does not
    /// depend on the set of units; with min-max or z-scores, population-weighted rates or sums of counts it is not:
    /// prefer <see cref="AcrossReorganisation"/> when the before data are at hand.
    /// </summary>
    /// <param name="before63">The before result on 2016 units (all 63 or some).</param>
    /// <param name="after34">The after result, on the 34 units (2025 GSO codes).</param>
    /// <param name="missingPolicy">When a predecessor has no score: the new unit's score is missing (default) or the mean of those present.</param>
    /// <param name="catalog">The catalogue giving the succession, or null for <see cref="ProvinceCatalog.Default"/>.</param>
    /// <returns>The comparison, with <see cref="Basis"/> <see cref="ComparisonBasis.AveragedScores"/>.</returns>
    /// <exception cref="Errors.ValidationException">When a unit code of <paramref name="before63"/> is not a 2016 code.</exception>
    /// <exception cref="ValidationException">(<see cref="ProblemCode.UnknownValue"/>) When a unit code of <paramref name="after34"/> is not a 2025 GSO code.</exception>
    public static ResultComparison AcrossReorganisationByScores(IndexResult before63, IndexResult after34, RemapMissingPolicy missingPolicy = RemapMissingPolicy.Propagate, ProvinceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(before63);
        ArgumentNullException.ThrowIfNull(after34);
        var scores = Dataset.FromColumns(before63.Units, [KeyValuePair.Create(before63.IndexCode, before63.IndexScores.ToArray())]);
        var remapped = BoundaryRemapper.RemapScores(scores, missingPolicy, catalog);
        var data = remapped.Dataset;
        var means = data.Column(0).ToArray();
        var ranks = Ranker.Rank(means, before63.Methodology.Ties, [.. data.Units.Select(u => u.Code)]);
        var sides = new (Unit Unit, double Score, double Rank)[data.UnitCount];
        for (var i = 0; i < sides.Length; i++)
        {
            sides[i] = (data.Units[i], means[i], ranks[i]);
        }

        return Build(before63.Methodology.Code, RequireOverlap(sides, after34, catalog), after34, null, ComparisonBasis.AveragedScores, remapped.Log);
    }

    private static (Unit Unit, double Score, double Rank)[] RequireOverlap((Unit Unit, double Score, double Rank)[] sides, IndexResult after34, ProvinceCatalog? catalog)
    {
        var codes2025 = (catalog ?? ProvinceCatalog.Default).Provinces(ProvinceGeography.Provinces2025).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var foreign = after34.Units.Select(u => u.Code).Where(c => !codes2025.Contains(c)).ToList();
        return foreign.Count == 0
            ? sides
            : throw new ValidationException("comparison across the 2025 reorganisation", ValidationReport.Of([
                new ValidationProblem(ProblemCode.UnknownValue,
                    new ProblemText("Compare_Not2025", foreign.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? ", ..." : string.Empty)))
                {
                    UnitCode = foreign[0], ExpectedText = new ProblemText("Compare_ExpectedGso2025"), Found = foreign[0],
                },
            ]));
    }

    private static ResultComparison Build(string beforeCode, (Unit Unit, double Score, double Rank)[] before, IndexResult after, IReadOnlyDictionary<string, string>? unitMap, ComparisonBasis basis, RemapLog? log)
    {
        var afterCodes = after.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var rows = ImmutableArray.CreateBuilder<UnitRankChange>();
        var onlyBefore = ImmutableArray.CreateBuilder<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (unit, score, rank) in before)
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
            rows.Add(new UnitRankChange(unit.Code, unit.Name, target, score, after.Score(target), rank, after.Rank(target)));
        }

        var r = rows.ToImmutable();
        var spearman = AnalysisMath.Correlate(r.Select(x => x.RankBefore).ToArray(), r.Select(x => x.RankAfter).ToArray(), CorrelationMethod.Spearman);
        return new ResultComparison(beforeCode, after.Methodology.Code, r, onlyBefore.ToImmutable(),
            [.. after.Units.Select(u => u.Code).Where(c => !used.Contains(c))], spearman, basis, log);
    }

    /// <summary>The k rows with the largest |rank change|, largest first; ties by old unit code (ordinal); rows without a change are left out.</summary>
    /// <param name="k">How many, at least 0.</param>
    /// <returns>The rows.</returns>
    public ImmutableArray<UnitRankChange> MovedMost(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return [.. Rows.Where(r => !double.IsNaN(r.RankChange) && r.RankChange != 0).OrderByDescending(r => Math.Abs(r.RankChange)).ThenBy(r => r.UnitCode, StringComparer.Ordinal).Take(k)];
    }

    internal static string Signed(double x) => double.IsNaN(x) ? "-" : x > 0 ? "+" + AnalysisMath.Rank(x) : AnalysisMath.Rank(x);

    /// <summary>A Markdown summary (rank correlation, mean change, the basis across a reorganisation, unmatched units), the units that moved most, every unit by new rank, and (across a reorganisation) how each new unit was formed.</summary>
    /// <param name="top">How many units to show under "moved most" (default 10).</param>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown(int top = 10)
    {
        var sb = new StringBuilder();
        sb.Append("Comparison of ").Append(Internal.MarkdownText.Code(BeforeCode)).Append(" (before) and ").Append(Internal.MarkdownText.Code(AfterCode)).Append(" (after): ")
            .Append(AnalysisMath.Int(Rows.Length)).Append(" units matched, Spearman rank correlation ").Append(AnalysisMath.F(RankCorrelation.Coefficient, 3))
            .Append(", mean absolute rank change ").Append(AnalysisMath.F(MeanAbsoluteRankChange)).Append('.');
        if (Basis == ComparisonBasis.RemappedData)
        {
            sb.Append("\nThe before data were carried to the 34 units of 1 July 2025 and the before index recomputed on them; both rankings are of the 34 units.");
        }
        else if (Basis == ComparisonBasis.AveragedScores)
        {
            sb.Append("\nApproximation: each of the 34 units of 1 July 2025 has the mean of its predecessors' before scores, ranked among the 34 (the index was not recomputed).");
        }

        if (!OnlyBefore.IsEmpty)
        {
            sb.Append("\nOnly before: ").Append(string.Join(", ", OnlyBefore.Select(AnalysisMath.Md))).Append('.');
        }

        if (!OnlyAfter.IsEmpty)
        {
            sb.Append("\nOnly after: ").Append(string.Join(", ", OnlyAfter.Select(AnalysisMath.Md))).Append('.');
        }

        sb.Append("\n\nMoved most\n\n");
        AppendGrid(sb, MovedMost(top));
        sb.Append("\n\nAll units\n\n");
        AppendGrid(sb, [.. Rows.OrderBy(r => double.IsNaN(r.RankAfter) ? double.PositiveInfinity : r.RankAfter).ThenBy(r => r.UnitCode, StringComparer.Ordinal)]);
        if (Remap is { } log)
        {
            sb.Append("\n\nHow the 34 units were formed\n\n").Append(log.ToMarkdown());
        }

        return sb.ToString();
    }

    /// <summary>The Markdown grid of some rows: the unit (with its new code when it changed), name, scores, ranks, signed change.</summary>
    private static void AppendGrid(StringBuilder sb, ImmutableArray<UnitRankChange> rows)
    {
        var score = NumberFormat.Fixed(2);
        var table = new TableBuilder(
            string.Empty,
            [TableColumn.Label("unit", "unit"), TableColumn.Text("name", "name"), TableColumn.Number("score_before", "score before", score), TableColumn.Number("score_after", "score after", score),
             TableColumn.Rank("rank_before", "rank before"), TableColumn.Rank("rank_after", "rank after"), TableColumn.Number("rank_change", "change", NumberFormat.UpTo(2))]);
        foreach (var r in rows)
        {
            table.AddRow(r.UnitCode == r.AfterUnitCode ? r.UnitCode : r.UnitCode + " -> " + r.AfterUnitCode, r.Name, r.ScoreBefore, r.ScoreAfter, r.RankBefore, r.RankAfter, SignedCell(r.RankChange));
        }

        sb.Append(table.Build().ToMarkdownGrid());
    }

    /// <summary>A rank change as a cell: the number, shown with a plus sign when positive (CSV keeps the number).</summary>
    internal static TableCell SignedCell(double x) => x > 0 ? TableCell.Number(x).WithDisplay(Signed(x)) : TableCell.Number(x);

    /// <summary>CSV: <c>unit,name,after_unit,score_before,score_after,rank_before,rank_after,rank_change</c>; NaN is an empty cell.</summary>
    /// <returns>The invariant CSV text (LF, no trailing newline): <see cref="ToTable"/> as CSV.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) => ToTable().ToCsv(new TableRenderOptions(injection: injection)).TrimEnd('\n');

    /// <summary>
    /// Every matched unit as a table (name <c>result-comparison</c>), in <see cref="Rows"/> order: <c>unit</c> (old
    /// code), <c>name</c>, <c>after_unit</c> (the code compared with), <c>score_before</c> and <c>score_after</c> (2
    /// decimals), <c>rank_before</c>, <c>rank_after</c> and <c>rank_change</c> (old - new, positive = moved up, shown
    /// with its sign); NaN is missing. The notes give the rank correlation, the mean absolute change, the basis and the
    /// unmatched units.
    /// </summary>
    /// <returns>The table; <see cref="ToCsv"/> is its CSV.</returns>
    public Table ToTable()
    {
        var score = NumberFormat.Fixed(2);
        var table = new TableBuilder(
            "Comparison of " + BeforeCode + " (before) and " + AfterCode + " (after)",
            [TableColumn.Text("unit", "Unit"), TableColumn.Label("name", "Name"), TableColumn.Text("after_unit", "After unit"), TableColumn.Number("score_before", "Score before", score),
             TableColumn.Number("score_after", "Score after", score), TableColumn.Rank("rank_before", "Rank before"), TableColumn.Rank("rank_after", "Rank after"),
             TableColumn.Number("rank_change", "Change", NumberFormat.UpTo(2))],
            "result-comparison");
        foreach (var r in Rows)
        {
            table.AddRow(r.UnitCode, r.Name, r.AfterUnitCode, r.ScoreBefore, r.ScoreAfter, r.RankBefore, r.RankAfter, SignedCell(r.RankChange));
        }

        table.AddNote(AnalysisMath.Int(Rows.Length) + " units matched, Spearman rank correlation " + AnalysisMath.F(RankCorrelation.Coefficient, 3) + ", mean absolute rank change " + AnalysisMath.F(MeanAbsoluteRankChange) + ".");
        table.AddNote(Basis switch
        {
            ComparisonBasis.RemappedData => "The before data were carried to the 34 units of 1 July 2025 and the before index recomputed on them; both rankings are of the 34 units.",
            ComparisonBasis.AveragedScores => "Approximation: each of the 34 units of 1 July 2025 has the mean of its predecessors' before scores, ranked among the 34 (the index was not recomputed).",
            _ => string.Empty,
        });
        if (!OnlyBefore.IsEmpty)
        {
            table.AddNote("Only before: " + string.Join(", ", OnlyBefore) + ".");
        }

        if (!OnlyAfter.IsEmpty)
        {
            table.AddNote("Only after: " + string.Join(", ", OnlyAfter) + ".");
        }

        return table.Build();
    }

    /// <summary>Formats as <c>ResultComparison a vs b: 63 units, rho 0.95, mean |change| 2.1</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ResultComparison {BeforeCode} vs {AfterCode}: {Rows.Length} units, rho {AnalysisMath.F(RankCorrelation.Coefficient, 3)}, mean |change| {AnalysisMath.F(MeanAbsoluteRankChange)}");
}
