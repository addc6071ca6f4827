using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Reads and writes data and metadata as Excel workbooks (<c>.xlsx</c>) in COINr's layout: a sheet <c>iData</c> laid out
/// as <see cref="WideCsv"/> (one row per unit) and a sheet <c>iMeta</c> laid out as <see cref="MetaCsv"/> (one row per
/// indicator or aggregate). A sheet is validated exactly as the CSV file would be, with every problem reported at once;
/// a problem's source is <c>file!sheet</c> and its row and column are the cell's, so it prints as Excel names a cell
/// (<c>data.xlsx!iData C7</c>).
/// </summary>
/// <remarks>
/// <para>Cells: a numeric cell is a number as stored (no culture involved); a text cell is read as the CSV reader reads a
/// field, so <c>3,5</c> typed as text follows <see cref="WideCsvOptions.NumberCulture"/>; an empty cell, <c>NA</c> and
/// the error <c>#N/A</c> are missing; other errors (<c>#DIV/0!</c>), booleans and dates in a numeric column are
/// reported as not a number, with the cell. Formulas are never evaluated: the value Excel saved with the formula is read.</para>
/// <para>Hostile files give a located <see cref="ProblemCode.MalformedInput"/> problem, never another exception: not a
/// zip archive, a missing sheet or part, malformed XML (DTDs refused), a part larger than 256 MiB uncompressed (checked
/// while decompressing, so a zip bomb stops there), a cell beyond Excel's sheet (XFD1048576).</para>
/// <para>Written with the BCL alone (see <see cref="TableWorkbook"/>): no package, safe to trim and compile ahead of time.</para>
/// </remarks>
public static class XlsxData
{
    /// <summary>The sheet of the data in COINr's layout.</summary>
    public const string DataSheet = "iData";

    /// <summary>The sheet of the metadata in COINr's layout.</summary>
    public const string MetaSheet = "iMeta";

    /// <summary>The names of a workbook's sheets, in order.</summary>
    /// <param name="path">The workbook.</param>
    /// <returns>The names, or the problem that stops the file from being read.</returns>
    /// <exception cref="IOException">When the file cannot be opened.</exception>
    public static ReadResult<IReadOnlyList<string>> ReadSheetNames(string path)
    {
        Internal.Preconditions.NotBlank(path);
        var file = Path.GetFileName(path);
        try
        {
            using var reader = XlsxReader.Open(File.OpenRead(path));
            return ReadResult<IReadOnlyList<string>>.ForValue(reader.SheetNames, path);
        }
        catch (XlsxFormatException ex)
        {
            return ReadResult<IReadOnlyList<string>>.ForFailure(Report(ex, file), path);
        }
    }

    /// <summary>
    /// Reads a dataset from a sheet of a workbook, as <see cref="WideCsv"/> reads a file (same columns, same checks,
    /// every problem reported, each at its cell).
    /// </summary>
    /// <param name="path">The workbook.</param>
    /// <param name="options">The options, or null for the defaults (<see cref="WideCsvOptions.Encoding"/>, <see cref="WideCsvOptions.Delimiter"/> and <see cref="WideCsvOptions.SourceName"/> do not apply).</param>
    /// <param name="sheet">The sheet, or null for <c>iData</c> when the workbook has it, else its first sheet.</param>
    /// <param name="cancellation">Checked every 1,024 rows.</param>
    /// <returns>The dataset, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be opened.</exception>
    public static ReadResult<Dataset> ReadDataset(string path, WideCsvOptions? options = null, string? sheet = null, CancellationToken cancellation = default)
    {
        Internal.Preconditions.NotBlank(path);
        return ReadSheet(path, sheet, DataSheet, (records, source, _) =>
        {
            var result = WideCsv.FromRecords(records, source, options ?? WideCsvOptions.Default, cancellation);
            return result.Success ? ReadResult<Dataset>.ForValue(result.Value, path) : ReadResult<Dataset>.ForFailure(result.Report, path);
        });
    }

    /// <summary>Reads an <c>iMeta</c> table from a sheet of a workbook, as <see cref="MetaCsv"/> reads a file.</summary>
    /// <param name="path">The workbook.</param>
    /// <param name="sheet">The sheet, or null for <c>iMeta</c> when the workbook has it, else its first sheet.</param>
    /// <returns>The metadata, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be opened.</exception>
    public static ReadResult<MetaTable> ReadMeta(string path, string? sheet = null)
    {
        Internal.Preconditions.NotBlank(path);
        return ReadSheet(path, sheet, MetaSheet, (records, source, name) =>
        {
            var table = records.ToTable(source);
            if (table is null)
            {
                var empty = new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Xlsx_EmptySheet", name)) { Source = source, ExpectedText = new ProblemText("Csv_ExpectedHeaderRow"), FoundText = new ProblemText("Found_NoCells") };
                return ReadResult<MetaTable>.ForFailure(ValidationReport.Of([empty]), path);
            }

            var result = MetaCsv.Read(table);
            return result.Success ? ReadResult<MetaTable>.ForValue(result.Value, path) : ReadResult<MetaTable>.ForFailure(result.Report, path);
        });
    }

    // Opens the workbook, picks the sheet (the one named, else the default when present, else the first) and reads it
    // with the given reader; a malformed workbook becomes a failure located at the file or the sheet.
    private static ReadResult<T> ReadSheet<T>(string path, string? sheet, string defaultSheet, Func<XlsxRecords, string, string, ReadResult<T>> read)
        where T : class
    {
        var file = Path.GetFileName(path);
        var source = file;
        try
        {
            using var reader = XlsxReader.Open(File.OpenRead(path));
            var name = Sheet(reader, sheet, defaultSheet);
            source = file + "!" + name;
            using var records = new XlsxRecords(reader.Rows(name));
            return read(records, source, name);
        }
        catch (XlsxFormatException ex)
        {
            return ReadResult<T>.ForFailure(Report(ex, source), path);
        }
    }

    /// <summary>
    /// The dataset as a table for a workbook sheet named <c>iData</c>: the columns <see cref="WideCsv"/> writes
    /// (<c>uCode</c>, <c>uName</c>, <c>uNameEn</c> when any unit has one, <c>Group_*</c>, one per indicator), headed by
    /// their codes so that the sheet reads back; values as numbers, missing values as empty cells.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="name">The table (sheet) name.</param>
    /// <returns>The table.</returns>
    public static Table DataTable(Dataset dataset, string name = DataSheet)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var groupNames = dataset.Units.SelectMany(u => u.Groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var withEn = dataset.Units.Any(u => u.NameEn is not null);
        var columns = new List<TableColumn> { TableColumn.Text("uCode", "uCode"), TableColumn.Label("uName", "uName") };
        if (withEn)
        {
            columns.Add(TableColumn.Text("uNameEn", "uNameEn"));
        }

        columns.AddRange(groupNames.Select(g => TableColumn.Text("Group_" + g, "Group_" + g)));
        columns.AddRange(dataset.IndicatorCodes.Select(c => TableColumn.Number(c, c)));
        var rows = new List<TableRow>(dataset.UnitCount);
        for (var i = 0; i < dataset.UnitCount; i++)
        {
            var u = dataset.Units[i];
            var cells = new List<TableCell>(columns.Count) { u.Code, u.Name };
            if (withEn)
            {
                cells.Add(u.NameEn);
            }

            cells.AddRange(groupNames.Select(g => (TableCell)u.Group(g)));
            for (var j = 0; j < dataset.IndicatorCount; j++)
            {
                cells.Add(dataset[i, j]);
            }

            rows.Add(Table.Row([.. cells]));
        }

        return Table.Create(string.Empty, columns, rows, name: name);
    }

    /// <summary>
    /// The metadata as a table for a workbook sheet named <c>iMeta</c>: the columns <see cref="MetaCsv"/> writes, headed by
    /// their names; levels, directions, weights, targets, reference values and goalposts as numbers.
    /// </summary>
    /// <param name="table">The metadata.</param>
    /// <param name="name">The table (sheet) name.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">When a child is not exactly one level below its parent (an iMeta table cannot hold such a tree).</exception>
    public static Table MetaTableOf(MetaTable table, string name = MetaSheet)
    {
        ArgumentNullException.ThrowIfNull(table);
        var records = MetaCsv.Records(table);
        var header = records[0];
        string[] numeric = ["Level", "Direction", "Weight", "Target", "Reference", "goalpost_lower", "goalpost_upper", "goalpost_scale"];
        var isNumber = header.Select(h => numeric.Contains(h, StringComparer.Ordinal)).ToArray();
        var columns = header.Select((h, c) => isNumber[c] ? TableColumn.Number(h, h, format: NumberFormat.Significant(15)) : TableColumn.Text(h, h));
        var rows = records.Skip(1).Select(r => Table.Row([.. r.Select((v, c) => v.Length == 0 ? TableCell.Missing
            : isNumber[c] ? TableCell.Number(double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)) : TableCell.Text(v))]));
        return Table.Create(string.Empty, columns, rows, name: name);
    }

    /// <summary>
    /// Writes a workbook with the sheets <c>iData</c> and, when given, <c>iMeta</c> (COINr's layout), atomically. Reading
    /// it back with <see cref="ReadDataset"/> and <see cref="ReadMeta"/> gives the same dataset and metadata.
    /// </summary>
    /// <param name="path">The target file; an existing file is replaced only once the new one is complete.</param>
    /// <param name="dataset">The data.</param>
    /// <param name="meta">The metadata, or null.</param>
    /// <exception cref="IOException">When the file cannot be written; the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void Save(string path, Dataset dataset, MetaTable? meta = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        TableWorkbook.Save(path, meta is null ? [DataTable(dataset)] : [DataTable(dataset), MetaTableOf(meta)]);
    }

    private static string Sheet(XlsxReader reader, string? wanted, string standard)
    {
        if (wanted is not null)
        {
            return reader.FindSheet(wanted)
                ?? throw new XlsxFormatException(new ProblemText("Xlsx_NoSheet", wanted, string.Join(", ", reader.SheetNames.Select(s => "'" + s + "'"))));
        }

        return reader.FindSheet(standard) ?? reader.SheetNames[0];
    }

    private static ValidationReport Report(XlsxFormatException ex, string source) =>
        ValidationReport.Of([new ValidationProblem(ProblemCode.MalformedInput, ex.Text)
        {
            Source = source,
            Row = ex.Row,
            Column = ex.Column,
            ExpectedText = new ProblemText("Expected_Workbook"),
        }]);
}
