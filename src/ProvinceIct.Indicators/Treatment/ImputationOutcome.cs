namespace ProvinceIct.Indicators.Treatment;

/// <summary>What happened to one missing value, as recorded in an <see cref="ImputationLogEntry"/>.</summary>
public enum ImputationOutcome
{
    /// <summary>The value was imputed.</summary>
    Imputed,

    /// <summary>Left missing: the unit belongs to no group of the group name used.</summary>
    NoGroup,

    /// <summary>Left missing: no unit of the unit's group has a value for the indicator.</summary>
    GroupWithoutData,

    /// <summary>Left missing: there is nothing to impute from (the column has no value; or, within a pillar, the unit has no other indicator of the pillar).</summary>
    NoData,

    /// <summary>Left missing: within-pillar imputation was asked for an indicator that is not in the framework.</summary>
    NotInFramework,

    /// <summary>Left missing (panel): the unit has no value in any earlier year.</summary>
    NoEarlierObservation,

    /// <summary>Left missing (panel, linear interpolation without carry-forward): the unit has no value in any later year.</summary>
    NoLaterObservation,
}
