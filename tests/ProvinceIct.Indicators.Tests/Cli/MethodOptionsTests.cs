using ProvinceIct.Indicators.Cli;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed class MethodOptionsTests
{
    [Fact]
    public void ParseNormaliser_Mistyped_ListsTheChoicesAndTheClosest()
    {
        var ex = Assert.Throws<UsageException>(() => MethodOptions.ParseNormaliser("minmx"));
        Assert.Equal(
            "Unknown normaliser 'minmx'; expected one of identity, minmax, zscore, rank, percentile-rank, dist-to-max, fraction-of-max, borda, dist-to-ref:UNIT, dist-to-target[:cap], goalposts, log-goalposts, reference-value, categorical. Did you mean 'minmax'?",
            ex.Message);
    }

    [Fact]
    public void ParseAggregator_Mistyped_SuggestsTheClosest()
    {
        var ex = Assert.Throws<UsageException>(() => MethodOptions.ParseAggregator("geometirc"));
        Assert.Equal(
            "Unknown aggregator 'geometirc'; expected arithmetic, geometric, harmonic, generalised-mean(P) (or power:P), minimum, median, mean-min(ALPHA,BETA), mpi-, mpi+, ampi (= ampi-), ampi+, copeland, bod, or a plugin's method. Did you mean 'geometric'?",
            ex.Message);
    }

    [Fact]
    public void ParseTies_NothingClose_OnlyListsTheChoices()
    {
        var ex = Assert.Throws<UsageException>(() => MethodOptions.ParseTies("xyz"));
        Assert.Equal("Unknown tie policy 'xyz'; expected one of competition, dense, fractional, ordinal.", ex.Message);
    }

    [Fact]
    public void ParseTies_Mistyped_SuggestsTheClosest()
    {
        var ex = Assert.Throws<UsageException>(() => MethodOptions.ParseTies("ordinla"));
        Assert.EndsWith(" Did you mean 'ordinal'?", ex.Message, StringComparison.Ordinal);
    }
}
