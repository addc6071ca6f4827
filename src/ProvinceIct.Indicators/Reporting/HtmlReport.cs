using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A one-file report of a result: self-contained HTML (inline CSS and inline SVG; no scripts, no external fonts,
/// images or style sheets) that is also well-formed XML (XHTML syntax), so it can be checked by any XML parser. It
/// holds the title, the disclaimer (for the embedded Open-data Provincial Readiness Index 2016, whose methodology
/// code is <see cref="OpenReadiness2016.PresetName"/>: <see cref="OpenReadiness2016.Disclaimer"/>), the methodology's
/// description (less the disclaimer when it opens with it), a methodology summary (framework tree with relative and effective weights, normaliser, aggregator,
/// availability threshold, tie policy, and every per-node override), the ranking table, a tile map of the index
/// (when the units are Vietnam's provinces of 2016 or 2025), the ranking bar chart, a correlation heatmap of the
/// indicators against the pillars and the index, the statistical flags (every finding of an <see cref="AuditReport"/>
/// when one is given, with its tables folded away; otherwise the correlation flags computed from the result), and,
/// when an uncertainty analysis is given, its rank-interval chart and table. The output is deterministic: no date or
/// machine name is written. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class HtmlReport
{
    private HtmlReport(IndexResult result, UncertaintyResult? uncertainty, AuditReport? audit, ReportOptions options)
    {
        Result = result;
        Options = options;
        Uncertainty = uncertainty;
        Audit = audit;
        Disclaimer = HtmlPage.DisclaimerFor(result.Methodology);
    }

    /// <summary>Creates the report.</summary>
    /// <param name="result">The result to report.</param>
    /// <param name="uncertainty">An uncertainty analysis of the same index, whose rank-interval chart is added; or null.</param>
    /// <param name="audit">A statistical audit of the same index, whose findings and tables are added; or null (only the correlation flags are then shown).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="uncertainty"/> or <paramref name="audit"/> was run on another methodology code or another set of units.</exception>
    public static HtmlReport Create(IndexResult result, UncertaintyResult? uncertainty = null, AuditReport? audit = null) =>
        Create(result, uncertainty, audit, ReportOptions.Default);

    /// <summary>Creates the report in the language and number format of a culture.</summary>
    /// <param name="result">The result to report.</param>
    /// <param name="uncertainty">An uncertainty analysis of the same index, whose rank-interval chart is added; or null.</param>
    /// <param name="audit">A statistical audit of the same index, whose findings and tables are added; or null (only the correlation flags are then shown).</param>
    /// <param name="options">The culture of the report: with <see cref="ReportOptions.Vietnamese"/> the page is <c>&lt;html lang="vi"&gt;</c>, its headings, captions, methodology terms, table headers and footer are Vietnamese, pillars show their Vietnamese names, and scores and ranks in the text and the ranking table have a decimal comma (<c>72,31</c>). The audit's findings and tables are Vietnamese too (<see cref="AuditTable.From(AuditReport, ReportOptions)"/>), and so are the charts' titles, legends, labels and tooltips (numbers with a decimal comma), the units of measure the built-in presets ship and the embedded index's description; the names of methods stay as written (English).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="uncertainty"/> or <paramref name="audit"/> was run on another methodology code or another set of units.</exception>
    public static HtmlReport Create(IndexResult result, UncertaintyResult? uncertainty, AuditReport? audit, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (uncertainty is not null && !SameIndex(result, uncertainty.Nominal))
        {
            throw new ArgumentException("The uncertainty analysis was run on another methodology or another set of units.", nameof(uncertainty));
        }

        if (audit is not null && !SameIndex(result, audit.Result))
        {
            throw new ArgumentException("The audit was run on another methodology or another set of units.", nameof(audit));
        }

        return new HtmlReport(result, uncertainty, audit, options);
    }

    private static bool SameIndex(IndexResult a, IndexResult b) =>
        a.Methodology.Code == b.Methodology.Code
        && a.Units.Select(u => u.Code).Order(StringComparer.Ordinal).SequenceEqual(b.Units.Select(u => u.Code).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The result reported.</summary>
    public IndexResult Result { get; }

    /// <summary>The uncertainty analysis shown, or null.</summary>
    public UncertaintyResult? Uncertainty { get; }

    /// <summary>The statistical audit shown, or null.</summary>
    public AuditReport? Audit { get; }

    /// <summary>The culture of the report's texts and numbers (<see cref="ReportOptions.Default"/> unless given).</summary>
    public ReportOptions Options { get; }

    /// <summary>The report's title: the methodology's name.</summary>
    public string Title => Result.Methodology.Name;

    /// <summary>The disclaimer shown at the top, or null when the methodology carries none.</summary>
    public string? Disclaimer { get; }

    /// <summary>The ranks within groups shown after the ranking table (section <c>group-ranks</c>), or null for none; see <see cref="WithGroupRanks"/>.</summary>
    public GroupRanks? GroupRanks { get; private init; }

    /// <summary>
    /// A copy that also shows, in a section <c>group-ranks</c> after the ranking table, each unit's rank within its group
    /// (COINr's <c>groupranks</c>; <see cref="Analysis.GroupRanks.Compute"/>): the overall rank and the rank within the group
    /// for the index and each pillar. A unit without a group, or without a score, has no rank within the group (shown as the table's missing mark).
    /// </summary>
    /// <param name="groupName">The group column, for example <c>region</c> (case-sensitive, as in <see cref="Model.Unit.Group"/>).</param>
    /// <returns>The new report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="groupName"/> is null.</exception>
    /// <exception cref="ArgumentException">When no unit of the result has a value in the group column (the message lists the groups the units have).</exception>
    public HtmlReport WithGroupRanks(string groupName) =>
        new(Result, Uncertainty, Audit, Options) { GroupRanks = GroupRanks.Compute(Result, groupName) };

    /// <summary>The whole HTML document.</summary>
    /// <returns>UTF-8-ready text beginning with <c>&lt;!DOCTYPE html&gt;</c>, LF line ends, no trailing newline.</returns>
    public string ToHtml()
    {
        var m = Result.Methodology;
        var o = Options;
        var sb = HtmlPage.Begin(Title, o.Language);
        sb.Append("<header>\n<h1>").Append(E(Title)).Append("</h1>\n<p class=\"code\">").Append(E(o.T("Report_Methodology"))).Append(" <code>").Append(E(m.Code)).Append("</code>, ").Append(E(o.T("Report_IndexCode"))).Append(" <code>")
          .Append(E(Result.IndexCode)).Append("</code>; ").Append(E(o.T("Report_UnitCount", o.Int(Result.Units.Length)))).Append("</p>\n");
        // the only disclaimer is the embedded index's, whose text is a resource (the neutral one equals OpenReadiness2016.Disclaimer)
        HtmlPage.Disclaimer(sb, Disclaimer is null ? null : o.T("Disclaimer_OpenReadiness2016"), o.T("Disclaimer_Label"));

        // the description, without the disclaimer when it opens with it (it is shown just above)
        var description = m.Description?.Trim() ?? string.Empty;
        if (Disclaimer is not null && description.StartsWith(Disclaimer, StringComparison.Ordinal))
        {
            description = description[Disclaimer.Length..].Trim();
        }

        // the embedded index's own description (a resource, like its disclaimer) in the report's language
        if (m.Code == OpenReadiness2016.PresetName && description == Internal.Localization.Strings.Get("Description_OpenReadiness2016", CultureInfo.InvariantCulture))
        {
            description = o.T("Description_OpenReadiness2016");
        }

        if (description.Length > 0)
        {
            sb.Append("<p class=\"description\">").Append(E(description)).Append("</p>\n");
        }

        sb.Append("</header>\n");
        AppendMethodology(sb);

        sb.Append("<section id=\"ranking\">\n<h2>").Append(E(o.T("Report_Ranking"))).Append("</h2>\n").Append(RankingTable.From(Result, null, o).ToHtml()).Append("\n</section>\n");
        if (GroupRanks is { } groups)
        {
            sb.Append("<section id=\"group-ranks\">\n<h2>").Append(E(o.T("SeriesTable_GroupTitle", o.GroupName(groups.GroupName)))).Append("</h2>\n").Append(SeriesTables.GroupRanks(groups, o).ToHtml(o.TableOptions)).Append("\n</section>\n");
        }


        sb.Append("<section id=\"map\">\n<h2>").Append(E(o.T("Report_Map"))).Append("</h2>\n");
        var geo = TileMap.Infer(Result);
        if (TileMap.MatchCount(Result, geo) > 0)
        {
            Figure(sb, TileMap.Create(Result, null, geo, o), o.T("Report_MapCaption"));
        }
        else
        {
            sb.Append("<p class=\"note\">").Append(E(o.T("Report_NoMap"))).Append("</p>\n");
        }

        sb.Append("</section>\n");
        sb.Append("<section id=\"scores\">\n<h2>").Append(E(o.T("Report_Scores"))).Append("</h2>\n");
        Figure(sb, RankingBarChart.Create(Result, null, o), o.T("Report_ScoresCaption"));
        sb.Append("</section>\n");

        sb.Append("<section id=\"correlations\">\n<h2>").Append(E(o.T("Report_Correlations"))).Append("</h2>\n");
        Figure(sb, CorrelationHeatmap.IndicatorsAgainstPillars(Result, CorrelationMethod.Pearson, o), o.T("Report_CorrelationsCaption"));
        sb.Append("</section>\n");

        sb.Append("<section id=\"audit\">\n<h2>").Append(E(o.T("Report_Audit"))).Append("</h2>\n");
        if (Audit is { } a)
        {
            var tables = AuditTable.From(a, o);
            sb.Append("<p>").Append(E(tables.Title)).Append(".</p>\n");
            AuditTable.AppendFindingsHtml(sb, a.FindingsIn(o.Culture), o);
            sb.Append("\n<details>\n<summary>").Append(E(o.T("Report_AuditTables"))).Append("</summary>\n").Append(tables.ToHtml()).Append("\n</details>\n");
        }
        else
        {
            var flags = CorrelationTable.FromResult(Result).Flags;
            sb.Append("<p class=\"note\">").Append(E(o.T("Report_CorrelationFlagsOnly"))).Append("</p>\n");
            AuditTable.AppendFindingsHtml(sb, [.. flags.Select(f => f.DescribeIn(o.Culture))], o);
            sb.Append('\n');
        }

        sb.Append("</section>\n");

        if (Uncertainty is { } u)
        {
            sb.Append("<section id=\"uncertainty\">\n<h2>").Append(E(o.T("Report_Uncertainty"))).Append("</h2>\n<p>")
              .Append(E(o.T("Report_MeanShift", u.MeanAbsoluteRankShift.ToString("0.00", o.Culture)))).Append("</p>\n");
            if (!u.Failures.IsEmpty)
            {
                // Skipped replications are part of the result: say how many failed and why in the report itself.
                sb.Append("<p class=\"warning\">").Append(E(u.FailureSummaryIn(o.Culture))).Append(' ')
                  .Append(E(o.T("Report_SucceededRuns", u.SucceededRuns.ToString("0", o.Culture)))).Append("</p>\n");
            }

            Figure(sb, RankIntervalChart.Create(u, null, o), o.T("Report_UncertaintyCaption"));
            sb.Append("<details>\n<summary>").Append(E(o.T("Report_UncertaintyTable"))).Append("</summary>\n").Append(UncertaintyTable.From(u).ToTable(o).ToHtml(o.TableOptions)).Append("\n</details>\n");
            sb.Append("</section>\n");
        }

        return HtmlPage.End(sb, o.T("Report_Footer"));
    }

    /// <summary>Writes <see cref="ToHtml"/> to a file as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">The file path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is blank.</exception>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public void Save(string path) => HtmlPage.Save(path, ToHtml());

    /// <summary>Formats as <c>HtmlReport "title": 63 units</c>, adding <c>, with uncertainty</c> and <c>, with audit</c> when they are shown.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "HtmlReport \"" + Title + "\": " + Markup.Int(Result.Units.Length) + " units" + (Uncertainty is null ? string.Empty : ", with uncertainty") + (Audit is null ? string.Empty : ", with audit");

    private static string E(string s) => Markup.Encode(s);

    private static void Figure(StringBuilder sb, SvgChart chart, string caption) => HtmlPage.Figure(sb, chart, caption);

    private void AppendMethodology(StringBuilder sb)
    {
        var m = Result.Methodology;
        var o = Options;
        sb.Append("<section id=\"methodology\">\n<h2>").Append(E(o.T("Report_Methodology"))).Append("</h2>\n<dl class=\"methods\">\n");
        Term(sb, o.T("Method_Normalisation"), o.T("Method_NormalisationDefault", m.Normaliser.ToString()));
        Term(sb, o.T("Method_Aggregation"), o.T("Method_AggregationDefault", m.Aggregator.ToString()));
        Term(sb, o.T("Method_Availability"), m.AvailabilityThreshold > 0
            ? o.T("Method_AvailabilityShare", o.Percent(m.AvailabilityThreshold))
            : o.T("Method_AvailabilityNone"));
        Term(sb, o.T("Method_Ties"), o.Ties(m.Ties));
        Term(sb, o.T("Method_Framework"), o.T("Method_FrameworkSummary", m.Framework.IndexCode, o.Int(m.Framework.Indicators.Length), o.Int(m.Framework.Aggregates.Length), o.Int(m.Framework.MaxLevel)));
        sb.Append("</dl>\n<h3>").Append(E(o.T("Method_Tree"))).Append("</h3>\n<p class=\"note\">").Append(E(o.T("Method_TreeNote"))).Append("</p>\n<ul class=\"tree\">\n");
        Node(sb, m.Framework, m.Framework.Root, 0, o);
        sb.Append("</ul>\n</section>\n");
    }

    private static void Term(StringBuilder sb, string term, string text) =>
        sb.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(text)).Append("</dd>\n");

    private static void Node(StringBuilder sb, Framework fw, FrameworkNode node, int depth, ReportOptions o)
    {
        var pad = new string(' ', 2 * depth);
        sb.Append(pad).Append("<li><code>").Append(E(node.Code)).Append("</code> ").Append(E(o.NodeName(node)));
        if (!string.IsNullOrWhiteSpace(node.NameVi) && !o.IsVietnamese)
        {
            sb.Append(" <span lang=\"vi\" xml:lang=\"vi\">(").Append(E(node.NameVi)).Append(")</span>");
        }

        if (node.ParentCode is { } parent)
        {
            sb.Append(" <span class=\"weight\">w = ").Append(E(node.Weight.ToString("0.###", o.Culture))).Append(" [")
              .Append(E(o.Percent(Weighting.Weights.Share(node.Weight, fw.Children(parent).Select(n => n.Weight))))).Append(", ").Append(E(o.T("Method_Effective"))).Append(' ').Append(E(o.Percent(fw.EffectiveWeight(node.Code)))).Append("]</span>");
        }

        var extras = new List<string>();
        if (node.IsIndicator)
        {
            var def = node.Indicator!;
            if (def.Direction == Direction.Negative)
            {
                extras.Add(o.T("Method_Negative"));
            }

            if (o.MeasureUnit(def.Unit) is { } unit && !string.IsNullOrWhiteSpace(unit))
            {
                extras.Add(unit);
            }

            if (node.Normaliser is { } n)
            {
                extras.Add(o.T("Method_NodeNormaliser", n.ToString()));
            }
        }
        else
        {
            if (node.Aggregator is { } a)
            {
                extras.Add(o.T("Method_NodeAggregator", a.ToString()));
            }

            if (node.AvailabilityThreshold is { } t)
            {
                extras.Add(o.T("Method_NodeAvailability", o.Percent(t)));
            }

            if (node.AggregateDirection == Direction.Negative)
            {
                extras.Add(o.T("Method_Negative"));
            }
        }

        if (extras.Count > 0)
        {
            sb.Append(" <span class=\"weight\">(").Append(E(string.Join("; ", extras))).Append(")</span>");
        }

        var children = fw.Children(node.Code).ToList();
        if (children.Count == 0)
        {
            sb.Append("</li>\n");
            return;
        }

        sb.Append('\n').Append(pad).Append("  <ul>\n");
        foreach (var c in children)
        {
            Node(sb, fw, c, depth + 2, o);
        }

        sb.Append(pad).Append("  </ul>\n").Append(pad).Append("</li>\n");
    }
}
