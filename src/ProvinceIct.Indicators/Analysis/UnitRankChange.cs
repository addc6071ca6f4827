using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>One unit in two results side by side (see <see cref="ResultComparison"/>).</summary>
/// <param name="UnitCode">The unit's code in the first (old) result.</param>
/// <param name="Name">The unit's name in the first result.</param>
/// <param name="AfterUnitCode">The code it is compared with in the second (new) result.</param>
/// <param name="ScoreBefore">The old index score (NaN when missing).</param>
/// <param name="ScoreAfter">The new index score (NaN when missing).</param>
/// <param name="RankBefore">The old index rank (NaN when missing).</param>
/// <param name="RankAfter">The new index rank (NaN when missing).</param>
public sealed record UnitRankChange(string UnitCode, string Name, string AfterUnitCode, double ScoreBefore, double ScoreAfter, double RankBefore, double RankAfter)
{
    /// <summary>Old rank - new rank: positive = moved up; NaN when either is missing.</summary>
    public double RankChange => RankBefore - RankAfter;

    /// <summary>Formats as <c>code name: 12 -> 8 (+4)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        UnitCode + " " + Name + ": " + AnalysisMath.Rank(RankBefore) + " -> " + AnalysisMath.Rank(RankAfter) + " (" + ResultComparison.Signed(RankChange) + ")";
}
