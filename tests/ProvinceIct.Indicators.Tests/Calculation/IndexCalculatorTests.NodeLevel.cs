using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Calculation;

/// <summary>Node-level aggregators (MPI, Copeland) next to per-unit ones in one compiled framework.</summary>
public partial class IndexCalculatorTests
{
    private static Methodology Mixed(Aggregator p1, Aggregator p2, Aggregator? index = null)
    {
        static FrameworkNode Ind(string code, string parent) => FrameworkNode.ForIndicator(IndicatorDefinition.Create(code, code, IndicatorKind.Real), parent, 1);
        var fw = Framework.Create(
        [
            Ind("i1", "P1"), Ind("i2", "P1"), Ind("i3", "P2"), Ind("i4", "P2"),
            FrameworkNode.Aggregate("P1", "Pillar 1", "IDX", 1, p1),
            FrameworkNode.Aggregate("P2", "Pillar 2", "IDX", 1, p2),
            FrameworkNode.Aggregate("IDX", "Index", aggregator: index),
        ]);
        return Methodology.Create("mixed", "Mixed", fw, Normaliser.Identity);
    }

    /// <summary>A (1, 10, 1, 10), B (2, 30, 2, 30), C (3, 20, 3, 20).</summary>
    private static Dataset MixedData() => Dataset.Create(
        [Unit.Create("A", "A"), Unit.Create("B", "B"), Unit.Create("C", "C")],
        ["i1", "i2", "i3", "i4"],
        new double[,] { { 1, 10, 1, 10 }, { 2, 30, 2, 30 }, { 3, 20, 3, 20 } });

    [Fact]
    public void Compute_MpiAndCopelandNodesUnderArithmeticIndex_MatchHandCalculation()
    {
        var r = IndexCalculator.Compute(Mixed(Aggregator.MazziottaPareto(), Aggregator.Copeland), MixedData());
        // P1 (MPI-): z = (90, 90), (100, 110), (110, 100) -> 90, 105 - 5/21, 105 - 5/21 (see AggregatorTests)
        var p1 = new[] { 90, 105 - (5.0 / 21), 105 - (5.0 / 21) };
        AssertNumeric.Close(p1, r.Scores("P1").ToArray());
        // P2 (Copeland): A loses both pairs (-2), B and C tie with each other and beat A (+1)
        Assert.Equal([-2, 1, 1], r.Scores("P2").ToArray());
        // IDX = (P1 + P2) / 2
        AssertNumeric.Close([(90 - 2) / 2.0, (p1[1] + 1) / 2, (p1[2] + 1) / 2], r.Scores("IDX").ToArray());
        Assert.Equal([3, 1, 1], r.Ranks("IDX").ToArray());
        Assert.Equal("MazziottaPareto", r.Log.Entries.Single(e => e.NodeCode == "P1").Method);
    }

    [Fact]
    public void Compute_CopelandAtIndexOverArithmeticPillars_ComparesPillarScores()
    {
        // P1 = mean(i1, i2) = 5.5, 16, 11.5; P2 = median(i3, i4) = the same; Copeland on (P1, P2): B > C > A on both
        var r = IndexCalculator.Compute(Mixed(Aggregator.ArithmeticMean, Aggregator.Median, Aggregator.Copeland), MixedData());
        AssertNumeric.Close([5.5, 16, 11.5], r.Scores("P2").ToArray());
        Assert.Equal([-2, 2, 0], r.Scores("IDX").ToArray());
    }

    [Fact]
    public void Run_NodeLevelAggregators_AllocateNothing()
    {
        var compiled = IndexCalculator.Compile(Mixed(Aggregator.MazziottaPareto(), Aggregator.Copeland, Aggregator.AdjustedMazziottaPareto()), MixedData());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var before = GC.GetAllocatedBytesForCurrentThread();
        compiled.Run(ws);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("categorical")]
    [InlineData("median")]
    [InlineData("borda")]
    public void Run_NewNormalisersAndMedianMeanMin_AllocateNothing(string what)
    {
        var m = what switch
        {
            "categorical" => Mixed(Aggregator.ArithmeticMean, Aggregator.ArithmeticMean).WithNormaliserEverywhere(Normaliser.Categorical()),
            "borda" => Mixed(Aggregator.ArithmeticMean, Aggregator.ArithmeticMean).WithNormaliserEverywhere(Normaliser.Borda),
            _ => Mixed(Aggregator.Median, Aggregator.MeanMin(0.5, 1)),
        };
        var compiled = IndexCalculator.Compile(m, MixedData());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var before = GC.GetAllocatedBytesForCurrentThread();
        compiled.Run(ws);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Run_CopelandWithChangedWeights_Reaggregates()
    {
        var compiled = IndexCalculator.Compile(Mixed(Aggregator.MazziottaPareto(), Aggregator.Copeland), MixedData());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var edge = compiled.Edges.IndexOf(new WeightEdge("P2", "i4"));
        ws.Weights[edge] = 3; // O_BC = 3/4: B beats C
        compiled.Run(ws, PipelineStage.Aggregation);
        Assert.Equal([-2, 2, 0], ws.NodeScores(compiled.NodeCodes.IndexOf("P2")).ToArray());
    }

    [Fact]
    public void Compute_MpiOverConstantIndicator_ErrorNamesNodeAndChild()
    {
        var data = Dataset.Create(
            [Unit.Create("A", "A"), Unit.Create("B", "B")],
            ["i1", "i2", "i3", "i4"],
            new double[,] { { 1, 7, 1, 10 }, { 2, 7, 2, 30 } });
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(Mixed(Aggregator.MazziottaPareto(), Aggregator.Copeland), data));
        Assert.Equal((ProblemCode.ConstantColumn, "P1", "i2"), (ex.Code, ex.NodeCode, ex.ChildCode));
    }
}
