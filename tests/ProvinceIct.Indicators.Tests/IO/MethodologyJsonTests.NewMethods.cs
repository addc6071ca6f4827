using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Tests.IO;

/// <summary>Round trips of the newer normalisers and aggregators and every one of their parameters.</summary>
public partial class MethodologyJsonTests
{
    private static Methodology WithTarget(Normaliser normaliser, Aggregator? aggregator = null) => Methodology.Create(
        "m",
        "M",
        Framework.Create(
        [
            FrameworkNode.Aggregate("idx", "Index"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("a", "A", IndicatorKind.Real).WithTarget(0.1 + 0.2), "idx"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("b", "B", IndicatorKind.Real, Direction.Negative).WithTarget(-3), "idx", 2),
        ]),
        normaliser,
        aggregator);

    public static TheoryData<string> NewNormalisers => new() { "borda", "ref", "ref-capped", "target", "target-capped", "categorical", "categorical-range" };

    private static Normaliser NewNormaliserNamed(string name) => name switch
    {
        "borda" => Normaliser.Borda,
        "ref" => Normaliser.DistanceToReference("VN-HN"),
        "ref-capped" => Normaliser.DistanceToReference("Hà Nội", CapPolicy.AtOne, -1, 1e-3, DegenerateColumnPolicy.Midpoint),
        "target" => Normaliser.DistanceToTarget(),
        "target-capped" => Normaliser.DistanceToTarget(CapPolicy.AtOne, 0, 100, DegenerateColumnPolicy.Midpoint),
        "categorical" => Normaliser.Categorical(),
        _ => Normaliser.Categorical(1, 6, DegenerateColumnPolicy.Midpoint),
    };

    [Theory]
    [MemberData(nameof(NewNormalisers))]
    public void RoundTrip_NewNormaliserAsDefaultAndOnNode_Equal(string name)
    {
        var n = NewNormaliserNamed(name);
        var m = WithTarget(n);
        m = m with { Framework = Framework.Create(m.Framework.Nodes.Select(x => x.Code == "b" ? x with { Normaliser = n } : x)) };
        var json = MethodologyJson.Serialize(m);
        var back = MethodologyJson.Deserialize(json);
        Assert.Equal(n, back.Normaliser);
        Assert.Equal(n, back.Framework["b"].Normaliser);
        Assert.Equal(json, MethodologyJson.Serialize(back));
    }

    [Fact]
    public void Serialize_DistanceToReference_WritesUnitAndCap()
    {
        var json = MethodologyJson.Serialize(WithTarget(Normaliser.DistanceToReference("HN", CapPolicy.AtOne)));
        Assert.Contains("\"method\": \"distanceToReference\",\n    \"lower\": 0,\n    \"upper\": 1,\n    \"referenceUnit\": \"HN\",\n    \"cap\": \"atOne\"\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"cap\"", MethodologyJson.Serialize(WithTarget(Normaliser.DistanceToTarget())), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_DistanceToReferenceWithoutUnit_MissingValueAtPath()
    {
        var json = MethodologyJson.Serialize(WithTarget(Normaliser.DistanceToReference("HN"))).Replace(",\n    \"referenceUnit\": \"HN\"", string.Empty, StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.MissingValue, "$.normaliser.referenceUnit"), (p.Code, p.Path));
    }

    [Fact]
    public void Deserialize_UnknownCap_UnknownValueAtPath()
    {
        var json = MethodologyJson.Serialize(WithTarget(Normaliser.DistanceToTarget(CapPolicy.AtOne))).Replace("\"atOne\"", "\"atTwo\"", StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.UnknownValue, "$.normaliser.cap"), (p.Code, p.Path));
    }

    [Fact]
    public void Deserialize_DistanceToTargetWithoutTarget_MethodologyProblem()
    {
        var json = MethodologyJson.Serialize(WithTarget(Normaliser.DistanceToTarget())).Replace(",\n        \"target\": -3", string.Empty, StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "b"), (p.Code, p.IndicatorCode));
    }

    public static TheoryData<string> NewAggregators => new() { "median", "meanmin", "mpi-", "mpi+", "ampi", "ampi-ref", "copeland", "bod", "bod-lower", "bod-upper", "bod-both", "geometric-shift", "harmonic-shift" };

    private static Aggregator NewAggregatorNamed(string name) => name switch
    {
        "median" => Aggregator.Median,
        "meanmin" => Aggregator.MeanMin(0.1 + 0.2, 1.0 / 3),
        "mpi-" => Aggregator.MazziottaPareto(),
        "mpi+" => Aggregator.MazziottaPareto(MpiPenalty.Positive),
        "ampi" => Aggregator.AdjustedMazziottaPareto(),
        "ampi-ref" => Aggregator.AdjustedMazziottaPareto(MpiPenalty.Positive, 0.1 + 0.2),
        "bod" => Aggregator.BenefitOfTheDoubt(),
        "bod-lower" => Aggregator.BenefitOfTheDoubt(0.1 + 0.2),
        "bod-upper" => Aggregator.BenefitOfTheDoubt(upperBound: 1.0 / 3),
        "bod-both" => Aggregator.BenefitOfTheDoubt(0.01, 2),
        "geometric-shift" => Aggregator.GeometricMeanShifted(0.1 + 0.2),
        "harmonic-shift" => Aggregator.HarmonicMeanShifted(1e-3),
        _ => Aggregator.Copeland,
    };

    [Theory]
    [MemberData(nameof(NewAggregators))]
    public void RoundTrip_NewAggregatorAsDefaultAndOnNode_Equal(string name)
    {
        var a = NewAggregatorNamed(name);
        var m = WithTarget(Normaliser.MinMax(), a);
        m = m with { Framework = Framework.Create(m.Framework.Nodes.Select(x => x.Code == "idx" ? x with { Aggregator = a } : x)) };
        var json = MethodologyJson.Serialize(m);
        var back = MethodologyJson.Deserialize(json);
        Assert.Equal(a, back.Aggregator);
        Assert.Equal(a, back.Framework["idx"].Aggregator);
        Assert.Equal(json, MethodologyJson.Serialize(back));
        if (a is MeanMinAggregator mm)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(mm.Alpha), BitConverter.DoubleToInt64Bits(Assert.IsType<MeanMinAggregator>(back.Aggregator).Alpha));
        }
    }

    [Fact]
    public void Serialize_NewAggregators_WriteOnlyTheirParameters()
    {
        Assert.Contains("\"method\": \"meanMin\",\n    \"alpha\": 0.5,\n    \"beta\": 2\n", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.MeanMin(0.5, 2))), StringComparison.Ordinal);
        Assert.Contains("\"method\": \"adjustedMazziottaPareto\",\n    \"penalty\": \"positive\",\n    \"reference\": 100\n", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.AdjustedMazziottaPareto(MpiPenalty.Positive, 100))), StringComparison.Ordinal);
        Assert.Contains("\"method\": \"mazziottaPareto\",\n    \"penalty\": \"negative\"\n", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.MazziottaPareto())), StringComparison.Ordinal);
        Assert.Contains("\"method\": \"copeland\"\n", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.Copeland)), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MeanMinProblems_ReportedAtPath()
    {
        var json = MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.MeanMin(0.5, 2)));
        var p = Assert.Single(MethodologyJson.Read(json.Replace(",\n    \"beta\": 2", string.Empty, StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.MissingValue, "$.aggregator.beta"), (p.Code, p.Path));
        p = Assert.Single(MethodologyJson.Read(json.Replace("\"alpha\": 0.5", "\"alpha\": 1.5", StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.aggregator"), (p.Code, p.Path));
    }

    [Fact]
    public void Deserialize_UnknownPenalty_UnknownValueAtPath()
    {
        var json = MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.MazziottaPareto())).Replace("\"penalty\": \"negative\"", "\"penalty\": \"sideways\"", StringComparison.Ordinal);
        var p = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.UnknownValue, "$.aggregator.penalty"), (p.Code, p.Path));
    }

    [Fact]
    public void Serialize_BenefitOfTheDoubtAndShift_WriteOnlyTheirParameters()
    {
        Assert.Contains("\"method\": \"benefitOfTheDoubt\"\n", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.BenefitOfTheDoubt())), StringComparison.Ordinal);
        Assert.Contains("\"method\": \"benefitOfTheDoubt\",\n    \"lowerBound\": 0.05,\n    \"upperBound\": 2\n", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.BenefitOfTheDoubt(0.05, 2))), StringComparison.Ordinal);
        Assert.Contains("\"method\": \"geometricMean\",\n    \"nonPositive\": \"shift\",\n    \"epsilon\": 0.01\n", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.GeometricMeanShifted(0.01))), StringComparison.Ordinal);
        Assert.DoesNotContain("nonPositive", MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.GeometricMean)), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ShiftAndBoundProblems_ReportedAtPath()
    {
        var json = MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.GeometricMeanShifted(0.01)));
        var p = Assert.Single(MethodologyJson.Read(json.Replace(",\n    \"epsilon\": 0.01", string.Empty, StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.aggregator.nonPositive"), (p.Code, p.Path));
        p = Assert.Single(MethodologyJson.Read(json.Replace("\"shift\"", "\"clamp\"", StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.UnknownValue, "$.aggregator.nonPositive"), (p.Code, p.Path));
        p = Assert.Single(MethodologyJson.Read(json.Replace("\"epsilon\": 0.01", "\"epsilon\": -1", StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.aggregator"), (p.Code, p.Path));
        p = Assert.Single(MethodologyJson.Read(json.Replace("geometricMean", "arithmeticMean", StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.aggregator.nonPositive"), (p.Code, p.Path));
        var bod = MethodologyJson.Serialize(WithTarget(Normaliser.MinMax(), Aggregator.BenefitOfTheDoubt(0.5, 2)));
        p = Assert.Single(MethodologyJson.Read(bod.Replace("\"upperBound\": 2", "\"upperBound\": 0.1", StringComparison.Ordinal)).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.aggregator"), (p.Code, p.Path));
    }
}
