using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Ranks within groups (COINr's <c>groupranks</c>): at every node of a result, each unit ranked only among the units
/// of its group (a region, or any group column of the data), higher score first, under the result's tie policy. A unit
/// without a value in the group column has no group and NaN ranks; a unit with a missing score has a NaN rank, and is
/// not counted in its group's size at that node. Immutable.
/// </summary>
public sealed class GroupRanks
{
    private readonly IndexResult _result;
    private readonly double[] _ranks; // node * units + unit
    private readonly int[] _sizes;     // node * units + unit: units ranked in the unit's group at the node

    private GroupRanks(IndexResult result, string groupName, ImmutableArray<string?> groups, double[] ranks, int[] sizes)
    {
        _result = result;
        GroupName = groupName;
        Groups = groups;
        _ranks = ranks;
        _sizes = sizes;
    }

    /// <summary>The group column (for example <c>region</c>).</summary>
    public string GroupName { get; }

    /// <summary>The group of each unit, in the result's unit order; null when the unit has no value in the group column.</summary>
    public ImmutableArray<string?> Groups { get; }

    /// <summary>Ranks the units of a result within their groups at every node.</summary>
    /// <param name="result">The result.</param>
    /// <param name="groupName">The group column, as in <see cref="Model.Unit.Group"/> (case-sensitive).</param>
    /// <returns>The group ranks.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When no unit of the result has a value in the group column (the message lists the groups the units have).</exception>
    public static GroupRanks Compute(IndexResult result, string groupName)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(groupName);
        var groups = result.Units.Select(u => u.Group(groupName)).ToImmutableArray();
        if (groups.All(g => g is null))
        {
            var known = result.Units.SelectMany(u => u.Groups.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            throw new ArgumentException($"No unit has a value in group '{groupName}'; the groups of the units are: {(known.Count == 0 ? "none" : string.Join(", ", known))}.", nameof(groupName));
        }

        var n = result.Units.Length;
        var ranks = new double[result.NodeCodes.Length * n];
        var sizes = new int[ranks.Length];
        Array.Fill(ranks, double.NaN);
        var members = groups.Select((g, i) => (g, i)).Where(t => t.g is not null).GroupBy(t => t.g!, StringComparer.Ordinal).Select(g => g.Select(t => t.i).ToArray()).ToList();
        var codes = result.Units.Select(u => u.Code).ToArray();
        for (var k = 0; k < result.NodeCodes.Length; k++)
        {
            var scores = result.Scores(result.NodeCodes[k]).ToArray();
            foreach (var idx in members)
            {
                var r = Ranker.Rank(idx.Select(i => scores[i]).ToArray(), result.Methodology.Ties, idx.Select(i => codes[i]).ToArray());
                var size = r.Count(x => !double.IsNaN(x));
                for (var j = 0; j < idx.Length; j++)
                {
                    ranks[(k * n) + idx[j]] = r[j];
                    sizes[(k * n) + idx[j]] = size;
                }
            }
        }

        return new GroupRanks(result, groupName, groups, ranks, sizes);
    }

    /// <summary>A unit's rank within its group at a node; NaN when it has no group or no score there.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <param name="nodeCode">The node code, or null for the index.</param>
    /// <returns>The rank (1 = best in the group).</returns>
    /// <exception cref="KeyNotFoundException">When the unit or node does not exist.</exception>
    public double Rank(string unitCode, string? nodeCode = null) => _ranks[Position(unitCode, nodeCode)];

    /// <summary>How many units of the unit's group have a rank at the node (the "of 14" in "3rd of 14 in its region"); 0 without a group.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <param name="nodeCode">The node code, or null for the index.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or node does not exist.</exception>
    public int GroupSize(string unitCode, string? nodeCode = null) => _sizes[Position(unitCode, nodeCode)];

    private int Position(string unitCode, string? nodeCode)
    {
        var node = _result.NodeCodes.IndexOf(nodeCode ?? _result.IndexCode);
        return node < 0
            ? throw new KeyNotFoundException($"The result has no node '{nodeCode}'.")
            : (node * _result.Units.Length) + _result.UnitIndex(unitCode);
    }

    /// <summary>
    /// The group ranks as a table (name <c>group-ranks</c>), one row per unit in the result's unit order: <c>unit</c>,
    /// <c>name</c>, <c>group</c>, then for the index and each of its pillars the overall rank (<c>rank_X</c>) and the
    /// rank within the group (<c>group_rank_X</c>); NaN is missing.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var nodes = new[] { _result.IndexCode }.Concat(_result.PillarCodes).ToArray();
        var columns = new List<TableColumn> { TableColumn.Text("unit", "Unit"), TableColumn.Label("name", "Name"), TableColumn.Text("group", GroupName) };
        foreach (var node in nodes)
        {
            columns.Add(TableColumn.Rank("rank_" + node, "Rank " + node));
            columns.Add(TableColumn.Rank("group_rank_" + node, "Rank in " + GroupName + " " + node));
        }

        var table = new TableBuilder("Ranks within " + GroupName, columns, "group-ranks");
        for (var i = 0; i < _result.Units.Length; i++)
        {
            var u = _result.Units[i];
            var cells = new List<TableCell> { u.Code, u.Name, Groups[i] };
            foreach (var node in nodes)
            {
                cells.Add(_result.Rank(u.Code, node));
                cells.Add(Rank(u.Code, node));
            }

            table.AddRow([.. cells]);
        }

        table.AddNote("Each unit is ranked only among the units of its " + GroupName + " (COINr groupranks), higher score first, ties as in the methodology.");
        return table.Build();
    }

    /// <summary>Formats as <c>GroupRanks region: 6 groups, 63 units</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"GroupRanks {GroupName}: {Groups.Where(g => g is not null).Distinct().Count()} groups, {Groups.Length} units");
}
