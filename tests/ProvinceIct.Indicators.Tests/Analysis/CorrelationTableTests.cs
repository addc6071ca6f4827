using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class CorrelationTableTests
{
    private static readonly double[] X = [1, 2, 3, 4, 5];
    private static readonly double[] Y = [2, 4, 5, 4, 5];

    [Fact]
    public void Correlate_PearsonHandCase_MatchesHandValueAndR()
    {
        // dx = -2..2, dy = -2, 0, 1, 0, 1: sum dx dy = 6, sum dx^2 = 10, sum dy^2 = 6 -> r = 6 / sqrt(60)
        // t = r sqrt(3 / (1 - 0.6)) = sqrt(4.5) = 2.1213 with 3 df; R cor.test: p = 0.124
        var e = CorrelationTable.Correlate(X, Y);
        AssertNumeric.Close(6 / Math.Sqrt(60), e.Coefficient);
        AssertNumeric.Close(2 * StudentT.CDF(0, 1, 3, -Math.Sqrt(4.5)), e.PValue, 1e-12);
        Assert.InRange(e.PValue, 0.1235, 0.1245);
        Assert.Equal(5, e.Pairs);
    }

    [Fact]
    public void Correlate_SpearmanWithTies_UsesAverageRanks()
    {
        // ranks of y: 1, 2.5, 4.5, 2.5, 4.5; against 1..5: sum dx dy = 7, sum dy^2 = 9 -> rho = 7 / sqrt(90)
        var e = CorrelationTable.Correlate(X, Y, CorrelationMethod.Spearman);
        AssertNumeric.Close(7 / Math.Sqrt(90), e.Coefficient);
        var t = e.Coefficient * Math.Sqrt(3 / (1 - (e.Coefficient * e.Coefficient)));
        AssertNumeric.Close(2 * StudentT.CDF(0, 1, 3, -t), e.PValue);
    }

    [Fact]
    public void Correlate_KendallTauBWithTies_MatchesHandValue()
    {
        // 7 concordant, 1 discordant, 2 pairs tied in y: tau-b = 6 / sqrt(10 * (10 - 2))
        // var S = (5*4*15 - 2*(2*1*9)) / 18 = 264 / 18; z = 6 / sqrt(264 / 18) = 1.5667; R: p = 0.1172
        var e = CorrelationTable.Correlate(X, Y, CorrelationMethod.Kendall);
        AssertNumeric.Close(6 / Math.Sqrt(80), e.Coefficient);
        AssertNumeric.Close(2 * Normal.CDF(0, 1, -6 / Math.Sqrt(264.0 / 18)), e.PValue);
        Assert.InRange(e.PValue, 0.1167, 0.1177);
    }

    [Fact]
    public void Correlate_RandomDataWithMissing_MatchesMathNetOnCompletePairs()
    {
        var rng = new Random(42);
        for (var trial = 0; trial < 20; trial++)
        {
            var n = 10 + rng.Next(40);
            var a = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.1 ? double.NaN : rng.NextDouble() * 10).ToArray();
            var b = a.Select(v => rng.NextDouble() < 0.1 ? double.NaN : (v * 0.5) + rng.NextDouble() * 5).ToArray();
            var keep = Enumerable.Range(0, n).Where(i => !double.IsNaN(a[i]) && !double.IsNaN(b[i])).ToArray();
            var ca = keep.Select(i => a[i]).ToArray();
            var cb = keep.Select(i => b[i]).ToArray();
            var p = CorrelationTable.Correlate(a, b);
            var s = CorrelationTable.Correlate(a, b, CorrelationMethod.Spearman);
            AssertNumeric.Close(Correlation.Pearson(ca, cb), p.Coefficient, 1e-12);
            AssertNumeric.Close(Correlation.Spearman(ca, cb), s.Coefficient, 1e-12);
            Assert.Equal(keep.Length, p.Pairs);
        }
    }

    [Theory]
    [InlineData(new[] { 1.0, double.NaN, 3.0 }, new[] { 2.0, 5.0, double.NaN })] // one pair left
    [InlineData(new[] { 1.0, 1.0, 1.0 }, new[] { 2.0, 5.0, 7.0 })]               // constant column
    [InlineData(new double[0], new double[0])]                                  // empty
    public void Correlate_TooFewPairsOrConstant_IsNaN(double[] a, double[] b)
    {
        foreach (var method in Enum.GetValues<CorrelationMethod>())
        {
            var e = CorrelationTable.Correlate(a, b, method);
            Assert.True(double.IsNaN(e.Coefficient));
            Assert.True(double.IsNaN(e.PValue));
        }
    }

    [Fact]
    public void Correlate_PerfectLine_PValueZero()
    {
        var e = CorrelationTable.Correlate(X, X.Select(v => (2 * v) + 1).ToArray());
        Assert.Equal(1.0, e.Coefficient, 12);
        Assert.Equal(0.0, e.PValue);
    }

    [Fact]
    public void FromResult_Tiny_FlagsNegativeAndCollinearChildren()
    {
        // P1 = (3 i1 + i2) / 4 = 25, 50, 75; i2 normalised = 100, 50, 0: r(i1, i2) = -1, r(i2, P1) = -1.
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var table = CorrelationTable.FromResult(result);
        Assert.Equal(result.NodeCodes, table.Codes);
        AssertNumeric.Close(-1, table.Coefficient("i1", "i2"));
        Assert.Contains(table.Flags, f => f.Kind == CorrelationFlagKind.Collinear && f.NodeCode == "P1" && f.Code == "i1" && f.OtherCode == "i2");
        Assert.Contains(table.Flags, f => f.Kind == CorrelationFlagKind.NegativeWithParent && f.Code == "i2" && f.OtherCode == "P1");
        Assert.DoesNotContain(table.Flags, f => f.Code == "i1" && f.Kind != CorrelationFlagKind.Collinear);
        var p1 = table.NodeCorrelations.Single(n => n.NodeCode == "P1");
        Assert.Equal("IDX", p1.ParentCode);
        Assert.Equal(p1.WithParent, p1.WithIndex);
    }

    [Fact]
    public void FromResult_Embedded_IsSymmetricWithUnitDiagonal()
    {
        var result = Indicators.Presets.OpenReadiness2016.Compute();
        var table = CorrelationTable.FromResult(result, CorrelationMethod.Kendall);
        foreach (var a in table.Codes)
        {
            AssertNumeric.Close(1, table.Coefficient(a, a));
            foreach (var b in table.Codes)
            {
                Assert.Equal(table[a, b], table[b, a]);
            }
        }

        Assert.Equal(result.NodeCodes.Length - 1, table.NodeCorrelations.Length);
        var pearson = CorrelationTable.FromResult(result);
        var flag = Assert.Single(pearson.Flags);
        Assert.Equal(CorrelationFlagKind.NegativeWithIndex, flag.Kind);
        Assert.Equal("firms_using_website_share", flag.Code);
        Assert.Equal("open_readiness_2016", flag.OtherCode);
        Assert.StartsWith("CorrelationTable Kendall: 17 columns", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_FromColumns_HasUpperTriangleRows()
    {
        var table = CorrelationTable.FromColumns(["x", "y"], [X, Y]);
        var lines = table.ToCsv().Split('\n');
        Assert.Equal("a,b,coefficient,p_value,pairs", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("x,y,0.77459666924148", lines[2], StringComparison.Ordinal);
        Assert.Contains("| x | 1.00 | 0.77 |", table.ToMarkdown(), StringComparison.Ordinal);
        Assert.Empty(table.Flags);
    }

    [Theory]
    [InlineData(0.9, 0.0)]
    [InlineData(0.9, 1.0)]
    [InlineData(1.1, 0.05)]
    public void FromResult_ThresholdOutOfRange_Throws(double collinearity, double significance)
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationTable.FromResult(result, CorrelationMethod.Pearson, collinearity, significance));
    }

    [Fact]
    public void FromColumns_DuplicateCodes_Throws() =>
        Assert.Throws<ArgumentException>(() => CorrelationTable.FromColumns(["x", "x"], [X, Y]));

    [Fact]
    public void Estimate_ToString_IsInvariant() =>
        Assert.Equal("r=0.5000 (p=0.0100, n=10)", new CorrelationEstimate(0.5, 0.01, 10).ToString());

    [Fact]
    public void ToTables_FromColumns_MatrixAndPairs()
    {
        var table = CorrelationTable.FromColumns(["x", "y"], [X, Y]);
        var tables = table.ToTables();
        Assert.Equal(["correlation-matrix", "correlations"], tables.Select(t => t.Name));
        var matrix = tables[0];
        Assert.Equal(["code", "x", "y"], matrix.Columns.Select(c => c.Key));
        Assert.Equal("Pearson", matrix.Columns[0].Header);
        Assert.Equal(1, matrix[0, 1].NumberValue);
        Assert.Equal(table.ToCsv() + "\n", table.ToTable().ToCsv());
        Assert.Empty(table.ToNodeTable().Rows);
    }

    [Fact]
    public void ToNodeTable_Embedded_SmallPValuesShownAsBelowOneThousandth()
    {
        var table = CorrelationTable.FromResult(Indicators.Presets.OpenReadiness2016.Compute());
        var nodes = table.ToNodeTable();
        Assert.Equal(table.NodeCorrelations.Length, nodes.Rows.Length);
        Assert.All(nodes.Rows.Where(r => r[4].NumberValue < 0.001), r => Assert.Equal("<0.001", r[4].Display));
        Assert.Equal(3, table.ToTables().Length);
    }
}
