using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A horizontal bar chart of the index score, best unit at the top. When the index is a weighted arithmetic mean of
/// its pillars, each bar is a stack of the pillars' contributions: a pillar's contribution is its weight share among
/// the unit's present pillars times its score, <c>w_p s_p / sum(w_q, q present)</c> (with complete data, the pillar's
/// effective weight times its score), so the stack adds up to the index score. Otherwise (another aggregator, a
/// pillar with a negative direction, a negative contribution, or an availability rule that makes the stack differ
/// from the score) plain bars are drawn and a note under the title says why. A unit without an index score keeps
/// its row, labelled "no score", and has no bar.
/// </summary>
public static class RankingBarChart
{
    private const double Width = 760;
    private const double RowPitch = 18;
    private const double BarHeight = 13;

    /// <summary>Draws the chart.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">Only the first <paramref name="top"/> units of the ranking (exactly that many rows, ties at the cut left out), or all when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="top"/> is negative.</exception>
    public static SvgChart Create(IndexResult result, int? top = null) => Create(result, top, ReportOptions.Default);

    /// <summary>Draws the chart with its title, legend, labels and tooltips in the culture of <paramref name="options"/> (pillars by their Vietnamese names in Vietnamese, numbers in the culture).</summary>
    internal static SvgChart Create(IndexResult result, int? top, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = options;
        if (top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "The number of bars must not be negative.");
        }

        var rows = top is { } t ? result.Ranking.Take(t).ToList() : [.. result.Ranking];
        var fw = result.Methodology.Framework;
        var pillars = result.PillarCodes;
        var (stacked, why) = Decompose(result, rows, o);

        var labels = rows.Select(r => o.Rank(r.Rank) + ". " + r.Unit.Name).ToList();
        var labelWidth = Math.Max(110, labels.Count == 0 ? 0 : labels.Max(l => Markup.TextWidth(l, 11))) + 14;
        var scores = rows.Select(r => r.Score).Where(double.IsFinite).ToList();
        var axis = Axis.Covering(Math.Min(0, scores.Count == 0 ? 0 : scores.Min()), Math.Max(scores.Count == 0 ? 1 : scores.Max(), 0));
        var x0 = 12 + labelWidth;
        var x1 = Width - 56;

        var title = o.T("Chart_Bar_Title", result.Methodology.Name) + (top is null ? string.Empty : o.T("Chart_Bar_TitleTop", o.Int(rows.Count)));
        var subtitle = o.T("Chart_Bar_Subtitle", o.Int(rows.Count), o.Int(result.Units.Length)) + (stacked ? o.T("Chart_Bar_SubtitleStacked") : string.Empty);
        // legend items, wrapped to the width
        var legend = new List<(double X, double Y, int Pillar, string Label)>();
        var legendY = 58.0;
        var lx = 12.0;
        var ly = legendY;
        for (var p = 0; stacked && p < pillars.Length; p++)
        {
            var label = o.NodeName(fw[pillars[p]]) + " (" + o.Percent(fw.EffectiveWeight(pillars[p])) + ")";
            var itemWidth = 14 + Markup.TextWidth(label, 11) + 14;
            if (lx > 12 && lx + itemWidth > Width - 12)
            {
                lx = 12;
                ly += 16;
            }

            legend.Add((lx, ly, p, label));
            lx += itemWidth;
        }

        var noteY = stacked ? ly + 22 : legendY;
        var plotTop = noteY + (why is null ? (stacked ? -6 : 0) : 16) + 10;
        var plotBottom = plotTop + (rows.Count * RowPitch);
        var height = plotBottom + 48;

        var w = SvgChart.Begin(title, subtitle, Width, height, o.T("Chart_Bar_Description") + (why is null ? string.Empty : " " + why));
        if (stacked)
        {
            w.Open("g", ("class", "legend"), ("font-size", "11"));
            foreach (var (x, y, p, label) in legend)
            {
                w.Element("rect", null, ("x", Markup.Coord(x)), ("y", Markup.Coord(y - 9)), ("width", "10"), ("height", "10"), ("fill", Palette.CategoricalAt(p)));
                w.Element("text", label, ("x", Markup.Coord(x + 14)), ("y", Markup.Coord(y)));
            }

            w.Close();
        }

        if (why is not null)
        {
            w.Element("text", why, ("class", "note"), ("x", "12"), ("y", Markup.Coord(noteY)), ("font-size", "11"), ("font-style", "italic"), ("fill", Palette.Muted));
        }

        // grid and axis
        w.Open("g", ("class", "axis"), ("font-size", "10"), ("fill", Palette.Muted));
        foreach (var tick in axis.Ticks)
        {
            var x = axis.Map(tick, x0, x1);
            w.Element("line", null, ("x1", Markup.Coord(x)), ("x2", Markup.Coord(x)), ("y1", Markup.Coord(plotTop - 4)), ("y2", Markup.Coord(plotBottom)), ("stroke", Palette.Grid));
            w.Element("text", o.Tick(tick), ("x", Markup.Coord(x)), ("y", Markup.Coord(plotBottom + 14)), ("text-anchor", "middle"));
        }

        w.Element("text", o.T("Chart_Bar_AxisTitle", o.ScoreUnit(result.Methodology)), ("class", "axis-title"), ("x", Markup.Coord((x0 + x1) / 2)), ("y", Markup.Coord(plotBottom + 34)), ("text-anchor", "middle"), ("font-size", "11"), ("fill", Palette.Ink));
        w.Close();

        w.Open("g", ("class", "bars"));
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = plotTop + (i * RowPitch);
            var name = r.Unit.Name;
            w.Open("g", ("class", "bar"), ("data-unit", r.Unit.Code));
            w.Element("title", o.Rank(r.Rank) + ". " + name + " (" + r.Unit.Code + "): " + o.Score(r.Score));
            w.Element("text", labels[i], ("x", Markup.Coord(x0 - 8)), ("y", Markup.Coord(y + BarHeight - 3)), ("text-anchor", "end"));
            if (double.IsNaN(r.Score))
            {
                w.Element("text", o.T("Chart_Bar_NoScore"), ("x", Markup.Coord(axis.Map(0, x0, x1) + 4)), ("y", Markup.Coord(y + BarHeight - 3)), ("fill", Palette.Muted), ("font-style", "italic"));
                w.Close();
                continue;
            }

            var zero = axis.Map(0, x0, x1);
            if (stacked)
            {
                var cum = 0.0;
                var weights = PresentWeights(result, r.Unit.Code);
                for (var p = 0; p < pillars.Length; p++)
                {
                    var s = result.Score(r.Unit.Code, pillars[p]);
                    var share = weights[p];
                    if (double.IsNaN(s) || !(share > 0))
                    {
                        continue;
                    }

                    var c = share * s;
                    var xa = axis.Map(cum, x0, x1);
                    var xb = axis.Map(cum + c, x0, x1);
                    w.WithTitle("rect", name + ", " + o.NodeName(fw[pillars[p]]) + ": " + o.Score(s) + " × " + o.Percent(share) + " = " + o.Score(c),
                        ("class", "segment"), ("data-node", pillars[p]), ("x", Markup.Coord(xa)), ("y", Markup.Coord(y)), ("width", Markup.Coord(xb - xa)), ("height", Markup.Coord(BarHeight)), ("fill", Palette.CategoricalAt(p)));
                    cum += c;
                }
            }
            else
            {
                var xs = axis.Map(r.Score, x0, x1);
                w.WithTitle("rect", name + ": " + o.Score(r.Score),
                    ("class", "segment"), ("data-node", result.IndexCode), ("x", Markup.Coord(Math.Min(zero, xs))), ("y", Markup.Coord(y)), ("width", Markup.Coord(Math.Abs(xs - zero))), ("height", Markup.Coord(BarHeight)), ("fill", Palette.PlainBar));
            }

            var end = axis.Map(Math.Max(r.Score, 0), x0, x1);
            w.Element("text", o.Score(r.Score), ("class", "value"), ("x", Markup.Coord(end + 4)), ("y", Markup.Coord(y + BarHeight - 3)), ("font-size", "10"));
            w.Close();
        }

        w.Close();
        w.Element("line", null, ("x1", Markup.Coord(axis.Map(0, x0, x1))), ("x2", Markup.Coord(axis.Map(0, x0, x1))), ("y1", Markup.Coord(plotTop - 4)), ("y2", Markup.Coord(plotBottom)), ("stroke", Palette.Ink));
        w.Close();
        return new SvgChart(title, Width, height, w.ToString());
    }

    /// <summary>Each pillar's weight share among the pillars present for the unit (0 for a missing pillar).</summary>
    private static double[] PresentWeights(IndexResult result, string unit)
    {
        var fw = result.Methodology.Framework;
        var pillars = result.PillarCodes;
        var w = new double[pillars.Length];
        var sum = 0.0;
        for (var p = 0; p < pillars.Length; p++)
        {
            if (!double.IsNaN(result.Score(unit, pillars[p])))
            {
                w[p] = fw[pillars[p]].Weight;
                sum += w[p];
            }
        }

        for (var p = 0; p < pillars.Length; p++)
        {
            w[p] = sum > 0 ? w[p] / sum : 0;
        }

        return w;
    }

    /// <summary>Whether the bars can be stacked, and if not, the note that says why.</summary>
    private static (bool Stacked, string? Why) Decompose(IndexResult result, List<RankedUnit> rows, ReportOptions o)
    {
        var m = result.Methodology;
        var agg = m.AggregatorFor(result.IndexCode);
        if (agg is not (ArithmeticMeanAggregator or PowerMeanAggregator { Power: 1 }))
        {
            return (false, o.T("Chart_Bar_PlainNotMean", agg.ToString()));
        }

        if (result.PillarCodes.Any(p => m.Framework[p].Direction == Definitions.Direction.Negative))
        {
            return (false, o.T("Chart_Bar_PlainNegativeDirection"));
        }

        foreach (var r in rows.Where(r => !double.IsNaN(r.Score)))
        {
            var weights = PresentWeights(result, r.Unit.Code);
            var sum = 0.0;
            for (var p = 0; p < weights.Length; p++)
            {
                var s = result.Score(r.Unit.Code, result.PillarCodes[p]);
                if (double.IsNaN(s) || !(weights[p] > 0))
                {
                    continue;
                }

                if (s < 0)
                {
                    return (false, o.T("Chart_Bar_PlainNegativeScores"));
                }

                sum += weights[p] * s;
            }

            if (Math.Abs(sum - r.Score) > 1e-9 * Math.Max(1, Math.Abs(r.Score)))
            {
                return (false, o.T("Chart_Bar_PlainNoSum"));
            }
        }

        return (true, null);
    }
}
