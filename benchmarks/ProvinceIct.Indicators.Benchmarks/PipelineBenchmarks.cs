using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// The compiled run (normalise every indicator, aggregate every node, rank every aggregate) and the full
/// compute (validate, compile, run, build the result) at three sizes.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private Methodology _methodology = null!;
    private Dataset _dataset = null!;
    private CompiledIndex _compiled = null!;
    private IndexWorkspace _workspace = null!;

    /// <summary>63x12: the embedded open-data index; 51x49: COINr's example shape (4 levels); 10000x100: 3 levels.</summary>
    [Params("63x12", "51x49", "10000x100")]
    public string Size { get; set; } = "63x12";

    [GlobalSetup]
    public void Setup()
    {
        (_methodology, _dataset) = Size switch
        {
            "63x12" => (Presets.OpenReadiness2016.Methodology, Presets.OpenReadiness2016.Dataset),
            "51x49" => SyntheticIndex.Create(51, 49, [8, 2]),
            _ => SyntheticIndex.Create(10_000, 100, [10]),
        };
        _compiled = IndexCalculator.Compile(_methodology, _dataset);
        _workspace = _compiled.CreateWorkspace();
    }

    [Benchmark(Description = "compiled run")]
    public double CompiledRun()
    {
        _compiled.Run(_workspace);
        return _workspace.NodeScores(_compiled.NodeCount - 1)[0];
    }

    [Benchmark(Description = "full compute")]
    public IndexResult FullCompute() => IndexCalculator.Compute(_methodology, _dataset);
}
