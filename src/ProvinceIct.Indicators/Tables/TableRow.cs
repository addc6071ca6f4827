using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// A row of a <see cref="Table"/>: one cell per column, and an optional class (a short tag such as <c>flagged</c> or
/// <c>missing</c>) that HTML writes as the row's <c>class</c> attribute and the other renderers ignore. Immutable.
/// </summary>
public sealed class TableRow
{
    internal TableRow(ImmutableArray<TableCell> cells, string? rowClass)
    {
        Cells = cells;
        Class = string.IsNullOrWhiteSpace(rowClass) ? null : rowClass;
    }

    /// <summary>The cells, one per column.</summary>
    public ImmutableArray<TableCell> Cells { get; }

    /// <summary>The row's class (HTML), or null.</summary>
    public string? Class { get; }

    /// <summary>The cell of a column.</summary>
    /// <param name="column">The 0-based column index.</param>
    public TableCell this[int column] => Cells[column];
}
