using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class IndicatorStatisticsTests
{
    [Fact]
    public void SkewnessOf_SmallVector_MatchesHandComputation()
    {
        // x = 1, 2, 3, 10 (NaN left out): n = 4, mean = 4, d = -3, -2, -1, 6
        // sum d^2 = 9 + 4 + 1 + 36 = 50, sum d^3 = -27 - 8 - 1 + 216 = 180
        // G1 = [sqrt(4) * 180 / 50^1.5] * sqrt(4 * 3) / 2 = 360 / (250 sqrt 2) * sqrt 3 = 1.44 * sqrt(1.5)
        AssertNumeric.Close(1.44 * Math.Sqrt(1.5), IndicatorStatistics.SkewnessOf([1, 2, double.NaN, 3, 10]), 1e-14);
    }

    [Fact]
    public void KurtosisOf_SmallVector_MatchesHandComputation()
    {
        // sum d^4 = 81 + 16 + 1 + 1296 = 1394; r = 4 * 1394 / 50^2 = 2.2304
        // G2 = ((4 + 1)(2.2304 - 3) + 6)(4 - 1) / ((4 - 2)(4 - 3)) = (-3.848 + 6) * 3 / 2 = 3.228
        AssertNumeric.Close(3.228, IndicatorStatistics.KurtosisOf([1, 2, 3, double.NaN, 10]), 1e-14);
    }

    [Theory]
    [InlineData(new double[] { 1, 2 })]
    [InlineData(new double[] { 1, double.NaN, 2 })]
    [InlineData(new double[] { 5, 5, 5, 5 })]
    [InlineData(new double[0])]
    public void SkewnessOf_TooFewOrConstant_IsNaN(double[] values) => Assert.True(double.IsNaN(IndicatorStatistics.SkewnessOf(values)));

    [Theory]
    [InlineData(new double[] { 1, 2, 3 })]
    [InlineData(new double[] { 1, 2, double.NaN, 3 })]
    [InlineData(new double[] { 7, 7, 7, 7, 7 })]
    public void KurtosisOf_TooFewOrConstant_IsNaN(double[] values) => Assert.True(double.IsNaN(IndicatorStatistics.KurtosisOf(values)));

    [Fact]
    public void SkewnessAndKurtosis_RandomData_AgreeWithMathNet()
    {
        // Math.NET's Skewness and Kurtosis are the same bias-corrected estimators as Excel's SKEW and KURT.
        var rng = new Random(20240601);
        for (var rep = 0; rep < 20; rep++)
        {
            var x = Enumerable.Range(0, 5 + rep).Select(_ => Math.Exp(rng.NextDouble() * 4)).ToArray();
            AssertNumeric.Close(MathNet.Numerics.Statistics.Statistics.Skewness(x), IndicatorStatistics.SkewnessOf(x), 1e-10);
            AssertNumeric.Close(MathNet.Numerics.Statistics.Statistics.Kurtosis(x), IndicatorStatistics.KurtosisOf(x), 1e-10);
        }
    }
}
