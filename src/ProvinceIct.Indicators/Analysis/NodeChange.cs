namespace ProvinceIct.Indicators.Analysis;

/// <summary>One node of one unit before and after a what-if change.</summary>
/// <param name="NodeCode">The node.</param>
/// <param name="Level">Its level (1 = indicator: normalised value and rank).</param>
/// <param name="ScoreBefore">The score before (NaN when missing).</param>
/// <param name="ScoreAfter">The score after (NaN when missing).</param>
/// <param name="RankBefore">The rank before (NaN when missing).</param>
/// <param name="RankAfter">The rank after (NaN when missing).</param>
public sealed record NodeChange(string NodeCode, int Level, double ScoreBefore, double ScoreAfter, double RankBefore, double RankAfter)
{
    /// <summary>Rank before - rank after: positive = moved up; NaN when either is missing.</summary>
    public double RankChange => RankBefore - RankAfter;

    /// <summary>Formats as <c>code: 50.00 -> 55.00, rank 12 -> 8</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        NodeCode + ": " + AnalysisMath.F(ScoreBefore) + " -> " + AnalysisMath.F(ScoreAfter) + ", rank " + AnalysisMath.Rank(RankBefore) + " -> " + AnalysisMath.Rank(RankAfter);
}
