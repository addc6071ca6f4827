using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// One cell of a <see cref="Table"/>: a text (for text columns) or a number (for numeric columns; kept as a double, never
/// pre-formatted), or missing. A missing cell is a null text, a NaN number, or <c>default</c>; the human renderers show
/// <see cref="TableRenderOptions.MissingText"/> (default <c>-</c>) for it, CSV and TSV an empty field. An optional
/// <see cref="Display"/> text replaces what the human renderers show (for example <c>up 3</c> for a rank change of 3,
/// or an indented code), while CSV and TSV keep the value.
/// </summary>
public readonly struct TableCell : IEquatable<TableCell>
{
    private TableCell(string? text, double number, bool isNumber, string? display)
    {
        TextValue = text;
        NumberValue = number;
        IsNumber = isNumber;
        Display = display;
    }

    /// <summary>A missing cell (valid in any column).</summary>
    public static TableCell Missing => default;

    /// <summary>True when the cell holds a number (possibly NaN, which is missing).</summary>
    public bool IsNumber { get; }

    /// <summary>The text of a text cell; null for a number cell or a missing text.</summary>
    public string? TextValue { get; }

    /// <summary>The number of a number cell (NaN when missing); NaN for a text cell.</summary>
    public double NumberValue { get; }

    /// <summary>The text the human renderers show instead of the formatted value, or null.</summary>
    public string? Display { get; }

    /// <summary>True when the cell has no value (null text, NaN number or <c>default</c>).</summary>
    public bool IsMissing => IsNumber ? double.IsNaN(NumberValue) : TextValue is null;

    /// <summary>A text cell; null is missing.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    public static TableCell Text(string? text) => new(text, double.NaN, false, null);

    /// <summary>A number cell; NaN is missing.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The cell.</returns>
    public static TableCell Number(double value) => new(null, value, true, null);

    /// <summary>A text cell from a string; null is missing.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator TableCell(string? text) => Text(text);

    /// <summary>A number cell from a double; NaN is missing.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator TableCell(double value) => Number(value);

    /// <summary>Equality of value and display.</summary>
    /// <param name="left">A cell.</param>
    /// <param name="right">Another cell.</param>
    public static bool operator ==(TableCell left, TableCell right) => left.Equals(right);

    /// <summary>Inequality of value or display.</summary>
    /// <param name="left">A cell.</param>
    /// <param name="right">Another cell.</param>
    public static bool operator !=(TableCell left, TableCell right) => !left.Equals(right);

    /// <summary>The same value shown to readers as <paramref name="display"/> (CSV and TSV still write the value).</summary>
    /// <param name="display">The text shown; null to show the formatted value.</param>
    /// <returns>The cell.</returns>
    public TableCell WithDisplay(string? display) => new(TextValue, NumberValue, IsNumber, display);

    /// <inheritdoc/>
    public bool Equals(TableCell other) =>
        IsNumber == other.IsNumber && TextValue == other.TextValue && NumberValue.Equals(other.NumberValue) && Display == other.Display;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TableCell c && Equals(c);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsNumber, TextValue, NumberValue, Display);

    /// <summary>The value: the text, the number at round-trip precision (invariant), or empty when missing.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => IsMissing ? string.Empty : IsNumber ? NumberValue.ToString("R", CultureInfo.InvariantCulture) : TextValue!;
}
