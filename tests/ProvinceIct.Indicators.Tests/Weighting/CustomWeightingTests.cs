using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public class CustomWeightingTests
{
    /// <summary>A user rule: each child weighs the number of units with a score on it (coverage weighting).</summary>
    private sealed record Coverage() : CustomWeighting(MethodCall.Create("coverage"))
    {
        protected override IReadOnlyList<double> Weigh(string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<double[]> childScores) =>
            childScores.Select(c => (double)c.Count(x => !double.IsNaN(x))).ToArray();
    }

    /// <summary>A broken rule: the given weights, whatever the children.</summary>
    private sealed record Fixed(double[] Weights) : CustomWeighting(MethodCall.Create("fixed"))
    {
        protected override IReadOnlyList<double> Weigh(string nodeCode, IReadOnlyList<string> childCodes, IReadOnlyList<double[]> childScores) => Weights;
    }

    private static MethodRegistry Registry() => MethodRegistry.Default.WithWeighting("coverage", a =>
    {
        a.EnsureAllRead();
        return new Coverage();
    });

    [Fact]
    public void Compute_UserWeighting_WeightsChildrenByItsRule()
    {
        // TinyIndex min-max: i1 = (0, 50, 100), i2 (negative) = (100, 50, 0), i3 = (0, -, 100).
        // Coverage: P1's children both have 3 scores (P1 = 50, 50, 50); IDX: P1 has 3, P2 has 2 (B has none),
        // so IDX = (3 * 50 + 2 * 0) / 5 = 30 for A, 50 for B (P2 missing), (3 * 50 + 2 * 100) / 5 = 70 for C.
        var r = IndexCalculator.Compute(TinyIndex.Methodology().WithWeighting(new Coverage()), TinyIndex.Data());
        AssertNumeric.Close([50, 50, 50], r.Scores("P1").ToArray(), 1e-12);
        AssertNumeric.Close([30, 50, 70], r.Scores("IDX").ToArray(), 1e-12);
        Assert.Equal("IDX weighted by coverage: P1=3.0000, P2=2.0000", r.Log.DerivedWeights[2].ToString());
    }

    [Fact]
    public void Compute_NegativeWeight_CalculationExceptionNamingNodeAndChild()
    {
        var m = TinyIndex.Methodology().WithWeighting("P1", new Fixed([1, -2]));
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, TinyIndex.Data()));
        Assert.Equal(("P1", "i2", -2.0), (ex.NodeCode, ex.ChildCode, ex.Value));
        Assert.Equal("Weighting 'fixed' of node 'P1' gave child 'i2' the weight -2; a weight must be finite and at or above zero.", ex.Message);
    }

    [Fact]
    public void Compute_WrongWeightCount_CalculationException()
    {
        var m = TinyIndex.Methodology().WithWeighting("P1", new Fixed([1]));
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, TinyIndex.Data()));
        Assert.Contains("returned 1 weights for 2 children", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ZeroSum_CalculationException()
    {
        var m = TinyIndex.Methodology().WithWeighting("P1", new Fixed([0, 0]));
        Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, TinyIndex.Data()));
    }

    [Fact]
    public void MethodologyJson_UserWeighting_RoundTripsThroughTheRegistry()
    {
        var json = MethodologyJson.Serialize(TinyIndex.Methodology().WithWeighting("IDX", new Coverage()));
        Assert.Contains("\"coverage\"", json, StringComparison.Ordinal);
        var back = MethodologyJson.Deserialize(json, Registry());
        Assert.Equal(new Coverage(), back.WeightingFor("IDX"));
    }

    [Fact]
    public void MethodologyJson_UserWeightingWithoutRegistry_UnknownValueAtItsPath()
    {
        var json = MethodologyJson.Serialize(TinyIndex.Methodology().WithWeighting("IDX", new Coverage()));
        var read = MethodologyJson.Read(json, "m.json");
        var problem = Assert.Single(read.Report.Problems);
        Assert.Equal((ProblemCode.UnknownValue, "$.weighting[0].method", "coverage"), (problem.Code, problem.Path, problem.Found));
        Assert.Contains("ahp", problem.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void WithWeighting_KnownName_Throws() =>
        Assert.Throws<ArgumentException>(() => MethodRegistry.Default.WithWeighting("pca", _ => new Coverage()));

    [Fact]
    public void Read_UserWeighting_FromRegistryOnly()
    {
        Assert.Equal(new Coverage(), Registry().Parse<WeightingMethod>("coverage"));
        Assert.Contains("coverage", Registry().Names<WeightingMethod>());
        Assert.DoesNotContain("coverage", MethodRegistry.Default.Names<WeightingMethod>());
        Assert.Equal(ProblemCode.InvalidParameter, Registry().Read<WeightingMethod>("coverage(2)").Report.Problems[0].Code);
    }
}
