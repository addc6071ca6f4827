using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// Benefit of the doubt over the embedded open-data index's 12 normalised indicators for its 63 units: 63 linear
/// programmes of 12 weights and up to 63 unit constraints. "kernel" is the allocation-free path the compiled pipeline
/// takes; "Aggregate" is the public matrix overload (which allocates its inputs and scratch).
/// </summary>
[MemoryDiagnoser]
public class BenefitOfTheDoubtBenchmarks
{
    private double[,] _matrix = null!;
    private double[] _columns = null!;
    private int[] _children = null!;
    private double[] _weights = null!;
    private double[] _signs = null!;
    private double[] _output = null!;
    private int[] _present = null!;
    private double[] _acc = null!;
    private double[] _wsum = null!;
    private double[] _scratch = null!;
    private double[] _tableau = null!;
    private int[] _basis = null!;
    private string[] _childCodes = null!;
    private string[] _unitCodes = null!;
    private Aggregator _bod = null!;

    [GlobalSetup]
    public void Setup()
    {
        var compiled = IndexCalculator.Compile(Presets.OpenReadiness2016.Methodology, Presets.OpenReadiness2016.Dataset);
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var n = compiled.UnitCount;
        var k = compiled.IndicatorCount;
        _matrix = new double[n, k];
        _columns = new double[n * k];
        for (var c = 0; c < k; c++)
        {
            var col = ws.NodeScores(c);
            col.CopyTo(_columns.AsSpan(c * n, n));
            for (var u = 0; u < n; u++)
            {
                _matrix[u, c] = col[u];
            }
        }

        _children = Enumerable.Range(0, k).ToArray();
        _weights = Enumerable.Repeat(1.0, k).ToArray();
        _signs = Enumerable.Repeat(1.0, k).ToArray();
        _output = new double[n];
        _present = new int[n];
        _acc = new double[n];
        _wsum = new double[n];
        _scratch = new double[AggregatorKernel.ScratchPerChild * k];
        _tableau = new double[AggregatorKernel.BenefitOfTheDoubtTableauLength(n, k)];
        _basis = new int[AggregatorKernel.BenefitOfTheDoubtBasisLength(n, k)];
        _childCodes = compiled.NodeCodes.Take(k).ToArray();
        _unitCodes = compiled.Units.Select(u => u.Code).ToArray();
        _bod = Aggregator.BenefitOfTheDoubt();
    }

    [Benchmark(Description = "BoD 63x12 kernel")]
    public double Kernel()
    {
        AggregatorKernel.Aggregate(
            new AggregatorPlan(_bod), 0, _columns, _output.Length, _children, _weights, _signs, _output, _present, _acc, _wsum,
            _scratch, _tableau, _basis, "bod", _childCodes, _unitCodes);
        return _output[0];
    }

    [Benchmark(Description = "BoD 63x12 Aggregate")]
    public double[] Aggregate() => _bod.Aggregate(_matrix, _weights);
}
