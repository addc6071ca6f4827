namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// How <see cref="BoundaryRemapper"/> combines the values of the 2016 units that formed one 2025 unit; the formulas
/// are on the factories of <see cref="RemapRule"/>. A 2025 unit formed from one 2016 unit always keeps its value.
/// </summary>
public enum RemapMethod
{
    /// <summary>The sum of the predecessors' values, for counts and money: <c>sum(x)</c>.</summary>
    Sum,

    /// <summary>The mean weighted by a denominator column, for rates, shares and percents: <c>sum(w x) / sum(w)</c>.</summary>
    WeightedMean,

    /// <summary>The plain mean of the predecessors' values: <c>sum(x) / n</c> (the DTI 2024 rule for main-index scores).</summary>
    Mean,

    /// <summary>The largest predecessor value (for a yes/no indicator: "yes" when any predecessor had it).</summary>
    Maximum,

    /// <summary>The smallest predecessor value (for a yes/no indicator: "yes" only when every predecessor had it).</summary>
    Minimum,

    /// <summary>The column is left out of the remapped dataset on purpose (ranks, codes, values with no meaning for a union).</summary>
    Drop,
}
