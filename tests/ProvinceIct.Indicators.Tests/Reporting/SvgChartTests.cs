using System.Xml.Linq;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class SvgChartTests
{
    private static readonly SvgChart Chart = RankingBarChart.Create(OpenReadiness2016.Compute(), 3);

    [Fact]
    public void ToString_IsShortAndInvariant() =>
        Assert.Equal("SvgChart \"Open-data Provincial Readiness Index 2016: index score, top 3\" 760x" + Chart.Height.ToString(System.Globalization.CultureInfo.InvariantCulture), Chart.ToString());

    [Fact]
    public void ToSvg_RootCarriesSizeTitleAndDescription()
    {
        var doc = Parse(Chart);
        var root = doc.Root!;
        Assert.Equal("760", (string)root.Attribute("width")!);
        Assert.Equal("0 0 760 " + (string)root.Attribute("height")!, (string)root.Attribute("viewBox")!);
        Assert.Equal(Chart.Title, root.Element(Svg + "title")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg + "desc")!.Value));
        Assert.DoesNotContain("\r", Chart.ToSvg(), StringComparison.Ordinal);
        Assert.False(Chart.ToSvg().EndsWith('\n'));
    }

    [Fact]
    public void Save_WritesAnXmlFileWithDeclaration()
    {
        var path = Path.Combine(Path.GetTempPath(), "svgchart-" + Guid.NewGuid().ToString("N") + ".svg");
        try
        {
            Chart.Save(path);
            var text = File.ReadAllText(path);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg", text, StringComparison.Ordinal);
            Assert.Equal(Svg + "svg", XDocument.Load(path).Root!.Name);
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte-order mark
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Save_BlankPath_Throws() => Assert.ThrowsAny<ArgumentException>(() => Chart.Save(" "));
}
