using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// A CSV table as text: a header record and data records, each with its 1-based physical line number.
/// The reader follows RFC 4180: fields separated by a delimiter (comma by default); a field in double quotes may
/// hold delimiters, line breaks and doubled quotes (<c>""</c> for one <c>"</c>); records end with CRLF, LF or CR.
/// A UTF-8 byte order mark at the start is ignored. Physically empty lines outside quotes are skipped.
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
        return Parse(reader.ReadToEnd(), source, delimiter, injection);
    }

    /// <summary>Reads a CSV file (UTF-8, with or without byte order mark).</summary>
    /// <param name="path">The file path; also the source name in problems.</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    /// <param name="injection">The formula injection policy (see <see cref="Read(TextReader, string, char, CsvInjectionPolicy)"/>).</param>
    /// <returns>The table or the problems (see <see cref="Read(TextReader, string, char, CsvInjectionPolicy)"/>).</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<CsvTable> Read(string path, char delimiter = ',', CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        Internal.Preconditions.NotBlank(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path, delimiter, injection);
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
        if (delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The delimiter must not be a quote or a line break.", nameof(delimiter));
        }

        var problems = new List<ValidationProblem>();
        var records = ParseRecords(text, source, delimiter, injection, problems);
        if (problems.Count == 0 && records.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, "The input has no header row.") { Source = source, Expected = "a header row", Found = "no rows" });
        }

        return problems.Count > 0
            ? ReadResult<CsvTable>.ForFailure(ValidationReport.Of(problems), source)
            : ReadResult<CsvTable>.ForValue(new CsvTable(source, records[0], [.. records.Skip(1)]), source);
    }

    private static List<CsvRecord> ParseRecords(string text, string source, char delimiter, CsvInjectionPolicy injection, List<ValidationProblem> problems)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var recordLine = 1;
        var atRecordStart = true;

        while (pos <= text.Length)
        {
            // At the start of a field.
            if (atRecordStart)
            {
                recordLine = line;
                if (pos == text.Length)
                {
                    break;
                }

                if (text[pos] is '\r' or '\n')
                {
                    pos = SkipNewline(text, pos);
                    line++;
                    continue; // physically empty line
                }
            }

            atRecordStart = false;
            field.Clear();
            if (pos < text.Length && text[pos] == '"')
            {
                var quoteLine = line;
                pos++;
                var closed = false;
                while (pos < text.Length)
                {
                    var c = text[pos];
                    if (c == '"')
                    {
                        if (pos + 1 < text.Length && text[pos + 1] == '"')
                        {
                            field.Append('"');
                            pos += 2;
                            continue;
                        }

                        pos++;
                        closed = true;
                        break;
                    }

                    if (c is '\r' or '\n')
                    {
                        var next = SkipNewline(text, pos);
                        field.Append(text, pos, next - pos);
                        pos = next;
                        line++;
                        continue;
                    }

                    field.Append(c);
                    pos++;
                }

                if (!closed)
                {
                    problems.Add(new ValidationProblem(ProblemCode.MalformedInput, "A quoted field opened on line " + quoteLine.ToString(CultureInfo.InvariantCulture) + " is never closed.")
                    { Source = source, Row = quoteLine, Column = fields.Count + 1, Expected = "a closing double quote", Found = "end of input" });
                    return records;
                }

                if (pos < text.Length && text[pos] != delimiter && text[pos] is not ('\r' or '\n'))
                {
                    var end = pos;
                    while (end < text.Length && text[end] != delimiter && text[end] is not ('\r' or '\n'))
                    {
                        end++;
                    }

                    problems.Add(new ValidationProblem(ProblemCode.MalformedInput, "Text follows the closing quote of a field.")
                    { Source = source, Row = line, Column = fields.Count + 1, Expected = "a delimiter or the end of the line after a closing quote", Found = text[pos..end] });
                    field.Append(text, pos, end - pos);
                    pos = end;
                }
            }
            else
            {
                var start = pos;
                while (pos < text.Length && text[pos] != delimiter && text[pos] is not ('\r' or '\n'))
                {
                    pos++;
                }

                field.Append(text, start, pos - start);
            }

            fields.Add(injection == CsvInjectionPolicy.Neutralise ? Unneutralise(field.ToString()) : field.ToString());
            if (pos < text.Length && text[pos] == delimiter)
            {
                pos++;
                if (pos == text.Length)
                {
                    fields.Add(string.Empty);
                    records.Add(new CsvRecord(recordLine, [.. fields]));
                    fields.Clear();
                    break;
                }

                continue;
            }

            records.Add(new CsvRecord(recordLine, [.. fields]));
            fields.Clear();
            atRecordStart = true;
            if (pos < text.Length)
            {
                pos = SkipNewline(text, pos);
                line++;
            }
            else
            {
                break;
            }
        }

        return records;
    }

    private static int SkipNewline(string text, int pos) =>
        text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? pos + 2 : pos + 1;

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
    private static string Unneutralise(string field)
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
