using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// A methodology compiled against a dataset: raw values in dense column-major arrays, nodes in topological order
/// (indicators first, then aggregates level by level), weights in flat arrays. <see cref="Run(IndexWorkspace, PipelineStage)"/>
/// normalises, aggregates and ranks every aggregate into a workspace without allocating, so the same compiled
/// index serves the plain calculation, what-if analysis and the uncertainty engine. Immutable and thread-safe;
/// give each thread its own workspace. Create with <see cref="IndexCalculator.Compile"/>.
/// </summary>
public sealed class CompiledIndex
{
    private readonly double[] _raw;             // the dataset's own column-major store (read in place, never written), unflipped
    private readonly int[] _rawOffset;          // per indicator: where its column starts in _raw
    private readonly NormaliserPlan[] _plans;   // one per indicator (the methodology's; a workspace may override)
    private readonly int[] _childStart;         // per aggregate: first edge; _childStart[a + 1] is the end
    private readonly int[] _childNode;          // per edge: child node position
    private readonly double[] _childSign;       // per edge: child direction sign
    private readonly AggregatorPlan[] _aggregatorPlans;
    private readonly double[] _thresholds;
    private readonly int[] _ordinalOrder;       // empty unless the tie policy is ordinal
    private readonly string[][] _childCodes;
    private readonly string[] _unitCodes;

    internal CompiledIndex(Methodology methodology, Dataset dataset, TreatmentLog treatment)
    {
        Methodology = methodology;
        Dataset = dataset;
        Treatment = treatment;
        var fw = methodology.Framework;
        Units = dataset.Units;
        UnitCount = dataset.UnitCount;
        var n = UnitCount;
        _unitCodes = Units.Select(u => u.Code).ToArray();

        var indicators = fw.Indicators;
        var aggregates = fw.Aggregates
            .Select((node, i) => (node, i, level: fw.Level(node.Code)))
            .OrderBy(t => t.level).ThenBy(t => t.i)
            .Select(t => t.node).ToArray();
        IndicatorCount = indicators.Length;
        AggregateCount = aggregates.Length;
        NodeCodes = indicators.Select(d => d.Code).Concat(aggregates.Select(a => a.Code)).ToImmutableArray();
        var position = NodeCodes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        NodeLevels = NodeCodes.Select(fw.Level).ToImmutableArray();

        // The raw values are read where the dataset keeps them (it is immutable): no copy of the input.
        _raw = dataset.ColumnMajorValues;
        _rawOffset = new int[IndicatorCount];
        _plans = new NormaliserPlan[IndicatorCount];
        for (var j = 0; j < IndicatorCount; j++)
        {
            var def = indicators[j];
            _rawOffset[j] = dataset.IndexOfIndicator(def.Code) * n;
            var normaliser = methodology.NormaliserFor(def.Code);
            var referenceRow = normaliser is DistanceToReferenceNormaliser { ReferenceUnit: var refUnit } ? Array.IndexOf(_unitCodes, refUnit) : -1;
            _plans[j] = new NormaliserPlan(normaliser, def, referenceRow);
        }

        _childStart = new int[AggregateCount + 1];
        var childNodes = new List<int>();
        var signs = new List<double>();
        var weights = new List<double>();
        var edges = ImmutableArray.CreateBuilder<WeightEdge>();
        _aggregatorPlans = new AggregatorPlan[AggregateCount];
        _thresholds = new double[AggregateCount];
        _childCodes = new string[AggregateCount][];
        for (var a = 0; a < AggregateCount; a++)
        {
            var node = aggregates[a];
            _childStart[a] = childNodes.Count;
            var children = fw.Children(node.Code).ToArray();
            _childCodes[a] = children.Select(c => c.Code).ToArray();
            foreach (var child in children)
            {
                childNodes.Add(position[child.Code]);
                // An indicator's direction is applied by its normaliser; an aggregate's is applied when its parent reads it.
                signs.Add(!child.IsIndicator && child.Direction == Direction.Negative ? -1.0 : 1.0);
                weights.Add(child.Weight);
                edges.Add(new WeightEdge(node.Code, child.Code));
            }

            var agg = methodology.AggregatorFor(node.Code);
            _aggregatorPlans[a] = new AggregatorPlan(agg);
            MaxChildren = Math.Max(MaxChildren, children.Length);
            _thresholds[a] = methodology.AvailabilityThresholdFor(node.Code);
        }

        _childStart[AggregateCount] = childNodes.Count;
        Indicators = indicators;
        _childNode = childNodes.ToArray();
        _childSign = signs.ToArray();
        NominalWeights = weights.ToImmutableArray();
        Edges = edges.ToImmutable();
        EdgeChildLevels = Edges.Select(e => fw.Level(e.ChildCode)).ToImmutableArray();

        // Only ordinal ties read the unit-code order; the other policies never do (an empty order).
        _ordinalOrder = methodology.Ties == TiePolicy.Ordinal ? UnitCodeOrder(_unitCodes) : [];
    }

    /// <summary>Each unit's position in ordinal unit-code order (the order ordinal ties break by).</summary>
    /// <param name="unitCodes">The unit codes, in unit order.</param>
    /// <returns>The positions, in unit order.</returns>
    internal static int[] UnitCodeOrder(ReadOnlySpan<string> unitCodes)
    {
        var n = unitCodes.Length;
        var byCode = new int[n];
        for (var i = 0; i < n; i++)
        {
            byCode[i] = i;
        }

        var codes = unitCodes.ToArray();
        Array.Sort(codes, byCode, StringComparer.Ordinal);
        var order = new int[n];
        for (var r = 0; r < n; r++)
        {
            order[byCode[r]] = r;
        }

        return order;
    }

    internal ReadOnlySpan<NormaliserPlan> Plans => _plans;

    /// <summary>A copy of the compiled raw values, indicator-major (<c>indicator * UnitCount + unit</c>).</summary>
    /// <returns>The new array.</returns>
    internal double[] CopyRawValues()
    {
        var n = UnitCount;
        var copy = new double[IndicatorCount * n];
        for (var j = 0; j < IndicatorCount; j++)
        {
            _raw.AsSpan(_rawOffset[j], n).CopyTo(copy.AsSpan(j * n, n));
        }

        return copy;
    }

    /// <summary>The raw values of indicator <paramref name="j"/> that a run on <paramref name="workspace"/> reads: its own copy when it has one, else the dataset's.</summary>
    private ReadOnlySpan<double> RawColumn(IndexWorkspace workspace, int j) =>
        workspace.RawOverride is { } own ? own.AsSpan(j * UnitCount, UnitCount) : _raw.AsSpan(_rawOffset[j], UnitCount);

    internal ReadOnlySpan<AggregatorPlan> AggregatorPlans => _aggregatorPlans;

    /// <summary>The unit codes in dataset order.</summary>
    internal ReadOnlySpan<string> UnitCodes => _unitCodes;

    /// <summary>The indicator definitions, parallel to the first <see cref="IndicatorCount"/> entries of <see cref="NodeCodes"/>.</summary>
    public ImmutableArray<IndicatorDefinition> Indicators { get; private set; }

    /// <summary>The level of each edge's child (1 = indicator), parallel to <see cref="Edges"/>.</summary>
    public ImmutableArray<int> EdgeChildLevels { get; private set; }

    /// <summary>The largest number of children of an aggregate (sizes the workspace's scratch).</summary>
    internal int MaxChildren { get; }

    /// <summary>The methodology compiled.</summary>
    public Methodology Methodology { get; }

    /// <summary>The dataset compiled: the input after the methodology's treatment steps (the input itself when there are none).</summary>
    public Dataset Dataset { get; }

    /// <summary>What the treatment steps did (every value changed, every unit screened out); <see cref="TreatmentLog.Empty"/> without steps.</summary>
    public TreatmentLog Treatment { get; }

    /// <summary>The units, in dataset order.</summary>
    public ImmutableArray<Unit> Units { get; }

    /// <summary>The number of units.</summary>
    public int UnitCount { get; }

    /// <summary>The number of indicators (the first nodes).</summary>
    public int IndicatorCount { get; }

    /// <summary>The number of aggregates (the nodes after the indicators; the last is the index).</summary>
    public int AggregateCount { get; }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => IndicatorCount + AggregateCount;

    /// <summary>The node codes in compiled (topological) order: indicators, then aggregates level by level; the last is the index.</summary>
    public ImmutableArray<string> NodeCodes { get; }

    /// <summary>The node levels, parallel to <see cref="NodeCodes"/>.</summary>
    public ImmutableArray<int> NodeLevels { get; }

    /// <summary>Every parent-child link, grouped by parent in compiled order; parallel to <see cref="NominalWeights"/> and <see cref="IndexWorkspace.Weights"/>.</summary>
    public ImmutableArray<WeightEdge> Edges { get; }

    /// <summary>
    /// The weights the methodology's weighting methods derived, one entry per weighted aggregate in compiled order (empty
    /// without weighting). They are already in <see cref="Methodology"/>'s framework and in <see cref="NominalWeights"/>.
    /// </summary>
    public ImmutableArray<DerivedWeights> DerivedWeights { get; internal set; } = [];

    /// <summary>The framework's weights, one per edge.</summary>
    public ImmutableArray<double> NominalWeights { get; }

    /// <summary>Creates a workspace for this compiled index (one per thread).</summary>
    /// <returns>A new workspace holding the nominal weights.</returns>
    public IndexWorkspace CreateWorkspace() => new(this);

    /// <summary>
    /// Runs the pipeline into <paramref name="workspace"/> from <paramref name="from"/> on: normalise every indicator,
    /// aggregate every aggregate in topological order with the workspace's weights, rank every aggregate.
    /// Allocates nothing.
    /// </summary>
    /// <param name="workspace">A workspace of this compiled index.</param>
    /// <param name="from">The first stage to run; earlier stages' results are reused from the workspace.</param>
    /// <exception cref="Errors.CalculationException">When a normaliser meets a degenerate column, or an aggregator a value it cannot take.</exception>
    public void Run(IndexWorkspace workspace, PipelineStage from = PipelineStage.Normalisation)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Owner, this))
        {
            throw new ArgumentException("The workspace belongs to another compiled index.", nameof(workspace));
        }

        var n = UnitCount;
        var scores = workspace.Scores;
        if (from <= PipelineStage.Normalisation)
        {
            for (var j = 0; j < IndicatorCount; j++)
            {
                NormaliserKernel.Apply(in workspace.Plans[j], RawColumn(workspace, j), scores.AsSpan(j * n, n), workspace.Keys, workspace.Items, _unitCodes);
            }
        }

        if (from <= PipelineStage.Aggregation)
        {
            var weights = workspace.Weights;
            for (var a = 0; a < AggregateCount; a++)
            {
                var start = _childStart[a];
                var count = _childStart[a + 1] - start;
                var node = IndicatorCount + a;
                AggregatorKernel.Aggregate(
                    in workspace.AggregatorPlans[a], _thresholds[a], scores, n,
                    _childNode.AsSpan(start, count), weights.Slice(start, count), _childSign.AsSpan(start, count),
                    scores.AsSpan(node * n, n), workspace.Present.AsSpan(a * n, n), workspace.Acc, workspace.WeightSums, workspace.ChildScratch,
                    workspace.LpTableau, workspace.LpBasis, NodeCodes[node], _childCodes[a], _unitCodes);
            }
        }

        var ties = Methodology.Ties;
        for (var a = 0; a < AggregateCount; a++)
        {
            var node = IndicatorCount + a;
            RankKernel.RankDescending(scores.AsSpan(node * n, n), workspace.Ranks.AsSpan((node - workspace.RankBase) * n, n), ties, _ordinalOrder, workspace.Keys, workspace.Items, workspace.Radix);
        }
    }

    /// <summary>Ranks every indicator on its normalised value (higher is better) into the workspace. Allocates nothing.</summary>
    /// <param name="workspace">A workspace of this compiled index, after a run.</param>
    public void RankIndicators(IndexWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace.RankBase != 0)
        {
            throw new InvalidOperationException("The workspace keeps the ranks of the aggregates only.");
        }

        var n = UnitCount;
        for (var j = 0; j < IndicatorCount; j++)
        {
            RankKernel.RankDescending(workspace.Scores.AsSpan(j * n, n), workspace.Ranks.AsSpan(j * n, n), Methodology.Ties, _ordinalOrder, workspace.Keys, workspace.Items, workspace.Radix);
        }
    }

    /// <summary>
    /// Runs the pipeline as <see cref="Run(IndexWorkspace, PipelineStage)"/>, but reports a method that meets data it
    /// cannot compute on (a column made constant under min-max, a zero under a geometric mean, ...) as a failed result
    /// instead of throwing: for searches that try many values and expect some to fail (target seeking). On success the
    /// result holds <paramref name="workspace"/> and is the same object every time (a successful run allocates
    /// nothing); on failure its one problem carries the <see cref="Errors.CalculationException"/>'s code, message, node
    /// (as <see cref="Errors.ValidationProblem.IndicatorCode"/>), unit and value, and the workspace's scores are
    /// incomplete. The kernels still report the failure by an exception internally: this method is the one boundary
    /// where it is caught, so that callers need no <c>catch</c>.
    /// </summary>
    /// <param name="workspace">A workspace of this compiled index.</param>
    /// <param name="from">The first stage to run; earlier stages' results are reused from the workspace.</param>
    /// <returns>The workspace, or the problem.</returns>
    public Errors.ReadResult<IndexWorkspace> TryRun(IndexWorkspace workspace, PipelineStage from = PipelineStage.Normalisation)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        try
        {
            Run(workspace, from);
            return workspace.Completed;
        }
        catch (Errors.CalculationException ex)
        {
            return Errors.ReadResult<IndexWorkspace>.ForFailure(Errors.ValidationReport.Of([ex.ToProblem()]), workspace.Completed.Source);
        }
    }

    /// <summary>Runs the whole pipeline in a fresh workspace and returns the result.</summary>
    /// <returns>The result.</returns>
    /// <exception cref="Errors.CalculationException">When a method meets data it cannot compute on, or no unit gets an index score (nothing to rank).</exception>
    public IndexResult Run()
    {
        // The workspace is this call's own and keeps the aggregates' ranks only: the result ranks the indicators when first asked.
        var ws = new IndexWorkspace(this, IndicatorCount);
        Run(ws);
        var index = ws.NodeScores(NodeCount - 1);
        var any = false;
        foreach (var score in index)
        {
            any |= !double.IsNaN(score);
        }

        if (!any)
        {
            throw new Errors.CalculationException(
                Errors.ProblemCode.EmptyInput,
                $"Index '{NodeCodes[^1]}' has no score for any of its {UnitCount.ToString(CultureInfo.InvariantCulture)} units, so there is nothing to rank: every unit lacks the values its aggregates need (or is below an availability threshold). Check the data and the thresholds.",
                NodeCodes[^1]);
        }

        // The workspace is this call's own: the result takes its arrays instead of copying them (large inputs).
        return ToResult(ws, static a => a);
    }

    /// <summary>Builds a result from the workspace of the last run (copies the scores; ranks the indicators).</summary>
    /// <param name="workspace">A workspace of this compiled index, after a run.</param>
    /// <returns>The result.</returns>
    public IndexResult ToResult(IndexWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return ToResult(workspace, static a => a.ToArray());
    }

    private IndexResult ToResult(IndexWorkspace workspace, Func<double[], double[]> keep)
    {
        if (workspace.RankBase == 0)
        {
            RankIndicators(workspace);
        }

        var n = UnitCount;
        var entries = ImmutableArray.CreateBuilder<NodeLogEntry>(NodeCount);
        var warnings = ImmutableArray.CreateBuilder<string>();
        for (var j = 0; j < IndicatorCount; j++)
        {
            ImmutableArray<string>.Builder? missing = null; // made at the first missing value: most columns have none
            var raw = RawColumn(workspace, j);
            for (var u = 0; u < n; u++)
            {
                if (double.IsNaN(raw[u]))
                {
                    (missing ??= ImmutableArray.CreateBuilder<string>()).Add(_unitCodes[u]);
                }
            }

            if (n > 0 && missing?.Count == n)
            {
                warnings.Add($"Indicator '{NodeCodes[j]}' is missing for every unit, so it takes no part in any score.");
            }

            entries.Add(new NodeLogEntry(NodeCodes[j], 1, 0, missing?.ToImmutable() ?? [], ImmutableArray<UnitAvailability>.Empty, workspace.Plans[j].Method.ToString()));
        }

        // Present children per unit, counted column by column (contiguous reads) into the rank scratch, free after the run.
        var present = workspace.Items.AsSpan(0, n);
        for (var a = 0; a < AggregateCount; a++)
        {
            var node = IndicatorCount + a;
            var total = _childStart[a + 1] - _childStart[a];
            present.Clear();
            for (var e = _childStart[a]; e < _childStart[a + 1]; e++)
            {
                var child = workspace.Scores.AsSpan(_childNode[e] * n, n);
                for (var u = 0; u < n; u++)
                {
                    present[u] += double.IsNaN(child[u]) ? 0 : 1;
                }
            }

            var scores = workspace.Scores.AsSpan(node * n, n);
            ImmutableArray<string>.Builder? missing = null;
            ImmutableArray<UnitAvailability>.Builder? partial = null;
            for (var u = 0; u < n; u++)
            {
                var missingScore = double.IsNaN(scores[u]);
                if (missingScore)
                {
                    (missing ??= ImmutableArray.CreateBuilder<string>()).Add(_unitCodes[u]);
                }

                if (present[u] < total)
                {
                    (partial ??= ImmutableArray.CreateBuilder<UnitAvailability>()).Add(new UnitAvailability(_unitCodes[u], present[u], total, !missingScore));
                }
            }

            entries.Add(new NodeLogEntry(NodeCodes[node], NodeLevels[node], total, missing?.ToImmutable() ?? [], partial?.ToImmutable() ?? [],
                workspace.AggregatorPlans[a].Method == AggregationMethod.PowerMean ? "PowerMean(p=" + workspace.AggregatorPlans[a].Power.ToString("R", CultureInfo.InvariantCulture) + ")"
                    : workspace.AggregatorPlans[a].Method == AggregationMethod.Custom ? workspace.AggregatorPlans[a].Source.ToString() : workspace.AggregatorPlans[a].Method.ToString()));
        }

        return new IndexResult(Methodology, Units, NodeCodes, NodeLevels, keep(workspace.Scores), keep(workspace.Ranks), workspace.RankBase, new CalculationLog(entries.MoveToImmutable(), warnings.ToImmutable(), DerivedWeights), Treatment);
    }
}
