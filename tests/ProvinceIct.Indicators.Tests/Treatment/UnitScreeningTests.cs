using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class UnitScreeningTests
{
    private static readonly double N = double.NaN;

    // A: 3/3 present, B: 2/3, C: 1/3, D: 0/3
    private static Dataset Data() => Dataset.Create(
        [Unit.Create("A"), Unit.Create("B"), Unit.Create("C"), Unit.Create("D")], ["x", "y", "z"],
        new double[,] { { 1, 2, 3 }, { 4, N, 6 }, { N, N, 9 }, { N, N, N } });

    [Fact]
    public void Apply_DefaultTwoThirds_KeepsUnitsAtTheThreshold()
    {
        var r = UnitScreening.Default.Apply(Data());
        Assert.Equal(["A", "B"], r.Dataset.Units.Select(u => u.Code));
        Assert.Equal(["C", "D"], r.Removed.Select(u => u.UnitCode));
        Assert.Equal([1, 2.0 / 3, 1.0 / 3, 0], r.Units.Select(u => u.Availability), new ToleranceComparer());
        Assert.Equal(6, r.Dataset.Value("B", "z"));
        Assert.Equal("ScreeningResult: 4 -> 2 units (2 removed)", r.ToString());
    }

    [Fact]
    public void Apply_ForcedUnits_OverrideTheThreshold()
    {
        var s = UnitScreening.ByAvailability(0.5).WithForceInclude("D").WithForceExclude("A");
        var r = s.Apply(Data());
        Assert.Equal(["B", "D"], r.Dataset.Units.Select(u => u.Code));
        Assert.Equal([ScreeningDecision.ForceExcluded, ScreeningDecision.Kept, ScreeningDecision.Removed, ScreeningDecision.ForceIncluded], r.Units.Select(u => u.Decision));
    }

    [Fact]
    public void Apply_OnlySomeIndicatorsCount_AvailabilityOverThose()
    {
        var r = UnitScreening.ByAvailability(1).Apply(Data(), ["z"]);
        Assert.Equal(["A", "B", "C"], r.Dataset.Units.Select(u => u.Code));
        Assert.Equal(3, r.Dataset.IndicatorCount);
    }

    [Fact]
    public void Apply_UnknownForcedUnit_ReportsEach()
    {
        var ex = Assert.Throws<ValidationException>(() => UnitScreening.Default.WithForceInclude("Q").WithForceExclude("R").Apply(Data()));
        Assert.Equal(["Q", "R"], ex.Report.Problems.Select(p => p.UnitCode));
    }

    [Fact]
    public void WithForceExclude_AlsoForcedIn_Throws() =>
        Assert.Throws<ArgumentException>(() => UnitScreening.Default.WithForceInclude("A").WithForceExclude("A"));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void ByAvailability_OutsideUnitInterval_Throws(double t) => Assert.Throws<ArgumentOutOfRangeException>(() => UnitScreening.ByAvailability(t));

    // Zeros: A (0, 0, 3) 2 zeros of 3 present; B (0, N, 6) 1 zero of 2; C (N, N, 9) none of 1; D all missing.
    private static Dataset Zeros() => Dataset.Create(
        [Unit.Create("A"), Unit.Create("B"), Unit.Create("C"), Unit.Create("D")], ["x", "y", "z"],
        new double[,] { { 0, 0, 3 }, { 0, N, 6 }, { N, N, 9 }, { N, N, N } });

    [Fact]
    public void Apply_ZeroCounts_CountsZerosAmongPresentValues()
    {
        // N_zero: A 2, B 1, C 0, D 0; N_missing: 0, 1, 2, 3; N_miss_or_zero: 2, 2, 2, 3.
        // Non_Zero = 1 - N_zero / present: A 1 - 2/3 = 1/3, B 1 - 1/2 = 0.5, C 1 - 0/1 = 1, D 0/0 = NaN.
        var r = UnitScreening.ByAvailability(0).Apply(Zeros());
        Assert.Equal([2, 1, 0, 0], r.Units.Select(u => u.ZeroCount));
        Assert.Equal([0, 1, 2, 3], r.Units.Select(u => u.MissingCount));
        Assert.Equal([2, 2, 2, 3], r.Units.Select(u => u.MissingOrZeroCount));
        Assert.Equal([1.0 / 3, 0.5, 1, N], r.Units.Select(u => u.NonZeroShare), new ToleranceComparer());
    }

    [Fact]
    public void Apply_ByZerosHalf_RemovesUnitsBelowAndTheAllMissingUnit()
    {
        // Non-zero shares 1/3, 0.5, 1, NaN against 0.5: A is below; B meets it exactly; D's NaN never meets it.
        var r = UnitScreening.ByZeros(0.5).Apply(Zeros());
        Assert.Equal(["B", "C"], r.Dataset.Units.Select(u => u.Code));
        Assert.Equal("UnitScreening: non-zero >= 0.5, 0 forced in, 0 forced out", UnitScreening.ByZeros(0.5).ToString());
    }

    [Fact]
    public void Apply_ByZerosDefault_KeepsEveryUnitWithAnyNonZeroValue()
    {
        // COINr's default 0.05: A (1/3), B (0.5), C (1) pass; D (NaN) is removed.
        var r = UnitScreening.ByZeros().Apply(Zeros());
        Assert.Equal(["A", "B", "C"], r.Dataset.Units.Select(u => u.Code));
    }

    [Fact]
    public void Apply_ByMissingOrZeros_RemovesUnitsFailingEitherTest()
    {
        // Availability 1, 2/3, 1/3, 0 against 0.6 and non-zero 1/3, 0.5, 1, NaN against 0.4:
        // A fails zeros, C fails availability, D fails both; only B passes both.
        var r = UnitScreening.ByMissingOrZeros(0.6, 0.4).Apply(Zeros());
        Assert.Equal(["B"], r.Dataset.Units.Select(u => u.Code));
        Assert.Equal(UnitScreenRule.ByMissingOrZeros, UnitScreening.ByMissingOrZeros().Rule);
        Assert.Equal((2.0 / 3, 0.05), (UnitScreening.ByMissingOrZeros().Threshold, UnitScreening.ByMissingOrZeros().NonZeroThreshold));
    }

    [Fact]
    public void Apply_WithFramework_IgnoresDenominatorColumns()
    {
        // A denominator column 'pop' of zeros. Over the framework's i1..i3 only: A (0, 10, 5) has 1 zero of 3 present,
        // non-zero 1 - 1/3 = 2/3 >= 0.6, kept. Counting pop too, A would have 2 zeros of 4, 1 - 2/4 = 0.5 < 0.6, removed.
        var data = Support.TinyIndex.Data().WithColumn("pop", [0, 0, 0]);
        var r = UnitScreening.ByZeros(0.6).Apply(data, Support.TinyIndex.Framework());
        Assert.Equal([3, 3, 3], r.Units.Select(u => u.IndicatorCount));
        Assert.Equal([1, 0, 0], r.Units.Select(u => u.ZeroCount));
        Assert.Equal(["A", "B", "C"], r.Dataset.Units.Select(u => u.Code));
        Assert.Equal(4, r.Dataset.IndicatorCount);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void ByZeros_OutsideUnitInterval_Throws(double t) => Assert.Throws<ArgumentOutOfRangeException>(() => UnitScreening.ByZeros(t));

    [Fact]
    public void Equals_DifferentRuleOrNonZeroThreshold_NotEqual()
    {
        Assert.NotEqual(UnitScreening.ByZeros(), UnitScreening.ByMissingOrZeros());
        Assert.NotEqual(UnitScreening.ByZeros(0.1), UnitScreening.ByZeros(0.2));
        Assert.Equal(UnitScreening.ByZeros(0.1).WithForceInclude("A"), UnitScreening.ByZeros(0.1).WithForceInclude("A"));
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) < 1e-15;

        public int GetHashCode(double obj) => 0;
    }
}
