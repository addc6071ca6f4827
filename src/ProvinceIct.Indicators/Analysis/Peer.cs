using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>A unit similar to another (see <see cref="Peers"/>).</summary>
/// <param name="Unit">The peer.</param>
/// <param name="Distance">The scaled Euclidean distance on normalised indicators.</param>
/// <param name="SharedIndicators">The number of indicators present for both units.</param>
/// <param name="IndexScore">The peer's index score (NaN when missing).</param>
/// <param name="IndexRank">The peer's index rank (NaN when missing).</param>
public sealed record Peer(Unit Unit, double Distance, int SharedIndicators, double IndexScore, double IndexRank)
{
    /// <summary>Formats as <c>code name: distance 12.3 (rank 5)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Unit + ": distance " + Distance.ToString("0.###", CultureInfo.InvariantCulture) + " (rank " + AnalysisMath.Rank(IndexRank) + ")";
}
