using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// What <see cref="BoundaryRemapper"/> did for one 2025 unit: the 2016 units that formed it, those absent from the
/// dataset, and how each column's value was obtained.
/// </summary>
public sealed class RemapUnitLog
{
    internal RemapUnitLog(Province unit, ImmutableArray<Province> predecessors, ImmutableArray<Province> absentPredecessors, ImmutableArray<RemapCellLog> cells)
    {
        Unit = unit;
        Predecessors = predecessors;
        AbsentPredecessors = absentPredecessors;
        Cells = cells;
    }

    /// <summary>The 2025 unit.</summary>
    public Province Unit { get; }

    /// <summary>The 2016 units that formed it (codes and names), in GSO order.</summary>
    public ImmutableArray<Province> Predecessors { get; }

    /// <summary>The predecessors with no row in the dataset, in GSO order; empty when all were present.</summary>
    public ImmutableArray<Province> AbsentPredecessors { get; }

    /// <summary>One entry per remapped column (dropped columns excluded), in output column order.</summary>
    public ImmutableArray<RemapCellLog> Cells { get; }

    /// <summary>
    /// How complete the unit is: <see cref="RemapOutcome.Complete"/> when every predecessor had a row and every value
    /// was computed from all of them; <see cref="RemapOutcome.Missing"/> when no predecessor had a row (the unit is blank
    /// in the remapped dataset); <see cref="RemapOutcome.Partial"/> otherwise (some predecessors absent, or some values
    /// missing or computed from only some predecessors). A unit with no remapped column is complete when all its
    /// predecessors are present.
    /// </summary>
    public RemapOutcome Outcome =>
        AbsentPredecessors.Length == Predecessors.Length && !Predecessors.IsEmpty ? RemapOutcome.Missing
        : AbsentPredecessors.IsEmpty && Cells.All(c => c.Outcome == RemapOutcome.Complete) ? RemapOutcome.Complete
        : RemapOutcome.Partial;

    /// <summary>The entry for a column.</summary>
    /// <param name="indicatorCode">The column code.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">When the column was not remapped (absent or dropped).</exception>
    public RemapCellLog Cell(string indicatorCode) =>
        Cells.FirstOrDefault(c => c.IndicatorCode == indicatorCode)
        ?? throw new KeyNotFoundException($"Column '{indicatorCode}' was not remapped.");

    /// <summary>Formats as <c>75 Đồng Nai &lt;- 70 Bình Phước + 75 Đồng Nai</c>, with <c>(absent: ...)</c> when some predecessors had no row.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = Unit + " <- " + string.Join(" + ", Predecessors);
        return AbsentPredecessors.IsEmpty ? text : text + " (absent: " + string.Join(", ", AbsentPredecessors) + ")";
    }
}
