using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.IO;

public partial class MethodologyJsonTests
{
    [Fact]
    public void Serialize_NoTreatment_OmitsTheList() =>
        Assert.DoesNotContain("treatment", MethodologyJson.Serialize(Minimal(Normaliser.MinMax())), StringComparison.Ordinal);

    public static TheoryData<int> StepIndices => [0, 1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(StepIndices))]
    public void RoundTrip_EveryTreatmentStep_Equal(int index)
    {
        var step = FullTreatment[index];
        var m = Minimal(Normaliser.MinMax()).WithTreatment(step.Kind == TreatmentStepKind.Denominate ? TreatmentStep.Denominate([DenominationRule.Create("a", "pop", 0.1 + 0.2)]) : step);
        var json = MethodologyJson.Serialize(m);
        var back = MethodologyJson.Deserialize(json);
        Assert.Equal(m.Treatment.ToArray(), back.Treatment.ToArray());
        Assert.Equal(json, MethodologyJson.Serialize(back));
    }

    [Fact]
    public void Serialize_ImputeStep_WritesOnlyItsProperties()
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax()).WithTreatment(TreatmentStep.Impute(Imputer.GroupMean("region"))));
        Assert.Contains("\"treatment\": [\n    {\n      \"step\": \"impute\",\n      \"imputer\": \"groupMean\",\n      \"group\": \"region\"\n    }\n  ],", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_DefaultsForOmittedNumbers_CoinrDefaults()
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax()))
            .Replace("\"normaliser\"", "\"treatment\": [{\"step\": \"treat\"}, {\"step\": \"denominateByDefinitions\"}],\n  \"normaliser\"", StringComparison.Ordinal);
        var steps = MethodologyJson.Deserialize(json).Treatment;
        Assert.Equal(TreatmentStep.Treat(), steps[0]);
        Assert.Equal(1, Assert.IsType<DenominateByDefinitionsStep>(steps[1]).Scale);
    }

    [Fact]
    public void RoundTrip_ZeroScreening_WritesRuleAndNonZeroThreshold()
    {
        var zeros = TreatmentStep.Screen(UnitScreening.ByZeros(0.1).WithForceExclude("A"));
        var both = TreatmentStep.Screen(UnitScreening.ByMissingOrZeros(0.9, 0.2));
        var m = Minimal(Normaliser.MinMax()).WithTreatment(zeros, both);
        var json = MethodologyJson.Serialize(m);
        Assert.Contains("\"step\": \"screen\",\n      \"unitScreen\": \"byZeros\",\n      \"nonZeroThreshold\": 0.1,", json, StringComparison.Ordinal);
        Assert.Contains("\"threshold\": 0.9,\n      \"unitScreen\": \"byMissingOrZeros\",\n      \"nonZeroThreshold\": 0.2", json, StringComparison.Ordinal);
        var back = MethodologyJson.Deserialize(json);
        Assert.Equal(m.Treatment.ToArray(), back.Treatment.ToArray());
        Assert.Equal(json, MethodologyJson.Serialize(back));
    }

    [Fact]
    public void Deserialize_OldScreenStep_ReadsAsAvailabilityScreening()
    {
        // A file written before zero screening: no unitScreen, no nonZeroThreshold.
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax()))
            .Replace("\"normaliser\"", "\"treatment\": [{\"step\": \"screen\", \"threshold\": 0.5}, {\"step\": \"screen\", \"unitScreen\": \"byZeros\"}],\n  \"normaliser\"", StringComparison.Ordinal);
        var steps = MethodologyJson.Deserialize(json).Treatment;
        Assert.Equal(UnitScreening.ByAvailability(0.5), Assert.IsType<ScreenStep>(steps[0]).Screening);
        Assert.Equal(UnitScreening.ByZeros(0.05), Assert.IsType<ScreenStep>(steps[1]).Screening);
    }

    [Theory]
    [InlineData("{\"step\": \"sieve\"}", "$.treatment[0].step", ProblemCode.UnknownValue)]
    [InlineData("{\"step\": \"screen\"}", "$.treatment[0].threshold", ProblemCode.MissingValue)]
    [InlineData("{\"step\": \"screen\", \"threshold\": 1.5}", "$.treatment[0]", ProblemCode.InvalidParameter)]
    [InlineData("{\"step\": \"screen\", \"unitScreen\": \"byNought\"}", "$.treatment[0].unitScreen", ProblemCode.UnknownValue)]
    [InlineData("{\"step\": \"screen\", \"unitScreen\": \"byMissingOrZeros\"}", "$.treatment[0].threshold", ProblemCode.MissingValue)]
    [InlineData("{\"step\": \"screen\", \"unitScreen\": \"byZeros\", \"nonZeroThreshold\": 2}", "$.treatment[0]", ProblemCode.InvalidParameter)]
    [InlineData("{\"step\": \"impute\"}", "$.treatment[0].imputer", ProblemCode.MissingValue)]
    [InlineData("{\"step\": \"impute\", \"imputer\": \"groupMean\"}", "$.treatment[0].group", ProblemCode.MissingValue)]
    [InlineData("{\"step\": \"impute\", \"imputer\": \"withinPillar\"}", "$.treatment[0].imputer", ProblemCode.InvalidParameter)]
    [InlineData("{\"step\": \"boxCox\"}", "$.treatment[0].lambda", ProblemCode.MissingValue)]
    [InlineData("{\"step\": \"denominate\"}", "$.treatment[0].denominators", ProblemCode.MissingValue)]
    [InlineData("{\"step\": \"denominate\", \"denominators\": [{\"indicator\": \"a\", \"denominator\": \"a\"}]}", "$.treatment[0].denominators[0]", ProblemCode.InvalidParameter)]
    [InlineData("{\"step\": \"denominate\", \"denominators\": [{\"indicator\": \"zz\", \"denominator\": \"pop\"}]}", "$.treatment", ProblemCode.UnknownValue)]
    [InlineData("{\"step\": \"treat\", \"winMax\": -1}", "$.treatment[0]", ProblemCode.InvalidParameter)]
    public void Read_BadTreatmentStep_ProblemWithPath(string stepJson, string path, ProblemCode code)
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax()))
            .Replace("\"normaliser\"", "\"treatment\": [" + stepJson + "],\n  \"normaliser\"", StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((path, code), (p.Path, p.Code));
    }

    [Theory]
    [InlineData("screen(0.5,in=B)")]
    [InlineData("impute(group-median,region)")]
    [InlineData("treat(winsorise,3,2,3.5)")]
    [InlineData("denominate(a/pop*10)")]
    [InlineData("box-cox(0)")]
    public void Deserialize_StepAsMethodText_SameStepAsTheRegistry(string text)
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax()))
            .Replace("\"normaliser\"", "\"treatment\": [{\"step\": \"" + text + "\"}],\n  \"normaliser\"", StringComparison.Ordinal);
        var step = Assert.Single(MethodologyJson.Deserialize(json).Treatment);
        Assert.Equal(ProvinceIct.Indicators.Methods.MethodRegistry.Default.Parse<TreatmentStep>(text), step);
    }

    [Fact]
    public void Read_StepAsMethodTextWithProperties_Problem()
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax()))
            .Replace("\"normaliser\"", "\"treatment\": [{\"step\": \"screen(0.5)\", \"threshold\": 0.4}],\n  \"normaliser\"", StringComparison.Ordinal);
        var result = MethodologyJson.Read(json);
        Assert.False(result.TryGetValue(out _));
        Assert.Contains(result.Report.Problems, p => p.Path == "$.treatment[0]");
    }
}
