using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// Uncertainty analysis with weight noise, a normaliser choice and an aggregator choice, on all cores:
/// 100,000 replications of the embedded index (63 x 12), 10,000 of a 51 x 49 four-level index.
/// </summary>
[MemoryDiagnoser]
public class UncertaintyBenchmarks
{
    private Methodology _methodology = null!;
    private Dataset _dataset = null!;
    private int _runs;

    /// <summary>The index.</summary>
    [Params("63x12", "51x49")]
    public string Size { get; set; } = "63x12";

    internal static readonly UncertainFactor[] Factors =
    [
        UncertainFactor.WeightNoise(0.25),
        UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)),
        UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean),
    ];

    [GlobalSetup]
    public void Setup()
    {
        (_methodology, _dataset) = Size == "63x12"
            ? (Presets.OpenReadiness2016.Methodology, Presets.OpenReadiness2016.Dataset)
            : SyntheticIndex.Create(51, 49, [8, 2]);
        _runs = Size == "63x12" ? 100_000 : 10_000;
    }

    [Benchmark(Description = "uncertainty analysis")]
    public double Uncertainty() =>
        UncertaintyAnalysis.Run(_methodology, _dataset, Factors, UncertaintyOptions.Default with { Runs = _runs }).MeanAbsoluteRankShift;
}

/// <summary>Sobol sensitivity analysis of a 51 x 49 four-level index: 4 factors, N = 8,192 (49,152 runs), all cores.</summary>
[MemoryDiagnoser]
public class SensitivityBenchmarks
{
    private Methodology _methodology = null!;
    private Dataset _dataset = null!;

    [GlobalSetup]
    public void Setup() => (_methodology, _dataset) = SyntheticIndex.Create(51, 49, [8, 2]);

    [Benchmark(Description = "sensitivity 4 factors, N = 8192")]
    public double Sensitivity() =>
        SensitivityAnalysis.Run(_methodology, _dataset, [.. UncertaintyBenchmarks.Factors, UncertainFactor.ExcludeOneIndicator()],
            UncertaintyOptions.Default with { Runs = 8192, BootstrapResamples = 500 }).Overall.Variance;
}
