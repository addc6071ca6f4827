using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Normalisation;

public partial class NormaliserTests
{
    private const double N = double.NaN;
    private static readonly double[] X = [2, 4, 6, N, 10];

    private static IndicatorDefinition Def(Direction d = Direction.Positive) => IndicatorDefinition.Create("x", "x", IndicatorKind.Real, d);

    [Fact]
    public void Apply_MinMaxDefault_MapsOntoZeroToHundred() =>
        // min 2, max 10, range 8: (4 - 2) / 8 * 100 = 25; (6 - 2) / 8 * 100 = 50
        AssertNumeric.Close([0, 25, 50, N, 100], Normaliser.MinMax().Apply(X));

    [Fact]
    public void Apply_MinMaxOneToHundred_ShiftsLowerBound() =>
        // 1 + t * 99: t = 0, 0.25, 0.5, 1
        AssertNumeric.Close([1, 25.75, 50.5, N, 100], Normaliser.MinMax(1, 100).Apply(X));

    [Fact]
    public void Apply_MinMaxNegativeDirection_FlipsBeforeScaling() =>
        // -x = -2, -4, -6, -10: min -10, max -2; (-4 + 10) / 8 * 100 = 75
        AssertNumeric.Close([100, 75, 50, N, 0], Normaliser.MinMax().Apply(X, Def(Direction.Negative)));

    [Fact]
    public void Apply_ZScore_UsesSampleStandardDeviation()
    {
        // mean of 2, 4, 6, 10 = 5.5; squared deviations 12.25 + 2.25 + 0.25 + 20.25 = 35; sd = sqrt(35 / 3)
        var sd = Math.Sqrt(35.0 / 3);
        AssertNumeric.Close([-3.5 / sd, -1.5 / sd, 0.5 / sd, N, 4.5 / sd], Normaliser.ZScore().Apply(X));
    }

    [Fact]
    public void Apply_ZScoreWithMeanAndSd_Rescales()
    {
        var sd = Math.Sqrt(35.0 / 3);
        // 100 + 10 * z
        AssertNumeric.Close([100 - (35 / sd), 100 - (15 / sd), 100 + (5 / sd), N, 100 + (45 / sd)], Normaliser.ZScore(100, 10).Apply(X));
    }

    [Fact]
    public void Apply_Rank_AscendingTiesShareSmallestRank() =>
        // values 3, 1, 3, NaN, 2: 1 -> 1, 2 -> 2, both 3s -> 3
        Assert.Equal([3, 1, 3, N, 2], Normaliser.Rank.Apply([3, 1, 3, N, 2]));

    [Fact]
    public void Apply_PercentileRank_IsRankMinusOneOverNMinusOne() =>
        // ranks 1, 2, 3, 4 of n = 4: (r - 1) / 3
        AssertNumeric.Close([0, 1.0 / 3, 2.0 / 3, N, 1], Normaliser.PercentileRank().Apply(X));

    [Fact]
    public void Apply_DistanceToMax_EqualsOneMinusGapOverRange() =>
        // 1 - (10 - 4) / 8 = 0.25
        AssertNumeric.Close([0, 0.25, 0.5, N, 1], Normaliser.DistanceToMax().Apply(X));

    [Fact]
    public void Apply_FractionOfMax_DividesByMax() =>
        AssertNumeric.Close([0.2, 0.4, 0.6, N, 1], Normaliser.FractionOfMax().Apply(X));

    [Fact]
    public void Apply_Goalposts_TruncatesToPosts()
    {
        // L = 3, U = 8: (2 - 3) / 5 = -0.2 -> 0; (4 - 3) / 5 = 0.2; (6 - 3) / 5 = 0.6; (10 - 3) / 5 = 1.4 -> 1
        var def = Def().WithGoalposts(3, 8);
        AssertNumeric.Close([0, 0.2, 0.6, N, 1], Normaliser.Goalposts().Apply(X, def));
        AssertNumeric.Close([0, 20, 60, N, 100], Normaliser.Goalposts(0, 100).Apply(X, def));
    }

    [Fact]
    public void Apply_GoalpostsNegative_MeasuresFromUpperPost() =>
        // (8 - x) / 5: 6/5 -> 1, 4/5, 2/5, -2/5 -> 0
        AssertNumeric.Close([1, 0.8, 0.4, N, 0], Normaliser.Goalposts().Apply(X, Def(Direction.Negative).WithGoalposts(3, 8)));

    [Fact]
    public void Apply_ReferenceValue_CapsAtOne() =>
        // x / 5: 0.4, 0.8, 1.2 -> 1, 2 -> 1
        AssertNumeric.Close([0.4, 0.8, 1, N, 1], Normaliser.ReferenceValue().Apply(X, Def().WithReferenceValue(5)));

    [Fact]
    public void Apply_LogReference_IsLogRatioCappedAtOne()
    {
        // ref = 1000, log10(ref) = 3: log10(10) / 3 = 1/3; log10(100) / 3 = 2/3; log10(1000) / 3 = 1; log10(1e6) / 3 = 2 -> 1;
        // log10(1) / 3 = 0; on [0, 10]: times 10
        var def = Def().WithReferenceValue(1000);
        AssertNumeric.Close([1.0 / 3, 2.0 / 3, 1, N, 1, 0], Normaliser.LogReference().Apply([10, 100, 1000, N, 1e6, 1], def));
        AssertNumeric.Close([10.0 / 3, 20.0 / 3, 10, N, 10, 0], Normaliser.LogReference(0, 10).Apply([10, 100, 1000, N, 1e6, 1], def));
    }

    [Fact]
    public void Apply_LogReferenceItuBandwidth_MatchesIdiFormula()
    {
        // ITU IDI 2017: ref 2,158,212 bit/s per user, log10(ref) = 6.33410...; x = 100,000: log10(x) = 5, 5 / 6.3340941 = 0.7893789
        var def = Def().WithReferenceValue(2_158_212);
        AssertNumeric.Close(5 / Math.Log10(2_158_212), Normaliser.LogReference().Apply([100_000], def)[0]);
        AssertNumeric.Close(0.7893789, Normaliser.LogReference().Apply([100_000], def)[0], 1e-6);
    }

    [Fact]
    public void Apply_LogReferenceBelowOne_IsNotCappedBelow() =>
        // log10(0.1) / log10(100) = -1 / 2: only the upper end is capped, as in the ITU formula
        AssertNumeric.Close([-0.5], Normaliser.LogReference().Apply([0.1], Def().WithReferenceValue(100)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    public void Apply_LogReferenceNonPositive_ThrowsNamingIndicator(double bad)
    {
        var def = IndicatorDefinition.Create("bandwidth", "Bandwidth", IndicatorKind.Real).WithReferenceValue(1000);
        var ex = Assert.Throws<CalculationException>(() => Normaliser.LogReference().Apply([10, N, bad], def));
        Assert.Equal(ProblemCode.NonPositiveValue, ex.Code);
        Assert.Equal("bandwidth", ex.NodeCode);
        Assert.Equal(bad, ex.Value);
        Assert.Contains("'bandwidth'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_LogReferenceReferenceAtOrBelowOne_Throws()
    {
        // log10(1) = 0 would divide by zero
        var ex = Assert.Throws<CalculationException>(() => Normaliser.LogReference().Apply([10], Def().WithReferenceValue(1)));
        Assert.Equal(ProblemCode.InvalidParameter, ex.Code);
    }

    [Fact]
    public void Apply_LogReferenceWithoutReference_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Normaliser.LogReference().Apply([10]));

    [Fact]
    public void Apply_LogReferenceAllMissing_StaysMissing() =>
        Assert.Equal([N, N], Normaliser.LogReference().Apply([N, N], Def().WithReferenceValue(10)));

    [Fact]
    public void LogReference_RangeAndText_AreSet()
    {
        var n = Normaliser.LogReference(0, 10);
        Assert.True(n.HasRange);
        Assert.IsType<LogReferenceNormaliser>(n);
        Assert.Equal("log-reference(0,10)", n.ToString());
        Assert.Equal("log-reference(1,5)", n.WithRange(1, 5).ToString());
    }

    [Fact]
    public void Apply_IdentityNegative_FlipsSign() =>
        AssertNumeric.Close([-2, -4, -6, N, -10], Normaliser.Identity.Apply(X, Def(Direction.Negative)));

    [Theory]
    [InlineData("minmax")]
    [InlineData("zscore")]
    [InlineData("d2max")]
    public void Apply_ConstantColumn_ThrowsNamingIndicator(string method)
    {
        var n = method switch
        {
            "minmax" => Normaliser.MinMax(),
            "zscore" => Normaliser.ZScore(),
                        _ => Normaliser.DistanceToMax(),
        };
        var def = IndicatorDefinition.Create("servers", "Servers", IndicatorKind.Count);
        var ex = Assert.Throws<CalculationException>(() => n.Apply([5, 5, N], def));
        Assert.Equal(ProblemCode.ConstantColumn, ex.Code);
        Assert.Equal("servers", ex.NodeCode);
        Assert.Contains("servers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ConstantColumnMidpointPolicy_GivesMidpoint() =>
        Assert.Equal([50, 50, N], Normaliser.MinMax(0, 100, DegenerateColumnPolicy.Midpoint).Apply([5, 5, N]));

    [Fact]
    public void Apply_PercentileRankAllTied_AllZeroAsCoinr() =>
        // ranks 1, 1 (ties share the smallest); (1 - 1) / (2 - 1) = 0
        Assert.Equal([0, 0, N], Normaliser.PercentileRank().Apply([5, 5, N]));

    [Fact]
    public void Apply_PercentileRankSingleValue_Throws() =>
        Assert.Equal(ProblemCode.ConstantColumn, Assert.Throws<CalculationException>(() => Normaliser.PercentileRank().Apply([5, N])).Code);

    [Fact]
    public void Apply_SingleUnitRank_IsOne() => Assert.Equal([1.0], Normaliser.Rank.Apply([7]));

    [Fact]
    public void Apply_SingleUnitMinMax_Throws() => Assert.Throws<CalculationException>(() => Normaliser.MinMax().Apply([7]));

    [Fact]
    public void Apply_AllMissing_StaysMissing() => Assert.Equal([N, N], Normaliser.MinMax().Apply([N, N]));

    [Fact]
    public void Apply_FractionOfMaxNegativeDirection_ThrowsInsteadOfNonsense()
    {
        var ex = Assert.Throws<CalculationException>(() => Normaliser.FractionOfMax().Apply(X, Def(Direction.Negative)));
        Assert.Equal(ProblemCode.InvalidParameter, ex.Code);
    }

    [Fact]
    public void Apply_GoalpostsWithoutPosts_Throws() => Assert.Throws<InvalidOperationException>(() => Normaliser.Goalposts().Apply(X));

    [Fact]
    public void WithRange_ZScore_Throws() => Assert.Throws<InvalidOperationException>(() => Normaliser.ZScore().WithRange(0, 1));

    [Fact]
    public void MinMax_InvertedRange_Throws() => Assert.Throws<ValidationException>(() => Normaliser.MinMax(100, 0));

    [Fact]
    public void ToString_Methods_AreShortAndInvariant() =>
        Assert.Equal(
            "minmax(0,100) zscore(0,1) rank percentile-rank(0,1) dist-to-max(0,1) fraction-of-max(1) goalposts(0,1) reference-value(0,1) identity",
            string.Join(" ", new[] { Normaliser.MinMax(), Normaliser.ZScore(), Normaliser.Rank, Normaliser.PercentileRank(), Normaliser.DistanceToMax(), Normaliser.FractionOfMax(), Normaliser.Goalposts(), Normaliser.ReferenceValue(), Normaliser.Identity }.Select(n => n.ToString())));

    [Fact]
    public void Apply_RandomColumns_MinMaxStaysInRangeAndHitsBothEnds()
    {
        var rng = new Random(20161);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = rng.Next(2, 60);
            var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.1 ? N : (rng.NextDouble() * 1000) - 500).ToArray();
            if (x.Where(v => !double.IsNaN(v)).Distinct().Count() < 2)
            {
                continue;
            }

            var l = rng.Next(-10, 10);
            var u = l + rng.Next(1, 200);
            var y = Normaliser.MinMax(l, u).Apply(x);
            var present = y.Where(v => !double.IsNaN(v)).ToArray();
            Assert.All(present, v => Assert.InRange(v, l, u));
            AssertNumeric.Close(l, present.Min(), 1e-12);
            AssertNumeric.Close(u, present.Max(), 1e-12);
            Assert.Equal(x.Select(double.IsNaN), y.Select(double.IsNaN));
        }
    }

    [Fact]
    public void Apply_RandomColumns_PreservesOrder()
    {
        var rng = new Random(7);
        foreach (var norm in new[] { Normaliser.MinMax(), Normaliser.ZScore(), Normaliser.PercentileRank(), Normaliser.Rank, Normaliser.DistanceToMax() })
        {
            var x = Enumerable.Range(0, 40).Select(_ => Math.Round(rng.NextDouble() * 20)).ToArray();
            var y = norm.Apply(x);
            for (var i = 0; i < x.Length; i++)
            {
                for (var j = 0; j < x.Length; j++)
                {
                    if (x[i] < x[j])
                    {
                        Assert.True(y[i] < y[j], $"{norm}: order broken at {i},{j}");
                    }
                    else if (x[i] == x[j])
                    {
                        Assert.Equal(y[i], y[j]);
                    }
                }
            }
        }
    }
}
