using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Uncertainty;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// The statistical audit of an index in one object, following the JRC's audits and the OECD/JRC Handbook: data
/// coverage (missing values per indicator and per unit), indicator statistics and flags (<see cref="StatisticsTable"/>
/// on the raw framework indicators), correlations with p-values and their flags (<see cref="CorrelationTable.FromResult"/>),
/// Cronbach's alpha and PCA (first component's share of variance) of every aggregate's children, leave-one-out rank
/// shifts and the added value of the index over its pillars. <see cref="Findings"/> states every flag in plain
/// language; the rules: an alpha below <see cref="AlphaThreshold"/> (0.7); more than one eigenvalue above 1 in a node's
/// PCA (Kaiser's rule: the children measure more than one thing); every statistics and correlation flag. When asked
/// (<see cref="WithUncertainty"/>), it also carries an uncertainty analysis and states three more findings: units whose
/// 90% rank interval (5th to 95th percentile rank) is wider than <see cref="WideRankIntervalThreshold"/> places; whether
/// the nominal top <see cref="StableTopCount"/> are stable (every one of them has its 95th percentile rank within the top
/// <see cref="StableTopCount"/>); and units whose nominal rank lies outside their 90% interval. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class AuditReport
{
    /// <summary>The alpha below which a node's internal consistency is flagged (0.7, the usual rule of thumb).</summary>
    public const double AlphaThreshold = 0.7;

    /// <summary>The width of the 90% rank interval (95th minus 5th percentile rank) above which a unit's rank is flagged as uncertain: 10 places.</summary>
    public const double WideRankIntervalThreshold = 10;

    /// <summary>How many leading units the stability finding checks: the nominal top 3.</summary>
    public const int StableTopCount = 3;

    /// <summary>How many units the uncertainty table of <see cref="ToMarkdown()"/> lists, widest 90% rank interval first: 10.</summary>
    public const int UncertaintyTableRows = 10;

    private AuditReport() => Findings = [];

    /// <summary>The result audited.</summary>
    public IndexResult Result { get; private init; } = null!;

    /// <summary>Each unit's coverage of the framework's indicators, in dataset order.</summary>
    public ImmutableArray<UnitCoverage> Coverage { get; private init; }

    /// <summary>The raw framework indicators' statistics and flags (missing values per indicator included).</summary>
    public StatisticsTable Statistics { get; private init; } = null!;

    /// <summary>The correlations of every node of the result, with node-parent correlations and flags.</summary>
    public CorrelationTable Correlations { get; private init; } = null!;

    /// <summary>Cronbach's alpha of every aggregate's children, in result node order.</summary>
    public ImmutableArray<CronbachAlpha> Alphas { get; private init; }

    /// <summary>PCA of every aggregate with at least two children where it could be computed, in result node order.</summary>
    public ImmutableArray<PcaWeights> Pca { get; private init; }

    /// <summary>Aggregates whose PCA could not be computed, with the reason (for example a constant child or too few complete rows).</summary>
    public ImmutableArray<KeyValuePair<string, string>> PcaProblems { get; private init; }

    /// <summary>The reasons of <see cref="PcaProblems"/> as resource texts, by node (for the findings in other languages).</summary>
    private ImmutableDictionary<string, Internal.Localization.ProblemText> PcaProblemTexts { get; init; } = ImmutableDictionary<string, Internal.Localization.ProblemText>.Empty;

    /// <summary>Leave-one-out rank shifts of every indicator and aggregate.</summary>
    public LeaveOneOut LeaveOneOut { get; private init; } = null!;

    /// <summary>The added value of the index over each pillar (10 ranks).</summary>
    public AddedValue AddedValue { get; private init; } = null!;

    /// <summary>The uncertainty analysis carried by the audit (see <see cref="WithUncertainty"/>), or null when none was asked for.</summary>
    public UncertaintyResult? Uncertainty { get; private init; }

    /// <summary>Every flag, as a plain-language sentence, in report order.</summary>
    public ImmutableArray<string> Findings { get; private set; }

    /// <summary>Audits an index: compiles and runs it, then computes every part of the audit.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The raw data.</param>
    /// <param name="method">The correlation coefficient (default Pearson).</param>
    /// <returns>The audit.</returns>
    /// <exception cref="ValidationException">When the dataset does not fit the methodology.</exception>
    /// <exception cref="CalculationException">When the index cannot be computed.</exception>
    public static AuditReport Create(Methodology methodology, Dataset dataset, CorrelationMethod method = CorrelationMethod.Pearson)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        var compiled = IndexCalculator.Compile(methodology, dataset);
        var result = compiled.Run();
        var fw = methodology.Framework;
        var codes = fw.Indicators.Select(d => d.Code).ToArray();
        var coverage = dataset.Units.Select((u, i) => new UnitCoverage(u, codes.Count(c => double.IsNaN(dataset[i, dataset.IndexOfIndicator(c)])), codes.Length)).ToImmutableArray();
        var stats = StatisticsTable.Compute(dataset, null, codes);
        var correlations = CorrelationTable.FromResult(result, method);
        var alphas = CronbachAlpha.ForEveryNode(result);
        var pca = ImmutableArray.CreateBuilder<PcaWeights>();
        var pcaProblems = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        var pcaProblemTexts = ImmutableDictionary.CreateBuilder<string, Internal.Localization.ProblemText>(StringComparer.Ordinal);
        foreach (var node in result.NodeCodes.Where(c => !fw[c].IsIndicator && fw.Children(c).Count() >= 2))
        {
            try
            {
                pca.Add(PcaWeights.FromResult(result, node));
            }
            catch (CalculationException e)
            {
                pcaProblems.Add(KeyValuePair.Create(node, e.Message));
                pcaProblemTexts[node] = e.Text;
            }
        }

        var report = new AuditReport
        {
            Result = result,
            Coverage = coverage,
            Statistics = stats,
            Correlations = correlations,
            Alphas = alphas,
            Pca = pca.ToImmutable(),
            PcaProblems = pcaProblems.ToImmutable(),
            PcaProblemTexts = pcaProblemTexts.ToImmutable(),
            LeaveOneOut = LeaveOneOut.Compute(compiled),
            AddedValue = AddedValue.Compute(result),
        };
        report.Findings = FindingsOf(report, CultureInfo.InvariantCulture);
        return report;
    }

    /// <summary>
    /// Returns a copy of the audit that carries an uncertainty analysis of the same index: its findings gain the
    /// uncertainty findings (see the type's summary) and <see cref="ToMarkdown()"/> an "Uncertainty" section.
    /// </summary>
    /// <param name="uncertainty">An uncertainty analysis (<see cref="UncertaintyAnalysis.Run"/>) of the audited methodology on the same units.</param>
    /// <returns>The audit with the uncertainty results; this audit is unchanged.</returns>
    /// <exception cref="ArgumentException">When the analysis is of another methodology (code) or other units (codes in the same order).</exception>
    public AuditReport WithUncertainty(UncertaintyResult uncertainty)
    {
        ArgumentNullException.ThrowIfNull(uncertainty);
        if (!string.Equals(uncertainty.Nominal.Methodology.Code, Result.Methodology.Code, StringComparison.Ordinal)
            || !uncertainty.Nominal.Units.Select(u => u.Code).SequenceEqual(Result.Units.Select(u => u.Code), StringComparer.Ordinal))
        {
            throw new ArgumentException("The uncertainty analysis is not of the audited methodology and units.", nameof(uncertainty));
        }

        var report = new AuditReport
        {
            Result = Result,
            Coverage = Coverage,
            Statistics = Statistics,
            Correlations = Correlations,
            Alphas = Alphas,
            Pca = Pca,
            PcaProblems = PcaProblems,
            PcaProblemTexts = PcaProblemTexts,
            LeaveOneOut = LeaveOneOut,
            AddedValue = AddedValue,
            Uncertainty = uncertainty,
        };
        report.Findings = FindingsOf(report, CultureInfo.InvariantCulture);
        return report;
    }

    private static IEnumerable<UnitRankStatistics> RankedStatistics(UncertaintyResult u) =>
        u.Units.Where(s => !double.IsNaN(s.NominalRank) && !double.IsNaN(s.Q05Rank) && !double.IsNaN(s.Q95Rank));

    private static string Interval(UnitRankStatistics s, CultureInfo c) => Txt(c, "Audit_IntervalTo", RankIn(s.Q05Rank, c), RankIn(s.Q95Rank, c));

    private static string Names(IEnumerable<string> items, CultureInfo c, int max = 10)
    {
        var list = items.ToList();
        return list.Count <= max ? string.Join(", ", list) : Txt(c, "Audit_AndMore", string.Join(", ", list.Take(max)), IntIn(list.Count - max, c));
    }

    internal static string Txt(CultureInfo c, string key, params object?[] args) => Internal.Localization.Strings.Format(c, key, args);

    internal static string IntIn(int x, CultureInfo c) => x.ToString(c);

    internal static string FIn(double x, CultureInfo c, int decimals = 2) => double.IsNaN(x) ? "-" : x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), c);

    internal static string RankIn(double r, CultureInfo c) => double.IsNaN(r) ? "-" : r.ToString("0.##", c);

    internal static IEnumerable<string> UncertaintyFindings(UncertaintyResult u, CultureInfo c)
    {
        var ranked = RankedStatistics(u).ToList();
        var wide = ranked.Where(s => s.Q95Rank - s.Q05Rank > WideRankIntervalThreshold)
            .OrderByDescending(s => s.Q95Rank - s.Q05Rank).ThenBy(s => s.Unit.Code, StringComparer.Ordinal).ToList();
        var threshold = WideRankIntervalThreshold.ToString("0.##", c);
        yield return wide.Count == 0
            ? Txt(c, "Audit_Unc_NoWide", threshold, IntIn(u.Options.Runs, c))
            : Txt(c, "Audit_Unc_Wide", IntIn(wide.Count, c), IntIn(ranked.Count, c), threshold, Names(wide.Select(s => s.Unit.Name + " (" + Interval(s, c) + ")"), c));
        var top = ranked.Where(s => s.NominalRank <= StableTopCount).OrderBy(s => s.NominalRank).ThenBy(s => s.Unit.Code, StringComparer.Ordinal).ToList();
        if (top.Count > 0)
        {
            var leaving = top.Where(s => s.Q95Rank > StableTopCount).ToList();
            var k = IntIn(StableTopCount, c);
            yield return leaving.Count == 0
                ? Txt(c, "Audit_Unc_Stable", k, Names(top.Select(s => s.Unit.Name), c))
                : Txt(c, "Audit_Unc_Unstable", k, Names(leaving.Select(s => s.Unit.Name + " (" + Txt(c, "Audit_Unc_Interval90", Interval(s, c)) + ")"), c));
        }

        var outside = ranked.Where(s => s.NominalRank < s.Q05Rank || s.NominalRank > s.Q95Rank).OrderBy(s => s.NominalRank).ThenBy(s => s.Unit.Code, StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
        {
            yield return Txt(c, "Audit_Unc_Outside", IntIn(outside.Count, c), Names(outside.Select(s => s.Unit.Name + " (" + Txt(c, "Audit_Unc_NominalInterval", RankIn(s.NominalRank, c), Interval(s, c)) + ")"), c));
        }
    }

    private static ImmutableArray<string> FindingsOf(AuditReport r, CultureInfo c)
    {
        var f = new List<string>();
        foreach (var s in r.Statistics.Rows)
        {
            if (s.LowAvailability)
            {
                f.Add(Txt(c, "Audit_Finding_LowAvailability", s.IndicatorCode, IntIn(s.MissingCount, c), IntIn(s.UnitCount, c), Pct(1 - s.Availability, c), Pct(1 - r.Statistics.Thresholds.Availability, c)));
            }

            if (s.FailsSkewKurtosis)
            {
                f.Add(Txt(c, "Audit_Finding_Skewed", s.IndicatorCode, FIn(s.Skewness, c), FIn(s.Kurtosis, c)));
            }

            if (s.HighZeroShare)
            {
                f.Add(Txt(c, "Audit_Finding_Zeros", s.IndicatorCode, Pct(s.ZeroShare, c)));
            }

            foreach (var other in s.CollinearWith.Where(o => string.CompareOrdinal(s.IndicatorCode, o) < 0))
            {
                f.Add(Txt(c, "Audit_Finding_Collinear", s.IndicatorCode, other));
            }
        }

        var partial = r.Coverage.Where(x => x.Missing > 0).ToArray();
        if (partial.Length > 0)
        {
            f.Add(Txt(c, "Audit_Finding_PartialUnits", IntIn(partial.Length, c), IntIn(r.Coverage.Length, c)));
        }

        f.AddRange(r.Correlations.Flags.Select(x => x.DescribeIn(c)));
        foreach (var a in r.Alphas.Where(a => a.Alpha < AlphaThreshold))
        {
            f.Add(Txt(c, "Audit_Finding_LowAlpha", a.NodeCode, FIn(a.Alpha, c), FIn(AlphaThreshold, c, 1)));
        }

        foreach (var p in r.Pca.Where(p => p.Eigenvalues.Count(e => e > 1) > 1))
        {
            f.Add(Txt(c, "Audit_Finding_Pca", p.NodeCode, IntIn(p.Eigenvalues.Count(e => e > 1), c), Pct(p.VarianceExplained[0], c)));
        }

        foreach (var p in r.PcaProblems)
        {
            f.Add(Txt(c, "Audit_Finding_PcaProblem", p.Key, r.PcaProblemTexts.TryGetValue(p.Key, out var text) ? text.Render(c) : p.Value));
        }

        if (r.Uncertainty is { } u)
        {
            f.AddRange(UncertaintyFindings(u, c));
        }

        return [.. f];
    }

    /// <summary>
    /// The findings in <paramref name="culture"/>: the same flags, in the same order, as
    /// <see cref="Findings"/> (which is English with invariant numbers), stated in that language with its number format
    /// (Vietnamese with <c>vi-VN</c>: <c>độ lệch 2,31</c>). Codes stay as given, in backticks.
    /// </summary>
    /// <param name="culture">The culture of the sentences.</param>
    /// <returns>The findings; empty when no flag was raised.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="culture"/> is null.</exception>
    public ImmutableArray<string> FindingsIn(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Equals(CultureInfo.InvariantCulture) ? Findings : FindingsOf(this, culture);
    }

    internal static string Pct(double share, CultureInfo c) => double.IsNaN(share) ? "-" : (100 * share).ToString("0.0", c) + "%";

    /// <summary>
    /// The audit as a Markdown document: title and description, a summary (every finding, plus the largest
    /// leave-one-out shift and the added value in words), then one section per part, ending with an "Uncertainty"
    /// section (runs, factors varied, findings, and the <see cref="UncertaintyTableRows"/> units with the widest 90% rank
    /// interval with their nominal and median ranks) when the audit carries an uncertainty analysis.
    /// </summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var m = Result.Methodology;
        var fw = m.Framework;
        var sb = new StringBuilder();
        sb.Append("# Statistical audit: ").Append(AnalysisMath.Md(m.Name)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            sb.Append(AnalysisMath.Md(m.Description)).Append("\n\n");
        }

        sb.Append(AnalysisMath.Int(Result.Units.Length)).Append(" units, ").Append(AnalysisMath.Int(fw.Indicators.Length)).Append(" indicators, ")
            .Append(AnalysisMath.Int(fw.Aggregates.Length)).Append(" aggregates, ").Append(AnalysisMath.Int(fw.MaxLevel)).Append(" levels.\n\n## Summary\n\n");
        sb.Append(Findings.IsEmpty ? "No flags were raised." : string.Join("\n", Findings.Select(x => "- " + Internal.MarkdownText.Sentence(x))));
        var top = LeaveOneOut.Rows.Where(x => !double.IsNaN(x.MeanAbsoluteShift)).OrderByDescending(x => x.MeanAbsoluteShift).FirstOrDefault();
        if (top is not null)
        {
            sb.Append("\n\nRemoving ").Append(Internal.MarkdownText.Code(top.RemovedCode)).Append(" moves units most: by ").Append(AnalysisMath.F(top.MeanAbsoluteShift))
                .Append(" places on average (at most ").Append(AnalysisMath.Rank(top.MaxAbsoluteShift)).Append(").");
        }

        foreach (var a in AddedValue.Rows)
        {
            sb.Append("\nThe index rank differs by ").Append(AddedValue.Threshold.ToString("0.##", CultureInfo.InvariantCulture)).Append(" places or more from the ")
                .Append(Internal.MarkdownText.Code(a.NodeCode)).Append(" rank for ").Append(Pct(a.Share, CultureInfo.InvariantCulture)).Append(" of units.");
        }

        sb.Append("\n\n## Coverage\n\n").Append(CoverageTable().ToMarkdownGrid());

        var partial = Coverage.Where(c => c.Missing > 0).ToArray();
        sb.Append("\n\nUnits with missing indicators: ").Append(partial.Length == 0 ? "none." : string.Join(", ", partial.Select(c => AnalysisMath.Md(c.Unit.ToString()) + " (" + AnalysisMath.Int(c.Missing) + ")")) + ".");
        sb.Append("\n\n## Indicator statistics (raw data)\n\n").Append(Statistics.ToMarkdown());
        sb.Append("\n\n## Correlations (").Append(Correlations.Method.ToString()).Append(", normalised indicators and aggregate scores)\n\n").Append(Correlations.NodeTableMarkdown());
        sb.Append("\n\n").Append(Correlations.FlagsMarkdown());
        sb.Append("\n\n## Internal consistency\n\n").Append(ConsistencyTable().ToMarkdownGrid());
        sb.Append("\n\n## Principal components\n\n").Append(PcaTable().ToMarkdownGrid());

        sb.Append("\n\n## Leave one out\n\n").Append(LeaveOneOut.ToMarkdown());
        sb.Append("\n\n## Added value of the index\n\n").Append(AddedValue.ToMarkdown());
        if (Uncertainty is { } u)
        {
            AppendUncertainty(sb, u);
        }

        return sb.ToString();
    }

    private static void AppendUncertainty(StringBuilder sb, UncertaintyResult u)
    {
        sb.Append("\n\n## Uncertainty\n\n").Append(AnalysisMath.Int(u.Options.Runs)).Append(" runs (").Append(Sampler.Name(u.Options.Sampler))
            .Append(" sampling, seed ").Append(u.Options.Seed.ToString(CultureInfo.InvariantCulture)).Append("); factors varied: ").Append(Internal.MarkdownText.Sentence(string.Join("; ", u.Factors)))
            .Append(".\nMean absolute rank shift against the nominal ranking: ").Append(AnalysisMath.F(u.MeanAbsoluteRankShift)).Append(" places.\n");
        if (!u.Failures.IsEmpty)
        {
            sb.Append(Internal.MarkdownText.Sentence(u.FailureSummary)).Append(".\n");
        }

        sb.Append('\n');
        foreach (var finding in UncertaintyFindings(u, CultureInfo.InvariantCulture))
        {
            sb.Append("- ").Append(Internal.MarkdownText.Sentence(finding)).Append('\n');
        }

        sb.Append("\nThe ").Append(AnalysisMath.Int(UncertaintyTableRows)).Append(" units with the widest 90% rank interval (5th to 95th percentile rank):\n\n")
            .Append(WidestIntervalsTable(u).ToMarkdownGrid());
    }

    /// <summary>
    /// The audit's parts as named tables, in report order: <c>audit-coverage</c> (missing values and availability per
    /// indicator), <c>statistics</c> (<see cref="StatisticsTable.ToTable"/>), <c>node-correlations</c>
    /// (<see cref="CorrelationTable.ToNodeTable"/>), <c>audit-alpha</c> (Cronbach's alpha per aggregate), <c>audit-pca</c>
    /// (first component's share and eigenvalues above 1 per aggregate; aggregates whose PCA could not be computed have
    /// missing values shown as <c>not computable</c>), <c>leave-one-out</c> (<see cref="LeaveOneOut.ToTable"/>),
    /// <c>added-value</c> (<see cref="AddedValue.ToTable"/>) and, when the audit carries an uncertainty analysis,
    /// <c>audit-uncertainty</c> (the <see cref="UncertaintyTableRows"/> widest 90% rank intervals). Several tables, not
    /// one, because the audit is a composite of parts with different rows and columns; the findings are sentences
    /// (<see cref="Findings"/>), not a table. <see cref="ToMarkdown()"/> shows these tables' grids under its section headings.
    /// </summary>
    /// <returns>The tables; each <see cref="Table.Name"/> is unique.</returns>
    public ImmutableArray<Table> ToTables()
    {
        List<Table> tables = [CoverageTable(), Statistics.ToTable(), Correlations.ToNodeTable(), ConsistencyTable(), PcaTable(), LeaveOneOut.ToTable(), AddedValue.ToTable()];
        if (Uncertainty is { } u)
        {
            tables.Add(WidestIntervalsTable(u));
        }

        return [.. tables];
    }

    private Table CoverageTable()
    {
        var table = new TableBuilder(
            "Coverage",
            [TableColumn.Label("indicator", "indicator"), TableColumn.Integer("missing", "missing"), TableColumn.Percent("availability", "availability", NumberFormat.Fixed(1))],
            "audit-coverage");
        foreach (var s in Statistics.Rows)
        {
            table.AddRow(s.IndicatorCode, s.MissingCount, s.Availability);
        }

        var partial = Coverage.Where(c => c.Missing > 0).ToArray();
        table.AddNote("Units with missing indicators: " + (partial.Length == 0 ? "none." : string.Join(", ", partial.Select(c => c.Unit + " (" + AnalysisMath.Int(c.Missing) + ")")) + "."));
        return table.Build();
    }

    private Table ConsistencyTable()
    {
        var table = new TableBuilder(
            "Internal consistency",
            [TableColumn.Label("node", "node"), TableColumn.Integer("items", "items"), TableColumn.Integer("complete_rows", "complete rows"), TableColumn.Number("alpha", "Cronbach's alpha", NumberFormat.Fixed(3))],
            "audit-alpha");
        foreach (var a in Alphas)
        {
            table.AddClassedRow(a.Alpha < AlphaThreshold ? "flagged" : null, a.NodeCode, a.ItemCount, a.CompleteRows, a.Alpha);
        }

        return table.Build();
    }

    private Table PcaTable()
    {
        var table = new TableBuilder(
            "Principal components",
            [TableColumn.Label("node", "node"), TableColumn.Integer("children", "children"), TableColumn.Integer("complete_rows", "complete rows"),
             TableColumn.Percent("first_component_share", "first component explains", NumberFormat.Fixed(1)), TableColumn.Integer("eigenvalues_above_1", "eigenvalues above 1")],
            "audit-pca");
        foreach (var p in Pca)
        {
            var above = p.Eigenvalues.Count(e => e > 1);
            table.AddClassedRow(above > 1 ? "flagged" : null, p.NodeCode, p.ChildCodes.Length, p.CompleteRows, p.VarianceExplained[0], above);
        }

        foreach (var p in PcaProblems)
        {
            table.AddClassedRow("flagged", p.Key, TableCell.Missing, TableCell.Missing, TableCell.Missing.WithDisplay("not computable"), TableCell.Missing);
        }

        foreach (var p in PcaProblems)
        {
            table.AddNote(p.Key + ": " + p.Value);
        }

        return table.Build();
    }

    private static Table WidestIntervalsTable(UncertaintyResult u)
    {
        var table = new TableBuilder(
            "The " + AnalysisMath.Int(UncertaintyTableRows) + " units with the widest 90% rank interval",
            [TableColumn.Text("unit", "unit"), TableColumn.Label("name", "name"), TableColumn.Rank("nominal_rank", "nominal rank"), TableColumn.Rank("median_rank", "median rank"),
             TableColumn.Rank("q05_rank", "5%"), TableColumn.Rank("q95_rank", "95%"), TableColumn.Rank("width", "width")],
            "audit-uncertainty");
        foreach (var s in RankedStatistics(u).OrderByDescending(s => s.Q95Rank - s.Q05Rank).ThenBy(s => s.NominalRank).ThenBy(s => s.Unit.Code, StringComparer.Ordinal).Take(UncertaintyTableRows))
        {
            table.AddRow(s.Unit.Code, s.Unit.Name, s.NominalRank, s.MedianRank, s.Q05Rank, s.Q95Rank, s.Q95Rank - s.Q05Rank);
        }

        table.AddNote("90% rank interval: 5th to 95th percentile rank over the replications.");
        return table.Build();
    }

    /// <summary>Formats as <c>AuditReport code: 63 units, 5 findings</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"AuditReport {Result.Methodology.Code}: {Result.Units.Length} units, {Findings.Length} findings");
}
