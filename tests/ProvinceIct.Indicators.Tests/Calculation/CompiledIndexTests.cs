using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Calculation;

/// <summary><see cref="CompiledIndex.TryRun"/> and <see cref="IndexCalculator.TryCompile"/>: the pipeline's way to fail without throwing.</summary>
public sealed class CompiledIndexTests
{
    /// <summary>The tiny index's data with i1 = 5 for every unit: a column without spread, which min-max refuses.</summary>
    private static Dataset ConstantI1() => Dataset.Create(
        [Unit.Create("A", "Alpha"), Unit.Create("B", "Bravo"), Unit.Create("C", "Charlie")],
        ["i1", "i2", "i3"],
        new double[,] { { 5, 10, 5 }, { 5, 20, double.NaN }, { 5, 30, 15 } });

    [Fact]
    public void TryRun_ConstantColumnUnderMinMax_FailureWithTheCalculationProblem()
    {
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology(), ConstantI1());
        var ws = compiled.CreateWorkspace();
        var expected = Assert.Throws<CalculationException>(() => compiled.Run(ws));

        var result = compiled.TryRun(ws);

        Assert.False(result.Success);
        var p = Assert.Single(result.Report.Problems);
        Assert.Equal((ProblemCode.ConstantColumn, "i1", expected.Message), (p.Code, p.IndicatorCode, p.Message));
    }

    [Fact]
    public void TryRun_Success_SameResultObjectHoldingTheWorkspaceAndNoAllocation()
    {
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology(), TinyIndex.Data());
        var ws = compiled.CreateWorkspace();
        var first = compiled.TryRun(ws);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var second = compiled.TryRun(ws);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(second.Success);
        Assert.Same(first, second);
        Assert.Same(ws, second.Value);
        Assert.Equal(IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data()).Scores("IDX").ToArray(), ws.NodeScores(compiled.NodeCount - 1).ToArray());
    }

    [Fact]
    public void TryCompile_ValidInput_SameAsCompile()
    {
        var result = IndexCalculator.TryCompile(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.True(result.Success);
        Assert.Equal(3, result.Value.UnitCount);
    }

    [Fact]
    public void TryCompile_BoxCoxMeetsZero_FailureWithTheCalculationProblem()
    {
        // Unit A has i1 = 0, which Box-Cox cannot transform (it needs values above zero).
        var m = TinyIndex.Methodology().WithTreatment(TreatmentStep.BoxCox(0.5));
        var expected = Assert.Throws<CalculationException>(() => IndexCalculator.Compile(m, TinyIndex.Data()));

        var result = IndexCalculator.TryCompile(m, TinyIndex.Data());

        Assert.False(result.Success);
        var p = Assert.Single(result.Report.Problems);
        Assert.Equal((expected.Code, expected.Message), (p.Code, p.Message));
    }
}
