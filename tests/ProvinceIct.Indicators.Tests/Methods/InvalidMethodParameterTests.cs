using System.Text.Json.Nodes;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Methods;

/// <summary>
/// One user error, one exception type, whatever the entry point: an invalid method parameter raises a
/// <see cref="ValidationException"/> with the same problem (code, parameter, expected, found, message) from the
/// factory, <see cref="MethodRegistry.Parse{T}"/> and <see cref="MethodologyJson"/> (method text and the older object
/// form), and the CLI prints it on one line and exits 2.
/// </summary>
public sealed class InvalidMethodParameterTests : CliRunner
{
    private const string Meta = """
        iCode,iName,Level,Parent,Direction,Weight,Type,Kind
        i1,Indicator 1,1,IDX,1,1,Indicator,percent
        i2,Indicator 2,1,IDX,1,1,Indicator,percent
        IDX,Index,2,,1,1,Aggregate,
        """;

    private const string Data = """
        uCode,uName,i1,i2
        A,Alpha,0,10
        B,Bravo,5,20
        """;

    /// <summary>Method text, the same method built by its factory, the parameter at fault and what is found.</summary>
    private static readonly (string Text, Func<Normaliser> Factory, string Parameter, string Found)[] Normalisers =
    [
        ("minmax(100,0)", () => Normaliser.MinMax(100, 0), "lower, upper", "lower = 100, upper = 0"),
        ("minmax(nan,1)", () => Normaliser.MinMax(double.NaN, 1), "lower", "lower = NaN, upper = 1"),
        ("zscore(0,-1)", () => Normaliser.ZScore(0, -1), "sd", "-1"),
        ("zscore(inf,1)", () => Normaliser.ZScore(double.PositiveInfinity, 1), "mean", "Infinity"),
        ("percentile-rank(1,1)", () => Normaliser.PercentileRank(1, 1), "lower, upper", "lower = 1, upper = 1"),
        ("dist-to-max(0,-inf)", () => Normaliser.DistanceToMax(0, double.NegativeInfinity), "upper", "lower = 0, upper = -Infinity"),
        ("fraction-of-max(0)", () => Normaliser.FractionOfMax(0), "upper", "0"),
        ("goalposts(5,2)", () => Normaliser.Goalposts(5, 2), "lower, upper", "lower = 5, upper = 2"),
        ("reference-value(1,0)", () => Normaliser.ReferenceValue(1, 0), "lower, upper", "lower = 1, upper = 0"),
        ("log-reference(1,0)", () => Normaliser.LogReference(1, 0), "lower, upper", "lower = 1, upper = 0"),
        ("dist-to-ref(HN,1,0)", () => Normaliser.DistanceToReference("HN", CapPolicy.None, 1, 0), "lower, upper", "lower = 1, upper = 0"),
        ("dist-to-target(1,0)", () => Normaliser.DistanceToTarget(CapPolicy.None, 1, 0), "lower, upper", "lower = 1, upper = 0"),
        ("categorical(100,0)", () => Normaliser.Categorical(100, 0), "lower, upper", "lower = 100, upper = 0"),
    ];

    private static readonly (string Text, Func<Aggregator> Factory, string Parameter, string Found)[] Aggregators =
    [
        ("generalised-mean(nan)", () => Aggregator.PowerMean(double.NaN), "p", "NaN"),
        ("generalised-mean(inf)", () => Aggregator.PowerMean(double.PositiveInfinity), "p", "Infinity"),
        ("mean-min(1.5,0)", () => Aggregator.MeanMin(1.5, 0), "alpha", "1.5"),
        ("mean-min(0.5,-1)", () => Aggregator.MeanMin(0.5, -1), "beta", "-1"),
        ("geometric(shift=0)", () => Aggregator.GeometricMeanShifted(0), "shift", "0"),
        ("harmonic(shift=-1)", () => Aggregator.HarmonicMeanShifted(-1), "shift", "-1"),
        ("bod(2,1)", () => Aggregator.BenefitOfTheDoubt(2, 1), "upper", "1"),
        ("bod(-1)", () => Aggregator.BenefitOfTheDoubt(-1), "lower", "-1"),
        ("ampi-(inf)", () => Aggregator.AdjustedMazziottaPareto(MpiPenalty.Negative, double.PositiveInfinity), "reference", "Infinity"),
    ];

    public static TheoryData<string> NormaliserTexts => [.. Normalisers.Select(c => c.Text)];

    public static TheoryData<string> AggregatorTexts => [.. Aggregators.Select(c => c.Text)];

    [Theory]
    [MemberData(nameof(NormaliserTexts))]
    public void Normaliser_InvalidParameter_SameProblemFromFactoryRegistryAndJson(string text)
    {
        var c = Normalisers.Single(x => x.Text == text);
        AssertSameProblem(
            c,
            Assert.Throws<ValidationException>(() => c.Factory()),
            Assert.Throws<ValidationException>(() => MethodRegistry.Default.Parse<Normaliser>(text)),
            JsonProblem("normaliser", text));
    }

    [Theory]
    [MemberData(nameof(AggregatorTexts))]
    public void Aggregator_InvalidParameter_SameProblemFromFactoryRegistryAndJson(string text)
    {
        var c = Aggregators.Single(x => x.Text == text);
        AssertSameProblem(
            c,
            Assert.Throws<ValidationException>(() => c.Factory()),
            Assert.Throws<ValidationException>(() => MethodRegistry.Default.Parse<Aggregator>(text)),
            JsonProblem("aggregator", text));
    }

    [Theory]
    [InlineData("normaliser", """{ "method": "minMax", "lower": 100, "upper": 0 }""", "minmax(100,0)")]
    [InlineData("normaliser", """{ "method": "zScore", "sd": -1 }""", "zscore(0,-1)")]
    [InlineData("aggregator", """{ "method": "meanMin", "alpha": 1.5, "beta": 0 }""", "mean-min(1.5,0)")]
    [InlineData("aggregator", """{ "method": "benefitOfTheDoubt", "lowerBound": 2, "upperBound": 1 }""", "bod(2,1)")]
    public void JsonObjectForm_InvalidParameter_SameProblemAsTheMethodText(string property, string json, string text)
    {
        var expected = Assert.Single(Assert.Throws<ValidationException>(() => property == "normaliser"
            ? MethodRegistry.Default.Parse<Normaliser>(text)
            : (object)MethodRegistry.Default.Parse<Aggregator>(text)).Report.Problems);
        var found = JsonProblem(property, JsonNode.Parse(json)!);
        Assert.Equal(Facts(expected), Facts(found));
        Assert.Equal("$." + property, found.Path);
    }

    [Theory]
    [InlineData("--normalise", "minmax(100,0)", "lower = 100, upper = 0")]
    [InlineData("--normalise", "zscore(0,-1)", "-1")]
    [InlineData("--aggregate", "generalised-mean(nan)", "NaN")]
    [InlineData("--aggregate", "mean-min(1.5,0)", "1.5")]
    public void Cli_InvalidParameter_OneLineAndExit2(string option, string text, string found)
    {
        var (code, output, err) = Run("compute", "--data", Write("d.csv", Data), "--meta", Write("m.csv", Meta), option, text);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(text.Split('(')[0] + ":", line, StringComparison.Ordinal);
        Assert.Contains(found, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UserMethodThrowingArgumentException_InvalidParameterFromTheExceptionsProperties()
    {
        // A user factory that throws the BCL's exception instead of ValidationException.InvalidParameter: the registry still
        // reports a ValidationException, built from ParamName and ActualValue (not from the message text).
        var registry = MethodRegistry.Default.WithNormaliser("strict", a => throw new ArgumentOutOfRangeException("k", a.Number(0, "k"), "k must be small."));
        var p = Assert.Single(Assert.Throws<ValidationException>(() => registry.Parse<Normaliser>("strict(7)")).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "k", "7"), (p.Code, p.Parameter, p.Found));
        Assert.DoesNotContain("(Parameter", p.Message, StringComparison.Ordinal);
    }

    private static void AssertSameProblem((string Text, Delegate Factory, string Parameter, string Found) c, ValidationException factory, ValidationException parse, ValidationProblem json)
    {
        var f = Assert.Single(factory.Report.Problems);
        var p = Assert.Single(parse.Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, c.Parameter), (f.Code, f.Parameter));
        Assert.Contains(c.Found, f.Found, StringComparison.Ordinal);
        Assert.StartsWith(c.Text.Split('(')[0] + ":", f.Message, StringComparison.Ordinal);
        Assert.Equal(Facts(f), Facts(p));
        Assert.Equal(Facts(f), Facts(json));
        Assert.Equal(factory.Message, parse.Message);
    }

    private static (ProblemCode, string?, string?, string?, string) Facts(ValidationProblem p) => (p.Code, p.Parameter, p.Expected, p.Found, p.Message);

    private static ValidationProblem JsonProblem(string property, string text) => JsonProblem(property, new JsonObject { ["method"] = text });

    /// <summary>The tiny index's methodology with its normaliser or aggregator replaced, read back from JSON.</summary>
    private static ValidationProblem JsonProblem(string property, JsonNode method)
    {
        var root = JsonNode.Parse(MethodologyJson.Serialize(TinyIndex.Methodology()))!;
        root[property] = method;
        var e = Assert.Throws<ValidationException>(() => MethodologyJson.Deserialize(root.ToJsonString()));
        return Assert.Single(e.Report.Problems);
    }
}
