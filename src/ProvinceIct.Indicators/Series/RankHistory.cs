using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// The rank history of the units of a series at one node (see <see cref="IndexSeries.RankHistory"/>): one entry per unit
/// and edition, units new, missing or merged marked by <see cref="RankHistoryEntry.Status"/>, never dropped. Immutable.
/// </summary>
public sealed class RankHistory
{
    internal RankHistory(string nodeCode, string nodeName, int baseYear, SeriesNormalisation normalisation, ImmutableArray<int> years, ImmutableArray<RankHistoryEntry> entries, ImmutableArray<KeyValuePair<int, RemapLog>> remapLogs)
    {
        NodeCode = nodeCode;
        NodeName = nodeName;
        BaseYear = baseYear;
        Normalisation = normalisation;
        Years = years;
        Entries = entries;
        RemapLogs = remapLogs;
    }

    /// <summary>The node.</summary>
    public string NodeCode { get; }

    /// <summary>The node's display name in the methodology of the last edition that has it (for example <c>Infrastructure</c>); the code when the framework gives no name.</summary>
    public string NodeName { get; }

    /// <summary>The base year of <see cref="RankHistoryEntry.ChangeFromBase"/>.</summary>
    public int BaseYear { get; }

    /// <summary>How the series was normalised.</summary>
    public SeriesNormalisation Normalisation { get; }

    /// <summary>The years of the editions that have the node, increasing.</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>The entries: by year; within a year the edition's units in dataset order, then the missing units, then the merged ones (each in code order).</summary>
    public ImmutableArray<RankHistoryEntry> Entries { get; }

    /// <summary>For each 63-unit edition of a series that crosses 1 July 2025 (by year), how its data were carried to the 34 units; empty otherwise.</summary>
    public ImmutableArray<KeyValuePair<int, RemapLog>> RemapLogs { get; }

    /// <summary>The entries of one unit code, in year order (a code may name a 63-unit province in early years and a 34-unit one later: see <see cref="RankHistoryEntry.Geography"/>).</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <returns>The entries; empty when the code is not in the series.</returns>
    public ImmutableArray<RankHistoryEntry> ForUnit(string unitCode) => [.. Entries.Where(e => string.Equals(e.UnitCode, unitCode, StringComparison.Ordinal))];

    /// <summary>The entry of a unit in a year.</summary>
    /// <param name="year">The year.</param>
    /// <param name="unitCode">The unit code.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">When there is no such entry.</exception>
    public RankHistoryEntry Entry(int year, string unitCode) =>
        Entries.FirstOrDefault(e => e.Year == year && string.Equals(e.UnitCode, unitCode, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"The rank history of '{NodeCode}' has no entry for unit '{unitCode}' in {year}."));

    /// <summary>
    /// Every entry as a table (name <c>rank-history</c>): <c>year</c>, <c>unit</c>, <c>name</c>, <c>status</c>,
    /// <c>score</c> (2 decimals), <c>rank</c>, <c>of</c> (units ranked), <c>previous_rank</c>, <c>change</c> (previous -
    /// rank, positive = up, shown signed), <c>base_rank</c>, <c>change_base</c>, <c>successor</c>; NaN is missing. The
    /// notes state the node, the normalisation and the footing across 1 July 2025.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            "Rank history of " + NodeCode,
            [TableColumn.Integer("year", "Year"), TableColumn.Text("unit", "Unit"), TableColumn.Label("name", "Name"), TableColumn.Text("status", "Status"),
             TableColumn.Number("score", "Score", NumberFormat.Fixed(2)), TableColumn.Rank("rank", "Rank"), TableColumn.Integer("of", "Of"),
             TableColumn.Rank("previous_rank", "Previous rank"), TableColumn.Number("change", "Change", NumberFormat.UpTo(2)),
             TableColumn.Rank("base_rank", "Rank in " + IndexSeries.Text(BaseYear)), TableColumn.Number("change_base", "Change since " + IndexSeries.Text(BaseYear), NumberFormat.UpTo(2)),
             TableColumn.Text("successor", "Successor")],
            "rank-history");
        foreach (var e in Entries)
        {
            table.AddRow(e.Year, e.UnitCode, e.UnitName, e.Status.ToString(), e.Score, e.Rank, e.RankedCount, e.PreviousRank, Signed(e.ChangeFromPrevious),
                e.BaseRank, Signed(e.ChangeFromBase), e.SuccessorCode);
        }

        foreach (var note in Notes())
        {
            table.AddNote(note);
        }

        return table.Build();
    }

    /// <summary>
    /// The ranks as a wide table (name <c>rank-history-wide</c>): one row per unit (code and geography as they first
    /// appear), one rank column per year (<c>y2019</c>, ...), then the change since the base year in the last year;
    /// a missing or merged unit has an empty rank (a merged unit's successor is named in the last column).
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToWideTable()
    {
        var columns = new List<TableColumn> { TableColumn.Text("unit", "Unit"), TableColumn.Label("name", "Name") };
        columns.AddRange(Years.Select(y => TableColumn.Rank("y" + IndexSeries.Text(y), IndexSeries.Text(y))));
        columns.Add(TableColumn.Number("change_base", "Change since " + IndexSeries.Text(BaseYear), NumberFormat.UpTo(2)));
        columns.Add(TableColumn.Text("successor", "Successor"));
        var table = new TableBuilder("Rank history of " + NodeCode + " by year", columns, "rank-history-wide");
        foreach (var key in Entries.Select(e => (e.Geography, e.UnitCode)).Distinct())
        {
            var mine = Entries.Where(e => e.Geography == key.Geography && string.Equals(e.UnitCode, key.UnitCode, StringComparison.Ordinal)).ToList();
            var cells = new List<TableCell> { key.UnitCode, mine[^1].UnitName };
            foreach (var y in Years)
            {
                cells.Add(mine.FirstOrDefault(x => x.Year == y) is { } e ? e.Rank : TableCell.Missing);
            }

            cells.Add(mine[^1].Year == Years[^1] ? Signed(mine[^1].ChangeFromBase) : TableCell.Missing);
            cells.Add(mine.Select(e => e.SuccessorCode).LastOrDefault(s => s is not null));
            table.AddRow([.. cells]);
        }

        foreach (var note in Notes())
        {
            table.AddNote(note);
        }

        return table.Build();
    }

    private IEnumerable<string> Notes()
    {
        yield return Normalisation == SeriesNormalisation.Panel
            ? "Normalised over the panel: min-max bounds fixed over every edition, so scores are comparable across years."
            : "Normalised per year: each edition on its own bounds, so scores are not comparable across years (ranks are).";
        yield return "Change = previous rank - rank (positive = moved up); base year " + IndexSeries.Text(BaseYear) + ".";
        if (!RemapLogs.IsEmpty)
        {
            yield return "Across 1 July 2025 the earlier editions were carried to the 34 units and recomputed; changes of the 34 units are between two 34-unit rankings (see the remap tables).";
        }
    }

    private static TableCell Signed(double x) => x > 0 ? TableCell.Number(x).WithDisplay(RankHistoryEntry.Signed(x)) : TableCell.Number(x);

    /// <summary>Formats as <c>RankHistory index: 3 editions (2019-2025), base 2019, 190 entries</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RankHistory {NodeCode}: {Years.Length} editions ({Years[0]}-{Years[^1]}), base {BaseYear}, {Entries.Length} entries");
}
