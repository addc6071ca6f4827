using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// Ranking one column of scores (descending, competition ties) by the comparison sort (the baseline) and by the radix
/// sort, from 63 units to 100,000: where the radix sort starts to pay (RankKernel.RadixThreshold) and what it saves.
/// Scores are min-max-like values in [0, 100] with 2 % repeated, as a compiled run produces.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class RankingBenchmarks
{
    private double[] _scores = [];
    private double[] _ranks = [];
    private double[] _keys = [];
    private int[] _items = [];
    private RadixScratch _radix = null!;

    /// <summary>Units ranked.</summary>
    [Params(63, 1000, 3321, 5000, 10_000, 100_000)]
    public int Units { get; set; } = 63;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261206);
        _scores = new double[Units];
        for (var i = 0; i < Units; i++)
        {
            _scores[i] = i % 50 == 49 ? _scores[i - 1] : random.NextDouble() * 100;
        }

        _ranks = new double[Units];
        _keys = new double[Units];
        _items = new int[Units];
        _radix = new RadixScratch(Units);
    }

    // Both benchmarks do what RankKernel.RankDescending does, with one sort or the other at every size (the kernel
    // itself picks by RankKernel.RadixThreshold).
    [Benchmark(Baseline = true, Description = "comparison sort")]
    public double Comparison()
    {
        Fill();
        _keys.AsSpan().Sort(_items.AsSpan());
        RankKernel.AssignSorted(_keys, _items, _ranks, TiePolicy.Competition, []);
        return _ranks[0];
    }

    [Benchmark(Description = "radix sort")]
    public double Radix()
    {
        Fill();
        RankKernel.RadixSort(_keys, _items, _radix);
        RankKernel.AssignSorted(_keys, _items, _ranks, TiePolicy.Competition, []);
        return _ranks[0];
    }

    private void Fill()
    {
        for (var i = 0; i < _scores.Length; i++)
        {
            _keys[i] = -_scores[i];
            _items[i] = i;
        }
    }
}
