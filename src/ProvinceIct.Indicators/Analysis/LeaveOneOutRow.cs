using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>What removing one node (its weight set to 0) does to the index ranking.</summary>
/// <param name="RemovedCode">The indicator or aggregate removed.</param>
/// <param name="Level">Its level (1 = indicator).</param>
/// <param name="RankShifts">Per unit (result order): nominal rank - rank without the node (positive = moved up); NaN when either rank is missing.</param>
/// <param name="MeanAbsoluteShift">The mean of |shift| over the units with both ranks; NaN when there are none.</param>
/// <param name="MaxAbsoluteShift">The largest |shift|; NaN when there are none.</param>
public sealed record LeaveOneOutRow(string RemovedCode, int Level, ImmutableArray<double> RankShifts, double MeanAbsoluteShift, double MaxAbsoluteShift)
{
    /// <summary>Formats as <c>code: mean |shift| 1.23, max 7</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RemovedCode}: mean |shift| {MeanAbsoluteShift:0.00}, max {MaxAbsoluteShift:0.##}");
}
