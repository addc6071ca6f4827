using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Aggregation;

/// <summary>Median, mean-min, Mazziotta-Pareto (MPI, AMPI), Copeland.</summary>
public partial class AggregatorTests
{
    /// <summary>Three units by two children: A (1, 10), B (2, 30), C (3, 20).</summary>
    private static double[,] Abc => new double[,] { { 1, 10 }, { 2, 30 }, { 3, 20 } };

    // ---- median ----

    [Fact]
    public void Aggregate_Median_IgnoresWeights() => Assert.Equal(40, Aggregator.Median.Aggregate(X, W));

    [Fact]
    public void Aggregate_MedianEvenCount_MeanOfMiddleTwo() =>
        // sorted 10, 20, 40, 80: (20 + 40) / 2
        Assert.Equal(30, Aggregator.Median.Aggregate([20, 40, 80, 10], [1, 1, 1, 1]));

    [Fact]
    public void Aggregate_MedianZeroWeightAndMissing_Excluded()
    {
        Assert.Equal(30, Aggregator.Median.Aggregate(X, [1, 1, 0])); // (20 + 40) / 2
        Assert.Equal(50, Aggregator.Median.Aggregate([20, N, 80], W)); // (20 + 80) / 2
        Assert.True(double.IsNaN(Aggregator.Median.Aggregate([N, 5], [1, 0])));
        Assert.Equal(7, Aggregator.Median.Aggregate([7], [1]));
    }

    // ---- mean-min ----

    [Fact]
    public void Aggregate_MeanMin_PublishedFormula() =>
        // M = (20 + 40 + 2 * 80) / 4 = 55, min 20, M - min = 35; sqrt(35^2 + 12^2) = sqrt(1369) = 37; 55 - 0.5 (37 - 12) = 42.5
        AssertNumeric.Close(42.5, Aggregator.MeanMin(0.5, 12).Aggregate(X, W));

    [Fact]
    public void Aggregate_MeanMinLimits_MeanAndMinimum()
    {
        AssertNumeric.Close(55, Aggregator.MeanMin(0, 3).Aggregate(X, W)); // alpha 0: the weighted mean
        AssertNumeric.Close(20, Aggregator.MeanMin(1, 0).Aggregate(X, W)); // alpha 1, beta 0: 55 - 35
        AssertNumeric.Close(60, Aggregator.MeanMin(1, 0).Aggregate([60, 60], [1, 2])); // all equal: no penalty
    }

    [Fact]
    public void Aggregate_MeanMinMissingChild_DropsIt() =>
        // 20 and 80 with weights 1, 2: M = 60, min 20, d = 40: sqrt(1600 + 900) = 50; 60 - 1 (50 - 30) = 40
        AssertNumeric.Close(40, Aggregator.MeanMin(1, 30).Aggregate([20, N, 80], W));

    [Theory]
    [InlineData(-0.1, 1)]
    [InlineData(1.1, 1)]
    [InlineData(0.5, -1)]
    [InlineData(0.5, double.PositiveInfinity)]
    [InlineData(double.NaN, 1)]
    public void MeanMin_BadParameters_Throw(double alpha, double beta) =>
        Assert.Throws<ValidationException>(() => Aggregator.MeanMin(alpha, beta));

    // ---- Mazziotta-Pareto ----

    [Fact]
    public void Aggregate_Mpi_StandardisesThenPenalises()
    {
        // child 1: mean 2, sample sd 1 -> z = 90, 100, 110; child 2: mean 20, sample sd 10 -> z = 90, 110, 100
        // A: (90, 90): M 90, S 0 -> 90. B: (100, 110): M 105, S = 5 (population), cv = 5/105, S cv = 25/105 = 5/21
        AssertNumeric.Close([90, 105 - (5.0 / 21), 105 - (5.0 / 21)], Aggregator.MazziottaPareto().Aggregate(Abc, [1, 1]));
        AssertNumeric.Close([90, 105 + (5.0 / 21), 105 + (5.0 / 21)], Aggregator.MazziottaPareto(MpiPenalty.Positive).Aggregate(Abc, [1, 1]));
    }

    [Fact]
    public void Aggregate_MpiWeighted_WeightedMeanAndSpread()
    {
        // B with weights 1, 3: M = (100 + 330) / 4 = 107.5; S^2 = (7.5^2 + 3 * 2.5^2) / 4 = 18.75; S cv = 18.75 / 107.5
        var y = Aggregator.MazziottaPareto().Aggregate(Abc, [1, 3]);
        AssertNumeric.Close(107.5 - (18.75 / 107.5), y[1]);
    }

    [Fact]
    public void Aggregate_MpiMissing_StandardisesOverPresentUnits()
    {
        // child 2 without B: 10, 20: mean 15, sample sd sqrt(50): z = 100 -/+ 50 / sqrt(50) = 100 -/+ sqrt(50)
        // A: z = (90, 100 - r), r = sqrt(50): M = (190 - r) / 2, S = |90 - 100 + r| / 2; B: only child 1, z = 100 -> 100
        var s = Math.Sqrt(50);
        var m = (190 - s) / 2;
        var sd = Math.Abs(s - 10) / 2;
        var y = Aggregator.MazziottaPareto().Aggregate(new double[,] { { 1, 10 }, { 2, N }, { 3, 20 } }, [1, 1]);
        AssertNumeric.Close([m - (sd * sd / m), 100, ((210 + s) / 2) - (Math.Pow((s - 10) / 2, 2) / ((210 + s) / 2))], y);
    }

    [Fact]
    public void Aggregate_MpiConstantChild_ErrorNamesChild()
    {
        var ex = Assert.Throws<CalculationException>(() => Aggregator.MazziottaPareto().Aggregate(new double[,] { { 1, 5 }, { 2, 5 } }, [1, 1]));
        Assert.Equal((ProblemCode.ConstantColumn, "child 2"), (ex.Code, ex.ChildCode));
        // a single unit has no spread either; a zero-weight constant child is ignored
        Assert.Throws<CalculationException>(() => Aggregator.MazziottaPareto().Aggregate(new double[,] { { 1, 2 } }, [1, 1]));
        // child 1 (1, 3): mean 2, sample sd sqrt(2): z = 100 -/+ 10 / sqrt(2); one child, so S = 0
        AssertNumeric.Close([100 - (10 / Math.Sqrt(2)), 100 + (10 / Math.Sqrt(2))], Aggregator.MazziottaPareto().Aggregate(new double[,] { { 1, 5 }, { 3, 5 } }, [1, 0]));
    }

    [Fact]
    public void Aggregate_MpiSingleUnitOverload_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Aggregator.MazziottaPareto().Aggregate(X, W));

    [Fact]
    public void Aggregate_Ampi_RescalesTo70To130()
    {
        // midpoint reference: child 1 (x - 1) / 2 * 60 + 70 = 70, 100, 130; child 2 (x - 10) / 20 * 60 + 70 = 70, 130, 100
        // A: 70. B: (100, 130): M 115, S 15, S cv = 225 / 115 = 45 / 23
        AssertNumeric.Close([70, 115 - (45.0 / 23), 115 - (45.0 / 23)], Aggregator.AdjustedMazziottaPareto().Aggregate(Abc, [1, 1]));
        AssertNumeric.Close([70, 115 + (45.0 / 23), 115 + (45.0 / 23)], Aggregator.AdjustedMazziottaPareto(MpiPenalty.Positive).Aggregate(Abc, [1, 1]));
    }

    [Fact]
    public void Aggregate_AmpiWithReference_GoalpostsAroundReference()
    {
        // reference 50: child 1 (0, 50, 100): Delta 50, goalposts [0, 100], r = 0.6 x + 70 = 70, 100, 130;
        // child 2 (20, 60, 100): Delta 40, goalposts [10, 90], r = (x - 10) / 80 * 60 + 70 = 77.5, 107.5, 137.5
        // A: (70, 77.5): M 73.75, S 3.75, S cv = 14.0625 / 73.75
        var y = Aggregator.AdjustedMazziottaPareto(reference: 50).Aggregate(new double[,] { { 0, 20 }, { 50, 60 }, { 100, 100 } }, [1, 1]);
        AssertNumeric.Close(73.75 - (14.0625 / 73.75), y[0]);
        AssertNumeric.Close(133.75 - (14.0625 / 133.75), y[2]); // (130, 137.5)
    }

    // ---- Copeland ----

    [Fact]
    public void Aggregate_Copeland_PairwiseMajorities()
    {
        // A loses to B and C on both children: -2. B vs C: one each, O = 0.5 -> 0; B beats A: +1, C beats A: +1
        Assert.Equal([-2, 1, 1], Aggregator.Copeland.Aggregate(Abc, [1, 1]));
        // weights 1, 3: O_BC = 3/4 -> B beats C: B 2, C 0; weights 2, 1: O_BC = 1/3 -> C beats B
        Assert.Equal([-2, 2, 0], Aggregator.Copeland.Aggregate(Abc, [1, 3]));
        Assert.Equal([-2, 0, 2], Aggregator.Copeland.Aggregate(Abc, [2, 1]));
    }

    [Fact]
    public void Aggregate_CopelandTiesMissingAndEdges()
    {
        Assert.Equal([0, 0], Aggregator.Copeland.Aggregate(new double[,] { { 1, 1 }, { 1, 1 } }, [1, 1])); // all equal
        Assert.Equal([0], Aggregator.Copeland.Aggregate(new double[,] { { 5, 6 } }, [1, 1])); // single unit
        // A lacks child 2: compared on child 1 only (still loses); D has nothing: missing and compared with no one
        Assert.Equal([-2, 1, 1, N], Aggregator.Copeland.Aggregate(new double[,] { { 1, N }, { 2, 30 }, { 3, 20 }, { N, N } }, [1, 1]));
        // no shared child between A and B: that pair counts 0
        Assert.Equal([0, 0], Aggregator.Copeland.Aggregate(new double[,] { { 1, N }, { N, 2 } }, [1, 1]));
    }

    [Fact]
    public void OutrankingMatrix_WeightedShares()
    {
        var o = Aggregator.OutrankingMatrix(Abc, [1, 3]);
        Assert.Equal(0.5, o[0, 0]);
        Assert.Equal(0, o[0, 1]);
        Assert.Equal(1, o[1, 0]);
        Assert.Equal(0.75, o[1, 2]);
        Assert.Equal(0.25, o[2, 1]);
        Assert.True(double.IsNaN(Aggregator.OutrankingMatrix(new double[,] { { 1, N }, { N, 2 } }, [1, 1])[0, 1]));
    }

    [Fact]
    public void Aggregate_CopelandRandom_SumsToZeroAndAgreesWithMatrix()
    {
        var rng = new Random(3);
        for (var t = 0; t < 50; t++)
        {
            var n = rng.Next(1, 9);
            var k = rng.Next(1, 5);
            var x = new double[n, k];
            for (var u = 0; u < n; u++)
            {
                for (var c = 0; c < k; c++)
                {
                    x[u, c] = rng.Next(0, 4); // many ties
                }
            }

            var w = Enumerable.Range(0, k).Select(_ => (double)rng.Next(0, 3)).ToArray();
            if (w.Sum() == 0)
            {
                w[0] = 1;
            }

            var s = Aggregator.Copeland.Aggregate(x, w);
            var o = Aggregator.OutrankingMatrix(x, w);
            Assert.Equal(0, s.Sum());
            for (var j = 0; j < n; j++)
            {
                var expected = Enumerable.Range(0, n).Where(l => l != j).Sum(l => o[j, l] > 0.5 ? 1 : o[j, l] < 0.5 ? -1 : 0);
                Assert.Equal(expected, s[j]);
            }
        }
    }

    [Fact]
    public void Aggregate_NewPerUnitMethods_MatchUnitsByChildrenOverload()
    {
        foreach (var a in new[] { Aggregator.Median, Aggregator.MeanMin(0.3, 2) })
        {
            var many = a.Aggregate(new double[,] { { 20, 40, 80 }, { 1, N, 3 } }, W);
            Assert.Equal(a.Aggregate(X, W), many[0]);
            Assert.Equal(a.Aggregate([1, N, 3], W), many[1]);
        }
    }

    [Fact]
    public void ToString_NewMethods_ShortAndInvariant() =>
        Assert.Equal(
            "median mean-min(0.5,1) mpi- mpi+ ampi- ampi+(100) copeland",
            string.Join(" ", new[] { Aggregator.Median, Aggregator.MeanMin(0.5, 1), Aggregator.MazziottaPareto(), Aggregator.MazziottaPareto(MpiPenalty.Positive), Aggregator.AdjustedMazziottaPareto(), Aggregator.AdjustedMazziottaPareto(MpiPenalty.Positive, 100), Aggregator.Copeland }.Select(a => a.ToString())));

    [Fact]
    public void IsNodeLevel_OnlyForMpiAmpiCopeland() =>
        Assert.Equal(
            [false, false, false, true, true, true],
            new[] { Aggregator.ArithmeticMean, Aggregator.Median, Aggregator.MeanMin(0, 0), Aggregator.MazziottaPareto(), Aggregator.AdjustedMazziottaPareto(), Aggregator.Copeland }.Select(a => a.IsNodeLevel));
}
