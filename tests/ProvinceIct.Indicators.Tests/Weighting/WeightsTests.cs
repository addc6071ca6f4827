using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public partial class WeightsTests
{
    [Fact]
    public void EffectiveWeights_TinyIndex_MatchesHandCalculation()
    {
        var t = Weights.EffectiveWeights(TinyIndex.Framework());
        // P1 w=2, P2 w=1 under IDX: 2/3 and 1/3. i1 w=3, i2 w=1 under P1: 3/4 and 1/4.
        AssertNumeric.Close(1, t.Effective("IDX"));
        AssertNumeric.Close(2.0 / 3, t.Effective("P1"));
        AssertNumeric.Close(1.0 / 3, t.Effective("P2"));
        AssertNumeric.Close(0.75, t["i1"].Relative);
        AssertNumeric.Close(0.5, t.Effective("i1"));          // 3/4 * 2/3
        AssertNumeric.Close(1.0 / 6, t.Effective("i2"));      // 1/4 * 2/3
        AssertNumeric.Close(1.0 / 3, t.Effective("i3"));      // 1 * 1/3
        AssertNumeric.Close(1, t.Indicators.Sum(r => r.Effective));
        Assert.Equal(["IDX", "P1", "i1", "i2", "P2", "i3"], t.Rows.Select(r => r.Code));
    }

    [Fact]
    public void EffectiveWeights_AgreesWithFrameworkEffectiveWeight()
    {
        var fw = TinyIndex.Framework();
        var t = Weights.EffectiveWeights(fw);
        foreach (var n in fw.Nodes)
        {
            AssertNumeric.Close(fw.EffectiveWeight(n.Code), t.Effective(n.Code), 1e-15, n.Code);
        }
    }

    [Fact]
    public void EffectiveWeights_ZeroWeightPillar_ZeroesItsSubtree()
    {
        var t = Weights.EffectiveWeights(TinyIndex.Framework().WithWeight("P2", 0));
        Assert.Equal(0, t.Effective("i3"));
        AssertNumeric.Close(0.75, t.Effective("i1"));
        AssertNumeric.Close(1, t.Indicators.Sum(r => r.Effective));
    }

    [Fact]
    public void Equal_TinyIndex_SetsEveryWeightToOne()
    {
        var fw = Weights.Equal(TinyIndex.Framework());
        Assert.All(fw.Nodes, n => Assert.Equal(1, n.Weight));
        AssertNumeric.Close(0.25, fw.EffectiveWeight("i1")); // 1/2 * 1/2
        Assert.Equal(Direction.Negative, fw["i2"].Direction);
    }

    [Fact]
    public void Nominal_TinyIndex_GivesWeightsWithoutRoot()
    {
        var w = Weights.Nominal(TinyIndex.Framework());
        Assert.Equal(5, w.Count);
        Assert.False(w.ContainsKey("IDX"));
        Assert.Equal(3, w["i1"]);
        Assert.Equal(2, w["P1"]);
    }

    [Fact]
    public void Apply_NominalOfOther_RoundTrips()
    {
        var tiny = TinyIndex.Framework();
        var back = Weights.Apply(Weights.Equal(tiny), Weights.Nominal(tiny));
        Assert.Equal(tiny.Nodes.Select(n => n.Weight), back.Nodes.Select(n => n.Weight));
    }

    [Fact]
    public void Apply_InvalidWeights_ReportsEveryProblem()
    {
        var ex = Assert.Throws<ValidationException>(() => Weights.Apply(TinyIndex.Framework(), [new("i1", -1), new("i3", double.NaN)]));
        Assert.Contains(ex.Report.Problems, p => p.Code == ProblemCode.NegativeWeight && p.IndicatorCode == "i1");
        Assert.Contains(ex.Report.Problems, p => p.Code == ProblemCode.NonFiniteWeight && p.IndicatorCode == "i3");
    }

    [Fact]
    public void Apply_UnknownNode_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => Weights.Apply(TinyIndex.Framework(), [new("nope", 1)]));
}
