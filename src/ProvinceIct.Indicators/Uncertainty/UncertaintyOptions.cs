using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>Settings of an uncertainty or sensitivity analysis. Immutable; change with <c>with</c>.</summary>
public sealed record UncertaintyOptions
{
    /// <summary>The defaults: 1,000 runs, seed 1, shifted Sobol sampling, all cores, top-k for k = 1, 3, 5, 10.</summary>
    public static UncertaintyOptions Default { get; } = new();

    /// <summary>The number of replications (uncertainty) or base rows N (sensitivity).</summary>
    public int Runs { get; init; } = 1000;

    /// <summary>The seed: replication i draws from a stream derived from (seed, i), so results are identical for any thread count; with <see cref="SamplerKind.ShiftedSobol"/> it also picks the digital shift, so different seeds give independent estimates.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The number of threads (default: the processor count). Results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>How factor values are drawn (default <see cref="SamplerKind.ShiftedSobol"/>: Sobol points with a digital shift drawn from <see cref="Seed"/>).</summary>
    public SamplerKind Sampler { get; init; } = SamplerKind.ShiftedSobol;

    /// <summary>The k of the "probability of being in the top k" statistics.</summary>
    public ImmutableArray<int> TopK { get; init; } = [1, 3, 5, 10];

    /// <summary>What is kept of the replications' ranks (default: summaries only).</summary>
    public RankStorage KeepRanks { get; init; } = RankStorage.Summary;

    /// <summary>What to do with a replication whose calculation fails (default <see cref="FailedReplicationPolicy.Abort"/>: stop the run).</summary>
    public FailedReplicationPolicy OnFailure { get; init; } = FailedReplicationPolicy.Abort;

    /// <summary>For sensitivity analysis: the number of bootstrap resamples for the confidence intervals (default 500).</summary>
    public int BootstrapResamples { get; init; } = 500;

    /// <summary>
    /// For index sensitivity analysis: bootstrap resamples for each unit's rank indices (default 0: point estimates
    /// only, since the cost is units x resamples x N x factors; the overall output always uses <see cref="BootstrapResamples"/>).
    /// </summary>
    public int UnitBootstrapResamples { get; init; }

    /// <summary>For sensitivity analysis: the confidence level of the bootstrap intervals (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    internal void Validate()
    {
        if (Runs < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Runs), Runs, "At least two runs are needed.");
        }

        if (Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "At least one thread is needed.");
        }

        if (TopK.Any(k => k < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), "Every k must be at least 1.");
        }

        if (!Enum.IsDefined(OnFailure))
        {
            throw new ArgumentOutOfRangeException(nameof(OnFailure), OnFailure, "Not a failed-replication policy.");
        }

        if (BootstrapResamples < 0 || UnitBootstrapResamples < 0 || !(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), "The bootstrap needs resamples >= 0 and a confidence level in (0, 1).");
        }
    }
}
