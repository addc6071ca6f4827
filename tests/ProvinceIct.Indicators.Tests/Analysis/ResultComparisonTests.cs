using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class ResultComparisonTests
{
    [Fact]
    public void Compare_SameResult_NoChangeAndRhoOne()
    {
        var r = Indicators.Presets.OpenReadiness2016.Compute();
        var c = ResultComparison.Compare(r, r);
        Assert.Equal(63, c.Rows.Length);
        Assert.All(c.Rows, x => Assert.Equal(0, x.RankChange));
        AssertNumeric.Close(1, c.RankCorrelation.Coefficient);
        Assert.Equal(0, c.MeanAbsoluteRankChange);
        Assert.Empty(c.OnlyBefore);
    }

    [Fact]
    public void Compare_TinyWithoutI1_RankChangesOldMinusNew()
    {
        // Before: A 3, B 2, C 1. With i1 weight 0: A 1, B 2, C 3 -> changes +2, 0, -2; rho = -1.
        var m = TinyIndex.Methodology();
        var before = IndexCalculator.Compute(m, TinyIndex.Data());
        var after = IndexCalculator.Compute(m with { Framework = m.Framework.WithWeight("i1", 0) }, TinyIndex.Data());
        var c = ResultComparison.Compare(before, after);
        Assert.Equal([2.0, 0.0, -2.0], c.Rows.Select(x => x.RankChange).ToArray());
        AssertNumeric.Close(-1, c.RankCorrelation.Coefficient);
        Assert.Equal(["A", "C"], c.MovedMost(2).Select(x => x.UnitCode).ToArray());
        var md = c.ToMarkdown();
        Assert.Contains("| A | Alpha | 16.67 | 66.67 | 3 | 1 | +2 |", md, StringComparison.Ordinal);
        Assert.Equal(4, c.ToCsv().Split('\n').Length);
    }

    [Fact]
    public void Compare_WithMap_MatchesThroughIt()
    {
        var r = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var c = ResultComparison.Compare(r, r, new Dictionary<string, string> { ["A"] = "C", ["B"] = "C" });
        Assert.Equal(["A", "B"], c.Rows.Select(x => x.UnitCode).ToArray());
        Assert.Equal(2, c.Rows[0].RankChange); // 3 -> 1
        Assert.Equal(["C"], c.OnlyBefore.ToArray());
        Assert.Equal(["A", "B"], c.OnlyAfter.ToArray());
        Assert.Throws<KeyNotFoundException>(() => ResultComparison.Compare(r, r, new Dictionary<string, string> { ["A"] = "Z" }));
    }

    /// <summary>One count indicator, the identity normaliser: the index score is the count itself.</summary>
    private static Methodology CountIndex() => Methodology.Create("count-index", "Count index",
        Framework.Create([FrameworkNode.ForIndicator(IndicatorDefinition.Create("count", "Count", IndicatorKind.Count), "IDX", 1), FrameworkNode.Aggregate("IDX", "Index")]),
        Normaliser.Identity);

    /// <summary>Every 2016 unit with count = its code as a number (Bình Phước 70) and pop = 100.</summary>
    private static Dataset Count63() => Geography.BoundaryRemapperTests.Toy().SelectIndicators(["count", "pop"]);

    /// <summary>The 34 units with count = the 2025 code as a number.</summary>
    private static IndexResult Count34()
    {
        var units = ProvinceCatalog.Default.Provinces(ProvinceGeography.Provinces2025).Select(p => p.ToUnit()).ToList();
        var values = new double[units.Count, 1];
        for (var i = 0; i < units.Count; i++)
        {
            values[i, 0] = int.Parse(units[i].Code, System.Globalization.CultureInfo.InvariantCulture);
        }

        return IndexCalculator.Compute(CountIndex(), Dataset.Create(units, ["count"], values));
    }

    [Fact]
    public void AcrossReorganisation_Counts_RecomputedOnThe34Units()
    {
        // Before, recomputed on the 34 units: counts summed, so Đồng Nai (75) = 70 + 75 = 145, Cần Thơ (92) =
        // 92 + 93 + 94 = 279 (the largest sum: rank 1), Hà Nội (01, one predecessor) = 1 (the smallest: rank 34).
        // After: count = 2025 code, Cà Mau (96) first, Cần Thơ (92) second, Hà Nội last: Cần Thơ 1 -> 2 (-1).
        var plan = RemapPlan.Create([KeyValuePair.Create("count", RemapRule.Sum), KeyValuePair.Create("pop", RemapRule.Sum)]);
        var c = ResultComparison.AcrossReorganisation(CountIndex(), Count63(), plan, Count34());
        Assert.Equal(ComparisonBasis.RemappedData, c.Basis);
        Assert.Equal(34, c.Rows.Length);
        Assert.Empty(c.OnlyBefore);
        Assert.Empty(c.OnlyAfter);
        var byCode = c.Rows.ToDictionary(r => r.UnitCode);
        Assert.Equal(145, byCode["75"].ScoreBefore);
        Assert.Equal(75, byCode["75"].ScoreAfter);
        Assert.Equal(279, byCode["92"].ScoreBefore);
        Assert.Equal(1, byCode["92"].RankBefore);
        Assert.Equal(2, byCode["92"].RankAfter);
        Assert.Equal(-1, byCode["92"].RankChange);
        Assert.Equal(34, byCode["01"].RankBefore);
        Assert.Equal(34, byCode["01"].RankAfter);
        Assert.NotNull(c.Remap);
        Assert.Equal(63, c.Remap!.InputUnitCount);
        Assert.Equal(["70", "75"], c.Remap["75"].Predecessors.Select(p => p.Code).Order(StringComparer.Ordinal));
        var md = c.ToMarkdown();
        Assert.Contains("before index recomputed on them", md, StringComparison.Ordinal);
        Assert.Contains("How the 34 units were formed", md, StringComparison.Ordinal);
    }

    [Fact]
    public void AcrossReorganisationByScores_Counts_MeanOfPredecessorScores()
    {
        // Before scores are the codes; each new unit gets the mean of its predecessors': Đồng Nai (70 + 75) / 2 = 72.5,
        // Cần Thơ (92 + 93 + 94) / 3 = 93, Cà Mau (96 + 95) / 2 = 95.5 (the largest mean: rank 1), Hà Nội 1 (rank 34).
        var before = IndexCalculator.Compute(CountIndex(), Count63());
        var c = ResultComparison.AcrossReorganisationByScores(before, Count34());
        Assert.Equal(ComparisonBasis.AveragedScores, c.Basis);
        var byCode = c.Rows.ToDictionary(r => r.UnitCode);
        Assert.Equal(72.5, byCode["75"].ScoreBefore);
        Assert.Equal(93, byCode["92"].ScoreBefore);
        Assert.Equal(95.5, byCode["96"].ScoreBefore);
        Assert.Equal(1, byCode["96"].RankBefore);
        Assert.Equal(1, byCode["96"].RankAfter);
        Assert.Equal(34, byCode["01"].RankBefore);
        Assert.Contains("Approximation:", c.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void AcrossReorganisation_AfterNotOn34Units_Throws()
    {
        var plan = RemapPlan.Create([KeyValuePair.Create("count", RemapRule.Sum), KeyValuePair.Create("pop", RemapRule.Sum)]);
        var tiny = IndexCalculator.Compute(TinyIndex.Methodology(), TinyIndex.Data());
        var ex = Assert.Throws<ValidationException>(() => ResultComparison.AcrossReorganisation(CountIndex(), Count63(), plan, tiny));
        Assert.Equal(ProblemCode.UnknownValue, ex.Code);
        Assert.Throws<ValidationException>(() => ResultComparison.AcrossReorganisationByScores(IndexCalculator.Compute(CountIndex(), Count63()), tiny));
    }

    /// <summary>The embedded 2016 indicators plus the population, every column population-weighted except the population (summed).</summary>
    internal static (Dataset Data, RemapPlan Plan) Embedded63()
    {
        const string Pop = "population_avg_thousand";
        var data = OpenReadiness2016.Dataset.WithColumn(Pop, OpenReadiness2016.SourceData.Column(Pop));
        var plan = RemapPlan.Create(data.IndicatorCodes.Select(c => KeyValuePair.Create(c, c == Pop ? RemapRule.Sum : RemapRule.WeightedMean(Pop))))
            .WithMissingPolicy(RemapMissingPolicy.UseAvailable);
        return (data, plan);
    }

    [Fact]
    public void AcrossReorganisation_Embedded2016_EqualsAnIndependentRecomputation()
    {
        var (data, plan) = Embedded63();
        var m = OpenReadiness2016.Methodology;
        var remapped = BoundaryRemapper.Remap(data, plan).Dataset;
        Assert.Equal(34, remapped.UnitCount);
        var same = ResultComparison.AcrossReorganisation(m, data, plan, IndexCalculator.Compute(m, remapped));
        Assert.Equal(34, same.Rows.Length);
        Assert.All(same.Rows, r => Assert.Equal(0, r.RankChange));
        AssertNumeric.Close(1, same.RankCorrelation.Coefficient);

        // Another methodology after (economy pillar weighted 3): rows equal a comparison of two independent 34-unit results.
        var other = m with { Code = "heavier-economy", Framework = m.Framework.WithWeight("economy", 3) };
        var after = IndexCalculator.Compute(other, remapped);
        var c = ResultComparison.AcrossReorganisation(m, data, plan, after);
        var direct = ResultComparison.Compare(IndexCalculator.Compute(m, remapped), after);
        for (var i = 0; i < 34; i++)
        {
            Assert.Equal(direct.Rows[i].UnitCode, c.Rows[i].UnitCode);
            Assert.Equal(direct.Rows[i].Name, c.Rows[i].Name);
            Assert.Equal(direct.Rows[i].ScoreBefore, c.Rows[i].ScoreBefore);
            Assert.Equal(direct.Rows[i].RankBefore, c.Rows[i].RankBefore);
            Assert.Equal(direct.Rows[i].ScoreAfter, c.Rows[i].ScoreAfter);
            Assert.Equal(direct.Rows[i].RankAfter, c.Rows[i].RankAfter);
        }

        Assert.Equal(34, c.Rows.Length);
        Assert.Equal(direct.RankCorrelation.Coefficient, c.RankCorrelation.Coefficient);
        Assert.Contains(c.Rows, r => r.RankChange != 0);
        Assert.Equal("heavier-economy", c.AfterCode);
    }

    [Fact]
    public void ToTable_TinyWithoutI1_CsvIsToCsvAndChangeSigned()
    {
        // Before: A 3, B 2, C 1; without i1: A 1, B 2, C 3 -> changes +2, 0, -2; rho = -1.
        var m = TinyIndex.Methodology();
        var before = IndexCalculator.Compute(m, TinyIndex.Data());
        var after = IndexCalculator.Compute(m with { Framework = m.Framework.WithWeight("i1", 0) }, TinyIndex.Data());
        var c = ResultComparison.Compare(before, after);
        var table = c.ToTable();
        Assert.Equal(c.ToCsv() + "\n", table.ToCsv());
        Assert.Equal(["+2", null, null], table.Rows.Select(r => r[7].Display));
        Assert.Equal([2.0, 0.0, -2.0], table.Rows.Select(r => r[7].NumberValue));
        Assert.Contains("3 units matched, Spearman rank correlation -1.000, mean absolute rank change 1.33.", table.Notes);
    }
}
