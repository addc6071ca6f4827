namespace ProvinceIct.Indicators.Geography;

/// <summary>How one value of a 2025 unit was obtained, as recorded in the <see cref="RemapLog"/>.</summary>
public enum RemapOutcome
{
    /// <summary>Every predecessor contributed its value (and weight).</summary>
    Complete,

    /// <summary>Some predecessors had no value and were left out (<see cref="RemapMissingPolicy.UseAvailable"/>).</summary>
    Partial,

    /// <summary>The value is missing (NaN): a predecessor had no value under <see cref="RemapMissingPolicy.Propagate"/>, or none had one.</summary>
    Missing,
}
