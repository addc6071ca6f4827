namespace ProvinceIct.Indicators.Treatment;

/// <summary>What <see cref="UnitScreening"/> decided for one unit, and why.</summary>
public enum ScreeningDecision
{
    /// <summary>Kept: its availability meets the threshold.</summary>
    Kept,

    /// <summary>Kept although its availability is below the threshold: the unit is force-included.</summary>
    ForceIncluded,

    /// <summary>Removed: its availability is below the threshold.</summary>
    Removed,

    /// <summary>Removed whatever its availability: the unit is force-excluded.</summary>
    ForceExcluded,
}
