using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Model;

/// <summary>
/// An immutable long table: observations (unit, indicator, value, year, provenance) in order. Unlike a
/// <see cref="Dataset"/>, it may hold several years and even several observations of the same unit, indicator and
/// year (two sources that disagree); <see cref="ToDataset"/> turns one year into a wide dataset and reports such
/// duplicates instead of choosing one. Read and write it with <c>LongCsv</c> (IO).
/// </summary>
public sealed class ObservationTable
{
    private ObservationTable(ImmutableArray<Observation> observations, string? sourceName)
    {
        Observations = observations;
        SourceName = sourceName;
    }

    /// <summary>A table with no observations.</summary>
    public static ObservationTable Empty { get; } = new([], null);

    /// <summary>Creates a table.</summary>
    /// <param name="observations">The observations, in order.</param>
    /// <param name="sourceName">The file or source the observations were read from, used in problems; null when none.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">When an observation is null.</exception>
    public static ObservationTable Create(IEnumerable<Observation> observations, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var array = observations.ToImmutableArray();
        if (array.Any(o => o is null))
        {
            throw new ArgumentException("Observations must not be null.", nameof(observations));
        }

        return new ObservationTable(array, string.IsNullOrEmpty(sourceName) ? null : sourceName);
    }

    /// <summary>The observations, in order.</summary>
    public ImmutableArray<Observation> Observations { get; }

    /// <summary>The file or source the observations were read from, or null.</summary>
    public string? SourceName { get; }

    /// <summary>The number of observations.</summary>
    public int Count => Observations.Length;

    /// <summary>The distinct unit codes, in order of first appearance.</summary>
    public ImmutableArray<string> UnitCodes => [.. Observations.Select(o => o.UnitCode).Distinct(StringComparer.Ordinal)];

    /// <summary>The distinct indicator codes, in order of first appearance.</summary>
    public ImmutableArray<string> IndicatorCodes => [.. Observations.Select(o => o.IndicatorCode).Distinct(StringComparer.Ordinal)];

    /// <summary>The distinct years, ascending (observations without a year are not counted).</summary>
    public ImmutableArray<int> Years => [.. Observations.Where(o => o.Year is not null).Select(o => o.Year!.Value).Distinct().Order()];

    /// <summary>The observations matching every criterion given (codes compared ordinally); null criteria match everything.</summary>
    /// <param name="unitCode">The unit code, or null for every unit.</param>
    /// <param name="indicatorCode">The indicator code, or null for every indicator.</param>
    /// <param name="year">The year, or null for every year (including observations without one).</param>
    /// <returns>A table with the matching observations in order, and the same source name.</returns>
    public ObservationTable Where(string? unitCode = null, string? indicatorCode = null, int? year = null) =>
        Where(o => (unitCode is null || o.UnitCode == unitCode) && (indicatorCode is null || o.IndicatorCode == indicatorCode) && (year is null || o.Year == year));

    /// <summary>The observations matching a predicate.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>A table with the matching observations in order, and the same source name.</returns>
    public ObservationTable Where(Func<Observation, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new ObservationTable([.. Observations.Where(predicate)], SourceName);
    }

    /// <summary>
    /// Builds the wide dataset of one year, reporting every problem instead of throwing. Units are the distinct unit codes
    /// of that year in order of first appearance, named by their first non-null <see cref="Observation.UnitName"/> (else
    /// the code); columns are the distinct indicator codes of that year in order of first appearance; a unit without an
    /// observation of an indicator gets NaN (missing). Two or more observations of the same unit and indicator in the year
    /// are a <see cref="ProblemCode.DuplicateObservation"/> problem (one per extra observation, naming both lines when
    /// known), even when their values agree: no value is overwritten or chosen silently. A year with no observation gives
    /// an empty dataset (no units, no columns).
    /// </summary>
    /// <param name="year">The year to take; null takes the observations that have no year.</param>
    /// <returns>The dataset, or the report of every problem (never both); its source is the table's source name.</returns>
    public ReadResult<Dataset> TryToDataset(int? year)
    {
        var report = Check(year, out var dataset);
        var source = SourceName ?? "observation table";
        return dataset is null ? ReadResult<Dataset>.ForFailure(report, source) : ReadResult<Dataset>.ForValue(dataset, source);
    }

    private ValidationReport Check(int? year, out Dataset? dataset)
    {
        dataset = null;
        var rows = Observations.Where(o => o.Year == year).ToList();
        var units = rows.Select(o => o.UnitCode).Distinct(StringComparer.Ordinal).ToList();
        var codes = rows.Select(o => o.IndicatorCode).Distinct(StringComparer.Ordinal).ToList();
        var unitIndex = units.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i, StringComparer.Ordinal);
        var codeIndex = codes.Select((c, j) => (c, j)).ToDictionary(p => p.c, p => p.j, StringComparer.Ordinal);
        var values = new double[units.Count * codes.Count];
        Array.Fill(values, double.NaN);
        var first = new Dictionary<(int, int), Observation>();
        var problems = new List<ValidationProblem>();
        foreach (var o in rows)
        {
            var key = (unitIndex[o.UnitCode], codeIndex[o.IndicatorCode]);
            if (first.TryGetValue(key, out var earlier))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateObservation, new ProblemText("Obs_Duplicate", o.UnitCode, o.IndicatorCode, YearText(year), Lines(earlier, o)))
                {
                    Source = SourceName,
                    Row = o.Line,
                    UnitCode = o.UnitCode,
                    IndicatorCode = o.IndicatorCode,
                    ExpectedText = new ProblemText("Obs_ExpectedOne"),
                    FoundText = new ProblemText("Obs_FoundValues", F(earlier.Value), F(o.Value)),
                });
                continue;
            }

            first.Add(key, o);
            values[(key.Item2 * units.Count) + key.Item1] = o.Value;
        }

        if (problems.Count > 0)
        {
            return ValidationReport.Of(problems);
        }

        var unitList = units.Select(u => Unit.Create(u, rows.FirstOrDefault(o => o.UnitCode == u && o.UnitName is not null)?.UnitName)).ToList();
        return Dataset.Check(unitList, codes, values, null, out dataset);
    }

    /// <summary>Builds the wide dataset of one year (rules in <see cref="TryToDataset"/>), throwing on any problem.</summary>
    /// <param name="year">The year to take; null takes the observations that have no year.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">With every duplicate observation of the year.</exception>
    public Dataset ToDataset(int? year)
    {
        var report = Check(year, out var dataset);
        report.ThrowIfInvalid(SourceName ?? "observation table");
        return dataset!;
    }

    /// <summary>Formats as <c>ObservationTable: 52 observations, 4 units, 45 indicators, years 2011-2019</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var years = Years;
        return "ObservationTable: " + N(Count) + " observations, " + N(UnitCodes.Length) + " units, " + N(IndicatorCodes.Length) + " indicators"
            + (years.IsEmpty ? string.Empty : years.Length == 1 ? ", year " + N(years[0]) : ", years " + N(years[0]) + "-" + N(years[^1]));
    }

    private static ProblemText YearText(int? year) => year is { } y ? ProblemText.Verbatim(N(y)) : new ProblemText("Obs_NoYear");

    private static ProblemText Lines(Observation a, Observation b) =>
        a.Line is { } la && b.Line is { } lb ? new ProblemText("Obs_Lines", N(la), N(lb)) : ProblemText.Verbatim(string.Empty);

    private static string N(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
