using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// Reads the editions of a series from one long CSV table with a <c>year</c> column (<c>unit, indicator, value, year</c>;
/// the columns of <see cref="LongCsv"/>): each year becomes the dataset of one edition. Every problem is reported at
/// once, located by source, line and column.
/// </summary>
public static class LongCsvEditions
{
    private const string MissingMarks = "an empty cell, NA, NaN or ..";

    /// <summary>
    /// Reads a long CSV file with a <c>year</c> column as one dataset per year (the editions of a series), reporting
    /// every problem; see <see cref="Read(CsvTable, LongCsvOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="path">The path; also the source name in problems.</param>
    /// <param name="options">The options, or null for the defaults; <see cref="LongCsvOptions.SourceName"/> is ignored.</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The dataset of each year, by year ascending, or every problem found.</returns>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static ReadResult<ImmutableSortedDictionary<int, Dataset>> Read(string path, LongCsvOptions? options = null, CancellationToken cancellation = default)
    {
        Internal.Preconditions.NotBlank(path);
        options ??= LongCsvOptions.Default;
        var csv = CsvTable.Read(path, options.Delimiter, options.Encoding, options.CsvInjection);
        return csv.TryGetValue(out var table) ? FromTable(table, options, cancellation) : ReadResult<ImmutableSortedDictionary<int, Dataset>>.ForFailure(csv.Report, path);
    }

    /// <summary>
    /// Reads a long table with a <c>year</c> column as one dataset per year (the editions of a series), reporting every
    /// problem. The rows are read as by <see cref="LongCsv.Read(CsvTable, LongCsvOptions?, CancellationToken)"/>; each distinct year
    /// becomes one dataset built by <see cref="ObservationTable.TryToDataset"/> (units in order of first appearance, a
    /// missing observation is NaN, duplicates of a unit, indicator and year are problems).
    /// <para>Problems, each naming the source, the 1-based line and the column: no <c>year</c> column
    /// (<see cref="ProblemCode.MissingColumn"/>, at the header); a year that is not a whole number
    /// (<see cref="ProblemCode.NotANumber"/>); an empty year cell (<see cref="ProblemCode.MissingValue"/>: every row belongs
    /// to the edition of its year); a year outside [<see cref="Edition.MinYear"/>, <see cref="Edition.MaxYear"/>]
    /// (<see cref="ProblemCode.ValueOutOfRange"/>); a year whose rows hold no value at all, only missing marks
    /// (<see cref="ProblemCode.EmptyInput"/>, at the year's first line and the value column); no data rows
    /// (<see cref="ProblemCode.EmptyInput"/>, at the header).</para>
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="options">The options, or null for the defaults (the table's source is used).</param>
    /// <param name="cancellation">Checked every 1,024 data rows; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The dataset of each year, by year ascending, or every problem found.</returns>
    public static ReadResult<ImmutableSortedDictionary<int, Dataset>> Read(CsvTable table, LongCsvOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromTable(table, options ?? LongCsvOptions.Default, cancellation);
    }

    private static ReadResult<ImmutableSortedDictionary<int, Dataset>> FromTable(CsvTable table, LongCsvOptions options, CancellationToken cancellation)
    {
        var source = table.Source;
        var names = table.Header.Fields.Select(h => h.Trim()).ToArray();
        var yearCol = LongCsv.ColumnIndex(table, options, LongColumn.Year);
        var valueCol = LongCsv.ColumnIndex(table, options, LongColumn.Value);
        var problems = new List<ValidationProblem>();
        if (yearCol < 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.MissingColumn, "The table has no year column; each year of a series is one edition.")
            { Source = source, Row = table.Header.Line, Expected = "a column named year", Found = string.Join(", ", names) });
        }

        if (yearCol >= 0)
        {
            foreach (var row in table.Rows.Where(r => r.Count == names.Length))
            {
                var text = row[yearCol].Trim();
                if (text.Length == 0)
                {
                    problems.Add(new ValidationProblem(ProblemCode.MissingValue, $"Line {N(row.Line)} has no year; every row belongs to the edition of its year.")
                    { Source = source, Row = row.Line, Column = yearCol + 1, Expected = "a year as a whole number (for example 2016)", Found = "an empty cell" });
                }
                else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is < Edition.MinYear or > Edition.MaxYear)
                {
                    problems.Add(new ValidationProblem(ProblemCode.ValueOutOfRange, $"The year on line {N(row.Line)} is outside {N(Edition.MinYear)}-{N(Edition.MaxYear)}: {N(y)}.")
                    { Source = source, Row = row.Line, Column = yearCol + 1, Expected = "a year from " + N(Edition.MinYear) + " to " + N(Edition.MaxYear), Found = row[yearCol] });
                }
            }
        }

        var read = LongCsv.Read(table, options, cancellation);
        problems.AddRange(read.Report.Problems);
        if (!read.TryGetValue(out var observations) || yearCol < 0)
        {
            return ReadResult<ImmutableSortedDictionary<int, Dataset>>.ForFailure(ValidationReport.Of(problems), source);
        }

        if (observations.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, "The table has no data rows; a series needs at least one year.")
            { Source = source, Row = table.Header.Line, Expected = "rows of unit, indicator, value and year", Found = "a header only" });
        }

        var datasets = ImmutableSortedDictionary.CreateBuilder<int, Dataset>();
        foreach (var year in observations.Years.Where(y => y is >= Edition.MinYear and <= Edition.MaxYear))
        {
            var rows = observations.Where(year: year).Observations;
            if (rows.All(o => double.IsNaN(o.Value)))
            {
                problems.Add(new ValidationProblem(ProblemCode.EmptyInput, $"The year {N(year)} has no values: its {N(rows.Length)} row(s) from line {N(rows[0].Line ?? 0)} hold only missing marks.")
                { Source = source, Row = rows[0].Line, Column = valueCol + 1, UnitCode = rows[0].UnitCode, IndicatorCode = rows[0].IndicatorCode, Expected = "at least one value in the year " + N(year), Found = "only " + MissingMarks });
                continue;
            }

            var dataset = observations.TryToDataset(year);
            if (dataset.TryGetValue(out var d))
            {
                datasets[year] = d;
            }
            else
            {
                problems.AddRange(dataset.Report.Problems.Select(p => p.Column is null && p.Row is not null ? p with { Column = valueCol + 1 } : p));
            }
        }

        return problems.Count > 0
            ? ReadResult<ImmutableSortedDictionary<int, Dataset>>.ForFailure(ValidationReport.Of(problems), source)
            : ReadResult<ImmutableSortedDictionary<int, Dataset>>.ForValue(datasets.ToImmutable(), source);
    }

    private static string N(int x) => x.ToString(CultureInfo.InvariantCulture);
}
