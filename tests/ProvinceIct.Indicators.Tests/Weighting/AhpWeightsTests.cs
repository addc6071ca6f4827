using MathNet.Numerics.LinearAlgebra;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Tests.Weighting;

public class AhpWeightsTests
{
    private static double[,] Consistent(double[] w)
    {
        var a = new double[w.Length, w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            for (var j = 0; j < w.Length; j++)
            {
                a[i, j] = w[i] / w[j];
            }
        }

        return a;
    }

    [Fact]
    public void Compute_Consistent3x3_ExactWeightsAndZeroCr()
    {
        // a over b 2, a over c 4, b over c 2: consistent (2 * 2 = 4); weights 4/7, 2/7, 1/7; lambda_max = 3.
        var ahp = AhpWeights.Compute(["a", "b", "c"], new double[,] { { 1, 2, 4 }, { 0.5, 1, 2 }, { 0.25, 0.5, 1 } });
        AssertNumeric.Close([4.0 / 7, 2.0 / 7, 1.0 / 7], ahp.Weights, 1e-15);
        AssertNumeric.Close(3, ahp.LambdaMax, 1e-14);
        AssertNumeric.Close(0, ahp.ConsistencyIndex, 1e-14);
        AssertNumeric.Close(0, ahp.ConsistencyRatio, 1e-13);
        Assert.Equal(0.58, ahp.RandomIndex);
        Assert.True(ahp.IsConsistent);
    }

    [Fact]
    public void Compute_Consistent4x4FromWeights_RecoversWeights()
    {
        var ahp = AhpWeights.Compute(["a", "b", "c", "d"], Consistent([0.4, 0.3, 0.2, 0.1]));
        AssertNumeric.Close([0.4, 0.3, 0.2, 0.1], ahp.Weights, 1e-14);
        AssertNumeric.Close(4, ahp.LambdaMax, 1e-13);
        AssertNumeric.Close(0.3, ahp.Weight("b"), 1e-14);
    }

    [Fact]
    public void Compute_SaatyTextbook3x3_KnownCr()
    {
        // The classic example: weights 0.637, 0.258, 0.105; lambda_max 3.0385; CI 0.0193; CR = 0.0193 / 0.58 = 0.0332.
        var ahp = AhpWeights.Compute(["a", "b", "c"], new double[,] { { 1, 3, 5 }, { 1.0 / 3, 1, 3 }, { 0.2, 1.0 / 3, 1 } });
        AssertNumeric.Close([0.6370, 0.2583, 0.1047], ahp.Weights, 1e-4);
        AssertNumeric.Close(3.03851109055817, ahp.LambdaMax, 1e-12);
        AssertNumeric.Close(0.019255545279085, ahp.ConsistencyIndex, 1e-12);
        AssertNumeric.Close(0.0331992159984224, ahp.ConsistencyRatio, 1e-12);
        Assert.True(ahp.IsConsistent);
    }

    [Fact]
    public void Compute_CyclicJudgements_InconsistentHandComputed()
    {
        // a > b, b > c and c > a, each 9: circulant, so weights 1/3 each and lambda_max = 1 + 9 + 1/9 = 91/9.
        // CI = (91/9 - 3) / 2 = 32/9; CR = (32/9) / 0.58 = 6.13.
        var ahp = AhpWeights.Compute(["a", "b", "c"], new double[,] { { 1, 9, 1.0 / 9 }, { 1.0 / 9, 1, 9 }, { 9, 1.0 / 9, 1 } });
        AssertNumeric.Close([1.0 / 3, 1.0 / 3, 1.0 / 3], ahp.Weights, 1e-14);
        AssertNumeric.Close(91.0 / 9, ahp.LambdaMax, 1e-13);
        AssertNumeric.Close(32.0 / 9, ahp.ConsistencyIndex, 1e-13);
        AssertNumeric.Close(32.0 / 9 / 0.58, ahp.ConsistencyRatio, 1e-13);
        Assert.False(ahp.IsConsistent);
    }

    [Fact]
    public void Compute_Random4x4_MatchesMathNetPrincipalEigenpair()
    {
        var m = new double[,] { { 1, 5, 3, 7 }, { 0.2, 1, 1.0 / 3, 3 }, { 1.0 / 3, 3, 1, 5 }, { 1.0 / 7, 1.0 / 3, 0.2, 1 } };
        var ahp = AhpWeights.Compute(["a", "b", "c", "d"], m);
        var evd = Matrix<double>.Build.DenseOfArray(m).Evd();
        var k = Enumerable.Range(0, 4).MaxBy(i => evd.EigenValues[i].Real);
        var v = evd.EigenVectors.Column(k);
        AssertNumeric.Close(evd.EigenValues[k].Real, ahp.LambdaMax, 1e-12);
        AssertNumeric.Close((v / v.Sum()).ToArray(), ahp.Weights, 1e-12);
        AssertNumeric.Close((ahp.LambdaMax - 4) / 3 / 0.90, ahp.ConsistencyRatio, 1e-12);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, 0.58)]
    [InlineData(4, 0.90)]
    [InlineData(5, 1.12)]
    [InlineData(6, 1.24)]
    [InlineData(7, 1.32)]
    [InlineData(8, 1.41)]
    [InlineData(9, 1.45)]
    [InlineData(10, 1.49)]
    [InlineData(11, double.NaN)]
    public void SaatyRandomIndex_Table_MatchesSaaty(int n, double ri) => Assert.Equal(ri, AhpWeights.SaatyRandomIndex(n));

    [Fact]
    public void Compute_OneAndTwoElements_ConsistentByDefinition()
    {
        var one = AhpWeights.Compute(["a"], new double[,] { { 1 } });
        Assert.Equal([1.0], one.Weights.ToArray());
        Assert.Equal(0, one.ConsistencyRatio);
        var two = AhpWeights.Compute(["a", "b"], new double[,] { { 1, 3 }, { 1.0 / 3, 1 } });
        AssertNumeric.Close([0.75, 0.25], two.Weights, 1e-15);
        Assert.True(two.IsConsistent);
    }

    [Fact]
    public void Compute_ElevenElements_ConsistencyNotJudged()
    {
        var ahp = AhpWeights.Compute(Enumerable.Range(0, 11).Select(i => "x" + i).ToArray(), Consistent(Enumerable.Range(1, 11).Select(i => (double)i).ToArray()));
        Assert.True(double.IsNaN(ahp.ConsistencyRatio));
        Assert.False(ahp.IsConsistent);
        AssertNumeric.Close(11.0 / 66, ahp.Weight("x10"), 1e-13);
    }

    [Fact]
    public void Validate_BadMatrix_ReportsEveryViolation()
    {
        var bad = new double[,] { { 2, 3, -1 }, { 0.5, 1, double.NaN }, { 1, 4, 1 } };
        var report = AhpWeights.Validate(["a", "b", "c"], bad);
        // (1,1) diagonal 2; (1,2) 3 vs 0.5 not reciprocal; (1,3) negative; (2,3) NaN; (3,2) 4 would pair with NaN: not re-reported.
        Assert.Equal(4, report.Problems.Length);
        Assert.Contains(report.Problems, p => p.Row == 1 && p.Column == 1 && p.Code == ProblemCode.InvalidParameter && p.Expected == "1");
        Assert.Contains(report.Problems, p => p.Row == 1 && p.Column == 2 && p.Code == ProblemCode.InvalidParameter && p.Found == "3");
        Assert.Contains(report.Problems, p => p.Row == 1 && p.Column == 3 && p.Code == ProblemCode.ValueOutOfRange);
        Assert.Contains(report.Problems, p => p.Row == 2 && p.Column == 3 && p.Code == ProblemCode.NonFiniteValue);
    }

    [Fact]
    public void Validate_ReciprocalWithinTolerance_IsValid() =>
        Assert.True(AhpWeights.Validate(["a", "b"], new double[,] { { 1, 3 }, { 0.3333333333333, 1 } }).IsValid);

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(0, 0)]
    public void Validate_WrongShape_Reported(int rows, int cols)
    {
        var report = AhpWeights.Validate(rows == 0 ? [] : ["a", "b"], new double[rows, cols]);
        Assert.Single(report.Problems);
    }

    [Fact]
    public void Validate_DuplicateCodes_Reported() =>
        Assert.Equal("a", Assert.Single(AhpWeights.Validate(["a", "a"], new double[,] { { 1, 1 }, { 1, 1 } }).Problems).IndicatorCode);

    [Fact]
    public void Compute_InvalidMatrix_ThrowsWithReport()
    {
        var ex = Assert.Throws<ValidationException>(() => AhpWeights.Compute(["a", "b"], new double[,] { { 1, 2 }, { 2, 1 } }));
        Assert.Single(ex.Report.Problems);
    }

    [Fact]
    public void TryCompute_InvalidMatrix_ReportsWithoutThrowing()
    {
        var report = AhpWeights.TryCompute(["a", "b"], new double[,] { { 1, 0 }, { 0, 1 } }, out var ahp);
        Assert.Null(ahp);
        Assert.Equal(2, report.Problems.Length);
        Assert.True(AhpWeights.TryCompute(["a", "b"], new double[,] { { 1, 2 }, { 0.5, 1 } }, out ahp).IsValid);
        Assert.NotNull(ahp);
    }

    [Fact]
    public void ApplyTo_TinyPillar_SetsChildWeights()
    {
        var fw = AhpWeights.Compute(["i2", "i1"], new double[,] { { 1, 3 }, { 1.0 / 3, 1 } }).ApplyTo(TinyIndex.Framework(), "P1");
        AssertNumeric.Close(0.75, fw["i2"].Weight, 1e-15);
        AssertNumeric.Close(0.25, fw["i1"].Weight, 1e-15);
        Assert.Throws<ArgumentException>(() => AhpWeights.Compute(["i2", "i1"], new double[,] { { 1, 3 }, { 1.0 / 3, 1 } }).ApplyTo(TinyIndex.Framework(), "IDX"));
    }

    [Fact]
    public void ToString_Textbook_Summarises() =>
        Assert.Equal("AHP weights (n=3, lambda_max=3.0385, CR=0.033, consistent): a=0.6370, b=0.2583, c=0.1047",
            AhpWeights.Compute(["a", "b", "c"], new double[,] { { 1, 3, 5 }, { 1.0 / 3, 1, 3 }, { 0.2, 1.0 / 3, 1 } }).ToString());
}
