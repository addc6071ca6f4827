using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Series;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class GroupRanksTests
{
    private static IndexResult FiveUnits()
    {
        static Unit U(string code, string? region) => Unit.Create(code, "Unit " + code, groups: region is null ? null : [KeyValuePair.Create("region", region)]);
        var data = Dataset.Create([U("A", "N"), U("B", "N"), U("C", "S"), U("D", "S"), U("E", null)], ["x"], new double[,] { { 1 }, { 2 }, { 3 }, { 4 }, { 5 } });
        return IndexCalculator.Compute(IndexSeriesTests.OneIndicator(), data);
    }

    [Fact]
    public void Compute_TwoRegions_RanksWithinEach()
    {
        // Overall E1 D2 C3 B4 A5; within N: B1 A2; within S: D1 C2; E has no region.
        var g = GroupRanks.Compute(FiveUnits(), "region");
        Assert.Equal([2.0, 1.0, 2.0, 1.0], new[] { "A", "B", "C", "D" }.Select(c => g.Rank(c)));
        Assert.True(double.IsNaN(g.Rank("E")));
        Assert.Equal(2, g.GroupSize("A"));
        Assert.Equal(0, g.GroupSize("E"));
        Assert.Equal(1, g.Rank("D", "x"));
        Assert.Equal("GroupRanks region: 2 groups, 5 units", g.ToString());
        var csv = g.ToTable().ToCsv().Split('\n');
        Assert.Equal("unit,name,group,rank_IDX,group_rank_IDX,rank_x,group_rank_x", csv[0]);
        Assert.Equal("A,Unit A,N,5,2,5,2", csv[1]);
    }

    [Fact]
    public void Compute_NoSuchGroup_ArgumentExceptionListingGroups()
    {
        var ex = Assert.Throws<ArgumentException>(() => GroupRanks.Compute(FiveUnits(), "province"));
        Assert.Contains("region", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Embedded2016ByRegion_GroupRankOneIsTheBestOverallInEachRegion()
    {
        var r = OpenReadiness2016.Compute();
        var g = GroupRanks.Compute(r, "region");
        foreach (var region in r.Units.GroupBy(u => u.Group("region")))
        {
            var best = region.MinBy(u => r.Rank(u.Code))!;
            Assert.Equal(1, g.Rank(best.Code));
            Assert.All(region, u => Assert.InRange(g.Rank(u.Code), 1, g.GroupSize(u.Code)));
            Assert.Equal(region.Count(), g.GroupSize(best.Code));
        }
    }
}
