using System.Globalization;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// One unit's change in one indicator between two editions (raw values, as given in the editions' data). See
/// <see cref="IndicatorTrends"/> for the policies on zero and negative bases.
/// </summary>
/// <param name="UnitCode">The unit code.</param>
/// <param name="UnitName">The unit name (in the later edition).</param>
/// <param name="IndicatorCode">The indicator code.</param>
/// <param name="FromYear">The earlier year.</param>
/// <param name="ToYear">The later year.</param>
/// <param name="FromValue">The value in the earlier year (NaN when missing).</param>
/// <param name="ToValue">The value in the later year (NaN when missing).</param>
public sealed record IndicatorTrend(string UnitCode, string UnitName, string IndicatorCode, int FromYear, int ToYear, double FromValue, double ToValue)
{
    /// <summary>The change <c>to - from</c>; NaN when either value is missing.</summary>
    public double Change => ToValue - FromValue;

    /// <summary>
    /// The percent change <c>(to - from) / |from| * 100</c>: positive when the value rose, also from a negative base;
    /// NaN when the base is zero or either value is missing.
    /// </summary>
    public double PercentChange => FromValue == 0 ? double.NaN : (ToValue - FromValue) / Math.Abs(FromValue) * 100;

    /// <summary>
    /// The compound annual growth rate in percent, <c>((to / from)^(1 / (toYear - fromYear)) - 1) * 100</c>; NaN when
    /// the base is zero or negative, the later value negative, either missing, or the years equal (growth over no time).
    /// </summary>
    public double Cagr => FromValue > 0 && ToValue >= 0 && ToYear > FromYear
        ? (Math.Pow(ToValue / FromValue, 1.0 / (ToYear - FromYear)) - 1) * 100
        : double.NaN;

    /// <summary>Formats as <c>70 x 2019-2021: 4 -> 9 (+5, +125%, CAGR +50%)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UnitCode} {IndicatorCode} {FromYear}-{ToYear}: {F(FromValue)} -> {F(ToValue)} ({S(Change)}, {S(PercentChange)}%, CAGR {S(Cagr)}%)");

    private static string F(double x) => double.IsNaN(x) ? "-" : x.ToString("0.####", CultureInfo.InvariantCulture);

    private static string S(double x) => x > 0 ? "+" + F(x) : F(x);
}
