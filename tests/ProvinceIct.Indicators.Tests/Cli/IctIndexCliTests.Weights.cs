namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class IctIndexCliTests
{
    [Fact]
    public void Compute_WeightsEqual_DerivedWeightsInLog()
    {
        var log = Write("log.txt", string.Empty);
        var (code, _, err) = Run("compute", "--preset", "open-readiness-2016", "--weights", "equal", "--weights", "infra:nominal", "--log", log);
        Assert.True(code == 0, err);
        var text = File.ReadAllText(log);
        Assert.Contains("weights: human weighted by equal: literacy_pct=1.0000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("weights: infra ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pca(raw)", "pca takes squared-loadings")]
    [InlineData("NOPE:equal", "'NOPE' is not an aggregate")]
    [InlineData("ahp(3)", "cannot weight the whole index")]
    public void Compute_BadWeights_UsageError(string value, string expected)
    {
        var (code, _, err) = Run("compute", "--preset", "open-readiness-2016", "--weights", value);
        Assert.Equal(2, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WeightsOptimisedInfeasible_ErrorNamesNodeAndChild()
    {
        // Equal correlation shares are out of reach for egov on the 2016 sample: C^-1 D t is negative for transparency_score.
        var (code, _, err) = Run("compute", "--preset", "open-readiness-2016", "--weights", "egov:optimised");
        Assert.NotEqual(0, code);
        Assert.Contains("node 'egov' did not converge", err, StringComparison.Ordinal);
        Assert.Contains("transparency_score", err, StringComparison.Ordinal);
    }
}
