using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class DenominationTests
{
    private static Dataset Source() => Dataset.Create(
        [Unit.Create("A"), Unit.Create("B"), Unit.Create("C")], ["students", "servers", "pop_thousand"],
        new double[,] { { 500, 10, 250 }, { double.NaN, 4, 100 }, { 30, 3, 60 } });

    [Fact]
    public void Apply_ChosenColumns_DividedInPlaceOthersKept()
    {
        var d = Denomination.Apply(Source(), ["students"], "pop_thousand", 10);
        // A: 10 * 500 / 250 = 20; B: missing stays missing; C: 10 * 30 / 60 = 5
        Assert.Equal(["students", "servers", "pop_thousand"], d.IndicatorCodes.ToArray());
        Assert.Equal([20, double.NaN, 5], d.Column("students").ToArray());
        Assert.Equal([10, 4, 3], d.Column("servers").ToArray());
        Assert.Equal([250, 100, 60], d.Column("pop_thousand").ToArray());
    }

    [Fact]
    public void Apply_ZeroDenominator_ErrorNamesUnit()
    {
        var ex = Assert.Throws<ValidationException>(() => Denomination.Apply(Source().WithValue("B", "pop_thousand", 0), ["students", "servers"], "pop_thousand"));
        var p = Assert.Single(ex.Report.Problems); // B's students value is missing: only servers meets the zero
        Assert.Equal(("B", "servers"), (p.UnitCode, p.IndicatorCode));
    }

    [Fact]
    public void Apply_DenominatorAmongColumns_Throws() =>
        Assert.Throws<ArgumentException>(() => Denomination.Apply(Source(), ["pop_thousand"], "pop_thousand"));
}
