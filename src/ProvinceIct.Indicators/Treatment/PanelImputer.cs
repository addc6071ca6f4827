using System.Collections.Immutable;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// A panel imputation strategy: fills a unit's missing value in one year from its own values in other years of a
/// panel (one dataset per year; units matched by code, indicators by code). Only values observed in the input
/// (present before imputation) are used. A unit or column absent from a year's dataset counts as missing in that
/// year and is not added. Immutable; use <see cref="LastObservationCarriedForward"/> or <see cref="Linear"/>.
/// </summary>
public sealed record PanelImputer
{
    private PanelImputer(ImputationMethod method, PanelEndPolicy ends)
    {
        Method = method;
        Ends = ends;
    }

    /// <summary>
    /// A missing value takes the unit's value in the latest earlier year that has one (COINr <c>impute_panel</c> with
    /// <c>"latest"</c>, forward only). Before the first observed year it stays missing (<see cref="ImputationOutcome.NoEarlierObservation"/>).
    /// </summary>
    public static PanelImputer LastObservationCarriedForward { get; } = new(ImputationMethod.LastObservationCarriedForward, PanelEndPolicy.CarryForward);

    /// <summary>
    /// Linear interpolation between the nearest earlier year t0 and the nearest later year t1 with a value:
    /// <c>x0 + (x1 - x0) * (t - t0) / (t1 - t0)</c>. Before the first observed year the value stays missing; after the
    /// last one it stays missing or is carried forward, as <paramref name="ends"/> says. Never extrapolates.
    /// </summary>
    /// <param name="ends">What to do after the last observation (default: leave missing).</param>
    /// <returns>The imputer.</returns>
    public static PanelImputer Linear(PanelEndPolicy ends = PanelEndPolicy.LeaveMissing) => new(ImputationMethod.LinearInterpolation, ends);

    /// <summary>The method: <see cref="ImputationMethod.LastObservationCarriedForward"/> or <see cref="ImputationMethod.LinearInterpolation"/>.</summary>
    public ImputationMethod Method { get; }

    /// <summary>What happens after the last observation (always <see cref="PanelEndPolicy.CarryForward"/> for carry-forward).</summary>
    public PanelEndPolicy Ends { get; }

    /// <summary>Imputes every year's dataset.</summary>
    /// <param name="panel">The datasets by year (at least one).</param>
    /// <param name="indicatorCodes">The columns to impute, or null for every column of any year.</param>
    /// <returns>The imputed datasets and a log entry (with its year) per missing value of those columns.</returns>
    /// <exception cref="ArgumentException">When the panel is empty.</exception>
    public PanelImputationResult Apply(IReadOnlyDictionary<int, Dataset> panel, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (panel.Count == 0)
        {
            throw new ArgumentException("The panel must hold at least one year.", nameof(panel));
        }

        var years = panel.Keys.Order().ToArray();
        var codes = (indicatorCodes ?? years.SelectMany(y => panel[y].IndicatorCodes)).ToHashSet(StringComparer.Ordinal);
        var log = ImmutableArray.CreateBuilder<ImputationLogEntry>();
        var result = ImmutableSortedDictionary.CreateBuilder<int, Dataset>();
        for (var t = 0; t < years.Length; t++)
        {
            var data = panel[years[t]] ?? throw new ArgumentException("A dataset of the panel is null.", nameof(panel));
            var columns = new List<KeyValuePair<string, double[]>>(data.IndicatorCount);
            for (var j = 0; j < data.IndicatorCount; j++)
            {
                var code = data.IndicatorCodes[j];
                var values = data.Column(j).ToArray();
                if (codes.Contains(code))
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        if (double.IsNaN(values[i]))
                        {
                            values[i] = Fill(panel, years, t, data.Units[i].Code, code, out var method, out var outcome);
                            log.Add(new ImputationLogEntry(years[t], data.Units[i].Code, code, values[i], method, outcome));
                        }
                    }
                }

                columns.Add(KeyValuePair.Create(code, values));
            }

            result.Add(years[t], Dataset.FromColumns(data.Units, columns));
        }

        return new PanelImputationResult(result.ToImmutable(), log.ToImmutable());
    }

    /// <summary>Formats as <c>PanelImputer: LastObservationCarriedForward</c> or <c>PanelImputer: LinearInterpolation, ends LeaveMissing</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "PanelImputer: " + Method + (Method == ImputationMethod.LinearInterpolation ? ", ends " + Ends : string.Empty);

    private double Fill(IReadOnlyDictionary<int, Dataset> panel, int[] years, int t, string unit, string code, out ImputationMethod method, out ImputationOutcome outcome)
    {
        method = Method;
        var before = Nearest(panel, years, t, unit, code, -1, out var t0);
        if (double.IsNaN(before))
        {
            outcome = ImputationOutcome.NoEarlierObservation;
            return double.NaN;
        }

        if (Method == ImputationMethod.LinearInterpolation)
        {
            var after = Nearest(panel, years, t, unit, code, +1, out var t1);
            if (!double.IsNaN(after))
            {
                outcome = ImputationOutcome.Imputed;
                return before + ((after - before) * (years[t] - (double)t0) / (t1 - (double)t0));
            }

            if (Ends == PanelEndPolicy.LeaveMissing)
            {
                outcome = ImputationOutcome.NoLaterObservation;
                return double.NaN;
            }

            method = ImputationMethod.LastObservationCarriedForward;
        }

        outcome = ImputationOutcome.Imputed;
        return before;
    }

    private static double Nearest(IReadOnlyDictionary<int, Dataset> panel, int[] years, int t, string unit, string code, int step, out int year)
    {
        for (var k = t + step; k >= 0 && k < years.Length; k += step)
        {
            var d = panel[years[k]];
            if (d.HasIndicator(code) && d.Units.Any(u => u.Code == unit))
            {
                var x = d.Value(unit, code);
                if (!double.IsNaN(x))
                {
                    year = years[k];
                    return x;
                }
            }
        }

        year = 0;
        return double.NaN;
    }
}
