using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Aggregation;

/// <summary>Benefit of the doubt and the shift policy of the geometric and harmonic means.</summary>
public partial class AggregatorTests
{
    /// <summary>Units A (1, 4), B (4, 1), C (2, 2), D (1, 1).</summary>
    private static double[,] Frontier => new double[,] { { 1, 4 }, { 4, 1 }, { 2, 2 }, { 1, 1 } };

    // ---- benefit of the doubt ----

    [Fact]
    public void Aggregate_BenefitOfTheDoubt_HandSolvedFrontier()
    {
        // Constraints on (w1, w2): A: w1 + 4 w2 <= 1, B: 4 w1 + w2 <= 1, C: 2 w1 + 2 w2 <= 1, D: w1 + w2 <= 1.
        // A: w = (0, 1/4) gives 1; B: (1/4, 0) gives 1 (their own rows cap them at 1).
        // C: max 2 (w1 + w2); A and B bind at w1 = w2 = 1/5 (the vertices (1/4, 0), (0, 1/4) give only 1/2): 2 * 2/5 = 0.8.
        // D: the same weights, 2/5 = 0.4.
        var s = Aggregator.BenefitOfTheDoubt().Aggregate(Frontier, [1, 1]);
        AssertNumeric.Close([1, 1, 0.8, 0.4], s);
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubt_NominalWeightsIgnoredExceptZero()
    {
        AssertNumeric.Close([1, 1, 0.8, 0.4], Aggregator.BenefitOfTheDoubt().Aggregate(Frontier, [1, 9]));
        // weight 0 on child 2: BoD on child 1 alone, x / max x = 1/4, 1, 1/2, 1/4
        AssertNumeric.Close([0.25, 1, 0.5, 0.25], Aggregator.BenefitOfTheDoubt().Aggregate(Frontier, [1, 0]));
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubtRescaledChild_SameScores()
    {
        // Multiplying a child by a positive factor scales its weight inversely: scores unchanged.
        var f = Frontier;
        for (var u = 0; u < 4; u++)
        {
            f[u, 1] *= 37.5;
        }

        AssertNumeric.Close([1, 1, 0.8, 0.4], Aggregator.BenefitOfTheDoubt().Aggregate(f, [1, 1]), 1e-11);
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubtUpperBound_CapsWeights()
    {
        // w <= 0.15: every row is slack at w = (0.15, 0.15) (A 0.75, B 0.75, C 0.6, D 0.3), so each unit takes both caps:
        // A 0.15 + 0.6 = 0.75, B 0.75, C 0.6, D 0.3. Nobody reaches 1.
        AssertNumeric.Close([0.75, 0.75, 0.6, 0.3], Aggregator.BenefitOfTheDoubt(0, 0.15).Aggregate(Frontier, [1, 1]));
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubtLowerBound_ForcesWeights()
    {
        // w >= 0.1: D = max w1 + w2 subject to the same rows; C's optimum (0.2, 0.2) respects the bound: D 0.4, C 0.8.
        // A: w1 = 0.1 forced, then w2 <= (1 - 0.1) / 4 = 0.225 from A's row: 0.1 + 0.9 = 1.
        AssertNumeric.Close([1, 1, 0.8, 0.4], Aggregator.BenefitOfTheDoubt(0.1).Aggregate(Frontier, [1, 1]));
        // w1 = w2 = 0.2 forced exactly (A's and B's rows meet there): every unit gets 0.2 (x1 + x2)
        AssertNumeric.Close([1, 1, 0.8, 0.4], Aggregator.BenefitOfTheDoubt(0.2, 0.2).Aggregate(Frontier, [1, 1]));
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubtLowerBoundTooHigh_ErrorNamesUnit()
    {
        // 0.3 (1 + 4) = 1.5 > 1 for A: no feasible weights
        var e = Assert.Throws<CalculationException>(() => Aggregator.BenefitOfTheDoubt(0.3).Aggregate(Frontier, [1, 1]));
        Assert.Equal(ProblemCode.InvalidParameter, e.Code);
        Assert.Equal("unit 1", e.UnitCode);
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubtMissingChild_ScoredOnPresentChildren()
    {
        // E (missing, 3): scored on child 2 alone, w2 <= 1/4 from A: 0.75. E adds 3 w2 <= 1 to the others, which does not
        // bind at their optima (C: 3/5), so A-D are unchanged.
        var x = new double[,] { { 1, 4 }, { 4, 1 }, { 2, 2 }, { 1, 1 }, { N, 3 } };
        AssertNumeric.Close([1, 1, 0.8, 0.4, 0.75], Aggregator.BenefitOfTheDoubt().Aggregate(x, [1, 1]));
        var all = Aggregator.BenefitOfTheDoubt().Aggregate(new double[,] { { 1, 4 }, { N, N } }, [1, 1]);
        Assert.Equal(1, all[0]);
        Assert.True(double.IsNaN(all[1]));
    }

    [Fact]
    public void Compute_BenefitOfTheDoubtBelowThreshold_MissingAndNotScored()
    {
        // Through the kernel with a threshold of 0.75: E has 1 of 2 children, so it is missing; the others as before.
        var x = new double[,] { { 1, 4 }, { 4, 1 }, { 2, 2 }, { 1, 1 }, { N, 3 } };
        var columns = new double[10];
        for (var c = 0; c < 2; c++)
        {
            for (var u = 0; u < 5; u++)
            {
                columns[(c * 5) + u] = x[u, c];
            }
        }

        var output = new double[5];
        AggregatorKernel.Aggregate(
            new AggregatorPlan(Aggregator.BenefitOfTheDoubt()), 0.75, columns, 5, [0, 1], [1, 1], [1, 1], output, new int[5], new double[5], new double[5],
            new double[AggregatorKernel.ScratchPerChild * 2], new double[AggregatorKernel.BenefitOfTheDoubtTableauLength(5, 2)], new int[AggregatorKernel.BenefitOfTheDoubtBasisLength(5, 2)],
            "P", ["a", "b"], ["A", "B", "C", "D", "E"]);
        AssertNumeric.Close([1, 1, 0.8, 0.4], output[..4]);
        Assert.True(double.IsNaN(output[4]));
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubtZeros_ZeroScoreAndNoDivision()
    {
        // a unit with only zeros gets 0; an all-zero child is left out
        AssertNumeric.Close([1, 0, 0.5], Aggregator.BenefitOfTheDoubt().Aggregate(new double[,] { { 2, 0 }, { 0, 0 }, { 1, 0 } }, [1, 1]));
        Assert.Equal([0.0, 0.0], Aggregator.BenefitOfTheDoubt().Aggregate(new double[,] { { 0, 0 }, { 0, 0 } }, [1, 1]));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Aggregate_BenefitOfTheDoubtBadValue_ErrorNamesUnitAndChild(double bad)
    {
        var e = Assert.Throws<CalculationException>(() => Aggregator.BenefitOfTheDoubt().Aggregate(new double[,] { { 1, 2 }, { 3, bad } }, [1, 1]));
        Assert.Equal(ProblemCode.ValueOutOfRange, e.Code);
        Assert.Equal(("unit 2", "child 2"), (e.UnitCode, e.ChildCode));
    }

    [Theory]
    [InlineData(-0.1, double.PositiveInfinity)]
    [InlineData(double.NaN, 1)]
    [InlineData(0, 0)]
    [InlineData(0.5, 0.4)]
    [InlineData(0, double.NaN)]
    public void BenefitOfTheDoubt_BadBounds_Throw(double lower, double upper) =>
        Assert.Throws<ValidationException>(() => Aggregator.BenefitOfTheDoubt(lower, upper));

    [Fact]
    public void BenefitOfTheDoubt_IsNodeLevelAndPrints()
    {
        Assert.True(Aggregator.BenefitOfTheDoubt().IsNodeLevel);
        Assert.Equal("bod", Aggregator.BenefitOfTheDoubt().ToString());
        Assert.Equal("bod(0.1,2)", Aggregator.BenefitOfTheDoubt(0.1, 2).ToString());
        Assert.Throws<InvalidOperationException>(() => Aggregator.BenefitOfTheDoubt().Aggregate([1.0, 2], [1, 1]));
    }

    [Fact]
    public void Aggregate_BenefitOfTheDoubtRandomData_BestIsOneAndScoresBoundedBelowByAnyWeights()
    {
        // Seeded random data: every score in (0, 1], the best exactly 1, and each score at least what equal weights or
        // one child alone would give (any feasible w is a lower bound of the maximum).
        var rng = new Random(63);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = rng.Next(2, 40);
            var k = rng.Next(1, 8);
            var x = new double[n, k];
            for (var u = 0; u < n; u++)
            {
                for (var c = 0; c < k; c++)
                {
                    x[u, c] = rng.Next(0, 10) == 0 ? Math.Round(rng.NextDouble(), 1) + 0.05 : rng.NextDouble() + 0.01; // some ties
                }
            }

            var s = Aggregator.BenefitOfTheDoubt().Aggregate(x, Enumerable.Repeat(1.0, k).ToArray());
            AssertNumeric.Close(1, s.Max(), 1e-12);
            var sums = Enumerable.Range(0, n).Select(u => Enumerable.Range(0, k).Sum(c => x[u, c])).ToArray();
            for (var u = 0; u < n; u++)
            {
                Assert.InRange(s[u], 1e-9, 1.0);
                Assert.True(s[u] >= (sums[u] / sums.Max()) - 1e-9, $"trial {trial}: unit {u} below equal weights");
                for (var c = 0; c < k; c++)
                {
                    var col = Enumerable.Range(0, n).Max(v => x[v, c]);
                    Assert.True(s[u] >= (x[u, c] / col) - 1e-9, $"trial {trial}: unit {u} below child {c} alone");
                }
            }
        }
    }

    // ---- shift policy of the geometric and harmonic means ----

    [Fact]
    public void Aggregate_GeometricMeanShifted_LiftsSmallestToEpsilon()
    {
        // min 0, epsilon 1: delta 1; sqrt((0 + 1)(3 + 1)) = 2
        AssertNumeric.Close(2, Aggregator.GeometricMeanShifted(1).Aggregate([0.0, 3], [1, 1]));
        // min -1: delta 2; sqrt(1 * 4) = 2
        AssertNumeric.Close(2, Aggregator.GeometricMeanShifted(1).Aggregate([-1.0, 2], [1, 1]));
        // all values at or above epsilon: no shift, sqrt(1 * 4) = 2
        AssertNumeric.Close(2, Aggregator.GeometricMeanShifted(0.5).Aggregate([1.0, 4], [1, 1]));
    }

    [Fact]
    public void Aggregate_HarmonicMeanShifted_LiftsSmallestToEpsilon() =>
        // delta 1: 2 / (1/1 + 1/4) = 1.6
        AssertNumeric.Close(1.6, Aggregator.HarmonicMeanShifted(1).Aggregate([0.0, 3], [1, 1]));

    [Fact]
    public void Aggregate_GeometricMeanShiftedUnits_OneConstantForTheNode()
    {
        // units (0, 3) and (2, 8): the node's minimum 0, delta 1 for both: sqrt(1 * 4) = 2, sqrt(3 * 9) = sqrt(27)
        AssertNumeric.Close([2, Math.Sqrt(27)], Aggregator.GeometricMeanShifted(1).Aggregate(new double[,] { { 0, 3 }, { 2, 8 } }, [1, 1]));
        // a zero-weight child does not set the minimum: (-5 ignored) min 2 >= 1, no shift
        AssertNumeric.Close([2, 4], Aggregator.GeometricMeanShifted(1).Aggregate(new double[,] { { 2, -5 }, { 4, 1 } }, [1, 0]));
    }

    [Fact]
    public void Aggregate_GeometricMeanDefaultPolicy_StillAnError()
    {
        Assert.Equal(NonPositivePolicy.Error, Assert.IsType<GeometricMeanAggregator>(Aggregator.GeometricMean).NonPositive);
        var e = Assert.Throws<CalculationException>(() => Aggregator.GeometricMean.Aggregate([0.0, 3], [1, 1]));
        Assert.Equal(ProblemCode.NonPositiveValue, e.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void GeometricMeanShifted_BadEpsilon_Throws(double epsilon)
    {
        Assert.Throws<ValidationException>(() => Aggregator.GeometricMeanShifted(epsilon));
        Assert.Throws<ValidationException>(() => Aggregator.HarmonicMeanShifted(epsilon));
    }

    [Fact]
    public void ShiftedMeans_ToStringAndEquality()
    {
        Assert.Equal("geometric(shift=0.01)", Aggregator.GeometricMeanShifted(0.01).ToString());
        Assert.Equal("harmonic(shift=1)", Aggregator.HarmonicMeanShifted(1).ToString());
        Assert.NotEqual(Aggregator.GeometricMean, Aggregator.GeometricMeanShifted(1));
        Assert.Equal(Aggregator.GeometricMeanShifted(1), Aggregator.GeometricMeanShifted(1));
    }
}
