using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// The record of a <see cref="BoundaryRemapper.Remap"/>: for each 2025 unit, the 2016 units that formed it and those
/// absent from the dataset; for each column the rule applied, and for each value the predecessors that had none.
/// </summary>
public sealed class RemapLog
{
    internal RemapLog(int inputUnitCount, RemapPlan plan, ImmutableArray<string> droppedColumns, ImmutableArray<RemapUnitLog> units, ImmutableArray<string> unmappedInputCodes)
    {
        UnmappedInputCodes = unmappedInputCodes;
        InputUnitCount = inputUnitCount;
        Plan = plan;
        DroppedColumns = droppedColumns;
        Units = units;
    }

    /// <summary>The number of 2016 units in the input dataset.</summary>
    public int InputUnitCount { get; }

    /// <summary>The plan applied (a rule per input column).</summary>
    public RemapPlan Plan { get; }

    /// <summary>The columns left out by <see cref="RemapRule.Drop"/>, in input order.</summary>
    public ImmutableArray<string> DroppedColumns { get; }

    /// <summary>One entry per 2025 unit, in GSO code order (the row order of the remapped dataset).</summary>
    public ImmutableArray<RemapUnitLog> Units { get; }

    /// <summary>The entry of a 2025 unit.</summary>
    /// <param name="code2025">The GSO code of the 2025 unit.</param>
    /// <exception cref="KeyNotFoundException">When no 2025 unit has the code.</exception>
    public RemapUnitLog this[string code2025] =>
        Units.FirstOrDefault(u => u.Unit.Code == code2025) ?? throw new KeyNotFoundException($"No 2025 unit has the code '{code2025}'.");

    /// <summary>
    /// The 2025 units that are not complete (<see cref="RemapUnitLog.Outcome"/> is <see cref="RemapOutcome.Partial"/>
    /// or <see cref="RemapOutcome.Missing"/>), in GSO order: some predecessors are absent from the dataset, or some
    /// values are missing or computed from only some predecessors. Empty when every 2025 unit is fully covered.
    /// </summary>
    public IEnumerable<RemapUnitLog> IncompleteUnits => Units.Where(u => u.Outcome != RemapOutcome.Complete);

    /// <summary>
    /// The codes of input units that are predecessors of no 2025 unit in the catalogue used, in input order: their
    /// data is not carried anywhere. Empty with <see cref="ProvinceCatalog.Default"/>, where every one of the 63 units
    /// has a successor; a custom catalogue may leave some out.
    /// </summary>
    public ImmutableArray<string> UnmappedInputCodes { get; }

    /// <summary>True when every 2025 unit is complete and every input unit was carried to one: nothing is blank or partial.</summary>
    public bool IsComplete => UnmappedInputCodes.IsEmpty && !IncompleteUnits.Any();

    /// <summary>The 2016 units absent from the dataset, in GSO order.</summary>
    public IEnumerable<Province> AbsentPredecessors => Units.SelectMany(u => u.AbsentPredecessors);

    /// <summary>The values that are missing in the remapped dataset, unit by unit.</summary>
    public IEnumerable<RemapCellLog> MissingValues => Units.SelectMany(u => u.Cells).Where(c => c.Outcome == RemapOutcome.Missing);

    /// <summary>The values computed from only some predecessors (<see cref="RemapMissingPolicy.UseAvailable"/>), unit by unit.</summary>
    public IEnumerable<RemapCellLog> PartialValues => Units.SelectMany(u => u.Cells).Where(c => c.Outcome == RemapOutcome.Partial);

    /// <summary>The sums over only some predecessors: flagged because they undercount their unit.</summary>
    public IEnumerable<RemapCellLog> PartialSums => PartialValues.Where(c => c.IsPartialSum);

    /// <summary>
    /// A Markdown table with one row per 2025 unit: code, name, the 2016 units that formed it, those absent, and the
    /// columns with a missing or partial value (partial sums marked <c>partial sum</c>).
    /// </summary>
    /// <returns>The invariant Markdown text (LF line ends, no trailing newline).</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown() => ToTable().ToMarkdownGrid();

    /// <summary>
    /// One row per 2025 unit in GSO order as a table (name <c>remap</c>): <c>code</c>, <c>unit</c> (Vietnamese name),
    /// <c>formed_from</c> (the 2016 units, code and name, comma-separated), <c>absent</c> (those without a row in the
    /// dataset) and <c>missing_or_partial</c> (each column with a missing or partial value, for example
    /// <c>count partial sum (70)</c>, with the predecessors that lacked it; semicolon-separated). Empty lists are empty texts.
    /// </summary>
    /// <returns>The table; <see cref="ToMarkdown"/> is its Markdown grid.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            "Remap of " + InputUnitCount.ToString(CultureInfo.InvariantCulture) + " units to " + Units.Length.ToString(CultureInfo.InvariantCulture),
            [TableColumn.Text("code", "code"), TableColumn.Label("unit", "unit"), TableColumn.Text("formed_from", "formed from"), TableColumn.Text("absent", "absent"), TableColumn.Text("missing_or_partial", "missing or partial values")],
            "remap");
        foreach (var u in Units)
        {
            var notes = u.Cells.Where(c => c.Outcome != RemapOutcome.Complete).Select(c =>
                c.IndicatorCode + " " + (c.Outcome == RemapOutcome.Missing ? "missing" : c.IsPartialSum ? "partial sum" : "partial") + " (" + string.Join(", ", c.MissingPredecessorCodes) + ")");
            table.AddRow(u.Unit.Code, u.Unit.NameVi, string.Join(", ", u.Predecessors), string.Join(", ", u.AbsentPredecessors), string.Join("; ", notes));
        }

        if (!DroppedColumns.IsEmpty)
        {
            table.AddNote("Columns dropped: " + string.Join(", ", DroppedColumns) + ".");
        }

        if (!UnmappedInputCodes.IsEmpty)
        {
            table.AddNote("Input units not carried to any unit: " + string.Join(", ", UnmappedInputCodes) + ".");
        }

        return table.Build();
    }

    /// <summary>
    /// Formats as <c>RemapLog: 63 -> 34 units, 12 columns (1 dropped), 0 absent predecessors, 0 missing, 0 partial (0 partial sums)</c>, then <c>, N input units not carried</c> when <see cref="UnmappedInputCodes"/> is not empty.
    /// </summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"RemapLog: {InputUnitCount} -> {Units.Length} units, {Plan.Count} columns ({DroppedColumns.Length} dropped), {AbsentPredecessors.Count()} absent predecessors, {MissingValues.Count()} missing, {PartialValues.Count()} partial ({PartialSums.Count()} partial sums)")
        + (UnmappedInputCodes.IsEmpty ? string.Empty : ", " + UnmappedInputCodes.Length.ToString(CultureInfo.InvariantCulture) + " input units not carried");
}
