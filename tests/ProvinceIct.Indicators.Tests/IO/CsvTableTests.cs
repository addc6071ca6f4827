using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.IO;

public partial class CsvTableTests
{
    private static CsvTable Parse(string text) => CsvTable.Parse(text, "t.csv").Value;

    [Fact]
    public void Parse_QuotedFieldsWithCommasQuotesAndNewlines_Unquoted()
    {
        var t = Parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,p,q\n");
        Assert.Equal(["a", "b", "c"], t.Header.Fields.ToArray());
        Assert.Equal(3, t.Rows.Length);
        Assert.Equal(["1", "x, y", "say \"hi\""], t.Rows[0].Fields.ToArray());
        Assert.Equal(["2", "two\nlines", "z"], t.Rows[1].Fields.ToArray());
        Assert.Equal(2, t.Rows[0].Line);
        Assert.Equal(3, t.Rows[1].Line);
        Assert.Equal(5, t.Rows[2].Line); // the quoted newline takes a physical line
    }

    [Fact]
    public void Parse_BomAndCrlf_SameAsPlainLf()
    {
        var plain = Parse("uCode,v\n01,1.5\n02,\n");
        var bom = Parse("\uFEFFuCode,v\r\n01,1.5\r\n02,\r\n");
        Assert.Equal(plain.Header.Fields, bom.Header.Fields.ToArray());
        Assert.Equal(plain.Rows.ToArray(), bom.Rows.ToArray());
        Assert.Equal("uCode", bom.Header[0]);
    }

    [Fact]
    public void Parse_CrlfInsideQuotes_KeptAndLinesCounted()
    {
        var t = Parse("a,b\r\n\"l1\r\nl2\",x\r\ny,z");
        Assert.Equal("l1\r\nl2", t.Rows[0][0]);
        Assert.Equal(4, t.Rows[1].Line);
        Assert.Equal(["y", "z"], t.Rows[1].Fields.ToArray());
    }

    [Fact]
    public void Parse_EmptyLinesAndTrailingDelimiter_SkippedAndEmptyField()
    {
        var t = Parse("a,b\n\n1,\n\n2,3");
        Assert.Equal(2, t.Rows.Length);
        Assert.Equal(["1", ""], t.Rows[0].Fields.ToArray());
        Assert.Equal(3, t.Rows[0].Line);
        Assert.Equal(5, t.Rows[1].Line);
    }

    [Fact]
    public void Parse_FileEndingWithDelimiter_LastFieldEmpty() =>
        Assert.Equal(["1", ""], Parse("a,b\n1,").Rows[0].Fields.ToArray());

    [Fact]
    public void Parse_UnterminatedQuote_MalformedInputWithLine()
    {
        var r = CsvTable.Parse("a,b\n1,2\n3,\"open\n4,5\n", "bad.csv");
        Assert.False(r.Success);
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Equal(3, p.Row);
        Assert.Equal(2, p.Column);
        Assert.StartsWith("bad.csv:3:2: [MalformedInput]", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextAfterClosingQuote_MalformedInput()
    {
        var r = CsvTable.Parse("a,b\n\"x\"y,2\n", "bad.csv");
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Equal(2, p.Row);
        Assert.Equal("y", p.Found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\r\n")]
    public void Parse_Empty_EmptyInput(string text)
    {
        var r = CsvTable.Parse(text);
        Assert.Equal(ProblemCode.EmptyInput, Assert.Single(r.Report.Problems).Code);
        Assert.Throws<ValidationException>(() => r.Value);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData("Hà Nội", "Hà Nội")]
    public void FormatField_QuotesOnlyWhenNeeded(string field, string expected) =>
        Assert.Equal(expected, CsvTable.FormatField(field));

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        string[][] rows = [["h1", "h2", "h3"], ["a,b", "\"q\"", "x\r\ny"], ["", "", ""], ["Đắk Lắk", " sp ", "z"]];
        var w = new StringWriter();
        CsvTable.Write(w, rows);
        var t = Parse(w.ToString());
        Assert.Equal(rows[0], t.Header.Fields.ToArray());
        Assert.Equal(rows.Skip(1).Select(r => r.ToList()), t.Rows.Select(r => r.Fields.ToList()));
    }

    [Fact]
    public void Write_SingleEmptyField_WrittenAsQuotes()
    {
        var w = new StringWriter();
        CsvTable.Write(w, [["h"], [""]]);
        Assert.Equal("h\n\"\"\n", w.ToString());
        Assert.Equal([""], Parse(w.ToString()).Rows[0].Fields.ToArray());
    }

    [Fact]
    public void ToString_Table_ShowsShape() =>
        Assert.Equal("CsvTable t.csv: 2 columns x 1 rows", Parse("a,b\n1,2").ToString());

    [Fact]
    public void Parse_QuotedFieldAcrossTheReadBlocks_ReadWholeAndLinesCounted()
    {
        // The reader takes its input in blocks of 32,768 characters: a quoted field with a doubled quote, a delimiter and
        // a line break inside, placed so that each of its parts in turn falls on the end of a block.
        var inside = "a\"\"b,\r\nc" + new string('x', 40) + "\"\"";
        for (var padding = 32_740; padding <= 32_770; padding++)
        {
            var text = "h1,h2\n" + new string('p', padding) + ",\"" + inside + "\"\nq,\"r\"\n";
            var table = Parse(text);
            Assert.Equal("a\"b,\r\nc" + new string('x', 40) + "\"", table.Rows[0][1]);
            Assert.Equal((2, 4), (table.Rows[0].Line, table.Rows[1].Line));
            Assert.Equal(["q", "r"], table.Rows[1].Fields.ToArray());
        }
    }
}
