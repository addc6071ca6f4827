namespace ProvinceIct.Indicators.Normalisation;

/// <summary>The normalisation methods; formulas in <see cref="Normaliser"/>'s factories and in METHODS.md.</summary>
internal enum NormalisationMethod
{
    /// <summary>x, unchanged.</summary>
    Identity,
    /// <summary>(x - min) / (max - min) * (u - l) + l.</summary>
    MinMax,
    /// <summary>(x - mean) / sd * s + m, sd with n - 1.</summary>
    ZScore,
    /// <summary>Rank among the non-missing values, ascending, ties share the smallest rank.</summary>
    Rank,
    /// <summary>(rank - 1) / (n - 1) mapped to [l, u].</summary>
    PercentileRank,
    /// <summary>1 - (max - x) / (max - min), mapped to [l, u].</summary>
    DistanceToMax,
    /// <summary>x / max, times u.</summary>
    FractionOfMax,
    /// <summary>(x - L) / (U - L) truncated to [0, 1], mapped to [l, u], with the indicator's goalposts.</summary>
    Goalposts,
    /// <summary>min(x / ref, 1) mapped to [l, u], with the indicator's reference value.</summary>
    ReferenceValue,
    /// <summary>min(log10(x) / log10(ref), 1) mapped to [l, u], with the indicator's reference value (log goalposts, ITU IDI 2017 bandwidth).</summary>
    LogReference,
    /// <summary>rank - 1, rank as in <see cref="Rank"/> (COINr <c>n_borda</c>).</summary>
    Borda,
    /// <summary>1 - (x_ref - x) / (x_ref - min), optionally capped at 1, mapped to [l, u]; x_ref the value of a reference unit.</summary>
    DistanceToReference,
    /// <summary>(x - min) / (target - min) (negative direction: (max - x) / (max - target)), optionally capped at 1, mapped to [l, u].</summary>
    DistanceToTarget,
    /// <summary>Categories 0, 1, ..., 5 by the percentile bands P15, P25, P65, P85, P95 (R type 7), mapped to [l, u] (default 0, 20, ..., 100).</summary>
    Categorical,
    /// <summary>A user-defined method (<see cref="CustomNormaliser"/>): its own name and formula. (A new built-in method adds its value after this one: methods after <see cref="Categorical"/> are written to JSON as method text.)</summary>
    Custom,
}
