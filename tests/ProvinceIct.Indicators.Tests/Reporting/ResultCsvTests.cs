using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class ResultCsvTests
{
    private static IndexResult Tiny() => IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());

    [Fact]
    public void ToLongCsv_Tiny_OneRowPerUnitAndNode()
    {
        var lines = ResultCsv.ToLongCsv(Tiny()).TrimEnd('\n').Split('\n');
        Assert.Equal("unit_code,unit_name,node_code,level,score,rank", lines[0]);
        Assert.Equal(1 + (3 * 6), lines.Length);
        Assert.Contains("B,Bravo,i3,1,,", lines);
        Assert.Contains("A,Alpha,IDX,3,16.666666666666668,3", lines);
        Assert.Contains("C,Charlie,P1,2,75,1", lines);
    }

    [Fact]
    public void ToWideCsv_Tiny_MatchesSnapshot() => Snapshot.Match(ResultCsv.ToWideCsv(Tiny()), "csv");
}
