using System.Collections.Immutable;
using System.Text;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A one-unit (one-province) report: self-contained HTML in the same page shell as <see cref="HtmlReport"/> (inline
/// CSS and SVG, no scripts, well-formed XML). It holds a header (the unit's name as in the data, with its Vietnamese
/// diacritics; its index rank of N and score), the profile chart against the national and group medians
/// (<see cref="UnitProfileChart"/>) and the full <see cref="UnitProfileTable"/>, the unit's strengths and weaknesses
/// (<see cref="Analysis.StrengthsAndWeaknesses"/>, 3 of each), its 5 closest peers (<see cref="Analysis.Peers"/>), and
/// "what it takes to gain places": for each target rank (one place up, three places up, and the top 10 when the unit is
/// below it; ranks below 1 dropped), the smallest single-indicator change that reaches it
/// (<see cref="TargetSeeking.ForRank"/>, everything else fixed, verified by recomputing the index) for the
/// <see cref="TargetIndicatorCount"/> indicators with the largest effective weight among those on which the unit is not
/// already ranked first (ties in weight keep framework order). A unit without an index rank gets no targets. The
/// output is deterministic. Immutable.
/// </summary>
[ProvinceIct.Indicators.Reporting.Notebook.TypeFormatterSource(typeof(ProvinceIct.Indicators.Reporting.Notebook.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class UnitReport
{
    /// <summary>How many indicators are tried for each target rank (4).</summary>
    public const int TargetIndicatorCount = 4;

    private UnitReport(IndexResult result, Unit unit, UnitProfileTable profile, StrengthsAndWeaknesses sw, Peers peers, ImmutableArray<TargetSeeking> targets)
    {
        Result = result;
        Unit = unit;
        Profile = profile;
        StrengthsAndWeaknesses = sw;
        Peers = peers;
        Targets = targets;
        Disclaimer = HtmlPage.DisclaimerFor(result.Methodology);
    }

    /// <summary>The result reported.</summary>
    public IndexResult Result { get; }

    /// <summary>The unit reported.</summary>
    public Unit Unit { get; }

    /// <summary>The unit's profile table.</summary>
    public UnitProfileTable Profile { get; }

    /// <summary>The unit's strengths and weaknesses (3 of each).</summary>
    public StrengthsAndWeaknesses StrengthsAndWeaknesses { get; }

    /// <summary>The unit's 5 closest peers.</summary>
    public Peers Peers { get; }

    /// <summary>The target-seeking answers, by target rank (closest first), then indicator (largest effective weight first).</summary>
    public ImmutableArray<TargetSeeking> Targets { get; }

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
    public static UnitReport Create(IndexResult result, Dataset dataset, string unitCode, string? groupName = "region")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(dataset);
        var profile = UnitProfileTable.From(result, unitCode, dataset, groupName);
        dataset.IndexOfUnit(unitCode);
        var sw = StrengthsAndWeaknesses.For(result, unitCode, 3, dataset, groupName);
        var peers = Peers.Find(result, unitCode, 5);
        return new UnitReport(result, profile.Unit, profile, sw, peers, SeekTargets(result, dataset, unitCode));
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

    private static ImmutableArray<TargetSeeking> SeekTargets(IndexResult result, Dataset dataset, string unitCode)
    {
        var ranks = TargetRanks(result.Rank(unitCode));
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
        var sb = HtmlPage.Begin(Title);
        sb.Append("<header>\n<h1 lang=\"vi\" xml:lang=\"vi\">").Append(E(Unit.Name)).Append("</h1>\n<p class=\"code\">Unit <code>").Append(E(Unit.Code)).Append("</code>")
          .Append(Unit.NameEn is null ? string.Empty : " (" + E(Unit.NameEn) + ")")
          .Append(Profile.Group is null ? string.Empty : "; " + E(Profile.GroupName!) + ": " + E(Profile.Group) + " (" + Markup.Int(Profile.GroupSize) + " units)")
          .Append("</p>\n<p class=\"headline\">Rank <strong>").Append(E(Markup.Rank(Result.Rank(Unit.Code)))).Append("</strong> of ").Append(Markup.Int(n))
          .Append(" in the ").Append(E(m.Name)).Append(", index score <strong>").Append(E(Markup.Score(Result.Score(Unit.Code)))).Append("</strong> (")
          .Append(E(Markup.ScoreUnit(m))).Append(").</p>\n");
        HtmlPage.Disclaimer(sb, Disclaimer);
        sb.Append("</header>\n");

        sb.Append("<section id=\"profile\">\n<h2>Profile</h2>\n");
        HtmlPage.Figure(sb, UnitProfileChart.Create(Result, Unit.Code, Profile.GroupName ?? "region"), "Index and pillar scores of " + Unit.Name + " beside the national median and the median of its " + (Profile.GroupName ?? "group") + ".");
        sb.Append(Profile.ToHtml()).Append("\n</section>\n");

        var sw = StrengthsAndWeaknesses;
        sb.Append("<section id=\"strengths\">\n<h2>Strengths and weaknesses</h2>\n");
        if (!sw.PillarStrengths.IsEmpty)
        {
            var best = sw.PillarStrengths[0];
            var worst = sw.PillarWeaknesses[0];
            sb.Append("<p>Strongest pillar: ").Append(E(best.Name)).Append(" (rank ").Append(E(Markup.Rank(best.Rank))).Append(" of ").Append(Markup.Int(n))
              .Append("); weakest pillar: ").Append(E(worst.Name)).Append(" (rank ").Append(E(Markup.Rank(worst.Rank))).Append(" of ").Append(Markup.Int(n)).Append(").</p>\n");
        }

        sb.Append(Profile.StandingsBlock("Strengths: the best-ranked indicators", "strengths", sw.Strengths, UnitProfileTable.Indented.No).ToHtml()).Append('\n');
        sb.Append(Profile.StandingsBlock("Weaknesses: the worst-ranked indicators", "weaknesses", sw.Weaknesses, UnitProfileTable.Indented.No).ToHtml()).Append("\n</section>\n");

        sb.Append("<section id=\"peers\">\n<h2>Peers</h2>\n<p class=\"note\">The units closest to ").Append(E(Unit.Name))
          .Append(" on the normalised indicators (Euclidean distance over the indicators both have, scaled to all indicators).</p>\n")
          .Append(PeersBlock().ToHtml()).Append("\n</section>\n");

        sb.Append("<section id=\"targets\">\n<h2>What it takes to gain places</h2>\n");
        AppendTargets(sb, fw);
        sb.Append("</section>\n");

        return HtmlPage.End(sb, "Generated by ProvinceIct.Indicators. Scores are shown to 2 decimals, raw values to 4 significant digits.");
    }

    private TableBlock PeersBlock()
    {
        var block = new TableBlock("The " + Markup.Int(Peers.Rows.Length) + " closest units", "peers",
        [
            new TableColumn("Code", "unit_code"),
            new TableColumn("Unit", "unit_name", RowHeader: true),
            TableColumn.Number("Distance", "distance"),
            TableColumn.Number("Shared indicators", "shared"),
            TableColumn.Number("Index score", "index_score"),
            TableColumn.Number("Index rank", "index_rank"),
        ]);
        foreach (var p in Peers.Rows)
        {
            block.Add(TableCell.Text(p.Unit.Code), TableCell.Text(p.Unit.Name), TableCell.Number(p.Distance, "0.00"), TableCell.Int(p.SharedIndicators),
                TableCell.Score(p.IndexScore), TableCell.Rank(p.IndexRank));
        }

        return block;
    }

    private void AppendTargets(StringBuilder sb, Framework fw)
    {
        var rank = Result.Rank(Unit.Code);
        if (Targets.IsEmpty)
        {
            sb.Append("<p>").Append(double.IsNaN(rank) ? E(Unit.Name) + " has no index score, so no rank to improve." : E(Unit.Name) + " is ranked first: there is no place to gain.").Append("</p>\n");
            return;
        }

        sb.Append("<p class=\"note\">The smallest change of one indicator, everything else unchanged, that brings ").Append(E(Unit.Name))
          .Append(" to the target rank or better; found by bisection and verified by recomputing the whole index. Indicators tried: the ")
          .Append(Markup.Int(TargetIndicatorCount)).Append(" with the largest effective weight on which it is not already first. Values are raw, in the indicator's own unit.</p>\n");
        foreach (var group in Targets.GroupBy(t => t.Target))
        {
            var target = group.Key;
            var block = new TableBlock("Rank " + Markup.Rank(target) + " (" + Markup.Rank(rank - target) + (rank - target == 1 ? " place" : " places") + " up)", "targets",
            [
                new TableColumn("Code", "indicator"),
                new TableColumn("Indicator", "indicator_name", RowHeader: true),
                TableColumn.Number("Effective weight", "effective_weight"),
                TableColumn.Number("Current value", "current_value"),
                TableColumn.Number("Needed value", "needed_value"),
                TableColumn.Number("Change", "change"),
                TableColumn.Number("New rank", "new_rank"),
            ]);
            foreach (var t in group)
            {
                var node = fw[t.IndicatorCode];
                var unit = node.Indicator?.Unit;
                var name = node.Name + (string.IsNullOrWhiteSpace(unit) ? string.Empty : " (" + unit + ")");
                var weight = new TableCell(Markup.Percent(fw.EffectiveWeight(t.IndicatorCode)), RankingTable.Number(fw.EffectiveWeight(t.IndicatorCode)));
                if (t.IsAchievable)
                {
                    var change = double.IsNaN(t.Change) ? "-" : (t.Change > 0 ? "+" : string.Empty) + Markup.Significant(t.Change);
                    block.AddRow("reachable", TableCell.Text(t.IndicatorCode), TableCell.Text(name), weight, TableCell.Significant(t.CurrentValue), TableCell.Significant(t.ProposedValue),
                        new TableCell(change, RankingTable.Number(t.Change)), TableCell.Rank(t.NewRank));
                }
                else
                {
                    var note = "not reachable within the valid range [" + Markup.Format(t.RangeLower, "0.####") + ", " + Markup.Format(t.RangeUpper, "0.####") + "]";
                    block.AddRow("unreachable", TableCell.Text(t.IndicatorCode), TableCell.Text(name), weight, TableCell.Significant(t.CurrentValue),
                        new TableCell(note, string.Empty), new TableCell("-", string.Empty), new TableCell("at best " + Markup.Rank(t.NewRank), RankingTable.Number(t.NewRank)));
                }
            }

            block.AppendHtml(sb);
            sb.Append('\n');
        }
    }

    /// <summary>Writes <see cref="ToHtml"/> to a file as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">The file path; an existing file is replaced.</param>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is blank.</exception>
    public void Save(string path) => HtmlPage.Save(path, ToHtml());

    /// <summary>Formats as <c>UnitReport 48 Đà Nẵng: rank 1 of 63, 6 targets</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "UnitReport " + Unit + ": rank " + Markup.Rank(Result.Rank(Unit.Code)) + " of " + Markup.Int(Result.Units.Length) + ", " + Markup.Int(Targets.Length) + " targets";

    private static string E(string s) => Markup.Encode(s);
}
