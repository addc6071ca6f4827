using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// The reusable memory of one compiled pipeline run: every node's scores and ranks, the weights in use, and scratch.
/// A run writes into it and allocates nothing. One workspace per thread; create with
/// <see cref="CompiledIndex.CreateWorkspace"/>.
/// </summary>
public sealed class IndexWorkspace
{
    internal IndexWorkspace(CompiledIndex owner)
        : this(owner, 0)
    {
    }

    /// <summary>Creates a workspace that keeps the ranks of nodes from <paramref name="rankBase"/> on (0: every node; the indicator count: the aggregates only).</summary>
    internal IndexWorkspace(CompiledIndex owner, int rankBase)
        : this(owner, rankBase, null)
    {
    }

    /// <summary>
    /// A workspace whose scratch arrays are <paramref name="scratch"/>'s when it was made for the same shape (units,
    /// aggregates, children), else new ones. A run never reads scratch before writing it, so earlier contents do not matter.
    /// </summary>
    internal IndexWorkspace(CompiledIndex owner, int rankBase, WorkspaceScratch? scratch)
        : this(owner, rankBase, scratch, borrowScores: false)
    {
    }

    /// <summary>
    /// As <see cref="IndexWorkspace(CompiledIndex, int, WorkspaceScratch?)"/>; with <paramref name="borrowScores"/> the
    /// scores array is the scratch's too (a one-shot run whose result copies out what it keeps), else a new one.
    /// </summary>
    internal IndexWorkspace(CompiledIndex owner, int rankBase, WorkspaceScratch? scratch, bool borrowScores)
    {
        Owner = owner;
        RankBase = rankBase;
        var n = owner.UnitCount;
        Scratch = scratch is not null && scratch.Fits(owner) ? scratch : new WorkspaceScratch(owner);
        Scores = borrowScores ? Scratch.BorrowScores(owner.NodeCount * n) : new double[owner.NodeCount * n];
        ScoresBorrowed = borrowScores;
        Ranks = new double[(owner.NodeCount - rankBase) * n];
        foreach (var plan in owner.AggregatorPlans)
        {
            if (plan.Method == AggregationMethod.BenefitOfTheDoubt)
            {
                EnsureLinearProgrammeScratch();
                break;
            }
        }
    }

    /// <summary>The arrays a run uses between stages and throws away: present-children counts, sort keys, accumulators.</summary>
    internal WorkspaceScratch Scratch { get; }

    /// <summary>The simplex tableau of benefit of the doubt (empty until a node uses it).</summary>
    internal double[] LpTableau => Scratch.LpTableau;

    /// <summary>The simplex basis of benefit of the doubt (empty until a node uses it).</summary>
    internal int[] LpBasis => Scratch.LpBasis;

    private void EnsureLinearProgrammeScratch()
    {
        if (Scratch.LpTableau.Length == 0)
        {
            var n = Owner.UnitCount;
            var k = Math.Max(1, Owner.MaxChildren);
            Scratch.LpTableau = new double[AggregatorKernel.BenefitOfTheDoubtTableauLength(n, k)];
            Scratch.LpBasis = new int[AggregatorKernel.BenefitOfTheDoubtBasisLength(n, k)];
        }
    }

    /// <summary>The radix sort's scratch for ranking (null below <see cref="Ranking.RankKernel.RadixThreshold"/> units).</summary>
    internal Ranking.RadixScratch? Radix => Scratch.Radix;

    internal CompiledIndex Owner { get; }

    /// <summary>
    /// The workspace's own copy of the raw values (indicator-major, as the compiled index holds them), used by the next
    /// runs instead of the compiled ones; null (the default) to use the compiled values. Set with
    /// <see cref="UseOwnRawValues"/> by what-if searches that change a unit's values between runs.
    /// </summary>
    /// <summary>The successful outcome of <see cref="CompiledIndex.TryRun"/> on this workspace, made once so that a run allocates nothing.</summary>
    internal Errors.ReadResult<IndexWorkspace> Completed => _completed ??= Errors.ReadResult<IndexWorkspace>.ForValue(this, "run of '" + Owner.NodeCodes[^1] + "'");

    private Errors.ReadResult<IndexWorkspace>? _completed;

    // Copy on write: a workspace reads its compiled index's plans and weights until a Set or Weights asks for its own.
    private NormaliserPlan[]? _ownPlans;
    private AggregatorPlan[]? _ownAggregatorPlans;
    private double[]? _ownWeights;

    internal double[]? RawOverride { get; private set; }

    /// <summary>Gives the workspace its own copy of the compiled raw values (once) and returns it to be written.</summary>
    /// <returns>The copy, indicator-major: <c>indicator * UnitCount + unit</c>.</returns>
    internal double[] UseOwnRawValues() => RawOverride ??= Owner.CopyRawValues();

    /// <summary>The first node whose ranks <see cref="Ranks"/> keeps (node <c>k</c> at <c>(k - RankBase) * UnitCount</c>): 0, or the indicator count for a workspace that ranks the aggregates only.</summary>
    internal int RankBase { get; }

    internal NormaliserPlan[] Plans => _ownPlans ?? Owner.PlanArray;

    internal AggregatorPlan[] AggregatorPlans => _ownAggregatorPlans ?? Owner.AggregatorPlanArray;

    private NormaliserPlan[] OwnPlans() => _ownPlans ??= Owner.PlanArray.ToArray();

    private AggregatorPlan[] OwnAggregatorPlans() => _ownAggregatorPlans ??= Owner.AggregatorPlanArray.ToArray();

    internal double[] Scores { get; }

    /// <summary>Whether <see cref="Scores"/> is the scratch's (the next one-shot run on this thread writes it again).</summary>
    internal bool ScoresBorrowed { get; }

    internal double[] Ranks { get; }

    internal int[] Present => Scratch.Present;

    internal double[] Keys => Scratch.Keys;

    internal int[] Items => Scratch.Items;

    internal double[] Acc => Scratch.Acc;

    internal double[] WeightSums => Scratch.WeightSums;

    internal double[] ChildScratch => Scratch.ChildScratch;

    /// <summary>
    /// The children's weights used by the next run, one per parent-child edge in <see cref="CompiledIndex.Edges"/>
    /// order; starts as the nominal weights. Change them and run from <see cref="PipelineStage.Aggregation"/> to
    /// re-aggregate without normalising again. The first read copies the nominal weights into the workspace, once.
    /// </summary>
    public Span<double> Weights => WeightArray;

    /// <summary>The weights a run reads: this workspace's own once <see cref="Weights"/> was asked for, else the nominal ones.</summary>
    internal ReadOnlySpan<double> RunWeights => _ownWeights ?? Owner.NominalWeightArray;

    internal double[] WeightArray => _ownWeights ??= Owner.NominalWeightArray.ToArray();

    /// <summary>
    /// Makes the next runs normalise every indicator with <paramref name="normaliser"/> instead of the methodology's
    /// normalisers (run from <see cref="PipelineStage.Normalisation"/> to apply it). The first change of a workspace's
    /// methods copies its compiled index's plans into the workspace, once; after that it allocates nothing.
    /// </summary>
    /// <param name="normaliser">The normaliser.</param>
    /// <exception cref="InvalidOperationException">When the normaliser needs goalposts or a reference value an indicator lacks, or a positive direction it lacks.</exception>
    public void SetNormaliser(Normaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        var defs = Owner.Indicators;
        for (var j = 0; j < defs.Length; j++)
        {
            var def = defs[j];
            if (normaliser.Validate(def).FirstOrDefault() is { } problem)
            {
                throw new InvalidOperationException($"The {normaliser} normaliser does not fit indicator '{def.Code}': {problem.Message}");
            }

            var referenceUnit = (normaliser as DistanceToReferenceNormaliser)?.ReferenceUnit;
            var referenceRow = referenceUnit is null ? -1 : Owner.UnitCodes.IndexOf(referenceUnit);
            if (referenceUnit is not null && referenceRow < 0)
            {
                throw new InvalidOperationException($"The reference unit '{referenceUnit}' is not in the data.");
            }

            OwnPlans()[j] = new NormaliserPlan(normaliser, def, referenceRow);
        }
    }

    /// <summary>
    /// Makes the next runs aggregate every aggregate with <paramref name="aggregator"/> (run from
    /// <see cref="PipelineStage.Aggregation"/> to apply it). Allocates nothing after the workspace's first change of
    /// methods (which copies the plans once), except the first time benefit of the
    /// doubt is set on a workspace whose methodology does not use it: then its simplex scratch, about
    /// <c>8 (n + 2k) (n + k)</c> bytes for n units and at most k children per node, once.
    /// </summary>
    /// <param name="aggregator">The aggregator.</param>
    public void SetAggregator(Aggregator aggregator)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        if (aggregator.Method == AggregationMethod.BenefitOfTheDoubt)
        {
            EnsureLinearProgrammeScratch();
        }

        OwnAggregatorPlans().AsSpan().Fill(new AggregatorPlan(aggregator));
    }

    /// <summary>
    /// Makes the next runs aggregate one aggregate node with <paramref name="aggregator"/>. Allocates nothing after the
    /// workspace's first change of methods (which copies the plans once).
    /// </summary>
    /// <param name="aggregate">The aggregate's position among the aggregates (its position in <see cref="CompiledIndex.NodeCodes"/> minus <see cref="CompiledIndex.IndicatorCount"/>).</param>
    /// <param name="aggregator">The aggregator.</param>
    public void SetAggregator(int aggregate, Aggregator aggregator)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        OwnAggregatorPlans()[aggregate] = new AggregatorPlan(aggregator);
    }

    /// <summary>Restores the methodology's aggregators (per node), leaving the normalisers as they are.</summary>
    internal void ResetAggregators()
    {
        if (_ownAggregatorPlans is { } own)
        {
            Owner.AggregatorPlans.CopyTo(own);
        }
    }

    /// <summary>Restores the methodology's normalisers and aggregators (per node).</summary>
    public void ResetMethods()
    {
        if (_ownPlans is { } plans)
        {
            Owner.Plans.CopyTo(plans);
        }

        ResetAggregators();
    }

    /// <summary>Restores the nominal weights.</summary>
    public void ResetWeights() => Owner.NominalWeights.CopyTo(Weights);

    /// <summary>The scores of a node after the last run, one per unit (compiled unit order).</summary>
    /// <param name="node">The node position in <see cref="CompiledIndex.NodeCodes"/>.</param>
    /// <returns>A read-only view.</returns>
    public ReadOnlySpan<double> NodeScores(int node) => Scores.AsSpan(node * Owner.UnitCount, Owner.UnitCount);

    /// <summary>The ranks of an aggregate node after the last run (indicator ranks are filled only by <see cref="CompiledIndex.RankIndicators"/>).</summary>
    /// <param name="node">The node position in <see cref="CompiledIndex.NodeCodes"/>.</param>
    /// <returns>A read-only view.</returns>
    public ReadOnlySpan<double> NodeRanks(int node) => Ranks.AsSpan((node - RankBase) * Owner.UnitCount, Owner.UnitCount);
}

/// <summary>
/// The scratch arrays of an <see cref="IndexWorkspace"/>, sized for one shape of compiled index. A one-shot
/// <see cref="CompiledIndex.Run()"/> leaves them to the next one on its thread, so repeated computations of one shape
/// allocate only what their results keep.
/// </summary>
internal sealed class WorkspaceScratch
{
    public WorkspaceScratch(CompiledIndex owner)
    {
        var n = owner.UnitCount;
        UnitCount = n;
        AggregateCount = owner.AggregateCount;
        Present = new int[owner.AggregateCount * n];
        Keys = new double[n];
        Items = new int[n];
        Radix = Ranking.RadixScratch.For(n);
        Acc = new double[n];
        WeightSums = new double[n];
        ChildScratch = new double[AggregatorKernel.ScratchPerChild * Math.Max(1, owner.MaxChildren)];
    }

    public int UnitCount { get; }

    public int AggregateCount { get; }

    public int[] Present { get; }

    public double[] Keys { get; }

    public int[] Items { get; }

    public Ranking.RadixScratch? Radix { get; }

    public double[] Acc { get; }

    public double[] WeightSums { get; }

    public double[] ChildScratch { get; }

    /// <summary>Every node's scores of a one-shot run whose result copies out the aggregates' (empty until borrowed).</summary>
    public double[] Scores { get; private set; } = [];

    /// <summary>The scores array, made (or made again) with <paramref name="length"/> values; its contents are the last run's.</summary>
    /// <param name="length">Nodes x units.</param>
    /// <returns>The array.</returns>
    public double[] BorrowScores(int length)
    {
        if (Scores.Length != length)
        {
            Scores = new double[length];
        }

        return Scores;
    }

    /// <summary>
    /// About the bytes a thread keeps when a one-shot run of <paramref name="owner"/> borrows every array, scores
    /// included (benefit of the doubt's simplex scratch aside): the test of whether borrowing the scores is worth it.
    /// </summary>
    /// <param name="owner">The compiled index.</param>
    /// <returns>The estimate.</returns>
    public static long EstimateBytesWithScores(CompiledIndex owner) =>
        (long)owner.UnitCount * ((8L * owner.NodeCount) + (4L * owner.AggregateCount) + 48L);

    /// <summary>The simplex tableau of benefit of the doubt (empty until a node uses it).</summary>
    public double[] LpTableau { get; set; } = [];

    /// <summary>The simplex basis of benefit of the doubt (empty until a node uses it).</summary>
    public int[] LpBasis { get; set; } = [];

    /// <summary>The most scratch a thread keeps for its next one-shot run (larger scratch, such as a big simplex tableau, is left to the collector).</summary>
    public const long MaxKeptBytes = 16L << 20;

    /// <summary>The bytes these arrays hold.</summary>
    public long Bytes => (4L * (Present.Length + Items.Length + LpBasis.Length)) + (8L * (Scores.Length + Keys.Length + Acc.Length + WeightSums.Length + ChildScratch.Length + LpTableau.Length))
        + (Radix is null ? 0 : (8L * Radix.Bits.Length) + (4L * (Radix.Items.Length + Radix.Counts.Length)));

    /// <summary>Whether these arrays have the sizes a workspace of <paramref name="owner"/> needs.</summary>
    public bool Fits(CompiledIndex owner) =>
        owner.UnitCount == UnitCount && owner.AggregateCount == AggregateCount
        && ChildScratch.Length == AggregatorKernel.ScratchPerChild * Math.Max(1, owner.MaxChildren)
        && (LpTableau.Length == 0 || LpTableau.Length == AggregatorKernel.BenefitOfTheDoubtTableauLength(owner.UnitCount, Math.Max(1, owner.MaxChildren)));
}
