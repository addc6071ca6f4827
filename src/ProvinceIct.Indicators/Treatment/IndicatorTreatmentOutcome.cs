namespace ProvinceIct.Indicators.Treatment;

/// <summary>What an outlier treatment did to one indicator, as recorded in an <see cref="IndicatorTreatment"/>.</summary>
public enum IndicatorTreatmentOutcome
{
    /// <summary>Left unchanged: the indicator passes the skew/kurtosis rule (or has too few values or no spread to test).</summary>
    Unchanged,

    /// <summary>Winsorised: it failed the rule and passes after at most <see cref="OutlierTreatment.WinMax"/> points were winsorised.</summary>
    Winsorised,

    /// <summary>Log-transformed: winsorisation was not enough, so it was discarded and the original column log-transformed.</summary>
    LogTransformed,

    /// <summary>Box-Cox transformed (by request, see <see cref="OutlierTreatment.BoxCox"/>).</summary>
    BoxCoxTransformed,
}
