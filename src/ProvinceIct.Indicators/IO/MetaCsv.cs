using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Reads and writes a framework as a COINr <c>iMeta</c> table: one row per indicator, aggregate or other data column.
/// <para>Required columns (headers case-insensitive, any order): <c>iCode</c>, <c>iName</c>, <c>Level</c>, <c>Parent</c>,
/// <c>Direction</c> (1 or -1), <c>Weight</c>, <c>Type</c> (<c>Indicator</c>, <c>Aggregate</c>, <c>Group</c>,
/// <c>Denominator</c> or <c>Other</c>). Optional: <c>iName_vi</c>, <c>Kind</c> (our extension: <c>count</c>, <c>share</c>,
/// <c>percent</c>, <c>rate:N</c>, <c>money:CUR</c>, <c>score:MIN:MAX</c>, <c>yesno</c>, <c>service-level</c>, <c>real</c>;
/// default real), <c>Unit</c>, <c>Target</c>, <c>Reference</c> (our extension: the reference value), <c>Denominator</c>,
/// <c>goalpost_lower</c>, <c>goalpost_upper</c>, <c>goalpost_scale</c>, <c>goalpost_trunc2posts</c>. Other columns are
/// ignored. An empty cell or <c>NA</c> is missing.</para>
/// <para>COINr's goalpost columns: <c>goalpost_lower</c> and <c>goalpost_upper</c> become the indicator's
/// <see cref="IndicatorDefinition.Goalposts"/> (both or neither). <c>goalpost_scale</c> (positive) is the value the upper
/// goalpost maps to; the library's goalposts normaliser has one output range, not one per indicator, so every row that
/// gives a scale must give the same one, which becomes <see cref="MetaTable.GoalpostScale"/> (use it as the normaliser's
/// upper end: <c>Normaliser.Goalposts(0, scale)</c>). <c>goalpost_trunc2posts</c> must be <c>TRUE</c> (or 1) when given:
/// the goalposts normaliser always truncates to the goalposts; <c>FALSE</c> is reported as unsupported.
/// <c>Target</c> is the distance-to-target normaliser's target, <c>Denominator</c> the column the indicator is divided
/// by (<see cref="IndicatorDefinition.DenominatorCode"/>, used by the treatment step
/// <see cref="Treatment.TreatmentStep.DenominateByDefinitions"/>).</para>
/// <para>Rules (COINr's): indicators are level 1 and every child is exactly one level below its parent; the aggregate
/// without a parent is the index (root); its weight may be missing (then 1), an aggregate's direction may be missing
/// (then 1). Group, Denominator and Other rows only contribute their codes. Numbers use the invariant culture.</para>
/// <para>Every problem is reported at once, with the source, the line of the row and, for a cell, its column:
/// unknown type, non-numeric or missing weight or level, bad direction or kind, duplicate codes, level mismatches and
/// every problem of <see cref="Framework.Validate"/> (cycles, orphans, weights) at the line of the node concerned.
/// Per-node normalisers, aggregators and availability thresholds are not part of <c>iMeta</c>: keep them in the
/// methodology (<see cref="MethodologyJson"/>).</para>
/// </summary>
public static class MetaCsv
{
    /// <summary>The deepest framework level read from a metadata table.</summary>
    private const int MaxLevel = 1000;

    private const string Input = "<input>";
    private static readonly string[] Required = ["iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type"];
    private static readonly string[] WrittenColumns = ["iCode", "iName", "iName_vi", "Level", "Parent", "Direction", "Weight", "Type", "Kind", "Unit", "Target", "Reference", "Denominator", "goalpost_lower", "goalpost_upper"];
    private static readonly string[] Types = ["Indicator", "Aggregate", "Group", "Denominator", "Other"];

    /// <summary>Reads an <c>iMeta</c> table, reporting every problem.</summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="sourceName">The name used for the source in problems (default <c>&lt;input&gt;</c>).</param>
    /// <returns>The table, or every problem found.</returns>
    public static ReadResult<MetaTable> Read(TextReader reader, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var source = sourceName ?? Input;
        var csv = CsvTable.Read(reader, source);
        return csv.TryGetValue(out var table) ? FromTable(table) : ReadResult<MetaTable>.ForFailure(csv.Report, source);
    }

    /// <summary>Reads an <c>iMeta</c> file (UTF-8 with or without byte order mark), reporting every problem.</summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <returns>The table, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<MetaTable> Read(string path) => Read(path, null);

    /// <summary>
    /// Reads an <c>iMeta</c> file, reporting every problem. The encoding is taken from a byte order mark (UTF-8, UTF-16 LE
    /// or BE), else <paramref name="encoding"/>, else UTF-8; a byte that cannot be decoded is a problem naming its line and column.
    /// </summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <param name="encoding">The encoding when the file has no byte order mark (for example Windows-1258), or null for UTF-8.</param>
    /// <returns>The table, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<MetaTable> Read(string path, Encoding? encoding)
    {
        Internal.Preconditions.NotBlank(path);
        var csv = CsvTable.Read(path, ',', encoding);
        return csv.TryGetValue(out var table) ? FromTable(table) : ReadResult<MetaTable>.ForFailure(csv.Report, path);
    }

    /// <summary>
    /// Reads an <c>iMeta</c> file as <see cref="Read(string, Encoding?)"/> does, with the delimiter given or detected
    /// (<see cref="CsvDelimiterPolicy.Detect"/>: among comma, semicolon and tab, the one that splits off the <c>iCode</c>
    /// column; an ambiguous header is a problem naming the candidates).
    /// </summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <param name="encoding">The encoding when the file has no byte order mark, or null for UTF-8.</param>
    /// <param name="policy">Whether <paramref name="delimiter"/> is used as given or detected.</param>
    /// <param name="delimiter">The delimiter under <see cref="CsvDelimiterPolicy.Given"/>.</param>
    /// <returns>The table, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<MetaTable> Read(string path, Encoding? encoding, CsvDelimiterPolicy policy, char delimiter = ',')
    {
        Internal.Preconditions.NotBlank(path);
        if (policy == CsvDelimiterPolicy.Detect)
        {
            var header = CsvDelimiterDetection.FirstLine(path, encoding);
            if (CsvDelimiterDetection.Detect(header, h => string.Equals(h, "iCode", StringComparison.OrdinalIgnoreCase), path, out var problem) is not { } detected)
            {
                return ReadResult<MetaTable>.ForFailure(ValidationReport.Of([problem!]), path);
            }

            delimiter = detected;
        }

        var csv = CsvTable.Read(path, delimiter, encoding);
        return csv.TryGetValue(out var table) ? FromTable(table) : ReadResult<MetaTable>.ForFailure(csv.Report, path);
    }

    /// <summary>Reads an <c>iMeta</c> table, throwing on any problem.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="sourceName">The source name for problems.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    public static MetaTable Load(TextReader reader, string? sourceName = null) => Read(reader, sourceName).GetValueOrThrow();

    /// <summary>Reads an <c>iMeta</c> file, throwing on any problem.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static MetaTable Load(string path) => Read(path).GetValueOrThrow();

    /// <summary>Reads an <c>iMeta</c> table from an already parsed CSV table.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The metadata, or every problem found.</returns>
    public static ReadResult<MetaTable> Read(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromTable(table);
    }

    private sealed record Row(int Line, FrameworkNode Node, int? Level);

    private static ReadResult<MetaTable> FromTable(CsvTable table)
    {
        var source = table.Source;
        var problems = new List<ValidationProblem>();
        var headerLine = table.Header.Line;
        var col = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < table.Header.Count; c++)
        {
            var h = table.Header[c].Trim();
            if (h.Length > 0 && !col.TryAdd(h, c))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateHeader, new ProblemText("Wide_DuplicateHeader", h, Num(col[h] + 1), Num(c + 1)))
                { Source = source, Row = headerLine, Column = c + 1, ExpectedText = new ProblemText("Expected_UniqueHeadersCaseInsensitive"), Found = h });
            }
        }

        foreach (var r in Required.Where(r => !col.ContainsKey(r)))
        {
            problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Meta_MissingColumn", r))
            { Source = source, Row = headerLine, ExpectedText = new ProblemText("Expected_Columns", string.Join(", ", Required)), Found = string.Join(", ", table.Header.Fields) });
        }

        if (problems.Count > 0)
        {
            return ReadResult<MetaTable>.ForFailure(ValidationReport.Of(problems), source);
        }

        var columns = new ColumnLookup(col);
        var rows = new List<Row>(table.Rows.Length);
        var groups = new List<string>();
        var denominators = new List<string>();
        var others = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        double? goalpostScale = null;
        string? scaleCode = null;

        foreach (var rec in table.Rows)
        {
            if (rec.Count != table.Header.Count)
            {
                problems.Add(new ValidationProblem(ProblemCode.RaggedRow, new ProblemText("Wide_RaggedRow", Num(rec.Line), Num(rec.Count), Num(table.Header.Count)))
                { Source = source, Row = rec.Line, ExpectedText = new ProblemText("Count_Cells", Num(table.Header.Count)), FoundText = new ProblemText("Count_Cells", Num(rec.Count)) });
                continue;
            }

            var cells = new Cells(rec, columns, source, problems);
            var code = cells.Text("iCode");
            if (code is null)
            {
                problems.Add(cells.Problem(ProblemCode.MissingValue, "iCode", null, new ProblemText("Meta_NoCode", Num(rec.Line)), new ProblemText("Expected_ACode")));
                continue;
            }

            var typeText = cells.Text("Type") ?? string.Empty;
            var type = Array.Find(Types, t => string.Equals(t, typeText, StringComparison.OrdinalIgnoreCase));
            if (type is null)
            {
                problems.Add(cells.Problem(ProblemCode.UnknownValue, "Type", code, new ProblemText("Meta_UnknownType", code, typeText), ProblemText.Verbatim(string.Join(", ", Types))));
                continue;
            }

            if (!firstLine.TryAdd(code, rec.Line))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateNode, new ProblemText("Meta_DuplicateCode", code, Num(firstLine[code]), Num(rec.Line)))
                { Source = source, Row = rec.Line, Column = col["iCode"] + 1, IndicatorCode = code, ExpectedText = new ProblemText("Expected_UniqueCodes"), Found = code });
                continue;
            }

            switch (type)
            {
                case "Group":
                    groups.Add(code);
                    continue;
                case "Denominator":
                    denominators.Add(code);
                    continue;
                case "Other":
                    others.Add(code);
                    continue;
            }

            var isIndicator = type == "Indicator";
            var name = cells.Text("iName") ?? code;
            var nameVi = cells.Text("iName_vi");
            var parent = cells.Text("Parent");
            var level = cells.Integer("Level", code);
            var weight = cells.Number("Weight", code, parent is null ? 1 : null);
            var direction = cells.Direction(code, isIndicator ? null : Definitions.Direction.Positive);
            if (level is { } lv && isIndicator && lv != 1)
            {
                problems.Add(cells.Problem(ProblemCode.LevelMismatch, "Level", code, new ProblemText("Meta_IndicatorLevel", code, Num(lv)), ProblemText.Verbatim("1"), Num(lv)));
            }
            else if (level is { } la && !isIndicator && la < 2)
            {
                problems.Add(cells.Problem(ProblemCode.LevelMismatch, "Level", code, new ProblemText("Meta_AggregateLevel", code, Num(la)), new ProblemText("Expected_TwoOrAbove"), Num(la)));
            }

            FrameworkNode? node = null;
            try
            {
                if (isIndicator)
                {
                    var kindText = cells.Text("Kind") ?? "real";
                    if (!KindText.TryParse(kindText, out var kind))
                    {
                        problems.Add(cells.Problem(ProblemCode.UnknownValue, "Kind", code, new ProblemText("Meta_UnknownKind", code, kindText), new ProblemText("Expected_Kinds"), kindText));
                    }

                    var def = IndicatorDefinition.Create(code, name, kind, direction ?? Definitions.Direction.Positive, nameVi, cells.Text("Unit"));
                    var target = cells.Number("Target", code, double.NaN);
                    var reference = cells.Number("Reference", code, double.NaN);
                    var lower = cells.Number("goalpost_lower", code, double.NaN);
                    var upper = cells.Number("goalpost_upper", code, double.NaN);
                    if (target is { } t && !double.IsNaN(t))
                    {
                        def = Try(() => def.WithTarget(t), cells, "Target", code, new ProblemText("Expected_FiniteTarget")) ?? def;
                    }

                    if (reference is { } rv && !double.IsNaN(rv))
                    {
                        def = Try(() => def.WithReferenceValue(rv), cells, "Reference", code, new ProblemText("Expected_FiniteReference")) ?? def;
                    }

                    if (lower is { } gl && upper is { } gu && (double.IsNaN(gl) != double.IsNaN(gu)))
                    {
                        var missing = double.IsNaN(gl) ? "goalpost_lower" : "goalpost_upper";
                        problems.Add(cells.Problem(ProblemCode.MissingValue, missing, code, new ProblemText("Meta_OneGoalpost", code), new ProblemText("Expected_BothGoalposts")));
                    }
                    else if (lower is { } l && upper is { } u && !double.IsNaN(l))
                    {
                        def = Try(() => def.WithGoalposts(l, u), cells, "goalpost_lower", code, new ProblemText("Expected_FiniteGoalposts")) ?? def;
                    }

                    if (cells.Number("goalpost_scale", code, double.NaN) is { } gs && !double.IsNaN(gs))
                    {
                        if (!(gs > 0 && double.IsFinite(gs)))
                        {
                            problems.Add(cells.Problem(ProblemCode.InvalidParameter, "goalpost_scale", code, new ProblemText("Meta_GoalpostScale", code), new ProblemText("Expected_FiniteAboveZero")));
                        }
                        else if (goalpostScale is { } first && first != gs)
                        {
                            problems.Add(cells.Problem(ProblemCode.UnsupportedInput, "goalpost_scale", code, new ProblemText("Meta_GoalpostScales", code, F(gs), scaleCode, F(first)), ProblemText.Verbatim(F(first))));
                        }
                        else
                        {
                            goalpostScale = gs;
                            scaleCode ??= code;
                        }
                    }

                    if (cells.Text("goalpost_trunc2posts") is { } trunc)
                    {
                        if (string.Equals(trunc, "FALSE", StringComparison.OrdinalIgnoreCase) || trunc == "0")
                        {
                            problems.Add(cells.Problem(ProblemCode.UnsupportedInput, "goalpost_trunc2posts", code, new ProblemText("Meta_NoTruncation", code), ProblemText.Verbatim("TRUE")));
                        }
                        else if (!string.Equals(trunc, "TRUE", StringComparison.OrdinalIgnoreCase) && trunc != "1")
                        {
                            problems.Add(cells.Problem(ProblemCode.UnknownValue, "goalpost_trunc2posts", code, new ProblemText("Meta_Trunc", code), ProblemText.Verbatim("TRUE")));
                        }
                    }

                    def = def with { DenominatorCode = cells.Text("Denominator") };
                    node = FrameworkNode.ForIndicator(def, parent ?? "-", weight ?? 1) with { ParentCode = parent };
                }
                else
                {
                    node = FrameworkNode.Aggregate(code, name, parent, weight ?? 1, nameVi: nameVi) with { AggregateDirection = direction ?? Definitions.Direction.Positive };
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Meta_InvalidRow", code, type.ToLowerInvariant(), ex.Message)) { Source = source, Row = rec.Line, IndicatorCode = code });
            }

            if (node is not null)
            {
                // Kept even when a cell had a problem, so that tree-level problems are reported too.
                rows.Add(new Row(rec.Line, node, level));
            }
        }

        var byCode = rows.ToDictionary(r => r.Node.Code, StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.Node.ParentCode is { } p && byCode.TryGetValue(p, out var parentRow) && r.Level is { } cl && parentRow.Level is { } pl && cl != pl - 1)
            {
                problems.Add(new ValidationProblem(ProblemCode.LevelMismatch, new ProblemText("Meta_ChildLevel", r.Node.Code, Num(cl), p, Num(pl)))
                { Source = source, Row = r.Line, Column = col["Level"] + 1, IndicatorCode = r.Node.Code, Expected = Num(pl - 1), Found = Num(cl) });
            }
        }

        var nodes = rows.Select(r => r.Node).ToImmutableArray();
        foreach (var p in Framework.Validate(nodes).Problems)
        {
            int? line = p.IndicatorCode is { } c && byCode.TryGetValue(c, out var row) ? row.Line : null;
            problems.Add(p with { Source = source, Row = line, Column = null, Path = null, UnitCode = null, Parameter = null });
        }

        if (problems.Count > 0)
        {
            return ReadResult<MetaTable>.ForFailure(ValidationReport.Of(problems), source);
        }

        return ReadResult<MetaTable>.ForValue(MetaTable.Create(Framework.CreateValidated(nodes), groups, denominators, others) with { GoalpostScale = goalpostScale }, source);
    }

    private static IndicatorDefinition? Try(Func<IndicatorDefinition> f, Cells cells, string column, string code, ProblemText expected)
    {
        try
        {
            return f();
        }
        catch (ArgumentException)
        {
            cells.Add(cells.Problem(ProblemCode.InvalidParameter, column, code, new ProblemText("Meta_InvalidColumn", code, column), expected));
            return null;
        }
    }

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes a framework as an <c>iMeta</c> table (see <see cref="Write(MetaTable, TextWriter, CsvInjectionPolicy)"/>).</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="writer">The writer; not disposed.</param>
    /// <exception cref="ArgumentException">When a child is not exactly one level below its parent (COINr's <c>iMeta</c> cannot hold such a tree).</exception>
    public static void Write(Framework framework, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(framework);
        Write(MetaTable.Create(framework), writer);
    }

    /// <summary>
    /// Writes an <c>iMeta</c> table: one row per node in framework order, then the Group, Denominator and Other rows.
    /// Columns: <c>iCode, iName, iName_vi, Level, Parent, Direction, Weight, Type, Kind, Unit, Target, Reference,
    /// Denominator, goalpost_lower, goalpost_upper</c>, and <c>goalpost_scale</c> when the table has one (written on the
    /// rows of indicators with goalposts); absent values are empty cells; numbers use the invariant
    /// round-trip format. Reading the text back gives an equal table, except that per-node normalisers, aggregators and
    /// availability thresholds are not written (they belong to the methodology).
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">The writer; not disposed.</param>
    /// <exception cref="ArgumentException">When a child is not exactly one level below its parent (COINr's <c>iMeta</c> cannot hold such a tree).</exception>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static void Write(MetaTable table, TextWriter writer, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        CsvTable.Write(writer, Records(table), injection: injection);
    }

    /// <summary>The records <see cref="Write(MetaTable, TextWriter, CsvInjectionPolicy)"/> writes, header first (also the rows of the iMeta sheet of a workbook).</summary>
    internal static List<IReadOnlyList<string>> Records(MetaTable table)
    {
        var fw = table.Framework;
        foreach (var n in fw.Nodes.Where(n => n.ParentCode is not null && fw.Level(n.Code) != fw.Level(n.ParentCode) - 1))
        {
            throw new ArgumentException($"Node '{n.Code}' is not exactly one level below its parent '{n.ParentCode}'; an iMeta table needs a balanced tree.", nameof(table));
        }

        var scale = table.GoalpostScale;
        var records = new List<IReadOnlyList<string>> { scale is null ? WrittenColumns : [.. WrittenColumns, "goalpost_scale"] };
        foreach (var n in fw.Nodes)
        {
            var d = n.Indicator;
            string[] row =
            [
                n.Code, n.Name, n.NameVi ?? string.Empty, Num(fw.Level(n.Code)), n.ParentCode ?? string.Empty,
                n.Direction == Definitions.Direction.Negative ? "-1" : "1", F(n.Weight), d is null ? "Aggregate" : "Indicator",
                d is null ? string.Empty : KindText.Format(d.Kind), d?.Unit ?? string.Empty,
                d?.Target is { } t ? F(t) : string.Empty, d?.ReferenceValue is { } r ? F(r) : string.Empty,
                d?.DenominatorCode ?? string.Empty,
                d?.Goalposts is { } g ? F(g.Lower) : string.Empty, d?.Goalposts is { } h ? F(h.Upper) : string.Empty,
            ];
            records.Add(scale is { } sc ? [.. row, d?.Goalposts is null ? string.Empty : F(sc)] : row);
        }

        void Plain(IEnumerable<string> codes, string type)
        {
            foreach (var c in codes)
            {
                string[] row = [c, c, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, type, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty];
                records.Add(scale is null ? row : [.. row, string.Empty]);
            }
        }

        Plain(table.GroupCodes, "Group");
        Plain(table.DenominatorCodes, "Denominator");
        Plain(table.OtherCodes, "Other");
        return records;
    }

    /// <summary>Writes an <c>iMeta</c> file (UTF-8 without byte order mark).</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public static void Save(MetaTable table, string path, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteText(path, writer => Write(table, writer, injection));
    }

    /// <summary>
    /// The header lookup (case-insensitive) asked by the column names the reader uses, each answer kept under that exact
    /// name: every row asks the same dozen names, so each is matched against the headers once per table.
    /// </summary>
    private sealed class ColumnLookup(Dictionary<string, int> byHeader)
    {
        private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

        public bool TryGetValue(string column, out int index)
        {
            if (!_byName.TryGetValue(column, out index))
            {
                index = byHeader.TryGetValue(column, out var c) ? c : -1;
                _byName.Add(column, index);
            }

            return index >= 0;
        }
    }

    private sealed class Cells(CsvRecord record, ColumnLookup columns, string source, List<ValidationProblem> problems)
    {
        public void Add(ValidationProblem p) => problems.Add(p);

        public string? Text(string column)
        {
            if (!columns.TryGetValue(column, out var c))
            {
                return null;
            }

            var s = record[c].Trim();
            return s.Length == 0 || string.Equals(s, "NA", StringComparison.OrdinalIgnoreCase) ? null : s;
        }

        public ValidationProblem Problem(ProblemCode code, string column, string? nodeCode, ProblemText message, ProblemText expected, string? found = null) =>
            new(code, message)
            {
                Source = source,
                Row = record.Line,
                Column = columns.TryGetValue(column, out var c) ? c + 1 : null,
                IndicatorCode = nodeCode,
                ExpectedText = expected,
                Found = found ?? (columns.TryGetValue(column, out var k) ? record[k] : null),
            };

        /// <summary>The number in a column; <paramref name="whenMissing"/> when the cell is missing (null: a missing value is a problem).</summary>
        public double? Number(string column, string code, double? whenMissing)
        {
            var s = Text(column);
            if (s is null)
            {
                if (whenMissing is null)
                {
                    problems.Add(Problem(ProblemCode.MissingValue, column, code, new ProblemText("Meta_NoValue", code, column), new ProblemText("Args_ANumber")));
                }

                return whenMissing;
            }

            // The exact fast paths first (plain decimals); they decline anything else, which the framework's parser decides.
            if (Internal.DecimalFastPath.TryParseExtended(s, out var x) || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out x))
            {
                return x;
            }

            problems.Add(Problem(ProblemCode.NotANumber, column, code, new ProblemText("Meta_NotANumber", code, column, s), new ProblemText("Expected_NumberInvariant")));
            return null;
        }

        public int? Integer(string column, string code)
        {
            var x = Number(column, code, null);
            if (x is { } v && (v != Math.Floor(v) || v < 1 || v > MaxLevel))
            {
                // Levels are capped at MaxLevel: a deeper framework is a generated or mistyped file, not an index.
                var (problemCode, what) = v == Math.Floor(v) && v > MaxLevel
                    ? (ProblemCode.ValueOutOfRange, new ProblemText("Meta_LevelTooDeep", code, column, MaxLevel.ToString(CultureInfo.InvariantCulture)))
                    : (ProblemCode.NotANumber, new ProblemText("Meta_LevelNotWhole", code, column));
                problems.Add(Problem(problemCode, column, code, what, new ProblemText("Expected_WholeFromOneTo", MaxLevel.ToString(CultureInfo.InvariantCulture))));
                return null;
            }

            return x is null ? null : (int)x.Value;
        }

        public Direction? Direction(string code, Direction? whenMissing)
        {
            var s = Text("Direction");
            if (s is null && whenMissing is not null)
            {
                return whenMissing;
            }

            if (s is not null && (Internal.DecimalFastPath.TryParseExtended(s, out var x) || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out x)) && (x == 1 || x == -1))
            {
                return x == 1 ? Definitions.Direction.Positive : Definitions.Direction.Negative;
            }

            problems.Add(Problem(s is null ? ProblemCode.MissingValue : ProblemCode.UnknownValue, "Direction", code, new ProblemText("Meta_Direction", code), new ProblemText("Expected_Direction")));
            return null;
        }
    }
}
