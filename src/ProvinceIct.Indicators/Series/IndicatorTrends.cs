using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// The change, percent change and compound annual growth rate of every indicator for every unit between two editions of
/// a series (raw values as given, before treatment and normalisation). Units are matched by code within one geography;
/// from a 63-unit edition to a 34-unit one the earlier values are those carried to the 34 units
/// (<see cref="IndexSeries.RemappedDataset"/>). Policies: percent change divides by <c>|from|</c> and is NaN on a zero
/// base; CAGR is NaN on a base at or below zero or a negative later value; a missing value makes every measure NaN. A
/// unit in only one of the two editions, or an indicator in only one, has no row. Immutable.
/// </summary>
public sealed class IndicatorTrends
{
    private IndicatorTrends(int fromYear, int toYear, ImmutableArray<IndicatorTrend> rows)
    {
        FromYear = fromYear;
        ToYear = toYear;
        Rows = rows;
    }

    /// <summary>The earlier year.</summary>
    public int FromYear { get; }

    /// <summary>The later year.</summary>
    public int ToYear { get; }

    /// <summary>One row per unit and indicator present in both editions: units in the later edition's order, indicators in its column order.</summary>
    public ImmutableArray<IndicatorTrend> Rows { get; }

    /// <summary>The trends of a series between two of its editions.</summary>
    /// <param name="series">The series.</param>
    /// <param name="fromYear">The earlier year, or null for the first edition.</param>
    /// <param name="toYear">The later year, or null for the last edition.</param>
    /// <returns>The trends.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When the series has no edition of a year given.</exception>
    /// <exception cref="ArgumentException">When <paramref name="fromYear"/> is after <paramref name="toYear"/>.</exception>
    public static IndicatorTrends Compute(IndexSeries series, int? fromYear = null, int? toYear = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var from = series.Edition(fromYear ?? series.Years[0]);
        var to = series.Edition(toYear ?? series.Years[^1]);
        if (from.Year > to.Year)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The earlier year ({from.Year}) is after the later one ({to.Year})."), nameof(fromYear));
        }

        var before = from.Geography == to.Geography ? from.Dataset : series.RemappedDataset(from.Year);
        var rows = ImmutableArray.CreateBuilder<IndicatorTrend>();
        var after = to.Dataset;
        if (before is not null)
        {
            var units = before.Units.Select((u, i) => (u.Code, i)).ToDictionary(t => t.Code, t => t.i, StringComparer.Ordinal);
            for (var i = 0; i < after.UnitCount; i++)
            {
                if (!units.TryGetValue(after.Units[i].Code, out var b))
                {
                    continue;
                }

                for (var j = 0; j < after.IndicatorCount; j++)
                {
                    var code = after.IndicatorCodes[j];
                    if (before.HasIndicator(code))
                    {
                        rows.Add(new IndicatorTrend(after.Units[i].Code, after.Units[i].Name, code, from.Year, to.Year, before[b, before.IndexOfIndicator(code)], after[i, j]));
                    }
                }
            }
        }

        return new IndicatorTrends(from.Year, to.Year, rows.ToImmutable());
    }

    /// <summary>The rows of one indicator.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <returns>The rows (empty when the indicator is not in both editions).</returns>
    public ImmutableArray<IndicatorTrend> For(string indicatorCode) => [.. Rows.Where(r => string.Equals(r.IndicatorCode, indicatorCode, StringComparison.Ordinal))];

    /// <summary>
    /// The rows as a table (name <c>indicator-trends</c>): <c>unit</c>, <c>name</c>, <c>indicator</c>, <c>from</c>,
    /// <c>to</c>, <c>change</c>, <c>percent_change</c>, <c>cagr</c> (percent per year); NaN is missing. The notes give the years and the policies.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var y0 = FromYear.ToString(CultureInfo.InvariantCulture);
        var y1 = ToYear.ToString(CultureInfo.InvariantCulture);
        var table = new TableBuilder(
            "Indicator trends " + y0 + "-" + y1,
            [TableColumn.Text("unit", "Unit"), TableColumn.Label("name", "Name"), TableColumn.Text("indicator", "Indicator"),
             TableColumn.Number("from", y0, NumberFormat.UpTo(4)), TableColumn.Number("to", y1, NumberFormat.UpTo(4)), TableColumn.Number("change", "Change", NumberFormat.UpTo(4)),
             TableColumn.Number("percent_change", "Change (%)", NumberFormat.Fixed(1)), TableColumn.Number("cagr", "CAGR (%/year)", NumberFormat.Fixed(2))],
            "indicator-trends");
        foreach (var r in Rows)
        {
            table.AddRow(r.UnitCode, r.UnitName, r.IndicatorCode, r.FromValue, r.ToValue, r.Change, r.PercentChange, r.Cagr);
        }

        table.AddNote("Percent change = (to - from) / |from| x 100, empty on a zero base; CAGR = ((to / from)^(1 / years) - 1) x 100, empty on a base at or below zero or a negative later value.");
        return table.Build();
    }

    /// <summary>Formats as <c>IndicatorTrends 2019-2021: 120 rows</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"IndicatorTrends {FromYear}-{ToYear}: {Rows.Length} rows");
}
