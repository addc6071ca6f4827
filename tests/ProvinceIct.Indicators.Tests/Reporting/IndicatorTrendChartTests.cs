using System.Xml.Linq;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class IndicatorTrendChartTests
{
    // ThreeYears x: 2019 A1 B2 C3; 2020 A3 B2 D1; 2021 A1 B4 C2 D3. Medians: 2019 2, 2020 2, 2021 (2 + 3) / 2 = 2.5.
    // Axis over [1, 3]: ticks 1, 2, 3. Panel 0 at (12, 72): x = 12 + 46 + 115 k = 58, 173, 288;
    // y = 72 + 28 + 110 (1 - (v - 1) / 2): v 1 -> 210, 2 -> 155, 2.5 -> 127.5, 3 -> 100.
    private static XDocument Chart(string unit) => Parse(IndicatorTrendChart.Create(IndexSeries.Create(IndexSeriesTests.ThreeYears()), unit));

    [Fact]
    public void Create_UnitA_UnitAndMedianAtHandComputedPositions()
    {
        var doc = Chart("A");
        AssertSelfContained(doc);
        var panel = Assert.Single(ByClass(doc, "g", "panel"));
        Assert.Equal("x", (string?)panel.Attribute("data-indicator"));
        Assert.Equal("58,210 173,100 288,210", (string?)ByClass(doc, "polyline", "unit-line").Single().Attribute("points"));
        Assert.Equal("58,155 173,155 288,127.5", (string?)ByClass(doc, "polyline", "median-line").Single().Attribute("points"));
        Assert.Equal(["1", "2", "3"], ByClass(doc, "text", "tick").Select(t => t.Value));
        Assert.Contains("national median 2.5", Tooltip(ByClass(doc, "circle", "point")[2]), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnitMissingInFirstEdition_NoPointThere()
    {
        var doc = Chart("D"); // 2020 1, 2021 3
        Assert.Equal("173,210 288,100", (string?)ByClass(doc, "polyline", "unit-line").Single().Attribute("points"));
        Assert.Equal(2, ByClass(doc, "circle", "point").Count);
    }

    [Fact]
    public void Create_UnknownUnitOrIndicator_Throws()
    {
        var s = IndexSeries.Create(IndexSeriesTests.ThreeYears());
        Assert.Throws<KeyNotFoundException>(() => IndicatorTrendChart.Create(s, "nope"));
        Assert.Throws<KeyNotFoundException>(() => IndicatorTrendChart.Create(s, "A", ["nope"]));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3 }, 2.0)]
    [InlineData(new[] { 1.0, 4, 2, 3 }, 2.5)]
    [InlineData(new[] { double.NaN, 5.0 }, 5.0)]
    [InlineData(new double[0], double.NaN)]
    public void Median_Values_MiddleIgnoringMissing(double[] values, double expected) =>
        Assert.Equal(expected, IndicatorTrendChart.Median(values));
}
