using System.Globalization;
using System.Xml.Linq;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Tests.Reporting;

/// <summary>Parsing helpers for the SVG and HTML tests: every chart must be well-formed XML in the SVG namespace.</summary>
internal static class ChartXml
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static XDocument Parse(SvgChart chart)
    {
        var doc = XDocument.Parse(chart.ToSvg());
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        return doc;
    }

    /// <summary>Parses an HTML fragment as XML inside a <c>&lt;root&gt;</c> element (no namespace), so a fragment with several top-level elements parses too.</summary>
    public static XElement ParseFragment(string html) => XElement.Parse("<root>" + html + "</root>");

    /// <summary>The body rows of the first table under <paramref name="root"/> whose class is <paramref name="cls"/> (or the first table), as lists of cell texts.</summary>
    public static List<List<string>> BodyRows(XContainer root, string? cls = null)
    {
        var table = root.Descendants().Where(e => e.Name.LocalName == "table").First(t => cls is null || (string?)t.Attribute("class") == cls);
        return [.. table.Descendants().Where(e => e.Name.LocalName == "tbody").Single().Elements().Select(tr => tr.Elements().Select(c => c.Value).ToList())];
    }

    /// <summary>Reads CSV text with the library's reader, failing the test when it does not parse.</summary>
    public static Indicators.Tables.CsvTable ReadCsv(string csv)
    {
        var read = Indicators.Tables.CsvTable.Parse(csv);
        Assert.True(read.Success, read.ToString());
        return read.Value;
    }

    public static string Fmt(double x, string format) => double.IsNaN(x) ? "-" : x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Elements <paramref name="name"/> (SVG namespace) whose class attribute is <paramref name="cls"/>.</summary>
    public static List<XElement> ByClass(XContainer doc, string name, string cls) =>
        [.. doc.Descendants(Svg + name).Where(e => (string?)e.Attribute("class") == cls)];

    public static string Tooltip(XElement e) => e.Element(Svg + "title")?.Value ?? string.Empty;

    public static string F2(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The plain median: the middle value of the sorted present values, or the mean of the two middle ones.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    /// <summary>No script, no event handler, no reference outside the document (only namespace URIs may be absolute).</summary>
    public static void AssertSelfContained(XDocument doc)
    {
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "image" or "iframe" or "object" or "foreignObject");
        foreach (var a in doc.Descendants().SelectMany(e => e.Attributes()))
        {
            Assert.False(a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), "event handler " + a.Name);
            if (!a.IsNamespaceDeclaration)
            {
                Assert.DoesNotContain("://", a.Value, StringComparison.Ordinal);
                Assert.False(a.Name.LocalName is "href" or "src", "reference " + a.Name + "=" + a.Value);
            }
        }
    }

    /// <summary>A one-indicator index over given units and values (min-max to [0, 100]; a constant column at 50).</summary>
    public static IndexResult OneIndicator(IReadOnlyList<Unit> units, double[] values)
    {
        var fw = Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("x", "Indicator x", IndicatorKind.Percent), "P"),
            FrameworkNode.Aggregate("P", "Pillar", "IDX"),
            FrameworkNode.Aggregate("IDX", "Index"),
        ]);
        var data = new double[units.Count, 1];
        for (var i = 0; i < units.Count; i++)
        {
            data[i, 0] = values[i];
        }

        // a constant column is placed at the midpoint (50) rather than rejected, so all-equal data can be drawn
        var normaliser = Indicators.Normalisation.Normaliser.MinMax(degenerate: Indicators.Normalisation.DegenerateColumnPolicy.Midpoint);
        return IndexCalculator.Compute(Methodology.Create("one", "One-indicator index", fw, normaliser), Dataset.Create(units, ["x"], data));
    }
}
