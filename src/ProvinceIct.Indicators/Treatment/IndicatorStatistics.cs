using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Descriptive statistics and data-quality flags of one indicator column (one row of a <see cref="StatisticsTable"/>).
/// Every statistic is computed over the non-missing (non-NaN) values only; a statistic that cannot be computed
/// (no values, too few values, no spread) is NaN. Immutable.
/// </summary>
public sealed class IndicatorStatistics
{
    internal IndicatorStatistics(string indicatorCode, ReadOnlySpan<double> column, StatisticsThresholds thresholds, ImmutableArray<string> collinearWith)
    {
        IndicatorCode = indicatorCode;
        UnitCount = column.Length;
        var present = ColumnMath.Present(column);
        Count = present.Length;
        Min = Count == 0 ? double.NaN : present.Min();
        Max = Count == 0 ? double.NaN : present.Max();
        Mean = ColumnMath.Mean(present);
        Median = ColumnMath.Median(present);
        StandardDeviation = ColumnMath.StandardDeviation(present);
        Skewness = ColumnMath.Skewness(present);
        Kurtosis = ColumnMath.Kurtosis(present);
        ZeroCount = present.Count(x => x == 0);
        UniqueCount = present.Distinct().Count();
        LowAvailability = Availability < thresholds.Availability;
        FailsSkewKurtosis = thresholds.SkewKurtosis.Fails(Skewness, Kurtosis);
        HighZeroShare = ZeroShare > thresholds.ZeroShare;
        CollinearWith = collinearWith;
    }

    /// <summary>The indicator code.</summary>
    public string IndicatorCode { get; }

    /// <summary>The number of units (rows), present or not.</summary>
    public int UnitCount { get; }

    /// <summary>n, the number of present (non-missing) values.</summary>
    public int Count { get; }

    /// <summary>The number of missing (NaN) values.</summary>
    public int MissingCount => UnitCount - Count;

    /// <summary>The share of present values, n / units; NaN when the dataset has no units.</summary>
    public double Availability => UnitCount == 0 ? double.NaN : (double)Count / UnitCount;

    /// <summary>The minimum; NaN when n = 0.</summary>
    public double Min { get; }

    /// <summary>The maximum; NaN when n = 0.</summary>
    public double Max { get; }

    /// <summary>The arithmetic mean; NaN when n = 0.</summary>
    public double Mean { get; }

    /// <summary>The median (mean of the two middle values when n is even); NaN when n = 0.</summary>
    public double Median { get; }

    /// <summary>The sample standard deviation, <c>sqrt(sum (x - mean)^2 / (n - 1))</c>; NaN when n &lt; 2.</summary>
    public double StandardDeviation { get; }

    /// <summary>
    /// Skewness G1 = <c>[sqrt(n) sum d^3 / (sum d^2)^(3/2)] * sqrt(n (n - 1)) / (n - 2)</c>, d = x - mean (Excel SKEW,
    /// COINr <c>skew</c>); NaN when n &lt; 3 or all values are equal.
    /// </summary>
    public double Skewness { get; }

    /// <summary>
    /// Excess kurtosis G2 = <c>((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3))</c>, r = <c>n sum d^4 / (sum d^2)^2</c>
    /// (Excel KURT, COINr <c>kurt</c>); NaN when n &lt; 4 or all values are equal.
    /// </summary>
    public double Kurtosis { get; }

    /// <summary>The number of present values equal to zero.</summary>
    public int ZeroCount { get; }

    /// <summary>The share of zeros among the present values; NaN when n = 0.</summary>
    public double ZeroShare => Count == 0 ? double.NaN : (double)ZeroCount / Count;

    /// <summary>The number of distinct present values.</summary>
    public int UniqueCount { get; }

    /// <summary>True when <see cref="Availability"/> is strictly below <see cref="StatisticsThresholds.Availability"/>.</summary>
    public bool LowAvailability { get; }

    /// <summary>True when the indicator fails the skew/kurtosis rule (<c>|G1| &gt;= 2 AND G2 &gt;= 3.5</c> by default); false when G1 or G2 is NaN.</summary>
    public bool FailsSkewKurtosis { get; }

    /// <summary>True when <see cref="ZeroShare"/> is strictly above <see cref="StatisticsThresholds.ZeroShare"/>; false when n = 0.</summary>
    public bool HighZeroShare { get; }

    /// <summary>
    /// The other indicators of the table perfectly collinear with this one: <c>|Pearson r| = 1</c> (to the tolerance) over
    /// the rows where both are present, with at least 3 such rows and spread in both; in table order, empty when none.
    /// </summary>
    public ImmutableArray<string> CollinearWith { get; }

    /// <summary>True when any flag is raised (low availability, outliers, zeros, collinearity).</summary>
    public bool IsFlagged => LowAvailability || FailsSkewKurtosis || HighZeroShare || !CollinearWith.IsEmpty;

    /// <summary>
    /// Skewness G1 of a column, Excel SKEW / COINr <c>skew</c>:
    /// <c>[sqrt(n) sum d^3 / (sum d^2)^(3/2)] * sqrt(n (n - 1)) / (n - 2)</c> with d = x - mean.
    /// </summary>
    /// <param name="values">The values; NaN (missing) values are left out.</param>
    /// <returns>G1; NaN when fewer than 3 values are present or all present values are equal.</returns>
    public static double SkewnessOf(ReadOnlySpan<double> values) => ColumnMath.Skewness(ColumnMath.Present(values));

    /// <summary>
    /// Excess kurtosis G2 of a column, Excel KURT / COINr <c>kurt</c>:
    /// <c>((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3))</c> with r = <c>n sum d^4 / (sum d^2)^2</c>, d = x - mean.
    /// </summary>
    /// <param name="values">The values; NaN (missing) values are left out.</param>
    /// <returns>G2; NaN when fewer than 4 values are present or all present values are equal.</returns>
    public static double KurtosisOf(ReadOnlySpan<double> values) => ColumnMath.Kurtosis(ColumnMath.Present(values));

    /// <summary>Formats as <c>code: n=60/63, mean 12.5, sd 3.1, G1 0.4, G2 -0.2 [flags]</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var flags = Flags();
        return string.Create(CultureInfo.InvariantCulture, $"{IndicatorCode}: n={Count}/{UnitCount}, mean {Mean:G6}, sd {StandardDeviation:G6}, G1 {Skewness:G4}, G2 {Kurtosis:G4}")
            + (flags.Length == 0 ? string.Empty : " [" + flags + "]");
    }

    internal string Flags()
    {
        var parts = new List<string>();
        if (LowAvailability)
        {
            parts.Add("low availability");
        }

        if (FailsSkewKurtosis)
        {
            parts.Add("outliers");
        }

        if (HighZeroShare)
        {
            parts.Add("many zeros");
        }

        if (!CollinearWith.IsEmpty)
        {
            parts.Add("collinear with " + string.Join(" ", CollinearWith));
        }

        return string.Join(", ", parts);
    }
}
