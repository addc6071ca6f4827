using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A finished chart: self-contained SVG markup (no scripts, no external fonts, images or style sheets), its size in
/// CSS pixels and its title. Built by <see cref="RankingBarChart"/>, <see cref="UnitProfileChart"/>,
/// <see cref="RankIntervalChart"/> and <see cref="TileMap"/>. Every mark carries a <c>&lt;title&gt;</c> tooltip with
/// the unit's name and the numbers it shows; text is escaped so the SVG parses as XML. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class SvgChart
{
    internal SvgChart(string title, double width, double height, string svg)
    {
        Title = title;
        Width = width;
        Height = height;
        Svg = svg;
    }

    /// <summary>The chart's title, as shown at its top.</summary>
    public string Title { get; }

    /// <summary>The width in CSS pixels (the SVG's <c>width</c> and viewBox width).</summary>
    public double Width { get; }

    /// <summary>The height in CSS pixels (the SVG's <c>height</c> and viewBox height).</summary>
    public double Height { get; }

    private string Svg { get; }

    /// <summary>The SVG document: one <c>&lt;svg&gt;</c> element in the SVG namespace, without an XML declaration (so it can be inlined in HTML).</summary>
    /// <returns>The markup, LF line ends, no trailing newline.</returns>
    public string ToSvg() => Svg;

    /// <summary>Writes the SVG to a file as UTF-8 without a byte-order mark, with an XML declaration.</summary>
    /// <param name="path">The file path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is blank.</exception>
    /// <exception cref="IOException">When the file cannot be written (folder missing, disk full, target is a folder); the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public void Save(string path)
    {
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Svg + "\n");
    }

    /// <summary>Formats as <c>SvgChart "title" 720x480</c>; the markup itself is <see cref="ToSvg"/>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SvgChart \"{Title}\" {Width:0.##}x{Height:0.##}");

    /// <summary>Starts a chart document: the root element, a title and description for assistive technology, the style, the visible heading.</summary>
    internal static SvgWriter Begin(string title, string? subtitle, double width, double height, string description)
    {
        var w = new SvgWriter();
        w.Open("svg",
            ("xmlns", SvgWriter.Namespace),
            ("width", Markup.Coord(width)),
            ("height", Markup.Coord(height)),
            ("viewBox", "0 0 " + Markup.Coord(width) + " " + Markup.Coord(height)),
            ("role", "img"),
            ("font-family", Palette.FontFamily),
            ("font-size", "11"),
            ("fill", Palette.Ink));
        w.Element("title", title);
        w.Element("desc", description);
        w.Element("rect", null, ("width", "100%"), ("height", "100%"), ("fill", "#FFFFFF"));
        w.Element("text", title, ("class", "chart-title"), ("x", "12"), ("y", "22"), ("font-size", "15"), ("font-weight", "bold"));
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            w.Element("text", subtitle, ("class", "chart-subtitle"), ("x", "12"), ("y", "40"), ("font-size", "11"), ("fill", Palette.Muted));
        }

        return w;
    }

    /// <summary>A diagonal hatch pattern (light grey with darker stripes) for cells or tiles without data; define inside <c>&lt;defs&gt;</c>.</summary>
    internal static void HatchPattern(SvgWriter w, string id)
    {
        w.Open("pattern", ("id", id), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"), ("patternTransform", "rotate(45)"));
        w.Element("rect", null, ("width", "6"), ("height", "6"), ("fill", Palette.Missing));
        w.Element("line", null, ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", "#A0A0A0"), ("stroke-width", "2"));
        w.Close();
    }

    /// <summary>A top-to-bottom linear gradient of 9 stops, the colour at each stop from its position in [0, 1] (0 = top); define inside <c>&lt;defs&gt;</c>.</summary>
    internal static void VerticalGradient(SvgWriter w, string id, Func<double, string> colourAt)
    {
        w.Open("linearGradient", ("id", id), ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "1"));
        for (var k = 0; k <= 8; k++)
        {
            w.Element("stop", null, ("offset", Markup.Percent(k / 8.0)), ("stop-color", colourAt(k / 8.0)));
        }

        w.Close();
    }
}
