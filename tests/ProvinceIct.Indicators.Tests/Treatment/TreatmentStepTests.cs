using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class TreatmentStepTests
{
    [Fact]
    public void Denominate_Rules_KeptInOrder()
    {
        var step = TreatmentStep.Denominate([DenominationRule.Create("b", "pop", 10), DenominationRule.Create("a", "area")]);
        Assert.Equal(TreatmentStepKind.Denominate, step.Kind);
        Assert.Equal(["b", "a"], step.Denominators.Select(r => r.IndicatorCode));
        Assert.Equal("denominate(b = 10 * b / pop; a = 1 * a / area)", step.ToString());
    }

    [Fact]
    public void Denominate_NoRule_Throws() =>
        Assert.Throws<ArgumentException>(() => TreatmentStep.Denominate([]));

    [Fact]
    public void Denominate_TwoRulesForOneIndicator_Throws() =>
        Assert.Throws<ArgumentException>(() => TreatmentStep.Denominate([DenominationRule.Create("a", "pop"), DenominationRule.Create("a", "area")]));

    [Theory]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void DenominateByDefinitions_BadScale_Throws(double scale) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TreatmentStep.DenominateByDefinitions(scale));

    [Fact]
    public void Screen_ThresholdAndForcedUnits_BuildsScreening()
    {
        var step = TreatmentStep.Screen(0.5, ["A"], ["B"]);
        Assert.Equal(0.5, step.Screening!.Threshold);
        Assert.Equal(["A"], step.Screening.ForceInclude);
        Assert.Equal(["B"], step.Screening.ForceExclude);
        Assert.Equal("screen(0.5; in A; out B)", step.ToString());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Screen_ThresholdOutside01_Throws(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TreatmentStep.Screen(threshold));

    [Fact]
    public void Impute_WithinPillar_ThrowsBecauseItNeedsNormalisedData() =>
        Assert.Throws<ArgumentException>(() => TreatmentStep.Impute(Imputer.WithinPillar(Support.TinyIndex.Framework())));

    [Fact]
    public void Impute_GroupMedian_Formats() =>
        Assert.Equal("impute(GroupMedian(region))", TreatmentStep.Impute(Imputer.GroupMedian("region")).ToString());

    [Fact]
    public void Treat_Default_UsesCoinrDefaults()
    {
        var step = TreatmentStep.Treat();
        Assert.Equal(OutlierTreatment.Default, step.OutlierTreatment);
        Assert.Equal("treat(winmax 5)", step.ToString());
    }

    [Fact]
    public void BoxCox_Lambda_Kept()
    {
        var step = TreatmentStep.BoxCox(0.5);
        Assert.Equal((TreatmentStepKind.BoxCox, 0.5), (step.Kind, step.Lambda));
        Assert.True(double.IsNaN(TreatmentStep.Treat().Lambda));
        Assert.Equal("box-cox(0.5)", step.ToString());
    }

    [Fact]
    public void Equals_SameParametersBuiltTwice_Equal()
    {
        Assert.Equal(TreatmentStep.Screen(0.5, ["A", "C"]), TreatmentStep.Screen(0.5, ["C", "A"]));
        Assert.Equal(TreatmentStep.Denominate([DenominationRule.Create("a", "pop", 10)]), TreatmentStep.Denominate([DenominationRule.Create("a", "pop", 10)]));
        Assert.NotEqual(TreatmentStep.Screen(0.5), TreatmentStep.Screen(0.6));
        Assert.NotEqual(TreatmentStep.Impute(Imputer.Mean), TreatmentStep.Impute(Imputer.Median));
    }

    [Fact]
    public void ToString_ZeroScreening_NamesTheZeroTest()
    {
        Assert.Equal("screen(zeros 0.05)", TreatmentStep.Screen(UnitScreening.ByZeros()).ToString());
        Assert.Equal("screen(0.9; zeros 0.2; out A)", TreatmentStep.Screen(UnitScreening.ByMissingOrZeros(0.9, 0.2).WithForceExclude("A")).ToString());
    }
}
