using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// Reads the editions of a series from one long CSV table with a <c>year</c> column (<c>unit, indicator, value, year</c>;
/// the columns of <see cref="LongCsv"/>): each year becomes the dataset of one edition. Columns headed <c>Group_NAME</c>
/// (as in <see cref="WideCsv"/>) give each unit its group NAME in that year (<c>Group_region</c>: the region used by ranks
/// within groups). Every problem is reported at once, located by source, line and column.
/// </summary>
public static class LongCsvEditions
{
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
            problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Editions_NoYearColumn"))
            { Source = source, Row = table.Header.Line, ExpectedText = new ProblemText("Expected_ColumnNamed", "year"), Found = string.Join(", ", names) });
        }

        if (yearCol >= 0)
        {
            foreach (var row in table.Rows.Where(r => r.Count == names.Length))
            {
                var text = row[yearCol].Trim();
                if (text.Length == 0)
                {
                    problems.Add(new ValidationProblem(ProblemCode.MissingValue, new ProblemText("Editions_NoYear", N(row.Line)))
                    { Source = source, Row = row.Line, Column = yearCol + 1, ExpectedText = new ProblemText("Editions_ExpectedYear"), FoundText = new ProblemText("Editions_FoundEmptyCell") });
                }
                else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is < Edition.MinYear or > Edition.MaxYear)
                {
                    problems.Add(new ValidationProblem(ProblemCode.ValueOutOfRange, new ProblemText("Editions_YearOutside", N(row.Line), N(Edition.MinYear), N(Edition.MaxYear), N(y)))
                    { Source = source, Row = row.Line, Column = yearCol + 1, ExpectedText = new ProblemText("Editions_ExpectedYearRange", N(Edition.MinYear), N(Edition.MaxYear)), Found = row[yearCol] });
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
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Editions_NoRows"))
            { Source = source, Row = table.Header.Line, ExpectedText = new ProblemText("Editions_ExpectedRows"), FoundText = new ProblemText("Editions_FoundHeaderOnly") });
        }

        var datasets = ImmutableSortedDictionary.CreateBuilder<int, Dataset>();
        foreach (var year in observations.Years.Where(y => y is >= Edition.MinYear and <= Edition.MaxYear))
        {
            var rows = observations.Where(year: year).Observations;
            if (rows.All(o => double.IsNaN(o.Value)))
            {
                problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Editions_YearEmpty", N(year), N(rows.Length), N(rows[0].Line ?? 0)))
                { Source = source, Row = rows[0].Line, Column = valueCol + 1, UnitCode = rows[0].UnitCode, IndicatorCode = rows[0].IndicatorCode, ExpectedText = new ProblemText("Editions_ExpectedValueIn", N(year)), FoundText = new ProblemText("Editions_FoundOnlyMissing") });
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

        ApplyGroups(table, names, observations, datasets, problems);
        return problems.Count > 0
            ? ReadResult<ImmutableSortedDictionary<int, Dataset>>.ForFailure(ValidationReport.Of(problems), source)
            : ReadResult<ImmutableSortedDictionary<int, Dataset>>.ForValue(datasets.ToImmutable(), source);
    }

    /// <summary>
    /// Group columns, as in <see cref="WideCsv"/>: every header starting with <c>Group_</c> holds the group named by the
    /// rest (<c>Group_region</c> is group <c>region</c>). Each unit of a year takes the value of its rows of that year
    /// (an empty or <c>NA</c> cell is no group); two different values for one unit, group and year are a
    /// <see cref="ProblemCode.MalformedInput"/> problem at the second row.
    /// </summary>
    private static void ApplyGroups(CsvTable table, string[] names, ObservationTable observations, ImmutableSortedDictionary<int, Dataset>.Builder datasets, List<ValidationProblem> problems)
    {
        const string Prefix = "Group_";
        var groupCols = Enumerable.Range(0, names.Length).Where(c => names[c].Length > Prefix.Length && names[c].StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (groupCols.Length == 0 || datasets.Count == 0)
        {
            return;
        }

        var byLine = new Dictionary<int, (string Unit, int Year)>();
        foreach (var o in observations.Observations)
        {
            if (o.Line is { } line && o.Year is { } year)
            {
                byLine[line] = (o.UnitCode, year);
            }
        }

        var found = new Dictionary<(int Year, string Unit, string Group), (string Value, int Line)>();
        foreach (var row in table.Rows.Where(r => r.Count == names.Length))
        {
            if (!byLine.TryGetValue(row.Line, out var key) || !datasets.ContainsKey(key.Year))
            {
                continue;
            }

            foreach (var c in groupCols)
            {
                var text = row[c].Trim();
                if (text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var group = names[c][Prefix.Length..];
                if (!found.TryGetValue((key.Year, key.Unit, group), out var seen))
                {
                    found[(key.Year, key.Unit, group)] = (text, row.Line);
                }
                else if (!string.Equals(seen.Value, text, StringComparison.Ordinal))
                {
                    problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Editions_TwoGroupValues", key.Unit, group, N(key.Year), seen.Value, N(seen.Line), text, N(row.Line)))
                    {
                        Source = table.Source, Row = row.Line, Column = c + 1, UnitCode = key.Unit,
                        ExpectedText = new ProblemText("Editions_ExpectedOneGroupValue", group, seen.Value, N(seen.Line)), Found = row[c],
                    });
                }
            }
        }

        foreach (var year in datasets.Keys.ToList())
        {
            var d = datasets[year];
            var units = d.Units.Select(u =>
            {
                var groups = found.Where(f => f.Key.Year == year && string.Equals(f.Key.Unit, u.Code, StringComparison.Ordinal))
                    .Select(f => KeyValuePair.Create(f.Key.Group, f.Value.Value)).ToList();
                return groups.Count == 0 ? u : u with { Groups = u.Groups.SetItems(groups) };
            }).ToList();
            datasets[year] = Dataset.FromColumns(units, d.IndicatorCodes.Select(c => KeyValuePair.Create(c, d.Column(c).ToArray())));
        }
    }

    private static string N(int x) => x.ToString(CultureInfo.InvariantCulture);
}
