namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// The reusable memory of one compiled pipeline run: every node's scores and ranks, the weights in use, and scratch.
/// A run writes into it and allocates nothing. One workspace per thread; create with
/// <see cref="CompiledIndex.CreateWorkspace"/>.
/// </summary>
public sealed class IndexWorkspace
{
    internal IndexWorkspace(CompiledIndex owner)
    {
        Owner = owner;
        var n = owner.UnitCount;
        Scores = new double[owner.NodeCount * n];
        Ranks = new double[owner.NodeCount * n];
        Present = new int[owner.AggregateCount * n];
        WeightArray = owner.NominalWeights.ToArray();
        Keys = new double[n];
        Items = new int[n];
        Acc = new double[n];
        WeightSums = new double[n];
        ChildScratch = new double[Aggregation.AggregatorKernel.ScratchPerChild * Math.Max(1, owner.MaxChildren)];
    }

    internal CompiledIndex Owner { get; }

    internal double[] Scores { get; }

    internal double[] Ranks { get; }

    internal int[] Present { get; }

    internal double[] Keys { get; }

    internal int[] Items { get; }

    internal double[] Acc { get; }

    internal double[] WeightSums { get; }

    internal double[] ChildScratch { get; }

    /// <summary>
    /// The children's weights used by the next run, one per parent-child edge in <see cref="CompiledIndex.Edges"/>
    /// order; starts as the nominal weights. Change them and run from <see cref="PipelineStage.Aggregation"/> to
    /// re-aggregate without normalising again.
    /// </summary>
    public Span<double> Weights => WeightArray;

    internal double[] WeightArray { get; }

    /// <summary>Restores the nominal weights.</summary>
    public void ResetWeights() => Owner.NominalWeights.CopyTo(Weights);

    /// <summary>The scores of a node after the last run, one per unit (compiled unit order).</summary>
    /// <param name="node">The node position in <see cref="CompiledIndex.NodeCodes"/>.</param>
    /// <returns>A read-only view.</returns>
    public ReadOnlySpan<double> NodeScores(int node) => Scores.AsSpan(node * Owner.UnitCount, Owner.UnitCount);

    /// <summary>The ranks of an aggregate node after the last run (indicator ranks are filled only by <see cref="CompiledIndex.RankIndicators"/>).</summary>
    /// <param name="node">The node position in <see cref="CompiledIndex.NodeCodes"/>.</param>
    /// <returns>A read-only view.</returns>
    public ReadOnlySpan<double> NodeRanks(int node) => Ranks.AsSpan(node * Owner.UnitCount, Owner.UnitCount);
}
