namespace ProvinceIct.Indicators.Ranking;

/// <summary>How tied scores are ranked. Higher score is better (rank 1); a missing score gets no rank (NaN).</summary>
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
