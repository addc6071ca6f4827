using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>Where one unit stands on one node (an indicator or a pillar), next to the national and group medians.</summary>
/// <param name="NodeCode">The node.</param>
/// <param name="Name">The node's English name.</param>
/// <param name="Level">The node's level (1 = indicator).</param>
/// <param name="RawValue">The raw value for an indicator when a dataset was given; NaN otherwise or when missing.</param>
/// <param name="Score">The normalised value (indicator) or aggregate score; NaN when missing.</param>
/// <param name="Rank">The rank among all units (1 = best); NaN when missing.</param>
/// <param name="MedianScore">The median score over all units with a score.</param>
/// <param name="GroupMedianScore">The median score over the units of the unit's group (itself included); NaN without a group.</param>
/// <param name="MedianRaw">The median raw value over all units (indicators with a dataset; NaN otherwise).</param>
/// <param name="GroupMedianRaw">The median raw value over the unit's group (NaN without a group or dataset).</param>
public sealed record NodeStanding(string NodeCode, string Name, int Level, double RawValue, double Score, double Rank, double MedianScore, double GroupMedianScore, double MedianRaw, double GroupMedianRaw)
{
    /// <summary>Formats as <c>code: score 71.2 (rank 5), median 50.1</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        NodeCode + ": score " + AnalysisMath.F(Score) + " (rank " + AnalysisMath.Rank(Rank) + "), median " + AnalysisMath.F(MedianScore)
        + (double.IsNaN(RawValue) ? string.Empty : ", raw " + RawValue.ToString("G6", CultureInfo.InvariantCulture));
}
