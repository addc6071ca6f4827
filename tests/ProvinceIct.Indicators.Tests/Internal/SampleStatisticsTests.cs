using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Tests.Internal;

/// <summary>
/// The statistics kernel against R. Reference values were computed with R 4.2.2 (Rscript, <c>options(digits = 17)</c>,
/// printed with <c>sprintf("%.17g")</c>): <c>mean</c>, <c>var</c>, <c>sd</c>, <c>median</c>,
/// <c>quantile(v, p, type = 7)</c>, <c>cor</c>, <c>cov</c>, and skewness/kurtosis with the e1071 type-2 formulas exactly as
/// COINr's <c>skew</c>/<c>kurt</c> write them (<c>x &lt;- x - mean(x)</c>; <c>sqrt(n) sum(x^3) / sum(x^2)^(3/2) * sqrt(n (n - 1)) / (n - 2)</c>;
/// <c>r = n sum(x^4) / sum(x^2)^2</c>, <c>((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3))</c>).
/// </summary>
public class SampleStatisticsTests
{
    private static readonly double[] X = [2, 4, 4, 4, 5, 5, 7, 9];
    private static readonly double[] Y = [1.5, -0.3, 2.7, 10.1, 3.3, 0, 7.25, 4.4, -2.2, 12.9, 5.5];
    private static readonly double[] Z = [0.8, 1.1, 2.9, 8.4, 3.0, 0.2, 6.6, 5.1, -1.0, 14.2, 4.9];
    private static readonly double[] Probabilities = [0, 0.05, 0.15, 0.25, 0.5, 0.65, 0.85, 0.95, 1];

    private static void Close(double expected, double actual) => Assert.Equal(expected, actual, 1e-13 * Math.Max(1, Math.Abs(expected)));

    [Fact]
    public void Moments_SmallSample_MatchR()
    {
        // R: mean 5, var 4.5714285714285712 (= 32 / 7), sd 2.1380899352993952, median 4.5,
        // skew 0.81848755335679968, kurt 0.94062500000000004.
        Close(5, SampleStatistics.Mean(X));
        Close(4.5714285714285712, SampleStatistics.Variance(X));
        Close(2.1380899352993952, SampleStatistics.StandardDeviation(X));
        Close(4.5, SampleStatistics.Median(X.AsSpan().ToArray().AsSpan()));
        Close(0.81848755335679968, SampleStatistics.Skewness(X));
        Close(0.94062500000000004, SampleStatistics.Kurtosis(X));
    }

    [Fact]
    public void Moments_ElevenValues_MatchR()
    {
        Close(4.1045454545454545, SampleStatistics.Mean(Y));
        Close(21.063227272727275, SampleStatistics.Variance(Y));
        Close(4.5894691711272309, SampleStatistics.StandardDeviation(Y));
        Close(3.3, SampleStatistics.Median((ReadOnlySpan<double>)Y));
        Close(0.63677393150656225, SampleStatistics.Skewness(Y));
        Close(-0.17126918738993893, SampleStatistics.Kurtosis(Y));
    }

    [Fact]
    public void QuantileOfSorted_Type7_MatchesR()
    {
        double[] forX = [2, 2.7000000000000002, 4, 4, 4.5, 5, 6.9000000000000004, 8.2999999999999989, 9];
        double[] forY = [-2.2000000000000002, -1.25, -0.14999999999999999, 0.75, 3.2999999999999998, 4.9500000000000002, 8.6750000000000007, 11.5, 12.9];
        var sx = X.Order().ToArray();
        var sy = Y.Order().ToArray();
        for (var i = 0; i < Probabilities.Length; i++)
        {
            Close(forX[i], SampleStatistics.QuantileOfSorted(sx, Probabilities[i]));
            Close(forY[i], SampleStatistics.QuantileOfSorted(sy, Probabilities[i]));
        }
    }

    [Fact]
    public void PearsonAndCovariance_MatchR()
    {
        // R: cor(y, z) = 0.97667374036100574, cov(y, z) = 19.643000000000001.
        Close(0.97667374036100574, SampleStatistics.Pearson(Y, Z, out var pairs));
        Assert.Equal(11, pairs);
        Close(19.643000000000001, SampleStatistics.Covariance(Y, Z));
    }

    [Fact]
    public void Functions_NaN_SkippedAsMissing()
    {
        double[] withGaps = [double.NaN, 2, 4, 4, double.NaN, 4, 5, 5, 7, 9, double.NaN];
        Close(5, SampleStatistics.Mean(withGaps));
        Close(2.1380899352993952, SampleStatistics.StandardDeviation(withGaps));
        Close(0.81848755335679968, SampleStatistics.Skewness(withGaps));
        Close(4.5, SampleStatistics.Median(withGaps.ToArray().AsSpan()));
        Close(6.9000000000000004, SampleStatistics.Quantile(withGaps.ToArray().AsSpan(), 0.85));
        Assert.Equal(8, SampleStatistics.CountPresent(withGaps));

        // Pairwise complete: a NaN in either column drops the pair; the rest is R's cor(y, z) on 11 pairs.
        var y = Y.Append(double.NaN).Append(1.0).ToArray();
        var z = Z.Append(3.0).Append(double.NaN).ToArray();
        Close(0.97667374036100574, SampleStatistics.Pearson(y, z, out var pairs));
        Assert.Equal(11, pairs);
    }

    [Fact]
    public void Functions_TooFewValues_NaN()
    {
        Assert.True(double.IsNaN(SampleStatistics.Mean([])));
        Assert.True(double.IsNaN(SampleStatistics.Mean([double.NaN])));
        Assert.True(double.IsNaN(SampleStatistics.Variance([1])));
        Assert.True(double.IsNaN(SampleStatistics.StandardDeviation([1, double.NaN])));
        Assert.True(double.IsNaN(SampleStatistics.Skewness([1, 2])));
        Assert.True(double.IsNaN(SampleStatistics.Kurtosis([1, 2, 3])));
        Assert.True(double.IsNaN(SampleStatistics.QuantileOfSorted([], 0.5)));
        Assert.True(double.IsNaN(SampleStatistics.Median(Span<double>.Empty)));
        Assert.True(double.IsNaN(SampleStatistics.Pearson([1, double.NaN], [double.NaN, 2], out var pairs)));
        Assert.Equal(0, pairs);
        Assert.True(double.IsNaN(SampleStatistics.Covariance([1], [2])));
    }

    [Fact]
    public void SkewnessAndKurtosis_ConstantValues_NaN()
    {
        // 0 / 0, as COINr's skew/kurt give for a constant column.
        Assert.True(double.IsNaN(SampleStatistics.Skewness([3, 3, 3, 3])));
        Assert.True(double.IsNaN(SampleStatistics.Kurtosis([3, 3, 3, 3])));
        Assert.True(double.IsNaN(SampleStatistics.Pearson([3, 3, 3], [1, 2, 3])));
        Assert.Equal(0, SampleStatistics.StandardDeviation([3, 3, 3]));
    }

    [Fact]
    public void Moments_ValuesNearMaxValue_NoOverflow()
    {
        // Y scaled by 2^1020 (largest |value| 12.9 * 2^1020 = 1.45e308): the naive sum and squares overflow; scaling by a
        // power of two is exact, so every result is R's value times 2^1020 (sd), 2^1020 (mean, median, quantile), or the
        // same number (skewness, kurtosis, correlation).
        var s = Math.ScaleB(1.0, 1020);
        var big = Y.Select(v => v * s).ToArray();
        Close(4.1045454545454545, SampleStatistics.Mean(big) / s);
        Close(4.5894691711272309, SampleStatistics.StandardDeviation(big) / s);
        Close(0.63677393150656225, SampleStatistics.Skewness(big));
        Close(-0.17126918738993893, SampleStatistics.Kurtosis(big));
        Close(0.97667374036100574, SampleStatistics.Pearson(big, Z.Select(v => v * s).ToArray()));
        Assert.Equal(double.PositiveInfinity, SampleStatistics.Variance(big)); // 21.06 * 2^2040 is beyond MaxValue
        Close(11.5, SampleStatistics.QuantileOfSorted(big.Order().ToArray(), 0.95) / s);

        // Opposite signs near the limits: the midpoint and the interpolation do not form the overflowing difference.
        Assert.Equal(0, SampleStatistics.MedianOfSorted([-double.MaxValue, double.MaxValue]));
        Assert.Equal(double.MaxValue, SampleStatistics.MedianOfSorted([double.MaxValue, double.MaxValue]));
        Assert.Equal(0, SampleStatistics.QuantileOfSorted([-double.MaxValue, double.MaxValue], 0.5));
        Assert.Equal(0, SampleStatistics.Mean([-double.MaxValue, double.MaxValue]));
        Assert.Equal(double.MaxValue, SampleStatistics.Mean([double.MaxValue, double.MaxValue]));
    }

    [Fact]
    public void Moments_ValuesNear1EMinus300_NoUnderflow()
    {
        // Y scaled by 2^-1000 (about 1e-301): the naive squares (1e-602) underflow to zero; the scaled ones do not.
        var s = Math.ScaleB(1.0, -1000);
        var tiny = Y.Select(v => v * s).ToArray();
        Close(4.5894691711272309, SampleStatistics.StandardDeviation(tiny) / s);
        Close(0.63677393150656225, SampleStatistics.Skewness(tiny));
        Close(-0.17126918738993893, SampleStatistics.Kurtosis(tiny));
        Close(0.97667374036100574, SampleStatistics.Pearson(tiny, Z));
        Close(19.643000000000001, SampleStatistics.Covariance(tiny, Z) / s);
    }

    [Fact]
    public void Median_SpanOverload_SortsInPlaceAllocationFree()
    {
        double[] v = [9, double.NaN, 1, 5];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var m = SampleStatistics.Median(v.AsSpan());
        var after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(5, m); // NaN skipped: median of 1, 5, 9
        Assert.Equal(0, after - before);
    }
}
