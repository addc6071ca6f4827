using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// A titled table of typed columns and rows, with notes, that renders as aligned text, Markdown, HTML, CSV or TSV
/// (<see cref="Render(TableFormat, TableRenderOptions?)"/>). The one table model of the library: every result that
/// prints a table offers it through <c>ToTable()</c>.
/// </summary>
/// <remarks>
/// <para>Invariants, checked once when the table is created: every row has exactly one cell per column; a numeric
/// column (<see cref="TableColumn.IsNumeric"/>) holds number cells or missing cells, a text column text cells or
/// missing cells; an <see cref="ColumnKind.Integer"/> column holds whole numbers; column keys are unique.</para>
/// <para>Missing values (a NaN number, a null text) are shown as <see cref="TableRenderOptions.MissingText"/> (default
/// <c>-</c>) in text, Markdown and HTML, and as empty fields in CSV and TSV. Numbers keep full precision in the model
/// and in CSV/TSV (invariant, round-trip); readers see them through the column's <see cref="NumberFormat"/>.
/// Empty tables (no rows) are valid and render their header. Row order is the order given; nothing is sorted.</para>
/// </remarks>
public sealed class Table
{
    private Table(string title, string name, ImmutableArray<TableColumn> columns, ImmutableArray<TableRow> rows, ImmutableArray<string> notes)
    {
        Title = title;
        Name = name;
        Columns = columns;
        Rows = rows;
        Notes = notes;
    }

    /// <summary>The title (the caption in HTML, a heading in Markdown, the first line of text); may be empty.</summary>
    public string Title { get; }

    /// <summary>A short machine name (for example <c>ranking</c>, <c>uncertainty</c>): the HTML class of the table, a file stem.</summary>
    public string Name { get; }

    /// <summary>The columns, in order.</summary>
    public ImmutableArray<TableColumn> Columns { get; }

    /// <summary>The rows, in order.</summary>
    public ImmutableArray<TableRow> Rows { get; }

    /// <summary>The notes printed under the table (for example <c>Illustrative index, not the official ICT Index.</c>).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>The cell at a row and a column.</summary>
    /// <param name="row">The 0-based row index.</param>
    /// <param name="column">The 0-based column index.</param>
    public TableCell this[int row, int column] => Rows[row].Cells[column];

    /// <summary>Creates a table, checking its invariants (see the type's remarks).</summary>
    /// <param name="title">The title (may be empty, not null).</param>
    /// <param name="columns">The columns (at least one, unique keys).</param>
    /// <param name="rows">The rows.</param>
    /// <param name="notes">The notes under the table, or null; blank notes are dropped.</param>
    /// <param name="name">The machine name (default <c>table</c>).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">When an invariant fails; the message names the row and column.</exception>
    public static Table Create(string title, IEnumerable<TableColumn> columns, IEnumerable<TableRow> rows, IEnumerable<string>? notes = null, string name = "table")
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Internal.Preconditions.NotBlank(name);
        var cols = columns.ToImmutableArray();
        if (cols.IsEmpty)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cols)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(columns));
            if (!keys.Add(c.Key))
            {
                throw new ArgumentException("Column key '" + c.Key + "' appears twice; keys must be unique.", nameof(columns));
            }
        }

        var body = rows.ToImmutableArray();
        for (var r = 0; r < body.Length; r++)
        {
            Check(cols, body[r], r);
        }

        return new Table(title, name, cols, body, notes is null ? [] : [.. notes.Where(n => !string.IsNullOrWhiteSpace(n))]);
    }

    /// <summary>A row for <see cref="Create"/>.</summary>
    /// <param name="cells">The cells, one per column.</param>
    /// <returns>The row.</returns>
    public static TableRow Row(params TableCell[] cells) => new([.. cells ?? throw new ArgumentNullException(nameof(cells))], null);

    /// <summary>A row with an HTML class for <see cref="Create"/>.</summary>
    /// <param name="rowClass">The class (for example <c>flagged</c>), or null.</param>
    /// <param name="cells">The cells, one per column.</param>
    /// <returns>The row.</returns>
    public static TableRow ClassedRow(string? rowClass, params TableCell[] cells) => new([.. cells ?? throw new ArgumentNullException(nameof(cells))], rowClass);

    /// <summary>Renders the table in a format.</summary>
    /// <param name="format">The format.</param>
    /// <param name="options">The options, or null for <see cref="TableRenderOptions.Default"/>.</param>
    /// <returns>The text: LF line ends; text, Markdown and HTML without a trailing newline, CSV and TSV with one after every record.</returns>
    public string Render(TableFormat format, TableRenderOptions? options = null) => TableRenderer.For(format).Render(this, options ?? TableRenderOptions.Default);

    /// <summary>Aligned text for a terminal: the title, the header, a rule, the rows, the notes. Widths count user-perceived characters, so names with combining marks align.</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The text, no trailing newline.</returns>
    public string ToText(TableRenderOptions? options = null) => Render(TableFormat.Text, options);

    /// <summary>A Markdown section: the title as a heading, a pipe table (numeric columns right-aligned), the notes; every text escaped.</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The Markdown, no trailing newline.</returns>
    public string ToMarkdown(TableRenderOptions? options = null) => Render(TableFormat.Markdown, options);

    /// <summary>An HTML fragment: a <c>div</c> holding a <c>table</c> (caption, header, body) and the notes; every text encoded, no scripts or styles.</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The markup, no trailing newline.</returns>
    public string ToHtml(TableRenderOptions? options = null) => Render(TableFormat.Html, options);

    /// <summary>CSV (RFC 4180, LF): the column keys, then the rows; numbers invariant at round-trip precision, missing values empty, formula-like text neutralised per <see cref="TableRenderOptions.Injection"/>.</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The CSV text.</returns>
    public string ToCsv(TableRenderOptions? options = null) => Render(TableFormat.Csv, options);

    /// <summary>TSV: as <see cref="ToCsv"/> with tabs between fields.</summary>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The TSV text.</returns>
    public string ToTsv(TableRenderOptions? options = null) => Render(TableFormat.Tsv, options);

    /// <summary>
    /// Only the Markdown pipe table (header, alignment row, rows), without the title, the notes and the column notes, no
    /// trailing newline: for results that place a table inside their own Markdown text.
    /// </summary>
    internal string ToMarkdownGrid(TableRenderOptions? options = null)
    {
        var sb = new System.Text.StringBuilder();
        MarkdownTableRenderer.AppendGrid(sb, this, options ?? TableRenderOptions.Default);
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Formats as <c>Table name: N columns x M rows</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "Table " + Name + ": " + Columns.Length.ToString(CultureInfo.InvariantCulture) + " columns x " + Rows.Length.ToString(CultureInfo.InvariantCulture) + " rows";

    /// <summary>The text a human renderer shows for a cell: its display, else its value formatted in the options' culture, else the options' missing text.</summary>
    internal static string Shown(TableColumn column, TableCell cell, TableRenderOptions options) =>
        cell.Display ?? (cell.IsMissing ? options.MissingText : cell.IsNumber ? column.FormatNumber(cell.NumberValue, options.Culture) ?? options.MissingText : cell.TextValue!);

    internal static void Check(ImmutableArray<TableColumn> cols, TableRow row, int r, string paramName = "rows")
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Cells.Length != cols.Length)
        {
            throw new ArgumentException(
                "Row " + (r + 1).ToString(CultureInfo.InvariantCulture) + " has " + row.Cells.Length.ToString(CultureInfo.InvariantCulture) + " cells; expected one per column, "
                + cols.Length.ToString(CultureInfo.InvariantCulture) + ".", paramName);
        }

        for (var c = 0; c < cols.Length; c++)
        {
            var cell = row.Cells[c];
            var col = cols[c];
            if (cell.IsMissing)
            {
                continue;
            }

            if (cell.IsNumber != col.IsNumeric)
            {
                throw new ArgumentException(
                    "Row " + (r + 1).ToString(CultureInfo.InvariantCulture) + ", column '" + col.Key + "': expected " + (col.IsNumeric ? "a number" : "a text") + ", found "
                    + (cell.IsNumber ? "the number " + cell : "the text '" + cell.TextValue + "'") + ".", paramName);
            }

            if (col.Kind == ColumnKind.Integer && double.IsFinite(cell.NumberValue) && Math.Floor(cell.NumberValue) != cell.NumberValue)
            {
                throw new ArgumentException(
                    "Row " + (r + 1).ToString(CultureInfo.InvariantCulture) + ", column '" + col.Key + "': expected a whole number, found " + cell + ".", paramName);
            }
        }
    }
}
