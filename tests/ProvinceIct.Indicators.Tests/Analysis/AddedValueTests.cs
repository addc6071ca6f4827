using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class AddedValueTests
{
    [Fact]
    public void Compute_Tiny_CountsUnitsBeyondThreshold()
    {
        // Index ranks A 3, B 2, C 1. P1 ranks 3, 2, 1 (none differ). P2 = 0, -, 100: ranks 2, -, 1 -> A differs by 1.
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var av = AddedValue.Compute(result, threshold: 1);
        Assert.Equal(["P1", "P2"], av.Rows.Select(r => r.NodeCode).ToArray());
        Assert.Equal(0, av.Rows[0].UnitsDiffering);
        Assert.Equal(3, av.Rows[0].UnitsCompared);
        Assert.Equal(2, av.Rows[1].UnitsCompared);
        Assert.Equal(0.5, av.Rows[1].Share);
        Assert.Contains("| P2 | 2 | 2 | 1 | 50.0% |", av.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NamedNodes_ComparesThoseOnly()
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var av = AddedValue.Compute(result, 10, ["i1", "P2"]);
        Assert.Equal(["i1", "P2"], av.Rows.Select(r => r.NodeCode).ToArray());
        Assert.All(av.Rows, r => Assert.Equal(0, r.UnitsDiffering));
        Assert.Throws<KeyNotFoundException>(() => AddedValue.Compute(result, 10, ["nope"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AddedValue.Compute(result, 0));
    }

    [Fact]
    public void ToTable_TinyThresholdOne_OneRowPerNodeWithShare()
    {
        // P1: 3 compared, 0 differ (share 0); P2: A and C compared, A differs by 1 (share 1/2 = 0.5).
        var table = AddedValue.Compute(IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data()), threshold: 1).ToTable();
        Assert.Equal("added-value", table.Name);
        Assert.Equal("node,level,units_compared,units_differing,share\nP1,2,3,0,0\nP2,2,2,1,0.5\n", table.ToCsv());
        Snapshot.Match(table.ToText());
    }
}
