using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// The compiled run (the baseline) against the full compute (validate, compile, run, build the result) from COINr's
/// scale to a national one: 51x49 (COINr's example shape, 4 levels), 63x12 (the embedded open-data index), 3321x40
/// (Vietnam's communes after 2025, 3 levels), 10000x100 and 100000x100 (3 levels). The ratio column is full compute
/// over compiled run at each size (full compute: the same methodology and dataset instances every call, as a caller
/// that recomputes; the new-methodology case makes a new framework and methodology each call); divide the allocated bytes by the value count (units x indicators) for bytes per value.
/// Fewer iterations than the default job (the largest size runs for up to a second per operation), in process (no
/// generated project to build: on the shared 2-core host that build alone can pass BenchmarkDotNet's two-minute limit).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class ScalingBenchmarks
{
    private Methodology _methodology = null!;
    private Dataset _dataset = null!;
    private CompiledIndex _compiled = null!;
    private IndexWorkspace _workspace = null!;

    /// <summary>Units x indicators.</summary>
    [Params("51x49", "63x12", "3321x40", "10000x100", "100000x100")]
    public string Size { get; set; } = "51x49";

    [GlobalSetup]
    public void Setup()
    {
        (_methodology, _dataset) = Size switch
        {
            "63x12" => (Presets.OpenReadiness2016.Methodology, Presets.OpenReadiness2016.Dataset),
            "51x49" => SyntheticIndex.Create(51, 49, [8, 2]),
            "3321x40" => SyntheticIndex.Create(3321, 40, [8]),
            "10000x100" => SyntheticIndex.Create(10_000, 100, [10]),
            _ => SyntheticIndex.Create(100_000, 100, [10]),
        };
        _compiled = IndexCalculator.Compile(_methodology, _dataset);
        _workspace = _compiled.CreateWorkspace();
    }

    [Benchmark(Baseline = true, Description = "compiled run")]
    public double CompiledRun()
    {
        _compiled.Run(_workspace);
        return _workspace.NodeScores(_compiled.NodeCount - 1)[0];
    }

    [Benchmark(Description = "full compute")]
    public IndexResult FullCompute() => IndexCalculator.Compute(_methodology, _dataset);

    /// <summary>
    /// A first compute: a new framework and methodology instance each call (as a caller that builds its methodology
    /// anew), so the methodology's compiled structure, its validation and the data's check against the framework are all
    /// made again. Includes making the framework (<see cref="Model.Framework.Create"/>), which the warm case does not.
    /// </summary>
    [Benchmark(Description = "full compute, new methodology")]
    public IndexResult FullComputeNewMethodology() =>
        IndexCalculator.Compute(_methodology with { Framework = Model.Framework.Create(_methodology.Framework.Nodes) }, _dataset);
}

/// <summary>One launch, 3 warm-up and 15 measured iterations, in process.</summary>
public sealed class InProcessShortConfig : ManualConfig
{
    public InProcessShortConfig() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
}
