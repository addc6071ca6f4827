using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class PanelImputerTests
{
    private static readonly double N = double.NaN;

    // Unit A over 2016..2020: missing, 10, missing, missing, 40 -> then 2021 missing. Unit B appears only in 2016.
    private static Dictionary<int, Dataset> Panel()
    {
        double[] a = [N, 10, N, N, 40, N];
        var panel = new Dictionary<int, Dataset>();
        for (var t = 0; t < a.Length; t++)
        {
            var units = t == 0 ? new[] { Unit.Create("A"), Unit.Create("B") } : [Unit.Create("A")];
            var values = t == 0 ? new double[,] { { a[t] }, { 7 } } : new double[,] { { a[t] } };
            panel[2016 + t] = Dataset.Create(units, ["x"], values);
        }

        return panel;
    }

    [Fact]
    public void Apply_CarryForward_TakesTheLatestEarlierValue()
    {
        var r = PanelImputer.LastObservationCarriedForward.Apply(Panel());
        Assert.Equal([N, 10, 10, 10, 40, 40], Enumerable.Range(2016, 6).Select(y => r[y].Value("A", "x")));
        var first = r.LeftMissing.Single();
        Assert.Equal((2016, "A", ImputationOutcome.NoEarlierObservation), (first.Year, first.UnitCode, first.Outcome));
        Assert.Equal(3, r.Imputed.Count()); // 2018, 2019, 2021
    }

    [Fact]
    public void Apply_Linear_InterpolatesBetweenNearestYearsAndLeavesEndsMissing()
    {
        var r = PanelImputer.Linear().Apply(Panel());
        // 2018: 10 + (40 - 10) * (2018 - 2017) / (2020 - 2017) = 20; 2019: 10 + 30 * 2 / 3 = 30
        var a = Enumerable.Range(2016, 6).Select(y => r[y].Value("A", "x")).ToArray();
        Assert.True(double.IsNaN(a[0]));
        AssertNumeric.Close([10, 20, 30, 40], a[1..5]);
        Assert.True(double.IsNaN(a[5]));
        Assert.Equal([ImputationOutcome.NoEarlierObservation, ImputationOutcome.NoLaterObservation], r.LeftMissing.Select(e => e.Outcome));
        Assert.All(r.Imputed, e => Assert.Equal(ImputationMethod.LinearInterpolation, e.Method));
    }

    [Fact]
    public void Apply_LinearWithCarryForward_FillsTheTrailingYear()
    {
        var r = PanelImputer.Linear(PanelEndPolicy.CarryForward).Apply(Panel());
        Assert.Equal(40, r[2021].Value("A", "x"));
        var last = r.Imputed.Single(e => e.Year == 2021);
        Assert.Equal(ImputationMethod.LastObservationCarriedForward, last.Method);
        Assert.True(double.IsNaN(r[2016].Value("A", "x"))); // never backwards
    }

    [Fact]
    public void Apply_UnitAbsentInOtherYears_KeepsItsRowUnchanged()
    {
        var r = PanelImputer.Linear().Apply(Panel());
        Assert.Equal(7, r[2016].Value("B", "x"));
        Assert.Equal(1, r[2017].UnitCount);
    }

    [Fact]
    public void Apply_EmptyPanel_Throws() =>
        Assert.Throws<ArgumentException>(() => PanelImputer.LastObservationCarriedForward.Apply(new Dictionary<int, Dataset>()));
}
