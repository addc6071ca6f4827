using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// A published edition (<see cref="PublishedEdition"/>) side by side with an index result we computed for the same
/// year: per unit the published rank (and score where published), our rank and score, and the rank difference
/// (published - computed, positive = we rank the unit higher). Units published but not computed, and computed but
/// not published, are kept and marked (<see cref="PublishedComparisonStatus"/>); a published rank that is unknown stays
/// unknown, never estimated. Summary statistics are over the units with both ranks known: Spearman's rank correlation
/// (the two rank lists re-ranked over those units, ties sharing their average rank), the mean absolute rank difference,
/// and how many differ by at most <see cref="Tolerance"/> places. <see cref="MethodologyNote"/> states whether the
/// computed methodology is the edition's own (the open-data index of 2016 is not the official ICT Index, so
/// differences are expected). Immutable.
/// </summary>
public sealed class PublishedComparison
{
    /// <summary>The default tolerance of <see cref="WithinToleranceCount"/>: 5 places.</summary>
    public const int DefaultTolerance = 5;

    private PublishedComparison(PublishedEdition published, IndexResult computed, int tolerance, ImmutableArray<PublishedComparisonRow> rows, bool isEditionMethodology)
    {
        Published = published;
        ComputedCode = computed.Methodology.Code;
        ComputedName = computed.Methodology.Name;
        ComputedUnitCount = computed.Units.Length;
        Tolerance = tolerance;
        Rows = rows;
        IsEditionMethodology = isEditionMethodology;
        var pairs = rows.Where(r => !double.IsNaN(r.RankDifference)).ToList();
        RankCorrelation = AnalysisMath.Correlate(
            pairs.Select(r => (double)r.PublishedRank!.Value).ToArray(), pairs.Select(r => r.ComputedRank).ToArray(), CorrelationMethod.Spearman);
        MeanAbsoluteRankDifference = pairs.Count == 0 ? double.NaN : pairs.Average(r => Math.Abs(r.RankDifference));
        WithinToleranceCount = pairs.Count(r => Math.Abs(r.RankDifference) <= tolerance);
        RankedPairCount = pairs.Count;
    }

    /// <summary>Compares a published edition with a result computed for the same year.</summary>
    /// <param name="published">The published edition (for example <c>PublishedResults.Default.Edition("ict-index-2016")</c>).</param>
    /// <param name="computed">
    /// Our result. Its units are matched to the published rows by GSO code in the edition's geography, else by name
    /// through <see cref="ProvinceCatalog.Default"/>; a unit matched by neither is <see cref="PublishedComparisonStatus.ComputedOnly"/>
    /// under its own code. Ranks are those of the result's index (among all its units).
    /// </param>
    /// <param name="tolerance">The places within which a difference counts in <see cref="WithinToleranceCount"/> (|difference| &lt;= tolerance), at least 0.</param>
    /// <returns>The comparison. Rows: the published rows in file order (with the computed figures of their unit), then the computed units without a published row in computed rank order (unranked last, then by code).</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="published"/> or <paramref name="computed"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="tolerance"/> is negative.</exception>
    public static PublishedComparison Compare(PublishedEdition published, IndexResult computed, int tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var catalog = ProvinceCatalog.Default;
        var byProvince = new Dictionary<string, int>(StringComparer.Ordinal);
        var unmatched = new List<int>();
        for (var i = 0; i < computed.Units.Length; i++)
        {
            var unit = computed.Units[i];
            var code = catalog.TryGet(unit.Code, published.Geography, out var p) ? p.Code
                : catalog.TryMatch(unit.Name, published.Geography, out var q) ? q.Code
                : null;
            if (code is null || !byProvince.TryAdd(code, i))
            {
                unmatched.Add(i);
            }
        }

        var scores = computed.IndexScores.ToArray();
        var ranks = computed.Ranks(computed.IndexCode).ToArray();
        var rows = ImmutableArray.CreateBuilder<PublishedComparisonRow>();
        var used = new HashSet<int>();
        foreach (var entry in published.Entries)
        {
            if (byProvince.TryGetValue(entry.Province.Code, out var i))
            {
                used.Add(i);
                rows.Add(new PublishedComparisonRow(entry.Province.Code, entry.Province.NameVi, PublishedComparisonStatus.Both, entry, scores[i], ranks[i]));
            }
            else
            {
                rows.Add(new PublishedComparisonRow(entry.Province.Code, entry.Province.NameVi, PublishedComparisonStatus.PublishedOnly, entry, double.NaN, double.NaN));
            }
        }

        var rest = Enumerable.Range(0, computed.Units.Length).Where(i => !used.Contains(i))
            .OrderBy(i => double.IsNaN(ranks[i]) ? double.PositiveInfinity : ranks[i]).ThenBy(i => computed.Units[i].Code, StringComparer.Ordinal);
        foreach (var i in rest)
        {
            var unit = computed.Units[i];
            var code = unmatched.Contains(i) ? unit.Code
                : byProvince.First(kv => kv.Value == i).Key;
            rows.Add(new PublishedComparisonRow(code, unit.Name, PublishedComparisonStatus.ComputedOnly, null, scores[i], ranks[i]));
        }

        return new PublishedComparison(published, computed, tolerance, rows.ToImmutable(), IsMethodologyOf(published, computed.Methodology));
    }

    /// <summary>The published edition.</summary>
    public PublishedEdition Published { get; }

    /// <summary>The computed result's methodology code.</summary>
    public string ComputedCode { get; }

    /// <summary>The computed result's methodology name.</summary>
    public string ComputedName { get; }

    /// <summary>How many units the computed result has (its ranks are among them).</summary>
    public int ComputedUnitCount { get; }

    /// <summary>The tolerance of <see cref="WithinToleranceCount"/>, in places.</summary>
    public int Tolerance { get; }

    /// <summary>Every unit of either side (see <see cref="Compare"/> for the order).</summary>
    public ImmutableArray<PublishedComparisonRow> Rows { get; }

    /// <summary>
    /// Whether the computed methodology is the preset of the edition's own methodology (<see cref="PublishedEdition.PresetName"/>);
    /// false for any other methodology, such as the open-data index of 2016 against the ICT Index 2016.
    /// </summary>
    public bool IsEditionMethodology { get; }

    /// <summary>How many units have both a published and a computed rank (the units the statistics are over).</summary>
    public int RankedPairCount { get; }

    /// <summary>
    /// Spearman's rank correlation of the published and computed ranks over the <see cref="RankedPairCount"/> units with
    /// both (each list re-ranked over those units, ties sharing their average rank): 1 - 6 sum(d^2) / (n (n^2 - 1)) when
    /// there are no ties. NaN (with NaN p-value) when fewer than 2 pairs or either list is constant.
    /// </summary>
    public CorrelationEstimate RankCorrelation { get; }

    /// <summary>The mean of |published rank - computed rank| over the units with both; NaN when there are none.</summary>
    public double MeanAbsoluteRankDifference { get; }

    /// <summary>How many units with both ranks differ by at most <see cref="Tolerance"/> places; 0 when there are none.</summary>
    public int WithinToleranceCount { get; }

    /// <summary>Units published but not in the computed result, by code.</summary>
    public ImmutableArray<string> PublishedOnly => [.. Rows.Where(r => r.Status == PublishedComparisonStatus.PublishedOnly).Select(r => r.UnitCode)];

    /// <summary>Units computed but without a published row, by code.</summary>
    public ImmutableArray<string> ComputedOnly => [.. Rows.Where(r => r.Status == PublishedComparisonStatus.ComputedOnly).Select(r => r.UnitCode)];

    /// <summary>
    /// What the computed methodology is relative to the edition: the open-data index of 2016 says it is not the official
    /// ICT Index and differences are expected; the edition's own preset says it follows the published methodology as far as
    /// known; any other methodology says it is not the edition's.
    /// </summary>
    public string MethodologyNote =>
        ComputedCode == OpenReadiness2016.Methodology.Code
            ? OpenReadiness2016.Disclaimer + " Its ranks are set against the " + Published.Title + " as published: differences are expected and are no error of either."
            : IsEditionMethodology
                ? ComputedCode + " follows the " + Published.Title + " methodology as far as it was published (see the preset's stated unknowns); differences come from what it does not reproduce and from the data."
                : ComputedCode + " is not the methodology of the " + Published.Title + (Published.PresetName is { } p ? " (that is " + p + ")" : string.Empty) + ": differences are expected.";

    /// <summary>The summary in one sentence: pairs, Spearman's rho, mean absolute difference and the count within the tolerance.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{RankedPairCount} units with both ranks: Spearman rank correlation {AnalysisMath.F(RankCorrelation.Coefficient, 3)}, mean absolute rank difference {AnalysisMath.F(MeanAbsoluteRankDifference)}, {WithinToleranceCount} within ±{Tolerance} places.");

    /// <summary>
    /// Every row as a table (name <c>published-comparison</c>): <c>unit</c>, <c>name</c>, <c>status</c> (both, published
    /// only, computed only), <c>published_rank</c> (empty when unknown), <c>rank_as_published</c> (the rank cell when it
    /// is not a plain integer), <c>published_score</c> and <c>computed_score</c> (up to 4 decimals; the two scales may differ),
    /// <c>computed_rank</c>, <c>difference</c> (published - computed, positive = we rank higher, shown signed),
    /// <c>source</c>; NaN and unknown are empty. The notes give the methodology note, the summary, the two rank
    /// populations and the units of one side only.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            Published.Title + " as published and " + ComputedCode + " as computed",
            [TableColumn.Text("unit", "Unit"), TableColumn.Label("name", "Name"), TableColumn.Text("status", "Status"),
             TableColumn.Rank("published_rank", "Published rank"), TableColumn.Text("rank_as_published", "Rank as published"),
             TableColumn.Number("published_score", "Published score", NumberFormat.UpTo(4)), TableColumn.Number("computed_score", "Computed score", NumberFormat.UpTo(4)),
             TableColumn.Rank("computed_rank", "Computed rank"), TableColumn.Number("difference", "Difference", NumberFormat.UpTo(2)), TableColumn.Text("source", "Source")],
            "published-comparison");
        foreach (var r in Rows)
        {
            table.AddRow(r.UnitCode, r.UnitName, StatusText(r.Status),
                r.PublishedRank is { } pr ? pr : TableCell.Missing, r.Published?.RankText,
                r.PublishedScore is { } ps ? ps : TableCell.Missing, r.ComputedScore, r.ComputedRank,
                ResultComparison.SignedCell(r.RankDifference), r.Published is { } e ? string.Join(" ; ", e.Sources) : null);
        }

        foreach (var note in Notes())
        {
            table.AddNote(note);
        }

        return table.Build();
    }

    /// <summary>The notes of <see cref="ToTable"/>: methodology, summary, rank populations, sign, and the units of one side only.</summary>
    /// <returns>The notes, in order.</returns>
    public ImmutableArray<string> Notes()
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        notes.Add(MethodologyNote);
        notes.Add(Summary);
        notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Published ranks are among the {Published.RankedUnitCount} units the publisher ranked ({(Published.Entries.Length < Published.RankedUnitCount ? "only " + Published.Entries.Length.ToString(CultureInfo.InvariantCulture) + " rows are held: the record is partial" : "a row is held for each")}); computed ranks are among the {ComputedUnitCount} units of {ComputedCode}."));
        notes.Add("Difference = published rank - computed rank (positive = ranked higher by the computation); an unknown published rank stays unknown.");
        if (!PublishedOnly.IsEmpty)
        {
            notes.Add("Published only (not computed): " + string.Join(", ", PublishedOnly) + ".");
        }

        if (!ComputedOnly.IsEmpty)
        {
            notes.Add("Computed only (no published row): " + string.Join(", ", ComputedOnly) + ".");
        }

        return notes.ToImmutable();
    }

    /// <summary>Formats as <c>PublishedComparison ICT Index 2016 vs open_readiness_2016: 14 pairs, rho 0.512, mean |difference| 9.21</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"PublishedComparison {Published.Title} vs {ComputedCode}: {RankedPairCount} pairs, rho {AnalysisMath.F(RankCorrelation.Coefficient, 3)}, mean |difference| {AnalysisMath.F(MeanAbsoluteRankDifference)}");

    internal static string StatusText(PublishedComparisonStatus status) => status switch
    {
        PublishedComparisonStatus.Both => "both",
        PublishedComparisonStatus.PublishedOnly => "published only",
        _ => "computed only",
    };

    private static bool IsMethodologyOf(PublishedEdition published, Methodology methodology)
    {
        var preset = published.PresetName;
        if (preset is null)
        {
            return false;
        }

        return preset == VnIctIndex2006.PresetName
            ? methodology.Code == VnIctIndex2006.PresetName
            : PresetCatalog.Contains(preset) && PresetCatalog.Get(preset).Code == methodology.Code;
    }
}
