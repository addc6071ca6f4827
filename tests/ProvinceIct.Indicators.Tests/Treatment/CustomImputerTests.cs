using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class CustomImputerTests
{
    private static readonly double N = double.NaN;

    /// <summary>A user rule: every missing value becomes a given constant.</summary>
    private sealed record Constant : CustomImputer
    {
        public Constant(double value)
            : base(MethodCall.Create("constant").With(value))
        {
            Value = value;
        }

        public double Value { get; }

        protected override void Fill(Dataset dataset, string indicatorCode, ReadOnlySpan<double> column, Span<double> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(column[i]))
                {
                    values[i] = Value;
                }
            }
        }
    }

    /// <summary>A broken rule: doubles every value, present ones too.</summary>
    private sealed record Doubler() : CustomImputer(MethodCall.Create("doubler"))
    {
        protected override void Fill(Dataset dataset, string indicatorCode, ReadOnlySpan<double> column, Span<double> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = double.IsNaN(column[i]) ? 0 : 2 * column[i];
            }
        }
    }

    private static Dataset Data() => Dataset.FromColumns(
        [Unit.Create("A"), Unit.Create("B"), Unit.Create("C")],
        [KeyValuePair.Create("x", new double[] { 1, N, 3 }), KeyValuePair.Create("y", new double[] { N, N, 6 })]);

    private static MethodRegistry Registry() => MethodRegistry.Default.WithImputer("constant", a =>
    {
        var value = a.Number(0, "value");
        a.EnsureAllRead();
        return new Constant(value);
    });

    [Fact]
    public void Apply_UserRule_FillsMissingValuesAndLogsThemAsCustom()
    {
        var r = new Constant(7).Apply(Data());
        Assert.Equal([1, 7, 3], r.Dataset.Column("x").ToArray());
        Assert.Equal([7, 7, 6], r.Dataset.Column("y").ToArray());
        Assert.Equal(["B x", "A y", "B y"], r.Log.Select(e => e.UnitCode + " " + e.IndicatorCode));
        Assert.All(r.Log, e => Assert.Equal((ImputationMethod.Custom, "constant(7)", true), (e.Method, e.MethodText, e.IsImputed)));
        Assert.Equal("B x: NaN -> 7 (constant(7))", r.Log[0].ToString());
    }

    [Fact]
    public void Apply_UserRuleLeavesNaN_LoggedAsNoData()
    {
        var r = new Constant(N).Apply(Data(), ["x"]);
        var entry = Assert.Single(r.Log);
        Assert.Equal(("B", ImputationOutcome.NoData), (entry.UnitCode, entry.Outcome));
    }

    [Fact]
    public void Apply_UserRuleChangesAPresentValue_CalculationExceptionNamingUnitAndIndicator()
    {
        var ex = Assert.Throws<CalculationException>(() => new Doubler().Apply(Data(), ["x"]));
        Assert.Equal(("x", "A", 2.0), (ex.NodeCode, ex.UnitCode, ex.Value));
        Assert.Contains("changed the present value of unit 'A' on 'x' from 1 to 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_UserRuleGivesInfinity_CalculationException()
    {
        var ex = Assert.Throws<CalculationException>(() => new Constant(double.PositiveInfinity).Apply(Data(), ["x"]));
        Assert.Equal((ProblemCode.NonFiniteValue, "B"), (ex.Code, ex.UnitCode));
    }

    [Fact]
    public void ParseStep_UserImputerInARegistry_ReadsAndRoundTrips()
    {
        var step = Assert.IsType<ImputeStep>(Registry().Parse<TreatmentStep>("impute(constant,7)"));
        Assert.Equal(new Constant(7), step.Imputer);
        Assert.Equal("impute(constant,7)", step.ToString());
        Assert.Equal(new Constant(7), Registry().Parse<Imputer>("constant(7)"));
    }

    [Fact]
    public void ParseStep_UserImputerNotRegistered_UnknownImputerListingTheKnownOnes()
    {
        var read = MethodRegistry.Default.Read<TreatmentStep>("impute(constant,7)");
        var problem = Assert.Single(read.Report.Problems);
        Assert.Equal((ProblemCode.UnknownValue, "constant"), (problem.Code, problem.Found));
        Assert.Contains("group-mean", problem.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void MethodologyJson_StepWithUserImputer_RoundTripsThroughTheRegistry()
    {
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Impute(new Constant(7)));
        var json = MethodologyJson.Serialize(m);
        Assert.Contains("impute(constant,7)", json, StringComparison.Ordinal);
        var back = MethodologyJson.Deserialize(json, Registry());
        var a = Assert.IsType<ImputeStep>(Assert.Single(m.Treatment));
        var b = Assert.IsType<ImputeStep>(Assert.Single(back.Treatment));
        Assert.Equal(a.Imputer, b.Imputer);
        Assert.Equal(a, b);
        Assert.False(MethodologyJson.Read(json, "m.json").Success);
    }

    [Fact]
    public void Compute_StepWithUserImputer_FillsBeforeNormalising()
    {
        // TinyIndex: i3 of B is missing; constant(10) fills it, so min-max of i3 over (5, 10, 15) gives B 50 on P2.
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.Impute(new Constant(10)));
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        Assert.Equal(50, r.Score("B", "P2"), 12);
    }

    [Fact]
    public void WithImputer_KnownName_Throws() =>
        Assert.Throws<ArgumentException>(() => MethodRegistry.Default.WithImputer("mean", _ => new Constant(0)));
}
