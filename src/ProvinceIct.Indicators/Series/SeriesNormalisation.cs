namespace ProvinceIct.Indicators.Series;

/// <summary>How the indicators of a series of editions are normalised: each edition on its own, or on bounds fixed over the whole panel.</summary>
public enum SeriesNormalisation
{
    /// <summary>
    /// Each edition is computed exactly as its methodology says, on its own data: a min-max bound is that year's minimum
    /// and maximum, so a score of 100 means "best of that year" and scores are not comparable over time (ranks are).
    /// </summary>
    PerYear,

    /// <summary>
    /// As COINr's purse with min-max over the panel: every indicator normalised by min-max is normalised instead by
    /// goalposts fixed at the minimum and maximum of its (treated) values over every edition of the series, with the
    /// same output range, <c>(x - min_panel) / (max_panel - min_panel) * (u - l) + l</c>; an indicator already on
    /// goalposts keeps them. A score is then comparable from one year to the next. Other normalisers (z-scores, ranks...)
    /// have no panel form here and are refused with a located error.
    /// </summary>
    Panel,
}
