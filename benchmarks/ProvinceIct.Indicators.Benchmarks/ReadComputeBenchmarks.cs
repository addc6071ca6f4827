using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// From text to ranking in process on COINr's ASEM example (iData 51 x 49 and iMeta, the repository's test data copies):
/// read both CSVs (from memory, so the disk is not measured), build the methodology, compute; against the compute alone.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class ReadComputeBenchmarks
{
    private string _data = string.Empty;
    private string _meta = string.Empty;
    private Methodology _methodology = null!;
    private Model.Dataset _dataset = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProvinceIct.Indicators.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "tests", "ProvinceIct.Indicators.Tests", "TestData", "coinr");
        _data = File.ReadAllText(Path.Combine(folder, "ASEM_iData.csv"));
        _meta = File.ReadAllText(Path.Combine(folder, "ASEM_iMeta.csv"));
        (_methodology, _dataset) = Read();
    }

    private (Methodology, Model.Dataset) Read()
    {
        var meta = MetaCsv.Load(new StringReader(_meta), "ASEM_iMeta.csv");
        var data = WideCsv.Load(new StringReader(_data), new WideCsvOptions { Framework = meta.Framework, GroupColumns = [.. meta.GroupCodes] });
        return (Methodology.Create(meta.Framework.IndexCode, "ASEM", meta.Framework), data);
    }

    [Benchmark(Baseline = true, Description = "compute (ASEM, in memory)")]
    public IndexResult Compute() => IndexCalculator.Compute(_methodology, _dataset);

    [Benchmark(Description = "read iData + iMeta, then compute")]
    public IndexResult ReadAndCompute()
    {
        var (m, d) = Read();
        return IndexCalculator.Compute(m, d);
    }
}
