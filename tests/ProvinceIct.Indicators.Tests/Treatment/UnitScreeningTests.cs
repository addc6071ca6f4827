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

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-15;

        public int GetHashCode(double obj) => 0;
    }
}
