using System.Globalization;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A rank-history ("bump") chart of selected units across the editions of a series: one column per edition (equally
/// spaced, oldest at the left), rank 1 at the top, one polyline per unit through its ranked editions, a marker with a
/// tooltip at each ranked edition. A unit missing from an edition has no marker there and its line passes straight over
/// it (the tooltip of the next marker says the unit was missing). Across 1 July 2025, the line of each 63-unit province
/// ends at its last ranked edition and a dashed successor link joins it to the line of the 34-unit it became part of
/// (<see cref="RankHistoryEntry.SuccessorCode"/>), so the province's history continues in its successor's. The rank axis
/// runs from 1 to the largest number of units ranked in any edition ("of 63"), so a 34-unit edition uses the upper part.
/// </summary>
public static class RankHistoryChart
{
    /// <summary>How many units are drawn by default: the best ranked in the last edition.</summary>
    public const int DefaultUnitCount = 10;

    internal const double PlotLeft = 190;
    internal const double ColumnWidth = 120;
    internal const double PlotTop = 80;
    internal const double RankStep = 12;
    internal const double MinPlotHeight = 180;

    /// <summary>The Okabe-Ito colours less the yellow, too light for a thin line or a label on white.</summary>
    private static readonly string[] LineColours = [.. Palette.Categorical.Where(c => c != "#F0E442")];

    /// <summary>Draws the chart.</summary>
    /// <param name="history">The rank history (see <see cref="IndexSeries.RankHistory"/>).</param>
    /// <param name="unitCodes">
    /// The units to draw, by code. A code selects the unit in every geography where the history has it (a code may name
    /// a 63-unit province and a 34-unit one), and a 63-unit province brings its 2025 successor, and a 34-unit unit its
    /// predecessors, so every selected line is linked across 1 July 2025. Null for the
    /// <see cref="DefaultUnitCount"/> best ranked in the last edition (with their predecessors); codes not in the history
    /// are ignored.
    /// </param>
    /// <returns>The chart; with no unit to draw it holds the axes and a note.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="history"/> is null.</exception>
    /// <remarks>
    /// Positions: the column of the k-th edition is at x = 190 + 120 k; rank r of N is at
    /// y = 80 + (r - 1) * h / (N - 1) with h = max(180, 12 (N - 1)) (the middle when N = 1).
    /// </remarks>
    public static SvgChart Create(RankHistory history, IEnumerable<string>? unitCodes = null) => Create(history, unitCodes, UnknownRankDrawing.Bridge);

    /// <summary>Draws the chart, choosing how an edition without a rank is drawn.</summary>
    /// <param name="history">The rank history (see <see cref="IndexSeries.RankHistory"/> or <see cref="Presets.PublishedResults.RankHistory"/>).</param>
    /// <param name="unitCodes">The units to draw, by code, as for <see cref="Create(RankHistory, IEnumerable{string}?)"/>; null for the default selection.</param>
    /// <param name="unknownRanks">
    /// <see cref="UnknownRankDrawing.Bridge"/> (the line passes over an edition without a rank) or
    /// <see cref="UnknownRankDrawing.Gap"/> (the line breaks there: one polyline per run of consecutive ranked
    /// editions, and the subtitle says so).
    /// </param>
    /// <returns>The chart; with no unit to draw it holds the axes and a note.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="unknownRanks"/> is not a defined value.</exception>
    public static SvgChart Create(RankHistory history, IEnumerable<string>? unitCodes, UnknownRankDrawing unknownRanks) =>
        Create(history, unitCodes, unknownRanks, ReportOptions.Default);

    /// <summary>Draws the chart in the language and number format of a culture.</summary>
    /// <param name="history">The rank history (see <see cref="IndexSeries.RankHistory"/> or <see cref="Presets.PublishedResults.RankHistory"/>).</param>
    /// <param name="unitCodes">The units to draw, by code, as for <see cref="Create(RankHistory, IEnumerable{string}?)"/>; null for the default selection.</param>
    /// <param name="unknownRanks">How an edition without a rank is drawn, as for <see cref="Create(RankHistory, IEnumerable{string}?, UnknownRankDrawing)"/>.</param>
    /// <param name="options">The culture: with <see cref="ReportOptions.Vietnamese"/> the title, subtitle, description, axis labels and tooltips are Vietnamese, and ranks, changes and scores have a decimal comma (<c>72,31</c>); years are written without a group separator in every culture. Unit names are shown as in the history; the node's name is the history's (<see cref="RankHistory.NodeName"/>), except that the published record's "(published)" is translated.</param>
    /// <returns>The chart; with no unit to draw it holds the axes and a note.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="history"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="unknownRanks"/> is not a defined value.</exception>
    public static SvgChart Create(RankHistory history, IEnumerable<string>? unitCodes, UnknownRankDrawing unknownRanks, ReportOptions options) =>
        Create(history, unitCodes, unknownRanks, options, null);

    /// <summary>Draws the chart with the node's name given (null for the history's own, see the public overload).</summary>
    internal static SvgChart Create(RankHistory history, IEnumerable<string>? unitCodes, UnknownRankDrawing unknownRanks, ReportOptions options, string? nodeName)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(unknownRanks))
        {
            throw new ArgumentOutOfRangeException(nameof(unknownRanks), unknownRanks, "Not a defined way of drawing unknown ranks.");
        }

        var o = options;

        var years = history.Years;
        var n = Math.Max(1, history.Entries.Select(e => e.RankedCount).DefaultIfEmpty(1).Max());
        var plotH = Math.Max(MinPlotHeight, RankStep * (n - 1));
        double X(int year) => PlotLeft + (ColumnWidth * years.IndexOf(year));
        double Y(double rank) => n > 1 ? PlotTop + ((rank - 1) / (n - 1) * plotH) : PlotTop + (plotH / 2);

        var lines = Select(history, unitCodes);
        var links = Links(history).Where(l => lines.Contains(l.From) && lines.Contains(l.To)).ToList();

        var plotRight = PlotLeft + (ColumnWidth * Math.Max(0, years.Length - 1));
        var width = Math.Max(plotRight + 190, 640);
        var height = PlotTop + plotH + 40;
        var title = o.T("RankHistory_Title", nodeName ?? NodeName(history.NodeName, o), Span(years, o));
        var subtitle = o.T("RankHistory_Subtitle", o.Int(lines.Count))
            + (links.Count > 0 ? o.T("RankHistory_SubtitleLinks") : string.Empty)
            + (unknownRanks == UnknownRankDrawing.Gap ? o.T("RankHistory_SubtitleGap") : string.Empty);
        var w = SvgChart.Begin(title, subtitle, width, height, o.T("RankHistory_Description"));

        // columns and the rank axis
        w.Open("g", ("class", "axes"), ("font-size", "10"));
        foreach (var y in years)
        {
            var x = X(y);
            w.Element("line", null, ("x1", Markup.Coord(x)), ("x2", Markup.Coord(x)), ("y1", Markup.Coord(PlotTop - 6)), ("y2", Markup.Coord(PlotTop + plotH + 6)), ("stroke", Palette.Grid));
            var of = history.Entries.Where(e => e.Year == y).Select(e => e.RankedCount).DefaultIfEmpty(0).Max();
            w.Element("text", IndexSeries.Text(y), ("class", "year"), ("x", Markup.Coord(x)), ("y", Markup.Coord(PlotTop - 14)), ("text-anchor", "middle"), ("font-weight", "bold"), ("font-size", "11"));
            w.Element("text", o.T("RankHistory_Of", o.Int(of)), ("class", "of"), ("x", Markup.Coord(x)), ("y", Markup.Coord(PlotTop + plotH + 22)), ("text-anchor", "middle"), ("fill", Palette.Muted));
        }

        var axisX = PlotLeft - 150;
        w.Element("line", null, ("x1", Markup.Coord(axisX)), ("x2", Markup.Coord(axisX)), ("y1", Markup.Coord(Y(1))), ("y2", Markup.Coord(Y(n))), ("stroke", Palette.Muted));
        foreach (var t in Axis.Ranks(n).Ticks.Where(t => t <= n))
        {
            w.Element("text", o.Rank(t), ("class", "tick"), ("x", Markup.Coord(axisX - 4)), ("y", Markup.Coord(Y(t) + 3.5)), ("text-anchor", "end"));
            w.Element("line", null, ("x1", Markup.Coord(axisX)), ("x2", Markup.Coord(axisX + 4)), ("y1", Markup.Coord(Y(t))), ("y2", Markup.Coord(Y(t))), ("stroke", Palette.Muted));
        }

        w.Element("text", o.T("RankHistory_Axis"), ("x", Markup.Coord(axisX)), ("y", Markup.Coord(PlotTop - 14)), ("text-anchor", "middle"), ("fill", Palette.Muted));
        w.Close();

        if (lines.Count == 0)
        {
            w.Element("text", o.T("RankHistory_NoUnit"), ("class", "note"), ("x", Markup.Coord(PlotLeft)), ("y", Markup.Coord(PlotTop + (plotH / 2))), ("fill", Palette.Muted));
        }

        var colours = lines.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => LineColours[p.i % LineColours.Length]);
        var ranked = lines.ToDictionary(l => l, l => history.Entries.Where(e => e.Geography == l.Geography && e.UnitCode == l.Code && !double.IsNaN(e.Rank)).OrderBy(e => e.Year).ToList());

        // successor links under the lines
        w.Open("g", ("class", "successor-links"), ("fill", "none"), ("stroke-width", "1.5"), ("stroke-dasharray", "5 3"));
        foreach (var (from, to) in links)
        {
            var a = ranked[from];
            var b = ranked[to];
            if (a.Count == 0 || b.Count == 0)
            {
                continue;
            }

            var last = a[^1];
            var first = b.FirstOrDefault(e => e.Year > last.Year) ?? b[0];
            w.WithTitle("line", o.T("RankHistory_SuccessorTip", last.UnitName, from.Code, first.UnitName, to.Code),
                ("class", "successor-link"), ("data-from", from.Code), ("data-to", to.Code),
                ("x1", Markup.Coord(X(last.Year))), ("y1", Markup.Coord(Y(last.Rank))), ("x2", Markup.Coord(X(first.Year))), ("y2", Markup.Coord(Y(first.Rank))),
                ("stroke", colours[from]));
        }

        w.Close();

        var rightLabels = new List<(double Y, string Text, string Colour, string Code)>();
        var leftLabels = new List<(double Y, string Text, string Colour, string Code)>();
        foreach (var line in lines)
        {
            var points = ranked[line];
            var colour = colours[line];
            var all = history.Entries.Where(e => e.Geography == line.Geography && e.UnitCode == line.Code).OrderBy(e => e.Year).ToList();
            var name = all.Count > 0 ? all[^1].UnitName : line.Code;
            w.Open("g", ("class", "unit"), ("data-unit", line.Code), ("data-geography", Geo(line.Geography)));
            w.Element("title", o.T("RankHistory_UnitTip", name, line.Code, o.T(line.Geography == ProvinceGeography.Provinces2025 ? "RankHistory_Units34" : "RankHistory_Provinces63")));
            if (points.Count > 0)
            {
                foreach (var run in unknownRanks == UnknownRankDrawing.Gap ? Runs(points, years) : [points])
                {
                    w.Element("polyline", null, ("class", "unit-line"), ("data-unit", line.Code), ("data-geography", Geo(line.Geography)),
                        ("points", string.Join(" ", run.Select(e => Markup.Coord(X(e.Year)) + "," + Markup.Coord(Y(e.Rank))))),
                        ("fill", "none"), ("stroke", colour), ("stroke-width", "2.5"), ("stroke-linejoin", "round"));
                }

                foreach (var e in points)
                {
                    var previousRanked = points.Where(p => p.Year < e.Year).Select(p => p.Year).DefaultIfEmpty(int.MinValue).Max();
                    var missingBefore = all.Any(m => m.Status == SeriesUnitStatus.Missing && m.Year < e.Year && m.Year > previousRanked);
                    w.WithTitle("circle", o.T("RankHistory_PointTip", e.UnitName, e.UnitCode, IndexSeries.Text(e.Year), o.Rank(e.Rank), o.Int(e.RankedCount))
                        + (double.IsNaN(e.ChangeFromPrevious) ? string.Empty : o.T("RankHistory_PointChange", Signed(e.ChangeFromPrevious, o), IndexSeries.Text(e.PreviousYear ?? e.Year)))
                        + (e.Status == SeriesUnitStatus.Successor ? o.T("RankHistory_PointSuccessor") : string.Empty)
                        + (missingBefore ? o.T("RankHistory_PointMissingBefore") : string.Empty)
                        + o.T("RankHistory_PointScore", o.Score(e.Score)),
                        ("class", "point"), ("data-year", IndexSeries.Text(e.Year)), ("data-rank", Markup.Rank(e.Rank)),
                        ("cx", Markup.Coord(X(e.Year))), ("cy", Markup.Coord(Y(e.Rank))), ("r", "4"), ("fill", colour), ("stroke", "#FFFFFF"), ("stroke-width", "1"));
                }

                if (points[^1].Year == years[^1])
                {
                    rightLabels.Add((Y(points[^1].Rank), TileLayout.ShortName(name) + " " + o.Rank(points[^1].Rank), colour, line.Code));
                }

                if (points[0].Year == years[0] || points[0].Status is SeriesUnitStatus.New)
                {
                    leftLabels.Add((Y(points[0].Rank), o.Rank(points[0].Rank) + " " + TileLayout.ShortName(name), colour, line.Code));
                }
            }

            w.Close();
        }

        w.Open("g", ("class", "labels"), ("font-size", "10"));
        foreach (var (y, text, colour, code) in Spread(rightLabels))
        {
            w.Element("text", text, ("class", "label-end"), ("data-unit", code), ("x", Markup.Coord(plotRight + 10)), ("y", Markup.Coord(y + 3.5)), ("fill", colour), ("font-weight", "bold"));
        }

        foreach (var (y, text, colour, code) in Spread(leftLabels))
        {
            w.Element("text", text, ("class", "label-start"), ("data-unit", code), ("x", Markup.Coord(PlotLeft - 10)), ("y", Markup.Coord(y + 3.5)), ("text-anchor", "end"), ("fill", colour), ("font-weight", "bold"));
        }

        w.Close();
        w.Close();
        return new SvgChart(title, width, height, w.ToString());
    }

    /// <summary>The lines to draw: (geography, code) pairs, in order of first appearance in the history.</summary>
    internal static List<(ProvinceGeography Geography, string Code)> Select(RankHistory history, IEnumerable<string>? unitCodes)
    {
        var keys = history.Entries.Select(e => (e.Geography, Code: e.UnitCode)).Distinct().ToList();
        HashSet<(ProvinceGeography, string)> chosen;
        if (unitCodes is null)
        {
            var last = history.Years.IsEmpty ? 0 : history.Years[^1];
            chosen = [.. history.Entries.Where(e => e.Year == last && !double.IsNaN(e.Rank)).OrderBy(e => e.Rank).ThenBy(e => e.UnitCode, StringComparer.Ordinal)
                .Take(DefaultUnitCount).Select(e => (e.Geography, e.UnitCode))];
        }
        else
        {
            var codes = unitCodes.ToHashSet(StringComparer.Ordinal);
            chosen = [.. keys.Where(k => codes.Contains(k.Code))];
        }

        // link across 1 July 2025: a chosen province brings its successor, a chosen successor its predecessors
        var added = Links(history).Where(m => chosen.Contains(m.From) || chosen.Contains(m.To)).SelectMany(m => new[] { m.From, m.To }).ToList();
        chosen.UnionWith(added);
        return [.. keys.Where(chosen.Contains)];
    }

    /// <summary>
    /// The successor links of a history that has both geographies: each 63-unit province to the 2025 unit it became
    /// (part of), from its <see cref="SeriesUnitStatus.Merged"/> entry or, for a province that continues under its own
    /// code (no merged entry), from the catalogue; only links whose both ends are in the history.
    /// </summary>
    internal static List<((ProvinceGeography Geography, string Code) From, (ProvinceGeography Geography, string Code) To)> Links(RankHistory history)
    {
        var keys = history.Entries.Select(e => (e.Geography, Code: e.UnitCode)).ToHashSet();
        if (!keys.Any(k => k.Geography == ProvinceGeography.Provinces2025) || !keys.Any(k => k.Geography == ProvinceGeography.Provinces2016))
        {
            return [];
        }

        var merged = history.Entries.Where(e => e.Status == SeriesUnitStatus.Merged && e.SuccessorCode is not null)
            .ToDictionary(e => e.UnitCode, e => e.SuccessorCode!, StringComparer.Ordinal);
        var links = new List<((ProvinceGeography, string), (ProvinceGeography, string))>();
        foreach (var from in keys.Where(k => k.Geography == ProvinceGeography.Provinces2016).OrderBy(k => k.Code, StringComparer.Ordinal))
        {
            var to = merged.TryGetValue(from.Code, out var m) ? m
                : ProvinceCatalog.Default.TryGet(from.Code, ProvinceGeography.Provinces2016, out var p) ? p.SuccessorCode : null;
            if (to is not null && keys.Contains((ProvinceGeography.Provinces2025, to)))
            {
                links.Add((from, (ProvinceGeography.Provinces2025, to)));
            }
        }

        return links;
    }

    /// <summary>The ranked entries of one line split into runs of consecutive editions (no edition of the history between two neighbours).</summary>
    internal static List<List<RankHistoryEntry>> Runs(List<RankHistoryEntry> points, System.Collections.Immutable.ImmutableArray<int> years)
    {
        var runs = new List<List<RankHistoryEntry>>();
        foreach (var e in points)
        {
            var k = years.IndexOf(e.Year);
            if (runs.Count > 0 && years.IndexOf(runs[^1][^1].Year) == k - 1)
            {
                runs[^1].Add(e);
            }
            else
            {
                runs.Add([e]);
            }
        }

        return runs;
    }

    /// <summary>Moves labels apart so that no two are closer than 11 pixels, keeping their order by position.</summary>
    private static List<(double Y, string Text, string Colour, string Code)> Spread(List<(double Y, string Text, string Colour, string Code)> labels)
    {
        var sorted = labels.OrderBy(l => l.Y).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Y < sorted[i - 1].Y + 11)
            {
                sorted[i] = sorted[i] with { Y = sorted[i - 1].Y + 11 };
            }
        }

        return sorted;
    }

    private static string Geo(ProvinceGeography g) => g == ProvinceGeography.Provinces2025 ? "2025" : "2016";

    /// <summary>The span of years, written without group separators in every culture ("2016-2017").</summary>
    private static string Span(IReadOnlyList<int> years, ReportOptions o) =>
        years.Count == 0 ? o.T("RankHistory_NoEditions") : years.Count == 1 ? IndexSeries.Text(years[0]) : string.Create(CultureInfo.InvariantCulture, $"{years[0]}-{years[^1]}");

    /// <summary>The history's node name as shown: "the index" when it has none; the published record's "(published)" in the culture.</summary>
    private static string NodeName(string name, ReportOptions o)
    {
        const string Published = " (published)";
        return name.Length == 0 ? o.T("RankHistory_TheIndex")
            : name.EndsWith(Published, StringComparison.Ordinal) ? name[..^Published.Length] + o.T("RankHistory_PublishedSuffix")
            : name;
    }

    /// <summary>A signed rank change in the culture ("+3", "-1,5").</summary>
    private static string Signed(double x, ReportOptions o) => double.IsNaN(x) ? "-" : x > 0 ? "+" + o.Rank(x) : o.Rank(x);
}
