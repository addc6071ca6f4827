using System.Globalization;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Tables;

public class DelimitedTableRendererTests
{
    [Fact]
    public void ToCsv_FormulaText_IsNeutralisedAndReadsBack()
    {
        var t = new TableBuilder("t", [TableColumn.Text("name", "Name"), TableColumn.Number("x", "X")]).AddRow("=cmd|' /C calc'!A0", -1.5).Build();
        var csv = t.ToCsv();
        Assert.Equal("name,x\n\"'=cmd|' /C calc'!A0\",-1.5\n", csv); // the text gets an apostrophe and quotes; the negative number is untouched
        var back = CsvTable.Parse(csv).Value!;
        Assert.Equal("=cmd|' /C calc'!A0", back.Rows[0].Fields[0]);
        Assert.Equal("name,x\n=cmd|' /C calc'!A0,-1.5\n", t.ToCsv(new TableRenderOptions(injection: CsvInjectionPolicy.None)));
    }

    [Fact]
    public void ToCsv_Numbers_RoundTripExactlyAndMissingIsEmpty()
    {
        var t = TableFixtures.Provinces();
        var back = CsvTable.Parse(t.ToCsv()).Value!;
        Assert.Equal(["rank", "unit_code", "unit_name", "score", "coverage", "indicators"], back.Header.Fields.ToArray());
        Assert.Equal(0.1 + 0.2, double.Parse(back.Rows[1].Fields[3], CultureInfo.InvariantCulture)); // 0.30000000000000004, not "0.30"
        Assert.Equal(0.125, double.Parse(back.Rows[1].Fields[4], CultureInfo.InvariantCulture)); // the fraction, not "12.5%"
        Assert.Equal(string.Empty, back.Rows[2].Fields[0]);
        Assert.Equal(string.Empty, back.Rows[2].Fields[3]);
    }

    [Fact]
    public void ToCsv_DisplayText_IsNotWritten()
    {
        var t = new TableBuilder("t", [TableColumn.Rank("change", "Change")]).AddRow(TableCell.Number(3).WithDisplay("up 3")).Build();
        Assert.Equal("change\n3\n", t.ToCsv());
        Assert.Contains("up 3", t.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToTsv_TabsBetweenFieldsAndTabInTextIsQuoted()
    {
        var t = new TableBuilder("t", [TableColumn.Text("a", "A"), TableColumn.Number("b", "B")]).AddRow("x\ty", 2).Build();
        Assert.Equal("a\tb\n\"x\ty\"\t2\n", t.ToTsv());
        Assert.Equal("x\ty", CsvTable.Parse(t.ToTsv(), delimiter: '\t').Value!.Rows[0].Fields[0]);
    }

    [Fact]
    public void ToCsv_Provinces_MatchesSnapshot() => Snapshot.Match(TableFixtures.Provinces().ToCsv(), "csv");
}
