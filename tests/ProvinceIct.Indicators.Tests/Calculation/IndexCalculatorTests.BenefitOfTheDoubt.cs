using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Calculation;

/// <summary>Benefit of the doubt and the shifted geometric mean at one node of a compiled framework.</summary>
public partial class IndexCalculatorTests
{
    [Fact]
    public void Compute_BenefitOfTheDoubtPillarUnderArithmeticIndex_MatchesHandCalculation()
    {
        var r = IndexCalculator.Compute(Mixed(Aggregator.BenefitOfTheDoubt(), Aggregator.ArithmeticMean), MixedData());
        // P1 on A (1, 10), B (2, 30), C (3, 20); divided by the column maxima 3 and 30: A (1/3, 1/3), B (2/3, 1), C (1, 2/3).
        // B and C each lead one child: 1. A: max (w1 + w2) / 3 with B: 2/3 w1 + w2 <= 1, C: w1 + 2/3 w2 <= 1; they meet at
        // w1 = w2 = 0.6 (the vertices (1, 0), (0, 1) give 1/3): A = 1.2 / 3 = 0.4.
        AssertNumeric.Close([0.4, 1, 1], r.Scores("P1").ToArray());
        // P2 = mean(i3, i4) = 5.5, 16, 11.5; IDX = (P1 + P2) / 2
        AssertNumeric.Close([2.95, 8.5, 6.25], r.Scores("IDX").ToArray());
        Assert.Equal("BenefitOfTheDoubt", r.Log.Entries.Single(e => e.NodeCode == "P1").Method);
    }

    [Fact]
    public void Run_BenefitOfTheDoubt_AllocatesNothing()
    {
        var compiled = IndexCalculator.Compile(Mixed(Aggregator.BenefitOfTheDoubt(0.01, 1), Aggregator.GeometricMeanShifted(0.5), Aggregator.BenefitOfTheDoubt()), MixedData());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var before = GC.GetAllocatedBytesForCurrentThread();
        compiled.Run(ws);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Run_SetAggregatorBenefitOfTheDoubt_SizesScratchAndMatchesCompute()
    {
        var compiled = IndexCalculator.Compile(Mixed(Aggregator.ArithmeticMean, Aggregator.ArithmeticMean), MixedData());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        ws.SetAggregator(Aggregator.BenefitOfTheDoubt());
        compiled.Run(ws, PipelineStage.Aggregation);
        var expected = IndexCalculator.Compute(Mixed(Aggregator.BenefitOfTheDoubt(), Aggregator.BenefitOfTheDoubt(), Aggregator.BenefitOfTheDoubt()), MixedData());
        var idx = compiled.NodeCodes.IndexOf("IDX");
        AssertNumeric.Close(expected.Scores("IDX").ToArray(), ws.NodeScores(idx).ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();
        compiled.Run(ws, PipelineStage.Aggregation);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Compute_BenefitOfTheDoubtOverNegativeValue_ErrorNamesNodeUnitAndChild()
    {
        var data = Dataset.Create(
            [Unit.Create("A", "A"), Unit.Create("B", "B")],
            ["i1", "i2", "i3", "i4"],
            new double[,] { { 1, -7, 1, 10 }, { 2, 7, 2, 30 } });
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(Mixed(Aggregator.BenefitOfTheDoubt(), Aggregator.ArithmeticMean), data));
        Assert.Equal((ProblemCode.ValueOutOfRange, "P1", "A", "i2"), (ex.Code, ex.NodeCode, ex.UnitCode, ex.ChildCode));
    }

    [Fact]
    public void Compute_GeometricMeanShiftedWithZero_ShiftsWholeNode()
    {
        var data = Dataset.Create(
            [Unit.Create("A", "A"), Unit.Create("B", "B")],
            ["i1", "i2", "i3", "i4"],
            new double[,] { { 0, 3, 1, 1 }, { 2, 8, 1, 1 } });
        // P1: node minimum 0, epsilon 1: sqrt(1 * 4) = 2 and sqrt(3 * 9)
        var r = IndexCalculator.Compute(Mixed(Aggregator.GeometricMeanShifted(1), Aggregator.ArithmeticMean), data);
        AssertNumeric.Close([2, Math.Sqrt(27)], r.Scores("P1").ToArray());
        Assert.Throws<CalculationException>(() => IndexCalculator.Compute(Mixed(Aggregator.GeometricMean, Aggregator.ArithmeticMean), data));
    }
}
