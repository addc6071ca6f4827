using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A tile-grid map of Vietnam: one equal square per provincial unit, placed roughly where it lies (north at the top,
/// the Red River Delta around Hà Nội, the long coast, TP Hồ Chí Minh in the South East, the Mekong delta at the
/// bottom), for the 63 provinces of 2016 or the 34 units of 2025. Each tile is coloured by the unit's score at a node
/// on the viridis scale (colour-blind safe, light = high), from the lowest to the highest score shown, and labelled
/// with a short Vietnamese name and the score; a tile without a score is light grey and hatched ("no data" in the
/// legend). Units of the result that are not provinces of the geography are left off and counted in a note.
/// </summary>
public static class TileMap
{
    /// <summary>Draws the map.</summary>
    /// <param name="result">The result.</param>
    /// <param name="nodeCode">The node whose scores colour the tiles (default: the index).</param>
    /// <param name="geography">
    /// The geography of the unit codes. When null it is inferred: the geography in which more of the result's units
    /// have a province with the same code and name (names compared without diacritics); 2016 on a tie.
    /// </param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When the result has no node <paramref name="nodeCode"/>.</exception>
    public static SvgChart Create(IndexResult result, string? nodeCode = null, ProvinceGeography? geography = null) =>
        Create(result, nodeCode, geography, ReportOptions.Default);

    /// <summary>Draws the map with its title, legend and tooltips in the culture of <paramref name="options"/>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="nodeCode">The node whose scores colour the tiles (null: the index).</param>
    /// <param name="geography">The geography of the unit codes, or null to infer it (see the other overload).</param>
    /// <param name="options">
    /// The culture of the texts: with <see cref="ReportOptions.Vietnamese"/> the title (<c>Điểm chỉ số theo tỉnh, 63 tỉnh,
    /// thành phố (2016)</c>), subtitle, legend (<c>Thiếu dữ liệu</c>, <c>Sáng hơn = cao hơn</c>), tooltips and tile
    /// values use Vietnamese and the decimal comma, and a pillar shows its Vietnamese name. With
    /// <see cref="ReportOptions.Default"/> the map is the same as the other overload's.
    /// </param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When the result has no node <paramref name="nodeCode"/>.</exception>
    public static SvgChart Create(IndexResult result, string? nodeCode, ProvinceGeography? geography, ReportOptions options) =>
        Create(result, nodeCode, geography, options, null);

    /// <summary>Draws the map; <paramref name="scale"/> fixes the colour scale's bounds (shared by several maps), null for the map's own lowest and highest score.</summary>
    internal static SvgChart Create(IndexResult result, string? nodeCode, ProvinceGeography? geography, ReportOptions options, (double Lo, double Hi)? scale)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var o = options;
        var node = nodeCode ?? result.IndexCode;
        var nodeScores = result.Scores(node).ToArray();
        var geo = geography ?? Infer(result);
        var layout = TileLayout.For(geo);
        var catalog = ProvinceCatalog.Default;
        var byCode = result.Units.Select((u, i) => (u, i)).ToDictionary(p => p.u.Code, p => p.i, StringComparer.Ordinal);
        var offMap = result.Units.Count(u => !layout.ContainsKey(u.Code));

        var present = layout.Keys.Where(byCode.ContainsKey).Select(c => nodeScores[byCode[c]]).Where(double.IsFinite).ToList();
        var lo = scale?.Lo ?? (present.Count == 0 ? 0 : present.Min());
        var hi = scale?.Hi ?? (present.Count == 0 ? 1 : present.Max());
        double T(double v) => double.IsNaN(v) ? double.NaN : hi > lo ? (v - lo) / (hi - lo) : 0.5;

        var is2025 = geo == ProvinceGeography.Provinces2025;
        var tileW = is2025 ? 84.0 : 72.0;
        var tileH = is2025 ? 44.0 : 38.0;
        const double Gap = 3;
        var columns = layout.Values.Max(p => p.Column) + 1;
        var rowsCount = layout.Values.Max(p => p.Row) + 1;
        var gridLeft = 12.0;
        var gridTop = 62.0;
        var gridRight = gridLeft + (columns * (tileW + Gap));
        var legendX = gridRight + 16;
        var width = legendX + 150;
        var height = gridTop + (rowsCount * (tileH + Gap)) + 24;

        var fw = result.Methodology.Framework;
        var nodeName = node == result.IndexCode ? o.T("Map_IndexScore") : o.NodeName(fw[node]);
        var title = o.T("Map_Title", char.ToUpper(nodeName[0], o.Culture) + nodeName[1..], o.T(is2025 ? "Map_Units2025" : "Map_Provinces2016"));
        var subtitle = o.T("Map_Subtitle", result.Methodology.Name) + (offMap > 0 ? o.T("Map_OffMap", o.Int(offMap)) : string.Empty);
        var id = "tm-" + (is2025 ? "2025" : "2016") + "-" + Markup.Slug(node);
        var w = SvgChart.Begin(title, subtitle, width, height, o.T("Map_Description", nodeName));

        w.Open("defs");
        SvgChart.VerticalGradient(w, id + "-scale", t => Palette.ViridisAt(1 - t));
        SvgChart.HatchPattern(w, id + "-hatch");
        w.Close();

        w.Open("g", ("class", "tiles"), ("font-size", is2025 ? "10" : "9"), ("text-anchor", "middle"));
        foreach (var province in catalog.Provinces(geo).Where(p => layout.ContainsKey(p.Code)).OrderBy(p => layout[p.Code].Row).ThenBy(p => layout[p.Code].Column))
        {
            var (col, row) = layout[province.Code];
            var x = gridLeft + (col * (tileW + Gap));
            var y = gridTop + (row * (tileH + Gap));
            var has = byCode.TryGetValue(province.Code, out var ui);
            var name = has ? result.Units[ui].Name : province.NameVi;
            var v = has ? nodeScores[ui] : double.NaN;
            var t = T(v);
            var fill = double.IsNaN(v) ? "url(#" + id + "-hatch)" : Palette.ViridisAt(t);
            var ink = Palette.TextOnViridis(t);
            var rank = has ? result.Rank(province.Code, node) : double.NaN;
            var tip = double.IsNaN(v) ? name + " (" + province.Code + "): " + o.T("Map_NoDataTile") : o.T("Map_Tip", name, province.Code, o.Score(v), o.Rank(rank));
            w.Open("g", ("class", "tile"), ("data-unit", province.Code));
            w.Element("title", tip);
            w.Element("rect", null, ("x", Markup.Coord(x)), ("y", Markup.Coord(y)), ("width", Markup.Coord(tileW)), ("height", Markup.Coord(tileH)), ("rx", "3"), ("fill", fill), ("stroke", "#FFFFFF"), ("stroke-width", "1"));
            w.Element("text", TileLayout.ShortName(name), ("x", Markup.Coord(x + (tileW / 2))), ("y", Markup.Coord(y + (tileH / 2) - 2)), ("fill", ink), ("font-weight", "bold"));
            w.Element("text", double.IsNaN(v) ? o.T("Map_NoDataTile") : o.Score(v), ("class", "value"), ("x", Markup.Coord(x + (tileW / 2))), ("y", Markup.Coord(y + (tileH / 2) + 10)), ("fill", ink));
            w.Close();
        }

        w.Close();

        // legend: a vertical scale from the highest (top) to the lowest score, then the no-data swatch
        var ly = gridTop + 16;
        const double ScaleH = 180;
        w.Open("g", ("class", "legend"), ("font-size", "10"));
        w.Element("text", node == result.IndexCode ? o.T("Map_IndexScoreLegend") : o.NodeName(fw[node]), ("x", Markup.Coord(legendX)), ("y", Markup.Coord(ly - 12)), ("font-size", "11"), ("font-weight", "bold"));
        w.Element("rect", null, ("x", Markup.Coord(legendX)), ("y", Markup.Coord(ly)), ("width", "16"), ("height", Markup.Coord(ScaleH)), ("fill", "url(#" + id + "-scale)"), ("stroke", Palette.Muted), ("stroke-width", "0.5"));
        var ticks = present.Count == 0 ? [] : hi > lo ? Axis.Covering(lo, hi, 4).Ticks.Where(k => k > lo + ((hi - lo) * 0.08) && k < hi - ((hi - lo) * 0.08)).Prepend(lo).Append(hi).ToList() : [lo];
        foreach (var k in ticks)
        {
            var yk = hi > lo ? ly + ((1 - T(k)) * ScaleH) : ly + (ScaleH / 2);
            w.Element("line", null, ("x1", Markup.Coord(legendX + 16)), ("x2", Markup.Coord(legendX + 21)), ("y1", Markup.Coord(yk)), ("y2", Markup.Coord(yk)), ("stroke", Palette.Ink));
            w.Element("text", o.Score(k), ("x", Markup.Coord(legendX + 24)), ("y", Markup.Coord(yk + 3.5)));
        }

        var my = ly + ScaleH + 18;
        w.Element("rect", null, ("x", Markup.Coord(legendX)), ("y", Markup.Coord(my)), ("width", "16"), ("height", "12"), ("fill", "url(#" + id + "-hatch)"), ("stroke", Palette.Muted), ("stroke-width", "0.5"));
        w.Element("text", o.T("Map_NoData"), ("x", Markup.Coord(legendX + 24)), ("y", Markup.Coord(my + 10)));
        w.Element("text", o.T("Map_LighterHigher"), ("x", Markup.Coord(legendX)), ("y", Markup.Coord(my + 32)), ("fill", Palette.Muted));
        w.Close();
        w.Close();
        return new SvgChart(title, width, height, w.ToString());
    }

    internal static ProvinceGeography Infer(IndexResult result) =>
        MatchCount(result, ProvinceGeography.Provinces2025) > MatchCount(result, ProvinceGeography.Provinces2016) ? ProvinceGeography.Provinces2025 : ProvinceGeography.Provinces2016;

    /// <summary>How many units of the result are provinces of the geography: same code, same name without diacritics.</summary>
    internal static int MatchCount(IndexResult result, ProvinceGeography geography)
    {
        var catalog = ProvinceCatalog.Default;
        return result.Units.Count(u =>
            catalog.TryGet(u.Code, geography, out var p) && Internal.VietnameseText.Fold(p.NameVi) == Internal.VietnameseText.Fold(u.Name));
    }
}
