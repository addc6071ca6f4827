using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Presets;

public class PublishedComparisonTests
{
    private static PublishedEdition Dti2022 => PublishedResults.Default.Edition("dti-2022");

    /// <summary>One indicator, higher is better: the value orders the units.</summary>
    private static IndexResult OneIndicator(params (string Code, string Name, double Value)[] units)
    {
        var framework = Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("x", "X", IndicatorKind.Percent), "IDX", 1),
            FrameworkNode.Aggregate("IDX", "Index"),
        ]);
        var values = new double[units.Length, 1];
        for (var i = 0; i < units.Length; i++)
        {
            values[i, 0] = units[i].Value;
        }

        var data = Dataset.Create([.. units.Select(u => Unit.Create(u.Code, u.Name))], ["x"], values);
        return IndexCalculator.Compute(Methodology.Create("one", "One indicator", framework), data);
    }

    // DTI 2022 as published: Đà Nẵng 1, Hồ Chí Minh 2, Quảng Ninh 3, Thừa Thiên Huế 4.
    // Computed (by value): Hồ Chí Minh 1 (50), Đà Nẵng 2 (40), Huế 3 (30), Quảng Ninh 4 (20), Nowhere 5 (10).
    private static IndexResult FourProvincesAndNowhere() => OneIndicator(
        ("79", "Hồ Chí Minh", 50), ("48", "Đà Nẵng", 40), ("46", "Thừa Thiên Huế", 30), ("22", "Quảng Ninh", 20), ("XX", "Nowhere", 10));

    [Fact]
    public void Compare_FourProvinces_SpearmanMeanAndWithinByHand()
    {
        var c = PublishedComparison.Compare(Dti2022, FourProvincesAndNowhere(), tolerance: 0);
        // pairs (published, computed): ĐN (1, 2), HCM (2, 1), QN (3, 4), Huế (4, 3); d = -1, +1, -1, +1, sum d^2 = 4
        // rho = 1 - 6 * 4 / (4 * (16 - 1)) = 1 - 24 / 60 = 0.6; mean |d| = 4 / 4 = 1; |d| <= 0: none
        Assert.Equal(4, c.RankedPairCount);
        AssertNumeric.Close(0.6, c.RankCorrelation.Coefficient, 1e-12);
        AssertNumeric.Close(1.0, c.MeanAbsoluteRankDifference);
        Assert.Equal(0, c.WithinToleranceCount);
        Assert.Equal(4, PublishedComparison.Compare(Dti2022, FourProvincesAndNowhere(), tolerance: 1).WithinToleranceCount);
        var daNang = c.Rows.Single(r => r.UnitCode == "48");
        Assert.Equal((PublishedComparisonStatus.Both, 1, 2.0, -1.0), (daNang.Status, daNang.PublishedRank!.Value, daNang.ComputedRank, daNang.RankDifference));
        AssertNumeric.Close(0.8002, daNang.PublishedScore!.Value);
    }

    [Fact]
    public void Compare_FourProvinces_EveryUnitOfEitherSideKept()
    {
        var c = PublishedComparison.Compare(Dti2022, FourProvincesAndNowhere());
        Assert.Equal(63 + 1, c.Rows.Length); // 63 published rows, of which 59 not computed, and the one computed unit never published
        Assert.Equal(59, c.PublishedOnly.Length);
        Assert.Equal(["XX"], c.ComputedOnly.ToArray());
        var nowhere = c.Rows[^1];
        Assert.Equal((PublishedComparisonStatus.ComputedOnly, 5.0), (nowhere.Status, nowhere.ComputedRank));
        Assert.Null(nowhere.PublishedRank);
        Assert.True(double.IsNaN(nowhere.RankDifference));
        var langSon = c.Rows.Single(r => r.UnitCode == "20");
        Assert.Equal((PublishedComparisonStatus.PublishedOnly, 6), (langSon.Status, langSon.PublishedRank!.Value));
        Assert.True(double.IsNaN(langSon.ComputedRank));
        Assert.False(c.IsEditionMethodology);
        Assert.Equal("one is not the methodology of the DTI 2022 (that is dti-2022): differences are expected.", c.MethodologyNote);
    }

    [Fact]
    public void Compare_CodeNotGso_MatchedByName()
    {
        var c = PublishedComparison.Compare(Dti2022, OneIndicator(("DN", "Da Nang", 2), ("HCM", "TP. Hồ Chí Minh", 1)));
        Assert.Empty(c.ComputedOnly);
        Assert.Equal(2.0, c.Rows.Single(r => r.UnitCode == "79").ComputedRank);
        Assert.Equal(1.0, c.Rows.Single(r => r.UnitCode == "48").ComputedRank);
        // two pairs in the same order (published ĐN 1, HCM 2; computed ĐN 1, HCM 2): rho = 1 - 6 * 0 / (2 * 3) = 1
        AssertNumeric.Close(1.0, c.RankCorrelation.Coefficient);
    }

    [Fact]
    public void Compare_IctIndex2016WithOpenData_HandComputedSummaryAndHonestNote()
    {
        var c = PublishedComparison.Compare(PublishedResults.Default.Edition("ict-index-2016"), OpenReadiness2016.Compute());
        // published -> computed: ĐN 1 -> 1, HN 2 -> 4, HCM 3 -> 2, QN 4 -> 5, Huế 5 -> 9, Lào Cai 7 -> 43, Bắc Giang 19 -> 38
        // differences 0, -2, +1, -1, -4, -36, -19: mean |d| = 63 / 7 = 9; within 5 places: 5
        // re-ranked over the 7: published 1..7, computed 1, 3, 2, 4, 5, 7, 6; d = 0, -1, 1, 0, 0, -1, 1; sum d^2 = 4
        // rho = 1 - 6 * 4 / (7 * 48) = 1 - 24 / 336 = 0.928571...
        Assert.Equal(7, c.RankedPairCount);
        AssertNumeric.Close(1 - (24.0 / 336), c.RankCorrelation.Coefficient, 1e-12);
        AssertNumeric.Close(9.0, c.MeanAbsoluteRankDifference);
        Assert.Equal(5, c.WithinToleranceCount);
        Assert.Equal(14, c.Rows.Count(r => r.Status == PublishedComparisonStatus.Both));
        Assert.Equal(49, c.ComputedOnly.Length);
        Assert.Empty(c.PublishedOnly);
        var langSon = c.Rows.Single(r => r.UnitCode == "20");
        Assert.Null(langSon.PublishedRank); // published as '61 (bottom three)': kept as text, not a number
        Assert.Equal("61 (bottom three)", langSon.Published!.RankText);
        Assert.False(c.IsEditionMethodology);
        Assert.StartsWith(OpenReadiness2016.Disclaimer, c.MethodologyNote, StringComparison.Ordinal);
        Assert.Contains("differences are expected", c.MethodologyNote, StringComparison.Ordinal);
        Assert.Equal("7 units with both ranks: Spearman rank correlation 0.929, mean absolute rank difference 9.00, 5 within ±5 places.", c.Summary);
    }

    [Fact]
    public void Compare_Dti2022PresetOnItsSample_EditionMethodologyAndSameRanks()
    {
        var c = PublishedComparison.Compare(Dti2022, IndexCalculator.Compute(PresetCatalog.Get("dti-2022"), PresetCatalog.Sample("dti-2022")!));
        Assert.True(c.IsEditionMethodology);
        Assert.Equal(5, c.RankedPairCount);
        AssertNumeric.Close(1.0, c.RankCorrelation.Coefficient);
        Assert.Equal(0.0, c.MeanAbsoluteRankDifference);
        Assert.Contains("follows the DTI 2022 methodology", c.MethodologyNote, StringComparison.Ordinal);
        Assert.Contains(c.Notes(), n => n.Contains("computed ranks are among the 5 units of dti-2022", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_NoPairs_StatisticsUnknown()
    {
        var c = PublishedComparison.Compare(Dti2022, OneIndicator(("XX", "Nowhere", 1), ("YY", "Elsewhere", 2)));
        Assert.Equal(0, c.RankedPairCount);
        Assert.True(double.IsNaN(c.RankCorrelation.Coefficient));
        Assert.True(double.IsNaN(c.MeanAbsoluteRankDifference));
        Assert.Equal(0, c.WithinToleranceCount);
        Assert.Equal(["YY", "XX"], c.ComputedOnly.ToArray()); // by computed rank
    }

    [Fact]
    public void Compare_Arguments_Checked()
    {
        Assert.Throws<ArgumentNullException>(() => PublishedComparison.Compare(null!, FourProvincesAndNowhere()));
        Assert.Throws<ArgumentNullException>(() => PublishedComparison.Compare(Dti2022, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => PublishedComparison.Compare(Dti2022, FourProvincesAndNowhere(), -1));
    }

    [Fact]
    public void ToTable_FourProvinces_MatchesSnapshot() =>
        Snapshot.Match(PublishedComparison.Compare(Dti2022, FourProvincesAndNowhere()).ToTable().ToText());

    [Fact]
    public void ToString_Short()
    {
        Assert.Equal("PublishedComparison DTI 2022 vs one: 4 pairs, rho 0.600, mean |difference| 1.00", PublishedComparison.Compare(Dti2022, FourProvincesAndNowhere()).ToString());
        Assert.Equal("48 Đà Nẵng: published 1, computed 2 (-1), Both", PublishedComparison.Compare(Dti2022, FourProvincesAndNowhere()).Rows[0].ToString());
    }
}
