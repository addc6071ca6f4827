namespace ProvinceIct.Indicators.Analysis;

/// <summary>The correlation coefficients of <see cref="CorrelationTable"/>; all over pairwise-complete observations.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's product-moment r; p-value from t = r sqrt((n - 2) / (1 - r^2)) with n - 2 degrees of freedom.</summary>
    Pearson,

    /// <summary>Spearman's rho: Pearson's r of the ranks, tied values sharing their average rank; p-value as for Pearson.</summary>
    Spearman,

    /// <summary>Kendall's tau-b (tie-corrected); p-value from the normal approximation with the tie-corrected variance of S.</summary>
    Kendall,
}
