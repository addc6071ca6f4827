namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>How the uncertain factors' values are drawn.</summary>
public enum SamplerKind
{
    /// <summary>Quasi-random Sobol points (Joe-Kuo direction numbers) for the first 32 dimensions; further dimensions are padded with pseudo-random numbers from the replication's own stream.</summary>
    Sobol,

    /// <summary>Pseudo-random numbers: replication i draws from a stream derived from (seed, i).</summary>
    Random,
}
