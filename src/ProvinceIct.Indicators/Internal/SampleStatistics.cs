namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// The one statistics kernel of the library: sample moments, R's type-7 quantile, the median, e1071 type-2 skewness
/// and kurtosis (the definitions COINr's <c>skew</c>/<c>kurt</c> use), covariance and Pearson correlation, over spans.
/// <para>
/// NaN policy: NaN is a missing value and is skipped by every function that takes raw values (the "present" values
/// are the non-NaN ones); the pairwise functions use the positions where both values are present. The functions on
/// sorted input (<see cref="QuantileOfSorted"/>, <see cref="MedianOfSorted"/>) expect NaN-free, ascending input.
/// Empty policy: too few present values give NaN (mean: 0; variance and standard deviation: fewer than 2; skewness:
/// fewer than 3; kurtosis: fewer than 4; quantile and median: 0; correlation and covariance: fewer than 2 pairs).
/// Infinite values are not missing: they propagate by IEEE arithmetic (a mean with +Infinity is +Infinity, a variance
/// is NaN).
/// </para>
/// <para>
/// Overflow-safe scaling: the moment functions divide every value by <c>s</c>, the power of two at or below the
/// largest |x| (exact: only the exponent changes), work on values of magnitude at most 2, and scale back at the end.
/// So values near ±1.7e308 do not overflow the sums or squares, and values near 1e-300 do not underflow their
/// squares. Scale-free results (skewness, kurtosis, correlation) never scale back; the variance scales back by
/// <c>s^2</c> and is +Infinity only when the true variance is beyond <see cref="double.MaxValue"/>; the standard deviation
/// scales back by <c>s</c> and never overflows needlessly. Because the scale is a power of two, the results are the
/// same, bit for bit, as the unscaled formulas whenever those do not overflow or underflow.
/// </para>
/// Nothing here allocates, except <see cref="Median(ReadOnlySpan{double})"/> (one copy to sort).
/// </summary>
internal static class SampleStatistics
{
    /// <summary>The number of present (non-NaN) values.</summary>
    public static int CountPresent(ReadOnlySpan<double> values)
    {
        var n = 0;
        foreach (var x in values)
        {
            n += double.IsNaN(x) ? 0 : 1;
        }

        return n;
    }

    /// <summary>The arithmetic mean of the present values; NaN when there are none.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        var s = Scale(values, out var n);
        if (n == 0)
        {
            return double.NaN;
        }

        return ScaledMean(values, s, n) * s;
    }

    /// <summary>The sample variance <c>sum (x - mean)^2 / (n - 1)</c> of the present values; NaN when n &lt; 2.</summary>
    public static double Variance(ReadOnlySpan<double> values)
    {
        var s = Scale(values, out var n);
        if (n < 2)
        {
            return double.NaN;
        }

        var m = ScaledMean(values, s, n);
        var (ss, _, _) = CentralSums(values, s, m, 2);
        return ss / (n - 1) * s * s;
    }

    /// <summary>The sample standard deviation <c>sqrt(sum (x - mean)^2 / (n - 1))</c> of the present values; NaN when n &lt; 2.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        var s = Scale(values, out var n);
        if (n < 2)
        {
            return double.NaN;
        }

        var m = ScaledMean(values, s, n);
        var (ss, _, _) = CentralSums(values, s, m, 2);
        return Math.Sqrt(ss / (n - 1)) * s;
    }

    /// <summary>
    /// Skewness, e1071 type 2 (Excel's SKEW; COINr's <c>skew</c>): with <c>m_k = sum (x - mean)^k</c>,
    /// <c>g = sqrt(n) m_3 / m_2^1.5</c> and <c>G = g sqrt(n (n - 1)) / (n - 2)</c>, over the present values. NaN when
    /// n &lt; 3 or every present value is equal (0 / 0).
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> values)
    {
        var s = Scale(values, out var n);
        if (n < 3)
        {
            return double.NaN;
        }

        var m = ScaledMean(values, s, n);
        var (s2, s3, _) = CentralSums(values, s, m, 3);
        var g = Math.Sqrt(n) * s3 / Math.Pow(s2, 1.5);
        return g * Math.Sqrt(n * (n - 1.0)) / (n - 2.0);
    }

    /// <summary>
    /// Excess kurtosis, e1071 type 2 (Excel's KURT; COINr's <c>kurt</c>): with <c>r = n m_4 / m_2^2</c>,
    /// <c>((n + 1) (r - 3) + 6) (n - 1) / ((n - 2) (n - 3))</c>, over the present values. NaN when n &lt; 4 or every
    /// present value is equal.
    /// </summary>
    public static double Kurtosis(ReadOnlySpan<double> values)
    {
        var s = Scale(values, out var n);
        if (n < 4)
        {
            return double.NaN;
        }

        var m = ScaledMean(values, s, n);
        var (s2, _, s4) = CentralSums(values, s, m, 4);
        var r = n * s4 / (s2 * s2);
        return (((n + 1.0) * (r - 3.0)) + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
    }

    /// <summary>
    /// R's <c>quantile(x, p, type = 7)</c> of ascending, NaN-free values, with R's own arithmetic: <c>h = 1 + (n - 1) p</c>,
    /// <c>(1 - f) x[floor h] + f x[ceil h]</c> with <c>f = h - floor h</c>, and the lower order statistic itself when
    /// f = 0 or the two are equal (no overflow for values of opposite sign near ±MaxValue). NaN when empty.
    /// </summary>
    /// <param name="sorted">The values, ascending, without NaN.</param>
    /// <param name="p">The probability, in [0, 1] (not checked: callers validate their own arguments).</param>
    public static double QuantileOfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var index = 1 + ((sorted.Length - 1) * p);
        var lo = Math.Floor(index);
        var hi = Math.Ceiling(index);
        var qlo = sorted[(int)lo - 1];
        var qhi = sorted[(int)hi - 1];
        if (index > lo && qhi != qlo)
        {
            var h = index - lo;
            return ((1 - h) * qlo) + (h * qhi);
        }

        return qlo;
    }

    /// <summary>The median of ascending, NaN-free values (R's <c>median</c>: the mean of the two middle values for an even count); NaN when empty.</summary>
    public static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[h] : Midpoint(sorted[h - 1], sorted[h]);
    }

    /// <summary>
    /// The median of the present values, sorting <paramref name="values"/> in place (NaN sorts first and is skipped).
    /// NaN when no value is present. Allocates nothing.
    /// </summary>
    public static double Median(Span<double> values)
    {
        values.Sort();
        var first = 0;
        while (first < values.Length && double.IsNaN(values[first]))
        {
            first++;
        }

        return MedianOfSorted(values[first..]);
    }

    /// <summary>The median of the present values (the input is not changed; one copy is sorted). NaN when none is present.</summary>
    public static double Median(ReadOnlySpan<double> values) => Median(values.ToArray().AsSpan());

    /// <summary>R's type-7 quantile of the present values, sorting <paramref name="values"/> in place (NaN skipped); NaN when none is present.</summary>
    public static double Quantile(Span<double> values, double p)
    {
        values.Sort();
        var first = 0;
        while (first < values.Length && double.IsNaN(values[first]))
        {
            first++;
        }

        return QuantileOfSorted(values[first..], p);
    }

    /// <summary>
    /// The sample covariance <c>sum (x - mx)(y - my) / (m - 1)</c> over the m positions where both values are present;
    /// NaN when m &lt; 2.
    /// </summary>
    public static double Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (sxy, _, _, pairs, sx, sy) = PairSums(x, y);
        return pairs < 2 ? double.NaN : sxy / (pairs - 1) * sx * sy;
    }

    /// <summary>
    /// Pearson's correlation over the positions where both values are present (pairwise complete); NaN when fewer than
    /// 2 such positions or either has no spread there. <paramref name="pairs"/> receives the number of positions used.
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, out int pairs)
    {
        var (sxy, sxx, syy, m, _, _) = PairSums(x, y);
        pairs = m;
        return m < 2 || sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Pearson's correlation over the pairwise complete positions (see <see cref="Pearson(ReadOnlySpan{double}, ReadOnlySpan{double}, out int)"/>).</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Pearson(x, y, out _);

    /// <summary>The mean of two values without overflow (<c>(a + b) / 2</c>, halves first only when the sum overflows).</summary>
    public static double Midpoint(double a, double b)
    {
        var sum = a + b;
        return double.IsFinite(sum) || !double.IsFinite(a) || !double.IsFinite(b) ? sum / 2 : (a / 2) + (b / 2);
    }

    /// <summary>The power of two at or below the largest finite |x| of the present values (1 when none is positive or a value is infinite); counts them.</summary>
    private static double Scale(ReadOnlySpan<double> values, out int n)
    {
        var max = 0.0;
        n = 0;
        foreach (var x in values)
        {
            if (!double.IsNaN(x))
            {
                n++;
                max = Math.Max(max, Math.Abs(x));
            }
        }

        return PowerOfTwoBelow(max);
    }

    private static double PowerOfTwoBelow(double max) =>
        max > 0 && double.IsFinite(max) ? Math.ScaleB(1.0, Math.ILogB(max)) : 1.0;

    private static double ScaledMean(ReadOnlySpan<double> values, double s, int n)
    {
        var sum = 0.0;
        foreach (var x in values)
        {
            if (!double.IsNaN(x))
            {
                sum += x / s;
            }
        }

        return sum / n;
    }

    /// <summary>Sums of the 2nd, 3rd (when <paramref name="upTo"/> &gt;= 3) and 4th (when 4) powers of the scaled deviations.</summary>
    private static (double S2, double S3, double S4) CentralSums(ReadOnlySpan<double> values, double s, double mean, int upTo)
    {
        double s2 = 0, s3 = 0, s4 = 0;
        foreach (var x in values)
        {
            if (double.IsNaN(x))
            {
                continue;
            }

            var d = (x / s) - mean;
            var d2 = d * d;
            s2 += d2;
            if (upTo == 3)
            {
                s3 += d2 * d;
            }
            else if (upTo == 4)
            {
                s4 += d2 * d2;
            }
        }

        return (s2, s3, s4);
    }

    private static (double Sxy, double Sxx, double Syy, int Pairs, double ScaleX, double ScaleY) PairSums(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("The two spans must have the same length.", nameof(y));
        }

        double maxX = 0, maxY = 0;
        var pairs = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                pairs++;
                maxX = Math.Max(maxX, Math.Abs(x[i]));
                maxY = Math.Max(maxY, Math.Abs(y[i]));
            }
        }

        if (pairs == 0)
        {
            return (double.NaN, double.NaN, double.NaN, 0, 1, 1);
        }

        double sx = PowerOfTwoBelow(maxX), sy = PowerOfTwoBelow(maxY), mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                mx += x[i] / sx;
                my += y[i] / sy;
            }
        }

        mx /= pairs;
        my /= pairs;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                var dx = (x[i] / sx) - mx;
                var dy = (y[i] / sy) - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }

        return (sxy, sxx, syy, pairs, sx, sy);
    }
}
