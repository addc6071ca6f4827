namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// The direction of the Mazziotta-Pareto penalty for unbalanced children (<see cref="AggregationMethod.MazziottaPareto"/>,
/// <see cref="AggregationMethod.AdjustedMazziottaPareto"/>): the index is <c>M -/+ S cv</c>, S the spread of the unit's
/// rescaled children and cv = S / M.
/// </summary>
public enum MpiPenalty
{
    /// <summary>MPI-: <c>M - S cv</c>. For an index where higher is better (the default): imbalance lowers the score.</summary>
    Negative,

    /// <summary>MPI+: <c>M + S cv</c>. For an index where lower is better (deprivation, risk): imbalance raises the score.</summary>
    Positive,
}
