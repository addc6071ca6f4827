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

    private readonly bool _builtInNormalisers;  // no custom normaliser: a result may normalise again, on first use, and get the same numbers

    [ThreadStatic]
    private static WorkspaceScratch? _spareScratch;

    internal CompiledIndex(Methodology methodology, Dataset dataset, TreatmentLog treatment)
    {
        Methodology = methodology;
        Dataset = dataset;
        Treatment = treatment;
        // Everything that depends on the methodology alone is made once per methodology and shared (read-only).
        var s = IndexStructure.For(methodology);
        Structure = s;
        Units = dataset.Units;
        UnitCount = dataset.UnitCount;
        _unitCodes = dataset.UnitCodeArray;
        IndicatorCount = s.IndicatorCount;
        AggregateCount = s.AggregateCount;
        NodeCodes = s.NodeCodes;
        NodeLevels = s.NodeLevels;
        Indicators = s.Indicators;

        // The raw values are read where the dataset keeps them (it is immutable): no copy of the input.
        var n = UnitCount;
        _raw = dataset.ColumnMajorValues;
        _rawOffset = new int[IndicatorCount];
        for (var j = 0; j < IndicatorCount; j++)
        {
            _rawOffset[j] = dataset.IndexOfIndicator(Indicators[j].Code) * n;
        }

        _plans = s.SharedPlans ?? PlansWithReferenceRows(s);
        _builtInNormalisers = Array.TrueForAll(_plans, p => p.Method != NormalisationMethod.Custom);

        _childStart = s.ChildStart;
        _childNode = s.ChildNode;
        _childSign = s.ChildSign;
        _aggregatorPlans = s.AggregatorPlans;
        _thresholds = s.Thresholds;
        _childCodes = s.ChildCodes;
        MaxChildren = s.MaxChildren;
        NominalWeights = s.NominalWeights;
        Edges = s.Edges;
        EdgeChildLevels = s.EdgeChildLevels;

        // Only ordinal ties read the unit-code order; the other policies never do (an empty order).
        _ordinalOrder = methodology.Ties == TiePolicy.Ordinal ? UnitCodeOrder(_unitCodes) : [];
    }

    private NormaliserPlan[] PlansWithReferenceRows(IndexStructure s)
    {
        var plans = new NormaliserPlan[IndicatorCount];
        for (var j = 0; j < IndicatorCount; j++)
        {
            var normaliser = s.Normalisers[j];
            var referenceRow = normaliser is DistanceToReferenceNormaliser { ReferenceUnit: var refUnit } ? Array.IndexOf(_unitCodes, refUnit) : -1;
            plans[j] = new NormaliserPlan(normaliser, Indicators[j], referenceRow);
        }

        return plans;
    }

    /// <summary>The methodology's share of the compilation, made once per methodology instance.</summary>
    internal IndexStructure Structure { get; }

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

    /// <summary>The methodology's normaliser plans (shared; never written: a workspace copies before it changes one).</summary>
    internal NormaliserPlan[] PlanArray => _plans;

    /// <summary>The methodology's aggregator plans (shared; never written).</summary>
    internal AggregatorPlan[] AggregatorPlanArray => _aggregatorPlans;

    /// <summary>The nominal weights per edge (shared; never written).</summary>
    internal double[] NominalWeightArray => Structure.NominalWeightArray;

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
            var weights = workspace.RunWeights;
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
        // When the thread can keep every node's scores as scratch (up to 16 MB), the run writes them there and the result
        // copies out the aggregates' only: it normalises the indicators again when first asked (built-in normalisers are
        // deterministic, so the numbers are the same). Most callers read aggregates, and the call allocates a fraction.
        var borrowScores = _builtInNormalisers && WorkspaceScratch.EstimateBytesWithScores(this) <= WorkspaceScratch.MaxKeptBytes;
        var ws = new IndexWorkspace(this, IndicatorCount, _spareScratch, borrowScores);
        _spareScratch = null;
        Run(ws);
        if (ws.Scratch.Bytes <= WorkspaceScratch.MaxKeptBytes)
        {
            _spareScratch = ws.Scratch; // the result keeps the scores and ranks only: the scratch serves the next run on this thread
        }
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
                new Internal.Localization.ProblemText("Calc_NothingToRank", NodeCodes[^1], UnitCount.ToString(CultureInfo.InvariantCulture)),
                NodeCodes[^1]);
        }

        // The workspace is this call's own: the result takes its arrays instead of copying them (large inputs).
        return ToResult(ws, own: true);
    }

    /// <summary>Builds a result from the workspace of the last run (copies the scores; ranks the indicators).</summary>
    /// <param name="workspace">A workspace of this compiled index, after a run.</param>
    /// <returns>The result.</returns>
    public IndexResult ToResult(IndexWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return ToResult(workspace, own: false);
    }

    private IndexResult ToResult(IndexWorkspace workspace, bool own)
    {
        if (workspace.RankBase == 0)
        {
            RankIndicators(workspace);
        }

        if (!own)
        {
            // The workspace will run again: copy its arrays and make the log now, from its raw values and methods.
            var names = new string[NodeCount];
            for (var j = 0; j < IndicatorCount; j++)
            {
                names[j] = workspace.Plans[j].Method.ToString();
            }

            for (var a = 0; a < AggregateCount; a++)
            {
                names[IndicatorCount + a] = IndexStructure.MethodName(in workspace.AggregatorPlans[a]);
            }

            var log = BuildLog(workspace.Scores, workspace.RawOverride, names);
            return new IndexResult(Methodology, Units, NodeCodes, NodeLevels, workspace.Scores.ToArray(), workspace.Ranks.ToArray(), workspace.RankBase, log, Treatment);
        }

        if (workspace.ScoresBorrowed)
        {
            // The scores are the thread's scratch (the next run writes them): the result copies the aggregates' (every value
            // is written, so the copy needs no zeroing) and normalises the indicators again when first asked.
            var n = UnitCount;
            var aggregates = GC.AllocateUninitializedArray<double>(AggregateCount * n);
            workspace.Scores.AsSpan(IndicatorCount * n).CopyTo(aggregates);
            IndexResult? made = null;
            made = new IndexResult(Methodology, Units, NodeCodes, NodeLevels, aggregates, IndicatorCount, NormaliseIndicators, workspace.Ranks, workspace.RankBase,
                () => BuildLog(made!.AllScoreArray, null, Structure.NodeMethodNames), Treatment, Structure.NodePosition);
            return made;
        }

        // This call's own workspace, run with the methodology's methods on the dataset's values: the result takes its
        // arrays, and makes its log from them when first asked (most callers read scores and ranks only).
        var scores = workspace.Scores;
        return new IndexResult(Methodology, Units, NodeCodes, NodeLevels, scores, workspace.Ranks, workspace.RankBase,
            () => BuildLog(scores, null, Structure.NodeMethodNames), Treatment, Structure.NodePosition);
    }

    /// <summary>
    /// Writes every indicator's normalised values, with the methodology's normalisers on the compiled raw values (as
    /// <see cref="Run(IndexWorkspace, PipelineStage)"/> does), into the first <c>IndicatorCount * UnitCount</c> values of
    /// <paramref name="all"/>. Allocates its own sort scratch (safe on any thread, at any time).
    /// </summary>
    private void NormaliseIndicators(double[] all)
    {
        var n = UnitCount;
        var keys = new double[n];
        var items = new int[n];
        for (var j = 0; j < IndicatorCount; j++)
        {
            NormaliserKernel.Apply(in _plans[j], _raw.AsSpan(_rawOffset[j], n), all.AsSpan(j * n, n), keys, items, _unitCodes);
        }
    }

    /// <summary>
    /// The calculation log of a run: per indicator the units whose raw value is missing (and a warning when every unit's
    /// is), per aggregate the units without a score and those scored from fewer children than it has.
    /// </summary>
    private CalculationLog BuildLog(double[] scores, double[]? rawOverride, string[] methodNames)
    {
        var n = UnitCount;
        var entries = ImmutableArray.CreateBuilder<NodeLogEntry>(NodeCount);
        var warnings = ImmutableArray.CreateBuilder<string>();
        for (var j = 0; j < IndicatorCount; j++)
        {
            ImmutableArray<string>.Builder? missing = null; // made at the first missing value: most columns have none
            var raw = rawOverride is { } own ? own.AsSpan(j * n, n) : _raw.AsSpan(_rawOffset[j], n);
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

            entries.Add(new NodeLogEntry(NodeCodes[j], 1, 0, missing?.ToImmutable() ?? [], ImmutableArray<UnitAvailability>.Empty, methodNames[j]));
        }

        // Present children per unit, counted column by column (contiguous reads).
        var present = n <= 256 ? stackalloc int[n] : new int[n];
        for (var a = 0; a < AggregateCount; a++)
        {
            var node = IndicatorCount + a;
            var total = _childStart[a + 1] - _childStart[a];
            present.Clear();
            for (var e = _childStart[a]; e < _childStart[a + 1]; e++)
            {
                var child = scores.AsSpan(_childNode[e] * n, n);
                for (var u = 0; u < n; u++)
                {
                    present[u] += double.IsNaN(child[u]) ? 0 : 1;
                }
            }

            var nodeScores = scores.AsSpan(node * n, n);
            ImmutableArray<string>.Builder? missing = null;
            ImmutableArray<UnitAvailability>.Builder? partial = null;
            for (var u = 0; u < n; u++)
            {
                var missingScore = double.IsNaN(nodeScores[u]);
                if (missingScore)
                {
                    (missing ??= ImmutableArray.CreateBuilder<string>()).Add(_unitCodes[u]);
                }

                if (present[u] < total)
                {
                    (partial ??= ImmutableArray.CreateBuilder<UnitAvailability>()).Add(new UnitAvailability(_unitCodes[u], present[u], total, !missingScore));
                }
            }

            entries.Add(new NodeLogEntry(NodeCodes[node], NodeLevels[node], total, missing?.ToImmutable() ?? [], partial?.ToImmutable() ?? [], methodNames[node]));
        }

        return new CalculationLog(entries.MoveToImmutable(), warnings.ToImmutable(), DerivedWeights);
    }
}
