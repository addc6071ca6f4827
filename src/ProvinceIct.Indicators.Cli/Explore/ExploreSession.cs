using System.Collections.Concurrent;
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Cli.Explore;

/// <summary>
/// What one <c>ictindex explore</c> session computes on: the nominal methodology and the data, the nominal run, and
/// the compiled pipelines. A scenario (weights, methods, ties) becomes a <see cref="Methodology"/> (the one exported
/// as JSON) and runs through a compiled index: one compile per distinct set of normalisers and tie policy (cached),
/// then, per request, a pooled workspace takes the scenario's weights and aggregators and runs. The numbers are those
/// of <see cref="IndexCalculator.Compute"/> on the scenario's methodology (tested).
/// </summary>
internal sealed class ExploreSession
{
    private const int MaxCompiled = 16;
    private readonly ConcurrentDictionary<string, Lazy<CompiledEntry>> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _nominalRank;
    private int _workspacesCreated;

    public ExploreSession(Methodology methodology, Dataset dataset, MethodRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        Registry = registry ?? MethodRegistry.Default;
        var compiled = IndexCalculator.Compile(methodology, dataset);
        if (methodology.Weighting is not null || !methodology.NodeWeighting.IsEmpty)
        {
            // Derived weights (PCA, AHP, ...) become the nominal slider positions: the sliders then move real weights,
            // and an exported methodology computes the same numbers without deriving them again.
            methodology = compiled.Methodology.WithWeighting(null);
            foreach (var code in methodology.NodeWeighting.Keys.ToList())
            {
                methodology = methodology.WithWeighting(code, null);
            }

            compiled = IndexCalculator.Compile(methodology, dataset);
        }

        Nominal = methodology;
        Dataset = dataset;
        NominalResult = compiled.Run();
        _compiled[StructuralKey(methodology)] = new Lazy<CompiledEntry>(new CompiledEntry(compiled));
        _nominalRank = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var u in NominalResult.Units)
        {
            _nominalRank[u.Code] = NominalResult.Rank(u.Code);
        }

        NormaliserChoices = Choices<Normaliser>(methodology.Framework.Nodes.Where(n => n.IsIndicator).Select(n => (n.Normaliser ?? methodology.Normaliser).ToString()).Append(methodology.Normaliser.ToString()));
        AggregatorChoices = Choices<Aggregator>(methodology.Framework.Aggregates.Select(n => (n.Aggregator ?? methodology.Aggregator).ToString()).Append(methodology.Aggregator.ToString()));
    }

    public Methodology Nominal { get; }

    public Dataset Dataset { get; }

    public IndexResult NominalResult { get; }

    public MethodRegistry Registry { get; }

    /// <summary>The normaliser texts offered: the methodology's own, then every registry method that takes no argument.</summary>
    public IReadOnlyList<string> NormaliserChoices { get; }

    /// <summary>The aggregator texts offered: the methodology's own, then every registry method that takes no argument.</summary>
    public IReadOnlyList<string> AggregatorChoices { get; }

    /// <summary>The compiled indices held (at most 17: the nominal one and 16 others).</summary>
    public int CompiledCount => _compiled.Count;

    /// <summary>The workspaces made so far (a pool: at most one per concurrent request per compiled index).</summary>
    public int WorkspacesCreated => Volatile.Read(ref _workspacesCreated);

    /// <summary>The nominal rank of a unit.</summary>
    public double NominalRank(string unitCode) => _nominalRank.TryGetValue(unitCode, out var r) ? r : double.NaN;

    private List<string> Choices<T>(IEnumerable<string> own)
        where T : class
    {
        var list = own.Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in Registry.Names<T>())
        {
            if (Registry.Read<T>(name).TryGetValue(out var method) && !list.Contains(method.ToString()!, StringComparer.Ordinal))
            {
                list.Add(method.ToString()!);
            }
        }

        return list;
    }

    /// <summary>
    /// The methodology of a scenario: the nominal one with the scenario's node weights, per-indicator normalisers,
    /// per-aggregate aggregators and tie policy. Every problem is collected (unknown node, a weight that is not a
    /// finite number at least 0, an unknown method, a method that does not fit an indicator, an unknown tie policy) and
    /// thrown together as one <see cref="ValidationException"/>, located by node code as the CLI reports them, their
    /// texts in <paramref name="language"/> (the page's: <c>en</c> or <c>vi</c>).
    /// </summary>
    public Methodology ToMethodology(Scenario scenario, string language = "en")
    {
        string T(string key, params object?[] args) => ExploreServer.TextIn(language, key, args);
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<ValidationProblem>();
        var fw = Nominal.Framework;
        var nodes = fw.Nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
        foreach (var (code, weight) in scenario.Weights ?? [])
        {
            if (!nodes.TryGetValue(code, out var node))
            {
                problems.Add(UnknownNode(code, "weights", T("Explore_ExpectedNodeCode"), language));
            }
            else if (node.ParentCode is null)
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, T("Explore_NodeIsIndex", code)) { Source = "weights", IndicatorCode = code, Expected = T("Explore_ExpectedNodeBelowIndex"), Found = code });
            }
            else if (!double.IsFinite(weight) || weight < 0)
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, T("Explore_WeightNotFinite", code)) { Source = "weights", IndicatorCode = code, Expected = T("Explore_ExpectedFiniteWeight"), Found = weight.ToString("R", CultureInfo.InvariantCulture) });
            }
            else
            {
                nodes[code] = node with { Weight = weight };
            }
        }

        foreach (var (code, text) in scenario.Normalisers ?? [])
        {
            if (!nodes.TryGetValue(code, out var node) || !node.IsIndicator)
            {
                problems.Add(UnknownNode(code, "normalisers", T("Explore_ExpectedIndicatorCode"), language));
            }
            else if (Read<Normaliser>(text, "normalisers", code, problems) is { } n)
            {
                nodes[code] = node with { Normaliser = n };
            }
        }

        foreach (var (code, text) in scenario.Aggregators ?? [])
        {
            if (!nodes.TryGetValue(code, out var node) || node.IsIndicator)
            {
                problems.Add(UnknownNode(code, "aggregators", T("Explore_ExpectedAggregateCode"), language));
            }
            else if (Read<Aggregator>(text, "aggregators", code, problems) is { } a)
            {
                nodes[code] = node with { Aggregator = a };
            }
        }

        var ties = Nominal.Ties;
        if (scenario.Ties is { } tieText)
        {
            var i = Array.IndexOf(MethodOptions.TieNames, tieText.Trim().ToLowerInvariant());
            if (i < 0)
            {
                problems.Add(new ValidationProblem(ProblemCode.UnknownValue, T("Explore_UnknownTiePolicy", tieText)) { Source = "ties", Expected = string.Join(", ", MethodOptions.TieNames), Found = tieText });
            }
            else
            {
                ties = MethodOptions.ParseTies(MethodOptions.TieNames[i]);
            }
        }

        ValidationReport.Of(problems).ThrowIfInvalid("scenario");
        var framework = fw.Nodes.Select(n => nodes[n.Code]);
        var report = Framework.Validate(framework);
        report.ThrowIfInvalid("scenario");
        var m = Nominal with { Framework = Framework.Create(framework), Ties = ties };
        m.Validate().ThrowIfInvalid("scenario");
        return m;
    }

    private static ValidationProblem UnknownNode(string code, string source, string expected, string language) =>
        new(ProblemCode.UnknownValue, ExploreServer.TextIn(language, "Explore_NoSuchNode", code, source)) { Source = source, IndicatorCode = code, Expected = expected, Found = code };

    private T? Read<T>(string? text, string source, string code, List<ValidationProblem> problems)
        where T : class
    {
        var read = Registry.Read<T>((text ?? string.Empty).Trim(), source);
        if (read.TryGetValue(out var value))
        {
            return value;
        }

        problems.AddRange(read.Report.Problems.Select(p => p with { IndicatorCode = code }));
        return null;
    }

    /// <summary>
    /// Runs a scenario's methodology through the compiled pipeline and returns what the page shows: every unit's index
    /// score and rank, its pillars' scores, and its rank change against the nominal run.
    /// </summary>
    public ExploreRun Run(Methodology m, bool withResult = false)
    {
        var entry = Compiled(m);
        var index = entry.Index;
        if (!entry.Pool.TryTake(out var ws))
        {
            ws = index.CreateWorkspace();
            Interlocked.Increment(ref _workspacesCreated);
        }

        try
        {
            var edges = index.Edges;
            var weights = ws.Weights;
            for (var e = 0; e < edges.Length; e++)
            {
                weights[e] = m.Framework[edges[e].ChildCode].Weight;
            }

            if (m.Framework.Aggregates.Select(a => m.AggregatorFor(a.Code)).FirstOrDefault(a => a.Method == AggregationMethod.BenefitOfTheDoubt) is { } bod)
            {
                // Setting it everywhere first makes the workspace's simplex scratch (the per-node setter does not).
                ws.SetAggregator(bod);
            }

            for (var a = 0; a < index.AggregateCount; a++)
            {
                ws.SetAggregator(a, m.AggregatorFor(index.NodeCodes[index.IndicatorCount + a]));
            }

            index.Run(ws);
            var n = index.UnitCount;
            var indexNode = index.NodeCount - 1;
            var pillars = m.Framework.Children(m.Framework.IndexCode).Select(p => p.Code).ToArray();
            var pillarScores = pillars.Select(p => ws.NodeScores(index.NodeCodes.IndexOf(p)).ToArray()).ToArray();
            var run = new ExploreRun(m, index.Units, ws.NodeScores(indexNode).ToArray(), ws.NodeRanks(indexNode).ToArray(), pillars, pillarScores,
                index.Units.Select(u => NominalRank(u.Code)).ToArray(), withResult ? index.ToResult(ws) : null);
            return run;
        }
        finally
        {
            entry.Pool.Add(ws);
        }
    }

    private CompiledEntry Compiled(Methodology m)
    {
        var key = StructuralKey(m);
        if (_compiled.Count > MaxCompiled)
        {
            foreach (var k in _compiled.Keys.Where(k => k != StructuralKey(Nominal)).ToList())
            {
                _compiled.TryRemove(k, out _);
            }
        }

        // The compile ignores weights and aggregators (a workspace sets them per run): only the normalisers and the tie policy.
        var lazy = _compiled.GetOrAdd(key, _ => new Lazy<CompiledEntry>(() => new CompiledEntry(IndexCalculator.Compile(
            Nominal with
            {
                Framework = Framework.Create(Nominal.Framework.Nodes.Select(n => n.IsIndicator ? n with { Normaliser = m.Framework[n.Code].Normaliser } : n)),
                Normaliser = m.Normaliser,
                Ties = m.Ties,
            },
            Dataset))));
        return lazy.Value;
    }

    private static string StructuralKey(Methodology m) =>
        m.Ties + "|" + m.Normaliser + "|" + string.Join("|", m.Framework.Nodes.Where(n => n.IsIndicator).Select(n => n.Normaliser?.ToString() ?? string.Empty));

    private sealed class CompiledEntry(CompiledIndex index)
    {
        public CompiledIndex Index { get; } = index;

        public ConcurrentBag<IndexWorkspace> Pool { get; } = [];
    }
}

/// <summary>A scenario of the page: what differs from the nominal methodology.</summary>
internal sealed class Scenario
{
    /// <summary>Node weights by node code (the weight of the node within its parent).</summary>
    public Dictionary<string, double>? Weights { get; set; }

    /// <summary>Normalisers by indicator code, as method text (<c>minmax(0,100)</c>).</summary>
    public Dictionary<string, string>? Normalisers { get; set; }

    /// <summary>Aggregators by aggregate code, as method text (<c>geometric</c>).</summary>
    public Dictionary<string, string>? Aggregators { get; set; }

    /// <summary>The tie policy: competition, dense, fractional or ordinal (null: the nominal one).</summary>
    public string? Ties { get; set; }

    /// <summary>The node whose scores colour the tile map (null: the index).</summary>
    public string? MapNode { get; set; }

    /// <summary>The unit of the unit panel.</summary>
    public string? Unit { get; set; }

    /// <summary>The number of ranking rows to return (null: 200).</summary>
    public int? Limit { get; set; }

    /// <summary>The number of uncertainty replications (null: 500).</summary>
    public int? Runs { get; set; }
}

/// <summary>One run of a scenario: index scores and ranks, pillar scores, nominal ranks (compiled unit order).</summary>
internal sealed record ExploreRun(
    Methodology Methodology,
    System.Collections.Immutable.ImmutableArray<Unit> Units,
    double[] Scores,
    double[] Ranks,
    string[] Pillars,
    double[][] PillarScores,
    double[] NominalRanks,
    IndexResult? Result)
{
    /// <summary>Unit positions ordered by rank (missing scores last), then by unit code.</summary>
    public int[] Order() =>
        Enumerable.Range(0, Units.Length)
            .OrderBy(i => double.IsNaN(Ranks[i]) ? double.MaxValue : Ranks[i])
            .ThenBy(i => Units[i].Code, StringComparer.Ordinal)
            .ToArray();
}
