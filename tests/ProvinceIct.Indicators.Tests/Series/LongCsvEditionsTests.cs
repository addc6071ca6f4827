using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Tests.Series;

public sealed partial class LongCsvEditionsTests
{
    private static CsvTable Table(string text) => CsvTable.Read(new StringReader(text), "long.csv").GetValueOrThrow();

    [Fact]
    public void Read_TwoYears_OneDatasetPerYearAscending()
    {
        var text = "unit,indicator,value,year\nA,i1,3,2017\nA,i1,1,2016\nB,i1,2,2016\nA,i2,5,2016\n";
        var years = LongCsvEditions.Read(Table(text)).GetValueOrThrow();
        Assert.Equal([2016, 2017], years.Keys.ToArray());
        var d16 = years[2016];
        Assert.Equal(["A", "B"], d16.Units.Select(u => u.Code).ToArray());
        Assert.Equal(["i1", "i2"], d16.IndicatorCodes.ToArray());
        Assert.Equal(2.0, d16.Column("i1")[1]);
        Assert.True(double.IsNaN(d16.Column("i2")[1])); // B has no i2 in 2016: missing
        Assert.Equal(3.0, Assert.Single(years[2017].Column("i1").ToArray()));
    }

    [Theory]
    [InlineData("A,i1,1,20x6", ProblemCode.NotANumber)]
    [InlineData("A,i1,1,", ProblemCode.MissingValue)]
    [InlineData("A,i1,1,1800", ProblemCode.ValueOutOfRange)]
    public void Read_BadYear_ProblemAtLineAndYearColumn(string row, ProblemCode expected)
    {
        var read = LongCsvEditions.Read(Table("unit,indicator,value,year\nB,i1,2,2016\n" + row + "\n"));
        Assert.False(read.Success);
        var p = Assert.Single(read.Report.Problems);
        Assert.Equal(expected, p.Code);
        Assert.Equal("long.csv", p.Source);
        Assert.Equal(3, p.Row);
        Assert.Equal(4, p.Column);
    }

    [Fact]
    public void Read_YearWithOnlyMissingValues_EmptyInputAtItsFirstLine()
    {
        var read = LongCsvEditions.Read(Table("unit,indicator,value,year\nA,i1,1,2016\nA,i1,NA,2017\nB,i1,,2017\n"));
        var p = Assert.Single(read.Report.Problems);
        Assert.Equal(ProblemCode.EmptyInput, p.Code);
        Assert.Equal((3, 3), (p.Row, p.Column));
        Assert.Contains("2017", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoYearColumn_MissingColumnAtHeader()
    {
        var p = Assert.Single(LongCsvEditions.Read(Table("unit,indicator,value\nA,i1,1\n")).Report.Problems);
        Assert.Equal((ProblemCode.MissingColumn, 1), (p.Code, p.Row));
    }

    [Fact]
    public void Read_HeaderOnly_EmptyInput()
    {
        var p = Assert.Single(LongCsvEditions.Read(Table("unit,indicator,value,year\n")).Report.Problems);
        Assert.Equal(ProblemCode.EmptyInput, p.Code);
    }

    [Fact]
    public void Read_SeveralProblems_AllReported()
    {
        // line 2: empty year; line 3: duplicate of line 4's unit, indicator and year; line 5: year out of range
        var read = LongCsvEditions.Read(Table("unit,indicator,value,year\nA,i1,1,\nA,i1,1,2016\nA,i1,2,2016\nB,i1,3,2300\n"));
        Assert.Equal([ProblemCode.MissingValue, ProblemCode.ValueOutOfRange, ProblemCode.DuplicateObservation], read.Report.Problems.Select(p => p.Code));
        Assert.Equal([2, 5, 4], read.Report.Problems.Select(p => p.Row ?? 0));
    }
}
