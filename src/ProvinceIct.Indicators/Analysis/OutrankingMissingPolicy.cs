namespace ProvinceIct.Indicators.Analysis;

/// <summary>How an <see cref="OutrankingMatrix"/> treats a child missing for one unit of a pair.</summary>
public enum OutrankingMissingPolicy
{
    /// <summary>
    /// Compare each pair on the children present for both (their weights rescaled to sum 1); a pair without a shared
    /// child is NaN. Values within 1e-12 relative are ties. Does not depend on the order of the units; the same matrix as
    /// <c>Aggregator.OutrankingMatrix</c> and the Copeland aggregator.
    /// </summary>
    SharedChildren,

    /// <summary>
    /// COINr's <c>outrankMatrix</c>: weights rescaled to sum 1 over all children; for units j before k (dataset order)
    /// <c>O[j, k] = sum w [x_j &gt; x_k] + sum w [x_j = x_k] / 2</c> over the children present for both, and
    /// <c>O[k, j] = 1 - O[j, k]</c>, so the weight of every child missing for either unit is credited to the later
    /// unit. The result depends on the order of the units. Ties are exact equality; the diagonal is 0. Its Copeland
    /// scores are those of the aggregator <c>copeland(missing=coinr)</c> (<c>CopelandMissingPolicy.Coinr</c>).
    /// </summary>
    Coinr,
}
