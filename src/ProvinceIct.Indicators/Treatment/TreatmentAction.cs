namespace ProvinceIct.Indicators.Treatment;

/// <summary>The step that changed a value, as recorded in a <see cref="TreatedValue"/> (outlier treatment) or a <see cref="TreatmentLogEntry"/> (a methodology's treatment steps).</summary>
public enum TreatmentAction
{
    /// <summary>Winsorised at the high end: set to the largest remaining value (positive skew).</summary>
    WinsorisedHigh,

    /// <summary>Winsorised at the low end: set to the smallest remaining value (negative skew).</summary>
    WinsorisedLow,

    /// <summary>Log-transformed: <c>log(x - min + 0.01 (max - min))</c> (COINr <c>log_CT</c>).</summary>
    LogTransform,

    /// <summary>Box-Cox transformed: <c>(x^λ - 1) / λ</c>, or <c>log x</c> for λ = 0.</summary>
    BoxCox,

    /// <summary>Denominated: divided by a denominator column, times a scale (a missing denominator makes the value missing).</summary>
    Denominated,

    /// <summary>Imputed: a missing value filled (mean, median, group mean or group median).</summary>
    Imputed,
}
