using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Aggregation;

/// <summary>Every aggregator at the edges of double: weights and values near 1.7e308 and 1e-308, orders near 1e300.</summary>
public partial class AggregatorTests
{
    private const double Huge = 1.7e308;

    [Fact]
    public void Aggregate_ArithmeticWeightsNearMaxValue_SameAsTheirRatio() =>
        // weights 1.7e308 and 0.85e308 are 2 : 1 (their sum overflows): (2 * 100 + 0) / 3, (0 + 100) / 3
        AssertNumeric.Close([200.0 / 3, 100.0 / 3], Aggregator.ArithmeticMean.Aggregate(new double[,] { { 100, 0 }, { 0, 100 } }, [Huge, Huge / 2]));

    [Fact]
    public void Aggregate_ArithmeticValuesNearMaxValue_MeanDoesNotOverflow() =>
        // (1.7e308 + 1.7e308) / 2 = 1.7e308; (1.7e308 - 1.7e308) / 2 = 0
        AssertNumeric.Close([Huge, 0], Aggregator.ArithmeticMean.Aggregate(new double[,] { { Huge, Huge }, { Huge, -Huge } }, [1, 1]));

    [Fact]
    public void Aggregate_GeometricValuesAtBothEnds_SumOfLogs()
    {
        // sqrt(1e308 * 1e306) = 1e307; sqrt(1e-300 * 1e-310) = 1e-305
        var r = Aggregator.GeometricMean.Aggregate(new double[,] { { 1e308, 1e306 }, { 1e-300, 1e-310 } }, [1, 1]);
        AssertNumeric.Relative(1e307, r[0], 1e-12);
        AssertNumeric.Relative(1e-305, r[1], 1e-12);
    }

    [Fact]
    public void Aggregate_HarmonicSubnormalValues_DoesNotCollapseToZero()
    {
        // 2 / (1/1e-310 + 1/1e-310) = 1e-310 (1/1e-310 overflows); 2 / (1e310 + 1) = 2e-310 (to 1e-310 relative)
        var r = Aggregator.HarmonicMean.Aggregate(new double[,] { { 1e-310, 1e-310 }, { 1e-310, 1 } }, [1, 1]);
        AssertNumeric.Relative(1e-310, r[0], 1e-9);
        AssertNumeric.Relative(2e-310, r[1], 1e-9);
    }

    [Fact]
    public void Aggregate_HarmonicValuesNearMaxValue_Exact() =>
        // 1/1.7e308 is subnormal; the scaled form gives 2 / (1 + 1) * 1.7e308
        AssertNumeric.Close([Huge], Aggregator.HarmonicMean.Aggregate(new double[,] { { Huge, Huge } }, [1, 1]));

    [Theory]
    [InlineData(1e300, 0.5, 3)]   // p -> +inf: the maximum
    [InlineData(-1e300, 0.2, 2)]  // p -> -inf: the minimum
    public void Aggregate_PowerMeanHugeOrder_TendsToMaximumOrMinimum(double p, double first, double second) =>
        // ((0.2^p + 0.5^p) / 2)^(1/p) = 0.5 ((0.4^p + 1) / 2)^(1/p) -> 0.5 as p -> inf (and 0.2 as p -> -inf)
        AssertNumeric.Close([first, second], Aggregator.PowerMean(p).Aggregate(new double[,] { { 0.2, 0.5 }, { 3, 2 } }, [1, 1]));

    [Fact]
    public void Aggregate_PowerMeanPowersOverflow_FactorsOutTheMaximum() =>
        // ((100^400 + 50^400) / 2)^(1/400) = 100 ((1 + 2^-400) / 2)^(1/400) = 100 * 2^(-1/400) (2^-400 is lost in 1 + 2^-400)
        AssertNumeric.Close([100 * Math.Pow(2, -1.0 / 400)], Aggregator.PowerMean(400).Aggregate(new double[,] { { 100, 50 } }, [1, 1]));

    [Fact]
    public void PowerMean_OrderNear1e300_IsValid() => Assert.Equal(1e300, Assert.IsType<PowerMeanAggregator>(Aggregator.PowerMean(1e300)).Power);

    [Fact]
    public void Aggregate_MinimumAtBothEnds_Exact() =>
        Assert.Equal([-Huge, double.Epsilon], Aggregator.Minimum.Aggregate(new double[,] { { -Huge, Huge }, { double.Epsilon, 1 } }, [1, 1]));

    [Fact]
    public void Aggregate_MedianValuesNearMaxValue_MidpointDoesNotOverflow() =>
        // (1.7e308 + 1.7e308) / 2 overflows; 1.7e308/2 + 1.7e308/2 = 1.7e308
        AssertNumeric.Close([Huge], Aggregator.Median.Aggregate(new double[,] { { Huge, Huge } }, [1, 1]));

    [Fact]
    public void Aggregate_MeanMinValuesSpanningMaxValue_PenaltyDoesNotOverflow() =>
        // M = 0, min = -1.7e308, d = 1.7e308 (d^2 overflows): 0 - 0.5 (sqrt(d^2 + 0) - 0) = -0.85e308
        AssertNumeric.Close([-Huge / 2], Aggregator.MeanMin(0.5, 0).Aggregate(new double[,] { { Huge, -Huge } }, [1, 1]));

    [Fact]
    public void Aggregate_MazziottaParetoValuesAround1e300_StandardisesThem()
    {
        // child 1: 1e-300, 2e-300, 3e-300 -> z = 90, 100, 110 (sd 1e-300, its squares underflow unless scaled);
        // child 2: 3, 2, 1 -> 110, 100, 90. Unit 1: mean 100, sd 10, cv 0.1: 100 - 10 * 0.1 = 99; unit 2: 100; unit 3: 99.
        var r = Aggregator.MazziottaPareto().Aggregate(new double[,] { { 1e-300, 3 }, { 2e-300, 2 }, { 3e-300, 1 } }, [1, 1]);
        AssertNumeric.Close([99, 100, 99], r, 1e-12);
    }

    [Fact]
    public void Aggregate_AdjustedMazziottaParetoValuesSpanningMaxValue_RangeDoesNotOverflow()
    {
        // child 1: -1.7e308, 0, 1.7e308 -> 70 + 60 (x - min) / (max - min) = 70, 100, 130; child 2: 1, 2, 3 -> 70, 100, 130.
        // Both children agree, so sd = 0 and each unit's score is its mean.
        var r = Aggregator.AdjustedMazziottaPareto().Aggregate(new double[,] { { -Huge, 1 }, { 0, 2 }, { Huge, 3 } }, [1, 1]);
        AssertNumeric.Close([70, 100, 130], r);
    }

    [Fact]
    public void Aggregate_CopelandFloatNoise_IsATie()
    {
        // unit 1 and unit 2 differ only by float noise on child 1 and tie on child 2: C = 0 for both
        var r = Aggregator.Copeland.Aggregate(new double[,] { { 5.0999999999999996, 1 }, { 5.1000000000000005, 1 } }, [1, 1]);
        Assert.Equal([0.0, 0], r);
        Assert.Equal(0.5, Aggregator.OutrankingMatrix(new double[,] { { 5.0999999999999996 }, { 5.1000000000000005 } }, [1])[0, 1]);
    }

    [Fact]
    public void Aggregate_CopelandWeightsNearMaxValue_SameAsEqualWeights() =>
        // unit 1 wins 2 of 3 equally weighted children: 2 * 2 + 0 - 3 > 0, C = +1 for unit 1, -1 for unit 2
        // (weights of 1.7e308 each overflow the sums unless scaled)
        Assert.Equal([1.0, -1], Aggregator.Copeland.Aggregate(new double[,] { { 2, 2, 1 }, { 1, 1, 2 } }, [Huge, Huge, Huge]));

    [Fact]
    public void Aggregate_WeightRatioBelowSmallestDouble_ThrowsNamingNodeAndChild()
    {
        // 4.9e-324 / 1.8e308 is not a double: the smaller weight cannot be expressed relative to the larger
        var ex = Assert.Throws<CalculationException>(() => Aggregator.ArithmeticMean.Aggregate(new double[,] { { 1, 2 } }, [double.MaxValue, double.Epsilon]));
        Assert.Equal("aggregate", ex.NodeCode);
        Assert.Equal("child 2", ex.ChildCode);
    }
}
