using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class OutrankingMatrixTests
{
    private const double N = double.NaN;

    [Fact]
    public void Create_CompleteData_CoinrNumbers()
    {
        // A (1, 1), B (2, 0), C (3, 3), equal weights (0.5 each):
        // O[A,B] = 0 + 0.5 = 0.5, O[A,C] = 0, O[B,C] = 0; lower triangle 1 - upper: O[B,A] = 0.5, O[C,A] = 1, O[C,B] = 1.
        // nDominant = #(O == 1) = 2, fracDominant = 2 / 3; Copeland: A = 0 - 1 = -1, B = 0 - 1 = -1, C = 1 + 1 = 2.
        var scores = new double[,] { { 1, 1 }, { 2, 0 }, { 3, 3 } };
        foreach (var policy in new[] { OutrankingMissingPolicy.Coinr, OutrankingMissingPolicy.SharedChildren })
        {
            var o = OutrankingMatrix.Create(["A", "B", "C"], scores, [1, 1], policy);
            Assert.Equal(0.5, o.Value("A", "B"));
            Assert.Equal(1, o.Value("C", "A"));
            Assert.Equal(0, o[0, 0]);
            Assert.Equal(2, o.DominantPairs);
            AssertNumeric.Close(2.0 / 3, o.DominantFraction, 1e-15);
            Assert.Equal([-1.0, -1, 2], o.CopelandScores.ToArray());
        }
    }

    [Fact]
    public void Create_MissingCoinr_LaterRowCredited()
    {
        // A (1, -), B (2, 0), C (-, 3). COINr: O[A,B] = w1 [1 > 2] = 0 (child 2 not comparable), O[B,A] = 1 - 0 = 1;
        // O[A,C] = 0 (nothing shared), O[C,A] = 1; O[B,C] = w2 [0 > 3] = 0, O[C,B] = 1. nDominant = 3, fracDominant = 1.
        // Copeland: A = -1 - 1 = -2, B = 1 - 1 = 0, C = 1 + 1 = 2.
        var o = OutrankingMatrix.Create(["A", "B", "C"], new double[,] { { 1, N }, { 2, 0 }, { N, 3 } }, [1, 1], OutrankingMissingPolicy.Coinr);
        Assert.Equal(3, o.DominantPairs);
        Assert.Equal(1, o.DominantFraction);
        Assert.Equal([-2.0, 0, 2], o.CopelandScores.ToArray());
    }

    [Fact]
    public void Create_MissingCoinr_DependsOnUnitOrder()
    {
        // The same units in the order C, B, A: O[C,B] = w2 [3 > 0] = 0.5, O[B,C] = 0.5; O[C,A] = 0, O[A,C] = 1;
        // O[B,A] = w1 [2 > 1] = 0.5, O[A,B] = 0.5. nDominant = 1; Copeland: C = 0 - 1 = -1, B = 0, A = 0 + 1 = 1.
        // A's score goes from -2 to +1 by reordering the rows: COINr's treatment of missing data is order-dependent.
        var o = OutrankingMatrix.Create(["C", "B", "A"], new double[,] { { N, 3 }, { 2, 0 }, { 1, N } }, [1, 1], OutrankingMissingPolicy.Coinr);
        Assert.Equal(1, o.DominantPairs);
        Assert.Equal([-1.0, 0, 1], o.CopelandScores.ToArray());
    }

    [Fact]
    public void Create_MissingSharedChildren_OrderIndependent()
    {
        // Shared children only: A vs B on child 1 (1 < 2): O[B,A] = 1; A vs C share nothing: NaN; B vs C on child 2: O[C,B] = 1.
        // nDominant = 2 of 3 pairs; Copeland: A = -1 + 0 = -1, B = 1 - 1 = 0, C = 0 + 1 = 1, in either order.
        var o = OutrankingMatrix.Create(["A", "B", "C"], new double[,] { { 1, N }, { 2, 0 }, { N, 3 } }, [1, 1]);
        Assert.True(double.IsNaN(o.Value("A", "C")));
        Assert.Equal(2, o.DominantPairs);
        Assert.Equal([-1.0, 0, 1], o.CopelandScores.ToArray());
        var reversed = OutrankingMatrix.Create(["C", "B", "A"], new double[,] { { N, 3 }, { 2, 0 }, { 1, N } }, [1, 1]);
        Assert.Equal([1.0, 0, -1], reversed.CopelandScores.ToArray());
        Assert.Equal("Outranking of 3 units (shared-children): 2 dominant pairs (0.6667 of 3)", o.ToString());
    }

    [Fact]
    public void Create_WeightedShares_SumOfWinningWeights()
    {
        // Weights 3 : 1 -> 0.75, 0.25. A (5, 0) vs B (4, 9): A wins child 1: O[A,B] = 0.75, O[B,A] = 0.25; no dominance.
        var o = OutrankingMatrix.Create(["A", "B"], new double[,] { { 5, 0 }, { 4, 9 } }, [3, 1], OutrankingMissingPolicy.Coinr);
        Assert.Equal(0.75, o.Value("A", "B"));
        Assert.Equal(0.25, o.Value("B", "A"));
        Assert.Equal(0, o.DominantPairs);
        Assert.Equal([1.0, -1], o.CopelandScores.ToArray());
    }

    [Fact]
    public void FromResult_TinyIndex_MatchesCopelandAggregator()
    {
        // P1's children: i1 = (0, 50, 100), i2 read as normalised (100, 50, 0), weights 3 : 1 -> A loses to C on 0.75.
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var o = OutrankingMatrix.FromResult(r, "P1");
        Assert.Equal(["A", "B", "C"], o.UnitCodes.ToArray());
        Assert.Equal(0.25, o.Value("A", "C"));
        Assert.Equal([-2.0, 0, 2], o.CopelandScores.ToArray());
        Assert.Throws<ArgumentException>(() => OutrankingMatrix.FromResult(r, "i1"));
    }

    [Fact]
    public void Create_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => OutrankingMatrix.Create(["A", "A"], new double[2, 1], [1]));
        Assert.Throws<ArgumentException>(() => OutrankingMatrix.Create(["A", "B"], new double[2, 1], [0]));
        Assert.Throws<ArgumentException>(() => OutrankingMatrix.Create(["A", "B"], new double[2, 2], [1]));
    }

    [Fact]
    public void ToTable_CoinrWithMissing_MatrixAndCopelandColumn()
    {
        // A = (1, -), B = (0, 0), C = (2, 2), equal weights, COINr order A, B, C:
        // O_AB = 0.5, O_BA = 0.5; O_AC = 0, O_CA = 1; O_BC = 0, O_CB = 1. Copeland A -1, B -1, C +2; dominant pairs: O = 1 twice.
        var m = OutrankingMatrix.Create(["A", "B", "C"], new double[,] { { 1, double.NaN }, { 0, 0 }, { 2, 2 } }, [1, 1], OutrankingMissingPolicy.Coinr);
        var table = m.ToTable();
        Assert.Equal(["unit", "A", "B", "C", "copeland"], table.Columns.Select(c => c.Key));
        Assert.Equal("unit,A,B,C,copeland\nA,0,0.5,0,-1\nB,0.5,0,0,-1\nC,1,1,0,2\n", table.ToCsv());
        Assert.Contains("2 dominant pairs (fraction 0.6667).", table.Notes);
    }
}
