using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// A unit's strengths and weaknesses (COINr <c>get_str_weak</c>): its best and worst k indicators and pillars (the
/// index's children) by rank among all units, with raw and normalised values, ranks and the national and group
/// medians. Indicators or pillars where the unit has no rank are left out. Ties in rank keep framework (result) order.
/// When a node has fewer than 2k ranked items, the same item can be both a strength and a weakness. Immutable.
/// </summary>
public sealed class StrengthsAndWeaknesses
{
    private StrengthsAndWeaknesses(Unit unit, string? groupName, string? group, ImmutableArray<NodeStanding> strengths, ImmutableArray<NodeStanding> weaknesses, ImmutableArray<NodeStanding> pillarStrengths, ImmutableArray<NodeStanding> pillarWeaknesses)
    {
        Unit = unit;
        GroupName = groupName;
        Group = group;
        Strengths = strengths;
        Weaknesses = weaknesses;
        PillarStrengths = pillarStrengths;
        PillarWeaknesses = pillarWeaknesses;
    }

    /// <summary>The unit.</summary>
    public Unit Unit { get; }

    /// <summary>The grouping used for group medians (for example <c>region</c>), or null.</summary>
    public string? GroupName { get; }

    /// <summary>The unit's group in <see cref="GroupName"/>, or null when it has none.</summary>
    public string? Group { get; }

    /// <summary>The unit's k best-ranked indicators, best first.</summary>
    public ImmutableArray<NodeStanding> Strengths { get; }

    /// <summary>The unit's k worst-ranked indicators, worst first.</summary>
    public ImmutableArray<NodeStanding> Weaknesses { get; }

    /// <summary>The unit's k best-ranked pillars, best first.</summary>
    public ImmutableArray<NodeStanding> PillarStrengths { get; }

    /// <summary>The unit's k worst-ranked pillars, worst first.</summary>
    public ImmutableArray<NodeStanding> PillarWeaknesses { get; }

    /// <summary>Finds a unit's strengths and weaknesses.</summary>
    /// <param name="result">The result (its indicator ranks are on normalised values, higher is better).</param>
    /// <param name="unitCode">The unit.</param>
    /// <param name="k">How many of each (default 3), at least 1.</param>
    /// <param name="dataset">The raw data, for raw values and raw medians, or null.</param>
    /// <param name="groupName">The grouping for group medians (default <c>region</c>), or null for none.</param>
    /// <returns>The strengths and weaknesses.</returns>
    /// <exception cref="KeyNotFoundException">When the unit is not in the result.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When k is below 1.</exception>
    public static StrengthsAndWeaknesses For(IndexResult result, string unitCode, int k = 3, Dataset? dataset = null, string? groupName = "region")
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(unitCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var fw = result.Methodology.Framework;
        var u = result.Units.IndexOf(result.Units.FirstOrDefault(x => x.Code == unitCode) ?? throw new KeyNotFoundException($"The result has no unit '{unitCode}'."));
        var unit = result.Units[u];
        var group = groupName is null ? null : unit.Group(groupName);
        var inGroup = result.Units.Select(x => group is not null && x.Group(groupName!) == group).ToArray();
        NodeStanding Standing(string code)
        {
            var node = fw[code];
            var scores = result.Scores(code);
            var raw = dataset is not null && node.IsIndicator && dataset.HasIndicator(code) ? dataset.Column(code).ToArray() : null;
            var rawIndex = raw is null ? -1 : dataset!.Units.IndexOf(dataset.Units.FirstOrDefault(x => x.Code == unitCode)!);
            var s = scores.ToArray();
            return new NodeStanding(code, node.Name, fw.Level(code),
                raw is null || rawIndex < 0 ? double.NaN : raw[rawIndex], s[u], result.Ranks(code)[u],
                AnalysisMath.Median(s), group is null ? double.NaN : AnalysisMath.Median(s.Where((_, i) => inGroup[i])),
                raw is null ? double.NaN : AnalysisMath.Median(raw),
                raw is null || group is null ? double.NaN : AnalysisMath.Median(RawGroup(dataset!, raw, groupName!, group)));
        }

        var indicators = result.NodeCodes.Where(c => fw[c].IsIndicator).Select(Standing).Where(s => !double.IsNaN(s.Rank)).ToArray();
        var pillars = result.PillarCodes.Select(Standing).Where(s => !double.IsNaN(s.Rank)).ToArray();
        return new StrengthsAndWeaknesses(unit, groupName, group,
            [.. indicators.OrderBy(s => s.Rank).Take(k)], [.. indicators.OrderByDescending(s => s.Rank).Take(k)],
            [.. pillars.OrderBy(s => s.Rank).Take(k)], [.. pillars.OrderByDescending(s => s.Rank).Take(k)]);
    }

    private static IEnumerable<double> RawGroup(Dataset dataset, double[] raw, string groupName, string group) =>
        raw.Where((_, i) => dataset.Units[i].Group(groupName) == group);

    /// <summary>A Markdown report: four tables (indicator strengths and weaknesses, pillar strengths and weaknesses).</summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("Strengths and weaknesses of ").Append(AnalysisMath.Md(Unit.ToString()));
        if (Group is not null)
        {
            sb.Append(" (").Append(AnalysisMath.Md(GroupName)).Append(": ").Append(AnalysisMath.Md(Group)).Append(')');
        }

        foreach (var (title, rows) in Parts())
        {
            sb.Append("\n\n").Append(title).Append("\n\n").Append(Build(string.Empty, rows.Select(r => (title, r)), withPart: false).ToMarkdownGrid());
        }

        return sb.ToString();
    }

    /// <summary>
    /// The four lists as one long table (name <c>strengths-and-weaknesses</c>): <c>part</c> (<c>Strengths
    /// (indicators)</c>, <c>Weaknesses (indicators)</c>, <c>Strengths (pillars)</c>, <c>Weaknesses (pillars)</c>, in that
    /// order), <c>node</c>, <c>raw</c>, <c>score</c> (2 decimals), <c>rank</c>, <c>median_score</c>,
    /// <c>group_median_score</c> (2 decimals), <c>median_raw</c> and <c>group_median_raw</c>; raw values are shown with 4
    /// significant digits (general format), NaN is missing. The title names the unit and its group.
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> shows each part as its own grid.</returns>
    public Table ToTable() =>
        Build(
            "Strengths and weaknesses of " + Unit + (Group is null ? string.Empty : " (" + GroupName + ": " + Group + ")"),
            Parts().SelectMany(p => p.Rows.Select(r => (p.Title, r))),
            withPart: true);

    private IEnumerable<(string Title, ImmutableArray<NodeStanding> Rows)> Parts() =>
    [
        ("Strengths (indicators)", Strengths), ("Weaknesses (indicators)", Weaknesses), ("Strengths (pillars)", PillarStrengths), ("Weaknesses (pillars)", PillarWeaknesses),
    ];

    private static Table Build(string title, IEnumerable<(string Part, NodeStanding Row)> rows, bool withPart)
    {
        var score = NumberFormat.Fixed(2);
        List<TableColumn> columns = withPart ? [TableColumn.Text("part", "part")] : [];
        columns.AddRange([
            TableColumn.Label("node", "node"), TableColumn.Number("raw", "raw"), TableColumn.Number("score", "score", score), TableColumn.Rank("rank", "rank"),
            TableColumn.Number("median_score", "median score", score), TableColumn.Number("group_median_score", "group median score", score),
            TableColumn.Number("median_raw", "median raw"), TableColumn.Number("group_median_raw", "group median raw"),
        ]);
        var table = new TableBuilder(title, columns, "strengths-and-weaknesses");
        foreach (var (part, r) in rows)
        {
            List<TableCell> cells = withPart ? [part] : [];
            cells.AddRange([r.NodeCode, Raw(r.RawValue), r.Score, r.Rank, r.MedianScore, r.GroupMedianScore, Raw(r.MedianRaw), Raw(r.GroupMedianRaw)]);
            table.AddRow([.. cells]);
        }

        return table.Build();
    }

    /// <summary>A raw value: the number, shown in general format with 4 significant digits.</summary>
    private static TableCell Raw(double x) => double.IsNaN(x) ? TableCell.Number(x) : TableCell.Number(x).WithDisplay(G(x));

    private static string G(double x) => double.IsNaN(x) ? "-" : x.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Formats as <c>StrengthsAndWeaknesses 01 Hà Nội: best a, b; worst c, d</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "StrengthsAndWeaknesses " + Unit + ": best " + string.Join(", ", Strengths.Select(s => s.NodeCode)) + "; worst " + string.Join(", ", Weaknesses.Select(s => s.NodeCode));
}
