namespace ProvinceIct.Indicators.Definitions;

/// <summary>The families of indicator kinds; see <see cref="IndicatorKind"/> for each one's validation rule.</summary>
public enum KindCategory
{
    /// <summary>A non-negative whole number (computers, servers, agencies).</summary>
    Count,
    /// <summary>A share in [0, 1].</summary>
    Share,
    /// <summary>A percent in [0, 100].</summary>
    Percent,
    /// <summary>A non-negative rate per N people (for example students per 10,000 inhabitants).</summary>
    Rate,
    /// <summary>A non-negative amount of money in a named currency unit.</summary>
    Money,
    /// <summary>A score in a closed range [min, max].</summary>
    BoundedScore,
    /// <summary>0 (no) or 1 (yes).</summary>
    YesNo,
    /// <summary>An online public service level, a whole number from 1 to 4.</summary>
    ServiceLevel,
    /// <summary>Any finite real number (no range rule), for derived or already-normalised values.</summary>
    Real,
}
