namespace ProvinceIct.Indicators.Aggregation;

/// <summary>The aggregation methods; formulas in <see cref="Aggregator"/>'s factories and in METHODS.md.</summary>
internal enum AggregationMethod
{
    /// <summary>sum(w x) / sum(w).</summary>
    ArithmeticMean,
    /// <summary>exp(sum(w log x) / sum(w)); every x must be above zero.</summary>
    GeometricMean,
    /// <summary>sum(w) / sum(w / x); every x must be above zero.</summary>
    HarmonicMean,
    /// <summary>(sum(w x^p) / sum(w))^(1/p).</summary>
    PowerMean,
    /// <summary>The smallest child value among children with a positive weight.</summary>
    Minimum,
    /// <summary>The median of the children with a positive weight (weights otherwise ignored).</summary>
    Median,
    /// <summary>M - alpha (sqrt((M - min)^2 + beta^2) - beta), M the weighted arithmetic mean.</summary>
    MeanMin,
    /// <summary>Mazziotta-Pareto index on standardised children z = 100 + 10 (x - mean) / sd: M_z -/+ S_z cv_z. Node-level.</summary>
    MazziottaPareto,
    /// <summary>Adjusted Mazziotta-Pareto index on children rescaled to [70, 130] around goalposts: M_r -/+ S_r cv_r. Node-level.</summary>
    AdjustedMazziottaPareto,
    /// <summary>Copeland score from weighted pairwise outranking of the units. Node-level.</summary>
    Copeland,
    /// <summary>Benefit of the doubt: each unit's score under the weights most favourable to it, <c>max_w sum w_q I_qc</c> s.t. <c>sum w_q I_qk &lt;= 1</c> for every unit k. Node-level.</summary>
    BenefitOfTheDoubt,
    /// <summary>A user-defined method (<see cref="CustomAggregator"/>): its own name and formula, one unit at a time.</summary>
    Custom,
}
