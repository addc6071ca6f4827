using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Series;

public class IndicatorTrendsTests
{
    [Fact]
    public void Compute_ThreeYears_ChangePercentAndCagr()
    {
        // 2019 -> 2021 (D absent in 2019: no row). B 2 -> 4: +2, +100%, CAGR (2^(1/2) - 1) x 100 = 41.4214%.
        // C 3 -> 2: -1, -33.33%, CAGR ((2/3)^(1/2) - 1) x 100 = -18.3503%. A 1 -> 1: 0, 0%, 0%.
        var t = IndicatorTrends.Compute(IndexSeries.Create(IndexSeriesTests.ThreeYears()));
        Assert.Equal((2019, 2021), (t.FromYear, t.ToYear));
        Assert.Equal(["A", "B", "C"], t.Rows.Select(r => r.UnitCode));
        var b = t.Rows[1];
        Assert.Equal(2, b.Change);
        AssertNumeric.Close(100, b.PercentChange);
        AssertNumeric.Close((Math.Sqrt(2) - 1) * 100, b.Cagr);
        var c = t.Rows[2];
        AssertNumeric.Close(-100.0 / 3, c.PercentChange);
        AssertNumeric.Close((Math.Sqrt(2.0 / 3) - 1) * 100, c.Cagr);
        Assert.Equal(0, t.Rows[0].Cagr);
        Assert.Equal(3, t.For("x").Length);
        Assert.Equal(3, t.ToTable().Rows.Length);
    }

    [Theory]
    [InlineData(0, 5, double.NaN, double.NaN)] // zero base: no percent, no growth rate
    [InlineData(-2, 1, 150, double.NaN)] // negative base: (1 - -2) / |-2| = +150%, no CAGR
    [InlineData(4, double.NaN, double.NaN, double.NaN)] // missing
    public void IndicatorTrend_ZeroNegativeOrMissingBase_PolicyHolds(double from, double to, double percent, double cagr)
    {
        var r = new IndicatorTrend("u", "U", "x", 2019, 2021, from, to);
        Assert.Equal(percent, r.PercentChange);
        Assert.Equal(cagr, r.Cagr);
    }

    [Fact]
    public void Compute_Crossing2025_EarlierValuesCarriedToThe34()
    {
        // Cần Thơ (92): 2024 carried = 92 + 93 + 94 = 279; 2025 = 92: change -187.
        var t = IndicatorTrends.Compute(IndexSeriesTests.Crossing());
        Assert.Equal(34, t.Rows.Length);
        Assert.Equal(-187, t.Rows.Single(r => r.UnitCode == "92").Change);
    }

    [Fact]
    public void Compute_YearsReversed_Throws()
    {
        var s = IndexSeries.Create(IndexSeriesTests.ThreeYears());
        Assert.Throws<ArgumentException>(() => IndicatorTrends.Compute(s, 2021, 2019));
        Assert.Throws<KeyNotFoundException>(() => IndicatorTrends.Compute(s, 2018));
    }
}
