using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// A column of a <see cref="Table"/>: a machine key (the CSV header, a JSON property name), the header shown to
/// readers, a <see cref="ColumnKind"/> (which decides the cell type and the alignment: text left, numbers right), an
/// optional unit of measure (shown after the header as <c>Header (unit)</c> by the human renderers), a
/// <see cref="NumberFormat"/> for numeric kinds, and an optional note (printed under the table). Immutable; created
/// through the named factories.
/// </summary>
public sealed class TableColumn
{
    private TableColumn(string key, string header, ColumnKind kind, NumberFormat? format, string? unit, string? note)
    {
        Key = Internal.Preconditions.NotBlank(key);
        Header = header ?? throw new ArgumentNullException(nameof(header));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind.");
        }

        Kind = kind;
        Format = kind is ColumnKind.Text or ColumnKind.Label ? null : format ?? DefaultFormat(kind);
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>The machine name: the CSV/TSV header cell.</summary>
    public string Key { get; }

    /// <summary>The header shown to readers (may be empty).</summary>
    public string Header { get; }

    /// <summary>What the column holds.</summary>
    public ColumnKind Kind { get; }

    /// <summary>How the human renderers show its numbers; null for text kinds.</summary>
    public NumberFormat? Format { get; }

    /// <summary>The unit of measure (for example <c>%</c>, <c>points</c>, <c>VND million</c>), or null.</summary>
    public string? Unit { get; }

    /// <summary>A note on the column (its source or definition), printed under the table as <c>Header: note</c>, or null.</summary>
    public string? Note { get; }

    /// <summary>True for the numeric kinds (<see cref="ColumnKind.Number"/>, <see cref="ColumnKind.Integer"/>, <see cref="ColumnKind.Rank"/>, <see cref="ColumnKind.Percent"/>): their cells are numbers, right-aligned.</summary>
    public bool IsNumeric => Kind is not (ColumnKind.Text or ColumnKind.Label);

    /// <summary>The header with its unit: <c>Header (unit)</c>, or the header alone.</summary>
    public string DisplayHeader => Unit is null ? Header : Header + " (" + Unit + ")";

    /// <summary>A text column.</summary>
    /// <param name="key">The machine name (not blank).</param>
    /// <param name="header">The header shown.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The column.</returns>
    public static TableColumn Text(string key, string header, string? note = null) => new(key, header, ColumnKind.Text, null, null, note);

    /// <summary>A text column that names its row (HTML row header).</summary>
    /// <param name="key">The machine name (not blank).</param>
    /// <param name="header">The header shown.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The column.</returns>
    public static TableColumn Label(string key, string header, string? note = null) => new(key, header, ColumnKind.Label, null, null, note);

    /// <summary>A real-number column.</summary>
    /// <param name="key">The machine name (not blank).</param>
    /// <param name="header">The header shown.</param>
    /// <param name="format">How readers see the numbers (default 4 significant digits).</param>
    /// <param name="unit">The unit of measure, or null.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The column.</returns>
    public static TableColumn Number(string key, string header, NumberFormat? format = null, string? unit = null, string? note = null) => new(key, header, ColumnKind.Number, format, unit, note);

    /// <summary>A whole-number column (counts).</summary>
    /// <param name="key">The machine name (not blank).</param>
    /// <param name="header">The header shown.</param>
    /// <param name="unit">The unit of measure, or null.</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The column.</returns>
    public static TableColumn Integer(string key, string header, string? unit = null, string? note = null) => new(key, header, ColumnKind.Integer, NumberFormat.Fixed(0), unit, note);

    /// <summary>A rank column (up to 2 decimals by default, for averaged ties).</summary>
    /// <param name="key">The machine name (not blank).</param>
    /// <param name="header">The header shown.</param>
    /// <param name="format">How readers see the ranks (default up to 2 decimals).</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The column.</returns>
    public static TableColumn Rank(string key, string header, NumberFormat? format = null, string? note = null) => new(key, header, ColumnKind.Rank, format, null, note);

    /// <summary>A share column: cells hold fractions (0.25), readers see percentages (<c>25%</c>).</summary>
    /// <param name="key">The machine name (not blank).</param>
    /// <param name="header">The header shown.</param>
    /// <param name="format">How readers see the percentage (default up to 2 decimals).</param>
    /// <param name="note">An optional note.</param>
    /// <returns>The column.</returns>
    public static TableColumn Percent(string key, string header, NumberFormat? format = null, string? note = null) => new(key, header, ColumnKind.Percent, format, null, note);

    /// <summary>A copy with another header (same key, kind, format, unit and note): the same column shown in another language.</summary>
    internal TableColumn WithHeader(string header) => new(Key, header, Kind, Format, Unit, Note);

    /// <summary>Formats as <c>key (Kind)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Key + " (" + Kind + ")";

    /// <summary>The text readers see for a number of this column under <paramref name="culture"/> (see <see cref="NumberFormat.FormatIn(double, CultureInfo)"/>), or null when missing.</summary>
    internal string? FormatNumber(double value, CultureInfo culture)
    {
        var f = Format ?? NumberFormat.Significant(4);
        if (Kind == ColumnKind.Percent)
        {
            var s = f.FormatIn(value * 100, culture);
            return s is null ? null : s + "%";
        }

        return f.FormatIn(value, culture);
    }

    private static NumberFormat DefaultFormat(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => NumberFormat.Fixed(0),
        ColumnKind.Rank or ColumnKind.Percent => NumberFormat.UpTo(2),
        _ => NumberFormat.Significant(4),
    };
}
