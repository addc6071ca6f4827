using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Writes every score and rank of a result as CSV, invariant culture, round-trip precision, missing values as empty cells.
/// The writers stream: memory holds one row at a time besides the result, so a result of any size is written in bounded
/// memory (<see cref="WriteLongCsv"/>, <see cref="WriteWideCsv"/>; <see cref="SaveLongCsv"/> and <see cref="SaveWideCsv"/>
/// write a file atomically). The <c>To...</c> forms build the whole text as one string.
/// </summary>
public static class ResultCsv
{
    private const string LongHeader = "unit_code,unit_name,node_code,level,score,rank\n";

    /// <summary>
    /// Long form: one row per unit and node, <c>unit_code,unit_name,node_code,level,score,rank</c> (level 1 = the
    /// normalised indicator; the rank at that node). Units in dataset order, nodes in compiled order (indicators, then
    /// aggregates level by level).
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    /// <returns>The CSV text.</returns>
    public static string ToLongCsv(IndexResult result, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        WriteLongCsv(result, w, injection);
        return w.ToString();
    }

    /// <summary>
    /// Wide form: one row per unit in ranking order, <c>unit_code,unit_name</c>, then for every node in compiled order
    /// <c>{node}</c> (score) and <c>{node}_rank</c>.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    /// <returns>The CSV text.</returns>
    public static string ToWideCsv(IndexResult result, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        WriteWideCsv(result, w, injection);
        return w.ToString();
    }

    /// <summary>Writes the long form (see <see cref="ToLongCsv"/>) row by row to a writer; the same text, streamed.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer; not flushed nor disposed.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>).</param>
    /// <param name="cancellation">Checked every 1,024 rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    public static void WriteLongCsv(IndexResult result, TextWriter writer, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var n = result.Units.Length;
        var nodes = result.NodeCodes.Length;
        var scores = result.AllScores;
        var ranks = result.AllRanks;
        var nodeCells = new string[nodes];
        for (var k = 0; k < nodes; k++)
        {
            nodeCells[k] = "," + CsvTable.FormatField(result.NodeCodes[k], injection: injection) + "," + result.NodeLevels[k].ToString(CultureInfo.InvariantCulture) + ",";
        }

        Span<char> buffer = stackalloc char[NumberBufferLength];
        writer.Write(LongHeader);
        var rows = 0;
        for (var i = 0; i < n; i++)
        {
            var unit = result.Units[i];
            var unitCells = CsvTable.FormatField(unit.Code, injection: injection) + "," + CsvTable.FormatField(unit.Name, injection: injection);
            for (var k = 0; k < nodes; k++)
            {
                if ((++rows & 1023) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }

                writer.Write(unitCells);
                writer.Write(nodeCells[k]);
                WriteNumber(writer, scores[(k * n) + i], buffer);
                writer.Write(',');
                WriteNumber(writer, ranks[(k * n) + i], buffer);
                writer.Write('\n');
            }
        }
    }

    /// <summary>Writes the wide form (see <see cref="ToWideCsv"/>) row by row to a writer; the same text, streamed.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer; not flushed nor disposed.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>).</param>
    /// <param name="cancellation">Checked every 1,024 rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    public static void WriteWideCsv(IndexResult result, TextWriter writer, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var n = result.Units.Length;
        var nodes = result.NodeCodes.Length;
        var scores = result.AllScores;
        var ranks = result.AllRanks;
        writer.Write("unit_code,unit_name");
        foreach (var node in result.NodeCodes)
        {
            writer.Write(',');
            writer.Write(CsvTable.FormatField(node, injection: injection));
            writer.Write(',');
            writer.Write(CsvTable.FormatField(node + "_rank", injection: injection));
        }

        writer.Write('\n');
        Span<char> buffer = stackalloc char[NumberBufferLength];
        var rows = 0;
        foreach (var row in result.Ranking)
        {
            if ((++rows & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var i = result.UnitIndex(row.Unit.Code);
            writer.Write(CsvTable.FormatField(row.Unit.Code, injection: injection));
            writer.Write(',');
            writer.Write(CsvTable.FormatField(row.Unit.Name, injection: injection));
            for (var k = 0; k < nodes; k++)
            {
                writer.Write(',');
                WriteNumber(writer, scores[(k * n) + i], buffer);
                writer.Write(',');
                WriteNumber(writer, ranks[(k * n) + i], buffer);
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes the long form (see <see cref="ToLongCsv"/>) to a file, streamed, UTF-8 without byte order mark.</summary>
    /// <param name="result">The result.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure or cancellation leaves it exactly as it was and no temporary file behind. A FIFO, a device or a socket is written in place.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>).</param>
    /// <param name="cancellation">Checked every 1,024 rows and before the rename; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void SaveLongCsv(IndexResult result, string path, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteText(path, w => WriteLongCsv(result, w, injection, cancellation), cancellation);
    }

    /// <summary>Writes the wide form (see <see cref="ToWideCsv"/>) to a file, streamed, UTF-8 without byte order mark.</summary>
    /// <param name="result">The result.</param>
    /// <param name="path">The path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure or cancellation leaves it exactly as it was and no temporary file behind. A FIFO, a device or a socket is written in place.</param>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>).</param>
    /// <param name="cancellation">Checked every 1,024 rows and before the rename; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void SaveWideCsv(IndexResult result, string path, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteText(path, w => WriteWideCsv(result, w, injection, cancellation), cancellation);
    }

    private const int NumberBufferLength = 32;

    /// <summary>
    /// A number as <see cref="RankingTable.Number"/> writes it (round-trip "R", empty for NaN), without a string. The text
    /// of a finite double never needs quoting nor neutralising (<see cref="CsvTable.FormatField"/> leaves numbers alone).
    /// </summary>
    private static void WriteNumber(TextWriter writer, double x, Span<char> buffer)
    {
        if (double.IsNaN(x))
        {
            return;
        }

        if (x.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            writer.Write(buffer[..written]);
        }
        else
        {
            writer.Write(x.ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
