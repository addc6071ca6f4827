using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Tests.Series;

public sealed partial class LongCsvEditionsTests
{
    [Fact]
    public void Read_GroupColumn_EachUnitTakesItsGroupOfThatYear()
    {
        var text = "unit,indicator,value,year,Group_region\nA,x,1,2019,North\nA,y,2,2019,North\nB,x,3,2019,South\nB,y,4,2019,South\nB,x,4,2020,\nB,y,4,2020,NA\nA,x,5,2020,Centre\nA,y,5,2020,Centre\n";
        var years = LongCsvEditions.Read(Table(text)).GetValueOrThrow();
        Assert.Equal(("North", "South"), (years[2019].Units.Single(u => u.Code == "A").Group("region"), years[2019].Units.Single(u => u.Code == "B").Group("region")));
        Assert.Equal("Centre", years[2020].Units.Single(u => u.Code == "A").Group("region"));
        Assert.Null(years[2020].Units.Single(u => u.Code == "B").Group("region")); // empty and NA are no group
        Assert.Equal(5.0, years[2020].Value("A", "x")); // the values are unchanged
    }

    [Fact]
    public void Read_TwoGroupValuesForOneUnitAndYear_ProblemAtTheSecondRow()
    {
        var read = LongCsvEditions.Read(Table("unit,indicator,value,year,Group_region\nA,x,1,2019,North\nA,y,2,2019,South\n"));
        Assert.False(read.Success);
        var p = Assert.Single(read.Report.Problems);
        Assert.Equal((ProblemCode.MalformedInput, 3, 5, "A", "South"), (p.Code, p.Row!.Value, p.Column!.Value, p.UnitCode, p.Found));
        Assert.Contains("'North' on line 2 and 'South' on line 3", p.Message, StringComparison.Ordinal);
    }
}
