using System.Reflection;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class TreatmentStepTests
{
    /// <summary>Every step case, with default and with unusual parameters.</summary>
    public static TheoryData<TreatmentStep> EverySteps => new()
    {
        TreatmentStep.Denominate([DenominationRule.Create("b", "pop", 10), DenominationRule.Create("a", "area")]),
        TreatmentStep.Denominate([DenominationRule.Create("i1", "gdp", 0.1 + 0.2)]),
        TreatmentStep.DenominateByDefinitions(),
        TreatmentStep.DenominateByDefinitions(-1e-3),
        TreatmentStep.Screen(2.0 / 3.0),
        TreatmentStep.Screen(0.5, ["A", "C"], ["B"]),
        TreatmentStep.Screen(UnitScreening.ByZeros()),
        TreatmentStep.Screen(UnitScreening.ByMissingOrZeros(0.9, 0.2).WithForceExclude("A")),
        TreatmentStep.Impute(Imputer.Mean),
        TreatmentStep.Impute(Imputer.Median),
        TreatmentStep.Impute(Imputer.GroupMean("region")),
        TreatmentStep.Impute(Imputer.GroupMedian("Vùng")),
        TreatmentStep.Treat(),
        TreatmentStep.Treat(OutlierTreatment.Create(0, SkewKurtosisRule.Create(1.5, 2.25))),
        TreatmentStep.BoxCox(0.5),
        TreatmentStep.BoxCox(0),
    };

    [Fact]
    public void Denominate_Rules_KeptInOrder()
    {
        var step = Assert.IsType<DenominateStep>(TreatmentStep.Denominate([DenominationRule.Create("b", "pop", 10), DenominationRule.Create("a", "area")]));
        Assert.Equal(TreatmentStepKind.Denominate, step.Kind);
        Assert.Equal(["b", "a"], step.Denominators.Select(r => r.IndicatorCode));
        Assert.Equal("denominate(b/pop*10,a/area)", step.ToString());
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
    public void DenominateByDefinitions_Default_ScaleOne() =>
        Assert.Equal((1.0, "denominate-by-definitions(1)"), (Assert.IsType<DenominateByDefinitionsStep>(TreatmentStep.DenominateByDefinitions()).Scale, TreatmentStep.DenominateByDefinitions().ToString()));

    [Fact]
    public void Screen_ThresholdAndForcedUnits_BuildsScreening()
    {
        var step = Assert.IsType<ScreenStep>(TreatmentStep.Screen(0.5, ["A"], ["B"]));
        Assert.Equal(0.5, step.Screening.Threshold);
        Assert.Equal(["A"], step.Screening.ForceInclude);
        Assert.Equal(["B"], step.Screening.ForceExclude);
        Assert.Equal("screen(0.5,in=A,out=B)", step.ToString());
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
    public void Impute_GroupMedian_FormatsTheImputerFlattened() =>
        Assert.Equal("impute(group-median,region)", TreatmentStep.Impute(Imputer.GroupMedian("region")).ToString());

    [Fact]
    public void Treat_Default_UsesCoinrDefaults()
    {
        var step = Assert.IsType<TreatStep>(TreatmentStep.Treat());
        Assert.Equal(OutlierTreatment.Default, step.OutlierTreatment);
        Assert.Equal("treat(winsorise,5,2,3.5)", step.ToString());
    }

    [Fact]
    public void BoxCox_Lambda_Kept()
    {
        var step = Assert.IsType<BoxCoxStep>(TreatmentStep.BoxCox(0.5));
        Assert.Equal((TreatmentStepKind.BoxCox, 0.5), (step.Kind, step.Lambda));
        Assert.Equal("box-cox(0.5)", step.ToString());
    }

    [Fact]
    public void Equals_SameParametersBuiltTwice_Equal()
    {
        Assert.Equal(TreatmentStep.Screen(0.5, ["A", "C"]), TreatmentStep.Screen(0.5, ["C", "A"]));
        Assert.Equal(TreatmentStep.Denominate([DenominationRule.Create("a", "pop", 10)]), TreatmentStep.Denominate([DenominationRule.Create("a", "pop", 10)]));
        Assert.Equal(TreatmentStep.Denominate([DenominationRule.Create("a", "pop", 10)]).GetHashCode(), TreatmentStep.Denominate([DenominationRule.Create("a", "pop", 10)]).GetHashCode());
        Assert.NotEqual(TreatmentStep.Screen(0.5), TreatmentStep.Screen(0.6));
        Assert.NotEqual(TreatmentStep.Impute(Imputer.Mean), TreatmentStep.Impute(Imputer.Median));
        Assert.NotEqual<TreatmentStep>(TreatmentStep.DenominateByDefinitions(0.5), TreatmentStep.BoxCox(0.5));
    }

    [Fact]
    public void ToString_ZeroScreening_NamesTheZeroTest()
    {
        Assert.Equal("screen(zeros,0.05)", TreatmentStep.Screen(UnitScreening.ByZeros()).ToString());
        Assert.Equal("screen(missing-or-zeros,0.9,0.2,out=A)", TreatmentStep.Screen(UnitScreening.ByMissingOrZeros(0.9, 0.2).WithForceExclude("A")).ToString());
    }

    [Fact]
    public void ToString_CodesMethodTextCannotHold_ReadableWithoutThrowing()
    {
        Assert.Equal("screen(ByMissing 0.5 0.05; out A,B)", TreatmentStep.Screen(0.5, forceExclude: ["A,B"]).ToString());
        Assert.Equal("impute(group-mean(a(b)))", TreatmentStep.Impute(Imputer.GroupMean("a(b)")).ToString());
        Assert.Equal("denominate(x = 1 * x / p=q)", TreatmentStep.Denominate([DenominationRule.Create("x", "p=q")]).ToString());
        Assert.Throws<ArgumentException>(() => TreatmentStep.Screen(0.5, ["A;B"]).ToMethodCall());
    }

    [Theory]
    [MemberData(nameof(EverySteps))]
    public void Parse_ToStringOfEveryCase_EqualStepAndSameText(TreatmentStep step)
    {
        var back = MethodRegistry.Default.Parse<TreatmentStep>(step.ToString());
        Assert.Equal(step, back);
        Assert.Equal(step.GetType(), back.GetType());
        Assert.Equal(step.ToString(), back.ToString());
    }

    [Theory]
    [InlineData("screen(0.75)", "screen(0.75)")]
    [InlineData("screen(threshold=0.75,in=B;A)", "screen(0.75,in=A;B)")]
    [InlineData("impute(group-mean,group=region)", "impute(group-mean,region)")]
    [InlineData("treat", "treat(winsorise,5,2,3.5)")]
    [InlineData("treat(winsorise,3)", "treat(winsorise,3,2,3.5)")]
    [InlineData("treat(winsorize)", "treat(winsorise,5,2,3.5)")]
    [InlineData("denominate-by-definitions", "denominate-by-definitions(1)")]
    [InlineData("Box-Cox(1)", "box-cox(1)")]
    public void Parse_OtherSpellings_CanonicalText(string text, string canonical) =>
        Assert.Equal(canonical, MethodRegistry.Default.Parse<TreatmentStep>(text).ToString());

    [Theory]
    [InlineData("screen")]
    [InlineData("screen(1.5)")]
    [InlineData("screen(0.5,bogus=1)")]
    [InlineData("impute")]
    [InlineData("impute(mode)")]
    [InlineData("impute(group-mean)")]
    [InlineData("treat(clip)")]
    [InlineData("treat(winsorise,2.5)")]
    [InlineData("denominate(a)")]
    [InlineData("denominate(a/a)")]
    [InlineData("box-cox")]
    [InlineData("box-cox(inf)")]
    [InlineData("sieve(1)")]
    public void Read_BadText_ProblemNotException(string text)
    {
        var result = MethodRegistry.Default.Read<TreatmentStep>(text);
        Assert.False(result.TryGetValue(out _));
        Assert.NotEmpty(result.Report.Problems);
        Assert.Throws<ValidationException>(() => MethodRegistry.Default.Parse<TreatmentStep>(text));
    }

    [Fact]
    public void Cases_EveryProperty_HasNoPublicSetterOrInit()
    {
        // A `with` can only set what has a setter or init accessor: none of the cases' properties has a public one,
        // so a `with` cannot bypass the constructors' validation.
        var cases = typeof(TreatmentStep).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(TreatmentStep))).ToList();
        Assert.Equal(6, cases.Count);
        Assert.All(cases, t => Assert.True(t.IsSealed, t.Name));
        var open = cases.Append(typeof(TreatmentStep))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod is { IsPublic: true } or { IsFamily: true } or { IsFamilyOrAssembly: true })
            .Select(p => p.DeclaringType!.Name + "." + p.Name);
        Assert.Empty(open);
        Assert.All(typeof(TreatmentStep).GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Where(c => c.GetParameters().Length == 0), c => Assert.True(c.IsFamilyAndAssembly));
    }

    [Fact]
    public void Registry_TreatmentStepNames_EveryCase() =>
        Assert.Equal(["box-cox", "denominate", "denominate-by-definitions", "impute", "screen", "treat"], MethodRegistry.Default.Names<TreatmentStep>());
}
