using MathNet.Numerics.Statistics;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public class OptimisedWeightsTests
{
    /// <summary>
    /// 120 units; a and b share a common factor (correlated), c is independent; pillar P = {a, b, c}, index = {P, Q},
    /// Q = {d, e}. At equal weights a and b dominate P, c correlates less with it.
    /// </summary>
    private static (Methodology Methodology, Dataset Data) Synthetic()
    {
        var rng = new Random(42);
        const int n = 120;
        var units = Enumerable.Range(0, n).Select(i => Unit.Create("U" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var f = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        double[] Noise(double s) => Enumerable.Range(0, n).Select(_ => s * rng.NextDouble()).ToArray();
        var na = Noise(0.5);
        var nb = Noise(0.5);
        var cols = new Dictionary<string, double[]>
        {
            ["a"] = f.Select((x, i) => x + na[i]).ToArray(),
            ["b"] = f.Select((x, i) => x + nb[i]).ToArray(),
            ["c"] = Noise(1),
            ["d"] = Noise(1),
            ["e"] = Noise(1),
        };
        cols["a"][3] = double.NaN; // one missing value: pairwise-complete correlation
        FrameworkNode Ind(string code, string parent) => FrameworkNode.ForIndicator(IndicatorDefinition.Create(code, code, IndicatorKind.Real), parent);
        var fw = Framework.Create([Ind("a", "P"), Ind("b", "P"), Ind("c", "P"), Ind("d", "Q"), Ind("e", "Q"),
            FrameworkNode.Aggregate("P", "P", "IDX"), FrameworkNode.Aggregate("Q", "Q", "IDX"), FrameworkNode.Aggregate("IDX", "Index")]);
        return (Methodology.Create("syn", "Synthetic", fw), Dataset.FromColumns(units, cols));
    }

    private static double[] CorrelationsWithNode(IndexResult r, string node, params string[] children)
    {
        var y = r.Scores(node).ToArray();
        return children.Select(c =>
        {
            var x = r.Scores(c).ToArray();
            var keep = Enumerable.Range(0, x.Length).Where(i => !double.IsNaN(x[i]) && !double.IsNaN(y[i])).ToArray();
            return Correlation.Pearson(keep.Select(i => x[i]), keep.Select(i => y[i]));
        }).ToArray();
    }

    [Fact]
    public void Balance_Synthetic_ConvergesToEqualCorrelations()
    {
        var (m, d) = Synthetic();
        var before = CorrelationsWithNode(IndexCalculator.Compute(m, d), "P", "a", "b", "c");
        Assert.True(before[2] < before[0] - 0.1, "c starts less correlated with P than a");

        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "P");
        Assert.True(opt.Converged, opt.ToString());
        Assert.True(opt.MaxDeviation <= 1e-6);
        Assert.InRange(opt.Iterations, 1, 1000);
        AssertNumeric.Close(1, opt.Weights.Sum(), 1e-12);
        Assert.True(opt.Weight("c") > opt.Weight("a"), "the less correlated child gets more weight");

        // Independent check: recompute with the applied weights and measure the correlations with MathNet.
        var fw = opt.ApplyTo(m.Framework);
        var after = CorrelationsWithNode(IndexCalculator.Compute(m with { Framework = fw }, d), "P", "a", "b", "c");
        AssertNumeric.Close(opt.Correlations, after, 1e-12);
        var shares = after.Select(x => x / after.Sum()).ToArray();
        AssertNumeric.Close([1.0 / 3, 1.0 / 3, 1.0 / 3], shares, 1e-6);
        Assert.Equal(1, fw["d"].Weight);
    }

    [Fact]
    public void Balance_UnequalTargets_ReachesThem()
    {
        var (m, d) = Synthetic();
        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "P", [1, 1, 2], tolerance: 1e-8);
        Assert.True(opt.Converged, opt.ToString());
        AssertNumeric.Close([0.25, 0.25, 0.5], opt.TargetShares, 1e-15);
        AssertNumeric.Close([0.25, 0.25, 0.5], opt.Shares, 1e-8);
        Assert.True(opt.Objective <= 3 * 1e-16);
    }

    [Fact]
    public void Balance_UnreachableTarget_StallsAndFlagsNotConverged()
    {
        // b shares a's factor, so b's correlation with P stays high even at weight 0: half the correlation for a and
        // a quarter for b cannot be reached. The search stalls; the best weights found are reported, flagged. The exact
        // solution C^-1 D t of the linear model has a negative entry for b: the target is infeasible.
        var (m, d) = Synthetic();
        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "P", [2, 1, 1]);
        Assert.False(opt.Converged);
        Assert.Equal(OptimisationStatus.Infeasible, opt.Status);
        Assert.Equal("b", opt.LimitingChild);
        Assert.True(opt.ExactSolution[1] < 0, string.Join(", ", opt.ExactSolution));
        Assert.Contains("child 'b'", opt.StatusReason, StringComparison.Ordinal);
        Assert.True(opt.Iterations < 1000);
        Assert.True(opt.Weight("b") < 1e-3);
        AssertNumeric.Close(1, opt.Weights.Sum(), 1e-12);
    }

    [Fact]
    public void Balance_TooFewIterations_FlagsNotConverged()
    {
        var (m, d) = Synthetic();
        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "P", maxIterations: 1);
        Assert.False(opt.Converged);
        Assert.Equal(1, opt.Iterations);
        Assert.True(opt.MaxDeviation > opt.Tolerance);
        Assert.Contains("NOT converged", opt.ToString(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => opt.ApplyTo(m.Framework));
    }

    [Fact]
    public void Balance_ZeroIterations_MeasuresEqualWeights()
    {
        var (m, d) = Synthetic();
        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "P", maxIterations: 0);
        AssertNumeric.Close([1.0 / 3, 1.0 / 3, 1.0 / 3], opt.Weights, 1e-15);
        AssertNumeric.Close(CorrelationsWithNode(IndexCalculator.Compute(m, d), "P", "a", "b", "c"), opt.Correlations, 1e-12);
        Assert.Equal(0, opt.Iterations);
    }

    [Fact]
    public void Balance_IndexLevel_Converges()
    {
        var (m, d) = Synthetic();
        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "IDX");
        Assert.True(opt.Converged, opt.ToString());
        Assert.Equal(["P", "Q"], opt.ChildCodes.ToArray());
        AssertNumeric.Close(opt.Correlations[0], opt.Correlations[1], 1e-5);
    }

    [Fact]
    public void Balance_SingleChild_ThrowsNamingNode()
    {
        var (m, d) = Synthetic();
        var fw = Framework.Create(m.Framework.Nodes.Where(n => n.Code != "e"));
        var ex = Assert.Throws<CalculationException>(() => OptimisedWeights.Balance(IndexCalculator.Compile(m with { Framework = fw }, d), "Q"));
        Assert.Equal("Q", ex.NodeCode);
        Assert.Equal(ProblemCode.InvalidParameter, ex.Code);
    }

    [Fact]
    public void Balance_IndicatorOrUnknownNode_Throws()
    {
        var (m, d) = Synthetic();
        var index = IndexCalculator.Compile(m, d);
        Assert.Equal("a", Assert.Throws<CalculationException>(() => OptimisedWeights.Balance(index, "a")).NodeCode);
        Assert.Throws<KeyNotFoundException>(() => OptimisedWeights.Balance(index, "nope"));
    }

    [Theory]
    [InlineData(new[] { 1.0, 1 })]
    [InlineData(new[] { 1.0, 0, 1 })]
    [InlineData(new[] { 1.0, double.NaN, 1 })]
    public void Balance_BadTargets_Throw(double[] targets)
    {
        var (m, d) = Synthetic();
        Assert.Throws<ArgumentException>(() => OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "P", targets));
    }

    [Fact]
    public void Balance_TinyIndex_CorrelationsOverPairwiseCompleteUnits()
    {
        // IDX = {P1, P2}; B has no P2. P1 (25, 50, 75) and P2 (0, -, 100).
        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(TinyIndex.Methodology(), TinyIndex.Data()), "IDX");
        Assert.True(opt.Converged, opt.ToString());
        Assert.True(opt.Correlations.All(c => c > 0.9));
    }

    private static (Methodology Methodology, Dataset Data) Complete()
    {
        var (m, d) = Synthetic();
        var cols = d.IndicatorCodes.ToDictionary(c => c, c => d.Column(c).ToArray());
        cols["a"][3] = 0.75; // fill the one gap: complete data, where the linear model is exact
        return (m, Dataset.FromColumns(d.Units, cols));
    }

    [Fact]
    public void Balance_CompleteArithmetic_ExactSolutionConvergesInOneStep()
    {
        // Arithmetic mean over complete data: r_i is proportional to (C w)_i / sd_i, so w = C^-1 D t (rescaled) hits
        // every target exactly; the search tries it first.
        var (m, d) = Complete();
        var opt = OptimisedWeights.Balance(IndexCalculator.Compile(m, d), "P", [1, 1, 2], tolerance: 1e-10);
        Assert.Equal(OptimisationStatus.Converged, opt.Status);
        Assert.Equal(1, opt.Iterations);
        AssertNumeric.Close(opt.ExactSolution, opt.Weights, 1e-15);
        AssertNumeric.Close([0.25, 0.25, 0.5], opt.Shares, 1e-10);
        Assert.Null(opt.LimitingChild);
    }

    [Fact]
    public void Balance_ExactSolutionByHand_TwoChildren()
    {
        // Two children with covariance C = [[v1, c], [c, v2]] and equal targets: C^-1 D t is proportional to
        // (v2 s1 - c s2, v1 s2 - c s1) with s the standard deviations. Checked against the kernel's numbers.
        var (m, d) = Complete();
        var index = IndexCalculator.Compile(m, d);
        var opt = OptimisedWeights.Balance(index, "Q", tolerance: 1e-10);
        var r = index.Run();
        var x1 = r.Scores("d").ToArray();
        var x2 = r.Scores("e").ToArray();
        double v1 = Variance(x1), v2 = Variance(x2), c = Covariance(x1, x2), s1 = Math.Sqrt(v1), s2 = Math.Sqrt(v2);
        double w1 = (v2 * s1) - (c * s2), w2 = (v1 * s2) - (c * s1);
        AssertNumeric.Close([w1 / (w1 + w2), w2 / (w1 + w2)], opt.ExactSolution, 1e-9);
        Assert.True(opt.Converged);
    }

    private static double Variance(double[] x) => Covariance(x, x);

    private static double Covariance(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        return x.Select((v, i) => (v - mx) * (y[i] - my)).Sum() / (x.Length - 1);
    }

    [Fact]
    public void MethodologyOptimised_Infeasible_CalculationExceptionNamingNodeAndReason()
    {
        var (m, d) = Synthetic();
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m.WithWeighting("P", OptimisedWeighting.Create([2, 1, 1])), d));
        Assert.Equal("P", ex.NodeCode);
        Assert.Equal("b", ex.ChildCode);
        Assert.Equal(ProblemCode.NotConverged, ex.Code);
        Assert.Contains("cannot be reached with non-negative weights", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MethodologyOptimised_Feasible_WeightsInLogAndFramework()
    {
        var (m, d) = Synthetic();
        var r = IndexCalculator.Compute(m.WithWeighting("P", OptimisedWeighting.Balanced), d);
        var derived = r.Log.DerivedWeights.Single();
        Assert.Equal("P", derived.NodeCode);
        Assert.StartsWith("converged in ", derived.Detail, StringComparison.Ordinal);
        AssertNumeric.Close(derived.Weights[2], r.Methodology.Framework["c"].Weight, 0);
        var corr = CorrelationsWithNode(r, "P", "a", "b", "c");
        var shares = corr.Select(x => x / corr.Sum()).ToArray();
        AssertNumeric.Close([1.0 / 3, 1.0 / 3, 1.0 / 3], shares, 1e-6);
    }
}
