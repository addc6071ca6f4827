namespace ProvinceIct.Indicators.Normalisation;

/// <summary>
/// What a normaliser does with a column that has no spread (max = min, sd = 0, a single value, or max = 0 for
/// fraction of max).
/// </summary>
public enum DegenerateColumnPolicy
{
    /// <summary>Fail with a <see cref="Errors.CalculationException"/> naming the indicator (the default: never a silent NaN).</summary>
    Error,

    /// <summary>Give every non-missing value the midpoint of the output range ((l + u) / 2; m for z-scores).</summary>
    Midpoint,
}
