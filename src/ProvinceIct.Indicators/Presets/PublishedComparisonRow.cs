using System.Globalization;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// One unit of a <see cref="PublishedComparison"/>: its published row (if any) and our computed score and rank (NaN when
/// not computed). The rank difference is published rank - computed rank: positive when our recomputation ranks the unit
/// higher (nearer 1) than the publisher did; NaN when either rank is unknown.
/// </summary>
/// <param name="UnitCode">The unit code (a GSO code of the edition's geography when the unit is matched).</param>
/// <param name="UnitName">The unit name: the catalogue's Vietnamese name when published, else the computed result's name.</param>
/// <param name="Status">Which side the unit is on.</param>
/// <param name="Published">The published row, or null for <see cref="PublishedComparisonStatus.ComputedOnly"/>.</param>
/// <param name="ComputedScore">Our index score (NaN when not computed or missing).</param>
/// <param name="ComputedRank">Our rank among the units of the computed result (NaN when not computed or unranked).</param>
public sealed record PublishedComparisonRow(
    string UnitCode,
    string UnitName,
    PublishedComparisonStatus Status,
    PublishedEntry? Published,
    double ComputedScore,
    double ComputedRank)
{
    /// <summary>The published rank; null when not published (or published only as text, see <see cref="PublishedEntry.RankText"/>).</summary>
    public int? PublishedRank => Published?.Rank;

    /// <summary>The published index value; null when not published.</summary>
    public double? PublishedScore => Published?.Score;

    /// <summary>Published rank - computed rank (positive = we rank the unit higher); NaN when either is unknown.</summary>
    public double RankDifference => PublishedRank is { } p && !double.IsNaN(ComputedRank) ? p - ComputedRank : double.NaN;

    /// <summary>Formats as <c>48 Đà Nẵng: published 1, computed 1 (0), Both</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{UnitCode} {UnitName}: published {(PublishedRank is { } p ? p.ToString(CultureInfo.InvariantCulture) : Published?.RankText ?? "-")}, computed {Series.RankHistoryEntry.RankText(ComputedRank)} ({Series.RankHistoryEntry.Signed(RankDifference)}), {Status}");
}
