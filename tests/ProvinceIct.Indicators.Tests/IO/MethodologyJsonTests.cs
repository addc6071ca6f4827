using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.IO;

public partial class MethodologyJsonTests
{
    /// <summary>A methodology that uses every option: every normaliser method, every kind, per-node overrides, negative directions, goalposts.</summary>
    private static Methodology Full(TiePolicy ties = TiePolicy.Competition)
    {
        static IndicatorDefinition Def(string code, IndicatorKind kind, Direction d = Direction.Positive) => IndicatorDefinition.Create(code, "Indicator " + code, kind, d);
        var nodes = new List<FrameworkNode>
        {
            FrameworkNode.Aggregate("idx", "Open readiness index", nameVi: "Chỉ số sẵn sàng mở, \"thử nghiệm\"") with { AvailabilityThreshold = 0.5 },
            FrameworkNode.Aggregate("infra", "Infrastructure", "idx", 2, Aggregator.PowerMean(0.5), "Hạ tầng"),
            FrameworkNode.Aggregate("human", "Human resources", "idx", 1, Aggregator.GeometricMean) with { AggregateDirection = Direction.Negative },
            FrameworkNode.Aggregate("econ", "Economy", "idx", 1.0 / 3, Aggregator.HarmonicMean) with { AvailabilityThreshold = 2.0 / 3 },
            FrameworkNode.Aggregate("gov", "Government", "idx", 0.1 + 0.2, Aggregator.Minimum),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("elec", "Electricity", IndicatorKind.Percent, Direction.Positive, "Điện lưới", "%").WithGoalposts(50, 100), "infra", 1, Normaliser.Goalposts(0, 100)),
            FrameworkNode.ForIndicator(Def("urban", IndicatorKind.Share), "infra", 0.25, Normaliser.MinMax(1, 10, DegenerateColumnPolicy.Midpoint)),
            FrameworkNode.ForIndicator(Def("lit", IndicatorKind.Percent), "human", 1, Normaliser.ZScore(100, 10, DegenerateColumnPolicy.Midpoint)),
            FrameworkNode.ForIndicator(Def("students", IndicatorKind.RatePer(10_000)) with { DenominatorCode = "pop", Unit = "per 10,000" }, "human", 1, Normaliser.Rank),
            FrameworkNode.ForIndicator(Def("poverty", IndicatorKind.Percent, Direction.Negative).WithTarget(2.5), "econ", 1, Normaliser.PercentileRank(0, 100)),
            FrameworkNode.ForIndicator(Def("income", IndicatorKind.Money("thousand VND")), "econ", 1, Normaliser.DistanceToMax()),
            FrameworkNode.ForIndicator(Def("retail", IndicatorKind.Real), "econ", 1, Normaliser.FractionOfMax(100)),
            FrameworkNode.ForIndicator(Def("web", IndicatorKind.BoundedScore(0, 10)).WithReferenceValue(8), "gov", 1, Normaliser.ReferenceValue()),
            FrameworkNode.ForIndicator(Def("lan", IndicatorKind.YesNo), "gov", 1, Normaliser.Identity),
            FrameworkNode.ForIndicator(Def("level", IndicatorKind.ServiceLevel), "gov", 1) with { NameVi = "Mức độ dịch vụ công" },
            FrameworkNode.ForIndicator(Def("servers", IndicatorKind.Count, Direction.Negative), "gov", 0),
        };
        return (Methodology.Create("open-readiness-2016", "Open-data readiness 2016 (minh hoạ)", Framework.Create(nodes), Normaliser.MinMax(), Aggregator.ArithmeticMean, ties, 0.25)
            with { Description = "Illustrative index from GSO and PCI 2016 data. Không phải chỉ số ICT chính thức." })
            .WithTreatment(FullTreatment);
    }

    /// <summary>One step of every kind, with non-default parameters.</summary>
    private static TreatmentStep[] FullTreatment =>
    [
        TreatmentStep.Denominate([DenominationRule.Create("retail", "pop", 0.1 + 0.2), DenominationRule.Create("income", "households")]),
        TreatmentStep.DenominateByDefinitions(10),
        TreatmentStep.Screen(2.0 / 3, ["01"], ["79", "48"]),
        TreatmentStep.Impute(Imputer.GroupMedian("region")),
        TreatmentStep.Treat(OutlierTreatment.Create(3, SkewKurtosisRule.Create(2.25, 3.5))),
        TreatmentStep.BoxCox(0.5),
    ];

    private static Methodology Minimal(Normaliser normaliser, Aggregator? aggregator = null) => Methodology.Create(
        "m",
        "M",
        Framework.Create(
        [
            FrameworkNode.Aggregate("idx", "Index"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("a", "A", IndicatorKind.Real).WithGoalposts(-1, 1).WithReferenceValue(3), "idx"),
        ]),
        normaliser,
        aggregator);

    [Fact]
    public void Serialize_FullMethodology_MatchesSnapshot() =>
        Snapshot.Match(MethodologyJson.Serialize(Full()), "json");

    [Fact]
    public void SerializeDeserializeSerialize_FullMethodology_IdenticalTextAndValues()
    {
        var m = Full();
        var json = MethodologyJson.Serialize(m);
        var back = MethodologyJson.Deserialize(json);
        Assert.Equal(json, MethodologyJson.Serialize(back));
        Assert.Equal(m.Framework.Nodes.ToArray(), back.Framework.Nodes.ToArray());
        Assert.Equal((m.Code, m.Name, m.Description, m.Normaliser, m.Aggregator, m.Ties, m.AvailabilityThreshold), (back.Code, back.Name, back.Description, back.Normaliser, back.Aggregator, back.Ties, back.AvailabilityThreshold));
        Assert.Equal(m.Treatment.ToArray(), back.Treatment.ToArray());
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.1 + 0.2), BitConverter.DoubleToInt64Bits(Assert.IsType<DenominateStep>(back.Treatment[0]).Denominators[0].Scale));
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.0 / 3), BitConverter.DoubleToInt64Bits(back.Framework["econ"].Weight));
    }

    [Theory]
    [InlineData(TiePolicy.Competition, "competition")]
    [InlineData(TiePolicy.Dense, "dense")]
    [InlineData(TiePolicy.Fractional, "fractional")]
    [InlineData(TiePolicy.Ordinal, "ordinal")]
    public void RoundTrip_EveryTiePolicy_Kept(TiePolicy ties, string name)
    {
        var json = MethodologyJson.Serialize(Full(ties));
        Assert.Contains("\"ties\": \"" + name + "\"", json, StringComparison.Ordinal);
        Assert.Equal(ties, MethodologyJson.Deserialize(json).Ties);
    }

    public static TheoryData<string> Normalisers => new() { "identity", "rank", "minmax", "zscore", "percentile", "distmax", "fracmax", "goalposts", "reference" };

    private static Normaliser NormaliserNamed(string name) => name switch
    {
        "identity" => Normaliser.Identity,
        "rank" => Normaliser.Rank,
        "minmax" => Normaliser.MinMax(-0.5, 1e-3),
        "zscore" => Normaliser.ZScore(50, 0.1 + 0.2),
        "percentile" => Normaliser.PercentileRank(0, 100, DegenerateColumnPolicy.Midpoint),
        "distmax" => Normaliser.DistanceToMax(1, 2),
        "fracmax" => Normaliser.FractionOfMax(100),
        "goalposts" => Normaliser.Goalposts(0, 10),
        _ => Normaliser.ReferenceValue(0, 1),
    };

    [Theory]
    [MemberData(nameof(Normalisers))]
    public void RoundTrip_EveryNormaliserAsDefault_Equal(string name)
    {
        var m = Minimal(NormaliserNamed(name));
        var json = MethodologyJson.Serialize(m);
        var back = MethodologyJson.Deserialize(json);
        Assert.Equal(m.Normaliser, back.Normaliser);
        Assert.Equal(json, MethodologyJson.Serialize(back));
    }

    [Fact]
    public void Serialize_NormaliserWithoutRange_OmitsNaNBounds()
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.ZScore()));
        Assert.Contains("\"method\": \"zScore\",\n    \"mean\": 0,\n    \"sd\": 1\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        var back = MethodologyJson.Deserialize(json).Normaliser;
        Assert.True(double.IsNaN(back.Lower) && double.IsNaN(back.Upper));
    }

    [Theory]
    [InlineData("arithmetic")]
    [InlineData("geometric")]
    [InlineData("harmonic")]
    [InlineData("minimum")]
    [InlineData("generalised-mean(0.5)")]
    public void RoundTrip_EveryAggregator_Equal(string method)
    {
        var a = MethodRegistry.Default.Parse<Aggregator>(method);
        Assert.Equal(a, MethodologyJson.Deserialize(MethodologyJson.Serialize(Minimal(Normaliser.MinMax(), a))).Aggregator);
    }

    [Fact]
    public void Serialize_Kinds_AsObjects()
    {
        var json = MethodologyJson.Serialize(Full());
        Assert.Contains("\"kind\": {\n          \"category\": \"rate\",\n          \"per\": 10000\n        }", json, StringComparison.Ordinal);
        Assert.Contains("\"category\": \"money\",\n          \"currency\": \"thousand VND\"", json, StringComparison.Ordinal);
        Assert.Contains("\"category\": \"boundedScore\",\n          \"min\": 0,\n          \"max\": 10", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Diacritics_NotEscaped()
    {
        var json = MethodologyJson.Serialize(Full());
        Assert.Contains("Hạ tầng", json, StringComparison.Ordinal);
        Assert.Contains("\"Chỉ số sẵn sàng mở, \\\"thử nghiệm\\\"\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SyntaxError_ValidationExceptionWithLine()
    {
        var json = "{\n  \"code\": \"m\",\n  \"name\": \"M\"\n  \"ties\": \"dense\"\n}";
        var ex = Assert.Throws<ValidationException>(() => MethodologyJson.Deserialize(json));
        var p = Assert.Single(ex.Report.Problems);
        Assert.Equal((ProblemCode.MalformedInput, 4), (p.Code, p.Row!.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{\"code\": 3}")]
    [InlineData("{\"code\": \"m\"}")]
    public void Deserialize_NotAMethodology_MalformedInput(string json) =>
        Assert.Equal(ProblemCode.MalformedInput, Assert.Single(Assert.Throws<ValidationException>(() => MethodologyJson.Deserialize(json)).Report.Problems).Code);

    [Fact]
    public void Deserialize_Null_EmptyInput() =>
        Assert.Equal(ProblemCode.EmptyInput, Assert.Single(Assert.Throws<ValidationException>(() => MethodologyJson.Deserialize("null")).Report.Problems).Code);

    [Fact]
    public void Deserialize_UnknownProperty_MalformedInputWithPath()
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax())).Replace("\"method\": \"minMax\"", "\"method\": \"minMax\", \"lowr\": 3", StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal(ProblemCode.MalformedInput, p.Code);
        Assert.Contains("normaliser", p.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BadValues_AllReportedWithJsonPaths()
    {
        var json = MethodologyJson.Serialize(Full())
            .Replace("\"ties\": \"competition\"", "\"ties\": \"olympic\"", StringComparison.Ordinal)
            .Replace("\"method\": \"powerMean\"", "\"method\": \"powerMeen\"", StringComparison.Ordinal)
            .Replace("\"weight\": 0.25", "\"weight\": -0.25", StringComparison.Ordinal)
            .Replace("\"per\": 10000", "\"per\": 0", StringComparison.Ordinal);
        var r = MethodologyJson.Read(json, "m.json");
        Assert.False(r.Success);
        var byPath = r.Report.Problems.ToDictionary(p => p.Path!, p => p.Code);
        Assert.True(byPath.Count == 4, r.Report.ToString());
        Assert.Equal(ProblemCode.UnknownValue, byPath["$.ties"]);
        Assert.Equal(ProblemCode.UnknownValue, byPath["$.nodes[1].aggregator.method"]);
        Assert.Equal(ProblemCode.InvalidParameter, byPath["$.nodes[8].indicator.kind"]);
        Assert.All(r.Report.Problems, p => Assert.Equal("m.json", p.Source));
        Assert.Contains("m.json: $.ties: [UnknownValue]", r.Report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NegativeWeight_FrameworkProblemAtNodePath()
    {
        var json = MethodologyJson.Serialize(Full()).Replace("\"weight\": 0.25", "\"weight\": -0.25", StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.NegativeWeight, "$.nodes[6]", "urban"), (p.Code, p.Path, p.IndicatorCode));
    }

    [Fact]
    public void Deserialize_MinMaxWithBadRange_InvalidParameterAtPath()
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax(0, 100))).Replace("\"upper\": 100", "\"upper\": -5", StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.normaliser"), (p.Code, p.Path));
    }

    [Fact]
    public void Deserialize_GoalpostsWithoutGoalposts_MethodologyProblemAtNodePath()
    {
        var json = MethodologyJson.Serialize(Full()).Replace("\"goalposts\": {\n          \"lower\": 50,\n          \"upper\": 100\n        }", "\"unit\": \"%\"", StringComparison.Ordinal)
            .Replace("\"unit\": \"%\",\n        \"unit\": \"%\"", "\"unit\": \"%\"", StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.nodes[5]", "elec"), (p.Code, p.Path, p.IndicatorCode));
    }

    [Fact]
    public void Deserialize_PowerMeanWithoutPower_MissingValue()
    {
        var json = MethodologyJson.Serialize(Minimal(Normaliser.MinMax(), Aggregator.PowerMean(2))).Replace(",\n    \"power\": 2", string.Empty, StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.MissingValue, "$.aggregator.power"), (p.Code, p.Path));
    }

    [Fact]
    public void Deserialize_CommentsAllowed()
    {
        var json = "// methodology\n" + MethodologyJson.Serialize(Minimal(Normaliser.Rank));
        Assert.Equal(Normaliser.Rank, MethodologyJson.Deserialize(json).Normaliser);
    }

    private const string HandWritten = """
        {
          "code": "hand",
          "name": "Hand-written",
          "normaliser": { "method": "minMax" },
          "aggregator": { "method": "arithmeticMean" },
          "ties": "dense",
          "nodes": [
            { "code": "idx", "name": "Index" },
            { "code": "a", "name": "A", "parent": "idx", "indicator": { "kind": { "category": "percent" } } },
            { "code": "b", "name": "B", "parent": "idx", "direction": "negative", "weight": 2, "indicator": { "kind": { "category": "count" } } }
          ]
        }
        """;

    [Fact]
    public void Deserialize_HandWrittenWithOmittedDefaults_DefaultsApplied()
    {
        var m = MethodologyJson.Deserialize(HandWritten);
        Assert.Equal(Normaliser.MinMax(0, 100), m.Normaliser);
        Assert.Equal((1.0, Direction.Positive), (m.Framework["a"].Weight, m.Framework["a"].Direction));
        Assert.Equal((2.0, Direction.Negative), (m.Framework["b"].Weight, m.Framework["b"].Direction));
        Assert.Equal((TiePolicy.Dense, 0.0), (m.Ties, m.AvailabilityThreshold));
    }

    [Fact]
    public void Deserialize_NullNode_MalformedInputNotNullReference()
    {
        var json = HandWritten.Replace("{ \"code\": \"idx\", \"name\": \"Index\" },", "null, { \"code\": \"idx\", \"name\": \"Index\" },", StringComparison.Ordinal);
        var r = MethodologyJson.Read(json);
        Assert.Equal((ProblemCode.MalformedInput, "$.nodes[0]"), (r.Report.Problems[0].Code, r.Report.Problems[0].Path));
    }

    [Fact]
    public void Deserialize_NullNormaliser_MalformedInputWithPath()
    {
        var p = Assert.Single(MethodologyJson.Read(HandWritten.Replace("{ \"method\": \"minMax\" }", "null", StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.MalformedInput, "$.normaliser"), (p.Code, p.Path));
        Assert.DoesNotContain("Dto", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ThresholdOutOfRangeAndBadKind_BothReported()
    {
        var json = HandWritten.Replace("\"ties\": \"dense\",", "\"ties\": \"dense\", \"availabilityThreshold\": 2,", StringComparison.Ordinal)
            .Replace("{ \"category\": \"count\" }", "{ \"category\": \"boundedScore\", \"min\": 1 }", StringComparison.Ordinal);
        Assert.Equal(
            ["$.availabilityThreshold", "$.nodes[2].indicator.kind.max"],
            MethodologyJson.Read(json).Report.Problems.Select(p => p.Path!).ToArray());
    }

    [Fact]
    public void SaveLoad_File_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), "m-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            MethodologyJson.Save(Full(), path);
            Assert.Equal(MethodologyJson.Serialize(Full()), MethodologyJson.Serialize(MethodologyJson.Load(path)));
            File.WriteAllText(path, "{");
            Assert.Equal(path, Assert.Throws<ValidationException>(() => MethodologyJson.Load(path)).Report.Problems[0].Source);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
