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
        Assert.Equal(1, steps[1].Scale);
    }

    [Theory]
    [InlineData("{\"step\": \"sieve\"}", "$.treatment[0].step", ProblemCode.UnknownValue)]
    [InlineData("{\"step\": \"screen\"}", "$.treatment[0].threshold", ProblemCode.MissingValue)]
    [InlineData("{\"step\": \"screen\", \"threshold\": 1.5}", "$.treatment[0]", ProblemCode.InvalidParameter)]
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
}
