namespace ProvinceIct.Indicators.Treatment;

/// <summary>What a <see cref="UnitScreening"/> tests each unit on (COINr's <c>Screen(unit_screen = ...)</c>).</summary>
public enum UnitScreenRule
{
    /// <summary>Data availability: the share of present values must reach <see cref="UnitScreening.Threshold"/> (COINr <c>"byNA"</c>).</summary>
    ByMissing,

    /// <summary>Zeros: the share of non-zero values among the present ones must reach <see cref="UnitScreening.NonZeroThreshold"/> (COINr <c>"byzeros"</c>).</summary>
    ByZeros,

    /// <summary>Both tests: a unit failing either is removed (COINr <c>"byNAandzeros"</c>).</summary>
    ByMissingOrZeros,
}
