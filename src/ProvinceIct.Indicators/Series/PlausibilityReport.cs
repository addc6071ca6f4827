using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// Year-on-year plausibility checks of the data of a series, for reviewing provincial submissions: each edition's
/// values against the previous edition's (same unit code; across 1 July 2025 the previous data carried to the 34
/// units), flagged when they move more than their kind's limit, and any value above its indicator's maximum. A flag is
/// a question to ask, not an error: nothing is changed. Immutable.
/// </summary>
public sealed class PlausibilityReport
{
    private PlausibilityReport(ImmutableArray<PlausibilityFlag> flags) => Flags = flags;

    /// <summary>The flags, by year, then unit in the edition's order, then indicator in column order.</summary>
    public ImmutableArray<PlausibilityFlag> Flags { get; }

    /// <summary>
    /// Checks a series. The kind of a column is that of the indicator of the same code in the edition's framework
    /// (columns that are not indicators are not checked for change, but are checked against a maximum). A missing value
    /// is never flagged; a unit absent from the previous edition is checked only against maxima.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="thresholds">The limits, or null for <see cref="PlausibilityThresholds.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/> is null.</exception>
    public static PlausibilityReport Check(IndexSeries series, PlausibilityThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        thresholds ??= PlausibilityThresholds.Default;
        var flags = ImmutableArray.CreateBuilder<PlausibilityFlag>();
        for (var k = 0; k < series.Editions.Length; k++)
        {
            var e = series.Editions[k];
            var p = k == 0 ? null : series.Editions[k - 1];
            var before = p is null ? null : p.Geography == e.Geography ? p.Dataset : series.RemappedDataset(p.Year);
            var data = e.Dataset;
            var fw = e.Methodology.Framework;
            var rows = before is null ? new Dictionary<string, int>(StringComparer.Ordinal) : before.Units.Select((u, i) => (u.Code, i)).ToDictionary(t => t.Code, t => t.i, StringComparer.Ordinal);
            for (var i = 0; i < data.UnitCount; i++)
            {
                var code = data.Units[i].Code;
                var b = rows.TryGetValue(code, out var row) ? row : -1;
                for (var j = 0; j < data.IndicatorCount; j++)
                {
                    var ind = data.IndicatorCodes[j];
                    var x = data[i, j];
                    var prev = b >= 0 && before!.HasIndicator(ind) ? before[b, before.IndexOfIndicator(ind)] : double.NaN;
                    var category = fw.Contains(ind) && fw[ind].Indicator is { } def ? def.Kind.Category : (Definitions.KindCategory?)null;
                    if (category is { } c && thresholds.Breaks(c, prev, x, out var rule))
                    {
                        flags.Add(new PlausibilityFlag(code, ind, c, p!.Year, e.Year, prev, x, PlausibilityReason.ChangeTooLarge, rule));
                    }

                    if (thresholds.Maxima.TryGetValue(ind, out var max) && x > max)
                    {
                        flags.Add(new PlausibilityFlag(code, ind, category ?? Definitions.KindCategory.Real, p?.Year ?? e.Year, e.Year, prev, x, PlausibilityReason.AboveMaximum,
                            "maximum " + max.ToString("0.####", CultureInfo.InvariantCulture)));
                    }
                }
            }
        }

        return new PlausibilityReport(flags.ToImmutable());
    }

    /// <summary>
    /// The flags as a table (name <c>plausibility</c>): <c>year</c>, <c>previous_year</c>, <c>unit</c>, <c>indicator</c>,
    /// <c>kind</c>, <c>previous_value</c>, <c>value</c>, <c>reason</c>, <c>rule</c>; NaN is missing.
    /// </summary>
    /// <returns>The table.</returns>
    public Table ToTable()
    {
        var table = new TableBuilder(
            "Year-on-year plausibility flags",
            [TableColumn.Integer("year", "Year"), TableColumn.Integer("previous_year", "Previous year"), TableColumn.Text("unit", "Unit"), TableColumn.Text("indicator", "Indicator"),
             TableColumn.Text("kind", "Kind"), TableColumn.Number("previous_value", "Previous value", NumberFormat.UpTo(4)), TableColumn.Number("value", "Value", NumberFormat.UpTo(4)),
             TableColumn.Text("reason", "Reason"), TableColumn.Text("rule", "Rule")],
            "plausibility");
        foreach (var f in Flags)
        {
            table.AddRow(f.Year, f.PreviousYear, f.UnitCode, f.IndicatorCode, f.Category.ToString(), f.PreviousValue, f.Value, f.Reason.ToString(), f.Rule);
        }

        table.AddNote(Flags.IsEmpty ? "No value flagged." : Flags.Length.ToString(CultureInfo.InvariantCulture) + " value(s) flagged: questions for the submitting province, not errors.");
        return table.Build();
    }

    /// <summary>Formats as <c>PlausibilityReport: 3 flags</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PlausibilityReport: {Flags.Length} flags");
}
