namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// How the uncertain factors' values are drawn. Every kind draws replication i's point from (seed, i) alone, so results
/// do not depend on the thread count. Beyond <see cref="SobolSequence.MaxDimensions"/> dimensions the Sobol kinds pad a
/// row with pseudo-random numbers from the replication's own stream.
/// </summary>
public enum SamplerKind
{
    /// <summary>
    /// The plain (unscrambled) Sobol sequence (Joe-Kuo direction numbers), starting at point 1. Deterministic: the seed
    /// changes only the padding dimensions beyond 32, so two seeds give the same points. Kept for reproducing earlier
    /// results and for comparison with published Sobol points; CLI <c>--sampler sobol</c>.
    /// </summary>
    Sobol,

    /// <summary>Pseudo-random numbers: replication i draws from a stream derived from (seed, i); CLI <c>--sampler random</c>.</summary>
    Random,

    /// <summary>
    /// The default: randomised quasi-Monte Carlo, the Sobol points with a random digital shift derived from the seed.
    /// Each dimension d has a 52-bit word w_d drawn from the seed; a point's coordinate is
    /// (x_d XOR w_d) / 2^52, where x_d is the Sobol coordinate as a 52-bit binary fraction (its low 20 bits zero).
    /// The shift keeps the sequence's stratification (each of the 2^k equal intervals of a dimension holds exactly
    /// 2^(m-k) of any 2^m consecutive points aligned at a multiple of 2^m, counting from point 0) and makes each
    /// point uniform on [0, 1)^d, so independent seeds give independent, unbiased estimates and their spread measures
    /// the Monte Carlo error. CLI <c>--sampler shifted-sobol</c>.
    /// </summary>
    ShiftedSobol,
}
