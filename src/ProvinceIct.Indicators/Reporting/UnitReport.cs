using System.Collections.Immutable;
using System.Text;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A one-unit (one-province) report: self-contained HTML in the same page shell as <see cref="HtmlReport"/> (inline
/// CSS and SVG, no scripts, well-formed XML). It holds a header (the unit's name as in the data, with its Vietnamese
/// diacritics; its index rank of N and score), the profile chart against the national and group medians
/// (<see cref="UnitProfileChart"/>) and the full <see cref="UnitProfileTable"/>, the unit's strengths and weaknesses
/// (<see cref="Analysis.StrengthsAndWeaknesses"/>, 3 of each), its 5 closest peers (<see cref="Analysis.Peers"/>), and
/// "what it takes to gain places": for each target rank (one place up, three places up, and the top 10 when the unit is
/// below it; ranks below 1 dropped) two answers, both verified by recomputing the index. One indicator at a time: the
/// smallest single-indicator change that reaches the target (<see cref="TargetSeeking.ForRank"/>, everything else
/// fixed) for the <see cref="TargetIndicatorCount"/> indicators with the largest effective weight among those on which
/// the unit is not already ranked first (ties in weight keep framework order). All indicators together: the smallest
/// common step over every indicator that can still improve, each moving in proportion to its effective weight
/// (<see cref="BudgetTargetSeeking.ForRank"/> with the default budget), or, when even every indicator at its best
/// valid value falls short, the best rank that budget reaches. A unit without an index rank gets no targets. The
/// output is deterministic. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class UnitReport
{
    /// <summary>How many indicators are tried for each target rank (4).</summary>
    public const int TargetIndicatorCount = 4;

    private UnitReport(IndexResult result, Unit unit, UnitProfileTable profile, StrengthsAndWeaknesses sw, Peers peers, ImmutableArray<TargetSeeking> targets, ImmutableArray<BudgetTargetSeeking> budgetTargets, ReportOptions options)
    {
        Result = result;
        Options = options;
        Unit = unit;
        Profile = profile;
        StrengthsAndWeaknesses = sw;
        Peers = peers;
        Targets = targets;
        BudgetTargets = budgetTargets;
        Disclaimer = HtmlPage.DisclaimerFor(result.Methodology);
    }

    /// <summary>The result reported.</summary>
    public IndexResult Result { get; }

    /// <summary>The unit reported.</summary>
    public Unit Unit { get; }

    /// <summary>The culture of the report's texts and numbers (<see cref="ReportOptions.Default"/> unless given).</summary>
    public ReportOptions Options { get; }

    /// <summary>The unit's profile table.</summary>
    public UnitProfileTable Profile { get; }

    /// <summary>The unit's strengths and weaknesses (3 of each).</summary>
    public StrengthsAndWeaknesses StrengthsAndWeaknesses { get; }

    /// <summary>The unit's 5 closest peers.</summary>
    public Peers Peers { get; }

    /// <summary>The target-seeking answers, by target rank (closest first), then indicator (largest effective weight first).</summary>
    public ImmutableArray<TargetSeeking> Targets { get; }

    /// <summary>
    /// The multi-indicator answers, one per target rank (closest first, the same ranks as <see cref="Targets"/>):
    /// <see cref="BudgetTargetSeeking.ForRank"/> over the default budget (every indicator with a positive effective
    /// weight that can still improve, moved together in proportion to its effective weight). Empty when the unit is
    /// ranked first or has no index rank. The HTML shows, under each single-indicator table, one sentence (reachable at
    /// step t, or the best reachable rank) and the indicators whose proposed value differs from the current one (a
    /// missing current value counts as different), by weight share (largest first), then code (ordinal).
    /// </summary>
    public ImmutableArray<BudgetTargetSeeking> BudgetTargets { get; }

    /// <summary>The disclaimer shown at the top, or null when the methodology carries none.</summary>
    public string? Disclaimer { get; }

    /// <summary>The report's title: the unit's name and the index's name.</summary>
    public string Title => Unit.Name + ": " + Result.Methodology.Name;

    /// <summary>Creates the report of one unit.</summary>
    /// <param name="result">The result.</param>
    /// <param name="dataset">The raw data the result was computed from (raw values, medians and target seeking).</param>
    /// <param name="unitCode">The unit's code.</param>
    /// <param name="groupName">The grouping for group medians (default <c>region</c>), or null for none.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> or <paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="unitCode"/> is blank.</exception>
    /// <exception cref="KeyNotFoundException">When the result or the dataset has no unit <paramref name="unitCode"/>.</exception>
    public static UnitReport Create(IndexResult result, Dataset dataset, string unitCode, string? groupName = "region") =>
        Create(result, dataset, unitCode, groupName, ReportOptions.Default);

    /// <summary>Creates the report of one unit in the language and number format of a culture.</summary>
    /// <param name="result">The result.</param>
    /// <param name="dataset">The raw data the result was computed from (raw values, medians and target seeking).</param>
    /// <param name="unitCode">The unit's code.</param>
    /// <param name="groupName">The grouping for group medians (for example <c>region</c>), or null for none.</param>
    /// <param name="options">The culture: with <see cref="ReportOptions.Vietnamese"/> the page is <c>&lt;html lang="vi"&gt;</c>, its headings, headline, notes and footer are Vietnamese, the rank and score of the headline have a decimal comma, and a group that is a GSO region (English name in the data) is shown by its Vietnamese name (<see cref="Geography.Province.Region6Vi"/>). The chart, the captions, headers and names of the tables and the target-seeking sentences are Vietnamese too (pillars and indicators by their Vietnamese names, units of measure the presets ship translated); the numbers inside the tables stay invariant.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/>, <paramref name="dataset"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="unitCode"/> is blank.</exception>
    /// <exception cref="KeyNotFoundException">When the result or the dataset has no unit <paramref name="unitCode"/>.</exception>
    public static UnitReport Create(IndexResult result, Dataset dataset, string unitCode, string? groupName, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var profile = UnitProfileTable.From(result, unitCode, dataset, groupName);
        dataset.IndexOfUnit(unitCode);
        var sw = StrengthsAndWeaknesses.For(result, unitCode, 3, dataset, groupName);
        var peers = Peers.Find(result, unitCode, 5);
        var ranks = TargetRanks(result.Rank(unitCode));
        ImmutableArray<BudgetTargetSeeking> budgets = [.. ranks.Select(t => BudgetTargetSeeking.ForRank(result.Methodology, dataset, unitCode, t))];
        return new UnitReport(result, profile.Unit, profile, sw, peers, SeekTargets(result, dataset, unitCode, ranks), budgets, options);
    }

    /// <summary>The target ranks of a unit at <paramref name="rank"/>: one and three places up, and 10 when below the top 10; distinct, at least 1, closest first.</summary>
    internal static ImmutableArray<int> TargetRanks(double rank)
    {
        if (double.IsNaN(rank) || rank <= 1)
        {
            return [];
        }

        var r = (int)Math.Ceiling(rank);
        return [.. new[] { r - 1, r - 3, 10 }.Where(t => t >= 1 && t < rank).Distinct().OrderDescending()];
    }

    private static ImmutableArray<TargetSeeking> SeekTargets(IndexResult result, Dataset dataset, string unitCode, ImmutableArray<int> ranks)
    {
        if (ranks.IsEmpty)
        {
            return [];
        }

        var fw = result.Methodology.Framework;
        var indicators = fw.Indicators
            .Where(d => dataset.HasIndicator(d.Code) && result.Rank(unitCode, d.Code) is var r && !(r <= 1))
            .Select((d, i) => (d.Code, Weight: fw.EffectiveWeight(d.Code), Order: i))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Order)
            .Take(TargetIndicatorCount)
            .Select(x => x.Code)
            .ToList();
        return [.. ranks.SelectMany(t => indicators.Select(code => TargetSeeking.ForRank(result.Methodology, dataset, unitCode, code, t)))];
    }

    /// <summary>The whole HTML document.</summary>
    /// <returns>UTF-8-ready text beginning with <c>&lt;!DOCTYPE html&gt;</c>, LF line ends, no trailing newline.</returns>
    public string ToHtml()
    {
        var m = Result.Methodology;
        var fw = m.Framework;
        var n = Result.Units.Length;
        var o = Options;
        var sb = HtmlPage.Begin(Title, o.Language);
        sb.Append("<header>\n<h1 lang=\"vi\" xml:lang=\"vi\">").Append(E(Unit.Name)).Append("</h1>\n<p class=\"code\">").Append(E(o.T("Unit_Unit"))).Append(" <code>").Append(E(Unit.Code)).Append("</code>")
          .Append(Unit.NameEn is null ? string.Empty : " (" + E(Unit.NameEn) + ")")
          .Append(Profile.Group is null ? string.Empty : "; " + E(o.IsVietnamese && Profile.GroupName == "region" ? o.T("Provinces_Region") : Profile.GroupName!) + ": " + E(GroupText(Profile.Group)) + " (" + E(o.T("Report_UnitCount", o.Int(Profile.GroupSize))) + ")")
          .Append("</p>\n<p class=\"headline\">")
          .Append(string.Format(o.Culture, E(o.T("Unit_Headline")), "<strong>" + E(o.Rank(Result.Rank(Unit.Code))) + "</strong>", E(o.Int(n)), E(m.Name), "<strong>" + E(o.Score(Result.Score(Unit.Code))) + "</strong>", E(o.ScoreUnit(m))))
          .Append("</p>\n");
        HtmlPage.Disclaimer(sb, Disclaimer is null ? null : o.T("Disclaimer_OpenReadiness2016"), o.T("Disclaimer_Label"));
        sb.Append("</header>\n");

        sb.Append("<section id=\"profile\">\n<h2>").Append(E(o.T("Unit_Profile"))).Append("</h2>\n");
        HtmlPage.Figure(sb, UnitProfileChart.Create(Result, Unit.Code, Profile.GroupName ?? "region", o), o.T("Unit_ProfileCaption", Unit.Name, o.GroupName(Profile.GroupName ?? "group")));
        sb.Append(Profile.ToTable(o).ToHtml(o.TableOptions)).Append("\n</section>\n");

        var sw = StrengthsAndWeaknesses;
        sb.Append("<section id=\"strengths\">\n<h2>").Append(E(o.T("Unit_Strengths"))).Append("</h2>\n");
        if (!sw.PillarStrengths.IsEmpty)
        {
            var best = sw.PillarStrengths[0];
            var worst = sw.PillarWeaknesses[0];
            sb.Append("<p>").Append(E(o.T("Unit_StrongestWeakest", PillarName(best.NodeCode, best.Name), o.Rank(best.Rank), o.Int(n), PillarName(worst.NodeCode, worst.Name), o.Rank(worst.Rank)))).Append("</p>\n");
        }

        sb.Append(Profile.StandingsBlock(o.T("Unit_StrengthsTable"), "strengths", sw.Strengths, UnitProfileTable.Indented.No, o).Build().ToHtml(o.TableOptions)).Append('\n');
        sb.Append(Profile.StandingsBlock(o.T("Unit_WeaknessesTable"), "weaknesses", sw.Weaknesses, UnitProfileTable.Indented.No, o).Build().ToHtml(o.TableOptions)).Append("\n</section>\n");

        sb.Append("<section id=\"peers\">\n<h2>").Append(E(o.T("Unit_Peers"))).Append("</h2>\n<p class=\"note\">").Append(E(o.T("Unit_PeersNote", Unit.Name))).Append("</p>\n")
          .Append(PeersBlock(o).ToHtml(o.TableOptions)).Append("\n</section>\n");

        sb.Append("<section id=\"targets\">\n<h2>").Append(E(o.T("Unit_Targets"))).Append("</h2>\n");
        AppendTargets(sb, fw, o);
        sb.Append("</section>\n");

        return HtmlPage.End(sb, o.T("Unit_Footer"));
    }

    /// <summary>A pillar's name in the report's language (its Vietnamese name in Vietnamese, when the framework has one).</summary>
    private string PillarName(string code, string name) =>
        Result.Methodology.Framework.Contains(code) ? Options.NodeName(Result.Methodology.Framework[code]) : name;

    /// <summary>A group value as shown: in Vietnamese, a GSO region's English name (as in the data) becomes its Vietnamese name.</summary>
    private string GroupText(string group)
    {
        if (!Options.IsVietnamese)
        {
            return group;
        }

        var province = Geography.ProvinceCatalog.Default.Provinces(Geography.ProvinceGeography.Provinces2016)
            .FirstOrDefault(p => string.Equals(p.Region, group, StringComparison.OrdinalIgnoreCase) && p.Region6Vi is not null);
        return province?.Region6Vi ?? group;
    }

    private Table PeersBlock(ReportOptions o)
    {
        var block = new TableBuilder(o.T("Peers_Title", o.Int(Peers.Rows.Length)),
        [
            TableColumn.Text("unit_code", o.T("Col_Code")),
            TableColumn.Label("unit_name", o.T("Col_Unit")),
            TableColumn.Number("distance", o.T("Peers_Distance"), NumberFormat.Fixed(2)),
            TableColumn.Integer("shared", o.T("Peers_Shared")),
            TableColumn.Number("index_score", o.T("Peers_IndexScore"), NumberFormat.Fixed(2)),
            TableColumn.Rank("index_rank", o.T("Peers_IndexRank")),
        ], "peers");
        foreach (var p in Peers.Rows)
        {
            block.AddRow(p.Unit.Code, p.Unit.Name, p.Distance, p.SharedIndicators, p.IndexScore, p.IndexRank);
        }

        return block.Build();
    }

    private void AppendTargets(StringBuilder sb, Framework fw, ReportOptions o)
    {
        var rank = Result.Rank(Unit.Code);
        if (BudgetTargets.IsEmpty)
        {
            // the resource texts are trusted markup-free text: only the arguments from the data are encoded
            sb.Append("<p>").Append(Html(o, double.IsNaN(rank) ? "Target_NoScore" : "Target_First", E(Unit.Name))).Append("</p>\n");
            return;
        }

        sb.Append("<p class=\"note\">").Append(o.T("Target_Intro")).Append("</p>\n<ul class=\"note\">\n")
          .Append("<li>").Append(Html(o, "Target_SingleIntro", E(Unit.Name), o.Int(TargetIndicatorCount))).Append("</li>\n")
          .Append("<li>").Append(o.T("Target_AllIntro")).Append("</li>\n</ul>\n");
        foreach (var budget in BudgetTargets)
        {
            var target = budget.Target;
            sb.Append("<h3>").Append(Html(o, rank - target == 1 ? "Target_HeadingOne" : "Target_HeadingMany", E(o.Rank(target)), E(o.Rank(rank - target)))).Append("</h3>\n");
            var singles = Targets.Where(t => t.Target == target).ToList();
            if (singles.Count > 0)
            {
                HtmlTableRenderer.AppendTable(sb, SingleBlock(singles, fw, o), o.TableOptions);
                sb.Append('\n');
            }

            sb.Append("<p class=\"budget-summary\">").Append(E(BudgetSentence(budget, fw, o))).Append("</p>\n");
            if (BudgetBlock(budget, fw, o) is { } block)
            {
                HtmlTableRenderer.AppendTable(sb, block, o.TableOptions);
                sb.Append('\n');
            }
        }
    }

    /// <summary>A resource text with its arguments (already encoded by the caller) put in; the resource text itself is markup-free and written as it is.</summary>
    private static string Html(ReportOptions o, string key, params object?[] encodedArgs) => o.T(key, encodedArgs);

    private static string IndicatorLabel(Framework fw, string code, ReportOptions o) => o.NameWithUnit(fw[code]);

    private static string Signed(double change) => double.IsNaN(change) ? "-" : (change > 0 ? "+" : string.Empty) + Markup.Significant(change);

    private static Table SingleBlock(IEnumerable<TargetSeeking> targets, Framework fw, ReportOptions o)
    {
        var block = new TableBuilder(o.T("Target_SingleTitle"),
        [
            TableColumn.Text("indicator", o.T("Col_Code")),
            TableColumn.Label("indicator_name", o.T("Col_Indicator")),
            TableColumn.Percent("effective_weight", o.T("Target_EffectiveWeight")),
            TableColumn.Number("current_value", o.T("Target_CurrentValue")),
            TableColumn.Number("needed_value", o.T("Target_NeededValue")),
            TableColumn.Number("change", o.T("Target_Change")),
            TableColumn.Rank("new_rank", o.T("Target_NewRank")),
        ], "targets");
        foreach (var t in targets)
        {
            var name = IndicatorLabel(fw, t.IndicatorCode, o);
            var weight = fw.EffectiveWeight(t.IndicatorCode);
            if (t.IsAchievable)
            {
                block.AddClassedRow("reachable", t.IndicatorCode, name, weight, t.CurrentValue, t.ProposedValue, TableCell.Number(t.Change).WithDisplay(Signed(t.Change)), t.NewRank);
            }
            else
            {
                var note = o.T("Target_Unreachable", o.Format(t.RangeLower, "0.####"), o.Format(t.RangeUpper, "0.####"));
                block.AddClassedRow("unreachable", t.IndicatorCode, name, weight, t.CurrentValue, TableCell.Missing.WithDisplay(note), TableCell.Missing,
                    TableCell.Number(t.NewRank).WithDisplay(o.T("Target_AtBest", o.Rank(t.NewRank))));
            }
        }

        return block.Build();
    }

    /// <summary>The rows of a budget answer that change (NaN equal to NaN), by weight share (largest first), then code (ordinal).</summary>
    internal static IEnumerable<BudgetChange> ShownChanges(BudgetTargetSeeking budget) =>
        budget.Changes.Where(c => !c.ProposedValue.Equals(c.CurrentValue)).OrderByDescending(c => c.WeightShare).ThenBy(c => c.IndicatorCode, StringComparer.Ordinal);

    private string BudgetSentence(BudgetTargetSeeking budget, Framework fw, ReportOptions o)
    {
        var n = budget.Changes.Length;
        var weighted = fw.Indicators.Count(d => fw.EffectiveWeight(d.Code) > 0);
        var atBest = weighted - n;
        var budgetText = atBest <= 0
            ? o.T("Budget_SpreadAll", o.Int(n))
            : o.T(atBest == 1 ? "Budget_SpreadSomeOne" : "Budget_SpreadSomeMany", o.Int(n), o.Int(atBest));
        var reached = o.T("Budget_Reached", o.Rank(budget.NewRank), o.Score(budget.NewScore));
        return budget.Outcome switch
        {
            TargetOutcome.AlreadyMet => o.T("Budget_AlreadyMet", Unit.Name, o.Rank(budget.Target), o.Rank(budget.CurrentRank)),
            TargetOutcome.Achievable => budgetText + o.T("Budget_Achievable", o.Significant(budget.Step), Unit.Name, reached),
            _ when n == 0 => o.T("Budget_NoneCanImprove", Unit.Name),
            _ => budgetText + o.T("Budget_NotReachable", o.Rank(budget.NewRank), o.Score(budget.NewScore)),
        };
    }

    private static Table? BudgetBlock(BudgetTargetSeeking budget, Framework fw, ReportOptions o)
    {
        var rows = ShownChanges(budget).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var title = budget.Outcome == TargetOutcome.NotAchievable
            ? o.T("Budget_TitleAtBest", o.Rank(budget.NewRank))
            : o.T("Budget_TitleVerified", o.Rank(budget.NewRank));
        var block = new TableBuilder(title,
        [
            TableColumn.Text("indicator", o.T("Col_Code")),
            TableColumn.Label("indicator_name", o.T("Col_Indicator")),
            TableColumn.Percent("weight_share", o.T("Budget_WeightShare")),
            TableColumn.Number("current_value", o.T("Target_CurrentValue")),
            TableColumn.Number("proposed_value", o.T("Budget_ProposedValue")),
            TableColumn.Number("change", o.T("Target_Change")),
            TableColumn.Text("at_limit", o.T("Budget_Limit")),
        ], "budget-targets");
        foreach (var c in rows)
        {
            block.AddClassedRow(c.AtLimit ? "at-limit" : null, c.IndicatorCode, IndicatorLabel(fw, c.IndicatorCode, o), c.WeightShare, c.CurrentValue, c.ProposedValue,
                TableCell.Number(c.Change).WithDisplay(Signed(c.Change)), TableCell.Text(c.AtLimit ? "true" : "false").WithDisplay(c.AtLimit ? o.T("Budget_AtLimit") : string.Empty));
        }

        if (rows.Any(c => double.IsNaN(c.CurrentValue)))
        {
            block.AddNote(o.T("Budget_MissingNote"));
        }

        return block.Build();
    }

    /// <summary>Writes <see cref="ToHtml"/> to a file as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">The file path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is blank.</exception>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public void Save(string path) => HtmlPage.Save(path, ToHtml());

    /// <summary>
    /// Formats as <c>UnitReport 02 Hà Giang: rank 59 of 63, 12 targets, 3 budget targets (3 reachable)</c>: the number of
    /// single-indicator answers, then of multi-indicator answers and how many of those reach their target rank.
    /// </summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "UnitReport " + Unit + ": rank " + Markup.Rank(Result.Rank(Unit.Code)) + " of " + Markup.Int(Result.Units.Length) + ", " + Markup.Int(Targets.Length) + " targets, "
        + Markup.Int(BudgetTargets.Length) + " budget targets (" + Markup.Int(BudgetTargets.Count(b => b.Outcome != TargetOutcome.NotAchievable)) + " reachable)";

    private static string E(string s) => Markup.Encode(s);
}
