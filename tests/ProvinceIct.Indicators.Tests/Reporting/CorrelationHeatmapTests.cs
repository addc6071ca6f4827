using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class CorrelationHeatmapTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    [Fact]
    public void IndicatorsAgainstPillars_Embedded_OneRectPerCellAndNumbersMatch()
    {
        var doc = Parse(CorrelationHeatmap.IndicatorsAgainstPillars(Embedded));
        var table = CorrelationTable.FromResult(Embedded);
        var indicators = Embedded.Methodology.Framework.Indicators.Length;
        var cells = ByClass(doc, "g", "cell");
        Assert.Equal(indicators * (Embedded.PillarCodes.Length + 1), cells.Count);
        foreach (var row in ByClass(doc, "g", "row"))
        {
            var r = (string)row.Attribute("data-code")!;
            foreach (var cell in ByClass(row, "g", "cell"))
            {
                var c = (string)cell.Attribute("data-column")!;
                Assert.Single(cell.Elements(Svg + "rect"));
                Assert.Equal(F2(table.Coefficient(r, c)), ByClass(cell, "text", "value").Single().Value);
                Assert.StartsWith(r + " ~ " + c + ": r = " + F2(table.Coefficient(r, c)), Tooltip(cell), StringComparison.Ordinal);
            }
        }

        // every indicator is outlined against its own pillar, once
        Assert.Equal(indicators, cells.Count(g => g.Element(Svg + "rect")!.Attribute("stroke") is not null));
        Assert.Equal(["+1", "+0.5", "0", "−0.5", "−1"], ByClass(doc, "text", "tick").Select(t => t.Value));
        Assert.Equal([.. Embedded.PillarCodes, Embedded.IndexCode], ByClass(doc, "text", "column-label").Select(t => t.Nodes().OfType<System.Xml.Linq.XText>().Single().Value));
        AssertSelfContained(doc);
    }

    [Fact]
    public void Indicators_Embedded_SquareMatrixWithUnitDiagonal()
    {
        var doc = Parse(CorrelationHeatmap.Indicators(Embedded));
        var n = Embedded.Methodology.Framework.Indicators.Length;
        var rows = ByClass(doc, "g", "row");
        Assert.Equal(n, rows.Count);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal("1.00", ByClass(rows[i], "text", "value")[i].Value);
        }

        // 4 pillars: 3 separators, each drawn across and down
        Assert.Equal(6, ByClass(doc, "g", "group-lines").Single().Elements(Svg + "line").Count());
    }

    [Fact]
    public void Create_NotComputable_HatchedCellWithNote()
    {
        // y is constant: its correlations are NaN
        var table = CorrelationTable.FromColumns(["x", "y", "z"], [[1, 2, 3, 4], [5, 5, 5, 5], [2, 1, 4, 3]]);
        var doc = Parse(CorrelationHeatmap.Create(table));
        var cells = ByClass(doc, "g", "cell");
        Assert.Equal(9, cells.Count);
        var na = cells.Where(c => ByClass(c, "text", "value").Single().Value == "n/a").ToList();
        Assert.Equal(5, na.Count); // row y and column y
        Assert.All(na, c => Assert.StartsWith("url(#hm-", (string)c.Element(Svg + "rect")!.Attribute("fill")!, StringComparison.Ordinal));
        Assert.Contains("not computable", Tooltip(na[0]), StringComparison.Ordinal);
        Assert.Single(ByClass(doc, "text", "note"));
        // x ~ z: pearson of (1,2,3,4) and (2,1,4,3) = 0.6
        Assert.Equal("0.60", ByClass(cells[2], "text", "value").Single().Value);
    }

    [Fact]
    public void Create_AllComputable_NoNote() =>
        Assert.Empty(ByClass(Parse(CorrelationHeatmap.Create(CorrelationTable.FromColumns(["a", "b"], [[1, 2, 3], [3, 1, 2]]))), "text", "note"));

    [Fact]
    public void Create_UnknownCode_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => CorrelationHeatmap.Create(CorrelationTable.FromColumns(["a", "b"], [[1, 2, 3], [3, 1, 2]]), ["a", "q"]));

    [Fact]
    public void IndicatorsAgainstPillars_Embedded_MatchesSnapshot() => Snapshot.Match(CorrelationHeatmap.IndicatorsAgainstPillars(Embedded).ToSvg(), "svg");
}
