using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Aggregation;

public partial class AggregatorTests
{
    private const double N = double.NaN;
    private static readonly double[] X = [20, 40, 80];
    private static readonly double[] W = [1, 1, 2];

    [Fact]
    public void Aggregate_Arithmetic_WeightedMean() =>
        // (20 + 40 + 2 * 80) / 4 = 220 / 4
        AssertNumeric.Close(55, Aggregator.ArithmeticMean.Aggregate(X, W));

    [Fact]
    public void Aggregate_Geometric_WeightedProductRoot() =>
        // (20 * 40 * 80^2)^(1/4) = 5,120,000^(1/4)
        AssertNumeric.Close(Math.Pow(5_120_000, 0.25), Aggregator.GeometricMean.Aggregate(X, W), 1e-14);

    [Fact]
    public void Aggregate_Harmonic_WeightOverSumOfWeightedReciprocals() =>
        // 4 / (1/20 + 1/40 + 2/80) = 4 / 0.1
        AssertNumeric.Close(40, Aggregator.HarmonicMean.Aggregate(X, W));

    [Fact]
    public void Aggregate_PowerTwo_QuadraticMean() =>
        // ((400 + 1600 + 2 * 6400) / 4)^(1/2) = 3700^(1/2)
        AssertNumeric.Close(Math.Sqrt(3700), Aggregator.PowerMean(2).Aggregate(X, W));

    [Theory]
    [InlineData(0, "geometric")]
    [InlineData(1, "arithmetic")]
    [InlineData(-1, "harmonic")]
    public void Aggregate_PowerMeanSpecialOrders_MatchNamedMeans(double p, string named)
    {
        var expected = named switch
        {
            "geometric" => Aggregator.GeometricMean,
            "arithmetic" => Aggregator.ArithmeticMean,
            _ => Aggregator.HarmonicMean,
        };
        AssertNumeric.Close(expected.Aggregate(X, W), Aggregator.PowerMean(p).Aggregate(X, W), 1e-14);
    }

    [Fact]
    public void Aggregate_Minimum_IgnoresZeroWeightChildren()
    {
        Assert.Equal(20, Aggregator.Minimum.Aggregate(X, W));
        Assert.Equal(40, Aggregator.Minimum.Aggregate(X, [0, 1, 1]));
    }

    [Fact]
    public void Aggregate_MissingChild_DropsItsWeight() =>
        // (20 + 2 * 80) / 3 = 60
        AssertNumeric.Close(60, Aggregator.ArithmeticMean.Aggregate([20, N, 80], W));

    [Fact]
    public void Aggregate_PowerMeanMissingChild_DropsItsWeightInsteadOfNa() =>
        // COINr's a_genmean returns NA here; we drop and re-normalise: ((400 + 2 * 6400) / 3)^(1/2) = 4400^(1/2)
        AssertNumeric.Close(Math.Sqrt(4400), Aggregator.PowerMean(2).Aggregate([20, N, 80], W));

    [Fact]
    public void Aggregate_AllMissing_IsMissing() => Assert.True(double.IsNaN(Aggregator.ArithmeticMean.Aggregate([N, N], [1, 1])));

    [Fact]
    public void Aggregate_OnlyZeroWeightPresent_IsMissing() => Assert.True(double.IsNaN(Aggregator.ArithmeticMean.Aggregate([N, 5], [1, 0])));

    [Fact]
    public void Aggregate_SingleChild_IsThatChild() => Assert.Equal(7, Aggregator.GeometricMean.Aggregate([7], [3]), 12);

    [Theory]
    [InlineData("geometric", 0)]
    [InlineData("geometric", -1)]
    [InlineData("harmonic", 0)]
    [InlineData("power-1", 0)]
    [InlineData("power0.5", -2)]
    public void Aggregate_NonPositiveForLogMeans_ThrowsNamingChild(string method, double bad)
    {
        var agg = method switch
        {
            "geometric" => Aggregator.GeometricMean,
            "harmonic" => Aggregator.HarmonicMean,
            "power-1" => Aggregator.PowerMean(-1),
            _ => Aggregator.PowerMean(0.5),
        };
        var ex = Assert.Throws<CalculationException>(() => agg.Aggregate([10, bad, 30], [1, 1, 1]));
        Assert.Equal(ProblemCode.NonPositiveValue, ex.Code);
        Assert.Equal("child 2", ex.ChildCode);
        Assert.Equal(bad, ex.Value);
    }

    [Fact]
    public void Aggregate_ZeroWeightNonPositiveChild_IsIgnored() =>
        AssertNumeric.Close(Math.Sqrt(10 * 40), Aggregator.GeometricMean.Aggregate([10, 0, 40], [1, 0, 1]), 1e-14);

    [Fact]
    public void Aggregate_RandomInputs_LiesBetweenMinAndMaxAndOrdersByPower()
    {
        var rng = new Random(42);
        for (var t = 0; t < 300; t++)
        {
            var k = rng.Next(1, 8);
            var x = Enumerable.Range(0, k).Select(_ => 1 + (rng.NextDouble() * 99)).ToArray();
            var w = Enumerable.Range(0, k).Select(_ => 0.1 + rng.NextDouble()).ToArray();
            var h = Aggregator.HarmonicMean.Aggregate(x, w);
            var g = Aggregator.GeometricMean.Aggregate(x, w);
            var a = Aggregator.ArithmeticMean.Aggregate(x, w);
            var q = Aggregator.PowerMean(2).Aggregate(x, w);
            Assert.True(x.Min() - 1e-9 <= h && h <= g + 1e-9 && g <= a + 1e-9 && a <= q + 1e-9 && q <= x.Max() + 1e-9, $"trial {t}");
        }
    }

    [Fact]
    public void ToString_Methods_AreShortAndInvariant() =>
        Assert.Equal("arithmetic geometric harmonic generalised-mean(0.5) minimum", string.Join(" ", new[] { Aggregator.ArithmeticMean, Aggregator.GeometricMean, Aggregator.HarmonicMean, Aggregator.PowerMean(0.5), Aggregator.Minimum }.Select(a => a.ToString())));
}
