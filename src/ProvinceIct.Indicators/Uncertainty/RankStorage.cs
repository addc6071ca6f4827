namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>What an uncertainty analysis keeps of the replications' ranks.</summary>
public enum RankStorage
{
    /// <summary>Per-unit rank histograms and score sums only: memory bounded for any number of runs (the default).</summary>
    Summary,

    /// <summary>Also every replication's rank and index score of every unit (2 x runs x units doubles), for <see cref="UncertaintyResult.ReplicationRanks"/> and the score quantiles.</summary>
    All,
}
