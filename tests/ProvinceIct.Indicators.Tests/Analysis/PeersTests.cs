using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class PeersTests
{
    [Fact]
    public void Find_TinyA_ScaledEuclideanDistances()
    {
        // A = (0, 100, 0), B = (50, 50, -), C = (100, 0, 100).
        // A-B over 2 shared of 3: sqrt((2500 + 2500) * 3 / 2) = sqrt(7500); A-C: sqrt(3 * 10000).
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var peers = Peers.Find(result, "A", 5);
        Assert.Equal(["B", "C"], peers.Rows.Select(p => p.Unit.Code).ToArray());
        AssertNumeric.Close(Math.Sqrt(7500), peers.Rows[0].Distance);
        Assert.Equal(2, peers.Rows[0].SharedIndicators);
        AssertNumeric.Close(Math.Sqrt(30000), peers.Rows[1].Distance);
        Assert.Equal("Peers of A Alpha: B, C", peers.ToString());
        Assert.Single(Peers.Find(result, "A", 1).Rows);
    }

    [Fact]
    public void Find_Embedded_ClosestFirst()
    {
        var result = Indicators.Presets.OpenReadiness2016.Compute();
        var peers = Peers.Find(result, result.Units[0].Code);
        Assert.Equal(5, peers.Rows.Length);
        Assert.DoesNotContain(peers.Rows, p => p.Unit.Code == result.Units[0].Code);
        Assert.True(peers.Rows.Zip(peers.Rows.Skip(1)).All(t => t.First.Distance <= t.Second.Distance));
        Assert.Contains("| unit | distance |", peers.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToTable_TinyA_CodeShownWithName()
    {
        // B: distance sqrt(7500) = 86.6025 (3 decimals 86.603), 2 shared, index 50 (rank 2); C: sqrt(30000) = 173.205, 3 shared, 250/3 (rank 1).
        var table = Peers.Find(IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data()), "A").ToTable();
        Assert.Equal(["unit", "distance", "shared", "index_score", "index_rank"], table.Columns.Select(c => c.Key));
        Assert.Equal(("B", "B Bravo"), (table[0, 0].TextValue, table[0, 0].Display));
        Assert.Contains("| B Bravo | 86.603 | 2 | 50.00 | 2 |", table.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("| C Charlie | 173.205 | 3 | 83.33 | 1 |", table.ToMarkdown(), StringComparison.Ordinal);
        Assert.StartsWith("unit,distance,shared,index_score,index_rank\nB,86.60254037844", table.ToCsv(), StringComparison.Ordinal);
    }
}
