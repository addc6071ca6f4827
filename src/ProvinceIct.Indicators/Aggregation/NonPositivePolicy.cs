namespace ProvinceIct.Indicators.Aggregation;

/// <summary>
/// What the weighted geometric and harmonic means do with a present child value at or below zero
/// (<see cref="Aggregator.GeometricMeanShifted"/>, <see cref="Aggregator.HarmonicMeanShifted"/>).
/// </summary>
public enum NonPositivePolicy
{
    /// <summary>A value at or below zero is an error naming node, unit and child (the default).</summary>
    Error,

    /// <summary>
    /// Every child value of the node is shifted by one constant before the mean:
    /// <c>x' = x + delta</c>, <c>delta = max(0, epsilon - m)</c>, m the smallest present value of a positive-weight
    /// child over all units aggregated together (after direction signs). The smallest value becomes epsilon; a node
    /// whose values are all at or above epsilon is not shifted, so the policy changes nothing on positive data that
    /// already clears epsilon.
    /// </summary>
    Shift,
}
