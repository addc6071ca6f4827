using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Calculation;

public class WeightingMethodTests
{
    // a, b, c under P; d under Q; index IDX = {P, Q}. Columns as in PcaWeightsTests (R reference values there).
    private static (Methodology Methodology, Dataset Data) Abcd(string second = "b", string third = "c")
    {
        FrameworkNode Ind(string code, string parent) => FrameworkNode.ForIndicator(IndicatorDefinition.Create(code, code, IndicatorKind.Real), parent);
        var fw = Framework.Create([Ind("a", "P"), Ind(second, "P"), Ind(third, "P"), Ind("e", "Q"),
            FrameworkNode.Aggregate("P", "P", "IDX"), FrameworkNode.Aggregate("Q", "Q", "IDX"), FrameworkNode.Aggregate("IDX", "Index")]);
        var units = Enumerable.Range(1, 6).Select(i => Unit.Create("U" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var cols = new Dictionary<string, double[]>
        {
            ["a"] = [1, 2, 3, 4, 5, 6],
            ["b"] = [2, 1, 4, 3, 6, 5],
            ["c"] = [1, 3, 2, 5, 4, 7],
            ["d"] = [6, 1, 5, 2, 4, 3],
            ["e"] = [3, 1, 2, 6, 5, 4],
        };
        return (Methodology.Create("abcd", "ABCD", fw), Dataset.FromColumns(units, cols));
    }

    [Theory]
    [InlineData("nominal", "nominal")]
    [InlineData("equal", "equal")]
    [InlineData("pca", "pca(squared-loadings)")]
    [InlineData("PCA( squared-loadings )", "pca(squared-loadings)")]
    [InlineData("pca(loadings)", "pca(loadings)")]
    [InlineData("ahp(3, 0.5, 2)", "ahp(3,0.5,2)")]
    [InlineData("optimised", "optimised")]
    [InlineData("optimized(1,1,2)", "optimised(1,1,2)")]
    [InlineData("optimised(tolerance=1e-8, iterations=200)", "optimised(tolerance=1E-08,iterations=200)")]
    [InlineData("optimised(1,2,tolerance=0.001)", "optimised(1,2,tolerance=0.001)")]
    public void ParseAndToString_CanonicalText_RoundTrips(string text, string canonical)
    {
        var method = WeightingText.Parse(text);
        Assert.Equal(canonical, method.ToString());
        Assert.Equal(method, WeightingText.Parse(canonical));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("pca(raw)")]
    [InlineData("ahp")]
    [InlineData("ahp(3,5)")]
    [InlineData("ahp(0,1,1)")]
    [InlineData("optimised(0)")]
    [InlineData("optimised(iterations=0)")]
    [InlineData("optimised(speed=2)")]
    [InlineData("equal(1)")]
    [InlineData("pca(loadings")]
    public void Parse_Invalid_FormatExceptionSayingWhat(string text) =>
        Assert.Contains(text.Split('(')[0], Assert.Throws<FormatException>(() => WeightingText.Parse(text)).Message, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Cases_Properties_GetOnlyAndValidated()
    {
        Assert.Equal(PcaWeightDefinition.Loadings, PcaWeighting.Of(PcaWeightDefinition.Loadings).Definition);
        Assert.Equal([3.0, 5, 2], AhpWeighting.Create(3, 5, 2).Judgements.ToArray());
        var ahp = Assert.Throws<ValidationException>(() => AhpWeighting.Create(3, 5));
        Assert.Equal(ProblemCode.InvalidParameter, ahp.Code);
        Assert.Equal("2 judgements", ahp.Report.Problems[0].Found);
        var tolerance = Assert.Throws<ValidationException>(() => OptimisedWeighting.Create(tolerance: 0));
        Assert.Equal("optimised: tolerance must be a finite number above zero, found 0.", tolerance.Report.Problems[0].Message);
        var parsed = Assert.Throws<FormatException>(() => WeightingText.Parse("optimised(tolerance=-1)"));
        Assert.Equal("Weighting 'optimised(tolerance=-1)': optimised: tolerance must be a finite number above zero, found -1.", parsed.Message);
        Assert.Equal(OptimisedWeighting.Balanced, OptimisedWeighting.Create());
        Assert.False(AhpWeighting.Create(3).AppliesToWholeIndex);
    }

    [Fact]
    public void Compute_EqualForWholeIndex_EveryAggregateEquallyWeighted()
    {
        // TinyIndex: min-max gives i1 = (0, 50, 100), i2 (negative) = (100, 50, 0), i3 = (0, -, 100).
        // Equal weights: P1 = (50, 50, 50); P2 = (0, -, 100); IDX = ((50 + 0) / 2, 50, (50 + 100) / 2) = (25, 50, 75).
        var m = TinyIndex.Methodology().WithWeighting(EqualWeighting.Instance);
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        AssertNumeric.Close([50, 50, 50], r.Scores("P1").ToArray(), 1e-12);
        AssertNumeric.Close([25, 50, 75], r.Scores("IDX").ToArray(), 1e-12);
        Assert.Equal(["P1", "P2", "IDX"], r.Log.DerivedWeights.Select(d => d.NodeCode).ToArray());
        Assert.Equal("P1 weighted by equal: i1=1.0000, i2=1.0000", r.Log.DerivedWeights[0].ToString());
        Assert.Contains("weights: IDX weighted by equal: P1=1.0000, P2=1.0000", r.Log.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, r.Methodology.Framework["i1"].Weight); // the derived weights are in the result's framework
    }

    [Fact]
    public void Compute_NodeOverride_NominalExemptsOneNode()
    {
        // Whole index equal, but P1 keeps its nominal 3 : 1: P1 = (0.75 * 0 + 0.25 * 100, 50, 0.75 * 100 + 0.25 * 0) = (25, 50, 75).
        var m = TinyIndex.Methodology().WithWeighting(EqualWeighting.Instance).WithWeighting("P1", NominalWeighting.Instance);
        Assert.Same(NominalWeighting.Instance, m.WeightingFor("P1"));
        Assert.Same(EqualWeighting.Instance, m.WeightingFor("IDX"));
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        AssertNumeric.Close([25, 50, 75], r.Scores("P1").ToArray(), 1e-12);
        Assert.DoesNotContain(r.Log.DerivedWeights, d => d.NodeCode == "P1");
        Assert.EndsWith("; weights equal, P1: nominal", m.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AhpOnOneNode_SaatyWeights()
    {
        // Two children, a_12 = 3: the eigenvector is (3, 1) / 4, the nominal 3 : 1, so P1 = (25, 50, 75) again; CR 0.
        var fw = Framework.Create(TinyIndex.Framework().Nodes.Select(n => n.ParentCode == "P1" ? n with { Weight = 1 } : n));
        var m = TinyIndex.Methodology(fw).WithWeighting("P1", AhpWeighting.Create(3));
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        AssertNumeric.Close([25, 50, 75], r.Scores("P1").ToArray(), 1e-12);
        AssertNumeric.Close([0.75, 0.25], r.Log.DerivedWeights.Single().Weights, 1e-12);
        Assert.Equal("CR 0.000", r.Log.DerivedWeights.Single().Detail);
    }

    [Fact]
    public void WithWeighting_AhpForWholeIndexOrWrongSize_ValidationException()
    {
        var m = TinyIndex.Methodology();
        Assert.Throws<ValidationException>(() => m.WithWeighting(AhpWeighting.Create(3)));
        var ex = Assert.Throws<ValidationException>(() => m.WithWeighting("P1", AhpWeighting.Create(3, 5, 2)));
        Assert.Contains("P1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ValidationException>(() => m.WithWeighting("i1", EqualWeighting.Instance));
        Assert.Throws<ValidationException>(() => m.WithWeighting("nope", EqualWeighting.Instance));
        Assert.Throws<ValidationException>(() => m.WithWeighting("P1", OptimisedWeighting.Create([1, 2, 3])));
    }

    [Fact]
    public void Compute_PcaLoadingsOnNode_CoinrWeights()
    {
        // Min-max is linear, so PCA of the normalised children equals R's prcomp on the raw columns (PcaWeightsTests).
        var (m, d) = Abcd();
        var r = IndexCalculator.Compute(m.WithWeighting("P", PcaWeighting.Loadings), d);
        var derived = r.Log.DerivedWeights.Single();
        Assert.Equal(PcaWeighting.Loadings, derived.Method);
        AssertNumeric.Close([0.63276548323080495, 0.53753206780625584, 0.55737520514606376], derived.Weights, 1e-12);
        Assert.StartsWith("PC1 explains 83.0%", derived.Detail, StringComparison.Ordinal); // 2.4885 / 3
        var squared = IndexCalculator.Compute(m.WithWeighting("P", PcaWeighting.SquaredLoadings), d).Log.DerivedWeights.Single();
        AssertNumeric.Close([0.40039215676831408, 0.28894072392006925, 0.31066711931161667], squared.Weights, 1e-12);
    }

    [Fact]
    public void Compute_PcaLoadingsNegative_CalculationExceptionNamingNodeAndChild()
    {
        // R: loadings of (a, c, d) are 0.603, 0.664, -0.442: d would get a negative weight.
        var (m, d) = Abcd("c", "d");
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m.WithWeighting("P", PcaWeighting.Loadings), d));
        Assert.Equal("P", ex.NodeCode);
        Assert.Equal("d", ex.ChildCode);
        Assert.Contains("pca(squared-loadings)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MethodologyJson_Weighting_RoundTripsAndOldFilesRead()
    {
        var m = TinyIndex.Methodology().WithWeighting(PcaWeighting.SquaredLoadings).WithWeighting("P1", OptimisedWeighting.Create([1, 2]));
        var json = MethodologyJson.Serialize(m);
        Assert.Contains("\"weighting\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"method\": \"pca(squared-loadings)\"", json, StringComparison.Ordinal);
        Assert.Contains("\"node\": \"P1\",", json, StringComparison.Ordinal);
        var back = MethodologyJson.Deserialize(json);
        Assert.Equal(PcaWeighting.SquaredLoadings, back.Weighting);
        Assert.Equal("optimised(1,2)", back.WeightingFor("P1")!.ToString());
        Assert.Equal(json, MethodologyJson.Serialize(back));

        var old = MethodologyJson.Serialize(TinyIndex.Methodology());
        Assert.DoesNotContain("weighting", old, StringComparison.Ordinal);
        Assert.Null(MethodologyJson.Deserialize(old).Weighting);
    }

    [Fact]
    public void MethodologyJson_BadWeighting_ProblemAtPath()
    {
        var json = MethodologyJson.Serialize(TinyIndex.Methodology().WithWeighting(EqualWeighting.Instance)).Replace("\"equal\"", "\"pca(raw)\"", StringComparison.Ordinal);
        var read = MethodologyJson.Read(json);
        Assert.False(read.Success);
        Assert.Contains(read.Report.Problems, p => p.Path == "$.weighting[0].method" && p.Found == "pca(raw)");
    }
}
