namespace ProvinceIct.Indicators.Aggregation;

/// <summary>The aggregation methods; formulas in <see cref="Aggregator"/>'s factories and in METHODS.md.</summary>
public enum AggregationMethod
{
    /// <summary>sum(w x) / sum(w).</summary>
    ArithmeticMean,
    /// <summary>exp(sum(w log x) / sum(w)); every x must be above zero.</summary>
    GeometricMean,
    /// <summary>sum(w) / sum(w / x); every x must be above zero.</summary>
    HarmonicMean,
    /// <summary>(sum(w x^p) / sum(w))^(1/p).</summary>
    PowerMean,
    /// <summary>The smallest child value among children with a positive weight.</summary>
    Minimum,
}
