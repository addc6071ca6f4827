using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public class PcaWeightsTests
{
    private const double N = double.NaN;
    private static readonly double Half = Math.Sqrt(0.5);

    [Fact]
    public void FromColumns_TwoPerfectlyCorrelated_EqualLoadingsAndWeights()
    {
        // R = [[1, 1], [1, 1]]: eigenvalues 2 and 0, first eigenvector (1, 1) / sqrt 2.
        var pca = PcaWeights.FromColumns("P", ["a", "b"], [[1, 2, 3, 4], [2, 4, 6, 8]]);
        AssertNumeric.Close([2, 0], pca.Eigenvalues, 1e-12);
        AssertNumeric.Close([1, 0], pca.VarianceExplained, 1e-12);
        AssertNumeric.Close([Half, Half], pca.Loadings, 1e-12);
        AssertNumeric.Close([0.5, 0.5], pca.Weights, 1e-12);
        Assert.Equal(4, pca.CompleteRows);
    }

    [Fact]
    public void FromColumns_PairPlusUncorrelatedChild_HandComputed()
    {
        // a and b = 2a correlate perfectly; c = (1, -1, -1, 1) is orthogonal to a - mean(a) = (-1.5, -0.5, 0.5, 1.5).
        // R = [[1, 1, 0], [1, 1, 0], [0, 0, 1]]: eigenvalues 2, 1, 0; PC1 = (1, 1, 0) / sqrt 2; weights 1/2, 1/2, 0.
        var pca = PcaWeights.FromColumns("P", ["a", "b", "c"], [[1, 2, 3, 4], [2, 4, 6, 8], [1, -1, -1, 1]]);
        AssertNumeric.Close([2, 1, 0], pca.Eigenvalues, 1e-12);
        AssertNumeric.Close([2.0 / 3, 1.0 / 3, 0], pca.VarianceExplained, 1e-12);
        AssertNumeric.Close([Half, Half, 0], pca.Loadings, 1e-12);
        AssertNumeric.Close([0.5, 0.5, 0], pca.Weights, 1e-12);
        AssertNumeric.Close(0, pca.Weight("c"), 1e-12);
    }

    [Fact]
    public void FromColumns_PerfectlyAntiCorrelated_FirstNonZeroLoadingPositive()
    {
        // R = [[1, -1], [-1, 1]]: PC1 = (1, -1) / sqrt 2 sums to 0, so the first loading is made positive.
        var pca = PcaWeights.FromColumns("P", ["a", "b"], [[1, 2, 3], [3, 2, 1]]);
        AssertNumeric.Close([Half, -Half], pca.Loadings, 1e-12);
        AssertNumeric.Close([0.5, 0.5], pca.Weights, 1e-12);
    }

    [Fact]
    public void FromColumns_MissingValues_DropIncompleteRows()
    {
        // Rows 2 and 4 are incomplete; over rows 1, 3, 5 the columns are (1, 3, 5) and (1, 9, 25)... any increasing pair.
        var pca = PcaWeights.FromColumns("P", ["a", "b"], [[1, 2, 3, N, 5], [1, N, 9, 16, 25]]);
        Assert.Equal(3, pca.CompleteRows);
        Assert.True(pca.Loadings.All(l => l > 0));
    }

    [Fact]
    public void FromColumns_RandomData_EigenvaluesMatchMathNetAndLoadingsSumPositive()
    {
        var rng = new Random(20240611);
        const int units = 40, p = 5;
        var cols = new double[p][];
        var common = Enumerable.Range(0, units).Select(_ => rng.NextDouble()).ToArray();
        for (var j = 0; j < p; j++)
        {
            // Mixed signs on the common factor so that MathNet's own sign is a coin flip.
            var s = j % 2 == 0 ? 1.0 : -0.4;
            cols[j] = common.Select(c => (s * c) + (0.5 * rng.NextDouble())).ToArray();
        }

        var pca = PcaWeights.FromColumns("P", ["a", "b", "c", "d", "e"], cols);
        var r = Correlation.PearsonMatrix(cols);
        var evd = r.Evd(Symmetricity.Symmetric);
        var expected = evd.EigenValues.Select(c => c.Real).OrderByDescending(x => x).ToArray();
        AssertNumeric.Close(expected, pca.Eigenvalues, 1e-10);
        AssertNumeric.Close(p, pca.Eigenvalues.Sum(), 1e-12);
        Assert.True(pca.Loadings.Sum() > 0);

        // The loadings are MathNet's first eigenvector up to sign, and R l = lambda1 l.
        var l = Vector<double>.Build.DenseOfEnumerable(pca.Loadings);
        AssertNumeric.Close((r * l).ToArray(), (l * pca.Eigenvalues[0]).ToArray(), 1e-10);
        AssertNumeric.Close(1, l.L2Norm(), 1e-12);
        AssertNumeric.Close(1, pca.Weights.Sum(), 1e-12);
        AssertNumeric.Close(pca.Loadings.Select(x => x * x).ToArray(), pca.Weights, 1e-12);
    }

    [Fact]
    public void FromColumns_NegatedColumns_SameWeightsAndPositiveSum()
    {
        var rng = new Random(7);
        var cols = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 20).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        var a = PcaWeights.FromColumns("P", ["a", "b", "c"], cols);
        var b = PcaWeights.FromColumns("P", ["a", "b", "c"], cols.Select(c => c.Select(x => -3 * x).ToArray()).ToArray());
        AssertNumeric.Close(a.Weights, b.Weights, 1e-10);
        AssertNumeric.Close(a.Loadings, b.Loadings, 1e-10);
        Assert.True(a.Loadings.Sum() > 0);
    }

    [Fact]
    public void FromColumns_OneChild_ThrowsNamingNode()
    {
        var ex = Assert.Throws<CalculationException>(() => PcaWeights.FromColumns("P9", ["a"], [[1, 2, 3]]));
        Assert.Equal(ProblemCode.InvalidParameter, ex.Code);
        Assert.Equal("P9", ex.NodeCode);
        Assert.Contains("'P9'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1.0, N, 3 }, new[] { 1.0, 2, N })]
    [InlineData(new[] { N, N, N }, new[] { 1.0, 2, 3 })]
    [InlineData(new double[0], new double[0])]
    public void FromColumns_FewerThanTwoCompleteRows_ThrowsNamingNode(double[] a, double[] b)
    {
        var ex = Assert.Throws<CalculationException>(() => PcaWeights.FromColumns("P9", ["a", "b"], [a, b]));
        Assert.Equal(ProblemCode.EmptyInput, ex.Code);
        Assert.Equal("P9", ex.NodeCode);
    }

    [Fact]
    public void FromColumns_ConstantChild_ThrowsNamingChild()
    {
        var ex = Assert.Throws<CalculationException>(() => PcaWeights.FromColumns("P", ["a", "b"], [[1, 2, 3], [5, 5, 5]]));
        Assert.Equal(ProblemCode.ConstantColumn, ex.Code);
        Assert.Equal("b", ex.ChildCode);
    }

    [Fact]
    public void FromColumns_InfiniteValue_Throws() =>
        Assert.Throws<ArgumentException>(() => PcaWeights.FromColumns("P", ["a", "b"], [[1, 2, double.PositiveInfinity], [1, 2, 3]]));

    [Fact]
    public void FromDataset_RawTinyPillar_NegativeIndicatorNotFlipped()
    {
        // Raw i1 (0, 5, 10) and i2 (10, 20, 30) rise together: loadings (+, +), although i2 is a negative indicator.
        var pca = PcaWeights.FromDataset(TinyIndex.Data(), TinyIndex.Framework(), "P1");
        Assert.Equal(["i1", "i2"], pca.ChildCodes.ToArray());
        AssertNumeric.Close([Half, Half], pca.Loadings, 1e-12);
    }

    [Fact]
    public void FromDataset_IndicatorNode_ThrowsNamingNode() =>
        Assert.Equal("i1", Assert.Throws<CalculationException>(() => PcaWeights.FromDataset(TinyIndex.Data(), TinyIndex.Framework(), "i1")).NodeCode);

    [Fact]
    public void FromResult_TinyIndex_UsesNormalisedScores()
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        // Normalised i1 (0, 50, 100) and i2 (100, 50, 0): perfectly anti-correlated.
        var p1 = PcaWeights.FromResult(result, "P1");
        AssertNumeric.Close([Half, -Half], p1.Loadings, 1e-12);
        // IDX: P1 (25, 50, 75), P2 (0, -, 100): only A and C are complete.
        var idx = PcaWeights.FromResult(result, "IDX");
        Assert.Equal(2, idx.CompleteRows);
        AssertNumeric.Close([0.5, 0.5], idx.Weights, 1e-12);
    }

    [Fact]
    public void ApplyTo_TinyIndex_SetsChildrenWeights()
    {
        var fw = TinyIndex.Framework();
        var fw2 = PcaWeights.FromColumns("P1", ["i2", "i1"], [[1, 2, 3, 4], [2, 4, 6, 9]]).ApplyTo(fw);
        AssertNumeric.Close(1, fw2["i1"].Weight + fw2["i2"].Weight, 1e-12);
        Assert.Equal(2, fw2["P1"].Weight);
    }

    [Fact]
    public void ApplyTo_OtherChildren_Throws() =>
        Assert.Throws<ArgumentException>(() => PcaWeights.FromColumns("P1", ["i1", "x"], [[1, 2, 3], [3, 1, 2]]).ApplyTo(TinyIndex.Framework()));

    [Fact]
    public void ToString_TwoChildren_Summarises() =>
        Assert.Equal("PCA weights of P (2 children, 4 complete units, PC1 explains 100.0%): a=0.5000, b=0.5000",
            PcaWeights.FromColumns("P", ["a", "b"], [[1, 2, 3, 4], [2, 4, 6, 8]]).ToString());

    // R 4.2.2: X <- data.frame(a = c(1,2,3,4,5,6), b = c(2,1,4,3,6,5), c = c(1,3,2,5,4,7), d = c(6,1,5,2,4,3));
    // prcomp(X[, c("a","b","c")], center = TRUE, scale. = TRUE)$rotation[, 1] (COINr's get_PCA weights) and l^2 / sum(l^2).
    private static readonly double[][] Abc = [[1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], [1, 3, 2, 5, 4, 7]];

    [Fact]
    public void FromColumns_LoadingsDefinition_MatchesCoinrGetPca()
    {
        var pca = PcaWeights.FromColumns("P", ["a", "b", "c"], Abc, PcaWeightDefinition.Loadings);
        Assert.Equal(PcaWeightDefinition.Loadings, pca.Definition);
        AssertNumeric.Close([0.63276548323080495, 0.53753206780625584, 0.55737520514606376], pca.Weights, 1e-12);
        AssertNumeric.Close(2.4885076462190634, pca.Eigenvalues[0], 1e-12); // prcomp's sdev[1]^2
        Assert.Contains(", loadings,", pca.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromColumns_SquaredLoadingsDefinition_MatchesOecdRecipe()
    {
        var pca = PcaWeights.FromColumns("P", ["a", "b", "c"], Abc);
        Assert.Equal(PcaWeightDefinition.SquaredLoadings, pca.Definition);
        AssertNumeric.Close([0.40039215676831408, 0.28894072392006925, 0.31066711931161667], pca.Weights, 1e-12);
        AssertNumeric.Close(pca.Loadings, PcaWeights.FromColumns("P", ["a", "b", "c"], Abc, PcaWeightDefinition.Loadings).Weights, 0);
    }

    [Fact]
    public void FromColumns_LoadingsWithNegativeChild_NegativeWeight()
    {
        // R: prcomp(X[, c("a","c","d")], ...)$rotation[, 1] = 0.60289580982828528, 0.66444425826928388, -0.44162254261357292.
        double[][] acd = [Abc[0], Abc[2], [6, 1, 5, 2, 4, 3]];
        var pca = PcaWeights.FromColumns("P", ["a", "c", "d"], acd, PcaWeightDefinition.Loadings);
        AssertNumeric.Close([0.60289580982828528, 0.66444425826928388, -0.44162254261357292], pca.Weights, 1e-12);
    }
}
