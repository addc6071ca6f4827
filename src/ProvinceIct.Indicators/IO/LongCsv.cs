using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Reads and writes observations as a long CSV table, one row per observation: <c>unit, indicator, value[, year, source]</c>.
/// <para>Columns, by header (case-insensitive, any order, trimmed): <c>unit</c> or <c>unit_code</c> (required);
/// <c>indicator</c> or <c>indicator_code</c> (required); <c>value</c> (required); <c>year</c> (optional, a whole number,
/// empty for none); <c>source</c>, <c>unit_name</c>, <c>measure_unit</c>, <c>qualifier</c>, <c>quote</c> (optional text,
/// empty for none). Other headers are mapped with <see cref="LongCsvOptions.ColumnNames"/>; any remaining column is
/// ignored.</para>
/// <para>Values are read under <see cref="LongCsvOptions.NumberCulture"/> (see <see cref="NumberText"/>). Missing values:
/// an empty cell, <c>NA</c>, <c>NaN</c> or <c>..</c>, read as NaN; an infinite value is a
/// <see cref="ProblemCode.NonFiniteValue"/> problem. Codes and years are trimmed; text fields are kept as written.
/// A header without data rows is a valid, empty table. Several observations of the same unit, indicator and year are
/// kept (they are reported by <see cref="ObservationTable.ToDataset"/>).</para>
/// <para>Every problem of a file is reported at once, each naming the source, the 1-based physical line and column,
/// the unit and indicator codes when known, what was expected and the text found.</para>
/// </summary>
public static class LongCsv
{
    private const string Input = "<input>";

    private static readonly (LongColumn Column, string Header)[] WriteOrder =
    [
        (LongColumn.Unit, "unit"),
        (LongColumn.Indicator, "indicator"),
        (LongColumn.Value, "value"),
        (LongColumn.Year, "year"),
        (LongColumn.Source, "source"),
        (LongColumn.UnitName, "unit_name"),
        (LongColumn.MeasureUnit, "measure_unit"),
        (LongColumn.Qualifier, "qualifier"),
        (LongColumn.Quote, "quote"),
    ];

    /// <summary>Reads a long table, reporting every problem.</summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="options">The options, or null for <see cref="LongCsvOptions.Default"/>.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The observations, or every problem found.</returns>
    public static ReadResult<ObservationTable> Read(TextReader reader, LongCsvOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= LongCsvOptions.Default;
        var source = options.SourceName ?? Input;
        var csv = CsvTable.Read(reader, source, options.Delimiter, options.CsvInjection);
        return csv.TryGetValue(out var table) ? FromTable(table, options, cancellation) : ReadResult<ObservationTable>.ForFailure(csv.Report, source);
    }

    /// <summary>
    /// Reads a long CSV file, reporting every problem. The encoding is taken from a byte order mark (UTF-8, UTF-16 LE or
    /// BE), else <see cref="LongCsvOptions.Encoding"/>, else UTF-8; a byte that cannot be decoded is a problem naming its
    /// line and column.
    /// </summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <param name="options">The options, or null for the defaults; <see cref="LongCsvOptions.SourceName"/> is ignored.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The observations, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<ObservationTable> Read(string path, LongCsvOptions? options = null, CancellationToken cancellation = default)
    {
        Internal.Preconditions.NotBlank(path);
        options ??= LongCsvOptions.Default;
        var csv = CsvTable.Read(path, options.Delimiter, options.Encoding, options.CsvInjection);
        return csv.TryGetValue(out var table) ? FromTable(table, options, cancellation) : ReadResult<ObservationTable>.ForFailure(csv.Report, path);
    }

    /// <summary>Reads a long table from an already parsed CSV table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="options">The options, or null for the defaults (<see cref="LongCsvOptions.SourceName"/> is ignored: the table's source is used).</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The observations, or every problem found.</returns>
    public static ReadResult<ObservationTable> Read(CsvTable table, LongCsvOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromTable(table, options ?? LongCsvOptions.Default, cancellation);
    }

    /// <summary>Reads a long table, throwing on any problem.</summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The observations.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    public static ObservationTable Load(TextReader reader, LongCsvOptions? options = null, CancellationToken cancellation = default) => Read(reader, options, cancellation).GetValueOrThrow();

    /// <summary>Reads a long CSV file, throwing on any problem.</summary>
    /// <param name="path">The path.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The observations.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ObservationTable Load(string path, LongCsvOptions? options = null, CancellationToken cancellation = default) => Read(path, options, cancellation).GetValueOrThrow();

    /// <summary>The 0-based index of the header column holding <paramref name="column"/> (default headers and <see cref="LongCsvOptions.ColumnNames"/>), or -1.</summary>
    internal static int ColumnIndex(CsvTable table, LongCsvOptions options, LongColumn column)
    {
        var aliases = new Dictionary<string, LongColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, c) in options.ColumnNames.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            aliases[name.Trim()] = c;
        }

        var names = table.Header.Fields.Select(h => h.Trim()).ToArray();
        return Array.FindIndex(names, n => Classify(n, aliases) == column);
    }

    private static ReadResult<ObservationTable> FromTable(CsvTable table, LongCsvOptions options, CancellationToken cancellation)
    {
        var source = table.Source;
        var problems = new List<ValidationProblem>();
        var header = table.Header;
        var names = header.Fields.Select(h => h.Trim()).ToArray();
        var aliases = new Dictionary<string, LongColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, column) in options.ColumnNames.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            aliases[name.Trim()] = column;
        }

        var columnOf = new Dictionary<LongColumn, int>();
        for (var c = 0; c < names.Length; c++)
        {
            if (Classify(names[c], aliases) is not { } role)
            {
                continue;
            }

            if (!columnOf.TryAdd(role, c))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateHeader, new ProblemText("Long_DuplicateRole", Num(columnOf[role] + 1), names[columnOf[role]], Num(c + 1), names[c], role.ToString()))
                { Source = source, Row = header.Line, Column = c + 1, ExpectedText = new ProblemText("Long_ExpectedOneColumn", role.ToString()), Found = names[c] });
            }
        }

        foreach (var (role, expected) in new[] { (LongColumn.Unit, "Long_UnitOrUnitCode"), (LongColumn.Indicator, "Long_IndicatorOrIndicatorCode"), (LongColumn.Value, "Long_Value") })
        {
            if (!columnOf.ContainsKey(role))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Long_NoColumn", role.ToString()))
                { Source = source, Row = header.Line, ExpectedText = new ProblemText("Expected_ColumnNamed", new ProblemText(expected)), Found = string.Join(", ", names) });
            }
        }

        if (problems.Count > 0)
        {
            return ReadResult<ObservationTable>.ForFailure(ValidationReport.Of(problems), source);
        }

        var definitions = options.Indicators.IsDefaultOrEmpty
            ? null
            : options.Indicators.GroupBy(d => d.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var observations = new List<Observation>();
        var rowCount = 0;
        foreach (var row in table.Rows)
        {
            if ((++rowCount & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            if (row.Count != names.Length)
            {
                problems.Add(new ValidationProblem(ProblemCode.RaggedRow, new ProblemText("Wide_RaggedRow", Num(row.Line), Num(row.Count), Num(names.Length)))
                { Source = source, Row = row.Line, ExpectedText = new ProblemText("Count_Cells", Num(names.Length)), FoundText = new ProblemText("Count_Cells", Num(row.Count)) });
                continue;
            }

            var before = problems.Count;
            var unit = Code(row, columnOf[LongColumn.Unit], "Role_UnitCode", source, problems);
            var indicator = Code(row, columnOf[LongColumn.Indicator], "Role_IndicatorCode", source, problems);
            string? catalogName = null;
            if (unit is not null && options.MatchProvinces is { } geography)
            {
                var unitCol = columnOf[LongColumn.Unit];
                var province = ProvinceCell.Resolve(unit, geography, options.Catalog, source, row.Line, unitCol + 1, names[unitCol], out var problem);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else
                {
                    unit = province!.Code;
                    catalogName = province.NameVi;
                }
            }

            var valueCol = columnOf[LongColumn.Value];
            var valueText = row[valueCol];
            var value = double.NaN;
            var trimmed = valueText.Trim();
            if (!IsMissingMark(trimmed))
            {
                if (!NumberText.TryParse(trimmed, options.NumberCulture, out value, out var reason))
                {
                    problems.Add(new ValidationProblem(ProblemCode.NotANumber, new ProblemText("Long_NotANumber", Num(row.Line), valueText, NumberText.ReasonText(reason)))
                    { Source = source, Row = row.Line, Column = valueCol + 1, UnitCode = unit, IndicatorCode = indicator, ExpectedText = new ProblemText("Expected_NumberOrMissing", NumberText.DescribeText(options.NumberCulture)), Found = valueText });
                }
                else if (double.IsInfinity(value))
                {
                    problems.Add(new ValidationProblem(ProblemCode.NonFiniteValue, new ProblemText("Long_Infinite", Num(row.Line)))
                    { Source = source, Row = row.Line, Column = valueCol + 1, UnitCode = unit, IndicatorCode = indicator, ExpectedText = new ProblemText("Expected_FiniteOrMissing"), Found = valueText });
                }
            }

            int? year = null;
            if (columnOf.TryGetValue(LongColumn.Year, out var yearCol) && row[yearCol].Trim() is { Length: > 0 } yearText)
            {
                if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                {
                    year = y;
                }
                else
                {
                    problems.Add(new ValidationProblem(ProblemCode.NotANumber, new ProblemText("Long_YearNotWhole", Num(row.Line), row[yearCol]))
                    { Source = source, Row = row.Line, Column = yearCol + 1, UnitCode = unit, IndicatorCode = indicator, ExpectedText = new ProblemText("Expected_Year"), Found = row[yearCol] });
                }
            }

            if (definitions is not null && indicator is not null && problems.Count == before)
            {
                if (!definitions.TryGetValue(indicator, out var definition))
                {
                    problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Long_UndefinedIndicator", indicator, Num(row.Line)))
                    { Source = source, Row = row.Line, Column = columnOf[LongColumn.Indicator] + 1, UnitCode = unit, IndicatorCode = indicator, ExpectedText = new ProblemText("Expected_DefinedIndicator"), Found = row[columnOf[LongColumn.Indicator]] });
                }
                else if (!definition.Kind.Accepts(value))
                {
                    problems.Add(new ValidationProblem(ProblemCode.ValueOutOfRange, new ProblemText("Long_InvalidValue", Num(row.Line), indicator, definition.Kind.ToString()))
                    { Source = source, Row = row.Line, Column = valueCol + 1, UnitCode = unit, IndicatorCode = indicator, ExpectedText = definition.Kind.ExpectedText, Found = valueText });
                }
            }

            if (problems.Count == before)
            {
                observations.Add(Observation.Create(unit!, indicator!, value, year, Text(row, columnOf, LongColumn.Source)) with
                {
                    UnitName = Text(row, columnOf, LongColumn.UnitName) ?? catalogName,
                    MeasureUnit = Text(row, columnOf, LongColumn.MeasureUnit),
                    Qualifier = Text(row, columnOf, LongColumn.Qualifier),
                    Quote = Text(row, columnOf, LongColumn.Quote),
                    Line = row.Line,
                });
            }
        }

        return problems.Count > 0
            ? ReadResult<ObservationTable>.ForFailure(ValidationReport.Of(problems), source)
            : ReadResult<ObservationTable>.ForValue(ObservationTable.Create(observations, source), source);
    }

    private static LongColumn? Classify(string header, Dictionary<string, LongColumn> aliases)
    {
        if (aliases.TryGetValue(header, out var mapped))
        {
            return mapped;
        }

        return header.ToLowerInvariant() switch
        {
            "unit" or "unit_code" => LongColumn.Unit,
            "indicator" or "indicator_code" => LongColumn.Indicator,
            "value" => LongColumn.Value,
            "year" => LongColumn.Year,
            "source" => LongColumn.Source,
            "unit_name" => LongColumn.UnitName,
            "measure_unit" => LongColumn.MeasureUnit,
            "qualifier" => LongColumn.Qualifier,
            "quote" => LongColumn.Quote,
            _ => null,
        };
    }

    private static string? Code(CsvRecord row, int column, string what, string source, List<ValidationProblem> problems)
    {
        var text = row[column].Trim();
        if (text.Length > 0)
        {
            return text;
        }

        problems.Add(new ValidationProblem(ProblemCode.MissingValue, new ProblemText("Long_NoCode", Num(row.Line), new ProblemText(what)))
        { Source = source, Row = row.Line, Column = column + 1, ExpectedText = new ProblemText("Long_ExpectedA", new ProblemText(what)), Found = "\"" + row[column] + "\"" });
        return null;
    }

    private static string? Text(CsvRecord row, Dictionary<LongColumn, int> columnOf, LongColumn column) =>
        columnOf.TryGetValue(column, out var c) && row[c].Length > 0 ? row[c] : null;

    private static bool IsMissingMark(string trimmed) =>
        trimmed.Length == 0 || trimmed == ".." || string.Equals(trimmed, "NA", StringComparison.OrdinalIgnoreCase) || string.Equals(trimmed, "NaN", StringComparison.OrdinalIgnoreCase);

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes observations as a long CSV table: <c>unit</c>, <c>indicator</c>, <c>value</c>, then <c>year</c>,
    /// <c>source</c>, <c>unit_name</c>, <c>measure_unit</c>, <c>qualifier</c> and <c>quote</c>, each only when at least one
    /// observation has it. Values use the invariant round-trip format ("R"); a missing value (NaN) is an empty cell, so
    /// reading the text back with the default options gives equal observations. Fields are quoted only when needed; lines
    /// end with LF.
    /// </summary>
    /// <param name="table">The observations.</param>
    /// <param name="writer">The writer; not disposed.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static void Write(ObservationTable table, TextWriter writer, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var obs = table.Observations;
        var columns = WriteOrder.Where(c => c.Column is LongColumn.Unit or LongColumn.Indicator or LongColumn.Value || obs.Any(o => Field(o, c.Column) is not null)).ToArray();
        CsvTable.Write(writer, Records(), injection: injection);

        IEnumerable<IReadOnlyList<string>> Records()
        {
            yield return columns.Select(c => c.Header).ToArray();
            foreach (var o in obs)
            {
                yield return columns.Select(c => Field(o, c.Column) ?? string.Empty).ToArray();
            }
        }
    }

    /// <summary>Writes observations as a long CSV file (UTF-8 without byte order mark); see <see cref="Write(ObservationTable, TextWriter, CsvInjectionPolicy)"/>.</summary>
    /// <param name="table">The observations.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static void Save(ObservationTable table, string path, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteText(path, writer => Write(table, writer, injection));
    }

    /// <summary>Writes observations as long CSV text; see <see cref="Write(ObservationTable, TextWriter, CsvInjectionPolicy)"/>.</summary>
    /// <param name="table">The observations.</param>
    /// <returns>The CSV text.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static string ToCsv(ObservationTable table, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(table, writer, injection);
        return writer.ToString();
    }

    private static string? Field(Observation o, LongColumn column) => column switch
    {
        LongColumn.Unit => o.UnitCode,
        LongColumn.Indicator => o.IndicatorCode,
        LongColumn.Value => double.IsNaN(o.Value) ? string.Empty : o.Value.ToString("R", CultureInfo.InvariantCulture),
        LongColumn.Year => o.Year?.ToString(CultureInfo.InvariantCulture),
        LongColumn.Source => o.Source,
        LongColumn.UnitName => o.UnitName,
        LongColumn.MeasureUnit => o.MeasureUnit,
        LongColumn.Qualifier => o.Qualifier,
        _ => o.Quote,
    };
}
