namespace ProvinceIct.Indicators.Ranking;

/// <summary>
/// How tied scores are ranked. Higher score is better (rank 1); a missing score gets no rank (NaN).
/// Under every policy, scores equal within a relative tolerance of 1e-12 are one tie (float noise such as
/// 5.0999999999999996 against 5.1000000000000005, or two sums of the same values taken in another order, must not
/// split a tie): scores are sorted, and each tie group holds the consecutive sorted scores b with
/// <c>|b - a| &lt;= 1e-12 * max(|a|, |b|)</c>, a being the group's first (best) score. Groups are therefore transitive,
/// deterministic and never wider than the tolerance. There is no absolute floor: 0 and 1e-300 are distinct scores.
/// An infinite score ties only with the same infinity.
/// </summary>
public enum TiePolicy
{
    /// <summary>Standard competition ranking "1224": tied units share the best rank, the next rank skips (R's <c>ties.method = "min"</c>, COINr's default).</summary>
    Competition,

    /// <summary>Dense ranking "1223": tied units share the best rank, the next rank does not skip.</summary>
    Dense,

    /// <summary>Fractional ranking "1 2.5 2.5 4": tied units share the mean of the ranks they occupy (R's <c>"average"</c>).</summary>
    Fractional,

    /// <summary>Ordinal ranking "1234": every unit gets a distinct rank; ties are broken by unit code (ordinal string order).</summary>
    Ordinal,
}
