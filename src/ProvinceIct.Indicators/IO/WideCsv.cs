using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Reads and writes a dataset as a wide CSV table, one row per unit (COINr's <c>iData</c> layout).
/// <para>Columns, by header (reserved headers are matched case-insensitively, in any order):
/// <c>uCode</c> or <c>unit_code</c> (required: the unit code, trimmed);
/// <c>uName</c> or <c>unit_name</c> (optional display name; the code when empty);
/// <c>uNameEn</c> or <c>unit_name_en</c> (optional English name);
/// <c>Time</c> (optional; accepted only when every row has the same value, which is not kept);
/// group columns: every header starting with <c>Group_</c> (the group is named by the rest of the header:
/// <c>Group_region</c> holds group <c>region</c>) and those named in <see cref="WideCsvOptions.GroupColumns"/>
/// (named by the whole header); an empty or <c>NA</c> cell means no group;
/// every other column is a numeric data column (indicator or denominator) named by its header.</para>
/// <para>Numbers are read under <see cref="WideCsvOptions.NumberCulture"/>: by default the invariant culture
/// (<see cref="NumberStyles.Float"/>: '.' decimal point, no thousands separator); <see cref="NumberCulture.Vietnamese"/>
/// reads <c>3.339</c> as 3339 and <c>15,875</c> as 15.875 (see <see cref="NumberText"/>). Missing values: an empty cell, <c>NA</c>, <c>NaN</c> or <c>..</c> (the GSO's mark), read as NaN.
/// Any other text is a <see cref="ProblemCode.NotANumber"/> problem. A column with an empty header whose cells are all
/// empty (a spreadsheet artefact) is ignored.</para>
/// <para>Every problem of a file is reported at once, each naming the source, the 1-based physical line and column,
/// the column header, the unit code and the text found.</para>
/// <para>A row whose unit code cell starts with <c>#</c> (<see cref="DataTemplate.NoteRowMarker"/>) is a note row, such as
/// the names and units under the header of a <see cref="DataTemplate"/> workbook, and is skipped.</para>
/// </summary>
public static class WideCsv
{
    private const string Input = "<input>";

    /// <summary>Reads a dataset from a wide CSV table, reporting every problem.</summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="options">The options, or null for <see cref="WideCsvOptions.Default"/>.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The dataset, or every problem found.</returns>
    public static ReadResult<Dataset> Read(TextReader reader, WideCsvOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= WideCsvOptions.Default;
        var source = options.SourceName ?? Input;
        var delimiter = options.Delimiter;
        if (options.DelimiterPolicy == CsvDelimiterPolicy.Detect)
        {
            // The header is looked at first: the whole text is held (a file path is read twice instead, streamed).
            var text = reader.ReadToEnd();
            if (DetectDelimiter(new StringReader(text).ReadLine(), source, options) is not { } detected)
            {
                return Ambiguous(text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? text[..end] : text, source, options);
            }

            reader = new StringReader(text);
            delimiter = detected;
        }

        return FromRecords(new CsvRecordReader(reader, source, delimiter, options.CsvInjection), source, options, cancellation);
    }

    /// <summary>
    /// Reads a dataset from a wide CSV file, reporting every problem. The file is streamed: memory holds one row of text at
    /// a time besides the values read. The encoding is taken from a byte order mark (UTF-8, UTF-16 LE or BE), else
    /// <see cref="WideCsvOptions.Encoding"/>, else UTF-8; a byte that cannot be decoded is a problem naming its line and
    /// column, never a replacement character.
    /// </summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <param name="options">The options, or null for <see cref="WideCsvOptions.Default"/>; <see cref="WideCsvOptions.SourceName"/> is ignored.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The dataset, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<Dataset> Read(string path, WideCsvOptions? options = null, CancellationToken cancellation = default)
    {
        Internal.Preconditions.NotBlank(path);
        options ??= WideCsvOptions.Default;
        var delimiter = options.Delimiter;
        if (options.DelimiterPolicy == CsvDelimiterPolicy.Detect)
        {
            var header = CsvDelimiterDetection.FirstLine(path, options.Encoding);
            if (DetectDelimiter(header, path, options) is not { } detected)
            {
                return Ambiguous(header, path, options);
            }

            delimiter = detected;
        }

        using var reader = StrictTextReader.Open(path, options.Encoding);
        return FromRecords(new CsvRecordReader(reader, path, delimiter, options.CsvInjection), path, options, cancellation);
    }

    /// <summary>Reads a dataset from a wide CSV table, throwing on any problem.</summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    public static Dataset Load(TextReader reader, WideCsvOptions? options = null, CancellationToken cancellation = default) => Read(reader, options, cancellation).GetValueOrThrow();

    /// <summary>Reads a dataset from a wide CSV file, throwing on any problem.</summary>
    /// <param name="path">The path.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static Dataset Load(string path, WideCsvOptions? options = null, CancellationToken cancellation = default) => Read(path, options, cancellation).GetValueOrThrow();

    /// <summary>Reads a dataset from an already parsed CSV table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="options">The options, or null for the defaults (<see cref="WideCsvOptions.SourceName"/> is ignored: the table's source is used).</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The dataset, or every problem found.</returns>
    public static ReadResult<Dataset> Read(CsvTable table, WideCsvOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromRecords(new TableRecords(table), table.Source, options ?? WideCsvOptions.Default, cancellation);
    }

    private static char? DetectDelimiter(string? header, string source, WideCsvOptions options)
    {
        var groups = options.GroupColumns.IsDefault ? [] : options.GroupColumns;
        return CsvDelimiterDetection.Detect(header, h => Classify(h, groups) is Role.Code or Role.Province, source, out _);
    }

    private static ReadResult<Dataset> Ambiguous(string? header, string source, WideCsvOptions options)
    {
        var groups = options.GroupColumns.IsDefault ? [] : options.GroupColumns;
        CsvDelimiterDetection.Detect(header, h => Classify(h, groups) is Role.Code or Role.Province, source, out var problem);
        return ReadResult<Dataset>.ForFailure(ValidationReport.Of([problem!]), source);
    }

    private enum Role
    {
        Province,
        Code,
        Name,
        NameEn,
        Time,
        Group,
        Data,
        Ignored,
    }

    /// <summary>Rows of values are kept row-major in blocks of this many rows until the end, then laid out by column.</summary>
    private const int RowsPerBlock = 4096;

    /// <summary>The rows of a block when it starts (it doubles up to <see cref="RowsPerBlock"/>: 64, 128, ..., 4,096).</summary>
    private const int FirstBlockRows = 64;

    internal static ReadResult<Dataset> FromRecords(ICsvRecords csv, string source, WideCsvOptions options, CancellationToken cancellation)
    {
        var problems = new List<ValidationProblem>();
        if (!csv.Read())
        {
            problems.AddRange(csv.Problems);
            if (problems.Count == 0)
            {
                problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Csv_NoHeaderRow")) { Source = source, ExpectedText = new ProblemText("Csv_ExpectedHeaderRow"), FoundText = new ProblemText("Csv_FoundNoRows") });
            }

            return ReadResult<Dataset>.ForFailure(ValidationReport.Of(problems), source);
        }

        var headerLine = csv.Line;
        var names = new string[csv.Count];
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = csv.Text(c).Trim();
        }

        var roles = new Role[names.Length];
        var extraGroups = options.GroupColumns.IsDefault ? [] : options.GroupColumns;
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstByRole = new Dictionary<Role, int>();
        var emptyHeaders = new List<int>();

        for (var c = 0; c < names.Length; c++)
        {
            var h = names[c];
            roles[c] = Classify(h, extraGroups);
            if (h.Length == 0)
            {
                // Ignored; a problem only if some row holds a value in it (checked while streaming the rows).
                roles[c] = Role.Ignored;
                emptyHeaders.Add(c);
                continue;
            }

            if (!firstByName.TryAdd(h, c))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateHeader, new ProblemText("Wide_DuplicateHeader", h, Num(firstByName[h] + 1), Num(c + 1)))
                { Source = source, Row = headerLine, Column = c + 1, IndicatorCode = h, ExpectedText = new ProblemText("Expected_UniqueHeaders"), Found = h });
                roles[c] = Role.Ignored;
                continue;
            }

            if (roles[c] is Role.Code or Role.Name or Role.NameEn or Role.Time or Role.Province && !firstByRole.TryAdd(roles[c], c))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateHeader, new ProblemText("Wide_DuplicateRole", Num(firstByRole[roles[c]] + 1), names[firstByRole[roles[c]]], Num(c + 1), h, RoleText(roles[c])))
                { Source = source, Row = headerLine, Column = c + 1, ExpectedText = new ProblemText("Wide_ExpectedOneColumnFor", RoleText(roles[c])), Found = h });
                roles[c] = Role.Ignored;
            }
        }

        // A province column (Province, Tỉnh/Thành phố): the unit column, matched through the catalogue, when there is
        // no uCode column; else the name column when there is none.
        var matchProvinces = options.MatchProvinces;
        if (firstByRole.TryGetValue(Role.Province, out var provinceCol))
        {
            if (!firstByRole.ContainsKey(Role.Code))
            {
                roles[provinceCol] = Role.Code;
                firstByRole[Role.Code] = provinceCol;
                matchProvinces ??= options.ProvinceColumnGeography;
            }
            else if (!firstByRole.ContainsKey(Role.Name))
            {
                roles[provinceCol] = Role.Name;
                firstByRole[Role.Name] = provinceCol;
            }
            else
            {
                roles[provinceCol] = Role.Ignored;
            }
        }

        var headerProblems = problems.Count;
        if (!firstByRole.TryGetValue(Role.Code, out var codeCol))
        {
            var message = names.Length == 1 && names[0].AsSpan().IndexOfAny(';', '\t') >= 0
                ? new ProblemText(names[0].Contains(';', StringComparison.Ordinal) ? "Wide_NoCodeColumnSemicolons" : "Wide_NoCodeColumnTabs", names[0], CsvDelimiterDetection.PluralText(options.Delimiter))
                : new ProblemText("Wide_NoCodeColumn");
            problems.Add(new ValidationProblem(ProblemCode.MissingColumn, message)
            { Source = source, Row = headerLine, ExpectedText = new ProblemText("Wide_ExpectedCodeColumn"), Found = string.Join(", ", names) });
            return ReadResult<Dataset>.ForFailure(ValidationReport.Of(problems), source);
        }

        var nameCol = firstByRole.GetValueOrDefault(Role.Name, -1);
        var nameEnCol = firstByRole.GetValueOrDefault(Role.NameEn, -1);
        var timeCol = firstByRole.GetValueOrDefault(Role.Time, -1);
        var groupCols = Enumerable.Range(0, names.Length).Where(c => roles[c] == Role.Group).ToArray();
        var dataCols = Enumerable.Range(0, names.Length).Where(c => roles[c] == Role.Data).ToArray();
        var emptyHeaderHasValues = new bool[emptyHeaders.Count];

        var units = new List<Unit>();
        var lines = new List<int>();
        var texts = new List<string>();
        var m = dataCols.Length;
        var blocks = new List<double[]>();
        var times = new SortedSet<string>(StringComparer.Ordinal);
        string? lastTime = null;
        var rowCount = 0;
        var groups = new List<KeyValuePair<string, string>>();

        // The group each group column holds, named once. When no two columns hold the same group (the rule), a unit's
        // groups are added in one builder, reused from row to row, whose dictionary Unit.Create keeps as it is; else the
        // list is passed, as before, and Unit.Create decides on the repeated name.
        var groupNames = Array.ConvertAll(groupCols, g => GroupName(names[g]));
        var groupBuilder = groupNames.Distinct(StringComparer.Ordinal).Count() == groupNames.Length
            ? ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal)
            : null;
        var typedNumbers = csv.HasTypedNumbers;
        while (csv.Read())
        {
            if (codeCol < csv.Count && csv.Span(codeCol).TrimStart().StartsWith(DataTemplate.NoteRowMarker, StringComparison.Ordinal))
            {
                // A note row (the data-collection template's names and units): not data.
                continue;
            }

            if ((++rowCount & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var line = csv.Line;
            for (var e = 0; e < emptyHeaders.Count; e++)
            {
                if (!emptyHeaderHasValues[e] && emptyHeaders[e] < csv.Count && !csv.Span(emptyHeaders[e]).Trim().IsEmpty)
                {
                    emptyHeaderHasValues[e] = true;
                }
            }

            if (csv.Count != names.Length)
            {
                var unitText = codeCol < csv.Count ? csv.Text(codeCol).Trim() : null;
                problems.Add(new ValidationProblem(ProblemCode.RaggedRow, new ProblemText("Wide_RaggedRow", Num(line), Num(csv.Count), Num(names.Length)))
                { Source = source, Row = line, UnitCode = string.IsNullOrEmpty(unitText) ? null : unitText, ExpectedText = new ProblemText("Count_Cells", Num(names.Length)), FoundText = new ProblemText("Count_Cells", Num(csv.Count)) });
                continue;
            }

            var code = csv.Text(codeCol).Trim();
            if (code.Length == 0 || IsMissingMark(code))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingValue, new ProblemText("Wide_NoUnitCode", Num(line)))
                { Source = source, Row = line, Column = codeCol + 1, ExpectedText = new ProblemText("Expected_UnitCodeInColumn", names[codeCol]), Found = "\"" + csv.Text(codeCol) + "\"" });
                continue;
            }

            if (timeCol >= 0 && csv.Span(timeCol).Trim() is { Length: > 0 } t && (lastTime is null || !t.SequenceEqual(lastTime)))
            {
                lastTime = new string(t);
                times.Add(lastTime);
            }

            groups.Clear();
            groupBuilder?.Clear();
            var groupConflict = false;
            for (var k = 0; k < groupCols.Length; k++)
            {
                var g = groupCols[k];
                var v = csv.Span(g).Trim();
                if (v.Length > 0 && !v.Equals("NA", StringComparison.OrdinalIgnoreCase))
                {
                    if (groupBuilder is not null)
                    {
                        groupBuilder.Add(groupNames[k], csv.Text(g));
                    }
                    else if (EarlierSameGroup(csv, groupCols, groupNames, k) is { } other)
                    {
                        if (csv.Span(groupCols[other]).Trim().SequenceEqual(v))
                        {
                            // The same value twice (spaces aside): the unit keeps the first column's text.
                            continue;
                        }

                        // Two columns hold the same group (Group_region beside an option column region) and disagree
                        // on this row: one unit cannot be in two regions.
                        problems.Add(new ValidationProblem(ProblemCode.DuplicateObservation, new ProblemText("Wide_GroupConflict", Num(line), names[groupCols[other]], names[g], groupNames[k], code))
                        {
                            Source = source, Row = line, Column = g + 1, UnitCode = code,
                            ExpectedText = new ProblemText("Expected_OneGroupValue", groupNames[k]),
                            Found = "'" + csv.Text(groupCols[other]) + "', '" + csv.Text(g) + "'",
                        });
                        groupConflict = true;
                        break;
                    }
                    else
                    {
                        groups.Add(KeyValuePair.Create(groupNames[k], csv.Text(g)));
                    }
                }
            }

            if (groupConflict)
            {
                continue;
            }

            IEnumerable<KeyValuePair<string, string>>? unitGroups = groupBuilder is not null
                ? (groupBuilder.Count > 0 ? groupBuilder.ToImmutable() : null)
                : (groups.Count > 0 ? groups : null);
            var name = nameCol >= 0 ? csv.Text(nameCol) : null;
            var unit = Unit.Create(
                code,
                name,
                nameEnCol >= 0 && csv.Span(nameEnCol).Length > 0 ? csv.Text(nameEnCol) : null,
                unitGroups);
            if (matchProvinces is { } geography)
            {
                var province = ProvinceCell.Resolve(code, geography, options.Catalog, source, line, codeCol + 1, names[codeCol], out var problem);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else
                {
                    var fromCatalog = province!.ToUnit();
                    unit = fromCatalog with
                    {
                        Name = name is not null && name.Trim().Length > 0 ? name : fromCatalog.Name,
                        NameEn = unit.NameEn ?? fromCatalog.NameEn,
                        Groups = fromCatalog.Groups.SetItems(unit.Groups),
                    };
                }

                texts.Add(code);
                code = unit.Code;
            }

            var row = units.Count;
            units.Add(unit);
            lines.Add(line);
            if (row % RowsPerBlock == 0)
            {
                // A new block starts small and doubles up to RowsPerBlock rows: a 51-row file no longer allocates a
                // 4,096-row block (1.6 MB at 49 columns, on the large-object heap: a gen-2 collection per read).
                blocks.Add(new double[Math.Min(RowsPerBlock, FirstBlockRows) * m]);
            }
            else if (((row % RowsPerBlock) + 1) * m > blocks[^1].Length)
            {
                var grown = blocks[^1];
                Array.Resize(ref grown, Math.Min(RowsPerBlock, 2 * (grown.Length / m)) * m);
                blocks[^1] = grown;
            }

            var block = blocks[^1].AsSpan((row % RowsPerBlock) * m, m);
            for (var k = 0; k < m; k++)
            {
                var c = dataCols[k];
                if (!(typedNumbers && csv.TryNumber(c, out var x)) && !TryParseCell(csv.Span(c), options.NumberCulture, out x))
                {
                    var text = csv.Text(c);
                    problems.Add(new ValidationProblem(ProblemCode.NotANumber, new ProblemText("Wide_NotANumber", Num(c + 1), names[c], code, text))
                    { Source = source, Row = line, Column = c + 1, UnitCode = code, IndicatorCode = names[c], ExpectedText = new ProblemText("Expected_NumberOrMissing", NumberText.DescribeText(options.NumberCulture)), Found = text });
                    x = double.NaN;
                }

                block[k] = x;
            }
        }

        if (csv.Problems.Count > 0)
        {
            // The file is not well formed: its own problems only, as the rows after the fault were not read.
            return ReadResult<Dataset>.ForFailure(ValidationReport.Of(csv.Problems), source);
        }

        for (var e = emptyHeaders.Count - 1; e >= 0; e--)
        {
            if (emptyHeaderHasValues[e])
            {
                var c = emptyHeaders[e];
                problems.Insert(headerProblems, new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Wide_EmptyHeaderWithValues", Num(c + 1)))
                { Source = source, Row = headerLine, Column = c + 1, ExpectedText = new ProblemText("Expected_ColumnHeader"), FoundText = new ProblemText("Found_EmptyHeader") });
            }
        }

        if (times.Count > 1)
        {
            problems.Add(new ValidationProblem(ProblemCode.UnsupportedInput, new ProblemText("Wide_SeveralTimes", names[timeCol], Num(times.Count)))
            { Source = source, Row = headerLine, Column = timeCol + 1, IndicatorCode = names[timeCol], ExpectedText = new ProblemText("Expected_SingleTime"), Found = string.Join(", ", times.Take(5)) + (times.Count > 5 ? ", ..." : string.Empty) });
        }

        if (rowCount == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Wide_NoDataRows")) { Source = source, Row = headerLine, ExpectedText = new ProblemText("Expected_OneUnitRow"), FoundText = new ProblemText("Csv_FoundNoRows") });
        }

        var codes = dataCols.Select(c => names[c]).ToArray();
        var n = units.Count;
        var values = new double[n * codes.Length];
        for (var i = 0; i < n; i++)
        {
            var block = blocks[i / RowsPerBlock];
            var offset = (i % RowsPerBlock) * m;
            for (var k = 0; k < m; k++)
            {
                values[(k * n) + i] = block[offset + k];
            }
        }

        blocks.Clear();

        // The dataset's own structural checks (duplicate units, infinite values), relocated to file lines and columns.
        var structural = Dataset.TryCreateOwning(units, codes, values, null, out var dataset);
        var rowLines = lines.ToArray();
        Dictionary<string, int>? firstRow = null;
        foreach (var p in structural.Problems)
        {
            var relocated = Relocate(p, source, rowLines, dataCols, headerLine);
            if (p.Code == ProblemCode.DuplicateUnit)
            {
                if (firstRow is null)
                {
                    firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var i = 0; i < units.Count; i++)
                    {
                        firstRow.TryAdd(units[i].Code, i);
                    }
                }

                var firstIndex = p.UnitCode is not null && firstRow.TryGetValue(p.UnitCode, out var fi) ? fi : 0;
                var first = lines[firstIndex];
                var message = matchProvinces is null
                    ? new ProblemText("Wide_DuplicateUnit", p.UnitCode, Num(first), Num(relocated.Row!.Value))
                    : new ProblemText("Wide_DuplicateProvince", Num(first), texts[firstIndex], Num(relocated.Row!.Value), texts[p.Row!.Value - 1], units[firstIndex].ToString());
                relocated = relocated with { Column = null, IndicatorCode = null, MessageText = message };
            }

            problems.Add(relocated);
        }

        // Codes that differ only in letter case: two units (columns), reported as a likely mistake or refused.
        var warnings = new List<ValidationProblem>();
        foreach (var p in Dataset.CaseOnlyDifferences(units, codes, i => new ProblemText("Loc_Line", Num(lines[i])), j => new ProblemText("Loc_Column", Num(dataCols[j] + 1))))
        {
            var located = p.Row is { } r
                ? p with { Source = source, Row = lines[r - 1], Column = codeCol + 1 }
                : p with { Source = source, Row = headerLine, Column = dataCols[p.Column!.Value - 1] + 1 };
            (options.CaseOnlyCodes == CaseOnlyCodePolicy.Refuse ? problems : warnings).Add(located);
        }

        if (options.Framework is { } framework)
        {
            if (dataset is null)
            {
                // Validate a cleaned copy (first occurrence of each unit, infinities as missing) so that every problem is reported together.
                var keep = Enumerable.Range(0, n).DistinctBy(i => units[i].Code, StringComparer.Ordinal).ToArray();
                var clean = new double[keep.Length * codes.Length];
                for (var k = 0; k < codes.Length; k++)
                {
                    for (var i = 0; i < keep.Length; i++)
                    {
                        var x = values[(k * n) + keep[i]];
                        clean[(k * keep.Length) + i] = double.IsInfinity(x) ? double.NaN : x;
                    }
                }

                Dataset.Check(keep.Select(i => units[i]).ToArray(), codes, clean, null, out var cleaned);
                rowLines = keep.Select(i => lines[i]).ToArray();
                dataset = cleaned;
            }

            if (dataset is not null)
            {
                foreach (var p in dataset.Validate(framework).Problems)
                {
                    problems.Add(Relocate(p, source, rowLines, dataCols, headerLine));
                }
            }
        }

        return problems.Count > 0 || dataset is null
            ? ReadResult<Dataset>.ForFailure(ValidationReport.Of(problems), source)
            : ReadResult<Dataset>.ForValue(dataset, source, warnings);
    }

    private static ValidationProblem Relocate(ValidationProblem p, string source, int[] rowLines, int[] dataCols, int headerLine)
    {
        int? line = p.Row is { } r ? rowLines[r - 1] : headerLine;
        int? column = p.Column is { } c ? dataCols[c - 1] + 1 : null;
        var message = p.Code switch
        {
            ProblemCode.NonFiniteValue => new ProblemText("Wide_InfiniteCell", Num(column ?? 0), p.IndicatorCode, p.UnitCode),
            ProblemCode.ValueOutOfRange => new ProblemText("Wide_InvalidCell", Num(column ?? 0), p.IndicatorCode, p.UnitCode),
            _ => null,
        };

        // The same facts at the file's line and column (the path and the parameter, which no dataset problem has, are dropped).
        var relocated = p with { Source = source, Row = line, Column = column, Path = null, Parameter = null };
        return message is null ? relocated : relocated with { MessageText = message };
    }

    /// <summary>Headers of a province column, folded (no case, no diacritics, letters and digits only).</summary>
    private static readonly string[] ProvinceHeaders = ["province", "provinces", "provincename", "tinh", "tinhthanhpho", "tinhtp", "tinhthanh", "tentinh", "tentinhthanhpho"];

    private static Role Classify(string header, ImmutableArray<string> extraGroups)
    {
        if (ProvinceHeaders.Contains(Internal.VietnameseText.Fold(header), StringComparer.Ordinal))
        {
            return Role.Province;
        }

        if (Is(header, "uCode") || Is(header, "unit_code"))
        {
            return Role.Code;
        }

        if (Is(header, "uName") || Is(header, "unit_name"))
        {
            return Role.Name;
        }

        if (Is(header, "uNameEn") || Is(header, "unit_name_en"))
        {
            return Role.NameEn;
        }

        if (Is(header, "Time"))
        {
            return Role.Time;
        }

        return header.StartsWith("Group_", StringComparison.OrdinalIgnoreCase) || extraGroups.Contains(header, StringComparer.Ordinal)
            ? Role.Group
            : Role.Data;
    }

    private static ProblemText RoleText(Role role) => role switch
    {
        Role.Code => new ProblemText("Role_UnitCode"),
        Role.Name => new ProblemText("Role_UnitName"),
        Role.NameEn => new ProblemText("Role_UnitNameEn"),
        Role.Province => new ProblemText("Role_Province"),
        _ => new ProblemText("Role_Time"),
    };

    private static bool Is(string header, string name) => string.Equals(header, name, StringComparison.OrdinalIgnoreCase);

    private static bool IsMissingMark(ReadOnlySpan<char> trimmed) =>
        trimmed.Length == 0 || trimmed is ".." || trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    private static bool TryParseCell(ReadOnlySpan<char> text, NumberCulture culture, out double value)
    {
        var s = text.Trim();

        // The exact fast path first (plain decimals, which are never a missing mark: it needs a digit); it declines
        // anything else, which the missing marks and then the framework's parser decide.
        if (culture == NumberCulture.Invariant && Internal.DecimalFastPath.TryParseExtended(s, out value))
        {
            return true;
        }

        if (IsMissingMark(s))
        {
            value = double.NaN;
            return true;
        }

        if (culture == NumberCulture.Invariant)
        {
            // The invariant policy of NumberText, without allocating a string per cell.
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            value = double.NaN;
            return false;
        }

        return NumberText.TryParse(new string(s), culture, out value);
    }

    /// <summary>The group a group column holds: the header without one leading <c>Group_</c> (COINr's marker), else the header.</summary>
    /// <summary>
    /// The first earlier group column (index into <paramref name="groupCols"/>) that holds the same group as column
    /// <paramref name="k"/> and has a value on the current record, or null. Missing marks are no value.
    /// </summary>
    private static int? EarlierSameGroup(ICsvRecords csv, int[] groupCols, string[] groupNames, int k)
    {
        for (var j = 0; j < k; j++)
        {
            if (string.Equals(groupNames[j], groupNames[k], StringComparison.Ordinal))
            {
                var v = csv.Span(groupCols[j]).Trim();
                if (v.Length > 0 && !v.Equals("NA", StringComparison.OrdinalIgnoreCase))
                {
                    return j;
                }
            }
        }

        return null;
    }

    private static string GroupName(string header) =>
        header.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase) && header.Length > GroupPrefix.Length ? header[GroupPrefix.Length..] : header;

    private const string GroupPrefix = "Group_";

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a dataset as a wide CSV table: <c>uCode</c>, <c>uName</c>, <c>uNameEn</c> (only when a unit has an English
    /// name), one column <c>Group_{name}</c> per group (sorted by name, ordinal; an empty cell where a unit has no such group), then the
    /// indicator columns in dataset order. Numbers use the invariant round-trip format ("R"), so reading the text back
    /// gives the same doubles; a missing value (NaN) is an empty cell. Fields are quoted only when needed; lines end
    /// with LF. The reader strips the <c>Group_</c> marker again, so every group round-trips under its own name.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="writer">The writer; not disposed.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static void Write(Dataset dataset, TextWriter writer, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);
        var groupNames = dataset.Units.SelectMany(u => u.Groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var withEn = dataset.Units.Any(u => u.NameEn is not null);
        var header = new List<string> { "uCode", "uName" };
        if (withEn)
        {
            header.Add("uNameEn");
        }

        header.AddRange(groupNames.Select(g => GroupPrefix + g));
        header.AddRange(dataset.IndicatorCodes);
        CsvTable.Write(writer, Records(), injection: injection);

        IEnumerable<IReadOnlyList<string>> Records()
        {
            yield return header;
            for (var i = 0; i < dataset.UnitCount; i++)
            {
                var u = dataset.Units[i];
                var row = new List<string>(header.Count) { u.Code, u.Name };
                if (withEn)
                {
                    row.Add(u.NameEn ?? string.Empty);
                }

                row.AddRange(groupNames.Select(g => u.Group(g) ?? string.Empty));
                for (var j = 0; j < dataset.IndicatorCount; j++)
                {
                    var x = dataset[i, j];
                    row.Add(double.IsNaN(x) ? string.Empty : x.ToString("R", CultureInfo.InvariantCulture));
                }

                yield return row;
            }
        }
    }

    /// <summary>Writes a dataset as a wide CSV file (UTF-8 without byte order mark); see <see cref="Write(Dataset, TextWriter, CsvInjectionPolicy)"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static void Save(Dataset dataset, string path, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteText(path, writer => Write(dataset, writer, injection));
    }

    /// <summary>Writes a dataset as wide CSV text; see <see cref="Write(Dataset, TextWriter, CsvInjectionPolicy)"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The CSV text.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static string ToCsv(Dataset dataset, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(dataset, writer, injection);
        return writer.ToString();
    }
}
