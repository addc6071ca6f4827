using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>One record (row) of a CSV file: its fields and the 1-based physical line on which it starts.</summary>
public sealed record CsvRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="line">The 1-based physical line on which the record starts (a quoted field may span lines).</param>
    /// <param name="fields">The fields, unquoted.</param>
    public CsvRecord(int line, ImmutableArray<string> fields)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        Line = line;
        Fields = fields.IsDefault ? [] : fields;
    }

    /// <summary>The 1-based physical line on which the record starts.</summary>
    public int Line { get; }

    /// <summary>The fields, unquoted, in order.</summary>
    public ImmutableArray<string> Fields { get; }

    /// <summary>The number of fields.</summary>
    public int Count => Fields.Length;

    /// <summary>The field at a 0-based position.</summary>
    /// <param name="index">The position.</param>
    public string this[int index] => Fields[index];

    /// <summary>Formats as <c>line N: a | b | c</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => "line " + Line.ToString(CultureInfo.InvariantCulture) + ": " + string.Join(" | ", Fields);

    /// <summary>Whether two records have the same line and fields.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(CsvRecord? other) => other is not null && Line == other.Line && Fields.SequenceEqual(other.Fields, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Line, Fields.Length);
}
