using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Tests.Presets;

public partial class PublishedResultsTests
{
    [Theory]
    [InlineData("ict-index-2016", PublishedIndex.IctIndex, 2016)]
    [InlineData("ICT Index 2012", PublishedIndex.IctIndex, 2012)]
    [InlineData("ictindex_2011", PublishedIndex.IctIndex, 2011)]
    [InlineData("dti-2024", PublishedIndex.Dti, 2024)]
    public void Edition_AnySpellingOfCode_FindsIt(string code, PublishedIndex index, int year)
    {
        var edition = PublishedResults.Default.Edition(code);
        Assert.Equal((index, year), (edition.Index, edition.Year));
        Assert.Same(edition, PublishedResults.Default.Edition(index, year));
    }

    [Theory]
    [InlineData("ict-index-2013")]
    [InlineData("dti")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGetEdition_Unknown_False(string? code) => Assert.False(PublishedResults.Default.TryGetEdition(code, out _));

    [Fact]
    public void Edition_Unknown_ThrowsListingTheCodes()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => PublishedResults.Default.Edition("ict-index-2013"));
        Assert.Contains("ict-index-2012, ict-index-2016", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ict-index-2006", "vn-ict-index-2006", 64)]
    [InlineData("ict-index-2012", "vn-ict-index-2006", 63)]
    [InlineData("ict-index-2016", "vn-ict-index-2016", 63)]
    [InlineData("dti-2023", "dti-2022", 63)]
    [InlineData("dti-2024", "dti-2024", 34)]
    public void PresetNameAndRankedUnitCount_ByEdition(string code, string preset, int ranked)
    {
        var edition = PublishedResults.Default.Edition(code);
        Assert.Equal(code, edition.Code);
        Assert.Equal(preset, edition.PresetName);
        Assert.Equal(ranked, edition.RankedUnitCount);
    }

    [Fact]
    public void RankHistory_IctIndex_BinhPhuoc49Then13Up36()
    {
        var history = PublishedResults.Default.RankHistory(PublishedIndex.IctIndex);
        Assert.Equal([2006, 2010, 2011, 2012, 2016, 2017, 2018, 2022], history.Years.ToArray());
        var y2011 = history.Entry(2011, "70");
        var y2012 = history.Entry(2012, "70");
        Assert.Equal((49.0, SeriesUnitStatus.Present), (y2011.Rank, y2011.Status));
        Assert.Equal((13.0, 49.0, 36.0), (y2012.Rank, y2012.PreviousRank, y2012.ChangeFromPrevious)); // 49 - 13 = 36 places up
        Assert.Equal(63, y2012.RankedCount);
        var y2016 = history.Entry(2016, "70");
        Assert.Equal(SeriesUnitStatus.Missing, y2016.Status); // not published: unknown, never interpolated
        Assert.True(double.IsNaN(y2016.Rank));
        Assert.Equal(64, history.Entry(2006, "70").RankedCount);
    }

    [Fact]
    public void RankHistory_IctIndex_NoChangeAcrossTheTwoSystems()
    {
        // Đà Nẵng is 1st in 2012 and 2016, but 2006-2015 and 2016 on are two systems: no previous rank in 2016.
        var history = PublishedResults.Default.RankHistory(PublishedIndex.IctIndex);
        var y2016 = history.Entry(2016, "48");
        Assert.Equal((1.0, 2012), (y2016.Rank, y2016.PreviousYear!.Value));
        Assert.True(double.IsNaN(y2016.PreviousRank));
        Assert.True(double.IsNaN(y2016.BaseRank));
        Assert.Equal(1.0, history.Entry(2017, "48").PreviousRank);
    }

    [Fact]
    public void RankHistory_Dti_MergedProvinceNamesItsSuccessor()
    {
        var history = PublishedResults.Default.RankHistory(PublishedIndex.Dti);
        var quangNam = history.Entries.Single(e => e.Year == 2024 && e.Geography == ProvinceGeography.Provinces2016 && e.UnitCode == "49");
        Assert.Equal((SeriesUnitStatus.Merged, "48"), (quangNam.Status, quangNam.SuccessorCode));
        var daNang2025 = history.Entries.Single(e => e.Year == 2024 && e.Geography == ProvinceGeography.Provinces2025 && e.UnitCode == "48");
        Assert.Equal((17.0, 34), (daNang2025.Rank, daNang2025.RankedCount));
        Assert.True(double.IsNaN(daNang2025.PreviousRank)); // a 34-unit rank is not compared with a 63-unit one
    }

    [Fact]
    public void RankHistory_YearSpan_OnlyThoseEditions()
    {
        var history = PublishedResults.Default.RankHistory(PublishedIndex.IctIndex, 2016, 2018);
        Assert.Equal([2016, 2017, 2018], history.Years.ToArray());
        Assert.Equal(2016, history.BaseYear);
        Assert.Throws<ArgumentException>(() => PublishedResults.Default.RankHistory(PublishedIndex.Dti, 2000, 2010));
    }

    [Fact]
    public void ToTable_BinhPhuoc_RowsWithSourcesAndChange()
    {
        var binhPhuoc = ProvinceCatalog.Default.Get("70", ProvinceGeography.Provinces2016);
        var table = PublishedResults.Default.ToTable([binhPhuoc]);
        Assert.Equal("published-record", table.Name);
        var csv = table.ToCsv().Split('\n');
        Assert.Equal("unit,name,edition,figure_of,rank,rank_as_published,change,score,provenance,source", csv[0]);
        Assert.StartsWith("70,Bình Phước,ICT Index 2011,,49,,,,derived from a later report,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("70,Bình Phước,ICT Index 2012,,13,,36,,published,", csv[2], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("70,Bình Phước,DTI 2022,,12,", StringComparison.Ordinal));
    }
}
