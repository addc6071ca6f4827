using System.Text;
using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Cli.Explore;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// <c>ictindex explore</c>'s recalculation round trip in process, through the code the <c>POST api/compute</c> endpoint
/// runs (<see cref="ExploreComputeHandler"/>): read the scenario JSON, build and validate its methodology, run the
/// compiled pipeline from the session's pool, build the ranking (first 200 rows) and its HTML, the tile map for the
/// provinces, and write the answer JSON. The scenario changes a pillar's weight and the index's aggregator. Not
/// measured: Kestrel and the loopback socket (the explore load tests measure those end to end).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(InProcessShortConfig))]
public class ExploreBenchmarks
{
    private ExploreComputeHandler _handler = null!;
    private byte[] _body = [];

    /// <summary>63x12: the 63-province embedded index (with its tile map); 10000x100: synthetic, 10 pillars of 10.</summary>
    [Params("63x12", "10000x100")]
    public string Size { get; set; } = "63x12";

    [GlobalSetup]
    public void Setup()
    {
        var (methodology, dataset) = Size == "63x12"
            ? (Presets.OpenReadiness2016.Methodology, Presets.OpenReadiness2016.Dataset)
            : SyntheticIndex.Create(10_000, 100, [10]);
        var session = new ExploreSession(methodology, dataset);
        var pillar = methodology.Framework.Children(methodology.Framework.IndexCode).First().Code;
        _body = Encoding.UTF8.GetBytes("{\"weights\":{\"" + pillar + "\":2.5},\"aggregators\":{\"" + methodology.Framework.IndexCode + "\":\"geometric\"}}");
        _handler = new ExploreComputeHandler(session, "en");
        _handler.HandleJson(_body); // the scenario's compiled index and a workspace, as after the page's first request
    }

    [Benchmark(Description = "explore compute round trip")]
    public byte[] RoundTrip() => _handler.HandleJson(_body);
}
