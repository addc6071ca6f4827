using System.Text.RegularExpressions;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Small multiples of the <see cref="TileMap"/>: one tile map per edition of a series, side by side in year order, each
/// in its edition's geography (the 63 provinces, or the 34 units from 1 July 2025), drawn at a reduced scale under a
/// heading with the year. Under per-year normalisation each map keeps its own colour scale (lowest to highest score of
/// that edition), since scores do not compare across years; under panel normalisation (<see cref="SeriesNormalisation.Panel"/>)
/// every map shares one scale, from the lowest to the highest score of any edition, so a colour means the same score
/// in every year. The subtitle says which.
/// </summary>
public static partial class SeriesTileMaps
{
    /// <summary>The scale at which each map is drawn.</summary>
    public const double Scale = 0.5;

    /// <summary>Maps per row.</summary>
    public const int Columns = 3;

    /// <summary>Draws the maps.</summary>
    /// <param name="series">The series.</param>
    /// <param name="nodeCode">The node whose scores colour the tiles (default: each edition's index).</param>
    /// <returns>One chart holding a map per edition (editions without the node are left out).</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When no edition has the node <paramref name="nodeCode"/>.</exception>
    public static SvgChart Create(IndexSeries series, string? nodeCode = null) => Create(series, nodeCode, ReportOptions.Default);

    /// <summary>Draws the maps in the language and number format of a culture.</summary>
    /// <param name="series">The series.</param>
    /// <param name="nodeCode">The node whose scores colour the tiles (null: each edition's index).</param>
    /// <param name="options">The culture: with <see cref="ReportOptions.Vietnamese"/> the title, subtitle and description and every map's legend and tooltips are Vietnamese (as <see cref="TileMap.Create(Calculation.IndexResult, string?, ProvinceGeography?, ReportOptions)"/>), scores have a decimal comma; years are written without a group separator in every culture.</param>
    /// <returns>One chart holding a map per edition (editions without the node are left out).</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When no edition has the node <paramref name="nodeCode"/>.</exception>
    public static SvgChart Create(IndexSeries series, string? nodeCode, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var o = options;
        var editions = series.Editions.Where(e => nodeCode is null || series.Result(e.Year).NodeCodes.Contains(nodeCode)).ToList();
        var shared = series.Normalisation == SeriesNormalisation.Panel ? SharedScale(series, editions, nodeCode) : null;
        var maps = new List<(int Year, SvgChart Map)>();
        foreach (var e in editions)
        {
            maps.Add((e.Year, TileMap.Create(series.Result(e.Year), nodeCode, e.Geography, o, shared)));
        }

        if (maps.Count == 0)
        {
            throw new KeyNotFoundException("No edition of the series has the node '" + nodeCode + "'.");
        }

        const double Gap = 16;
        const double Top = 56;
        const double Heading = 18;
        var cellW = maps.Max(m => m.Map.Width) * Scale;
        var cellH = (maps.Max(m => m.Map.Height) * Scale) + Heading;
        var cols = Math.Min(Columns, maps.Count);
        var rows = (maps.Count + cols - 1) / cols;
        var width = 12 + (cols * (cellW + Gap));
        var height = Top + (rows * (cellH + Gap));
        var geos = series.Editions.Select(e => e.Geography).Distinct().ToList();
        var title = o.T("TileMaps_Title", IndexSeries.Text(maps[0].Year) + (maps.Count > 1 ? "-" + IndexSeries.Text(maps[^1].Year) : string.Empty));
        var subtitle = o.T(geos.Count > 1 ? "TileMaps_Geographies" : geos[0] == ProvinceGeography.Provinces2025 ? "TileMaps_Units34" : "TileMaps_Provinces63")
            + o.T(shared is null ? "TileMaps_OwnScale" : "TileMaps_SharedScale");
        var w = SvgChart.Begin(title, subtitle, width, height, o.T("TileMaps_Description"));
        for (var k = 0; k < maps.Count; k++)
        {
            var (year, map) = maps[k];
            var x = 12 + (k % cols * (cellW + Gap));
            var y = Top + (k / cols * (cellH + Gap));
            w.Open("g", ("class", "edition"), ("data-year", IndexSeries.Text(year)));
            w.Element("text", IndexSeries.Text(year), ("class", "year"), ("x", Markup.Coord(x)), ("y", Markup.Coord(y + 13)), ("font-size", "13"), ("font-weight", "bold"));
            w.Raw(Nest(map, year, x, y + Heading));
            w.Close();
        }

        w.Close();
        return new SvgChart(title, width, height, w.ToString());
    }

    /// <summary>The lowest and highest finite score at the node over the units on each edition's map, or null when there is none.</summary>
    private static (double Lo, double Hi)? SharedScale(IndexSeries series, List<Edition> editions, string? nodeCode)
    {
        var scores = new List<double>();
        foreach (var e in editions)
        {
            var result = series.Result(e.Year);
            var layout = TileLayout.For(e.Geography);
            var values = result.Scores(nodeCode ?? result.IndexCode).ToArray();
            scores.AddRange(result.Units.Select((u, i) => (u, i)).Where(p => layout.ContainsKey(p.u.Code)).Select(p => values[p.i]).Where(double.IsFinite));
        }

        return scores.Count == 0 ? null : (scores.Min(), scores.Max());
    }

    /// <summary>
    /// The map's SVG as a nested, scaled <c>&lt;svg&gt;</c> at (x, y): its size attributes replaced by the scaled size
    /// and a position (the viewBox stays, so the content scales), and its ids made unique to the year.
    /// </summary>
    private static string Nest(SvgChart map, int year, double x, double y)
    {
        var svg = map.ToSvg();
        var end = svg.IndexOf('>', StringComparison.Ordinal);
        var root = RootSize().Replace(svg[..end], "x=\"" + Markup.Coord(x) + "\" y=\"" + Markup.Coord(y) + "\" width=\"" + Markup.Coord(map.Width * Scale) + "\" height=\"" + Markup.Coord(map.Height * Scale) + "\"", 1);
        var body = svg[end..].Replace("id=\"tm-", "id=\"tm" + IndexSeries.Text(year) + "-", StringComparison.Ordinal).Replace("url(#tm-", "url(#tm" + IndexSeries.Text(year) + "-", StringComparison.Ordinal);
        return root + body;
    }

    [GeneratedRegex("width=\"[^\"]*\" height=\"[^\"]*\"")]
    private static partial Regex RootSize();
}
