using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Tests.Series;

public class PlausibilityReportTests
{
    [Fact]
    public void Check_DefaultFactor2_FlagsDoublingAndHalving()
    {
        // Counts, factor 2: 2020 A 1 -> 3 (> 2); 2021 A 3 -> 1 (< 1.5), D 1 -> 3 (> 2); B 2 -> 4 is exactly double: not flagged.
        var r = PlausibilityReport.Check(IndexSeries.Create(IndexSeriesTests.ThreeYears()));
        Assert.Equal(["2020 A", "2021 A", "2021 D"], r.Flags.Select(f => f.Year + " " + f.UnitCode));
        var a = r.Flags[0];
        Assert.Equal((2019, 1.0, 3.0, PlausibilityReason.ChangeTooLarge, KindCategory.Count), (a.PreviousYear, a.PreviousValue, a.Value, a.Reason, a.Category));
        Assert.Equal("Count: factor 2", a.Rule);
        Assert.Equal(3, r.ToTable().Rows.Length);
    }

    [Fact]
    public void Check_WithMaximum_FlagsValuesAbove()
    {
        var r = PlausibilityReport.Check(IndexSeries.Create(IndexSeriesTests.ThreeYears()), PlausibilityThresholds.None.WithMaximum("x", 3.5));
        var f = Assert.Single(r.Flags);
        Assert.Equal(("B", 2021, 4.0, PlausibilityReason.AboveMaximum), (f.UnitCode, f.Year, f.Value, f.Reason));
    }

    [Theory]
    [InlineData(ChangeMeasure.Factor, 1.0)]
    [InlineData(ChangeMeasure.Absolute, 0.0)]
    [InlineData(ChangeMeasure.Absolute, double.NaN)]
    public void With_LimitOutOfRange_Throws(ChangeMeasure measure, double limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PlausibilityThresholds.Default.With(KindCategory.Count, measure, limit));

    [Fact]
    public void Check_AbsoluteLimitOnCounts_FlagsMovesAboveIt()
    {
        // |change| > 1.5: 2020 A 1 -> 3 (2); 2021 A 3 -> 1 (2), B 2 -> 4 (2), D 1 -> 3 (2).
        var r = PlausibilityReport.Check(IndexSeries.Create(IndexSeriesTests.ThreeYears()), PlausibilityThresholds.None.With(KindCategory.Count, ChangeMeasure.Absolute, 1.5));
        Assert.Equal(4, r.Flags.Length);
    }
}
