namespace ProvinceIct.Indicators.Definitions;

/// <summary>Whether a higher value of an indicator (or aggregate) is better or worse.</summary>
public enum Direction
{
    /// <summary>Higher is better (the default).</summary>
    Positive = 1,

    /// <summary>Lower is better: the value is multiplied by -1 before normalisation (or handled by the method itself, for goalposts and distance to target).</summary>
    Negative = -1,
}
