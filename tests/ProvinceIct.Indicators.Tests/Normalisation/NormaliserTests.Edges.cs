using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Normalisation;

public partial class NormaliserTests
{
    private const double Big = 1.7e308;

    [Fact]
    public void MinMax_ValuesSpanningMaxValue_RangeDoesNotOverflow() =>
        // range 3.4e308 overflows; (x/2 - min/2) / (max/2 - min/2): 0, 0.85e308 / 1.7e308 = 0.5, 1
        AssertNumeric.Close([0, 50, 100], Normaliser.MinMax().Apply([-Big, 0, Big]));

    [Fact]
    public void MinMax_BoundsNearMaxValue_OutputDoesNotOverflow() =>
        // t = 0, 0.5, 1 into [-1.7e308, 1.7e308]: (1 - t) l + t u = -1.7e308, 0, 1.7e308
        Assert.Equal([-Big, 0, Big], Normaliser.MinMax(-Big, Big).Apply([0, 5, 10]));

    [Fact]
    public void DistanceToMax_ValuesSpanningMaxValue_RangeDoesNotOverflow() =>
        // 1 - (max - x) / (max - min): 1 - 1, 1 - 0.5, 1 - 0
        AssertNumeric.Close([0, 0.5, 1], Normaliser.DistanceToMax().Apply([-Big, 0, Big]));

    [Fact]
    public void ZScore_ValuesAround1e300_KeepTheirSpread()
    {
        // mean 2e-300, deviations -1e-300, 0, 1e-300 (their squares underflow to 0 unless scaled first),
        // sd = sqrt(2e-600 / 2) = 1e-300: z = -1, 0, 1
        var z = Normaliser.ZScore().Apply([1e-300, 2e-300, 3e-300]);
        AssertNumeric.Close([-1, 0, 1], z, 1e-12);
    }

    [Fact]
    public void ZScore_ValuesSpanningMaxValue_SquaresDoNotOverflow() =>
        // mean 0, sd = sqrt((1.7e308^2 + 0 + 1.7e308^2) / 2) = 1.7e308: z = -1, 0, 1
        AssertNumeric.Close([-1, 0, 1], Normaliser.ZScore().Apply([-Big, 0, Big]));

    [Fact]
    public void ZScore_SumOverflows_MeanStillRight()
    {
        // 1.7e308 + 1.7e308 + 1.6e308 overflows; mean = 5e308 / 3, deviations e308 * (1/30, 1/30, -2/30),
        // sd = e308 * sqrt((1 + 1 + 4) / 900 / 2) = e308 / sqrt(300); z = (1/30) sqrt(300) = 1/sqrt(3), -2/sqrt(3)
        var z = Normaliser.ZScore().Apply([Big, Big, 1.6e308]);
        AssertNumeric.Close([1 / Math.Sqrt(3), 1 / Math.Sqrt(3), -2 / Math.Sqrt(3)], z, 1e-9);
    }

    [Fact]
    public void PercentileRank_BoundsNearMaxValue_OutputDoesNotOverflow() =>
        // ranks 1, 2, 3 -> t = 0, 0.5, 1 into [-1.7e308, 1.7e308]
        Assert.Equal([-Big, 0, Big], Normaliser.PercentileRank(-Big, Big).Apply([1, 2, 3]));

    [Fact]
    public void FractionOfMax_ValuesNearMaxValue_Exact() =>
        // x / max: 1, 0.5
        AssertNumeric.Close([1, 0.5], Normaliser.FractionOfMax().Apply([Big, Big / 2]));

    [Fact]
    public void Goalposts_NearMaxValue_WidthDoesNotOverflow()
    {
        var def = IndicatorDefinition.Create("g", "G", IndicatorKind.Real) with { Goalposts = new Goalposts(-Big, Big) };
        // (x - lo) / (hi - lo) in halves: 0 -> 0.85e308 / 1.7e308 = 0.5; 0.85e308 -> 1.275e308 / 1.7e308 = 0.75; -1.7e308 -> 0
        AssertNumeric.Close([0.5, 0.75, 0], Normaliser.Goalposts().Apply([0, Big / 2, -Big], def));
    }

    [Fact]
    public void Goalposts_AtMaxValue_Construct()
    {
        var g = new Goalposts(-double.MaxValue, double.MaxValue);
        Assert.Equal(double.MaxValue, g.Upper);
    }

    [Fact]
    public void DistanceToTarget_ValuesAndTargetSpanningMaxValue_DoesNotOverflow()
    {
        var def = IndicatorDefinition.Create("t", "T", IndicatorKind.Real) with { Target = Big };
        // (x - min) / (target - min) in halves: -1.7e308 -> 0; 0 -> 0.5; 1.7e308 -> 1
        AssertNumeric.Close([0, 0.5, 1], Normaliser.DistanceToTarget().Apply([-Big, 0, Big], def));
    }

    [Fact]
    public void DistanceToReference_ResultBeyondDouble_ThrowsNamingUnitAndIndicator()
    {
        // reference B = 1e-300, worst 0: C = 1 - (1e-300 - 1e300) / 1e-300 = 1e600, which no double holds
        var def = IndicatorDefinition.Create("d", "D", IndicatorKind.Real);
        var ex = Assert.Throws<CalculationException>(() => Normaliser.DistanceToReference("B").Apply([0, 1e-300, 1e300], def, ["A", "B", "C"]));
        Assert.Equal(ProblemCode.NonFiniteValue, ex.Code);
        Assert.Equal("d", ex.NodeCode);
        Assert.Equal("C", ex.UnitCode);
    }

    [Fact]
    public void DistanceToReference_ResultBeyondDoubleAmongNineUnits_ThrowsNamingThatUnitNotTheMissingOne()
    {
        // Nine units, so the guard's four-at-a-time pass sees the overflow: E (1e300) comes out 1e600; F is missing
        // (NaN in, NaN out) and is not an error.
        var def = IndicatorDefinition.Create("d", "D", IndicatorKind.Real);
        double[] x = [0, 1e-300, 1, 2, 1e300, double.NaN, 3, 4, 5];
        var ex = Assert.Throws<CalculationException>(() => Normaliser.DistanceToReference("B").Apply(x, def, ["A", "B", "C", "D", "E", "F", "G", "H", "I"]));
        Assert.Equal(ProblemCode.NonFiniteValue, ex.Code);
        Assert.Equal("E", ex.UnitCode);
    }

    [Fact]
    public void MinMax_MissingValuesAmongNine_NaNKeptNoError()
    {
        var def = IndicatorDefinition.Create("m", "M", IndicatorKind.Real);
        var y = Normaliser.MinMax().Apply([0, double.NaN, 2, 3, double.NaN, 5, 6, 7, 10], def);
        AssertNumeric.Close([0, double.NaN, 20, 30, double.NaN, 50, 60, 70, 100], y);
    }
}
