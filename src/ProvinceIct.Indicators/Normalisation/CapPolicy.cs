namespace ProvinceIct.Indicators.Normalisation;

/// <summary>
/// Whether a distance normaliser (<see cref="NormalisationMethod.DistanceToReference"/>,
/// <see cref="NormalisationMethod.DistanceToTarget"/>) caps its score at 1, before the score is mapped to [l, u].
/// There is no lower cap.
/// </summary>
public enum CapPolicy
{
    /// <summary>No cap: a unit beyond the reference unit or the target scores above 1 (above u after mapping).</summary>
    None,

    /// <summary>Scores above 1 become 1 (u after mapping): reaching the reference or target is all that counts (COINr's <c>cap_max = TRUE</c>).</summary>
    AtOne,
}
