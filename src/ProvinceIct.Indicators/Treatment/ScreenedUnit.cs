using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// One unit's line in a <see cref="ScreeningResult"/>: its counts of missing and zero values over the screened
/// indicators (COINr's <c>N_missing</c>, <c>N_zero</c>, <c>N_miss_or_zero</c>), its shares and the decision. Immutable.
/// </summary>
public sealed class ScreenedUnit
{
    internal ScreenedUnit(string unitCode, int present, int zeros, int total, ScreeningDecision decision)
    {
        UnitCode = unitCode;
        PresentCount = present;
        ZeroCount = zeros;
        IndicatorCount = total;
        Decision = decision;
    }

    /// <summary>The unit code.</summary>
    public string UnitCode { get; }

    /// <summary>The number of screened indicators on which the unit has a value.</summary>
    public int PresentCount { get; }

    /// <summary>The number of screened indicators.</summary>
    public int IndicatorCount { get; }

    /// <summary>The number of screened indicators on which the unit has no value (COINr's <c>N_missing</c>).</summary>
    public int MissingCount => IndicatorCount - PresentCount;

    /// <summary>The number of present values that are exactly zero (COINr's <c>N_zero</c>; -0 counts as zero, NaN never).</summary>
    public int ZeroCount { get; }

    /// <summary>Missing values plus zeros (COINr's <c>N_miss_or_zero</c>).</summary>
    public int MissingOrZeroCount => MissingCount + ZeroCount;

    /// <summary>The share of present values that are not zero, <c>1 - zeros / present</c> (COINr's <c>Non_Zero</c>); NaN when no value is present.</summary>
    public double NonZeroShare => NonZero(ZeroCount, PresentCount);

    /// <summary>The share of screened indicators present, <c>present / indicators</c>; NaN when no indicator is screened.</summary>
    public double Availability => Share(PresentCount, IndicatorCount);

    /// <summary>The decision.</summary>
    public ScreeningDecision Decision { get; }

    /// <summary>True when the unit is in the screened dataset.</summary>
    public bool IsKept => Decision is ScreeningDecision.Kept or ScreeningDecision.ForceIncluded;

    // COINr's arithmetic (1 - missing / total), so that threshold comparisons agree to the last bit.
    internal static double Share(int present, int total) => total == 0 ? double.NaN : 1 - ((double)(total - present) / total);

    // COINr's arithmetic again: 1 - zeros / (indicators - missing).
    internal static double NonZero(int zeros, int present) => present == 0 ? double.NaN : 1 - ((double)zeros / present);

    /// <summary>Formats as <c>70: 9/12 present (0.75), Kept</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UnitCode}: {PresentCount}/{IndicatorCount} present ({Availability:0.###}), {Decision}");
}
