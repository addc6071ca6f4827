using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Builds a <see cref="Table"/> row by row: <c>new TableBuilder("Title", columns).AddRow("HN", "Hà Nội", 71.2).Build()</c>.
/// Each row is checked when added (one cell per column, the right cell type), so an error names the row that caused it.
/// Not thread-safe; <see cref="Build"/> may be called more than once.
/// </summary>
public sealed class TableBuilder
{
    private readonly ImmutableArray<TableColumn> _columns;
    private readonly List<TableRow> _rows = [];
    private readonly List<string> _notes = [];
    private readonly string _title;
    private readonly string _name;

    /// <summary>Starts a table.</summary>
    /// <param name="title">The title (may be empty, not null).</param>
    /// <param name="columns">The columns (at least one, unique keys).</param>
    /// <param name="name">The machine name (default <c>table</c>), the HTML class.</param>
    /// <exception cref="ArgumentException">When there is no column or a key repeats.</exception>
    public TableBuilder(string title, IEnumerable<TableColumn> columns, string name = "table")
    {
        _title = title ?? throw new ArgumentNullException(nameof(title));
        _columns = [.. columns ?? throw new ArgumentNullException(nameof(columns))];
        _name = name;
        Table.Create(title, _columns, [], null, name); // validates the columns and the name now
    }

    /// <summary>The rows added so far.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One cell per column (strings and doubles convert implicitly).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">When the row does not fit the columns.</exception>
    public TableBuilder AddRow(params TableCell[] cells) => AddClassedRow(null, cells);

    /// <summary>Adds a row with an HTML class (for example <c>flagged</c>).</summary>
    /// <param name="rowClass">The class, or null.</param>
    /// <param name="cells">One cell per column.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">When the row does not fit the columns.</exception>
    public TableBuilder AddClassedRow(string? rowClass, params TableCell[] cells)
    {
        var row = Table.ClassedRow(rowClass, cells);
        Table.Check(_columns, row, _rows.Count);
        _rows.Add(row);
        return this;
    }

    /// <summary>Adds a note printed under the table; a blank note is ignored.</summary>
    /// <param name="note">The note.</param>
    /// <returns>This builder.</returns>
    public TableBuilder AddNote(string note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            _notes.Add(note);
        }

        return this;
    }

    /// <summary>The table with the rows and notes added so far.</summary>
    /// <returns>The table.</returns>
    public Table Build() => Table.Create(_title, _columns, _rows, _notes, _name);
}
