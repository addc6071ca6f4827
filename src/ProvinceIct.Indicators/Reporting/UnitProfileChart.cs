using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A dot plot of one unit's index and pillar scores against the national median (all units with a score at that
/// node) and the median of the unit's group (for provinces, the region: the units sharing the unit's value of the
/// group). One row per node (the index first, then the pillars); the unit is a filled circle, the national median a
/// diamond and the group median a square, each in its own Okabe-Ito colour, and the three numbers are written beside
/// the row. The median of an even count is the mean of the two middle values; missing scores are left out of a
/// median; a median over no score, or the unit's own missing score, is shown as "-" with no marker.
/// </summary>
public static class UnitProfileChart
{
    private const double Width = 760;
    private const double RowPitch = 30;
    private static readonly string UnitColour = Palette.Categorical[0];
    private static readonly string NationalColour = Palette.Categorical[1];
    private static readonly string GroupColour = Palette.Categorical[2];

    /// <summary>Draws the profile of one unit.</summary>
    /// <param name="result">The result.</param>
    /// <param name="unitCode">The unit's code.</param>
    /// <param name="groupName">The group whose median is drawn (default <c>region</c>, the GSO region of a province); when the unit has no value for it, only the national median is drawn.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="unitCode"/> or <paramref name="groupName"/> is blank.</exception>
    /// <exception cref="KeyNotFoundException">When the result has no unit <paramref name="unitCode"/>.</exception>
    public static SvgChart Create(IndexResult result, string unitCode, string groupName = "region") => Create(result, unitCode, groupName, ReportOptions.Default);

    /// <summary>Draws the chart with its texts and numbers in the culture of <paramref name="options"/> (pillars by their Vietnamese names, a GSO region by its Vietnamese name, in Vietnamese).</summary>
    internal static SvgChart Create(IndexResult result, string unitCode, string groupName, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = options;
        Internal.Preconditions.NotBlank(unitCode);
        Internal.Preconditions.NotBlank(groupName);
        var unit = result.Units.FirstOrDefault(u => u.Code == unitCode) ?? throw new KeyNotFoundException($"The result has no unit '{unitCode}'.");
        var group = unit.Group(groupName);
        var peers = group is null ? [] : result.Units.Where(u => u.Group(groupName) == group).Select(u => u.Code).ToList();
        var fw = result.Methodology.Framework;
        var nodes = new List<string> { result.IndexCode };
        nodes.AddRange(result.PillarCodes);

        var rows = nodes.Select(n => (
            Node: n,
            Label: n == result.IndexCode ? o.T("Chart_Profile_Index") : o.NodeName(fw[n]),
            Unit: result.Score(unit.Code, n),
            National: Analysis.AnalysisMath.Median(result.Units.Select(u => result.Score(u.Code, n))),
            Group: group is null ? double.NaN : Analysis.AnalysisMath.Median(peers.Select(c => result.Score(c, n))))).ToList();

        var values = rows.SelectMany(r => new[] { r.Unit, r.National, r.Group }).Where(double.IsFinite).ToList();
        var axis = Axis.Covering(Math.Min(0, values.Count == 0 ? 0 : values.Min()), Math.Max(values.Count == 0 ? 1 : values.Max(), 0));
        var labelWidth = Math.Max(90, rows.Max(r => Markup.TextWidth(r.Label, 11))) + 14;
        var x0 = 12 + labelWidth;
        var colW = 72.0;
        var x1 = Width - 12 - (3 * colW) - 16;
        var groupShown = o.GroupName(groupName);
        var groupLabel = group is null ? o.T("Chart_Profile_NoGroup", groupShown) : o.GroupValue(group);

        var title = o.T("Chart_Profile_Title", unit.Name, unit.Code);
        var subtitle = o.T("Chart_Profile_Subtitle", result.Methodology.Name, o.Int(result.Units.Length))
            + (group is null ? o.T("Chart_Profile_SubtitleNoGroup", groupShown) : o.T("Chart_Profile_SubtitleGroup", o.Int(peers.Count), groupShown));
        var legendY = 60.0;
        var plotTop = legendY + 30;
        var plotBottom = plotTop + (rows.Count * RowPitch);
        var height = plotBottom + 48;
        var w = SvgChart.Begin(title, subtitle, Width, height, o.T("Chart_Profile_Description", groupShown));

        w.Open("g", ("class", "legend"));
        var lx = 12.0;
        foreach (var (shape, colour, text) in new[] { ("circle", UnitColour, unit.Name), ("diamond", NationalColour, o.T("Chart_Profile_NationalMedian")), ("square", GroupColour, o.T("Chart_Profile_MedianOf", groupLabel)) })
        {
            Marker(w, shape, colour, lx + 5, legendY - 4, shape, null);
            w.Element("text", text, ("x", Markup.Coord(lx + 14)), ("y", Markup.Coord(legendY)));
            lx += 14 + Markup.TextWidth(text, 11) + 18;
        }

        w.Close();

        w.Open("g", ("class", "axis"), ("font-size", "10"), ("fill", Palette.Muted));
        foreach (var tick in axis.Ticks)
        {
            var x = axis.Map(tick, x0, x1);
            w.Element("line", null, ("x1", Markup.Coord(x)), ("x2", Markup.Coord(x)), ("y1", Markup.Coord(plotTop)), ("y2", Markup.Coord(plotBottom)), ("stroke", Palette.Grid));
            w.Element("text", o.Tick(tick), ("x", Markup.Coord(x)), ("y", Markup.Coord(plotBottom + 14)), ("text-anchor", "middle"));
        }

        w.Element("text", o.T("Chart_Profile_Axis", o.ScoreUnit(result.Methodology)), ("class", "axis-title"), ("x", Markup.Coord((x0 + x1) / 2)), ("y", Markup.Coord(plotBottom + 34)), ("text-anchor", "middle"), ("font-size", "11"), ("fill", Palette.Ink));
        var headers = new[] { Truncate(unit.Name, 11), o.T("Chart_Profile_National"), char.ToUpper(groupShown[0], o.Culture) + groupShown[1..] };
        for (var c = 0; c < 3; c++)
        {
            w.Element("text", headers[c], ("x", Markup.Coord(x1 + 16 + ((c + 1) * colW))), ("y", Markup.Coord(plotTop - 6)), ("text-anchor", "end"), ("font-weight", "bold"), ("fill", Palette.Ink));
        }

        w.Close();

        w.Open("g", ("class", "rows"));
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var yc = plotTop + (i * RowPitch) + (RowPitch / 2);
            w.Open("g", ("class", "row"), ("data-node", r.Node));
            w.Element("text", r.Label, ("x", Markup.Coord(x0 - 8)), ("y", Markup.Coord(yc + 4)), ("text-anchor", "end"), ("font-weight", r.Node == result.IndexCode ? "bold" : null));
            w.Element("line", null, ("x1", Markup.Coord(x0)), ("x2", Markup.Coord(x1)), ("y1", Markup.Coord(yc)), ("y2", Markup.Coord(yc)), ("stroke", Palette.Grid), ("stroke-dasharray", "2 3"));
            var shown = new[] { (r.Group, "square", GroupColour, o.T("Chart_Profile_MedianOf", groupLabel)), (r.National, "diamond", NationalColour, o.T("Chart_Profile_NationalMedian")), (r.Unit, "circle", UnitColour, unit.Name) };
            foreach (var (v, shape, colour, who) in shown)
            {
                if (!double.IsNaN(v))
                {
                    Marker(w, shape, colour, axis.Map(v, x0, x1), yc, shape, who + ", " + r.Label + ": " + o.Score(v));
                }
            }

            var numbers = new[] { r.Unit, r.National, r.Group };
            for (var c = 0; c < 3; c++)
            {
                w.Element("text", o.Score(numbers[c]), ("class", "value"), ("x", Markup.Coord(x1 + 16 + ((c + 1) * colW))), ("y", Markup.Coord(yc + 4)), ("text-anchor", "end"), ("fill", c == 0 ? Palette.Ink : Palette.Muted));
            }

            w.Close();
        }

        w.Close();
        w.Close();
        return new SvgChart(title, Width, height, w.ToString());
    }

    private static void Marker(SvgWriter w, string shape, string colour, double x, double y, string cls, string? tooltip)
    {
        (string, string?)[] attrs = shape switch
        {
            "circle" => [("class", cls), ("cx", Markup.Coord(x)), ("cy", Markup.Coord(y)), ("r", "6"), ("fill", colour), ("stroke", "#FFFFFF"), ("stroke-width", "1")],
            "diamond" => [("class", cls), ("points", P(x, y - 6) + " " + P(x + 6, y) + " " + P(x, y + 6) + " " + P(x - 6, y)), ("fill", colour), ("stroke", "#FFFFFF"), ("stroke-width", "1")],
            _ => [("class", cls), ("x", Markup.Coord(x - 5)), ("y", Markup.Coord(y - 5)), ("width", "10"), ("height", "10"), ("fill", colour), ("stroke", "#FFFFFF"), ("stroke-width", "1")],
        };
        var element = shape switch { "circle" => "circle", "diamond" => "polygon", _ => "rect" };
        if (tooltip is null)
        {
            w.Element(element, null, attrs);
        }
        else
        {
            w.WithTitle(element, tooltip, attrs);
        }
    }

    private static string P(double x, double y) => Markup.Coord(x) + "," + Markup.Coord(y);

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
