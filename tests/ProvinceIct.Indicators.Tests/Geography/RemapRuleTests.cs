using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Geography;

public class RemapRuleTests
{
    private const double NaN = double.NaN;

    public static TheoryData<string, double[], double[], double> HandComputed() => new()
    {
        // 2 + 3 + 5 = 10
        { "sum", [2, 3, 5], [1, 1, 1], 10 },
        // (2 + 3 + 5) / 3 = 10 / 3
        { "mean", [2, 3, 5], [1, 1, 1], 10.0 / 3 },
        // (1 * 2 + 3 * 6) / (1 + 3) = 20 / 4 = 5
        { "weighted", [2, 6], [1, 3], 5 },
        // (0 * 2 + 2 * 6) / 2 = 6
        { "weighted", [2, 6], [0, 2], 6 },
        { "maximum", [2, 6, 4], [1, 1, 1], 6 },
        { "minimum", [2, 6, 4], [1, 1, 1], 2 },
        // all equal
        { "mean", [4, 4, 4], [1, 1, 1], 4 },
        { "weighted", [4, 4], [7, 1], 4 },
        // one value: unchanged, weight not read (0 or NaN)
        { "sum", [7.5], [1], 7.5 },
        { "weighted", [7.5], [0], 7.5 },
        { "weighted", [7.5], [NaN], 7.5 },
        // empty: NaN
        { "sum", [], [], NaN },
        { "mean", [], [], NaN },
    };

    [Theory]
    [MemberData(nameof(HandComputed))]
    public void Apply_HandComputed_Expected(string rule, double[] x, double[] w, double expected) =>
        AssertNumeric.Close(expected, Rule(rule).Apply(x, w));

    [Fact]
    public void Apply_WeightedMeanOfEqualValues_NeverLeavesTheirRange()
    {
        // (0.1 * 100 + 0.7 * 100) / (0.1 + 0.7) is 100.00000000000001 in floating point: an invalid percent.
        Assert.Equal(100, Rule("weighted").Apply([100, 100], [0.1, 0.7]));
        Assert.Equal(100, Rule("mean").Apply([100, 100, 100], [1, 1, 1]));
    }

    public static TheoryData<string, double[], double[], double, double> WithMissing() => new()
    {
        // Propagate: NaN; UseAvailable: over the rest.
        { "sum", [2, NaN, 5], [1, 1, 1], NaN, 7 },
        { "mean", [2, NaN, 5], [1, 1, 1], NaN, 3.5 },
        // (1 * 2 + 3 * 6) / 4 = 5 over the values with a weight
        { "weighted", [2, 6, 9], [1, 3, NaN], NaN, 5 },
        { "maximum", [NaN, 6, 4], [1, 1, 1], NaN, 6 },
        // all missing: NaN under both
        { "sum", [NaN, NaN], [1, 1], NaN, NaN },
        { "weighted", [1, 2], [NaN, NaN], NaN, NaN },
    };

    [Theory]
    [MemberData(nameof(WithMissing))]
    public void Apply_MissingValues_FollowPolicy(string rule, double[] x, double[] w, double propagate, double useAvailable)
    {
        AssertNumeric.Close(propagate, Rule(rule).Apply(x, w));
        AssertNumeric.Close(useAvailable, Rule(rule).WithMissingPolicy(RemapMissingPolicy.UseAvailable).Apply(x, w));
    }

    [Fact]
    public void Apply_ZeroWeightSum_ThrowsCalculationException()
    {
        var e = Assert.Throws<CalculationException>(() => RemapRule.WeightedMean("pop").Apply([1, 2], [0, 0]));
        Assert.Equal(ProblemCode.ZeroWeightSum, e.Code);
        Assert.Equal("weighted-mean[pop]", e.NodeCode);
    }

    [Fact]
    public void Apply_ZeroWeightOfTheOnlyPresentValue_Throws() =>
        Assert.Throws<CalculationException>(() => RemapRule.WeightedMean("pop").WithMissingPolicy(RemapMissingPolicy.UseAvailable).Apply([1, NaN], [0, 5]));

    [Fact]
    public void Apply_NegativeWeight_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RemapRule.WeightedMean("pop").Apply([1, 2], [1, -1]));

    [Fact]
    public void Apply_WeightedWithoutWeights_Throws() =>
        Assert.Throws<ArgumentException>(() => RemapRule.WeightedMean("pop").Apply([1, 2]));

    [Fact]
    public void Apply_WeightsOfOtherLength_Throws() =>
        Assert.Throws<ArgumentException>(() => RemapRule.WeightedMean("pop").Apply([1, 2], [1]));

    [Fact]
    public void Apply_Drop_Throws() => Assert.Throws<InvalidOperationException>(() => RemapRule.Drop.Apply([1]));

    [Fact]
    public void Apply_SumIgnoresWeights() => AssertNumeric.Close(3, RemapRule.Sum.Apply([1, 2], [NaN, NaN]));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void WeightedMean_BlankColumn_Throws(string? column) =>
        Assert.ThrowsAny<ArgumentException>(() => RemapRule.WeightedMean(column!));

    [Fact]
    public void WithMissingPolicy_Undefined_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RemapRule.Sum.WithMissingPolicy((RemapMissingPolicy)7));

    [Fact]
    public void WithMissingPolicy_KeepsMethodAndWeight()
    {
        var rule = RemapRule.WeightedMean("households").WithMissingPolicy(RemapMissingPolicy.UseAvailable);
        Assert.Equal((RemapMethod.WeightedMean, "households", RemapMissingPolicy.UseAvailable), (rule.Method, rule.WeightColumn, rule.MissingPolicy));
        Assert.Same(RemapRule.Sum, RemapRule.Sum.WithMissingPolicy(RemapMissingPolicy.Propagate));
    }

    [Fact]
    public void Equals_SameMethodWeightAndPolicy_True()
    {
        Assert.Equal(RemapRule.WeightedMean("pop"), RemapRule.WeightedMean("pop"));
        Assert.NotEqual(RemapRule.WeightedMean("pop"), RemapRule.WeightedMean("households"));
        Assert.NotEqual(RemapRule.Sum, RemapRule.Sum.WithMissingPolicy(RemapMissingPolicy.UseAvailable));
    }

    [Fact]
    public void Defaults_PolicyIsPropagate() =>
        Assert.All(new[] { RemapRule.Sum, RemapRule.Mean, RemapRule.Maximum, RemapRule.Minimum, RemapRule.Drop, RemapRule.WeightedMean("w") },
            r => Assert.Equal(RemapMissingPolicy.Propagate, r.MissingPolicy));

    [Theory]
    [InlineData("sum", "sum")]
    [InlineData("mean", "mean")]
    [InlineData("maximum", "maximum")]
    [InlineData("minimum", "minimum")]
    [InlineData("drop", "drop")]
    [InlineData("weighted", "weighted-mean[pop]")]
    public void ToString_EachRule_ShortName(string rule, string expected)
    {
        Assert.Equal(expected, Rule(rule).ToString());
        var available = Rule(rule).WithMissingPolicy(RemapMissingPolicy.UseAvailable).ToString();
        Assert.Equal(rule == "drop" ? "drop" : expected + "/use-available", available);
    }

    private static RemapRule Rule(string name) => name switch
    {
        "sum" => RemapRule.Sum,
        "mean" => RemapRule.Mean,
        "maximum" => RemapRule.Maximum,
        "minimum" => RemapRule.Minimum,
        "drop" => RemapRule.Drop,
        _ => RemapRule.WeightedMean("pop"),
    };
}
