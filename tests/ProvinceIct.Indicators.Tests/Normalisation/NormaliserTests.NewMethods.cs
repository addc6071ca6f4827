using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Normalisation;

/// <summary>Borda, distance to a reference unit, distance to target, categorical.</summary>
public partial class NormaliserTests
{
    private static readonly string[] Units5 = ["A", "B", "C", "D", "E"];

    private static IndicatorDefinition Targeted(double target, Direction d = Direction.Positive) => Def(d).WithTarget(target);

    // ---- Borda ----

    [Fact]
    public void Apply_Borda_IsRankMinusOne() =>
        // ranks 3, 1, 3, NaN, 2 (ties min) minus 1
        Assert.Equal([2, 0, 2, N, 1], Normaliser.Borda.Apply([3, 1, 3, N, 2]));

    [Fact]
    public void Apply_BordaNegative_RanksFlippedValues() =>
        // -x = -3, -1, -3, NaN, -2: the two -3s share rank 1, -2 is 3, -1 is 4; minus 1
        Assert.Equal([0, 3, 0, N, 2], Normaliser.Borda.Apply([3, 1, 3, N, 2], Def(Direction.Negative)));

    [Theory]
    [InlineData(new[] { 5.0 }, new[] { 0.0 })]
    [InlineData(new[] { 4.0, 4, 4 }, new[] { 0.0, 0, 0 })]
    [InlineData(new[] { double.NaN, double.NaN }, new[] { double.NaN, double.NaN })]
    public void Apply_BordaEdgeCases_ZeroForSingleAndEqual(double[] x, double[] expected) =>
        Assert.Equal(expected, Normaliser.Borda.Apply(x));

    // ---- distance to a reference unit ----

    [Fact]
    public void Apply_DistanceToReference_IsOneAtReferenceZeroAtMin() =>
        // ref C = 6, min 2, x_ref - min = 4: 1 - (6 - x) / 4 = 0, 0.5, 1, NaN, 2 (E beyond the reference)
        AssertNumeric.Close([0, 0.5, 1, N, 2], Normaliser.DistanceToReference("C").Apply(X, null, Units5));

    [Fact]
    public void Apply_DistanceToReferenceCappedOnRange_CapsBeforeMapping() =>
        // t = 0, 0.5, 1, NaN, 2 -> 1; times 100
        AssertNumeric.Close([0, 50, 100, N, 100], Normaliser.DistanceToReference("C", CapPolicy.AtOne, 0, 100).Apply(X, null, Units5));

    [Fact]
    public void Apply_DistanceToReferenceNegative_FlipsFirst() =>
        // -x = -2, -4, -6, NaN, -10; ref C = -6, min -10, den 4: 1 - (-6 + 2) / 4 = 2; 1 - (-6 + 4) / 4 = 1.5; 1; 1 - (-6 + 10) / 4 = 0
        AssertNumeric.Close([2, 1.5, 1, N, 0], Normaliser.DistanceToReference("C").Apply(X, Def(Direction.Negative), Units5));

    [Fact]
    public void Apply_DistanceToReferenceMissingReferenceValue_ErrorNamesUnitAndIndicator()
    {
        var ex = Assert.Throws<CalculationException>(() => Normaliser.DistanceToReference("D").Apply(X, null, Units5));
        Assert.Equal((ProblemCode.MissingValue, "x", "D"), (ex.Code, ex.NodeCode, ex.UnitCode));
        Assert.Contains("'D'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DistanceToReferenceAtMinimum_IsDegenerate()
    {
        Assert.Equal(ProblemCode.ConstantColumn, Assert.Throws<CalculationException>(() => Normaliser.DistanceToReference("A").Apply(X, null, Units5)).Code);
        AssertNumeric.Close([0.5, 0.5, 0.5, N, 0.5], Normaliser.DistanceToReference("A", degenerate: DegenerateColumnPolicy.Midpoint).Apply(X, null, Units5));
    }

    [Fact]
    public void Apply_DistanceToReferenceWithoutUnits_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Normaliser.DistanceToReference("C").Apply(X));
        Assert.Throws<ArgumentException>(() => Normaliser.DistanceToReference("Z").Apply(X, null, Units5));
    }

    [Fact]
    public void Compile_DistanceToReferenceUnknownUnit_ValidationErrorNamesUnit()
    {
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(Normaliser.DistanceToReference("Z"));
        var ex = Assert.Throws<ValidationException>(() => IndexCalculator.Compile(m, TinyIndex.Data()));
        Assert.All(ex.Report.Problems, p => Assert.Equal((ProblemCode.UnknownValue, "Z"), (p.Code, p.UnitCode)));
        Assert.Equal(["i1", "i2", "i3"], ex.Report.Problems.Select(p => p.IndicatorCode));
    }

    [Fact]
    public void Compute_DistanceToReferenceInPipeline_UsesReferenceRow()
    {
        // TinyIndex, reference C: i1 0, 5, 10 -> 1 - (10 - x) / 10 = 0, 0.5, 1; i3 5, NaN, 15 -> 1 - (15 - x) / 10 = 0, NaN, 1;
        // i2 (negative) -10, -20, -30: C has -30, the minimum, so the midpoint policy gives 0.5
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(Normaliser.DistanceToReference("C", degenerate: DegenerateColumnPolicy.Midpoint));
        var r = IndexCalculator.Compute(m, TinyIndex.Data());
        AssertNumeric.Close([0, 0.5, 1], r.Scores("i1").ToArray());
        AssertNumeric.Close([0.5, 0.5, 0.5], r.Scores("i2").ToArray());
        AssertNumeric.Close([0, N, 1], r.Scores("i3").ToArray());
    }

    [Fact]
    public void Compute_DistanceToReferenceMissingInPipeline_ErrorNamesUnitAndIndicator()
    {
        // reference B has no value on i3
        var m = TinyIndex.Methodology().WithNormaliserEverywhere(Normaliser.DistanceToReference("B", degenerate: DegenerateColumnPolicy.Midpoint));
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, TinyIndex.Data()));
        Assert.Equal((ProblemCode.MissingValue, "i3", "B"), (ex.Code, ex.NodeCode, ex.UnitCode));
    }

    // ---- distance to target ----

    [Fact]
    public void Apply_DistanceToTarget_PositiveNoCapExceedsOne() =>
        // target 8, min 2: (x - 2) / 6 = 0, 1/3, 2/3, NaN, 4/3
        AssertNumeric.Close([0, 1.0 / 3, 2.0 / 3, N, 4.0 / 3], Normaliser.DistanceToTarget().Apply(X, Targeted(8)));

    [Fact]
    public void Apply_DistanceToTargetCapped_CapsAtOneOnly() =>
        AssertNumeric.Close([0, 100.0 / 3, 200.0 / 3, N, 100], Normaliser.DistanceToTarget(CapPolicy.AtOne, 0, 100).Apply(X, Targeted(8)));

    [Fact]
    public void Apply_DistanceToTargetNegative_MeasuresFromMax()
    {
        // lower is better, target 4, max 10: (10 - x) / 6 = 8/6, 1, 4/6, NaN, 0; no -1 flip
        AssertNumeric.Close([8.0 / 6, 1, 4.0 / 6, N, 0], Normaliser.DistanceToTarget().Apply(X, Targeted(4, Direction.Negative)));
        AssertNumeric.Close([1, 1, 4.0 / 6, N, 0], Normaliser.DistanceToTarget(CapPolicy.AtOne).Apply(X, Targeted(4, Direction.Negative)));
    }

    [Fact]
    public void Apply_DistanceToTargetOnWrongSide_ErrorNamesIndicator()
    {
        var ex = Assert.Throws<CalculationException>(() => Normaliser.DistanceToTarget().Apply(X, Targeted(1)));
        Assert.Equal((ProblemCode.InvalidParameter, "x", 1.0), (ex.Code, ex.NodeCode, ex.Value));
        Assert.Equal(ProblemCode.InvalidParameter, Assert.Throws<CalculationException>(() => Normaliser.DistanceToTarget().Apply(X, Targeted(11, Direction.Negative))).Code);
    }

    [Fact]
    public void Apply_DistanceToTargetAtWorstValue_IsDegenerate()
    {
        Assert.Equal(ProblemCode.ConstantColumn, Assert.Throws<CalculationException>(() => Normaliser.DistanceToTarget().Apply(X, Targeted(2))).Code);
        AssertNumeric.Close([0.5, 0.5, 0.5, N, 0.5], Normaliser.DistanceToTarget(degenerate: DegenerateColumnPolicy.Midpoint).Apply(X, Targeted(2)));
    }

    [Fact]
    public void Apply_DistanceToTargetSingleUnit_ComparesWithItself() =>
        // min = 3, target 5: (3 - 3) / 2 = 0
        AssertNumeric.Close([0], Normaliser.DistanceToTarget().Apply([3], Targeted(5)));

    [Fact]
    public void Create_DistanceToTargetWithoutTarget_ValidationError()
    {
        Assert.Throws<InvalidOperationException>(() => Normaliser.DistanceToTarget().Apply(X));
        var ex = Assert.Throws<ValidationException>(() => TinyIndex.Methodology().WithNormaliserEverywhere(Normaliser.DistanceToTarget()));
        Assert.Equal(["i1", "i2", "i3"], ex.Report.Problems.Select(p => p.IndicatorCode));
    }

    // ---- categorical ----

    [Fact]
    public void Apply_Categorical_OneToTwenty_BandsByType7Percentiles()
    {
        // n = 20, h = 1 + 19 p: P15 = 3.85, P25 = 5.75, P65 = 13.35, P85 = 17.15, P95 = 19.05
        // 1..3 -> 0; 4, 5 -> 20; 6..13 -> 40; 14..17 -> 60; 18, 19 -> 80; 20 -> 100
        var x = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        double[] expected = [0, 0, 0, 20, 20, 40, 40, 40, 40, 40, 40, 40, 40, 60, 60, 60, 60, 80, 80, 100];
        Assert.Equal(expected, Normaliser.Categorical().Apply(x));
    }

    [Fact]
    public void Apply_CategoricalValueOnBandEdge_GoesToUpperBand()
    {
        // n = 21, h = 1 + 20 p is a whole number: P15 = 4, P25 = 6, P65 = 14, P85 = 18, P95 = 20 exactly;
        // 4 (= P15) -> 20, 6 (= P25) -> 40, 14 -> 60, 18 -> 80, 20 (= P95) -> 100
        var x = Enumerable.Range(1, 21).Select(i => (double)i).ToArray();
        var y = Normaliser.Categorical().Apply(x);
        Assert.Equal([0, 20, 20, 40, 40, 60, 60, 80, 80, 100, 100], new[] { 3, 4, 5, 6, 13, 14, 17, 18, 19, 20, 21 }.Select(v => y[v - 1]));
    }

    [Fact]
    public void Apply_CategoricalTiesAndNaN_ShareBandMissingStaysMissing()
    {
        // non-missing 1, 1, 1, 2, 2: h = 1 + 4 p: P15 = 1 (h 1.6, v1 = v2 = 1), P25 = 1 (h 2), P65 = 2 - ... h 3.6: 0.4 * 1 + 0.6 * 2 = 1.6,
        // P85 = 2 (h 4.4), P95 = 2 (h 4.8): 1 >= P15, P25 -> 2 categories (40); 2 >= all -> 100
        Assert.Equal([40, N, 40, 40, 100, 100], Normaliser.Categorical().Apply([1, N, 1, 1, 2, 2]));
    }

    [Fact]
    public void Apply_CategoricalNegative_EqualsPositiveOfFlipped()
    {
        var x = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        Assert.Equal(Normaliser.Categorical().Apply(x.Select(v => -v).ToArray()), Normaliser.Categorical().Apply(x, Def(Direction.Negative)));
        Assert.Equal(100, Normaliser.Categorical().Apply(x, Def(Direction.Negative))[0]);
    }

    [Fact]
    public void Apply_CategoricalOnRange_MapsCategories() =>
        // categories 0 and 5 on [1, 6]: 1 + c
        Assert.Equal([1, 6], Normaliser.Categorical(1, 6).Apply([1, 2]));

    [Fact]
    public void Apply_CategoricalAllEqualOrSingle_IsDegenerate()
    {
        Assert.Equal(ProblemCode.ConstantColumn, Assert.Throws<CalculationException>(() => Normaliser.Categorical().Apply([3, 3, N])).Code);
        Assert.Equal([50, 50, N], Normaliser.Categorical(degenerate: DegenerateColumnPolicy.Midpoint).Apply([3, 3, N]));
        Assert.Equal(ProblemCode.ConstantColumn, Assert.Throws<CalculationException>(() => Normaliser.Categorical().Apply([3])).Code);
    }

    [Fact]
    public void Apply_CategoricalRandom_SharesMatchBands()
    {
        // 1000 distinct values: 15% in band 0, 10% in band 1, 40% in 2, 20% in 3, 10% in 4, 5% in 5 (to one value at each edge)
        var rng = new Random(7);
        var x = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble()).ToArray();
        var counts = Normaliser.Categorical().Apply(x).GroupBy(v => v).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
        int[] expected = [150, 100, 400, 200, 100, 50];
        for (var i = 0; i < 6; i++)
        {
            Assert.InRange(counts[i], expected[i] - 1, expected[i] + 1);
        }
    }

    [Fact]
    public void ToString_NewMethods_ShortAndInvariant() =>
        Assert.Equal(
            "borda dist-to-ref(HN,0,100,cap=at-one) dist-to-target(0,1) dist-to-target(0,1,cap=at-one) categorical(0,100)",
            string.Join(" ", new[] { Normaliser.Borda, Normaliser.DistanceToReference("HN", CapPolicy.AtOne, 0, 100), Normaliser.DistanceToTarget(), Normaliser.DistanceToTarget(CapPolicy.AtOne), Normaliser.Categorical() }.Select(n => n.ToString())));

    [Fact]
    public void WithRange_NewRangedMethods_KeepParameters()
    {
        var n = Assert.IsType<DistanceToReferenceNormaliser>(Normaliser.DistanceToReference("HN", CapPolicy.AtOne).WithRange(0, 10));
        Assert.Equal(("HN", CapPolicy.AtOne, 0.0, 10.0), (n.ReferenceUnit, n.Cap, n.Lower, n.Upper));
        Assert.Throws<InvalidOperationException>(() => Normaliser.Borda.WithRange(0, 1));
    }
}
