using System.Globalization;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// One row of a unit's published history (<see cref="PublishedResults.For(Geography.Province)"/>): an entry, whose
/// figure it is relative to the unit asked for, and the change in rank since the previous comparable row.
/// </summary>
public sealed record PublishedHistoryRow
{
    internal PublishedHistoryRow(PublishedEntry entry, PublishedRelation relation, int? rankChange, int? changeSince)
    {
        Entry = Internal.Preconditions.NotNull(entry);
        Relation = relation;
        if (rankChange.HasValue != changeSince.HasValue)
        {
            throw new ArgumentException("A rank change needs the year it is measured from.", nameof(changeSince));
        }

        RankChange = rankChange;
        ChangeSince = changeSince;
    }

    /// <summary>The published entry.</summary>
    public PublishedEntry Entry { get; }

    /// <summary>Whose figure it is: the unit's own, its 2025 successor's, or a 2016 predecessor's.</summary>
    public PublishedRelation Relation { get; }

    /// <summary>
    /// Places gained since the previous comparable row (positive = up: rank 49 to 13 gives +36); null when this or that
    /// rank is unknown or there is no comparable earlier row. Comparable: the unit's own rows of the same index, the same
    /// geography and, for the ICT Index, the same system (2006-2015 or 2016 on). Never interpolated.
    /// </summary>
    public int? RankChange { get; }

    /// <summary>The year of the row <see cref="RankChange"/> is measured from; null when there is no change.</summary>
    public int? ChangeSince { get; }

    /// <summary>The change in words: <c>up 36</c>, <c>down 3</c>, <c>no change</c>, or <c>-</c> when unknown.</summary>
    public string ChangeText => RankChange switch
    {
        null => "-",
        0 => "no change",
        > 0 and var c => "up " + c.ToString(CultureInfo.InvariantCulture),
        var c => "down " + (-c.Value).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Formats as the entry followed by the change, <c>ICT Index 2012 70 Bình Phước: rank 13, score - (up 36 since 2011)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Entry + (RankChange is null ? string.Empty : " (" + ChangeText + " since " + ChangeSince!.Value.ToString(CultureInfo.InvariantCulture) + ")") +
        (Relation == PublishedRelation.Own ? string.Empty : " [" + Relation.ToString().ToLowerInvariant() + "]");
}
