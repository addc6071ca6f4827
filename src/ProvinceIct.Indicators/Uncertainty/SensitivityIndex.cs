using System.Globalization;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// First-order (S_i, Saltelli 2010) and total-order (S_Ti, Jansen) sensitivity indices of one factor, with bootstrap
/// percentile confidence intervals (NaN when no bootstrap was run).
/// </summary>
/// <param name="Factor">The factor's name.</param>
/// <param name="First">S_i = mean(y_B (y_ABi - y_A)) / V.</param>
/// <param name="FirstLower">Lower bound of S_i's interval.</param>
/// <param name="FirstUpper">Upper bound of S_i's interval.</param>
/// <param name="Total">S_Ti = sum((y_A - y_ABi)^2) / (2 N V).</param>
/// <param name="TotalLower">Lower bound of S_Ti's interval.</param>
/// <param name="TotalUpper">Upper bound of S_Ti's interval.</param>
public sealed record SensitivityIndex(string Factor, double First, double FirstLower, double FirstUpper, double Total, double TotalLower, double TotalUpper)
{
    /// <summary>Formats as <c>factor: S 0.31 [0.29, 0.33], ST 0.56 [0.54, 0.58]</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Factor}: S {First:0.####} [{FirstLower:0.####}, {FirstUpper:0.####}], ST {Total:0.####} [{TotalLower:0.####}, {TotalUpper:0.####}]");
}
