using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A heatmap of correlations (from a <see cref="CorrelationTable"/>): one square cell per pair of a row code and a
/// column code, coloured on a diverging red-white-blue scale (ColorBrewer RdBu, colour-blind safe) from -1 (red)
/// through 0 (white) to +1 (blue), with the coefficient printed in the cell to 2 decimals. Codes label the rows (left)
/// and the columns (top, slanted); a legend bar shows the scale from -1 to 1. A coefficient that cannot be computed
/// (NaN: fewer than 2 pairs or a constant column) is a hatched grey cell marked "n/a", explained in a note under the
/// plot. Every cell's tooltip gives both codes, r, the p-value and the number of pairs.
/// </summary>
public static class CorrelationHeatmap
{
    private const double CellWidth = 46;
    private const double CellHeight = 28;

    /// <summary>Draws the correlations between <paramref name="rowCodes"/> and <paramref name="columnCodes"/>.</summary>
    /// <param name="table">The correlations.</param>
    /// <param name="rowCodes">The rows, top to bottom; null for every code of the table.</param>
    /// <param name="columnCodes">The columns, left to right; null for the same codes as the rows.</param>
    /// <param name="title">The title; null for "Correlations ({method})".</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="table"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When a code is not in the table.</exception>
    public static SvgChart Create(CorrelationTable table, IReadOnlyList<string>? rowCodes = null, IReadOnlyList<string>? columnCodes = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = rowCodes ?? table.Codes;
        var columns = columnCodes ?? rows;
        return Draw(table, rows, columns, title ?? "Correlations (" + table.Method + ")", null, [], _ => null, null, ReportOptions.Default);
    }

    /// <summary>
    /// The JRC audit's view of a result: every indicator (rows, grouped by pillar in framework order) against every
    /// pillar and the index (columns), correlations of the normalised indicator values with the pillar and index
    /// scores over the units where both are present. The cell of an indicator and its own pillar has a dark outline.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="method">The coefficient (default Pearson).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    public static SvgChart IndicatorsAgainstPillars(IndexResult result, CorrelationMethod method = CorrelationMethod.Pearson) =>
        IndicatorsAgainstPillars(result, method, ReportOptions.Default);

    /// <summary>The chart of <see cref="IndicatorsAgainstPillars(IndexResult, CorrelationMethod)"/> with its texts and numbers in the culture of <paramref name="o"/> (nodes by their Vietnamese names in Vietnamese).</summary>
    internal static SvgChart IndicatorsAgainstPillars(IndexResult result, CorrelationMethod method, ReportOptions o)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fw = result.Methodology.Framework;
        var table = CorrelationTable.FromResult(result, method);
        var indicators = UnitProfileTable.TreeOrder(fw).Where(n => n.IsIndicator).Select(n => n.Code).ToList();
        List<string> columns = [.. result.PillarCodes, result.IndexCode];
        string? PillarOf(string code)
        {
            var node = fw[code];
            while (node.ParentCode is { } p && p != result.IndexCode)
            {
                node = fw[p];
            }

            return node.ParentCode is null ? null : node.Code;
        }

        var pillarOf = indicators.ToDictionary(c => c, PillarOf, StringComparer.Ordinal);
        return Draw(table, indicators, columns, o.T("Chart_Heat_IndicatorsPillars", table.Method.ToString()),
            o.T("Chart_Heat_IndicatorsPillarsSubtitle", result.Methodology.Name),
            [.. indicators.Select(c => pillarOf[c] ?? string.Empty)], r => pillarOf[r], result.Methodology.Framework, o);
    }

    /// <summary>
    /// The correlations among a result's indicators (normalised values), rows and columns in framework order grouped by
    /// pillar, with lines between the pillars.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="method">The coefficient (default Pearson).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    public static SvgChart Indicators(IndexResult result, CorrelationMethod method = CorrelationMethod.Pearson) =>
        Indicators(result, method, ReportOptions.Default);

    /// <summary>The chart of <see cref="Indicators(IndexResult, CorrelationMethod)"/> with its texts and numbers in the culture of <paramref name="o"/> (nodes by their Vietnamese names in Vietnamese).</summary>
    internal static SvgChart Indicators(IndexResult result, CorrelationMethod method, ReportOptions o)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fw = result.Methodology.Framework;
        var indicators = UnitProfileTable.TreeOrder(fw).Where(n => n.IsIndicator).Select(n => n.Code).ToList();
        var table = CorrelationTable.FromResult(result, method);
        var groups = indicators.Select(c => fw[c].ParentCode ?? string.Empty).ToList();
        return Draw(table, indicators, indicators, o.T("Chart_Heat_Indicators", table.Method.ToString()),
            o.T("Chart_Heat_IndicatorsSubtitle", result.Methodology.Name), groups, _ => null, fw, o);
    }

    private static SvgChart Draw(CorrelationTable table, IReadOnlyList<string> rows, IReadOnlyList<string> columns, string title, string? subtitle,
        List<string> rowGroups, Func<string, string?> outlinedColumn, Model.Framework? framework, ReportOptions o)
    {
        var estimates = rows.Select(r => columns.Select(c => table[r, c]).ToArray()).ToArray();
        var anyMissing = estimates.Any(row => row.Any(e => double.IsNaN(e.Coefficient)));
        var rowLabelWidth = Math.Max(60, rows.Count == 0 ? 0 : rows.Max(r => Markup.TextWidth(r, 11))) + 10;
        var columnLabelHeight = (columns.Count == 0 ? 0 : columns.Max(c => Markup.TextWidth(c, 11))) * 0.72;
        var x0 = 12 + rowLabelWidth;
        var y0 = 62 + columnLabelHeight + 10;
        var plotRight = x0 + (columns.Count * CellWidth);
        var plotBottom = y0 + (rows.Count * CellHeight);
        var legendX = plotRight + 24;
        var scaleHeight = Math.Clamp(rows.Count * CellHeight, 120, 200);
        subtitle ??= o.T("Chart_Heat_Subtitle", o.Int(rows.Count), o.Int(columns.Count));
        var width = Math.Max(legendX + 130, Math.Max(Markup.TextWidth(title, 15), Markup.TextWidth(subtitle, 11)) + 24);
        var height = Math.Max(plotBottom, y0 + scaleHeight + 70) + (anyMissing ? 40 : 20);
        var id = "hm-" + Markup.Int(rows.Count) + "x" + Markup.Int(columns.Count) + "-" + Markup.Slug(rows.Count == 0 ? "none" : rows[0] + "-" + columns[^1]);
        var w = SvgChart.Begin(title, subtitle, width, height,
            o.T("Chart_Heat_Description"));

        w.Open("defs");
        SvgChart.VerticalGradient(w, id + "-scale", t => Palette.DivergingAt(1 - (2 * t)));
        SvgChart.HatchPattern(w, id + "-hatch");
        w.Close();

        w.Open("g", ("class", "column-labels"), ("font-size", "11"));
        for (var c = 0; c < columns.Count; c++)
        {
            var x = x0 + (c * CellWidth) + (CellWidth / 2);
            var name = framework is not null && framework.Contains(columns[c]) ? o.NodeName(framework[columns[c]]) : columns[c];
            w.TextWithTitle(columns[c], name, ("class", "column-label"), ("x", Markup.Coord(x)), ("y", Markup.Coord(y0 - 6)), ("transform", "rotate(-45 " + Markup.Coord(x) + " " + Markup.Coord(y0 - 6) + ")"));
        }

        w.Close();

        w.Open("g", ("class", "cells"), ("font-size", "10"), ("text-anchor", "middle"));
        for (var r = 0; r < rows.Count; r++)
        {
            var y = y0 + (r * CellHeight);
            var name = framework is not null && framework.Contains(rows[r]) ? o.NodeName(framework[rows[r]]) : rows[r];
            w.Open("g", ("class", "row"), ("data-code", rows[r]));
            w.TextWithTitle(rows[r], name, ("class", "row-label"), ("x", Markup.Coord(x0 - 6)), ("y", Markup.Coord(y + (CellHeight / 2) + 4)), ("text-anchor", "end"), ("font-size", "11"));
            for (var c = 0; c < columns.Count; c++)
            {
                var e = estimates[r][c];
                var v = e.Coefficient;
                var x = x0 + (c * CellWidth);
                var outlined = outlinedColumn(rows[r]) == columns[c];
                var tip = rows[r] + " ~ " + columns[c] + ": " + (double.IsNaN(v) ? o.T("Chart_Heat_NotComputableTip") : "r = " + o.Format(v, "0.00") + ", p = " + o.P(e.PValue)) + ", " + o.T("Chart_Heat_Pairs", o.Int(e.Pairs));
                w.Open("g", ("class", "cell"), ("data-column", columns[c]));
                w.Element("title", tip);
                w.Element("rect", null, ("x", Markup.Coord(x + 1)), ("y", Markup.Coord(y + 1)), ("width", Markup.Coord(CellWidth - 2)), ("height", Markup.Coord(CellHeight - 2)),
                    ("fill", double.IsNaN(v) ? "url(#" + id + "-hatch)" : Palette.DivergingAt(v)), ("stroke", outlined ? Palette.Ink : null), ("stroke-width", outlined ? "2" : null));
                w.Element("text", double.IsNaN(v) ? o.T("Chart_Heat_NotAvailable") : o.Format(v, "0.00"), ("class", "value"), ("x", Markup.Coord(x + (CellWidth / 2))), ("y", Markup.Coord(y + (CellHeight / 2) + 3.5)),
                    ("fill", Palette.TextOnDiverging(v)));
                w.Close();
            }

            w.Close();
        }

        w.Close();

        // lines between groups of rows (and, for a square matrix of the same codes, of columns)
        var square = rows.SequenceEqual(columns, StringComparer.Ordinal);
        w.Open("g", ("class", "group-lines"), ("stroke", Palette.Ink), ("stroke-width", "1.5"));
        for (var r = 1; r < rowGroups.Count; r++)
        {
            if (rowGroups[r] != rowGroups[r - 1])
            {
                var y = y0 + (r * CellHeight);
                w.Element("line", null, ("x1", Markup.Coord(x0)), ("x2", Markup.Coord(plotRight)), ("y1", Markup.Coord(y)), ("y2", Markup.Coord(y)));
                if (square)
                {
                    var x = x0 + (r * CellWidth);
                    w.Element("line", null, ("x1", Markup.Coord(x)), ("x2", Markup.Coord(x)), ("y1", Markup.Coord(y0)), ("y2", Markup.Coord(plotBottom)));
                }
            }
        }

        w.Close();

        w.Open("g", ("class", "legend"), ("font-size", "10"));
        w.Element("text", o.T("Chart_Heat_Legend"), ("x", Markup.Coord(legendX)), ("y", Markup.Coord(y0 - 8)), ("font-size", "11"), ("font-weight", "bold"));
        w.Element("rect", null, ("x", Markup.Coord(legendX)), ("y", Markup.Coord(y0)), ("width", "16"), ("height", Markup.Coord(scaleHeight)), ("fill", "url(#" + id + "-scale)"), ("stroke", Palette.Muted), ("stroke-width", "0.5"));
        foreach (var tick in new[] { 1, 0.5, 0, -0.5, -1 })
        {
            var yk = y0 + ((1 - tick) / 2 * scaleHeight);
            w.Element("line", null, ("x1", Markup.Coord(legendX + 16)), ("x2", Markup.Coord(legendX + 21)), ("y1", Markup.Coord(yk)), ("y2", Markup.Coord(yk)), ("stroke", Palette.Ink));
            w.Element("text", tick > 0 ? "+" + o.Tick(tick) : tick < 0 ? "−" + o.Tick(-tick) : "0", ("class", "tick"), ("x", Markup.Coord(legendX + 24)), ("y", Markup.Coord(yk + 3.5)));
        }

        var my = y0 + scaleHeight + 18;
        w.Element("rect", null, ("x", Markup.Coord(legendX)), ("y", Markup.Coord(my)), ("width", "16"), ("height", "12"), ("fill", "url(#" + id + "-hatch)"), ("stroke", Palette.Muted), ("stroke-width", "0.5"));
        w.Element("text", o.T("Chart_Heat_NotComputable"), ("x", Markup.Coord(legendX + 24)), ("y", Markup.Coord(my + 10)));
        w.Element("text", o.T("Chart_Heat_BluePositive"), ("x", Markup.Coord(legendX)), ("y", Markup.Coord(my + 32)), ("fill", Palette.Muted));
        w.Element("text", o.T("Chart_Heat_RedNegative"), ("x", Markup.Coord(legendX)), ("y", Markup.Coord(my + 46)), ("fill", Palette.Muted));
        w.Close();

        if (anyMissing)
        {
            w.Element("text", o.T("Chart_Heat_NotAvailableNote"), ("class", "note"),
                ("x", "12"), ("y", Markup.Coord(height - 14)), ("fill", Palette.Muted));
        }

        w.Close();
        return new SvgChart(title, width, height, w.ToString());
    }
}
