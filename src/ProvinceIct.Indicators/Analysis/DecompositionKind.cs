namespace ProvinceIct.Indicators.Analysis;

/// <summary>How a <see cref="Decomposition"/> splits a score into indicator contributions.</summary>
public enum DecompositionKind
{
    /// <summary>Every aggregate below the node is a weighted arithmetic mean: the contributions w x sum to the score.</summary>
    Additive,

    /// <summary>Every aggregate below the node is a weighted geometric mean: the contributions w ln x sum to ln(score).</summary>
    Logarithmic,
}
