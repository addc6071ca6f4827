namespace ProvinceIct.Indicators.Series;

/// <summary>Where a unit stands in one edition of a series (see <see cref="RankHistoryEntry"/>). No unit is ever dropped: an absent unit has an entry with its status.</summary>
public enum SeriesUnitStatus
{
    /// <summary>In this edition, and in the previous edition of the same geography (or this is the first edition).</summary>
    Present,

    /// <summary>In this edition but not in the previous one (same geography): it has no previous rank.</summary>
    New,

    /// <summary>Not in this edition, though in another edition of the same geography: no score, no rank.</summary>
    Missing,

    /// <summary>
    /// A unit of the 63 (before 1 July 2025) in an edition on the 34 units: it was merged into (or became)
    /// <see cref="RankHistoryEntry.SuccessorCode"/>, whose own entry carries the rank. No score, no rank.
    /// </summary>
    Merged,

    /// <summary>
    /// One of the 34 units (from 1 July 2025) in the first 34-unit edition after a 63-unit one: its previous rank is that
    /// of the previous edition's data carried to the 34 units (the remap) and recomputed, so the change is between two
    /// 34-unit rankings (see <see cref="IndexSeries.RemapLog"/>).
    /// </summary>
    Successor,
}
