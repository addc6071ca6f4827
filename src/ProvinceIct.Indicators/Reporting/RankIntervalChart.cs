using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// The ranks of an uncertainty analysis: per unit a dot at the nominal rank and a whisker from the 5th to the 95th
/// percentile rank of the replications (R type 7 quantiles), units sorted by nominal rank (best at the top, ties in
/// unit-code order; units without a nominal rank last), rank 1 at the left. The numbers <c>nominal [q05, q95]</c> are
/// written beside each row. A unit that no replication scored has no whisker; a unit without a nominal rank has no dot.
/// </summary>
public static class RankIntervalChart
{
    private const double Width = 760;
    private const double RowPitch = 16;
    private static readonly string DotColour = Palette.Categorical[5];
    private static readonly string WhiskerColour = Palette.Categorical[0];

    /// <summary>Draws the chart.</summary>
    /// <param name="uncertainty">The uncertainty analysis.</param>
    /// <param name="top">Only the first <paramref name="top"/> units by nominal rank (exactly that many rows), or all when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="uncertainty"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="top"/> is negative.</exception>
    public static SvgChart Create(UncertaintyResult uncertainty, int? top = null) => Create(uncertainty, top, ReportOptions.Default);

    /// <summary>Draws the chart with its title, legend, labels and tooltips in the culture of <paramref name="options"/>.</summary>
    internal static SvgChart Create(UncertaintyResult uncertainty, int? top, ReportOptions options)
    {
        var c = options;
        var rows = UncertaintyTable.From(uncertainty, top).Rows;
        var n = uncertainty.Units.Length;
        var axis = Axis.Ranks(n);
        var labels = rows.Select(s => s.Unit.Name).ToList();
        var labelWidth = Math.Max(100, labels.Count == 0 ? 0 : labels.Max(l => Markup.TextWidth(l, 11))) + 14;
        var x0 = 12 + labelWidth;
        var x1 = Width - 12 - 96;

        var o = uncertainty.Options;
        var title = c.T("Chart_Interval_Title", uncertainty.Nominal.Methodology.Name);
        var subtitle = c.T("Chart_Interval_Subtitle", c.Int(o.Runs), ProvinceIct.Indicators.Uncertainty.Sampler.Name(o.Sampler), o.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join("; ", uncertainty.Factors));
        var legendY = 60.0;
        var plotTop = legendY + 24;
        var plotBottom = plotTop + (rows.Length * RowPitch);
        var height = plotBottom + 48;
        var w = SvgChart.Begin(title, subtitle, Width, height, c.T("Chart_Interval_Description"));

        w.Open("g", ("class", "legend"));
        w.Element("circle", null, ("cx", "17"), ("cy", Markup.Coord(legendY - 4)), ("r", "4.5"), ("fill", DotColour));
        w.Element("text", c.T("Chart_Interval_Nominal"), ("x", "26"), ("y", Markup.Coord(legendY)));
        w.Element("line", null, ("x1", "122"), ("x2", "146"), ("y1", Markup.Coord(legendY - 4)), ("y2", Markup.Coord(legendY - 4)), ("stroke", WhiskerColour), ("stroke-width", "2.5"));
        w.Element("text", c.T("Chart_Interval_Band"), ("x", "152"), ("y", Markup.Coord(legendY)));
        w.Close();

        w.Open("g", ("class", "axis"), ("font-size", "10"), ("fill", Palette.Muted));
        foreach (var tick in axis.Ticks)
        {
            var x = axis.Map(tick, x0, x1);
            w.Element("line", null, ("x1", Markup.Coord(x)), ("x2", Markup.Coord(x)), ("y1", Markup.Coord(plotTop)), ("y2", Markup.Coord(plotBottom)), ("stroke", Palette.Grid));
            w.Element("text", c.Tick(tick), ("x", Markup.Coord(x)), ("y", Markup.Coord(plotBottom + 14)), ("text-anchor", "middle"));
        }

        w.Element("text", c.T("Chart_Interval_Axis", c.Int(n)), ("class", "axis-title"), ("x", Markup.Coord((x0 + x1) / 2)), ("y", Markup.Coord(plotBottom + 34)), ("text-anchor", "middle"), ("font-size", "11"), ("fill", Palette.Ink));
        w.Element("text", c.T("Chart_Interval_Header"), ("x", Markup.Coord(Width - 12)), ("y", Markup.Coord(plotTop - 6)), ("text-anchor", "end"), ("font-weight", "bold"), ("fill", Palette.Ink));
        w.Close();

        w.Open("g", ("class", "intervals"));
        for (var i = 0; i < rows.Length; i++)
        {
            var s = rows[i];
            var yc = plotTop + (i * RowPitch) + (RowPitch / 2);
            var numbers = c.Rank(s.NominalRank) + " [" + c.Rank(s.Q05Rank) + (c.Culture.NumberFormat.NumberDecimalSeparator == "," ? "; " : ", ") + c.Rank(s.Q95Rank) + "]";
            w.Open("g", ("class", "interval"), ("data-unit", s.Unit.Code));
            w.Element("title", c.T("Chart_Interval_Tip", s.Unit.Name, s.Unit.Code, c.Rank(s.NominalRank), c.Rank(s.Q05Rank), c.Rank(s.Q95Rank), c.Rank(s.MedianRank),
                double.IsNaN(s.MeanRank) ? "-" : s.MeanRank.ToString("0.0", c.Culture)));
            w.Element("text", labels[i], ("x", Markup.Coord(x0 - 8)), ("y", Markup.Coord(yc + 4)), ("text-anchor", "end"));
            if (!double.IsNaN(s.Q05Rank))
            {
                var xa = axis.Map(s.Q05Rank, x0, x1);
                var xb = axis.Map(s.Q95Rank, x0, x1);
                w.Element("line", null, ("class", "whisker"), ("x1", Markup.Coord(xa)), ("x2", Markup.Coord(xb)), ("y1", Markup.Coord(yc)), ("y2", Markup.Coord(yc)), ("stroke", WhiskerColour), ("stroke-width", "2.5"), ("stroke-linecap", "round"));
            }

            if (!double.IsNaN(s.NominalRank))
            {
                w.Element("circle", null, ("class", "nominal"), ("cx", Markup.Coord(axis.Map(s.NominalRank, x0, x1))), ("cy", Markup.Coord(yc)), ("r", "4.5"), ("fill", DotColour), ("stroke", "#FFFFFF"), ("stroke-width", "1"));
            }

            w.Element("text", numbers, ("class", "value"), ("x", Markup.Coord(Width - 12)), ("y", Markup.Coord(yc + 4)), ("text-anchor", "end"), ("font-size", "10"));
            w.Close();
        }

        w.Close();
        w.Close();
        return new SvgChart(title, Width, height, w.ToString());
    }
}
