using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// One worksheet for <see cref="XlsxWriter"/>: its (valid, unique) name, its table, how many leading rows and columns
/// are frozen (by default the header row only) and the data validation rules of its cells.
/// </summary>
internal sealed record XlsxSheet(string Name, Table Table)
{
    /// <summary>Rows frozen at the top (at least 1: the header row).</summary>
    public int FrozenRows { get; init; } = 1;

    /// <summary>Columns frozen at the left (0: none).</summary>
    public int FrozenColumns { get; init; }

    /// <summary>
    /// Rows of text written between the header row and the table's rows (row 2 onwards), one cell per column (null for
    /// an empty cell): notes such as the names and units under a data template's codes. The table's rows follow them.
    /// </summary>
    public ImmutableArray<ImmutableArray<string?>> NoteRows { get; init; } = [];

    /// <summary>The sheet's data validation rules (Excel's <c>dataValidations</c>), written after the cells.</summary>
    public ImmutableArray<XlsxValidation> Validations { get; init; } = [];
}
