using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>One unit's line in a <see cref="ScreeningResult"/>: its data availability and the decision. Immutable.</summary>
public sealed class ScreenedUnit
{
    internal ScreenedUnit(string unitCode, int present, int total, ScreeningDecision decision)
    {
        UnitCode = unitCode;
        PresentCount = present;
        IndicatorCount = total;
        Decision = decision;
    }

    /// <summary>The unit code.</summary>
    public string UnitCode { get; }

    /// <summary>The number of screened indicators on which the unit has a value.</summary>
    public int PresentCount { get; }

    /// <summary>The number of screened indicators.</summary>
    public int IndicatorCount { get; }

    /// <summary>The share of screened indicators present, <c>present / indicators</c>; NaN when no indicator is screened.</summary>
    public double Availability => Share(PresentCount, IndicatorCount);

    /// <summary>The decision.</summary>
    public ScreeningDecision Decision { get; }

    /// <summary>True when the unit is in the screened dataset.</summary>
    public bool IsKept => Decision is ScreeningDecision.Kept or ScreeningDecision.ForceIncluded;

    // COINr's arithmetic (1 - missing / total), so that threshold comparisons agree to the last bit.
    internal static double Share(int present, int total) => total == 0 ? double.NaN : 1 - ((double)(total - present) / total);

    /// <summary>Formats as <c>70: 9/12 present (0.75), Kept</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UnitCode}: {PresentCount}/{IndicatorCount} present ({Availability:0.###}), {Decision}");
}
