using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class CronbachAlphaTests
{
    [Fact]
    public void Compute_TwoItems_MatchesHandValue()
    {
        // a = 1,2,3,4: var 5/3; b = 2,3,3,5: mean 3.25, var 4.75/3; cov = 4.5/3 = 1.5
        // trace = 3.25, sum = 3.25 + 2 * 1.5 = 6.25; alpha = 2 * (1 - 3.25 / 6.25) = 0.96
        AssertNumeric.Close(0.96, CronbachAlpha.Compute([[1, 2, 3, 4], [2, 3, 3, 5]]));
    }

    [Fact]
    public void Compute_ThreeItems_MatchesCovarianceFormula()
    {
        var rng = new Random(7);
        var cols = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 30).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        double trace = 0, sum = 0;
        foreach (var a in cols)
        {
            foreach (var b in cols)
            {
                var c = MathNet.Numerics.Statistics.Statistics.Covariance(a, b);
                sum += c;
                trace += ReferenceEquals(a, b) ? c : 0;
            }
        }

        AssertNumeric.Close(1.5 * (1 - (trace / sum)), CronbachAlpha.Compute(cols));
    }

    [Fact]
    public void Compute_Missing_UsesPairwiseCompleteCovariances()
    {
        // b's third value missing: var a over 4 values = 5/3; var b over 1,2,4 (b = 2,3,5): 7/3; cov over rows 1,2,4:
        // a = 1,2,4 (mean 7/3), b = 2,3,5 (mean 10/3): deviations both -4/3, -1/3, 5/3 -> products 42/9, cov = 42/9 / 2 = 7/3
        // trace = 5/3 + 7/3 = 4; sum = 4 + 2 * 7/3 = 26/3; alpha = 2 * (1 - 4 / (26/3)) = 2 * 14/26 = 14/13
        var alpha = CronbachAlpha.Compute([[1, 2, 3, 4], [2, 3, double.NaN, 5]]);
        AssertNumeric.Close(14.0 / 13, alpha);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Compute_FewerThanTwoItems_IsNaN(int k) =>
        Assert.True(double.IsNaN(CronbachAlpha.Compute(Enumerable.Range(0, k).Select(_ => new double[] { 1, 2, 3 }).ToArray())));

    [Fact]
    public void ForNode_TinyP1_PerfectlyOpposedItems_SumZeroIsNaN()
    {
        // i1 = 0, 50, 100 and i2 = 100, 50, 0: var 2500 each, cov -2500 -> sum(C) = 0
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var alpha = CronbachAlpha.ForNode(result, "P1");
        Assert.True(double.IsNaN(alpha.Alpha));
        Assert.Equal(["i1", "i2"], alpha.ItemCodes.ToArray());
        Assert.Equal(3, alpha.CompleteRows);
        Assert.Throws<ArgumentException>(() => CronbachAlpha.ForNode(result, "i1"));
    }

    [Fact]
    public void ForEveryNode_Embedded_OnePerAggregate()
    {
        var alphas = CronbachAlpha.ForEveryNode(Indicators.Presets.OpenReadiness2016.Compute());
        Assert.Equal(["infra", "human", "egov", "economy", "open_readiness_2016"], alphas.Select(a => a.NodeCode).ToArray());
        Assert.All(alphas, a => Assert.True(a.Alpha is > -10 and <= 1));
        Assert.StartsWith("CronbachAlpha infra: ", alphas[0].ToString(), StringComparison.Ordinal);
    }
}
