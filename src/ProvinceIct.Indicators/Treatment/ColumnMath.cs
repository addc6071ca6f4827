namespace ProvinceIct.Indicators.Treatment;

/// <summary>Column statistics over the non-missing (non-NaN) values, shared by the treatment operations.</summary>
internal static class ColumnMath
{
    public static double[] Present(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var x in values)
        {
            count += double.IsNaN(x) ? 0 : 1;
        }

        var present = new double[count];
        var k = 0;
        foreach (var x in values)
        {
            if (!double.IsNaN(x))
            {
                present[k++] = x;
            }
        }

        return present;
    }

    /// <summary>The mean of the present values; NaN when none (<see cref="Internal.SampleStatistics.Mean"/>).</summary>
    public static double Mean(ReadOnlySpan<double> present) => Internal.SampleStatistics.Mean(present);

    /// <summary>The median (mean of the two middle values for an even count, as R's <c>median</c>); NaN when empty (<see cref="Internal.SampleStatistics.Median(ReadOnlySpan{double})"/>).</summary>
    public static double Median(ReadOnlySpan<double> present) => Internal.SampleStatistics.Median(present);

    /// <summary>The sample standard deviation (n - 1); NaN when n &lt; 2 (<see cref="Internal.SampleStatistics.StandardDeviation"/>).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> present) => Internal.SampleStatistics.StandardDeviation(present);

    /// <summary>Excel SKEW / e1071 type 2 / COINr <c>skew</c>; NaN when n &lt; 3 or all values are equal (<see cref="Internal.SampleStatistics.Skewness"/>).</summary>
    public static double Skewness(ReadOnlySpan<double> present) => Internal.SampleStatistics.Skewness(present);

    /// <summary>Excel KURT / e1071 type 2 / COINr <c>kurt</c> (excess kurtosis); NaN when n &lt; 4 or all values are equal (<see cref="Internal.SampleStatistics.Kurtosis"/>).</summary>
    public static double Kurtosis(ReadOnlySpan<double> present) => Internal.SampleStatistics.Kurtosis(present);

    /// <summary>Pearson r over the rows where both values are present; NaN when fewer than two such rows or no spread (<see cref="Internal.SampleStatistics.Pearson(ReadOnlySpan{double}, ReadOnlySpan{double}, out int)"/>).</summary>
    public static double PairwisePearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b, out int pairs) => Internal.SampleStatistics.Pearson(a, b, out pairs);
}
