namespace ProvinceIct.Indicators.Series;

/// <summary>Why a value was flagged by <see cref="PlausibilityReport.Check"/>.</summary>
public enum PlausibilityReason
{
    /// <summary>It moved more than its kind's limit since the previous edition.</summary>
    ChangeTooLarge,

    /// <summary>It is above the maximum set for its indicator (for example computers per civil servant above 3).</summary>
    AboveMaximum,
}
