using System.Globalization;
using ProvinceIct.Indicators.Definitions;

namespace ProvinceIct.Indicators.Series;

/// <summary>One implausible value found by <see cref="PlausibilityReport.Check"/>: the unit, the indicator, both years and both values, and the rule broken.</summary>
/// <param name="UnitCode">The unit code.</param>
/// <param name="IndicatorCode">The indicator code.</param>
/// <param name="Category">The indicator's kind.</param>
/// <param name="PreviousYear">The previous edition's year.</param>
/// <param name="Year">The edition's year.</param>
/// <param name="PreviousValue">The value in the previous edition (carried to the 34 units across 1 July 2025; NaN when missing).</param>
/// <param name="Value">The value in this edition.</param>
/// <param name="Reason">Why it was flagged.</param>
/// <param name="Rule">The rule in words, for example <c>Count: factor 2</c>.</param>
public sealed record PlausibilityFlag(string UnitCode, string IndicatorCode, KindCategory Category, int PreviousYear, int Year, double PreviousValue, double Value, PlausibilityReason Reason, string Rule)
{
    /// <summary>Formats as <c>2020 70 servers: 12 (2019) -> 40, ChangeTooLarge (Count: factor 2)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year} {UnitCode} {IndicatorCode}: {F(PreviousValue)} ({PreviousYear}) -> {F(Value)}, {Reason} ({Rule})");

    private static string F(double x) => double.IsNaN(x) ? "-" : x.ToString("0.####", CultureInfo.InvariantCulture);
}
