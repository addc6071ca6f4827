using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Calculation;

public partial class IndexCalculatorTests
{
    private const double N = double.NaN;

    [Fact]
    public void Compute_TinyIndex_MatchesHandCalculation()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        // i1 min-max: 0, 50, 100. i2 negative: -10, -20, -30 -> 100, 50, 0. i3: 0, missing, 100.
        AssertNumeric.Close([0, 50, 100], r.Scores("i1").ToArray());
        AssertNumeric.Close([100, 50, 0], r.Scores("i2").ToArray());
        AssertNumeric.Close([0, N, 100], r.Scores("i3").ToArray());
        // P1 = (3 i1 + i2) / 4: A 100/4 = 25, B 200/4 = 50, C 300/4 = 75. P2 = i3.
        AssertNumeric.Close([25, 50, 75], r.Scores("P1").ToArray());
        // Index = (2 P1 + P2) / 3; B has no P2, so its weight is dropped: B = P1 = 50.
        AssertNumeric.Close([50.0 / 3, 50, 250.0 / 3], r.Scores("IDX").ToArray());
        Assert.Equal([3, 2, 1], r.Ranks("IDX").ToArray());
        Assert.Equal([2, N, 1], r.Ranks("P2").ToArray());
        Assert.Equal(["C", "B", "A"], r.Ranking.Select(u => u.Unit.Code));
    }

    [Fact]
    public void Compute_TinyIndex_LogsMissingChildren()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Equal(["B"], r.Log["i3"].MissingUnits.ToArray());
        Assert.Equal(["B"], r.Log["P2"].MissingUnits.ToArray());
        var idx = r.Log["IDX"];
        Assert.Equal(new UnitAvailability("B", 1, 2, true), Assert.Single(idx.PartialUnits));
        Assert.Equal(1, idx.ValuesDropped);
        Assert.Empty(idx.MissingUnits);
    }

    [Fact]
    public void Compute_AvailabilityThresholdNotMet_LeavesUnitUnranked()
    {
        // B has 1 of 2 children (0.5 < 0.6): no index score, no rank.
        var r = IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(indexThreshold: 0.6)), TinyIndex.Data());
        Assert.True(double.IsNaN(r.Score("B")));
        Assert.True(double.IsNaN(r.Rank("B")));
        Assert.Equal([2, N, 1], r.Ranks("IDX").ToArray());
        Assert.Equal("B", r.Ranking[^1].Unit.Code);
        Assert.Equal(new UnitAvailability("B", 1, 2, false), Assert.Single(r.Log["IDX"].PartialUnits));
    }

    [Fact]
    public void Compute_NegativeAggregate_FlipsItWhenAggregatedFurther()
    {
        // Index = (2 P1 - P2) / 3: A (50 - 0) / 3, B 50 (P2 missing), C (150 - 100) / 3: A and C tie.
        var r = IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(p2Direction: Direction.Negative)), TinyIndex.Data());
        AssertNumeric.Close([50.0 / 3, 50, 50.0 / 3], r.IndexScores.ToArray());
        Assert.Equal([2, 1, 2], r.Ranks("IDX").ToArray());
        // the pillar's own score is not flipped
        AssertNumeric.Close([0, N, 100], r.Scores("P2").ToArray());
    }

    [Fact]
    public void Compute_PerNodeAggregator_OverridesDefault()
    {
        // P1 by minimum of (i1, i2): A min(0, 100) = 0, B 50, C min(100, 0) = 0.
        var r = IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(p1Aggregator: Aggregator.Minimum)), TinyIndex.Data());
        AssertNumeric.Close([0, 50, 0], r.Scores("P1").ToArray());
        // Index: A (0 + 0) / 3 = 0; B 50; C (0 + 100) / 3
        AssertNumeric.Close([0, 50, 100.0 / 3], r.IndexScores.ToArray());
    }

    [Fact]
    public void Compute_GeometricMeetsZero_ErrorNamesUnitAndChild()
    {
        var m = TinyIndex.Methodology().WithAggregatorEverywhere(Aggregator.GeometricMean);
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, TinyIndex.Data()));
        Assert.Equal(ProblemCode.NonPositiveValue, ex.Code);
        Assert.Equal("P1", ex.NodeCode);
        Assert.Equal("A", ex.UnitCode);
        Assert.Equal("i1", ex.ChildCode);
        Assert.Contains("'A'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_GeometricOnRangeFromOne_Works()
    {
        var m = TinyIndex.Methodology().WithAggregatorEverywhere(Aggregator.GeometricMean).WithNormaliserEverywhere(Normaliser.MinMax(1, 100));
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        // i1: 1, 50.5, 100; i2: 100, 50.5, 1. P1(A) = (1^3 * 100)^(1/4)
        AssertNumeric.Close(Math.Pow(100, 0.25), r.Score("A", "P1"), 1e-13);
    }

    [Fact]
    public void Compute_DenseTies_UsesMethodologyPolicy()
    {
        var m = TinyIndex.Methodology(TinyIndex.Framework(p2Direction: Direction.Negative)).WithTies(TiePolicy.Fractional);
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        Assert.Equal([2.5, 1, 2.5], r.Ranks("IDX").ToArray());
    }

    [Fact]
    public void Compile_ValueOutsideKind_ReportsEveryProblemWithUnitAndIndicator()
    {
        var data = Dataset.Create([Unit.Create("A"), Unit.Create("B")], ["i1", "i2"], new double[,] { { 104.2, 5 }, { 3, -1 } });
        var ex = Assert.Throws<ValidationException>(() => IndexCalculator.Compile(TinyIndex.Methodology(), data));
        var problems = ex.Report.Problems;
        Assert.Equal(3, problems.Length); // i1 of A above 100, i2 of B below 0, i3 missing
        var p = problems.Single(q => q.UnitCode == "A");
        Assert.Equal(ProblemCode.ValueOutOfRange, p.Code);
        Assert.Equal("i1", p.IndicatorCode);
        Assert.Equal("104.2", p.Found);
        Assert.Equal("a percent in [0, 100]", p.Expected);
        Assert.Equal(1, p.Row);
        Assert.Equal(1, p.Column);
        Assert.Contains(problems, q => q.Code == ProblemCode.MissingIndicator && q.IndicatorCode == "i3");
        Assert.Contains("unit A, indicator i1, expected a percent in [0, 100], found 104.2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_FractionalCount_IsReported()
    {
        var data = TinyIndex.Data().WithValue("C", "i3", 2.5);
        var report = IndexCalculator.Validate(TinyIndex.Methodology(), data);
        var p = Assert.Single(report.Problems);
        Assert.Equal(("C", "i3", "2.5"), (p.UnitCode, p.IndicatorCode, p.Found));
    }

    [Fact]
    public void Compute_ConstantIndicator_ErrorNamesIndicator()
    {
        var data = TinyIndex.Data().WithColumn("i1", [4, 4, 4]);
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(TinyIndex.Methodology(), data));
        Assert.Equal("i1", ex.NodeCode);
        Assert.Equal(ProblemCode.ConstantColumn, ex.Code);
    }

    [Fact]
    public void Run_WorkspaceReused_GivesSameResultAndWeightsCanChange()
    {
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology(), TinyIndex.Data());
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var first = ws.NodeScores(compiled.NodeCount - 1).ToArray();
        compiled.Run(ws);
        Assert.Equal(first, ws.NodeScores(compiled.NodeCount - 1).ToArray());

        // Give P2 the same weight as P1 and re-aggregate without normalising again: A (25 + 0) / 2, C (75 + 100) / 2.
        var edge = compiled.Edges.IndexOf(new WeightEdge("IDX", "P1"));
        ws.Weights[edge] = 1;
        compiled.Run(ws, PipelineStage.Aggregation);
        AssertNumeric.Close([12.5, 50, 87.5], ws.NodeScores(compiled.NodeCount - 1).ToArray());
        ws.ResetWeights();
        compiled.Run(ws, PipelineStage.Aggregation);
        Assert.Equal(first, ws.NodeScores(compiled.NodeCount - 1).ToArray());
    }

    [Fact]
    public void Compile_NodeOrder_IsTopological()
    {
        var compiled = IndexCalculator.Compile(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Equal(["i1", "i2", "i3", "P1", "P2", "IDX"], compiled.NodeCodes.ToArray());
        Assert.Equal([1, 1, 1, 2, 2, 3], compiled.NodeLevels.ToArray());
    }

    [Fact]
    public void Compute_SingleUnit_ConstantColumnsNeedMidpointPolicy()
    {
        var data = Dataset.Create([Unit.Create("A")], ["i1", "i2", "i3"], new double[,] { { 1, 2, 3 } });
        Assert.Throws<CalculationException>(() => IndexCalculator.Compute(TinyIndex.Methodology(), data));
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(Normaliser.MinMax(0, 100, DegenerateColumnPolicy.Midpoint));
        var r = IndexCalculator.Compute(m, data);
        Assert.Equal(50, r.Score("A"));
        Assert.Equal(1, r.Rank("A"));
    }

    [Fact]
    public void Compute_RandomData_IndexMonotoneInEveryPositiveIndicator()
    {
        var rng = new Random(2012);
        var m = TinyIndex.Methodology();
        for (var t = 0; t < 100; t++)
        {
            var values = new double[5, 3];
            for (var i = 0; i < 5; i++)
            {
                values[i, 0] = rng.Next(0, 101);
                values[i, 1] = rng.Next(0, 101);
                values[i, 2] = rng.Next(0, 1000);
            }

            var units = Enumerable.Range(0, 5).Select(i => Unit.Create("U" + i)).ToArray();
            var data = Dataset.Create(units, ["i1", "i2", "i3"], values);
            var before = IndexCalculator.Compute(m, data);
            var unit = "U" + rng.Next(0, 5);
            var raised = data.WithValue(unit, "i1", Math.Min(100, data.Value(unit, "i1") + rng.Next(1, 30)));
            var lowered = data.WithValue(unit, "i2", Math.Max(0, data.Value(unit, "i2") - rng.Next(1, 30)));
            foreach (var after in new[] { raised, lowered })
            {
                try
                {
                    Assert.True(IndexCalculator.Compute(m, after).Score(unit) >= before.Score(unit) - 1e-12, $"trial {t}");
                }
                catch (CalculationException)
                {
                    // a column became constant: nothing to compare
                }
            }
        }
    }
}
