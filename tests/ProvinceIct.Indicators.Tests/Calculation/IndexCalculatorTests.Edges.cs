using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Calculation;

/// <summary>Numbers at the edges of double, and results with nothing in them.</summary>
public partial class IndexCalculatorTests
{
    private static Framework TwoIndicators(double w1, double w2, double? threshold = null) => Framework.Create(
    [
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("i1", "I1", IndicatorKind.Real), "IDX", w1),
        FrameworkNode.ForIndicator(IndicatorDefinition.Create("i2", "I2", IndicatorKind.Real), "IDX", w2),
        FrameworkNode.Aggregate("IDX", "Index") with { AvailabilityThreshold = threshold },
    ]);

    private static Dataset Abc(double[,] values) =>
        Dataset.Create([Unit.Create("A", "Alpha"), Unit.Create("B", "Bravo"), Unit.Create("C", "Charlie")], ["i1", "i2"], values);

    [Fact]
    public void Compute_WeightsNearMaxValue_SameAsEqualWeights()
    {
        // weights 1.7e308 and 1.7e308 are 1 : 1 (their sum overflows): A (100 + 100) / 2, B 0, C 50
        var m = Methodology.Create("m", "m", TwoIndicators(1.7e308, 1.7e308), Normaliser.Identity);
        var r = IndexCalculator.Compute(m, Abc(new double[,] { { 100, 100 }, { 0, 0 }, { 50, 50 } }));
        AssertNumeric.Close([100, 0, 50], r.IndexScores.ToArray());
        Assert.Equal([1.0, 3, 2], r.Ranks("IDX").ToArray());
    }

    [Fact]
    public void Run_WorkspaceWeightNotFinite_ThrowsNamingNodeAndChild()
    {
        var compiled = IndexCalculator.Compile(Methodology.Create("m", "m", TwoIndicators(1, 1)), Abc(new double[,] { { 1, 2 }, { 2, 3 }, { 3, 1 } }));
        var ws = compiled.CreateWorkspace();
        ws.Weights[1] = double.PositiveInfinity;
        var ex = Assert.Throws<CalculationException>(() => compiled.Run(ws));
        Assert.Equal(("IDX", "i2", ProblemCode.NonFiniteWeight), (ex.NodeCode, ex.ChildCode, ex.Code));
    }

    [Fact]
    public void Compute_PowerMeanOfHugeOrder_IsTheMaximum()
    {
        // min-max to [0, 100]: i1 0, 50, 100; i2 (10, 20, 5) -> 100/3, 100, 0. p = 1e300: the larger of each pair.
        var m = Methodology.Create("m", "m", TwoIndicators(1, 1), aggregator: Aggregator.PowerMean(1e300));
        var r = IndexCalculator.Compute(m, Abc(new double[,] { { 0, 10 }, { 5, 20 }, { 10, 5 } }));
        AssertNumeric.Close([100.0 / 3, 100, 100], r.IndexScores.ToArray());
    }

    [Fact]
    public void Compute_AllMissing_ThrowsNothingToCompute()
    {
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(
            Methodology.Create("m", "m", TwoIndicators(1, 1)), Abc(new double[,] { { N, N }, { N, N }, { N, N } })));
        Assert.Equal(ProblemCode.EmptyInput, ex.Code);
        Assert.Equal("IDX", ex.NodeCode);
    }

    [Fact]
    public void Compute_ScreeningRemovesEveryUnit_ThrowsNoUnitLeft()
    {
        // every unit lacks one of two indicators; screening at 1 (every indicator present) removes all three
        var m = Methodology.Create("m", "m", TwoIndicators(1, 1), Normaliser.Identity).WithTreatment(TreatmentStep.Screen(1));
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, Abc(new double[,] { { 1, N }, { N, 2 }, { 3, N } })));
        Assert.Equal(ProblemCode.EmptyInput, ex.Code);
        Assert.Contains("screening", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoUnitMeetsTheThreshold_ThrowsNothingToRank()
    {
        // each unit has 1 of 2 children (0.5 < 1): no index score anywhere
        var m = Methodology.Create("m", "m", TwoIndicators(1, 1, threshold: 1), Normaliser.Identity);
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, Abc(new double[,] { { 1, N }, { N, 2 }, { 3, N } })));
        Assert.Equal(ProblemCode.EmptyInput, ex.Code);
        Assert.Contains("nothing to rank", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_IndicatorEntirelyMissing_WarnsNamingIt()
    {
        var r = IndexCalculator.Compute(Methodology.Create("m", "m", TwoIndicators(1, 1)), Abc(new double[,] { { 1, N }, { 2, N }, { 3, N } }));
        var warning = Assert.Single(r.Log.Warnings);
        Assert.Contains("'i2'", warning, StringComparison.Ordinal);
        Assert.Contains("warning: Indicator 'i2' is missing for every unit", r.Log.ToString(), StringComparison.Ordinal);
        AssertNumeric.Close([0, 50, 100], r.IndexScores.ToArray()); // i1 alone, min-max
    }

    [Fact]
    public void Compute_NoIndicatorEntirelyMissing_NoWarning() =>
        Assert.Empty(IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data()).Log.Warnings);

    [Fact]
    public void Compute_NormalisedValueBeyondDouble_ThrowsNamingUnitAndIndicator()
    {
        // distance to reference unit B (1e-300; worst 0): C = 1 - (1e-300 - 1e300) / 1e-300 = 1e600
        var m = Methodology.Create("m", "m", TwoIndicators(1, 1), Normaliser.DistanceToReference("B"));
        var ex = Assert.Throws<CalculationException>(() => IndexCalculator.Compute(m, Abc(new double[,] { { 0, 1 }, { 1e-300, 2 }, { 1e300, 3 } })));
        Assert.Equal(("i1", "C", ProblemCode.NonFiniteValue), (ex.NodeCode, ex.UnitCode, ex.Code));
    }

    [Theory]
    [InlineData("arithmetic")]
    [InlineData("power")]
    [InlineData("harmonic")]
    public void Run_EdgeOfDoublePaths_AllocateNothing(string what)
    {
        // 200 units (the sorting rank path), weights near 1.7e308 (scaled) and values near the edges (the scaled means)
        var n = 200;
        var units = Enumerable.Range(0, n).Select(i => Unit.Create("U" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "Unit")).ToArray();
        var values = new double[n, 2];
        for (var i = 0; i < n; i++)
        {
            values[i, 0] = what == "harmonic" ? 1e-310 * (i + 1) : 1.7e308 - (i * 1e305);
            values[i, 1] = what == "harmonic" ? 1e-310 : 1.7e308;
        }

        var aggregator = what switch
        {
            "power" => Aggregator.PowerMean(1e300),
            "harmonic" => Aggregator.HarmonicMean,
            _ => Aggregator.ArithmeticMean,
        };
        var m = Methodology.Create("m", "m", TwoIndicators(1.7e308, 1e308), Normaliser.Identity, aggregator);
        var compiled = IndexCalculator.Compile(m, Dataset.Create(units, ["i1", "i2"], values));
        var ws = compiled.CreateWorkspace();
        compiled.Run(ws);
        var before = GC.GetAllocatedBytesForCurrentThread();
        compiled.Run(ws);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(ws.NodeScores(2).ToArray(), x => Assert.True(double.IsFinite(x) && x > 0));
    }
}
