using System.Globalization;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// The indicator trends of one unit against the national median across the editions of a series: one small panel per
/// indicator (three to a row), the editions equally spaced along x (oldest at the left), the unit's raw value as a solid
/// line with markers and the median over every unit of the edition as a dashed grey line. Values are the raw data as
/// given (before treatment and normalisation). When the series crosses 1 July 2025, the editions whose geography
/// differs from the last edition's are read as carried to the last edition's units
/// (<see cref="IndexSeries.RemappedDataset"/>), so the unit code is one of the last edition's units. Policies: a missing
/// value has no marker and the line passes over it; the median ignores missing values and is missing when every value
/// is; an edition without the indicator has neither.
/// </summary>
public static class IndicatorTrendChart
{
    /// <summary>Panels per row.</summary>
    public const int Columns = 3;

    internal const double PanelWidth = 300;
    internal const double PanelHeight = 170;
    internal const double Top = 72;
    internal const double PlotLeft = 46;
    internal const double PlotTop = 28;
    internal const double PlotWidth = 230;
    internal const double PlotHeight = 110;

    /// <summary>Draws the chart.</summary>
    /// <param name="series">The series.</param>
    /// <param name="unitCode">The unit, a code of the last edition's units.</param>
    /// <param name="indicatorCodes">The indicators, one panel each in this order; null for every indicator of the last edition's framework that some edition's data has.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/> or <paramref name="unitCode"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When no edition has the unit, or an indicator given is in no edition's data.</exception>
    /// <remarks>
    /// Positions inside the panel at column c, row r (origin x0 = 12 + 300 c, y0 = 72 + 170 r): the k-th of K editions at
    /// x = x0 + 46 + 230 k / (K - 1) (the middle when K = 1); a value v at y = y0 + 28 + 110 (1 - (v - lo) / (hi - lo)),
    /// [lo, hi] the nice axis covering the unit's values and the medians.
    /// </remarks>
    public static SvgChart Create(IndexSeries series, string unitCode, IEnumerable<string>? indicatorCodes = null) =>
        Create(series, unitCode, indicatorCodes, ReportOptions.Default);

    /// <summary>Draws the chart in the language and number format of a culture.</summary>
    /// <param name="series">The series.</param>
    /// <param name="unitCode">The unit, a code of the last edition's units.</param>
    /// <param name="indicatorCodes">The indicators, one panel each in this order; null for every indicator of the last edition's framework that some edition's data has.</param>
    /// <param name="options">The culture: with <see cref="ReportOptions.Vietnamese"/> the title, subtitle, description, legend and tooltips are Vietnamese, each panel is titled with the indicator's Vietnamese name when the framework has one, and values and ticks have a decimal comma (<c>90,45</c>); years are written without a group separator in every culture. The unit's name is shown as in the data.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/>, <paramref name="unitCode"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When no edition has the unit, or an indicator given is in no edition's data.</exception>
    public static SvgChart Create(IndexSeries series, string unitCode, IEnumerable<string>? indicatorCodes, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(unitCode);
        ArgumentNullException.ThrowIfNull(options);
        var o = options;
        var last = series.Editions[^1];
        var data = series.Editions.Select(e => e.Geography == last.Geography ? e.Dataset : series.RemappedDataset(e.Year)).ToList();
        if (!data.Any(d => d is not null && d.Units.Any(u => u.Code == unitCode)))
        {
            throw new KeyNotFoundException("No edition of the series has the unit '" + unitCode + "'.");
        }

        var framework = last.Methodology.Framework;
        var codes = indicatorCodes?.ToList()
            ?? [.. framework.Indicators.Select(i => i.Code).Where(c => data.Any(d => d is not null && d.HasIndicator(c)))];
        foreach (var c in codes.Where(c => !data.Any(d => d is not null && d.HasIndicator(c))))
        {
            throw new KeyNotFoundException("No edition of the series has the indicator '" + c + "'.");
        }

        var unitName = data.Where(d => d is not null).Select(d => d!.Units.FirstOrDefault(u => u.Code == unitCode)).LastOrDefault(u => u is not null)?.Name ?? unitCode;
        var years = series.Years;
        var cols = Math.Max(1, Math.Min(Columns, codes.Count));
        var rows = Math.Max(1, (codes.Count + cols - 1) / cols);
        var width = Math.Max(12 + (cols * PanelWidth), 640);
        var height = Top + (rows * PanelHeight) + 8;
        var title = o.T("Trend_Title", unitName, unitCode);
        var subtitle = o.T("Trend_Subtitle", IndexSeries.Text(years[0]) + (years.Length > 1 ? "-" + IndexSeries.Text(years[^1]) : string.Empty))
            + (series.CrossesReorganisation ? o.T("Trend_SubtitleCarried") : string.Empty);
        var w = SvgChart.Begin(title, subtitle, width, height, o.T("Trend_Description"));

        // legend
        w.Open("g", ("class", "legend"), ("font-size", "10"));
        var lx = width - 230;
        w.Element("line", null, ("x1", Markup.Coord(lx)), ("x2", Markup.Coord(lx + 20)), ("y1", "56"), ("y2", "56"), ("stroke", Palette.PlainBar), ("stroke-width", "2.5"));
        w.Element("text", unitName, ("x", Markup.Coord(lx + 24)), ("y", "59.5"));
        w.Element("line", null, ("x1", Markup.Coord(lx + 120)), ("x2", Markup.Coord(lx + 140)), ("y1", "56"), ("y2", "56"), ("stroke", Palette.Muted), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3"));
        w.Element("text", o.T("Trend_NationalMedian"), ("x", Markup.Coord(lx + 144)), ("y", "59.5"));
        w.Close();

        for (var p = 0; p < codes.Count; p++)
        {
            var code = codes[p];
            var x0 = 12 + (p % cols * PanelWidth);
            var y0 = Top + (p / cols * PanelHeight);
            var unitValues = new double[years.Length];
            var medians = new double[years.Length];
            for (var k = 0; k < years.Length; k++)
            {
                var d = data[k];
                if (d is null || !d.HasIndicator(code))
                {
                    unitValues[k] = medians[k] = double.NaN;
                    continue;
                }

                var column = d.Column(code).ToArray();
                var row = d.Units.Select((u, i) => (u, i)).FirstOrDefault(t => t.u.Code == unitCode);
                unitValues[k] = row.u is null ? double.NaN : column[row.i];
                medians[k] = Median(column);
            }

            var present = unitValues.Concat(medians).Where(double.IsFinite).ToList();
            var axis = present.Count == 0 ? Axis.Covering(0, 1, 3) : Axis.Covering(present.Min(), present.Max(), 3);
            double X(int k) => years.Length > 1 ? x0 + PlotLeft + (PlotWidth * k / (years.Length - 1)) : x0 + PlotLeft + (PlotWidth / 2);
            double Y(double v) => axis.Map(v, y0 + PlotTop + PlotHeight, y0 + PlotTop);
            var name = framework.Contains(code) && framework[code].Indicator is { } def ? (o.IsVietnamese && !string.IsNullOrWhiteSpace(framework[code].NameVi) ? framework[code].NameVi! : def.NameEn) : code;

            w.Open("g", ("class", "panel"), ("data-indicator", code), ("font-size", "9"));
            w.Element("text", Short(name, 44), ("class", "panel-title"), ("x", Markup.Coord(x0 + 4)), ("y", Markup.Coord(y0 + 14)), ("font-size", "11"), ("font-weight", "bold"));
            foreach (var t in axis.Ticks)
            {
                w.Element("line", null, ("x1", Markup.Coord(x0 + PlotLeft)), ("x2", Markup.Coord(x0 + PlotLeft + PlotWidth)), ("y1", Markup.Coord(Y(t))), ("y2", Markup.Coord(Y(t))), ("stroke", Palette.Grid));
                w.Element("text", o.Format(t, "0.####"), ("class", "tick"), ("x", Markup.Coord(x0 + PlotLeft - 4)), ("y", Markup.Coord(Y(t) + 3)), ("text-anchor", "end"), ("fill", Palette.Muted));
            }

            for (var k = 0; k < years.Length; k++)
            {
                w.Element("text", IndexSeries.Text(years[k]), ("class", "year"), ("x", Markup.Coord(X(k))), ("y", Markup.Coord(y0 + PlotTop + PlotHeight + 13)), ("text-anchor", "middle"), ("fill", Palette.Muted));
            }

            Line(w, "median-line", medians, X, Y, Palette.Muted, "1.5", "4 3");
            Line(w, "unit-line", unitValues, X, Y, Palette.PlainBar, "2.5", null);
            for (var k = 0; k < years.Length; k++)
            {
                if (double.IsFinite(unitValues[k]))
                {
                    w.WithTitle("circle", o.T("Trend_PointTip", unitName, name, IndexSeries.Text(years[k]), o.Format(unitValues[k], "0.####"), o.Format(medians[k], "0.####")),
                        ("class", "point"), ("data-year", IndexSeries.Text(years[k])), ("cx", Markup.Coord(X(k))), ("cy", Markup.Coord(Y(unitValues[k]))), ("r", "3.5"), ("fill", Palette.PlainBar));
                }
            }

            w.Close();
        }

        w.Close();
        return new SvgChart(title, width, height, w.ToString());
    }

    private static void Line(SvgWriter w, string cls, double[] values, Func<int, double> x, Func<double, double> y, string colour, string strokeWidth, string? dash)
    {
        var points = values.Select((v, k) => (v, k)).Where(t => double.IsFinite(t.v)).Select(t => Markup.Coord(x(t.k)) + "," + Markup.Coord(y(t.v))).ToList();
        if (points.Count > 0)
        {
            w.Element("polyline", null, ("class", cls), ("points", string.Join(" ", points)), ("fill", "none"), ("stroke", colour), ("stroke-width", strokeWidth), ("stroke-dasharray", dash));
        }
    }

    /// <summary>The median of the present values (the mean of the two middle ones for an even count); NaN when none.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    private static string Short(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
}
