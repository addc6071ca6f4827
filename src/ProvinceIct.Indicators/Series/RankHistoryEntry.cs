using System.Globalization;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// One unit in one edition at one node of a series (see <see cref="RankHistory"/>). Rank changes are previous (or base)
/// rank minus this rank: positive = moved up. NaN wherever a value does not exist (unit missing, merged, unranked, or no
/// earlier edition to compare with).
/// </summary>
/// <param name="Year">The edition's year.</param>
/// <param name="Geography">The geography of the unit: the edition's, except for a <see cref="SeriesUnitStatus.Merged"/> entry (a 63-unit province in a 34-unit edition).</param>
/// <param name="UnitCode">The unit code.</param>
/// <param name="UnitName">The unit name (as in the edition's data, or the last edition that had the unit).</param>
/// <param name="Status">Where the unit stands in this edition.</param>
/// <param name="Score">The score at the node (NaN when missing).</param>
/// <param name="Rank">The rank at the node (NaN when missing).</param>
/// <param name="RankedCount">How many units have a rank at the node in this edition (the "of 63" in "13th of 63").</param>
/// <param name="PreviousYear">The year of the previous edition, or null for the first.</param>
/// <param name="PreviousRank">The rank in the previous edition: of the same code, or for <see cref="SeriesUnitStatus.Successor"/> of the previous data carried to the 34 units and recomputed.</param>
/// <param name="BaseYear">The base year of the history.</param>
/// <param name="BaseRank">The rank in the base edition, on the same footing as <paramref name="PreviousRank"/> (NaN when a 63-unit entry meets a 34-unit base).</param>
/// <param name="SuccessorCode">For <see cref="SeriesUnitStatus.Merged"/>, the 2025 unit it became part of (null when the code is not a 2016 GSO code); otherwise null.</param>
public sealed record RankHistoryEntry(
    int Year,
    ProvinceGeography Geography,
    string UnitCode,
    string UnitName,
    SeriesUnitStatus Status,
    double Score,
    double Rank,
    int RankedCount,
    int? PreviousYear,
    double PreviousRank,
    int BaseYear,
    double BaseRank,
    string? SuccessorCode)
{
    /// <summary>Previous rank - rank: positive = moved up; NaN when either is missing.</summary>
    public double ChangeFromPrevious => PreviousRank - Rank;

    /// <summary>Base rank - rank: positive = moved up since the base year; NaN when either is missing; 0 in the base year itself.</summary>
    public double ChangeFromBase => BaseRank - Rank;

    /// <summary>Formats as <c>2012 70 Bình Phước: 13 of 63 (+36), Present</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year} {UnitCode} {UnitName}: {RankText(Rank)} of {RankedCount} ({Signed(ChangeFromPrevious)}), {Status}")
        + (SuccessorCode is null ? string.Empty : " -> " + SuccessorCode);

    internal static string RankText(double rank) => double.IsNaN(rank) ? "-" : rank.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Signed(double x) => double.IsNaN(x) ? "-" : x > 0 ? "+" + RankText(x) : RankText(x);
}
