using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class DecompositionTests
{
    [Fact]
    public void Compute_Tiny_MatchesHandContributions()
    {
        // Normalised: i1 = 0, 50, 100; i2 = 100, 50, 0; i3 = 0, -, 100. P1 = 25, 50, 75; P2 = 0, -, 100.
        // A: w = (2/3 * 3/4, 2/3 * 1/4, 1/3) = (1/2, 1/6, 1/3) -> contributions 0, 100/6, 0; sum 50/3 = index.
        // B: P2 missing -> P1 gets the whole weight: w = (3/4, 1/4, 0) -> 37.5 + 12.5 = 50.
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var d = Decomposition.Compute(result);
        Assert.Equal(DecompositionKind.Additive, d.Kind);
        AssertNumeric.Close(0.5, d.UnitWeight("A", "i1"));
        AssertNumeric.Close(1.0 / 6, d.UnitWeight("A", "i2"));
        AssertNumeric.Close(1.0 / 3, d.UnitWeight("A", "i3"));
        AssertNumeric.Close(100.0 / 6, d.Contribution("A", "i2"));
        AssertNumeric.Close(0.75, d.UnitWeight("B", "i1"));
        AssertNumeric.Close(0, d.UnitWeight("B", "i3"));
        AssertNumeric.Close(37.5, d.Contribution("B", "i1"));
        AssertNumeric.Close(12.5, d.Contribution("B", "i2"));
        foreach (var u in result.Units)
        {
            AssertNumeric.Close(result.Score(u.Code), d.Total(u.Code), 1e-12);
        }
    }

    [Fact]
    public void Compute_NegativeAggregate_ContributesWithMinusSign()
    {
        // P2 read as -P2: C = (2 * 75 - 100) / 3 = 50 / 3; i3 contributes -1/3 * 100.
        var m = TinyIndex.Methodology(TinyIndex.Framework(p2Direction: Direction.Negative));
        var result = IndexCalculator.Compute(m, TinyIndex.Data());
        var d = Decomposition.Compute(result);
        AssertNumeric.Close(-100.0 / 3, d.Contribution("C", "i3"));
        AssertNumeric.Close(50.0 / 3, d.Total("C"));
        AssertNumeric.Close(result.Score("C"), d.Total("C"));
    }

    [Fact]
    public void Compute_Embedded_SumsExactlyToEveryScore()
    {
        var result = Indicators.Presets.OpenReadiness2016.Compute();
        var d = Decomposition.Compute(result);
        Assert.Equal(12, d.IndicatorCodes.Length);
        foreach (var u in result.Units)
        {
            AssertNumeric.Close(result.Score(u.Code), d.Total(u.Code), 1e-12);
            var weights = d.IndicatorCodes.Sum(i => d.UnitWeight(u.Code, i));
            AssertNumeric.Close(1, weights, 1e-12);
        }

        // TP Hồ Chí Minh has no poverty value: its economy pillar re-normalises over two indicators.
        var hcm = result.Units.Single(u => double.IsNaN(Indicators.Presets.OpenReadiness2016.Dataset.Value(u.Code, "poverty_pct"))).Code;
        Assert.Equal(0, d.UnitWeight(hcm, "poverty_pct"));
        AssertNumeric.Close(0.125, d.UnitWeight(hcm, "income_per_capita_kvnd"));
        AssertNumeric.Close(1.0 / 12, d.VarianceShares.Single(v => v.IndicatorCode == "poverty_pct").NominalWeight);
        AssertNumeric.Close(1, d.VarianceShares.Sum(v => v.Share), 1e-12);
    }

    [Fact]
    public void Compute_Pillar_DecomposesOnlyItsIndicators()
    {
        var result = Indicators.Presets.OpenReadiness2016.Compute();
        var d = Decomposition.Compute(result, "human");
        Assert.Equal(["literacy_pct", "trained_workers_pct", "students_per_10k"], d.IndicatorCodes.ToArray());
        foreach (var u in result.Units)
        {
            AssertNumeric.Close(result.Score(u.Code, "human"), d.Total(u.Code), 1e-12);
        }
    }

    [Fact]
    public void Compute_GeometricEverywhere_LogContributionsSumToLogScore()
    {
        var m = Methodology.Create("tiny-geo", "Tiny geometric", TinyIndex.Framework(), Normaliser.MinMax(1, 100), Aggregator.GeometricMean);
        var result = IndexCalculator.Compute(m, TinyIndex.Data());
        var d = Decomposition.Compute(result);
        Assert.Equal(DecompositionKind.Logarithmic, d.Kind);
        foreach (var u in result.Units)
        {
            AssertNumeric.Close(Math.Log(result.Score(u.Code)), d.Total(u.Code), 1e-12);
        }

        // A: i1 = 1 -> ln 1 = 0; i2 = 100 with weight 1/6.
        AssertNumeric.Close(Math.Log(100) / 6, d.Contribution("A", "i2"));
    }

    [Fact]
    public void Compute_MinimumNode_RefusedNamingTheNode()
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(TinyIndex.Framework(Aggregator.Minimum)), TinyIndex.Data());
        var e = Assert.Throws<CalculationException>(() => Decomposition.Compute(result));
        Assert.Equal("P1", e.NodeCode);
        Assert.Equal(ProblemCode.UnsupportedInput, e.Code);
        Assert.Equal(DecompositionKind.Additive, Decomposition.Compute(result, "P2").Kind);
    }

    [Fact]
    public void Compute_MixedGeometricAndArithmetic_Refused()
    {
        var result = IndexCalculator.Compute(
            Methodology.Create("mixed", "Mixed", TinyIndex.Framework(Aggregator.GeometricMean), Normaliser.MinMax(1, 100)), TinyIndex.Data());
        var e = Assert.Throws<CalculationException>(() => Decomposition.Compute(result));
        Assert.Contains("mixed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Indicator_Throws()
    {
        var result = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Throws<ArgumentException>(() => Decomposition.Compute(result, "i1"));
    }

    [Fact]
    public void ToMarkdownAndCsv_Tiny_ListContributions()
    {
        var d = Decomposition.Compute(IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data()));
        Assert.Contains("| i2 | 0.1667 | 16.6667 | 100.0% |", d.ToMarkdown("A"), StringComparison.Ordinal);
        Assert.Equal("unit,indicator,unit_weight,contribution", d.ToCsv().Split('\n')[0]);
        Assert.Equal("Decomposition IDX (Additive): 3 units x 3 indicators", d.ToString());
    }
}
