namespace ProvinceIct.Indicators.Presets;

/// <summary>Which side of a <see cref="PublishedComparison"/> a unit is on. No unit of either side is dropped.</summary>
public enum PublishedComparisonStatus
{
    /// <summary>The unit has a published row and a computed result (either rank may still be unknown).</summary>
    Both = 0,

    /// <summary>Published, but not in the computed result: the computed score and rank are unknown.</summary>
    PublishedOnly = 1,

    /// <summary>Computed, but the published record has no row for it: the published rank is unknown (not published, never estimated).</summary>
    ComputedOnly = 2,
}
