using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.Model;

public class ObservationTableTests
{
    private static ObservationTable Sample() => ObservationTable.Create(
    [
        Observation.Create("70", "servers", 105, 2012) with { UnitName = "Bình Phước" },
        Observation.Create("70", "computers", 3339, 2012),
        Observation.Create("74", "servers", 145, 2012) with { UnitName = "Bình Dương" },
        Observation.Create("70", "servers", 200, 2019),
        Observation.Create("49", "servers", 87),
    ], "obs.csv");

    [Fact]
    public void ToDataset_OneYear_WideWithNaNForAbsentPairs()
    {
        var ds = Sample().ToDataset(2012);
        Assert.Equal(["70", "74"], ds.Units.Select(u => u.Code));
        Assert.Equal("Bình Phước", ds.Units[0].Name);
        Assert.Equal(["servers", "computers"], ds.IndicatorCodes.ToArray());
        Assert.Equal(145, ds.Value("74", "servers"));
        Assert.True(double.IsNaN(ds.Value("74", "computers")));
    }

    [Fact]
    public void ToDataset_NullYear_TakesObservationsWithoutYear() =>
        Assert.Equal(87, Sample().ToDataset(null).Value("49", "servers"));

    [Fact]
    public void ToDataset_AbsentYear_EmptyDataset() => Assert.Equal(0, Sample().ToDataset(1999).UnitCount);

    [Fact]
    public void TryToDataset_DuplicateUnitIndicatorYear_ReportedWithBothLinesNeverOverwritten()
    {
        var t = ObservationTable.Create(
        [
            Observation.Create("70", "x", 1, 2012) with { Line = 2 },
            Observation.Create("70", "x", 1, 2012) with { Line = 5 },
            Observation.Create("70", "x", 3, 2012) with { Line = 7 },
        ], "obs.csv");
        var result = t.TryToDataset(2012);
        Assert.False(result.Success);
        var report = result.Report;
        Assert.Equal([5, 7], report.Problems.Select(p => p.Row!.Value));
        var p = report.Problems[1];
        Assert.Equal((ProblemCode.DuplicateObservation, "obs.csv", "70", "x", "values 1 and 3"), (p.Code, p.Source, p.UnitCode, p.IndicatorCode, p.Found));
        Assert.Contains("lines 2 and 7", p.Message, StringComparison.Ordinal);
        Assert.Throws<ValidationException>(() => t.ToDataset(2012));
    }

    [Fact]
    public void Where_Criteria_Filters()
    {
        var t = Sample();
        Assert.Equal(3, t.Where(unitCode: "70").Count);
        Assert.Equal(2, t.Where(unitCode: "70", year: 2012).Count);
        Assert.Single(t.Where(indicatorCode: "computers").Observations);
        Assert.Equal("obs.csv", t.Where(year: 2019).SourceName);
    }

    [Fact]
    public void CodesAndYears_DistinctInOrder()
    {
        var t = Sample();
        Assert.Equal(["70", "74", "49"], t.UnitCodes.ToArray());
        Assert.Equal(["servers", "computers"], t.IndicatorCodes.ToArray());
        Assert.Equal([2012, 2019], t.Years.ToArray());
    }

    [Fact]
    public void ToString_Summary() =>
        Assert.Equal("ObservationTable: 5 observations, 3 units, 2 indicators, years 2012-2019", Sample().ToString());

    [Fact]
    public void Empty_NoObservations() => Assert.Equal("ObservationTable: 0 observations, 0 units, 0 indicators", ObservationTable.Empty.ToString());
}
