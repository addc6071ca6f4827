using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.Geography;

public class RemapPlanTests
{
    private static Dataset Data(params string[] columns) =>
        Dataset.FromColumns([Unit.Create("70"), Unit.Create("75")], columns.Select(c => KeyValuePair.Create(c, new[] { 1.0, 2.0 })));

    private static IndicatorDefinition Def(string code, IndicatorKind kind) => IndicatorDefinition.Create(code, code, kind);

    [Fact]
    public void Defaults_CountAndMoney_Sum()
    {
        var plan = RemapPlan.Defaults(Data("servers", "it_spending"), [Def("servers", IndicatorKind.Count), Def("it_spending", IndicatorKind.Money("million VND"))], null);
        Assert.Equal("RemapPlan: servers=sum, it_spending=sum", plan.ToString());
    }

    [Fact]
    public void Defaults_RatesSharesPercents_WeightedByDefaultColumn()
    {
        var plan = RemapPlan.Defaults(
            Data("population", "lan_share", "literacy_pct", "students_per_10k"),
            [Def("lan_share", IndicatorKind.Share), Def("literacy_pct", IndicatorKind.Percent), Def("students_per_10k", IndicatorKind.RatePer(10_000))],
            "population",
            [KeyValuePair.Create("population", RemapRule.Sum)]);
        Assert.Equal(
            "RemapPlan: population=sum, lan_share=weighted-mean[population], literacy_pct=weighted-mean[population], students_per_10k=weighted-mean[population]",
            plan.ToString());
    }

    [Fact]
    public void Defaults_Denominator_PreferredToDefaultWeight()
    {
        var share = Def("lan_share", IndicatorKind.Share) with { DenominatorCode = "agencies" };
        var plan = RemapPlan.Defaults(Data("agencies", "population", "lan_share"), [share, Def("agencies", IndicatorKind.Count)], "population", [KeyValuePair.Create("population", RemapRule.Sum)]);
        Assert.Equal(RemapRule.WeightedMean("agencies"), plan["lan_share"]);
    }

    [Fact]
    public void Defaults_WeightedKindsWithoutWeight_ThrowsListingEvery()
    {
        var e = Assert.Throws<ValidationException>(() => RemapPlan.Defaults(
            Data("a", "b", "c", "n"),
            [Def("a", IndicatorKind.Share), Def("b", IndicatorKind.Percent), Def("c", IndicatorKind.RatePer(100)), Def("n", IndicatorKind.Count)],
            null));
        Assert.Equal(["a", "b", "c"], e.Report.Problems.Select(p => p.IndicatorCode));
        Assert.All(e.Report.Problems, p => Assert.Equal(ProblemCode.InvalidParameter, p.Code));
        Assert.Contains("no denominator, no default weight column", e.Report.Problems[1].Found, StringComparison.Ordinal);
    }

    public static TheoryData<IndicatorKind> KindsWithoutDefault() =>
        [IndicatorKind.BoundedScore(0, 10), IndicatorKind.ServiceLevel, IndicatorKind.YesNo, IndicatorKind.Real];

    [Theory]
    [MemberData(nameof(KindsWithoutDefault))]
    public void Defaults_KindWithoutDefault_Throws(IndicatorKind kind)
    {
        var e = Assert.Throws<ValidationException>(() => RemapPlan.Defaults(Data("x"), [Def("x", kind)], "population"));
        Assert.Equal("x", Assert.Single(e.Report.Problems).IndicatorCode);
    }

    [Fact]
    public void Defaults_ColumnWithoutDefinition_ThrowsUnlessOverridden()
    {
        var e = Assert.Throws<ValidationException>(() => RemapPlan.Defaults(Data("pci_rank", "n"), [Def("n", IndicatorKind.Count)], null));
        Assert.Equal("pci_rank", Assert.Single(e.Report.Problems).IndicatorCode);
        var plan = RemapPlan.Defaults(Data("pci_rank", "n"), [Def("n", IndicatorKind.Count)], null, [KeyValuePair.Create("pci_rank", RemapRule.Drop)]);
        Assert.Equal("RemapPlan: pci_rank=drop, n=sum", plan.ToString());
    }

    [Fact]
    public void Defaults_OverrideBeatsKind()
    {
        var plan = RemapPlan.Defaults(Data("n"), [Def("n", IndicatorKind.Count)], null, [KeyValuePair.Create("n", RemapRule.Maximum)]);
        Assert.Equal(RemapRule.Maximum, plan["n"]);
    }

    [Fact]
    public void Defaults_WeightColumnNotInDataset_Throws()
    {
        var e = Assert.Throws<ValidationException>(() => RemapPlan.Defaults(Data("p"), [Def("p", IndicatorKind.Percent)], "households"));
        Assert.Equal(ProblemCode.MissingColumn, Assert.Single(e.Report.Problems).Code);
    }

    [Fact]
    public void Defaults_DefinitionsOfAbsentIndicators_Ignored()
    {
        var plan = RemapPlan.Defaults(Data("n"), [Def("n", IndicatorKind.Count), Def("elsewhere", IndicatorKind.YesNo)], null);
        Assert.Equal(1, plan.Count);
    }

    [Fact]
    public void Defaults_Framework_UsesItsIndicators()
    {
        var framework = Support.TinyIndex.Framework();
        var data = Dataset.FromColumns([Unit.Create("70")], new[] { "i1", "i2", "i3", "pop" }.Select(c => KeyValuePair.Create(c, new[] { 1.0 })));
        var plan = RemapPlan.Defaults(data, framework, "pop", [KeyValuePair.Create("pop", RemapRule.Sum)]);
        Assert.Equal("RemapPlan: i1=weighted-mean[pop], i2=weighted-mean[pop], i3=sum, pop=sum", plan.ToString());
    }

    [Fact]
    public void Create_DuplicateColumn_Throws() =>
        Assert.Throws<ArgumentException>(() => RemapPlan.Create([KeyValuePair.Create("a", RemapRule.Sum), KeyValuePair.Create("a", RemapRule.Mean)]));

    [Fact]
    public void Create_NullRule_Throws() =>
        Assert.Throws<ArgumentException>(() => RemapPlan.Create([KeyValuePair.Create("a", (RemapRule)null!)]));

    [Fact]
    public void With_ExistingColumn_ReplacesInPlace()
    {
        var plan = RemapPlan.Create([KeyValuePair.Create("a", RemapRule.Sum), KeyValuePair.Create("b", RemapRule.Sum)]).With("a", RemapRule.Mean).With("c", RemapRule.Drop);
        Assert.Equal("RemapPlan: a=mean, b=sum, c=drop", plan.ToString());
    }

    [Fact]
    public void WithMissingPolicy_AppliesToEveryRule()
    {
        var plan = RemapPlan.ForAll(["a", "b"], RemapRule.Sum).WithMissingPolicy(RemapMissingPolicy.UseAvailable);
        Assert.All(plan.Rules, r => Assert.Equal(RemapMissingPolicy.UseAvailable, r.Value.MissingPolicy));
    }

    [Fact]
    public void Indexer_UnknownColumn_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => RemapPlan.Empty["a"]);
        Assert.False(RemapPlan.Empty.TryGetRule("a", out _));
        Assert.Equal("RemapPlan: no rules", RemapPlan.Empty.ToString());
    }
}
