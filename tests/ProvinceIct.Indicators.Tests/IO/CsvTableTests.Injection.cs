using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>CSV formula injection (OWASP): the one cell writer, the readers undoing it, and every CSV writer of the library.</summary>
public partial class CsvTableTests
{
    public static TheoryData<string, string> Dangerous => new()
    {
        { "=SUM(A1)", "\"'=SUM(A1)\"" },
        { "+1+2", "\"'+1+2\"" },
        { "-1+2", "\"'-1+2\"" },
        { "@cmd", "\"'@cmd\"" },
        { "\tx", "\"'\tx\"" },
        { "\rx", "\"'\rx\"" },
        { "=HYPERLINK(\"http://e\")", "\"'=HYPERLINK(\"\"http://e\"\")\"" },
        { "-Infinityx", "\"'-Infinityx\"" },
        { "'=x", "\"''=x\"" },    // a text that already starts with an apostrophe gets one more, so reading it back is exact
        { "'-1.5", "\"''-1.5\"" }, // not a number: the reader would otherwise strip the apostrophe
    };

    [Theory]
    [MemberData(nameof(Dangerous))]
    public void FormatField_FormulaText_ApostropheAndQuoted(string text, string expected) =>
        Assert.Equal(expected, CsvTable.FormatField(text));

    [Theory]
    [InlineData("-1.5")]
    [InlineData("+2")]
    [InlineData("-3E-05")]
    [InlineData("-0")]
    [InlineData("-Infinity")]
    [InlineData("12")]
    [InlineData("Hà Nội")]
    [InlineData("'quoted")]
    [InlineData("a=b")]
    [InlineData("")]
    public void FormatField_NumberOrHarmlessText_Unchanged(string text) =>
        Assert.Equal(text, CsvTable.FormatField(text));

    [Theory]
    [MemberData(nameof(Dangerous))]
    public void FormatField_PolicyNone_WritesAsIs(string text, string neutralised)
    {
        _ = neutralised;
        var expected = text.Contains('"', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        Assert.Equal(expected, CsvTable.FormatField(text, injection: CsvInjectionPolicy.None));
    }

    [Theory]
    [InlineData(CsvInjectionPolicy.Neutralise)]
    [InlineData(CsvInjectionPolicy.None)]
    public void WriteThenParse_SamePolicy_GivesBackEveryText(CsvInjectionPolicy policy)
    {
        string[] texts = ["=SUM(A1)", "'=SUM(A1)", "''=x", "'", "''", "'abc", "-1.5", "'-1.5", "-1+2", "+", "-", "@", "\t", "\r\n=x", "@a,b", "x", ""];
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, [["h", "v"], .. texts.Select(t => (IReadOnlyList<string>)["k", t])], injection: policy);
        var table = CsvTable.Parse(w.ToString(), injection: policy).Value!;
        Assert.Equal(texts, table.Rows.Select(r => r[1]));
    }

    [Fact]
    public void Parse_PolicyNone_KeepsTheApostrophe() =>
        Assert.Equal("'=SUM(A1)", CsvTable.Parse("a\n'=SUM(A1)\n", injection: CsvInjectionPolicy.None).Value!.Rows[0][0]);

    [Fact]
    public void Parse_Default_RemovesOneApostropheBeforeAFormula()
    {
        var rows = CsvTable.Parse("a\n'=SUM(A1)\n'abc\n''@x\n").Value!.Rows;
        Assert.Equal(["=SUM(A1)", "'abc", "'@x"], rows.Select(r => r[0]));
    }

    [Fact]
    public void WideCsv_HostileNamesAndNegativeNumbers_NeutralisedAndRoundTrip()
    {
        var dataset = Dataset.Create(
            [Unit.Create("@u1", "=SUM(A1)", groups: [KeyValuePair.Create("region", "+cmd")]), Unit.Create("u2", "-2+3")],
            ["=x"],
            new double[,] { { -1.5 }, { 2 } });
        var text = WideCsv.ToCsv(dataset);
        Assert.Equal("uCode,uName,Group_region,\"'=x\"\n\"'@u1\",\"'=SUM(A1)\",\"'+cmd\",-1.5\nu2,\"'-2+3\",,2\n", text);
        var back = WideCsv.Read(new StringReader(text)).Value!;
        Assert.Equal(["@u1", "u2"], back.Units.Select(u => u.Code));
        Assert.Equal(["=SUM(A1)", "-2+3"], back.Units.Select(u => u.Name));
        Assert.Equal("+cmd", back.Units[0].Group("region"));
        Assert.Equal("=x", Assert.Single(back.IndicatorCodes));
        Assert.Equal(-1.5, back[0, 0]);
    }

    [Fact]
    public void WideCsv_PolicyNone_WritesAsIsAndReaderOptionKeepsIt()
    {
        var dataset = Dataset.Create([Unit.Create("u1", "=SUM(A1)")], ["x"], new double[,] { { -1 } });
        var text = WideCsv.ToCsv(dataset, CsvInjectionPolicy.None);
        Assert.Equal("uCode,uName,x\nu1,=SUM(A1),-1\n", text);
        var kept = WideCsv.Read(new StringReader("uCode,uName,x\nu1,'=SUM(A1),-1\n"), new WideCsvOptions { CsvInjection = CsvInjectionPolicy.None }).Value!;
        Assert.Equal("'=SUM(A1)", kept.Units[0].Name);
    }

    [Fact]
    public void LongCsv_HostileText_NeutralisedAndRoundTrip()
    {
        var table = ObservationTable.Create([Observation.Create("u1", "=cmd", -2.5, source: "+src") with { UnitName = "@evil" }]);
        var text = LongCsv.ToCsv(table);
        Assert.Contains("u1,\"'=cmd\",-2.5", text, StringComparison.Ordinal);
        Assert.Contains("\"'@evil\"", text, StringComparison.Ordinal);
        var back = LongCsv.Read(new StringReader(text)).Value!.Observations.Single();
        Assert.Equal(("=cmd", "@evil", "+src", -2.5), (back.IndicatorCode, back.UnitName, back.Source, back.Value));
    }

    [Fact]
    public void EveryResultCsvWriter_HostileUnitName_Neutralised()
    {
        var data = Dataset.Create(
            [Unit.Create("A", "=1+1"), Unit.Create("B", "Bravo"), Unit.Create("C", "Charlie")],
            ["i1", "i2", "i3"],
            new double[,] { { 0, 10, 5 }, { 5, 20, double.NaN }, { 10, 30, 15 } });
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), data);
        string[] outputs =
        [
            ResultCsv.ToLongCsv(result), ResultCsv.ToWideCsv(result), RankingTable.From(result).ToCsv(),
        ];
        Assert.All(outputs, csv =>
        {
            Assert.Contains("\"'=1+1\"", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",=1+1", csv, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("'=1+1", RankingTable.From(result).ToCsv(CsvInjectionPolicy.None), StringComparison.Ordinal);
    }
}
