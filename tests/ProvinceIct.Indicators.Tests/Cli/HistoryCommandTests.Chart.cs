using System.Xml.Linq;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class HistoryCommandTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<XElement> Points(XDocument doc, string unit, string geography) =>
        [.. doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "unit" && (string?)g.Attribute("data-unit") == unit && (string?)g.Attribute("data-geography") == geography)
            .SelectMany(g => g.Elements(Svg + "circle"))];

    [Fact]
    public void History_Chart_BinhPhuoc49Then13AsOneRunWithGapsElsewhere()
    {
        var svg = Path.Combine(Dir, "bp.svg");
        var (code, output, err) = Run("history", "Bình Phước", "--chart", svg);
        Assert.True(code == 0, err);
        Assert.StartsWith("Published record of 70 Bình Phước", output, StringComparison.Ordinal);
        var doc = XDocument.Load(svg);
        Assert.Equal(["2011", "2012"], Points(doc, "70", "2016").Select(c => (string?)c.Attribute("data-year")));
        Assert.Equal(["49", "13"], Points(doc, "70", "2016").Select(c => (string?)c.Attribute("data-rank")));
        Assert.Contains("(+36 on 2011)", Points(doc, "70", "2016")[1].Value, StringComparison.Ordinal);
        Assert.Contains("a gap: rank unknown in that edition", doc.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void History_ChartDti_ProvinceLinkedToSuccessor()
    {
        var svg = Path.Combine(Dir, "qn.svg");
        var (code, _, err) = Run("history", "Quảng Nam", "--chart", svg, "--chart-index", "dti");
        Assert.True(code == 0, err);
        var doc = XDocument.Load(svg);
        Assert.Equal(["31"], Points(doc, "49", "2016").Select(c => (string?)c.Attribute("data-rank"))); // DTI 2022, 31st of 63
        Assert.Equal(["17"], Points(doc, "48", "2025").Select(c => (string?)c.Attribute("data-rank"))); // Đà Nẵng 2025, 17th of 34
        Assert.Single(doc.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "successor-link" && (string?)l.Attribute("data-from") == "49");
    }

    [Fact]
    public void History_ChartIndexWithoutChart_UsageError()
    {
        var (code, _, err) = Run("history", "Bình Phước", "--chart-index", "dti");
        Assert.Equal(2, code);
        Assert.Contains("--chart-index goes with --chart FILE.svg.", err, StringComparison.Ordinal);
    }
}
