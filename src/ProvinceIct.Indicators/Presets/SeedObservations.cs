using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// Figures from provincial ICT reports, 2011-2019 (Bình Phước, Bình Dương, Quảng Nam, Đắk Lắk), embedded as
/// <c>seed_observations.csv</c>: each row quotes the Vietnamese sentence it was copied from and names the report file.
/// Loaded as an <see cref="ObservationTable"/> typed by <see cref="ProvincialIctIndicators"/>: every indicator is in the
/// catalogue and every value is valid for its kind. Each observation keeps its provenance: <see cref="Observation.Source"/>
/// (the report file), <see cref="Observation.Quote"/> (the sentence), <see cref="Observation.Qualifier"/> (for example
/// "approximately", "more than", "provincial level"), <see cref="Observation.MeasureUnit"/> and
/// <see cref="Observation.UnitName"/> as written. Unit codes are 2016 GSO province codes.
/// <para>The file's columns: <c>province_code, province_name_vi, year, indicator, value, unit, qualifier, source,
/// quote_vi</c> (<c>unit</c> is the unit of measure); numbers are invariant ('.' decimal point).</para>
/// </summary>
public static class SeedObservations
{
    /// <summary>The name of the embedded file, also the source name in problems.</summary>
    public const string FileName = "seed_observations.csv";

    private static readonly Lazy<ObservationTable> LazyTable = new(() =>
        Load(new StringReader(OpenReadiness2016.ReadResource(FileName)), FileName));

    /// <summary>How the file's headers map to long-table columns (the reader's options for the seed format).</summary>
    public static LongCsvOptions Options { get; } = LongCsvOptions.Default with
    {
        NumberCulture = NumberCulture.Invariant,
        Indicators = ProvincialIctIndicators.Definitions,
        ColumnNames = new Dictionary<string, LongColumn>
        {
            ["province_code"] = LongColumn.Unit,
            ["province_name_vi"] = LongColumn.UnitName,
            ["unit"] = LongColumn.MeasureUnit,
            ["quote_vi"] = LongColumn.Quote,
        }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>Every embedded observation, in file order (read and checked once).</summary>
    public static ObservationTable Table => LazyTable.Value;

    /// <summary>
    /// Reads a file in the seed format and checks it as the embedded file is checked, reporting every problem with the
    /// source, line and column: everything <see cref="LongCsv"/> checks with <see cref="Options"/> (an indicator not in
    /// the catalogue, a value its kind rejects such as a percent above 100 or a fractional count), plus: the year,
    /// source and quote are required; the province code must be a 2016 GSO code and the province name must name that
    /// province.
    /// </summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="sourceName">The source name in problems.</param>
    /// <returns>The observations, or every problem found.</returns>
    public static ReadResult<ObservationTable> Read(TextReader reader, string sourceName = FileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var csv = CsvTable.Read(reader, sourceName);
        if (!csv.TryGetValue(out var table))
        {
            return ReadResult<ObservationTable>.ForFailure(csv.Report, sourceName);
        }

        var result = LongCsv.Read(table, Options);
        var columns = table.Header.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var problems = new List<ValidationProblem>();
        var catalog = ProvinceCatalog.Default;
        foreach (var row in table.Rows.Where(r => r.Count == columns.Count))
        {
            string? Cell(string name) => columns.IndexOf(name) is >= 0 and var c && row[c].Trim().Length > 0 ? row[c].Trim() : null;
            var code = Cell("province_code");
            var indicator = Cell("indicator");
            ValidationProblem Problem(ProblemCode problem, string message, string column, string expected, string found) =>
                new(problem, message) { Source = sourceName, Row = row.Line, Column = columns.IndexOf(column) is >= 0 and var c ? c + 1 : null, UnitCode = code, IndicatorCode = indicator, Expected = expected, Found = found };

            foreach (var (column, what) in new[] { ("year", "a year"), ("source", "the source file"), ("quote_vi", "the quoted Vietnamese sentence") })
            {
                if (Cell(column) is null)
                {
                    problems.Add(Problem(ProblemCode.MissingValue, "The observation has no " + column + ".", column, what, "an empty cell"));
                }
            }

            if (code is null)
            {
                continue; // reported by the long-table reader
            }

            if (!catalog.TryGet(code, ProvinceGeography.Provinces2016, out var province))
            {
                problems.Add(Problem(ProblemCode.UnknownValue, $"'{code}' is not a 2016 GSO province code.", "province_code", "a 2016 GSO province code", code));
            }
            else if (Cell("province_name_vi") is { } name && !(catalog.TryMatch(name, ProvinceGeography.Provinces2016, out var named) && named.Code == province.Code))
            {
                problems.Add(Problem(ProblemCode.UnknownValue, $"The province name does not name province {province}.", "province_name_vi", "a name of " + province.NameVi, name));
            }
        }

        if (!result.Success)
        {
            return ReadResult<ObservationTable>.ForFailure(result.Report.Concat(ValidationReport.Of(problems)), sourceName);
        }

        return problems.Count > 0 ? ReadResult<ObservationTable>.ForFailure(ValidationReport.Of(problems), sourceName) : result;
    }

    /// <summary>Reads a file in the seed format (rules in <see cref="Read"/>), throwing on any problem.</summary>
    /// <param name="reader">The reader; read to its end, not disposed.</param>
    /// <param name="sourceName">The source name in problems.</param>
    /// <returns>The observations.</returns>
    /// <exception cref="ValidationException">With every problem found.</exception>
    public static ObservationTable Load(TextReader reader, string sourceName = FileName) => Read(reader, sourceName).GetValueOrThrow();

    /// <summary>
    /// The embedded observations matching every criterion given; null criteria match everything.
    /// </summary>
    /// <param name="province">A province code or any name or spelling <see cref="ProvinceCatalog.Match"/> resolves in the 2016 geography (<c>70</c>, <c>Bình Phước</c>, <c>binh phuoc</c>), or null.</param>
    /// <param name="year">The year, or null.</param>
    /// <param name="indicator">An indicator code of <see cref="ProvincialIctIndicators"/>, or null.</param>
    /// <returns>The matching observations, in file order (empty when none).</returns>
    /// <exception cref="ProvinceMatchException">When the province text names no province or several.</exception>
    /// <exception cref="KeyNotFoundException">When the indicator is not in the catalogue.</exception>
    public static ObservationTable Query(string? province = null, int? year = null, string? indicator = null)
    {
        var unit = province is null ? null : ProvinceCatalog.Default.Match(province, ProvinceGeography.Provinces2016).Code;
        if (indicator is not null)
        {
            ProvincialIctIndicators.Get(indicator);
        }

        return Table.Where(unit, indicator, year);
    }

    /// <summary>The one embedded observation of a province, year and indicator.</summary>
    /// <param name="province">A province code or name (see <see cref="Query"/>).</param>
    /// <param name="year">The year.</param>
    /// <param name="indicator">An indicator code of <see cref="ProvincialIctIndicators"/>.</param>
    /// <returns>The observation.</returns>
    /// <exception cref="ProvinceMatchException">When the province text names no province or several.</exception>
    /// <exception cref="KeyNotFoundException">When the indicator is not in the catalogue, or there is no such observation.</exception>
    /// <exception cref="InvalidOperationException">When there are several such observations.</exception>
    public static Observation Get(string province, int year, string indicator)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(indicator);
        var hits = Query(province, year, indicator).Observations;
        return hits.Length switch
        {
            1 => hits[0],
            0 => throw new KeyNotFoundException($"No seed observation of '{indicator}' for '{province}' in {year.ToString(CultureInfo.InvariantCulture)}."),
            _ => throw new InvalidOperationException($"Several seed observations of '{indicator}' for '{province}' in {year.ToString(CultureInfo.InvariantCulture)}."),
        };
    }
}
