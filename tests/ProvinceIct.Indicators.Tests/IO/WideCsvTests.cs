using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.IO;

public partial class WideCsvTests
{
    private static readonly WideCsvOptions Named = WideCsvOptions.Default with { SourceName = "data.csv" };

    private static ReadResult<Dataset> Read(string text, WideCsvOptions? options = null) =>
        WideCsv.Read(new StringReader(text), options ?? Named);

    private static Framework SmallFramework() => Framework.Create(
    [
        FrameworkNode.Aggregate("idx", "Index"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("lit", "Literacy", IndicatorKind.Percent), "idx"),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("pc", "Computers", IndicatorKind.Count), "idx"),
    ]);

    [Fact]
    public void Read_CoinrLayout_UnitsGroupsAndValues()
    {
        var ds = Read("uCode,uName,Group_Region,Time,lit,pc\n01,Hà Nội,DBSH,2016,98.7,1200\n02,\"Hà Giang, tỉnh\",TDMNPB,2016,75.8,\n").Value;
        Assert.Equal(["lit", "pc"], ds.IndicatorCodes.ToArray());
        Assert.Equal("Hà Giang, tỉnh", ds.Units[1].Name);
        Assert.Equal("DBSH", ds.Units[0].Group("Region"));
        Assert.Equal(98.7, ds.Value("01", "lit"));
        Assert.True(double.IsNaN(ds.Value("02", "pc")));
    }

    [Fact]
    public void Read_AlternativeHeadersAndOptionGroups_Recognised()
    {
        var ds = Read("unit_name,UNIT_CODE,region,x\nAn Giang,89,Mekong,1\n", Named with { GroupColumns = ["region"] }).Value;
        Assert.Equal("89", ds.Units[0].Code);
        Assert.Equal("An Giang", ds.Units[0].Name);
        Assert.Equal("Mekong", ds.Units[0].Group("region"));
        Assert.Equal(["x"], ds.IndicatorCodes.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("NaN")]
    [InlineData("..")]
    [InlineData(" NA ")]
    public void Read_MissingValueMarker_ReadAsNaN(string marker)
    {
        var ds = Read("uCode,v,w\nA," + marker + ",2\n").Value;
        Assert.True(double.IsNaN(ds.Value("A", "v")));
        Assert.Equal(2, ds.Value("A", "w"));
    }

    [Theory]
    [InlineData("1e3", 1000)]
    [InlineData("-0.5", -0.5)]
    [InlineData(" 12.25 ", 12.25)]
    [InlineData("+7", 7)]
    public void Read_InvariantNumbers_Parsed(string text, double expected) =>
        Assert.Equal(expected, Read("uCode,v\nA," + text + "\n").Value.Value("A", "v"));

    [Theory]
    [InlineData("12,5")]
    [InlineData("abc")]
    [InlineData("1.234.5")]
    [InlineData("n/a")]
    public void Read_NonNumericText_NotANumberNamingFileLineColumnUnitAndText(string text)
    {
        var r = Read("uCode,uName,lit\n01,Hà Nội,98\n02,Hà Giang,\"" + text + "\"\n");
        var p = Assert.Single(r.Report.Problems);
        Assert.Equal(ProblemCode.NotANumber, p.Code);
        Assert.Equal(("data.csv", 3, 3, "02", "lit", text), (p.Source, p.Row, p.Column, p.UnitCode, p.IndicatorCode, p.Found));
        Assert.Contains("'lit'", p.Message, StringComparison.Ordinal);
        Assert.Contains("'" + text + "'", p.Message, StringComparison.Ordinal);
        Assert.StartsWith("data.csv:3:3: [NotANumber]", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RaggedRow_ReportsLineAndCounts()
    {
        var p = Assert.Single(Read("uCode,a,b\nX,1,2\nY,1\n").Report.Problems);
        Assert.Equal(ProblemCode.RaggedRow, p.Code);
        Assert.Equal((3, "3 cells", "2 cells", "Y"), (p.Row!.Value, p.Expected, p.Found, p.UnitCode));
    }

    [Fact]
    public void Read_DuplicateHeader_Reported()
    {
        var p = Assert.Single(Read("uCode,a,a\nX,1,2\n").Report.Problems);
        Assert.Equal(ProblemCode.DuplicateHeader, p.Code);
        Assert.Equal((1, 3), (p.Row!.Value, p.Column!.Value));
    }

    [Fact]
    public void Read_TwoUnitCodeColumns_DuplicateHeader() =>
        Assert.Equal(ProblemCode.DuplicateHeader, Assert.Single(Read("uCode,unit_code,a\nX,Y,1\n").Report.Problems).Code);

    [Fact]
    public void Read_DuplicateUnitCode_ReportsBothFileLines()
    {
        var p = Assert.Single(Read("uCode,a\nX,1\nY,2\n\nX,3\n").Report.Problems);
        Assert.Equal(ProblemCode.DuplicateUnit, p.Code);
        Assert.Equal(5, p.Row);
        Assert.Equal("X", p.UnitCode);
        Assert.Contains("lines 2 and 5", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyUnitCode_MissingValue()
    {
        var p = Assert.Single(Read("uName,uCode,a\nNo code,,1\n").Report.Problems);
        Assert.Equal((ProblemCode.MissingValue, 2, 2), (p.Code, p.Row!.Value, p.Column!.Value));
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    public void Read_InfiniteValue_NonFiniteValueAtFileCell(string text)
    {
        var p = Assert.Single(Read("uCode,uName,a,b\nX,x,1,2\nY,y,3," + text + "\n").Report.Problems);
        Assert.Equal(ProblemCode.NonFiniteValue, p.Code);
        Assert.Equal(("data.csv", 3, 4, "Y", "b"), (p.Source, p.Row, p.Column, p.UnitCode, p.IndicatorCode));
    }

    [Fact]
    public void Read_MissingUnitCodeColumn_MissingColumn() =>
        Assert.Equal(ProblemCode.MissingColumn, Assert.Single(Read("code,a\nX,1\n").Report.Problems).Code);

    [Fact]
    public void Read_HeaderOnly_EmptyInput() =>
        Assert.Equal(ProblemCode.EmptyInput, Assert.Single(Read("uCode,a\n").Report.Problems).Code);

    [Fact]
    public void Read_SeveralTimes_UnsupportedInput()
    {
        var p = Assert.Single(Read("uCode,Time,a\nX,2016,1\nY,2017,2\n").Report.Problems);
        Assert.Equal(ProblemCode.UnsupportedInput, p.Code);
        Assert.Equal("2016, 2017", p.Found);
    }

    [Fact]
    public void Read_EmptyTrailingColumn_Ignored() =>
        Assert.Equal(["a"], Read("uCode,a,\nX,1,\nY,2,\n").Value.IndicatorCodes.ToArray());

    [Fact]
    public void Read_UnterminatedQuote_MalformedInputWithLine()
    {
        var p = Assert.Single(Read("uCode,a\nX,1\nY,\"2\n").Report.Problems);
        Assert.Equal((ProblemCode.MalformedInput, "data.csv", 3), (p.Code, p.Source, p.Row!.Value));
    }

    [Fact]
    public void Read_ManyProblems_AllReportedTogether()
    {
        var text = "uCode,uName,a,a,b\n" + // line 1: duplicate header (col 4)
                   "X,x,1,1,abc\n" +      // line 2: not a number (col 5)
                   "Y,y,1\n" +            // line 3: ragged
                   ",z,1,1,1\n" +         // line 4: empty code
                   "X,x2,1,1,1\n";        // line 5: duplicate unit
        var r = Read(text);
        Assert.Equal(
            [(ProblemCode.DuplicateHeader, 1), (ProblemCode.NotANumber, 2), (ProblemCode.RaggedRow, 3), (ProblemCode.MissingValue, 4), (ProblemCode.DuplicateUnit, 5)],
            r.Report.Problems.Select(p => (p.Code, p.Row!.Value)).ToArray());
        var ex = Assert.Throws<ValidationException>(() => WideCsv.Load(new StringReader(text), Named));
        Assert.Equal(5, ex.Report.Problems.Length);
        Assert.Contains("data.csv:2:5: [NotANumber]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithFramework_KindAndMissingColumnProblemsAtFileCells()
    {
        var r = Read("uCode,uName,lit\nX,x,99\nY,y,104.2\n", Named with { Framework = SmallFramework() });
        Assert.Equal(2, r.Report.Problems.Length);
        var range = r.Report.Problems.Single(p => p.Code == ProblemCode.ValueOutOfRange);
        Assert.Equal(("data.csv", 3, 3, "Y", "lit", "104.2"), (range.Source, range.Row, range.Column, range.UnitCode, range.IndicatorCode, range.Found));
        var missing = r.Report.Problems.Single(p => p.Code == ProblemCode.MissingIndicator);
        Assert.Equal(("pc", 1), (missing.IndicatorCode, missing.Row!.Value));
    }

    [Fact]
    public void Read_WithFrameworkAndDuplicateUnit_BothReported()
    {
        var r = Read("uCode,lit,pc\nX,1,2\nX,3,2\nY,101,2\n", Named with { Framework = SmallFramework() });
        Assert.Equal(
            [(ProblemCode.DuplicateUnit, 3, (int?)null), (ProblemCode.ValueOutOfRange, 4, 2)],
            r.Report.Problems.Select(p => (p.Code, p.Row!.Value, p.Column)).ToArray());
    }

    [Fact]
    public void Read_File_UsesPathAsSource()
    {
        var path = Path.Combine(Path.GetTempPath(), "wide-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "\uFEFFuCode,a\r\nX,abc\r\n", new System.Text.UTF8Encoding(false));
        try
        {
            var p = Assert.Single(WideCsv.Read(path).Report.Problems);
            Assert.Equal(path, p.Source);
            Assert.Throws<ValidationException>(() => WideCsv.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_ThenRead_IdenticalDataset()
    {
        var units = new[]
        {
            Unit.Create("01", "Hà Nội", "Ha Noi", [KeyValuePair.Create("Group_Region", "Đồng bằng sông Hồng")]),
            Unit.Create("02", "Tỉnh \"Hà Giang\", miền núi", null, [KeyValuePair.Create("Group_Region", "Trung du, miền núi"), KeyValuePair.Create("Group_Size", "S")]),
            Unit.Create("79", "TP Hồ Chí Minh\nHCMC"),
        };
        var ds = Dataset.Create(units, ["a", "b", "c"], new[,]
        {
            { 0.1 + 0.2, double.NaN, -0.0 },
            { 1e-300, 123456789.123456789, double.Epsilon },
            { double.MaxValue, double.NaN, 1.0 / 3 },
        });

        var text = WideCsv.ToCsv(ds);
        var back = WideCsv.Load(new StringReader(text));

        Assert.Equal(ds.Units, back.Units.ToArray());
        Assert.Equal(ds.IndicatorCodes, back.IndicatorCodes.ToArray());
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(ds[i, j]), BitConverter.DoubleToInt64Bits(back[i, j]));
            }
        }

        Assert.Equal(text, WideCsv.ToCsv(back));
    }

    [Fact]
    public void Write_Dataset_ExpectedText()
    {
        var ds = Dataset.Create([Unit.Create("01", "Hà Nội, thủ đô"), Unit.Create("02")], ["x", "y"], new[,] { { 1.5, double.NaN }, { 0.1, 2 } });
        Assert.Equal("uCode,uName,x,y\n01,\"Hà Nội, thủ đô\",1.5,\n02,02,0.1,2\n", WideCsv.ToCsv(ds));
    }

    [Fact]
    public void Save_ThenLoad_RoundTrips()
    {
        var ds = Dataset.Create([Unit.Create("01", "Hà Nội")], ["x"], new[,] { { 2.5 } });
        var path = Path.Combine(Path.GetTempPath(), "wide-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            WideCsv.Save(ds, path);
            var back = WideCsv.Load(path);
            Assert.Equal(ds.Units, back.Units.ToArray());
            Assert.Equal(2.5, back.Value("01", "x"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class WideCsvNumberCultureTests
{
    [Fact]
    public void Read_VietnameseNumberCulture_ThousandsDotAndDecimalComma()
    {
        var options = WideCsvOptions.Default with { Delimiter = ';', NumberCulture = NumberCulture.Vietnamese };
        var ds = WideCsv.Read(new StringReader("uCode;pc;spend\n70;3.339;15,875\n"), options).Value;
        Assert.Equal((3339.0, 15.875), (ds.Value("70", "pc"), ds.Value("70", "spend")));
    }

    [Fact]
    public void Read_DefaultCulture_DotIsDecimalPoint() =>
        Assert.Equal(3.339, WideCsv.Read(new StringReader("uCode,pc\n70,3.339\n")).Value.Value("70", "pc"));

    [Fact]
    public void Read_VietnameseMalformed_NotANumberWithVietnameseExpectation()
    {
        var options = WideCsvOptions.Default with { NumberCulture = NumberCulture.Vietnamese };
        var p = Assert.Single(WideCsv.Read(new StringReader("uCode,pc\n70,1.5\n"), options).Report.Problems);
        Assert.Equal(ProblemCode.NotANumber, p.Code);
        Assert.Contains("decimal comma", p.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CancelledWithManyRows_Throws()
    {
        // The row loop checks the token every 1,024 rows.
        var text = "uCode,pc\n" + string.Concat(Enumerable.Range(0, 2100).Select(i => $"u{i},1\n"));
        using var cts = new CancellationTokenSource();
        Assert.Equal(2100, WideCsv.Read(new StringReader(text), cancellation: cts.Token).Value.UnitCount);
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => WideCsv.Read(new StringReader(text), cancellation: cts.Token));
    }
}
