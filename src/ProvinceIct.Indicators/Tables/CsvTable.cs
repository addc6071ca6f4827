using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// A CSV table as text: a header record and data records, each with its 1-based physical line number.
/// The reader follows RFC 4180: fields separated by a delimiter (comma by default); a field in double quotes may
/// hold delimiters, line breaks and doubled quotes (<c>""</c> for one <c>"</c>); records end with CRLF, LF or CR.
/// A UTF-8 byte order mark at the start is ignored. Physically empty lines outside quotes are skipped. Fields are
/// normalised to Unicode NFC, so a name in decomposed form (NFD, or Windows-1258's combining tone marks) compares equal
/// to the same name composed.
/// A quote inside an unquoted field is kept as text. Problems (an unterminated quoted field, text after a closing
/// quote) are reported with their line, never thrown. Fields are not trimmed.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string source, CsvRecord header, ImmutableArray<CsvRecord> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
    }

    /// <summary>A table of records read elsewhere (a worksheet's rows), header first.</summary>
    internal static CsvTable FromRecords(string source, CsvRecord header, System.Collections.Immutable.ImmutableArray<CsvRecord> rows) => new(source, header, rows);

    /// <summary>The file or source name, for messages.</summary>
    public string Source { get; }

    /// <summary>The header record (the first non-empty record).</summary>
    public CsvRecord Header { get; }

    /// <summary>The data records, in file order.</summary>
    public ImmutableArray<CsvRecord> Rows { get; }

    /// <summary>Reads a CSV table from a reader, reporting every problem found.</summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="source">The source name used in problems (for example the file name).</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    /// <param name="injection">Whether to remove the apostrophe a writer put before a formula-like text
    /// (<see cref="CsvInjectionPolicy.Neutralise"/>, the default: <c>'=SUM(A1)</c> reads as <c>=SUM(A1)</c>) or keep every
    /// field exactly as in the file (<see cref="CsvInjectionPolicy.None"/>).</param>
    /// <returns>The table, or the problems: <see cref="ProblemCode.MalformedInput"/> with the line of the fault;
    /// <see cref="ProblemCode.EmptyInput"/> when there is no header.</returns>
    public static ReadResult<CsvTable> Read(TextReader reader, string source = "<input>", char delimiter = ',', CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        return FromReader(new CsvRecordReader(reader, source, delimiter, injection), source);
    }

    /// <summary>
    /// Reads a CSV file. The encoding is taken from a byte order mark (UTF-8, UTF-16 LE or BE) when there is one, else
    /// <paramref name="encoding"/>, else UTF-8. A byte that cannot be decoded is never replaced: it is a
    /// <see cref="ProblemCode.MalformedInput"/> problem naming its line and column, and reading stops there.
    /// </summary>
    /// <param name="path">The file path; also the source name in problems.</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    /// <param name="encoding">The file's encoding when it has no byte order mark (for example Windows-1258, registered through
    /// <c>CodePagesEncodingProvider</c>), or null for UTF-8.</param>
    /// <param name="injection">The formula injection policy (see <see cref="Read(TextReader, string, char, CsvInjectionPolicy)"/>).</param>
    /// <returns>The table or the problems (see <see cref="Read(TextReader, string, char, CsvInjectionPolicy)"/>).</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<CsvTable> Read(string path, char delimiter = ',', Encoding? encoding = null, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        Internal.Preconditions.NotBlank(path);
        using var reader = StrictTextReader.Open(path, encoding);
        return FromReader(new CsvRecordReader(reader, path, delimiter, injection), path);
    }

    /// <summary>Parses CSV text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">The source name used in problems.</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    /// <param name="injection">The formula injection policy (see <see cref="Read(TextReader, string, char, CsvInjectionPolicy)"/>).</param>
    /// <returns>The table or the problems (see <see cref="Read(TextReader, string, char, CsvInjectionPolicy)"/>).</returns>
    public static ReadResult<CsvTable> Parse(string text, string source = "<input>", char delimiter = ',', CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        using var reader = new StringReader(text);
        return FromReader(new CsvRecordReader(reader, source, delimiter, injection), source);
    }

    private static ReadResult<CsvTable> FromReader(CsvRecordReader csv, string source)
    {
        var records = new List<CsvRecord>();
        while (csv.Read())
        {
            // The array is new and held by no one else: the record keeps it without a copy.
            records.Add(new CsvRecord(csv.Line, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(csv.Fields())));
        }

        var problems = csv.Problems;
        if (problems.Count == 0 && records.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Csv_NoHeaderRow")) { Source = source, ExpectedText = new ProblemText("Csv_ExpectedHeaderRow"), FoundText = new ProblemText("Csv_FoundNoRows") });
        }

        return problems.Count > 0
            ? ReadResult<CsvTable>.ForFailure(ValidationReport.Of(problems), source)
            : ReadResult<CsvTable>.ForValue(new CsvTable(source, records[0], [.. records.Skip(1)]), source);
    }

    /// <summary>
    /// Writes records as CSV, each field through <see cref="FormatField(string, char, CsvInjectionPolicy)"/>: quoted only
    /// when needed (it holds the delimiter, a quote or a line break, it is neutralised against formula injection, or it
    /// is the only, empty, field of its record); quotes inside are doubled. Every record ends with <paramref name="newLine"/>.
    /// </summary>
    /// <param name="writer">The writer; not disposed.</param>
    /// <param name="records">The records, header first.</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    /// <param name="newLine">The record terminator (default LF; RFC 4180 uses CRLF).</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default
    /// <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static void Write(TextWriter writer, IEnumerable<IReadOnlyList<string>> records, char delimiter = ',', string newLine = "\n", CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (record.Count == 1 && string.IsNullOrEmpty(record[0]))
            {
                writer.Write("\"\"");
            }
            else
            {
                for (var i = 0; i < record.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(delimiter);
                    }

                    writer.Write(FormatField(record[i] ?? string.Empty, delimiter, injection));
                }
            }

            writer.Write(newLine);
        }
    }

    /// <summary>
    /// The one CSV cell writer of the library. Under <see cref="CsvInjectionPolicy.Neutralise"/> (the default), a text
    /// cell whose first character after any leading apostrophes is <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return gets one leading apostrophe and is quoted (<c>=SUM(A1)</c> becomes <c>"'=SUM(A1)"</c>); a cell
    /// that parses whole as an invariant number (<c>-1.5</c>, <c>-Infinity</c>) is left alone. Then the field is quoted
    /// when it holds the delimiter, a double quote or a line break, with quotes inside doubled; otherwise it is returned
    /// unchanged. <see cref="Parse"/> under the same policy gives back the original text.
    /// </summary>
    /// <param name="field">The field text.</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    /// <param name="injection">The formula injection policy (default <see cref="CsvInjectionPolicy.Neutralise"/>).</param>
    /// <returns>The field as it appears in a CSV file.</returns>
    public static string FormatField(string field, char delimiter = ',', CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (injection == CsvInjectionPolicy.Neutralise && IsFormulaLike(field))
        {
            return "\"'" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        foreach (var c in field)
        {
            if (c == delimiter || c is '"' or '\r' or '\n')
            {
                return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }
        }

        return field;
    }

    /// <summary>True when a text would be run as a formula by a spreadsheet: its first character after any leading
    /// apostrophes is one of <c>= + - @</c>, tab or CR, and it is not a number in invariant form.</summary>
    private static bool IsFormulaLike(string field)
    {
        var k = 0;
        while (k < field.Length && field[k] == '\'')
        {
            k++;
        }

        return k < field.Length && field[k] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && (k > 0 || !double.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _));
    }

    /// <summary>Undoes <see cref="FormatField(string, char, CsvInjectionPolicy)"/>'s neutralising apostrophe: one leading
    /// apostrophe is removed when the field, after its leading apostrophes, starts with a dangerous character.</summary>
    internal static string Unneutralise(string field)
    {
        if (field.Length < 2 || field[0] != '\'')
        {
            return field;
        }

        var k = 1;
        while (k < field.Length && field[k] == '\'')
        {
            k++;
        }

        return k < field.Length && field[k] is '=' or '+' or '-' or '@' or '\t' or '\r' ? field[1..] : field;
    }

    /// <summary>Writes this table (header, then rows) as CSV.</summary>
    /// <param name="writer">The writer; not disposed.</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    /// <param name="injection">The formula injection policy (default <see cref="CsvInjectionPolicy.Neutralise"/>).</param>
    public void Write(TextWriter writer, char delimiter = ',', CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise) =>
        Write(writer, new[] { Header }.Concat(Rows).Select(r => (IReadOnlyList<string>)r.Fields), delimiter, "\n", injection);

    /// <summary>Formats as <c>CsvTable source: N columns x M rows</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "CsvTable " + Source + ": " + Header.Count.ToString(CultureInfo.InvariantCulture) + " columns x " + Rows.Length.ToString(CultureInfo.InvariantCulture) + " rows";
}
