namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// What an uncertainty or sensitivity analysis does with a replication whose calculation fails with a
/// <see cref="Errors.CalculationException"/> (for example a geometric mean meeting a non-positive normalised value under
/// one of the sampled normalisers). Other exceptions (programming errors, cancellation) always stop the run.
/// </summary>
public enum FailedReplicationPolicy
{
    /// <summary>
    /// The default: the first failure stops the whole run with the <see cref="Errors.CalculationException"/> of the lowest
    /// failing replication number (whatever the thread count), naming the replication, node and unit.
    /// </summary>
    Abort,

    /// <summary>
    /// Failed replications are left out and recorded (number and reason); the statistics come from the replications that
    /// succeeded, and the result says how many failed and why (<see cref="UncertaintyResult.Failures"/>). Which runs fail
    /// depends only on (seed, replication number), so the output is still the same for any thread count.
    /// For sensitivity analysis the Saltelli estimators need complete blocks: when any of the d + 2 runs of base row j
    /// (A_j, B_j or one of the A_B^i rows) fails, the whole base row j is dropped from every estimator and from the
    /// bootstrap, and the indices are computed from the N' complete rows. If every replication (every base row) fails,
    /// the run throws, as under <see cref="Abort"/>.
    /// </summary>
    Skip,
}
