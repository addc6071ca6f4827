namespace ProvinceIct.Indicators.Analysis;

/// <summary>How the units of a <see cref="ResultComparison"/> were put side by side.</summary>
public enum ComparisonBasis
{
    /// <summary>Units matched by identical codes, or through a unit map (<see cref="ResultComparison.Compare"/>).</summary>
    SameUnits,

    /// <summary>
    /// Across the 2025 reorganisation, exactly: the before data were carried to the 34 units by the remapper and the
    /// before methodology recomputed on them, then compared code by code (<see cref="ResultComparison.AcrossReorganisation"/>).
    /// </summary>
    RemappedData,

    /// <summary>
    /// Across the 2025 reorganisation, approximately: each new unit's before score is the plain mean of its predecessors'
    /// index scores (the DTI 2024 rule) and the means are ranked (<see cref="ResultComparison.AcrossReorganisationByScores"/>).
    /// </summary>
    AveragedScores,
}
