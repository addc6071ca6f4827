using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Presets;

public class OpenReadiness2016Tests
{
    [Fact]
    public void Dataset_AllProvinces_TwelveIndicatorsWithPublishedGaps()
    {
        var d = OpenReadiness2016.Dataset;
        Assert.Equal(63, d.UnitCount);
        Assert.Equal(12, d.IndicatorCount);
        // students: 18 provinces without published figures; poverty: TP Hồ Chí Minh only
        Assert.Equal(18, d.Column("students_per_10k").ToArray().Count(double.IsNaN));
        Assert.True(double.IsNaN(d.Value("79", "poverty_pct")));
        Assert.Equal(19, d.MissingCount);
    }

    [Fact]
    public void Dataset_DerivedIndicators_ComputedFromSourceColumns()
    {
        var d = OpenReadiness2016.Dataset;
        // Hà Nội: urban 3,928.6 of 7,328.4 thousand -> 100 * 3928.6 / 7328.4
        AssertNumeric.Close(100 * 3928.6 / 7328.4, d.Value("01", "urban_population_pct"));
        // Hà Nội: 610,872 students / (7,328.4 thousand / 10) per 10,000 inhabitants = 833.57...
        AssertNumeric.Close(610872 / 732.84, d.Value("01", "students_per_10k"));
        // Hà Nội: retail 399,875.6 billion VND / 7,328.4 thousand persons = 54.56 million VND per person
        AssertNumeric.Close(399875.6 / 7328.4, d.Value("01", "retail_per_capita_mvnd"));
        Assert.Equal(1.3, d.Value("01", "poverty_pct"));
    }

    [Fact]
    public void Units_FromCatalogue_HaveNamesAndRegions()
    {
        var u = OpenReadiness2016.Dataset.Units.Single(x => x.Code == "70");
        Assert.Equal("Bình Phước", u.Name);
        Assert.Equal("South East", u.Group("region"));
        Assert.Equal("Đông Nam Bộ", u.Group("region6"));
    }

    [Fact]
    public void Methodology_EmbeddedJson_RoundTripsExactly()
    {
        var text = OpenReadiness2016.MethodologyJsonText;
        Assert.Equal(text.TrimEnd('\n'), MethodologyJson.Serialize(MethodologyJson.Deserialize(text)).TrimEnd('\n'));
        Assert.Contains("not the official Vietnam ICT Index", OpenReadiness2016.Methodology.Description, StringComparison.Ordinal);
        Assert.Equal(["infra", "human", "egov", "economy"], OpenReadiness2016.Methodology.Framework.Children("open_readiness_2016").Select(n => n.Code));
    }

    [Fact]
    public void Compute_TopAndBottom_MatchIndependentCalculation()
    {
        // Recomputed outside the library (min-max per indicator over the 63 provinces, pillar means, mean of pillars).
        var r = OpenReadiness2016.Compute();
        Assert.Equal(["48", "79", "74"], r.Ranking.Take(3).Select(x => x.Unit.Code));
        AssertNumeric.Close(90.45471436770305, r.Score("48"), 1e-12);
        AssertNumeric.Close(85.06333624211362, r.Score("79"), 1e-12);
        AssertNumeric.Close(16.6304106354145, r.Score("12"), 1e-12);
        Assert.Equal(63, r.Rank("12"));
    }

    [Fact]
    public void Compute_Log_RecordsMissingStudentsAndPoverty()
    {
        var r = OpenReadiness2016.Compute();
        Assert.Equal(18, r.Log["students_per_10k"].MissingUnits.Length);
        Assert.Equal(18, r.Log["human"].PartialUnits.Length);
        Assert.Equal(["79"], r.Log["economy"].PartialUnits.Select(p => p.UnitCode));
    }

    [Fact]
    public void Ranking_Csv_MatchesSnapshot() => Snapshot.Match(RankingTable.From(OpenReadiness2016.Compute()).ToCsv(), "csv");

    [Fact]
    public void Ranking_Text_MatchesSnapshot() => Snapshot.Match(RankingTable.From(OpenReadiness2016.Compute()).ToText());

    [Fact]
    public void Methodology_Json_MatchesSnapshot() => Snapshot.Match(OpenReadiness2016.MethodologyJsonText, "json");

    [Fact]
    public void Recipe_Describe_ListsEveryDerivation() =>
        Assert.Contains("students_per_10k = 10 * university_college_students_persons / population_avg_thousand", ProvinceIct.Indicators.Treatment.Derivation.Describe(OpenReadiness2016.Recipe), StringComparison.Ordinal);
}
