namespace ProvinceIct.Indicators.Treatment;

/// <summary>How a missing value is (or was) imputed. See <see cref="Imputer"/> and <see cref="PanelImputer"/>.</summary>
public enum ImputationMethod
{
    /// <summary>The mean of the indicator's present values over all units.</summary>
    Mean,

    /// <summary>The median of the indicator's present values over all units (mean of the two middle values for an even count).</summary>
    Median,

    /// <summary>The mean of the indicator's present values over the units of the same group (for example the same region).</summary>
    GroupMean,

    /// <summary>The median of the indicator's present values over the units of the same group.</summary>
    GroupMedian,

    /// <summary>The unit's mean of its other present indicators under the same parent node (needs normalised data).</summary>
    WithinPillar,

    /// <summary>Panel: the unit's value in the latest earlier year with a value.</summary>
    LastObservationCarriedForward,

    /// <summary>Panel: straight line between the unit's values in the nearest earlier and nearest later years with a value.</summary>
    LinearInterpolation,

    /// <summary>A user-defined imputer (<see cref="CustomImputer"/>); its text is in <see cref="ImputationLogEntry.MethodText"/>.</summary>
    Custom,
}
