namespace ProvinceIct.Indicators.Series;

/// <summary>How a year-on-year change is measured against a plausibility limit (see <see cref="PlausibilityThresholds"/>).</summary>
public enum ChangeMeasure
{
    /// <summary>
    /// By factor: with limit f (above 1), a value is flagged when <c>to &gt; from * f</c> or <c>to &lt; from / f</c>
    /// (both at or above zero); a move from zero to a value other than zero is flagged; negative values are not compared.
    /// </summary>
    Factor,

    /// <summary>By absolute difference: flagged when <c>|to - from| &gt; limit</c> (percentage points for a percent).</summary>
    Absolute,
}
