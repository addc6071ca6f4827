using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Treatment;

public class ImputerTests
{
    private static readonly double N = double.NaN;

    private static Unit U(string code, string? region) =>
        Unit.Create(code, groups: region is null ? null : [KeyValuePair.Create("region", region)]);

    // x: North 1, 2, (missing), South 10, (missing), nowhere (missing); y complete; z all missing
    private static Dataset Data() => Dataset.FromColumns(
        [U("A", "North"), U("B", "North"), U("C", "North"), U("D", "South"), U("E", "South"), U("F", null)],
        [
            KeyValuePair.Create("x", new double[] { 1, 2, N, 10, N, N }),
            KeyValuePair.Create("y", new double[] { 5, 6, 7, 8, 9, 10 }),
            KeyValuePair.Create("z", new double[] { N, N, N, N, N, N }),
        ]);

    [Fact]
    public void Apply_Mean_FillsWithColumnMeanAndLogs()
    {
        var r = Imputer.Mean.Apply(Data(), ["x"]);
        // mean of 1, 2, 10 = 13 / 3
        Assert.Equal([1, 2, 13.0 / 3, 10, 13.0 / 3, 13.0 / 3], r.Dataset.Column("x").ToArray());
        Assert.Equal(["C", "E", "F"], r.Imputed.Select(e => e.UnitCode));
        Assert.All(r.Log, e => Assert.Equal((ImputationMethod.Mean, "x", true), (e.Method, e.IndicatorCode, double.IsNaN(e.OldValue))));
        Assert.Equal(Data().Column("z").ToArray(), r.Dataset.Column("z").ToArray()); // not asked for
    }

    [Fact]
    public void Apply_Median_FillsWithColumnMedian()
    {
        var r = Imputer.Median.Apply(Data(), ["x"]);
        // median of 1, 2, 10 = 2
        Assert.Equal([1, 2, 2, 10, 2, 2], r.Dataset.Column("x").ToArray());
    }

    [Fact]
    public void Apply_ColumnWithoutValues_LeftMissingWithReason()
    {
        var r = Imputer.Median.Apply(Data());
        Assert.Equal(6, r.LeftMissing.Count());
        Assert.All(r.LeftMissing, e => Assert.Equal(("z", ImputationOutcome.NoData), (e.IndicatorCode, e.Outcome)));
        Assert.Equal("ImputationResult: 3 imputed, 6 left missing", r.ToString());
    }

    [Fact]
    public void Apply_GroupMean_UsesTheUnitsRegionAndLogsUnitWithoutGroup()
    {
        var r = Imputer.GroupMean("region").Apply(Data(), ["x"]);
        // C: North mean (1 + 2) / 2 = 1.5; E: South mean 10; F: no region -> stays missing
        Assert.Equal([1, 2, 1.5, 10, 10, N], r.Dataset.Column("x").ToArray());
        var f = Assert.Single(r.LeftMissing);
        Assert.Equal(("F", ImputationOutcome.NoGroup, ImputationMethod.GroupMean), (f.UnitCode, f.Outcome, f.Method));
    }

    [Fact]
    public void Apply_GroupMedian_GroupWithoutDataStaysMissing()
    {
        var data = Data().WithValue("D", "x", N);
        var r = Imputer.GroupMedian("region").Apply(data, ["x"]);
        // C: North median of 1, 2 = 1.5; D, E: South has no value
        Assert.Equal([1, 2, 1.5, N, N, N], r.Dataset.Column("x").ToArray());
        Assert.Equal([ImputationOutcome.GroupWithoutData, ImputationOutcome.GroupWithoutData, ImputationOutcome.NoGroup], r.LeftMissing.Select(e => e.Outcome));
    }

    [Fact]
    public void Apply_WithinPillar_MeanOfTheUnitsOtherIndicatorsInThePillar()
    {
        var framework = Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("a", "a", IndicatorKind.Real), "P1"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("b", "b", IndicatorKind.Real), "P1"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("c", "c", IndicatorKind.Real), "P1"),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("d", "d", IndicatorKind.Real), "P2"),
            FrameworkNode.Aggregate("P1", "Pillar 1", "IDX"),
            FrameworkNode.Aggregate("P2", "Pillar 2", "IDX"),
            FrameworkNode.Aggregate("IDX", "Index"),
        ]);
        var data = Dataset.Create([Unit.Create("A"), Unit.Create("B")], ["a", "b", "c", "d", "other"], new double[,]
        {
            { N, 40, 70, 99, N },
            { N, N, N, 10, 5 },
        });
        var r = Imputer.WithinPillar(framework).Apply(data);
        // A.a = (40 + 70) / 2 = 55 (d is in another pillar); B has nothing else in P1
        AssertNumeric.Close(55, r.Dataset.Value("A", "a"));
        Assert.True(double.IsNaN(r.Dataset.Value("B", "a")));
        Assert.True(double.IsNaN(r.Dataset.Value("A", "other"))); // not an indicator of the framework: not imputed
        Assert.Equal([ImputationOutcome.NoData, ImputationOutcome.NoData, ImputationOutcome.NoData], r.LeftMissing.Select(e => e.Outcome));
    }

    [Fact]
    public void GroupMean_BlankGroupName_ThrowsInvalidParameter() => Assert.Equal(ProblemCode.InvalidParameter, Assert.Throws<ValidationException>(() => Imputer.GroupMean(" ")).Code);

    [Fact]
    public void ToString_GroupImputer_NamesGroup() => Assert.Equal("group-median(region)", Imputer.GroupMedian("region").ToString());

    public static TheoryData<Imputer> ReadableImputers => new() { Imputer.Mean, Imputer.Median, Imputer.GroupMean("region"), Imputer.GroupMedian("Group_x") };

    [Theory]
    [MemberData(nameof(ReadableImputers))]
    public void Parse_ToString_EqualImputer(Imputer imputer) =>
        Assert.Equal(imputer, ProvinceIct.Indicators.Methods.MethodRegistry.Default.Parse<Imputer>(imputer.ToString()));

    [Theory]
    [InlineData("mean", "mean")]
    [InlineData("MEDIAN", "median")]
    [InlineData("group-mean:region", "group-mean(region)")]
    [InlineData("group-median(group=region)", "group-median(region)")]
    public void Parse_OldAndNewSpellings_CanonicalText(string text, string canonical) =>
        Assert.Equal(canonical, ProvinceIct.Indicators.Methods.MethodRegistry.Default.Parse<Imputer>(text).ToString());

    [Theory]
    [InlineData("group-mean")]
    [InlineData("mean(1)")]
    [InlineData("within-pillar")]
    [InlineData("mode")]
    public void Read_BadText_Problem(string text) =>
        Assert.False(ProvinceIct.Indicators.Methods.MethodRegistry.Default.Read<Imputer>(text).TryGetValue(out _));

    [Fact]
    public void ToString_WithinPillar_NameOnly() => Assert.Equal("within-pillar", Imputer.WithinPillar(Support.TinyIndex.Framework()).ToString());
}
