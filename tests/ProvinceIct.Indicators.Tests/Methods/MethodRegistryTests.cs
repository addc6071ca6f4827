using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Methods;

public class MethodRegistryTests
{
    /// <summary>Every built-in normaliser, with default and with unusual parameters.</summary>
    public static TheoryData<Normaliser> BuiltInNormalisers => new()
    {
        Normaliser.Identity, Normaliser.Rank, Normaliser.Borda,
        Normaliser.MinMax(), Normaliser.MinMax(-0.5, 1e-3, DegenerateColumnPolicy.Midpoint), Normaliser.MinMax(0.1 + 0.2, 1e300),
        Normaliser.ZScore(), Normaliser.ZScore(10, 2, DegenerateColumnPolicy.Midpoint),
        Normaliser.PercentileRank(), Normaliser.PercentileRank(1, 7),
        Normaliser.DistanceToMax(), Normaliser.DistanceToMax(-3, 3, DegenerateColumnPolicy.Midpoint),
        Normaliser.FractionOfMax(), Normaliser.FractionOfMax(100),
        Normaliser.Goalposts(), Normaliser.Goalposts(0, 10),
        Normaliser.ReferenceValue(), Normaliser.ReferenceValue(0, 100),
        Normaliser.LogReference(), Normaliser.LogReference(1, 5),
        Normaliser.DistanceToReference("HN"), Normaliser.DistanceToReference("79", CapPolicy.AtOne, 0, 100, DegenerateColumnPolicy.Midpoint),
        Normaliser.DistanceToTarget(), Normaliser.DistanceToTarget(CapPolicy.AtOne, 1, 2),
        Normaliser.Categorical(), Normaliser.Categorical(0, 5),
    };

    /// <summary>Every built-in aggregator, with default and with unusual parameters.</summary>
    public static TheoryData<Aggregator> BuiltInAggregators => new()
    {
        Aggregator.ArithmeticMean, Aggregator.GeometricMean, Aggregator.HarmonicMean,
        Aggregator.GeometricMeanShifted(0.01), Aggregator.HarmonicMeanShifted(1),
        Aggregator.PowerMean(0.5), Aggregator.PowerMean(-1e-300), Aggregator.Minimum, Aggregator.Median,
        Aggregator.MeanMin(0.5, 1), Aggregator.MeanMin(0, 0),
        Aggregator.MazziottaPareto(), Aggregator.MazziottaPareto(MpiPenalty.Positive),
        Aggregator.AdjustedMazziottaPareto(), Aggregator.AdjustedMazziottaPareto(MpiPenalty.Positive, 100),
        Aggregator.Copeland, Aggregator.BenefitOfTheDoubt(), Aggregator.BenefitOfTheDoubt(0.1, 2), Aggregator.BenefitOfTheDoubt(0.1),
    };

    [Theory]
    [MemberData(nameof(BuiltInNormalisers))]
    public void Parse_EveryBuiltInNormaliserText_RoundTrips(Normaliser n)
    {
        var back = MethodRegistry.Default.Parse<Normaliser>(n.ToString());

        Assert.Equal(n, back);
        Assert.Equal(n.ToString(), back.ToString());
        Assert.Equal(n.GetType(), back.GetType());
    }

    [Theory]
    [MemberData(nameof(BuiltInAggregators))]
    public void Parse_EveryBuiltInAggregatorText_RoundTrips(Aggregator a)
    {
        var back = MethodRegistry.Default.Parse<Aggregator>(a.ToString());

        Assert.Equal(a, back);
        Assert.Equal(a.ToString(), back.ToString());
    }

    [Theory]
    [InlineData("minmax:1:100", "minmax(1,100)")]
    [InlineData("minmax[0,100]", "minmax(0,100)")]
    [InlineData("minmax", "minmax(0,100)")]
    [InlineData("zscore:10:2", "zscore(10,2)")]
    [InlineData("zscore(m=10,s=2)", "zscore(10,2)")]
    [InlineData("log-goalposts", "log-reference(0,1)")]
    [InlineData("dist-to-ref:HN", "dist-to-ref(HN,0,1)")]
    [InlineData("dist-to-ref(HN,cap)[0,1]", "dist-to-ref(HN,0,1,cap=at-one)")]
    [InlineData("dist-to-target:cap", "dist-to-target(0,1,cap=at-one)")]
    [InlineData("fraction-of-max:100", "fraction-of-max(100)")]
    public void Parse_OldNormaliserSpellings_CanonicalText(string old, string canonical) =>
        Assert.Equal(canonical, MethodRegistry.Default.Parse<Normaliser>(old).ToString());

    [Theory]
    [InlineData("power:2", "generalised-mean(2)")]
    [InlineData("mean-min:0.5,1", "mean-min(0.5,1)")]
    [InlineData("mean-min(a=0.5,b=1)", "mean-min(0.5,1)")]
    [InlineData("ampi", "ampi-")]
    [InlineData("ampi+(ref=100)", "ampi+(100)")]
    [InlineData("geometric(shift=0.01)", "geometric(shift=0.01)")]
    public void Parse_OldAggregatorSpellings_CanonicalText(string old, string canonical) =>
        Assert.Equal(canonical, MethodRegistry.Default.Parse<Aggregator>(old).ToString());

    [Theory]
    [InlineData("minmax(0,x)", ProblemCode.InvalidParameter, "minmax: argument 2 (upper) must be a number, found 'x'.")]
    [InlineData("minmax(1)", ProblemCode.InvalidParameter, "minmax: give both ends of the output range (lower and upper) or neither, found 'minmax(1)'.")]
    [InlineData("minmax(100,0)", ProblemCode.InvalidParameter, null)]
    [InlineData("rank(1)", ProblemCode.InvalidParameter, "rank: takes no arguments, found '1'.")]
    [InlineData("nosuch", ProblemCode.UnknownValue, null)]
    [InlineData("minmax(0,,1)", ProblemCode.MalformedInput, null)]
    public void Read_BadNormaliserText_OneProblemOfItsCode(string text, ProblemCode code, string? message)
    {
        var result = MethodRegistry.Default.Read<Normaliser>(text);

        Assert.False(result.Success);
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal(code, problem.Code);
        if (message is not null)
        {
            Assert.Equal(message, problem.Message);
        }

        Assert.Throws<ValidationException>(() => MethodRegistry.Default.Parse<Normaliser>(text));
    }

    [Fact]
    public void WithNormaliser_NewName_AddedToACopyOnly()
    {
        var registry = MethodRegistry.Default.WithNormaliser("halve", _ => new Halve());

        Assert.True(registry.Contains<Normaliser>("halve"));
        Assert.False(MethodRegistry.Default.Contains<Normaliser>("halve"));
        Assert.Equal(new Halve(), registry.Parse<Normaliser>("halve"));
    }

    [Fact]
    public void WithNormaliser_KnownName_Throws()
    {
        Assert.Throws<ArgumentException>(() => MethodRegistry.Default.WithNormaliser("minmax", _ => new Halve()));
        Assert.Throws<ArgumentException>(() => MethodRegistry.Default.WithAggregator("Arithmetic", _ => new Sum()));
    }

    [Fact]
    public void WithPlugin_RegistersEveryMethodOfThePlugin()
    {
        var registry = MethodRegistry.Default.WithPlugin(new TestPlugin());

        Assert.IsType<Halve>(registry.Parse<Normaliser>("halve"));
        Assert.IsType<Sum>(registry.Parse<Aggregator>("sum"));
    }

    [Fact]
    public void CustomAggregator_InThePipeline_UnweightedSumOfPresentChildren()
    {
        // Min-max [0, 100]: i1 A 0, B 50, C 100; i2 (negative) A 100, B 50, C 0; i3 A 0, B missing, C 100.
        // P1 = i1 + i2 (weights 3 and 1 ignored): 100, 100, 100. P2 = i3: 0, missing, 100.
        // IDX = P1 + P2: A 100 + 0 = 100; B 100 (P2 missing adds nothing); C 100 + 100 = 200.
        var m = TinyIndex.Methodology().WithAggregatorEverywhere(new Sum());

        var r = IndexCalculator.Compute(m, TinyIndex.Data());

        AssertNumeric.Close([100, 100, 100], r.Scores("P1").ToArray());
        AssertNumeric.Close([100, 100, 200], r.Scores("IDX").ToArray());
    }

    [Fact]
    public void CustomNormaliser_InThePipeline_GetsTheFlippedColumn()
    {
        // Halve: x / 2 after the -1 flip of a negative indicator. i1: 0, 2.5, 5; i2 (negative): -5, -10, -15.
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(new Halve());

        var r = IndexCalculator.Compute(m, TinyIndex.Data());

        AssertNumeric.Close([0, 2.5, 5], r.Scores("i1").ToArray());
        AssertNumeric.Close([-5, -10, -15], r.Scores("i2").ToArray());
    }

    [Fact]
    public void MethodologyJson_UserMethods_WrittenAsTextAndReadWithTheRegistry()
    {
        var registry = MethodRegistry.Default.WithPlugin(new TestPlugin());
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(new Halve()).WithAggregatorEverywhere(new Sum());

        var json = MethodologyJson.Serialize(m);
        var back = MethodologyJson.Read(json, registry: registry).GetValueOrThrow();

        Assert.Contains("\"method\": \"halve\"", json, StringComparison.Ordinal);
        Assert.Contains("\"method\": \"sum\"", json, StringComparison.Ordinal);
        Assert.Equal(new Halve(), back.Normaliser);
        Assert.Equal(new Sum(), back.Aggregator);
    }

    [Fact]
    public void MethodologyJson_UnknownUserMethod_ValidationProblemAtItsPath()
    {
        var json = MethodologyJson.Serialize(TinyIndex.Methodology().WithAggregatorEverywhere(new Sum()));

        var result = MethodologyJson.Read(json);

        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal(ProblemCode.UnknownValue, problem.Code);
        Assert.Equal("$.aggregator.method", problem.Path);
    }

    [Fact]
    public void MethodologyJson_MethodText_ReadForABuiltIn()
    {
        var json = MethodologyJson.Serialize(TinyIndex.Methodology()).Replace("\"method\": \"arithmeticMean\"", "\"method\": \"generalised-mean(2)\"", StringComparison.Ordinal);

        Assert.Equal(Aggregator.PowerMean(2), MethodologyJson.Deserialize(json).Aggregator);
    }

    [Fact]
    public void Run_CustomNormaliserAndAggregator_AllocateNothing()
    {
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(new Halve()).WithAggregatorEverywhere(new Sum());
        var compiled = IndexCalculator.Compile(m, TinyIndex.Data());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);

        var before = GC.GetAllocatedBytesForCurrentThread();
        compiled.Run(ws);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void MethodologyJson_MethodTextWithSeparateParameters_Problem()
    {
        var json = MethodologyJson.Serialize(TinyIndex.Methodology()).Replace("\"method\": \"arithmeticMean\"", "\"method\": \"generalised-mean(2)\", \"power\": 3", StringComparison.Ordinal);

        var problem = Assert.Single(MethodologyJson.Read(json).Report.Problems);
        Assert.Equal((ProblemCode.InvalidParameter, "$.aggregator"), (problem.Code, problem.Path));
    }

    private sealed record Halve : CustomNormaliser
    {
        public Halve()
            : base(MethodCall.Create("halve"))
        {
        }

        public override void Normalise(ReadOnlySpan<double> column, Span<double> output)
        {
            for (var i = 0; i < column.Length; i++)
            {
                output[i] = column[i] / 2;
            }
        }
    }

    /// <summary>Every built-in weighting method, with default and with unusual parameters.</summary>
    public static TheoryData<WeightingMethod> BuiltInWeightings => new()
    {
        ProvinceIct.Indicators.Weighting.NominalWeighting.Instance, ProvinceIct.Indicators.Weighting.EqualWeighting.Instance,
        ProvinceIct.Indicators.Weighting.PcaWeighting.SquaredLoadings, ProvinceIct.Indicators.Weighting.PcaWeighting.Loadings,
        ProvinceIct.Indicators.Weighting.AhpWeighting.Create(3, 5, 0.5), ProvinceIct.Indicators.Weighting.OptimisedWeighting.Create(),
        ProvinceIct.Indicators.Weighting.OptimisedWeighting.Create([1, 1, 2], 1e-6, 50),
    };

    [Theory]
    [MemberData(nameof(BuiltInWeightings))]
    public void Parse_WeightingToString_EqualMethod(WeightingMethod method) =>
        Assert.Equal(method, MethodRegistry.Default.Parse<WeightingMethod>(method.ToString()));

    [Fact]
    public void Read_UnknownWeighting_ProblemListsNames()
    {
        var result = MethodRegistry.Default.Read<WeightingMethod>("entropy");
        Assert.False(result.TryGetValue(out _));
        Assert.Contains("pca", result.Report.Problems[0].Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_EveryKind_BuiltInsSorted()
    {
        Assert.Equal(["group-mean", "group-median", "mean", "median"], MethodRegistry.Default.Names<ProvinceIct.Indicators.Treatment.Imputer>());
        Assert.Equal(["winsorise", "winsorize"], MethodRegistry.Default.Names<ProvinceIct.Indicators.Treatment.OutlierTreatment>());
        Assert.Equal(["ahp", "equal", "nominal", "optimised", "optimized", "pca"], MethodRegistry.Default.Names<WeightingMethod>());
        Assert.Contains("minmax", MethodRegistry.Default.Names<Normaliser>());
        Assert.True(MethodRegistry.Default.Contains<ProvinceIct.Indicators.Treatment.TreatmentStep>("Screen"));
        Assert.Throws<NotSupportedException>(() => MethodRegistry.Default.Names<string>());
    }

    private sealed record Sum : CustomAggregator
    {
        public Sum()
            : base(MethodCall.Create("sum"))
        {
        }

        public override double Aggregate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
        {
            var s = 0.0;
            foreach (var v in values)
            {
                s += v;
            }

            return s;
        }
    }

    private sealed class TestPlugin : IMethodPlugin
    {
        public MethodRegistry Register(MethodRegistry registry) =>
            registry.WithNormaliser("halve", _ => new Halve()).WithAggregator("sum", _ => new Sum());
    }
}
