using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class DerivationTests
{
    private static Dataset Source() => Dataset.Create(
        [Unit.Create("A"), Unit.Create("B"), Unit.Create("C")], ["students", "pop_thousand"],
        new double[,] { { 500, 250 }, { double.NaN, 100 }, { 30, 0 } });

    [Fact]
    public void Apply_RatioAndCopy_ComputesPerUnit()
    {
        var d = Derivation.Apply(Source().WithValue("C", "pop_thousand", 60), [DerivedColumn.Ratio("per_10k", "students", "pop_thousand", 10), DerivedColumn.Copy("pop", "pop_thousand")]);
        // A: 500 / (250 / 10) = 20; B: missing numerator -> missing; C: 30 / 6 = 5
        Assert.Equal([20, double.NaN, 5], d.Column("per_10k").ToArray());
        Assert.Equal([250, 100, 60], d.Column("pop").ToArray());
    }

    [Fact]
    public void Apply_ZeroDenominator_ErrorNamesUnit()
    {
        var ex = Assert.Throws<ValidationException>(() => Derivation.Apply(Source(), [DerivedColumn.Ratio("per_10k", "students", "pop_thousand", 10)]));
        var p = Assert.Single(ex.Report.Problems);
        Assert.Equal(("C", "per_10k", 3), (p.UnitCode, p.IndicatorCode, p.Row));
    }

    [Fact]
    public void Apply_UnknownColumn_ReportsEach()
    {
        var ex = Assert.Throws<ValidationException>(() => Derivation.Apply(Source(), [DerivedColumn.Ratio("x", "nope", "nada")]));
        Assert.Equal(2, ex.Report.Problems.Length);
    }

    [Fact]
    public void Ratio_ZeroScale_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => DerivedColumn.Ratio("x", "a", "b", 0));
}
