using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// The compiled run at 100,000 x 100 (3 levels) against a single-threaded copy of its input (the 80 MB of raw values,
/// column-major, into a second buffer of the same size), in the same process and run. The copy is the baseline, so
/// BenchmarkDotNet's ratio column is run time over copy time, and the run's share of the copy bandwidth (input bytes per
/// second of the run over bytes copied per second) is its inverse.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class BandwidthBenchmarks
{
    private CompiledIndex _compiled = null!;
    private IndexWorkspace _workspace = null!;
    private double[] _source = [];
    private double[] _target = [];

    [GlobalSetup]
    public void Setup()
    {
        var (methodology, dataset) = SyntheticIndex.Create(100_000, 100, [10]);
        _compiled = IndexCalculator.Compile(methodology, dataset);
        _workspace = _compiled.CreateWorkspace();
        var n = dataset.UnitCount;
        _source = new double[n * dataset.IndicatorCount];
        for (var j = 0; j < dataset.IndicatorCount; j++)
        {
            dataset.Column(j).CopyTo(_source.AsSpan(j * n, n));
        }

        _target = new double[_source.Length];
    }

    [Benchmark(Baseline = true, Description = "copy the input (80 MB)")]
    public double Copy()
    {
        _source.AsSpan().CopyTo(_target);
        return _target[^1];
    }

    [Benchmark(Description = "compiled run 100000x100")]
    public double CompiledRun()
    {
        _compiled.Run(_workspace);
        return _workspace.NodeScores(_compiled.NodeCount - 1)[0];
    }
}
