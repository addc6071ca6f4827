using System.Diagnostics;
using System.Text.Json;
using ProvinceIct.Indicators.Errors;

namespace ProvinceIct.Indicators.Cli.Explore;

/// <summary>
/// The recalculation behind <c>POST api/compute</c>: a scenario in, the ranking rows, the ranking table's HTML and the
/// tile map out. The server's endpoint calls <see cref="Handle"/>; <see cref="HandleJson"/> is the same round trip on
/// bytes (read the scenario with the server's JSON context, handle, write the answer), for the benchmark.
/// </summary>
internal sealed class ExploreComputeHandler(ExploreSession session, string language)
{
    /// <summary>Recomputes a scenario. Throws <see cref="ValidationException"/> with every located problem of the scenario.</summary>
    public ComputeDto Handle(Scenario s)
    {
        var start = Stopwatch.GetTimestamp();
        var m = session.ToMethodology(s, language);
        var hasMap = s.MapNode is not null || session.Dataset.UnitCount <= 100;
        var run = session.Run(m, withResult: hasMap && ExploreViews.HasMap(session.NominalResult));
        if (s.MapNode is not null && !m.Framework.Contains(s.MapNode))
        {
            throw new ValidationException("scenario", ValidationReport.Of([new ValidationProblem(ProblemCode.UnknownValue, ExploreServer.TextIn(language, "Explore_NoSuchNode", s.MapNode, "mapNode")) { Source = "mapNode", IndicatorCode = s.MapNode, Expected = ExploreServer.TextIn(language, "Explore_ExpectedNodeCode"), Found = s.MapNode }]));
        }

        var limit = Math.Clamp(s.Limit ?? ExploreViews.DefaultLimit, 1, 100_000);
        var table = ExploreViews.Ranking(run, language, limit);
        var order = run.Order();
        var rows = order.Take(limit).Select(i => new RowDto(run.Units[i].Code, run.Units[i].Name, Num(run.Scores[i]), Num(run.Ranks[i]), Num(run.NominalRanks[i]), Num(run.NominalRanks[i] - run.Ranks[i]))).ToList();
        var map = run.Result is { } r ? ExploreViews.Map(r, s.MapNode, language) : null;
        return new ComputeDto(rows, run.Units.Length, table.ToHtml(), map, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>The round trip on bytes: the request body (a scenario as JSON) to the response body (the answer as JSON).</summary>
    public byte[] HandleJson(ReadOnlySpan<byte> body)
    {
        var scenario = JsonSerializer.Deserialize(body, ExploreJsonContext.Default.Scenario) ?? new Scenario();
        return JsonSerializer.SerializeToUtf8Bytes(Handle(scenario), ExploreJsonContext.Default.ComputeDto);
    }

    private static double? Num(double x) => double.IsFinite(x) ? x : null;
}
