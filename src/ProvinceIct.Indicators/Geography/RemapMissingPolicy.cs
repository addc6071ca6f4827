namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// What <see cref="BoundaryRemapper"/> does when a predecessor of a 2025 unit has no value: its row is absent from the
/// dataset, its value is NaN, or (for a weighted mean) its weight is NaN.
/// </summary>
public enum RemapMissingPolicy
{
    /// <summary>
    /// The default: the 2025 unit's value is missing (NaN) when any predecessor value or weight is missing. A sum is
    /// never silently partial.
    /// </summary>
    Propagate,

    /// <summary>
    /// Combine the predecessors that have a value (and, for a weighted mean, a weight); missing only when none has.
    /// The log marks such a value <see cref="RemapOutcome.Partial"/>; a partial sum is listed in
    /// <see cref="RemapLog.PartialSums"/> because it undercounts the unit.
    /// </summary>
    UseAvailable,
}
