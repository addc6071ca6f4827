using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>What an outlier treatment did to one indicator, with its skewness and kurtosis before and after. Immutable.</summary>
public sealed class IndicatorTreatment
{
    internal IndicatorTreatment(string indicatorCode, IndicatorTreatmentOutcome outcome, int winsorisedCount, ReadOnlySpan<double> before, ReadOnlySpan<double> after, SkewKurtosisRule rule)
        : this(indicatorCode, outcome, winsorisedCount,
              IndicatorStatistics.SkewnessOf(before), IndicatorStatistics.KurtosisOf(before),
              IndicatorStatistics.SkewnessOf(after), IndicatorStatistics.KurtosisOf(after), rule)
    {
    }

    internal IndicatorTreatment(string indicatorCode, IndicatorTreatmentOutcome outcome, int winsorisedCount, double skewnessBefore, double kurtosisBefore, double skewnessAfter, double kurtosisAfter, SkewKurtosisRule rule)
    {
        IndicatorCode = indicatorCode;
        Outcome = outcome;
        WinsorisedCount = winsorisedCount;
        SkewnessBefore = skewnessBefore;
        KurtosisBefore = kurtosisBefore;
        SkewnessAfter = skewnessAfter;
        KurtosisAfter = kurtosisAfter;
        PassesAfter = !rule.Fails(SkewnessAfter, KurtosisAfter);
    }

    /// <summary>The indicator code.</summary>
    public string IndicatorCode { get; }

    /// <summary>What was done.</summary>
    public IndicatorTreatmentOutcome Outcome { get; }

    /// <summary>
    /// The number of points winsorised (COINr's <c>nwin</c>: points at the high end plus points at the low end, ties
    /// counted); 0 unless <see cref="Outcome"/> is <see cref="IndicatorTreatmentOutcome.Winsorised"/> or
    /// <see cref="IndicatorTreatmentOutcome.LogTransformed"/> (then it is the count of the discarded attempt).
    /// </summary>
    public int WinsorisedCount { get; }

    /// <summary>G1 of the input column (NaN when fewer than 3 values or no spread).</summary>
    public double SkewnessBefore { get; }

    /// <summary>G2 of the input column (NaN when fewer than 4 values or no spread).</summary>
    public double KurtosisBefore { get; }

    /// <summary>G1 of the treated column.</summary>
    public double SkewnessAfter { get; }

    /// <summary>G2 of the treated column.</summary>
    public double KurtosisAfter { get; }

    /// <summary>Whether the treated column passes the rule (a log transform may still fail it; it is kept all the same, as in COINr).</summary>
    public bool PassesAfter { get; }

    /// <summary>Formats as <c>income: Winsorised (2 points), G1 3.1 -> 1.2, G2 10 -> 1.5</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{IndicatorCode}: {Outcome}{(WinsorisedCount > 0 ? $" ({WinsorisedCount} points)" : string.Empty)}, G1 {SkewnessBefore:G4} -> {SkewnessAfter:G4}, G2 {KurtosisBefore:G4} -> {KurtosisAfter:G4}");
}
