using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class StrengthsAndWeaknessesTests
{
    [Fact]
    public void For_TinyA_BestAndWorstByRank()
    {
        // A: i1 = 0 (rank 3), i2 = 100 (rank 1), i3 = 0 (rank 2 of 2); P1 = 25 (rank 3), P2 = 0 (rank 2).
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var sw = StrengthsAndWeaknesses.For(result, "A", 1, TinyIndex.Data());
        Assert.Equal("i2", sw.Strengths.Single().NodeCode);
        Assert.Equal("i1", sw.Weaknesses.Single().NodeCode);
        Assert.Equal("P2", sw.PillarStrengths.Single().NodeCode);
        Assert.Equal("P1", sw.PillarWeaknesses.Single().NodeCode);
        var i1 = sw.Weaknesses[0];
        Assert.Equal(0, i1.RawValue);
        Assert.Equal(0, i1.Score);
        Assert.Equal(3, i1.Rank);
        Assert.Equal(50, i1.MedianScore);   // median of 0, 50, 100
        Assert.Equal(5, i1.MedianRaw);      // median of 0, 5, 10
        Assert.True(double.IsNaN(i1.GroupMedianScore)); // tiny units have no region
        Assert.Null(sw.Group);
        Assert.Equal("StrengthsAndWeaknesses A Alpha: best i2; worst i1", sw.ToString());
    }

    [Fact]
    public void For_MissingIndicator_LeftOut()
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var sw = StrengthsAndWeaknesses.For(result, "B", 3);
        Assert.DoesNotContain(sw.Strengths, s => s.NodeCode == "i3");
        Assert.Equal(2, sw.Strengths.Length);
        Assert.True(double.IsNaN(sw.Strengths[0].RawValue));
    }

    [Fact]
    public void For_EmbeddedProvince_HasRegionMedians()
    {
        var result = Indicators.Presets.OpenReadiness2016.Compute();
        var unit = result.Ranking[0].Unit.Code;
        var sw = StrengthsAndWeaknesses.For(result, unit, 3, Indicators.Presets.OpenReadiness2016.Dataset);
        Assert.NotNull(sw.Group);
        Assert.Equal(3, sw.Strengths.Length);
        Assert.All(sw.Strengths, s => Assert.False(double.IsNaN(s.GroupMedianScore)));
        Assert.True(sw.Strengths[0].Rank <= sw.Strengths[2].Rank);
        Assert.True(sw.Weaknesses[0].Rank >= sw.Weaknesses[2].Rank);
        Assert.Contains("Strengths (pillars)", sw.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void For_BadArguments_Throw()
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Throws<KeyNotFoundException>(() => StrengthsAndWeaknesses.For(result, "Z"));
        Assert.Throws<ArgumentOutOfRangeException>(() => StrengthsAndWeaknesses.For(result, "A", 0));
    }

    [Fact]
    public void ToTable_TinyA_FourPartsInOneLongTable()
    {
        // k = 1: i2 (strength), i1 (weakness), P2 (pillar strength), P1 (pillar weakness); i1 raw 0, score 0, rank 3, median 50.
        var sw = StrengthsAndWeaknesses.For(IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data()), "A", 1, TinyIndex.Data());
        var table = sw.ToTable();
        Assert.Equal(["Strengths (indicators)", "Weaknesses (indicators)", "Strengths (pillars)", "Weaknesses (pillars)"], table.Rows.Select(r => r[0].TextValue));
        Assert.Equal(["i2", "i1", "P2", "P1"], table.Rows.Select(r => r[1].TextValue));
        Assert.Equal((0.0, 0.0, 3.0, 50.0), (table[1, 2].NumberValue, table[1, 3].NumberValue, table[1, 4].NumberValue, table[1, 5].NumberValue));
        Assert.Equal("Strengths and weaknesses of A Alpha", table.Title);
        Assert.Contains("\n\nWeaknesses (indicators)\n\n| node | raw | score | rank |", sw.ToMarkdown(), StringComparison.Ordinal);
    }
}
