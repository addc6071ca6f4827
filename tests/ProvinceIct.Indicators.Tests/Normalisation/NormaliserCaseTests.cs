using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Normalisation;

/// <summary>The closed hierarchy of normalisers (and aggregators): one sealed case per method, validated once.</summary>
public class NormaliserCaseTests
{
    private static readonly double[] X = [2, 4, 8];

    [Fact]
    public void Cases_EveryProperty_HasNoPublicSetterSoWithCannotBypassValidation()
    {
        // `Normaliser.MinMax() with { Lower = 100 }` does not compile: no case has a public (init) setter.
        var types = typeof(Normaliser).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Normaliser)) || t.IsSubclassOf(typeof(Aggregator)) || t == typeof(Normaliser) || t == typeof(Aggregator))
            .ToList();

        Assert.True(types.Count >= 14 + 11 + 4, "every case is a type");
        Assert.All(types.SelectMany(t => t.GetProperties()), p => Assert.False(p.SetMethod?.IsPublic ?? false, p.DeclaringType!.Name + "." + p.Name));
        Assert.All(types.Where(t => !t.IsAbstract), t => Assert.True(t.IsSealed, t.Name));
    }

    [Fact]
    public void Factories_ReturnTheirCase()
    {
        Assert.IsType<MinMaxNormaliser>(Normaliser.MinMax());
        Assert.IsType<ZScoreNormaliser>(Normaliser.ZScore());
        Assert.IsType<LogReferenceNormaliser>(Normaliser.LogReference());
        Assert.IsType<DistanceToReferenceNormaliser>(Normaliser.DistanceToReference("HN"));
        Assert.IsType<PowerMeanAggregator>(Aggregator.PowerMean(2));
        Assert.IsType<GeometricMeanAggregator>(Aggregator.GeometricMeanShifted(1));
    }

    [Fact]
    public void MinMax_InvertedRange_ThrowsInItsConstructor() =>
        Assert.Throws<ValidationException>(() => new MinMaxNormaliser(100, 0));

    [Fact]
    public void MinMax_TwoFourEight_ZeroThirtyThreeHundred()
    {
        // (x - 2) / (8 - 2) * 100: 0, 2 / 6 * 100 = 33.33..., 100.
        AssertNumeric.Close([0, 100.0 / 3, 100], new MinMaxNormaliser().Apply(X));
    }

    [Fact]
    public void ZScore_TwoFourEight_MeanTenSdTwo()
    {
        // mean 14/3, sd = sqrt(((2-14/3)^2 + (4-14/3)^2 + (8-14/3)^2) / 2) = sqrt((64/9 + 4/9 + 100/9) / 2) = sqrt(168/18) = sqrt(28/3).
        var sd = Math.Sqrt(28.0 / 3);
        double Z(double x) => ((x - (14.0 / 3)) / sd * 2) + 10;
        AssertNumeric.Close([Z(2), Z(4), Z(8)], new ZScoreNormaliser(10, 2).Apply(X));
    }

    [Fact]
    public void FractionOfMax_TwoFourEight_QuarterHalfOneTimesU()
    {
        // x / 8 * 4: 1, 2, 4.
        AssertNumeric.Close([1, 2, 4], new FractionOfMaxNormaliser(4).Apply(X));
    }

    [Fact]
    public void FractionOfMax_WithRangeLowerNotZero_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Normaliser.FractionOfMax().WithRange(1, 2));

    [Fact]
    public void LogReference_IndicatorWithoutReferenceValue_FailsAtMethodologyCreate()
    {
        var fw = Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("bw", "Bandwidth", IndicatorKind.Real), "IDX"),
            FrameworkNode.Aggregate("IDX", "Index"),
        ]);

        var ex = Assert.Throws<ValidationException>(() => Methodology.Create("m", "M", fw, Normaliser.LogReference()));

        var problem = Assert.Single(ex.Report.Problems);
        Assert.Equal(ProblemCode.InvalidParameter, problem.Code);
        Assert.Equal("bw", problem.IndicatorCode);
    }

    [Fact]
    public void Validate_EachCaseOwnsItsChecks_ProblemsNameTheIndicator()
    {
        var bare = IndicatorDefinition.Create("x", "X", IndicatorKind.Real);

        Assert.Single(Normaliser.Goalposts().Validate(bare));
        Assert.Single(Normaliser.DistanceToTarget().Validate(bare));
        Assert.Single(Normaliser.ReferenceValue().Validate(bare));
        Assert.Empty(Normaliser.MinMax().Validate(bare));
        Assert.All(Normaliser.LogReference().Validate(bare with { Direction = Direction.Negative }), p => Assert.Equal("x", p.IndicatorCode));
        Assert.Equal(2, Normaliser.LogReference().Validate(bare with { Direction = Direction.Negative }).Count());
    }

    [Fact]
    public void Name_IsTheMethodTextName()
    {
        Assert.Equal("minmax", Normaliser.MinMax(1, 2).Name);
        Assert.Equal("dist-to-ref", Normaliser.DistanceToReference("HN").Name);
        Assert.Equal("generalised-mean", Aggregator.PowerMean(3).Name);
        Assert.Equal("mpi+", Aggregator.MazziottaPareto(MpiPenalty.Positive).Name);
    }

    [Fact]
    public void Equality_SameCaseAndParameters_Equal()
    {
        Assert.Equal(Normaliser.MinMax(0, 100), new MinMaxNormaliser(0, 100));
        Assert.NotEqual<Normaliser>(Normaliser.PercentileRank(0, 1), Normaliser.DistanceToMax(0, 1));
        Assert.Equal(Aggregator.MeanMin(0.5, 1), new MeanMinAggregator(0.5, 1));
    }
}
