using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Tests.Calculation;

/// <summary>
/// <see cref="CompiledIndex.TryRun"/> and <see cref="IndexCalculator.TryCompile"/>: the pipeline's way to fail without
/// throwing; <see cref="CompiledIndex.Run()"/>'s result (the dataset read in place, indicator ranks made on first use).
/// </summary>
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

    /// <summary>
    /// Six units with ties (B and E equal on i1; A and F on i2; D missing i3), unit codes out of order so that ordinal ties
    /// differ from unit order.
    /// </summary>
    private static Dataset TiedData() => Dataset.Create(
        [Unit.Create("F"), Unit.Create("B"), Unit.Create("D"), Unit.Create("A"), Unit.Create("E"), Unit.Create("C")],
        ["i1", "i2", "i3"],
        new double[,] { { 10, 20, 5 }, { 5, 30, 7 }, { 0, 10, double.NaN }, { 7, 20, 9 }, { 5, 15, 7 }, { 3, 25, 11 } });

    [Theory]
    [InlineData(TiePolicy.Competition)]
    [InlineData(TiePolicy.Dense)]
    [InlineData(TiePolicy.Fractional)]
    [InlineData(TiePolicy.Ordinal)]
    public void Run_IndicatorRanksMadeOnFirstUse_SameAsRankIndicatorsOnTheWorkspace(TiePolicy ties)
    {
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology().WithTies(ties), TiedData());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var eager = compiled.ToResult(ws);

        var lazy = compiled.Run();

        foreach (var node in compiled.NodeCodes)
        {
            Assert.Equal(eager.Scores(node).ToArray(), lazy.Scores(node).ToArray());
            Assert.Equal(eager.Ranks(node).ToArray(), lazy.Ranks(node).ToArray());
        }

        Assert.Equal(eager.Ranking.Select(r => (r.Unit.Code, r.Rank, r.Score)), lazy.Ranking.Select(r => (r.Unit.Code, r.Rank, r.Score)));
        Assert.Equal(eager.Rank("B", "i1"), lazy.Rank("B", "i1"));
    }

    [Fact]
    public void Run_IndicatorRanksByUnitFirst_SameAsByNode()
    {
        // Unit-first access (Rank(unit, indicator)) makes the indicator ranks too; ties: B and E share i1's rank 3 (10 > 7 > 5 = 5 > 3 > 0).
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TiedData());

        Assert.Equal(3, result.Rank("E", "i1"));
        Assert.Equal([1.0, 3, 6, 2, 3, 5], result.Ranks("i1").ToArray());
    }

    [Fact]
    public void Compute_ColumnsReorderedWithAnExtraColumn_SameAsFrameworkOrder()
    {
        // The compiled index reads the dataset's columns where they are: order and extra columns do not change a number.
        var data = TinyIndex.Data();
        var shuffled = Dataset.FromColumns(data.Units,
        [
            KeyValuePair.Create("extra", new[] { 1.0, 2, 3 }),
            KeyValuePair.Create("i3", data.Column("i3").ToArray()),
            KeyValuePair.Create("i1", data.Column("i1").ToArray()),
            KeyValuePair.Create("i2", data.Column("i2").ToArray()),
        ]);

        var expected = IndexCalculator.Compute(TinyIndex.Methodology(), data);
        var actual = IndexCalculator.Compute(TinyIndex.Methodology(), shuffled);

        foreach (var node in expected.NodeCodes)
        {
            Assert.Equal(expected.Scores(node).ToArray(), actual.Scores(node).ToArray());
            Assert.Equal(expected.Ranks(node).ToArray(), actual.Ranks(node).ToArray());
        }

        Assert.Equal(expected.Log.Entries.Select(e => (e.NodeCode, string.Join(",", e.MissingUnits))), actual.Log.Entries.Select(e => (e.NodeCode, string.Join(",", e.MissingUnits))));
    }
}
