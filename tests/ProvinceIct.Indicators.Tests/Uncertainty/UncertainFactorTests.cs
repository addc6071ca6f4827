using System.Reflection;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Uncertainty;

public class UncertainFactorTests
{
    [Fact]
    public void Factories_EveryFactory_ReturnsItsCase()
    {
        Assert.IsType<WeightNoiseFactor>(UncertainFactor.WeightNoise());
        Assert.IsType<NormaliserChoiceFactor>(UncertainFactor.NormaliserChoice(Normaliser.MinMax(), Normaliser.Rank));
        Assert.IsType<AggregatorChoiceFactor>(UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean));
        Assert.IsType<AggregatorChoiceAtFactor>(UncertainFactor.AggregatorChoiceAt(["P1"], Aggregator.ArithmeticMean, Aggregator.GeometricMean));
        Assert.IsType<ExcludeOneIndicatorFactor>(UncertainFactor.ExcludeOneIndicator());
        Assert.IsType<ImputationChoiceFactor>(UncertainFactor.ImputationChoice(Imputer.Mean, Imputer.Median));
        Assert.IsType<OutlierTreatmentChoiceFactor>(UncertainFactor.OutlierTreatmentChoice(null, OutlierTreatment.Default));
        Assert.IsType<CustomFactor>(UncertainFactor.Custom("ties", ["a", "b"], (m, _) => m));
    }

    [Fact]
    public void WeightNoise_Levels_NameAndSortedLevels()
    {
        var f = Assert.IsType<WeightNoiseFactor>(UncertainFactor.WeightNoise(0.1, [2, 1, 2]));
        Assert.Equal(new[] { 1, 2 }, f.Levels.ToArray());
        Assert.Equal("weights±0.1@L1,2", f.Name);
        Assert.Equal((FactorKind.WeightNoise, PipelineStage.Aggregation, false), (f.Kind, f.Stage, f.ChangesData));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void WeightNoise_FractionOutside01_Throws(double f) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertainFactor.WeightNoise(f));

    [Fact]
    public void Choices_OneOption_Throw()
    {
        Assert.Throws<ArgumentException>(() => UncertainFactor.NormaliserChoice(Normaliser.Rank));
        Assert.Throws<ArgumentException>(() => UncertainFactor.AggregatorChoice(Aggregator.Median));
        Assert.Throws<ArgumentException>(() => UncertainFactor.AggregatorChoiceAt([], Aggregator.Median, Aggregator.Minimum));
        Assert.Throws<ArgumentException>(() => UncertainFactor.ImputationChoice(Imputer.Mean));
        Assert.Throws<ArgumentException>(() => UncertainFactor.OutlierTreatmentChoice([null]));
        Assert.Throws<ArgumentException>(() => UncertainFactor.Custom("x", ["a"], (m, _) => m));
        Assert.Throws<ArgumentException>(() => UncertainFactor.Custom(" ", ["a", "b"], (m, _) => m));
    }

    [Fact]
    public void ToString_Choices_OptionsInMethodText()
    {
        Assert.Equal("normaliser {minmax(1,100) | zscore(10,2)}", UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)).ToString());
        Assert.Equal("imputation {mean | group-median(region)}", UncertainFactor.ImputationChoice(Imputer.Mean, Imputer.GroupMedian("region")).ToString());
        Assert.Equal("outlier-treatment {none | winsorise(1,2,3.5)}", UncertainFactor.OutlierTreatmentChoice(null, OutlierTreatment.Create(1)).ToString());
        Assert.Equal("aggregator@P1 {arithmetic | geometric}", UncertainFactor.AggregatorChoiceAt(["P1", "P1"], Aggregator.ArithmeticMean, Aggregator.GeometricMean).ToString());
        Assert.Equal("exclude-one", UncertainFactor.ExcludeOneIndicator().ToString());
    }

    [Fact]
    public void Stage_DataAndNormaliserFactors_Normalisation()
    {
        Assert.Equal(PipelineStage.Normalisation, UncertainFactor.NormaliserChoice(Normaliser.MinMax(), Normaliser.Rank).Stage);
        Assert.True(UncertainFactor.ImputationChoice(Imputer.Mean, Imputer.Median).ChangesData);
        Assert.True(UncertainFactor.OutlierTreatmentChoice(null, OutlierTreatment.Default).ChangesData);
        Assert.Equal(FactorKind.AggregatorChoice, UncertainFactor.AggregatorChoiceAt(["P1"], Aggregator.ArithmeticMean, Aggregator.GeometricMean).Kind);
    }

    [Fact]
    public void Equals_SameOptionsBuiltTwice_Equal()
    {
        Assert.Equal(UncertainFactor.NormaliserChoice(Normaliser.MinMax(), Normaliser.Rank), UncertainFactor.NormaliserChoice(Normaliser.MinMax(), Normaliser.Rank));
        Assert.Equal(UncertainFactor.WeightNoise(0.2, [1]), UncertainFactor.WeightNoise(0.2, [1]));
        Assert.NotEqual(UncertainFactor.WeightNoise(0.2, [1]), UncertainFactor.WeightNoise(0.2));
    }

    [Fact]
    public void Cases_EveryProperty_HasNoPublicSetterOrInit()
    {
        // A `with` can only set what has a setter or init accessor visible to the caller; none has one.
        var cases = typeof(UncertainFactor).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(UncertainFactor))).ToList();
        Assert.Equal(8, cases.Count);
        Assert.All(cases, t => Assert.True(t.IsSealed, t.Name));
        var open = cases.Append(typeof(UncertainFactor))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod is { IsPublic: true } or { IsFamily: true } or { IsFamilyOrAssembly: true })
            .Select(p => p.DeclaringType!.Name + "." + p.Name);
        Assert.Empty(open);
    }
}
