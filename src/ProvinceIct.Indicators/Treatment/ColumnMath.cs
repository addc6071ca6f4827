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

    public static double Mean(ReadOnlySpan<double> present)
    {
        if (present.IsEmpty)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var x in present)
        {
            sum += x;
        }

        return sum / present.Length;
    }

    /// <summary>The median (mean of the two middle values for an even count, as R's <c>median</c>); NaN when empty.</summary>
    public static double Median(ReadOnlySpan<double> present)
    {
        if (present.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = present.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double StandardDeviation(ReadOnlySpan<double> present)
    {
        if (present.Length < 2)
        {
            return double.NaN;
        }

        var mean = Mean(present);
        var ss = 0.0;
        foreach (var x in present)
        {
            ss += (x - mean) * (x - mean);
        }

        return Math.Sqrt(ss / (present.Length - 1));
    }

    /// <summary>Excel SKEW / e1071 type 2 / COINr <c>skew</c>; NaN when n &lt; 3 or all values are equal.</summary>
    public static double Skewness(ReadOnlySpan<double> present)
    {
        var n = present.Length;
        if (n < 3)
        {
            return double.NaN;
        }

        var mean = Mean(present);
        double s2 = 0, s3 = 0;
        foreach (var x in present)
        {
            var d = x - mean;
            s2 += d * d;
            s3 += d * d * d;
        }

        var y = Math.Sqrt(n) * s3 / Math.Pow(s2, 1.5);
        return y * Math.Sqrt(n * (n - 1.0)) / (n - 2.0);
    }

    /// <summary>Excel KURT / e1071 type 2 / COINr <c>kurt</c> (excess kurtosis); NaN when n &lt; 4 or all values are equal.</summary>
    public static double Kurtosis(ReadOnlySpan<double> present)
    {
        var n = present.Length;
        if (n < 4)
        {
            return double.NaN;
        }

        var mean = Mean(present);
        double s2 = 0, s4 = 0;
        foreach (var x in present)
        {
            var d = x - mean;
            var d2 = d * d;
            s2 += d2;
            s4 += d2 * d2;
        }

        var r = n * s4 / (s2 * s2);
        return (((n + 1.0) * (r - 3.0)) + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
    }

    /// <summary>Pearson r over the rows where both values are present; NaN when fewer than two such rows or no spread.</summary>
    public static double PairwisePearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b, out int pairs)
    {
        double sa = 0, sb = 0;
        pairs = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!double.IsNaN(a[i]) && !double.IsNaN(b[i]))
            {
                sa += a[i];
                sb += b[i];
                pairs++;
            }
        }

        if (pairs < 2)
        {
            return double.NaN;
        }

        double ma = sa / pairs, mb = sb / pairs, sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!double.IsNaN(a[i]) && !double.IsNaN(b[i]))
            {
                var da = a[i] - ma;
                var db = b[i] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }

        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }
}
