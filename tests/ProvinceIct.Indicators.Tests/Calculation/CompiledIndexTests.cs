using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
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
    public void Run_LaterRunOfTheSameShapeOnTheSameThread_EarlierResultUnchanged()
    {
        // The one-shot run writes its scores into the thread's scratch and the next run of the same shape writes them again:
        // the first result must keep its own aggregates and normalise its indicators from its own data when first read.
        var m = TinyIndex.Methodology();
        var compiled = IndexCalculator.Compile(m, TiedData());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var expected = compiled.ToResult(ws);
        var first = compiled.Run();
        var other = Dataset.Create(TiedData().Units, ["i1", "i2", "i3"],
            new double[,] { { 1, 2, 3 }, { 9, 8, 7 }, { 4, 6, 5 }, { 2, 2, 2 }, { 8, 1, 9 }, { 6, 5, 4 } });

        var second = IndexCalculator.Compute(m, other);

        Assert.NotEqual(expected.IndexScores.ToArray(), second.IndexScores.ToArray());
        foreach (var node in compiled.NodeCodes)
        {
            Assert.Equal(expected.Scores(node).ToArray(), first.Scores(node).ToArray());
            Assert.Equal(expected.Ranks(node).ToArray(), first.Ranks(node).ToArray());
        }

        Assert.Equal(LogText(expected.Log), LogText(first.Log));
    }

    [Fact]
    public void Run_RepeatedOnTheSameThread_AllocatesTheAggregatesScoresAndRanksNotTheIndicators()
    {
        // 5,000 units, 3 indicators, 3 aggregates: the aggregates' scores and ranks are 2 x 3 x 5,000 x 8 = 240,000 bytes;
        // every node's scores and ranks would be 480,000 bytes. The indicators' normalised values are made on first use.
        const int n = 5000;
        var values = new double[n, 3];
        for (var u = 0; u < n; u++)
        {
            (values[u, 0], values[u, 1], values[u, 2]) = (u % 97, (u * 7) % 101, (u * 13) % 89);
        }

        var data = Dataset.Create(Enumerable.Range(0, n).Select(u => Unit.Create("U" + u)).ToArray(), ["i1", "i2", "i3"], values);
        var m = TinyIndex.Methodology();
        var compiled = IndexCalculator.Compile(m, data);
        compiled.Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = compiled.Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 240_000, 300_000);
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        Assert.Equal(ws.NodeScores(0).ToArray(), result.Scores("i1").ToArray());
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

    private static string LogText(CalculationLog log) => string.Join("\n",
        log.Entries.Select(e => e.NodeCode + "|" + e.Level + "|" + e.ChildCount + "|" + string.Join(",", e.MissingUnits) + "|" + string.Join(",", e.PartialUnits) + "|" + e.Method)
            .Concat(log.Warnings));

    [Fact]
    public void Run_LogMadeOnFirstUse_SameAsTheLogOfAWorkspaceResult()
    {
        // B lacks i3, so P2 has no score for B and the index is scored from one child of two for B.
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(Normaliser.MinMax(1, 100));
        var compiled = IndexCalculator.Compile(m, TinyIndex.Data());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var eager = compiled.ToResult(ws).Log;

        var lazy = compiled.Run().Log;

        Assert.Equal(LogText(eager), LogText(lazy));
        var p2 = lazy.Entries.Single(e => e.NodeCode == "P2");
        Assert.Equal(["B"], p2.MissingUnits.ToArray());
        var idx = lazy.Entries.Single(e => e.NodeCode == "IDX");
        Assert.Equal(new UnitAvailability("B", 1, 2, true), Assert.Single(idx.PartialUnits));
        Assert.Equal("MinMax", lazy.Entries.Single(e => e.NodeCode == "i1").Method);
    }

    [Fact]
    public void Run_LogAskedTwice_SameInstance()
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());

        Assert.Same(result.Log, result.Log);
    }

    [Fact]
    public void ToResult_WorkspaceWithOwnNormaliser_LogNamesTheWorkspacesMethod()
    {
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology(), TinyIndex.Data());
        var ws = compiled.CreateWorkspace();
        ws.SetNormaliser(Normaliser.Rank);
        ws.SetAggregator(Aggregator.GeometricMean);
        compiled.Run(ws);

        var log = compiled.ToResult(ws).Log;

        Assert.All(log.Entries.Where(e => e.Level == 1 && e.ChildCount == 0), e => Assert.Equal("Rank", e.Method));
        Assert.All(log.Entries.Where(e => e.ChildCount > 0), e => Assert.Equal("GeometricMean", e.Method));
    }

    [Fact]
    public void CreateWorkspace_OneWorkspaceChangesItsMethodsAndWeights_OtherWorkspaceAndRunUnchanged()
    {
        // Workspaces read the compiled index's plans and weights until they change one: the change stays their own.
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology(), TinyIndex.Data());
        var expected = compiled.Run().IndexScores.ToArray();
        var changed = compiled.CreateWorkspace();
        var other = compiled.CreateWorkspace();

        changed.SetNormaliser(Normaliser.Rank);
        changed.SetAggregator(Aggregator.GeometricMean);
        changed.Weights[0] = 100;
        compiled.Run(changed);
        compiled.Run(other);

        Assert.Equal(expected, compiled.ToResult(other).IndexScores.ToArray());
        Assert.Equal(expected, compiled.Run().IndexScores.ToArray());
        Assert.NotEqual(expected, compiled.ToResult(changed).IndexScores.ToArray());
        Assert.Equal(compiled.NominalWeights[0], other.Weights[0]);
    }

    [Fact]
    public void ResetMethods_AfterChanges_SameScoresAsTheMethodology()
    {
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology(), TinyIndex.Data());
        var expected = compiled.Run().IndexScores.ToArray();
        var ws = compiled.CreateWorkspace();
        ws.SetNormaliser(Normaliser.Rank);
        ws.SetAggregator(Aggregator.GeometricMean);

        ws.ResetMethods();
        compiled.Run(ws);

        Assert.Equal(expected, compiled.ToResult(ws).IndexScores.ToArray());
    }

    [Fact]
    public void Compute_MethodologyCopiedWithOtherWeights_ComputedWithTheCopysWeights()
    {
        // The compiled structure is made once per methodology instance: a with-copy must not reuse the original's.
        var m = TinyIndex.Methodology();
        var before = IndexCalculator.Compute(m, TinyIndex.Data()).IndexScores.ToArray();
        var fw = m.Framework;
        var copy = m with { Framework = fw.Replace(fw["P1"] with { Weight = 0.5 }) };
        var fresh = TinyIndex.Methodology(fw.Replace(fw["P1"] with { Weight = 0.5 }));

        var after = IndexCalculator.Compute(copy, TinyIndex.Data()).IndexScores.ToArray();

        Assert.Equal(IndexCalculator.Compute(fresh, TinyIndex.Data()).IndexScores.ToArray(), after);
        Assert.NotEqual(before, after);
        // Unit A: i1 0 -> 0, i2 10 (negative) -> 100, so P1 = (3 x 0 + 1 x 100) / 4 = 25; i3 5 -> 0, so P2 = 0;
        // index with P1 weight 0.5 and P2 weight 1: (0.5 x 25 + 0) / 1.5 = 8.333...
        Assert.Equal(25.0 / 3, after[0], 12);
    }

    [Fact]
    public void Compute_SameDatasetAnotherFramework_ValidatedAgainstTheOtherFramework()
    {
        // The data's report is remembered per framework instance: a framework whose kind refuses a value still refuses it.
        var data = TinyIndex.Data();
        _ = IndexCalculator.Compute(TinyIndex.Methodology(), data);
        var fw = TinyIndex.Framework();
        var strict = fw.Replace(FrameworkNode.ForIndicator(IndicatorDefinition.Create("i2", "Indicator 2", IndicatorKind.BoundedScore(0, 25), Direction.Negative), "P1", 1));

        var ex = Assert.Throws<ValidationException>(() => IndexCalculator.Compute(TinyIndex.Methodology(strict), data));

        var p = Assert.Single(ex.Report.Problems);
        Assert.Equal((ProblemCode.ValueOutOfRange, "C", "i2"), (p.Code, p.UnitCode, p.IndicatorCode));
    }
}
