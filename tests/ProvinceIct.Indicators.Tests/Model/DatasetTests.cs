using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Model;

public class DatasetTests
{
    [Fact]
    public void Create_DuplicateUnitAndInfinity_ReportsBothWithRows()
    {
        var ex = Assert.Throws<ValidationException>(() => Dataset.Create(
            [Unit.Create("70"), Unit.Create("74"), Unit.Create("70")], ["a", "b"],
            new double[,] { { 1, 2 }, { double.PositiveInfinity, 3 }, { 4, 5 } }));
        var dup = Assert.Single(ex.Report.Problems, p => p.Code == ProblemCode.DuplicateUnit);
        Assert.Equal(("70", 3), (dup.UnitCode, dup.Row));
        var inf = Assert.Single(ex.Report.Problems, p => p.Code == ProblemCode.NonFiniteValue);
        Assert.Equal(("74", "a", 2, 1), (inf.UnitCode, inf.IndicatorCode, inf.Row, inf.Column));
    }

    [Fact]
    public void Create_DuplicateIndicator_Reported() =>
        Assert.Equal("a", Assert.Single(Assert.Throws<ValidationException>(() => Dataset.Create([Unit.Create("x")], ["a", "a"], new double[,] { { 1, 2 } })).Report.Problems).IndicatorCode);

    [Fact]
    public void TryCreate_BadValues_ReturnsReportWithoutThrowing()
    {
        var result = Dataset.TryCreate([Unit.Create("A"), Unit.Create("B"), Unit.Create("C")], ["i1", "i2", "i3"],
            [0, 5, 10, 10, 20, 30, 5, 1.5, 15], TinyIndex.Framework());
        Assert.False(result.Success);
        Assert.Equal("<dataset>", result.Source);
        var p = Assert.Single(result.Report.Problems);
        Assert.Equal(("B", "i3", ProblemCode.ValueOutOfRange), (p.UnitCode, p.IndicatorCode, p.Code));
    }

    [Fact]
    public void TryCreate_GoodValues_ReturnsTheDataset()
    {
        var result = Dataset.TryCreate([Unit.Create("A"), Unit.Create("B")], ["i1"], [1, 2], null, "table");
        Assert.True(result.Success);
        Assert.Equal([1, 2], result.Value.Column("i1").ToArray());
    }

    [Fact]
    public void Accessors_ByCodeAndPosition_Agree()
    {
        var d = TinyIndex.Data();
        Assert.Equal(20, d.Value("B", "i2"));
        Assert.Equal(20, d[1, 1]);
        Assert.Equal([5, double.NaN, 15], d.Column("i3").ToArray());
        Assert.Equal(1, d.MissingCount);
        Assert.Equal("Dataset: 3 units x 3 indicators, 1 missing", d.ToString());
        Assert.Throws<KeyNotFoundException>(() => d.Value("Z", "i1"));
    }

    [Fact]
    public void WithColumn_NewCode_AppendsWithoutChangingOriginal()
    {
        var d = TinyIndex.Data();
        var e = d.WithColumn("pop", [1, 2, 3]);
        Assert.Equal(4, e.IndicatorCount);
        Assert.Equal(3, d.IndicatorCount);
        Assert.Equal(3, e.ToMatrix()[2, 3]);
    }

    [Theory]
    [InlineData(double.NaN, 100, 3, "")]        // missing values pass every kind, bounds included
    [InlineData(0, 100.5, 3, "B/i2")]           // a percent above 100
    [InlineData(-0.0, 50, double.NaN, "")]      // -0 is inside [0, 100]; a missing count is not a fraction
    [InlineData(1, 2, 2.5, "C/i3")]             // a count that is not whole
    [InlineData(-1, 2, -3, "A/i1 C/i3")]        // below each kind's minimum
    public void Validate_KindBoundsAndWholeNumbers_ReportsExactlyTheBadCells(double a, double b, double c, string expected)
    {
        // TinyIndex: i1 and i2 are percents in [0, 100], i3 is a count; unit A holds i1 = a, B holds i2 = b, C holds i3 = c.
        var data = Dataset.Create([Unit.Create("A"), Unit.Create("B"), Unit.Create("C")], ["i1", "i2", "i3"],
            new double[,] { { a, 10, 5 }, { 5, b, 7 }, { 10, 30, c } });

        var report = data.Validate(TinyIndex.Framework());

        Assert.Equal(expected, string.Join(" ", report.Problems.Select(p => p.UnitCode + "/" + p.IndicatorCode)));
    }
}
