using System.Collections.Immutable;
using System.Text;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// One unit's profile as a table: every node of the framework in tree order (the index, then each pillar followed by
/// what it aggregates), with the raw value (indicators, when a dataset is given), the normalised value or aggregate
/// score, the rank among all units, the national median and the median of the unit's group (for provinces, the
/// region). Medians are over the units with a value (mean of the two middle values for an even count); a median over
/// no value, a missing value and a missing rank are shown as "-" (empty CSV cells). Shown: scores to 2 decimals,
/// ranks whole or to 2 decimals for shared ranks, raw values to 4 significant digits; CSV keeps full precision.
/// Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class UnitProfileTable
{
    private static readonly string[] CsvHeader = ["node_code", "node_name", "level", "raw_value", "score", "rank", "national_median", "group_median", "raw_national_median", "raw_group_median"];

    private UnitProfileTable(IndexResult result, Unit unit, string? groupName, string? group, int groupSize, ImmutableArray<NodeStanding> rows)
    {
        Result = result;
        Unit = unit;
        GroupName = groupName;
        Group = group;
        GroupSize = groupSize;
        Rows = rows;
    }

    /// <summary>The result shown.</summary>
    public IndexResult Result { get; }

    /// <summary>The unit profiled.</summary>
    public Unit Unit { get; }

    /// <summary>The grouping whose median is shown (for example <c>region</c>), or null for none.</summary>
    public string? GroupName { get; }

    /// <summary>The unit's group in <see cref="GroupName"/>, or null when it has none (group medians are then NaN).</summary>
    public string? Group { get; }

    /// <summary>The number of units in the unit's group (itself included); 0 without a group.</summary>
    public int GroupSize { get; }

    /// <summary>One row per framework node, in tree order (depth first from the index, children in framework order).</summary>
    public ImmutableArray<NodeStanding> Rows { get; }

    /// <summary>Builds the profile of one unit.</summary>
    /// <param name="result">The result.</param>
    /// <param name="unitCode">The unit's code.</param>
    /// <param name="dataset">The raw data the result was computed from, for raw values and raw medians; or null (raw values are then NaN).</param>
    /// <param name="groupName">The grouping for the group median (default <c>region</c>), or null for none.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="unitCode"/> is blank.</exception>
    /// <exception cref="KeyNotFoundException">When the result has no unit <paramref name="unitCode"/>.</exception>
    public static UnitProfileTable From(IndexResult result, string unitCode, Dataset? dataset = null, string? groupName = "region")
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(unitCode);
        var u = result.Units.IndexOf(result.Units.FirstOrDefault(x => x.Code == unitCode) ?? throw new KeyNotFoundException($"The result has no unit '{unitCode}'."));
        var unit = result.Units[u];
        var group = groupName is null ? null : unit.Group(groupName);
        var inGroup = result.Units.Select(x => group is not null && x.Group(groupName!) == group).ToArray();
        var rawUnit = dataset?.Units.IndexOf(dataset.Units.FirstOrDefault(x => x.Code == unitCode)!) ?? -1;
        var rawInGroup = dataset?.Units.Select(x => group is not null && x.Group(groupName!) == group).ToArray() ?? [];
        var fw = result.Methodology.Framework;

        NodeStanding Standing(FrameworkNode node)
        {
            var scores = result.Scores(node.Code).ToArray();
            var raw = dataset is not null && rawUnit >= 0 && node.IsIndicator && dataset.HasIndicator(node.Code) ? dataset.Column(node.Code).ToArray() : null;
            return new NodeStanding(node.Code, node.Name, fw.Level(node.Code),
                raw is null ? double.NaN : raw[rawUnit], scores[u], result.Ranks(node.Code)[u],
                AnalysisMath.Median(scores), group is null ? double.NaN : AnalysisMath.Median(scores.Where((_, i) => inGroup[i])),
                raw is null ? double.NaN : AnalysisMath.Median(raw),
                raw is null || group is null ? double.NaN : AnalysisMath.Median(raw.Where((_, i) => rawInGroup[i])));
        }

        var rows = TreeOrder(fw).Select(Standing).ToImmutableArray();
        return new UnitProfileTable(result, unit, groupName, group, inGroup.Count(x => x), rows);
    }

    /// <summary>The nodes depth first from the root, children in framework order.</summary>
    internal static IEnumerable<FrameworkNode> TreeOrder(Framework fw)
    {
        var stack = new Stack<FrameworkNode>();
        stack.Push(fw.Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var c in fw.Children(node.Code).Reverse())
            {
                stack.Push(c);
            }
        }
    }

    /// <summary>The table's caption: the unit, its index score and rank of N, and the group.</summary>
    public string Title => TitleIn(ReportOptions.Default);

    /// <summary>The caption in the culture of <paramref name="o"/>.</summary>
    internal string TitleIn(ReportOptions o) =>
        o.T("Profile_Title", Unit.Name, Unit.Code, o.Score(Result.Score(Unit.Code)), o.Rank(Result.Rank(Unit.Code)), o.Int(Result.Units.Length))
        + (Group is null ? string.Empty : o.T("Profile_TitleGroup", o.GroupName(GroupName!), o.GroupValue(Group), o.Int(GroupSize)));

    /// <summary>The profile as a table (name <c>unit-profile</c>): per node in tree order, the code (indented by depth when shown; CSV keeps the plain code), name, raw value (4 significant digits), score (2 decimals), rank, national and group medians of scores; rows have the class <c>level-L</c>.</summary>
    /// <returns>The table; <see cref="ToText"/>, <see cref="ToMarkdown"/> and <see cref="ToHtml"/> are its renderings. <see cref="ToCsv"/> is a wider table (level and raw medians too).</returns>
    public Table ToTable() => ToTable(ReportOptions.Default);

    /// <summary>The profile as a table with its caption, headers, node names and note in the culture of <paramref name="o"/> (the numbers of a table stay invariant).</summary>
    internal Table ToTable(ReportOptions o)
    {
        var block = StandingsBlock(TitleIn(o), "unit-profile", Rows, Indented.ByDepth, o);
        block.AddNote(o.T("Profile_Note", o.ScoreUnit(Result.Methodology)));
        return block.Build();
    }

    internal enum Indented
    {
        No,
        ByDepth,
    }

    /// <summary>
    /// A table of node standings: code (indented by depth below the index when asked), name, raw value, score, rank of
    /// N, national median, group median. Shared with <see cref="UnitReport"/>'s strengths and weaknesses.
    /// </summary>
    internal TableBuilder StandingsBlock(string title, string cssClass, IEnumerable<NodeStanding> rows, Indented indented, ReportOptions o)
    {
        var groupMedian = Group is null ? o.T("Profile_GroupMedian") : o.T("Profile_GroupMedianOf", o.GroupName(GroupName!));
        var groupHeader = char.ToUpper(groupMedian[0], o.Culture) + groupMedian[1..];
        var fw = Result.Methodology.Framework;
        var score = NumberFormat.Fixed(2);
        var block = new TableBuilder(title,
        [
            TableColumn.Text("node_code", o.T("Col_Code")),
            TableColumn.Label("node_name", o.T("Col_Name")),
            TableColumn.Number("raw_value", o.T("Profile_RawValue")),
            TableColumn.Number("score", o.T("Profile_Score"), score),
            TableColumn.Rank("rank", o.T("Profile_RankOf", o.Int(Result.Units.Length))),
            TableColumn.Number("national_median", o.T("Profile_NationalMedian"), score),
            TableColumn.Number("group_median", groupHeader, score),
        ], cssClass);
        var maxLevel = Result.Methodology.Framework.MaxLevel;
        foreach (var r in rows)
        {
            var indent = indented == Indented.ByDepth ? new string(' ', 2 * (maxLevel - r.Level)) : string.Empty;
            block.AddClassedRow("level-" + Markup.Int(r.Level), TableCell.Text(r.NodeCode).WithDisplay(indent.Length == 0 ? null : indent + r.NodeCode), fw.Contains(r.NodeCode) ? o.NodeName(fw[r.NodeCode]) : r.Name,
                r.RawValue, r.Score, r.Rank, r.MedianScore, r.GroupMedianScore);
        }

        return block;
    }

    /// <summary>Aligned text (diacritics-aware widths): the caption, the table with codes indented by depth, a note on scales.</summary>
    /// <returns>The text, LF line ends, no trailing newline.</returns>
    public string ToText() => ToTable().ToText();

    /// <summary>A Markdown section: the caption as a level-3 heading, the table, the note.</summary>
    /// <returns>The Markdown text, no trailing newline.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => ToTable().ToMarkdown();

    /// <summary>
    /// CSV (RFC 4180, invariant culture, round-trip precision, NaN as an empty cell): <c>node_code,node_name,level,raw_value,
    /// score,rank,national_median,group_median,raw_national_median,raw_group_median</c>, one row per node in tree order.
    /// </summary>
    /// <returns>The CSV text, LF line ends.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        var block = new TableBuilder(Title, [.. CsvHeader.Select((h, i) => i < 2 ? TableColumn.Text(h, h) : TableColumn.Number(h, h))], "unit-profile");
        foreach (var r in Rows)
        {
            block.AddRow(r.NodeCode, r.Name, r.Level, r.RawValue, r.Score, r.Rank, r.MedianScore, r.GroupMedianScore, r.MedianRaw, r.GroupMedianRaw);
        }

        return block.Build().ToCsv(new TableRenderOptions(injection: injection));
    }

    /// <summary>
    /// An HTML fragment (well-formed XML): a <c>&lt;div class="unit-profile"&gt;</c> holding a table with a caption,
    /// one row per node (class <c>level-L</c>), numeric cells with class <c>num</c>, and the note. Every text is encoded.
    /// </summary>
    /// <returns>The markup, LF line ends.</returns>
    public string ToHtml() => ToTable().ToHtml();

    /// <summary>The text form.</summary>
    /// <returns>The same as <see cref="ToText"/>.</returns>
    public override string ToString() => ToText();
}
