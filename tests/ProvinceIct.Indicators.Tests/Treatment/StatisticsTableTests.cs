using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class StatisticsTableTests
{
    private static readonly double N = double.NaN;

    private static Dataset Data() => Dataset.FromColumns(
        Enumerable.Range(1, 6).Select(i => Unit.Create("U" + i)),
        [
            KeyValuePair.Create("a", new double[] { 1, 2, 3, 10, N, 4 }),
            KeyValuePair.Create("twice_a", new double[] { 2, 4, 6, 20, 8, N }),
            KeyValuePair.Create("sparse", new double[] { 0, N, N, N, 0, 5 }),
            KeyValuePair.Create("outlier", new double[] { 1, 2, 3, 4, 5, 1000 }),
        ]);

    [Fact]
    public void Compute_Column_GivesDescriptiveStatistics()
    {
        var s = StatisticsTable.Compute(Data())["a"];
        // present: 1, 2, 3, 10, 4 -> n 5, mean 20 / 5 = 4, median 3
        // d = -3, -2, -1, 6, 0: sum d^2 = 50, sd = sqrt(50 / 4)
        Assert.Equal((6, 5, 1), (s.UnitCount, s.Count, s.MissingCount));
        Assert.Equal((1.0, 10.0, 4.0, 3.0), (s.Min, s.Max, s.Mean, s.Median));
        AssertNumeric.Close(Math.Sqrt(12.5), s.StandardDeviation);
        // G1 = [sqrt(5) * 180 / 50^1.5] * sqrt(5 * 4) / 3
        AssertNumeric.Close(Math.Sqrt(5) * 180 / Math.Pow(50, 1.5) * Math.Sqrt(20) / 3, s.Skewness, 1e-14);
        // r = 5 * 1394 / 2500 = 2.788; G2 = (6 (2.788 - 3) + 6) * 4 / (3 * 2) = 4.728 * 4 / 6 = 3.152
        AssertNumeric.Close(3.152, s.Kurtosis, 1e-13);
        Assert.Equal((0, 5), (s.ZeroCount, s.UniqueCount));
    }

    [Fact]
    public void Compute_ProportionalColumns_FlagsCollinearityOverPairwiseCompleteRows()
    {
        // a and twice_a share rows U1..U4 (twice_a = 2a there); U5 and U6 each miss one of them.
        var t = StatisticsTable.Compute(Data());
        Assert.Equal(["twice_a"], t["a"].CollinearWith.ToArray());
        Assert.Equal(["a"], t["twice_a"].CollinearWith.ToArray());
        Assert.Empty(t["outlier"].CollinearWith);
    }

    [Fact]
    public void Compute_SparseZeroColumn_FlagsAvailabilityAndZeros()
    {
        var s = StatisticsTable.Compute(Data())["sparse"];
        // 3 of 6 present = 0.5 < 0.65; zeros 2 of 3 = 0.667 > 0.5
        Assert.Equal(0.5, s.Availability);
        Assert.True(s.LowAvailability);
        Assert.True(s.HighZeroShare);
        Assert.False(s.FailsSkewKurtosis); // n = 3: no kurtosis, nothing to test
        Assert.True(double.IsNaN(s.Kurtosis));
    }

    [Fact]
    public void Compute_OneHugeValue_FailsSkewKurtosisRule()
    {
        var t = StatisticsTable.Compute(Data());
        Assert.True(t["outlier"].FailsSkewKurtosis);
        Assert.False(t["a"].FailsSkewKurtosis); // G1 1.64 < 2
        Assert.Contains(t.Flagged, r => r.IndicatorCode == "outlier");
    }

    [Fact]
    public void Compute_ThresholdsChanged_FlagsFollow()
    {
        var t = StatisticsTable.Compute(Data(), StatisticsThresholds.Default.WithAvailability(0.4).WithZeroShare(0.7), ["sparse"]);
        Assert.False(t["sparse"].LowAvailability);
        Assert.False(t["sparse"].HighZeroShare);
        Assert.Single(t.Rows);
    }

    [Fact]
    public void ToCsv_Table_HasHeaderAndOneLinePerIndicator()
    {
        var csv = StatisticsTable.Compute(Data()).ToCsv();
        var lines = csv.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("indicator,n,missing,min,max,mean,median,sd,skewness,kurtosis", lines[0], StringComparison.Ordinal);
        Assert.Equal("sparse,3,3,0,5,1.6666666666666667,0,2.8867513459481287,1.7320508075688765,,2,2,true,false,true,", lines[3]);
    }

    [Fact]
    public void ToTable_Table_FlagsRowsAndKeepsNumbers()
    {
        var t = StatisticsTable.Compute(Data()).ToTable();
        Assert.Equal(4, t.Rows.Length);
        Assert.All(t.Rows, r => Assert.Equal("flagged", r.Class)); // every indicator of the fixture is flagged
        Assert.Equal(1.6666666666666667, t[2, 5].NumberValue); // sparse: mean of 0, 0, 5
    }

    [Fact]
    public void ToString_Table_CountsFlagged() =>
        Assert.Equal("StatisticsTable: 4 indicators, 4 flagged", StatisticsTable.Compute(Data()).ToString());
}
