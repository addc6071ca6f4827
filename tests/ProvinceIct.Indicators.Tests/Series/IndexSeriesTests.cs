using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Series;

public class IndexSeriesTests
{
    /// <summary>One count indicator x under min-max [0, 100]; the index is x's normalised value.</summary>
    internal static Methodology OneIndicator(Normaliser? normaliser = null) => Methodology.Create("one", "One indicator",
        Framework.Create([FrameworkNode.ForIndicator(IndicatorDefinition.Create("x", "X", IndicatorKind.Count), "IDX", 1), FrameworkNode.Aggregate("IDX", "Index")]),
        normaliser ?? Normaliser.MinMax());

    internal static Dataset Data(params (string Code, double X)[] rows) =>
        Dataset.Create(rows.Select(r => Unit.Create(r.Code, "Unit " + r.Code)), ["x"], To2D(rows.Select(r => r.X).ToArray()));

    private static double[,] To2D(double[] xs)
    {
        var m = new double[xs.Length, 1];
        for (var i = 0; i < xs.Length; i++)
        {
            m[i, 0] = xs[i];
        }

        return m;
    }

    /// <summary>
    /// 2019: A 1, B 2, C 3. 2020: A 3, B 2, D 1 (C missing, D new). 2021: A 1, B 4, C 2, D 3.
    /// Ranks (higher x better): 2019 C1 B2 A3; 2020 A1 B2 D3; 2021 B1 D2 C3 A4.
    /// </summary>
    internal static Edition[] ThreeYears() =>
    [
        Edition.Create(2021, OneIndicator(), Data(("A", 1), ("B", 4), ("C", 2), ("D", 3))),
        Edition.Create(2019, OneIndicator(), Data(("A", 1), ("B", 2), ("C", 3))),
        Edition.Create(2020, OneIndicator(), Data(("A", 3), ("B", 2), ("D", 1))),
    ];

    [Fact]
    public void Create_EditionsOutOfOrder_OrderedByYear()
    {
        var s = IndexSeries.Create(ThreeYears());
        Assert.Equal([2019, 2020, 2021], s.Years.ToArray());
        Assert.Equal(SeriesNormalisation.PerYear, s.Normalisation);
        Assert.Empty(s.PanelBounds);
        Assert.False(s.CrossesReorganisation);
        Assert.Equal("IndexSeries 2019-2021: 3 editions (3, 3, 4 units), PerYear normalisation", s.ToString());
    }

    [Fact]
    public void Create_PerYear_ScoresOnEachYearsBounds()
    {
        // 2019 bounds [1, 3]: A (1-1)/2*100 = 0, B 50, C 100.
        var s = IndexSeries.Create(ThreeYears());
        AssertNumeric.Close(0, s.Result(2019).Score("A"));
        AssertNumeric.Close(50, s.Result(2019).Score("B"));
        AssertNumeric.Close(100, s.Result(2019).Score("C"));
    }

    [Fact]
    public void Create_Panel_ScoresOnBoundsOverAllYears()
    {
        // Panel bounds [1, 4]: 2019 B (2-1)/3*100 = 33.33, C (3-1)/3*100 = 66.67; 2020 A 66.67, D 0; 2021 B 100.
        var s = IndexSeries.Create(ThreeYears(), SeriesNormalisation.Panel);
        Assert.Equal(new Goalposts(1, 4), s.PanelBounds["x"]);
        AssertNumeric.Close(100.0 / 3, s.Result(2019).Score("B"));
        AssertNumeric.Close(200.0 / 3, s.Result(2019).Score("C"));
        AssertNumeric.Close(200.0 / 3, s.Result(2020).Score("A"));
        AssertNumeric.Close(0, s.Result(2020).Score("D"));
        AssertNumeric.Close(100, s.Result(2021).Score("B"));
        // Ranks do not depend on the normalisation here (one indicator).
        Assert.Equal(1, s.Result(2021).Rank("B"));
        Assert.Contains("over the panel", s.RankHistory().ToTable().Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PanelWithZScore_ValidationExceptionNamingYearAndIndicator()
    {
        var eds = ThreeYears().Select(e => e.WithMethodology(OneIndicator(Normaliser.ZScore()))).ToArray();
        var ex = Assert.Throws<ValidationException>(() => IndexSeries.Create(eds, SeriesNormalisation.Panel));
        var p = Assert.Single(ex.Report.Problems, q => q.Source == "2019");
        Assert.Equal("x", p.IndicatorCode);
        Assert.Equal("zscore", p.Found);
        Assert.Equal(3, ex.Report.Problems.Length);
    }

    [Fact]
    public void Create_PanelConstantOverAllYears_CalculationException()
    {
        var eds = new[] { Edition.Create(2019, OneIndicator(), Data(("A", 2), ("B", 2))), Edition.Create(2020, OneIndicator(), Data(("A", 2), ("B", 2))) };
        var ex = Assert.Throws<CalculationException>(() => IndexSeries.Create(eds, SeriesNormalisation.Panel));
        Assert.Equal(ProblemCode.ConstantColumn, ex.Code);
        Assert.Equal("x", ex.NodeCode);
    }

    [Fact]
    public void Validate_DuplicateYearAndEmpty_LocatedProblems()
    {
        var a = Edition.Create(2019, OneIndicator(), Data(("A", 1), ("B", 2)));
        var report = IndexSeries.Validate([a, a]);
        var p = Assert.Single(report.Problems);
        Assert.Equal(ProblemCode.DuplicateObservation, p.Code);
        Assert.Equal(2, p.Row);
        Assert.Equal("2019", p.Source);
        Assert.Equal(ProblemCode.EmptyInput, Assert.Single(IndexSeries.Validate([]).Problems).Code);
        Assert.Throws<ValidationException>(() => IndexSeries.Create([a, a]));
    }

    [Fact]
    public void Validate_63AfterThe34_LevelMismatchAndForeignCodes()
    {
        var before = Edition.Create(2026, OneIndicator(), Data(("01", 1), ("70", 2)));
        var after = Edition.Create(2025, OneIndicator(), Data(("01", 1), ("ZZ", 2)), ProvinceGeography.Provinces2025);
        var report = IndexSeries.Validate([before, after]);
        Assert.Contains(report.Problems, q => q.Code == ProblemCode.LevelMismatch && q.Source == "2026" && q.Row == 1);
        var foreign = Assert.Single(report.Problems, q => q.Code == ProblemCode.UnknownValue);
        Assert.Equal("ZZ", foreign.UnitCode);
        Assert.Equal("2025", foreign.Source);
    }

    [Fact]
    public void Create_EditionDataNotFitting_ErrorNamesTheYear()
    {
        var bad = Edition.Create(2020, OneIndicator(), Dataset.Create([Unit.Create("A"), Unit.Create("B")], ["y"], new double[,] { { 1 }, { 2 } }));
        var ex = Assert.Throws<ValidationException>(() => IndexSeries.Create([Edition.Create(2019, OneIndicator(), Data(("A", 1), ("B", 2))), bad]));
        Assert.StartsWith("edition 2020", ex.What, StringComparison.Ordinal);
        Assert.All(ex.Report.Problems, q => Assert.Equal("2020", q.Source));
    }

    [Fact]
    public void Result_UnknownYear_KeyNotFound()
    {
        var s = IndexSeries.Create(ThreeYears());
        Assert.Throws<KeyNotFoundException>(() => s.Result(2018));
        Assert.Null(s.RemapLog(2019));
        Assert.Null(s.RemappedResult(2019));
    }

    /// <summary>Every unit of a geography with count = its GSO code as a number (Bình Phước 70; Đồng Nai 2025 75).</summary>
    internal static Dataset CodeCounts(ProvinceGeography g)
    {
        var units = ProvinceCatalog.Default.Provinces(g).Select(p => p.ToUnit()).ToList();
        return Dataset.Create(units, ["x"], To2D([.. units.Select(u => (double)int.Parse(u.Code, CultureInfo.InvariantCulture))]));
    }

    internal static Methodology CountIndex() => OneIndicator(Normaliser.Identity);

    internal static IndexSeries Crossing() => IndexSeries.Create(
    [
        Edition.Create(2024, CountIndex(), CodeCounts(ProvinceGeography.Provinces2016), remapPlan: RemapPlan.Create([KeyValuePair.Create("x", RemapRule.Sum)])),
        Edition.Create(2025, CountIndex(), CodeCounts(ProvinceGeography.Provinces2025), ProvinceGeography.Provinces2025),
    ]);

    [Fact]
    public void Create_Crossing2025_RemapsThe63UnitEditionWithLog()
    {
        // 2024 carried to the 34 units with x summed: Đồng Nai (75) = 70 + 75 = 145; Cần Thơ (92) = 92 + 93 + 94 = 279.
        var s = Crossing();
        Assert.True(s.CrossesReorganisation);
        var remapped = s.RemappedResult(2024)!;
        Assert.Equal(34, remapped.Units.Length);
        Assert.Equal(145, remapped.Score("75"));
        Assert.Equal(279, remapped.Score("92"));
        Assert.Equal(["70", "75"], s.RemapLog(2024)!["75"].Predecessors.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Null(s.RemapLog(2025));
    }
}
