using System.Globalization;
using System.Xml.Linq;
using ProvinceIct.Indicators.Calculation;
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
