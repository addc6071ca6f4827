using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// The uncertainty analysis of the embedded index (63 x 12; weight noise, normaliser choice, aggregator choice) on one
/// and on two threads: two replications (the fewest allowed: the analysis's fixed cost: factor model, variants compiled, nominal result,
/// sampler, statistics) and 10,000 replications (the CLI's case). Compare the two thread counts within one run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class UncertaintyScalingBenchmarks
{
    private Methodology _methodology = null!;
    private Dataset _dataset = null!;

    /// <summary>Worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    /// <summary>Replications.</summary>
    [Params(2, 10_000)]
    public int Runs { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => (_methodology, _dataset) = (Presets.OpenReadiness2016.Methodology, Presets.OpenReadiness2016.Dataset);

    [Benchmark(Description = "uncertainty analysis 63x12")]
    public double Uncertainty() =>
        UncertaintyAnalysis.Run(_methodology, _dataset, UncertaintyBenchmarks.Factors, UncertaintyOptions.Default with { Runs = Runs, Threads = Threads }).MeanAbsoluteRankShift;
}
