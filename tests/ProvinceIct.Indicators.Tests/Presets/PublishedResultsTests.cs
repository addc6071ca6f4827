using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Presets;

public partial class PublishedResultsTests
{
    private static PublishedHistoryRow Row(string name, PublishedIndex index, int year) =>
        PublishedResults.Default.For(name).Single(r => r.Entry.Index == index && r.Entry.Year == year);

    [Fact]
    public void For_BinhPhuoc_Reproduces49thIn2011And13thIn2012Up36()
    {
        var y2011 = Row("Bình Phước", PublishedIndex.IctIndex, 2011);
        var y2012 = Row("binh phuoc", PublishedIndex.IctIndex, 2012);

        Assert.Equal(49, y2011.Entry.Rank);
        Assert.Equal(PublishedProvenance.Derived, y2011.Entry.Provenance);
        Assert.StartsWith("DERIVED", y2011.Entry.Note, StringComparison.Ordinal);
        Assert.Null(y2011.RankChange);

        Assert.Equal(13, y2012.Entry.Rank);
        Assert.Equal(PublishedProvenance.Published, y2012.Entry.Provenance);
        Assert.Equal(49, y2012.Entry.PreviousRank);

        // 49 - 13 = 36 places gained since 2011.
        Assert.Equal(36, y2012.RankChange);
        Assert.Equal(2011, y2012.ChangeSince);
        Assert.Equal("up 36", y2012.ChangeText);
    }

    [Fact]
    public void EmbeddedEditionCodes_FromFileNames_EqualTheLoadedEditionCodes()
    {
        // The help of `ictindex compare` lists these without loading the record; they must be the codes it loads.
        Assert.Equal(string.Join(", ", PublishedResults.Default.EditionCodes), string.Join(", ", PublishedResults.EmbeddedEditionCodes));
        Assert.Contains("ict-index-2016", PublishedResults.EmbeddedEditionCodes);
        Assert.Contains("dti-2024", PublishedResults.EmbeddedEditionCodes);
    }

    [Fact]
    public void For_HaNoi2011To2012_IsDown3()
    {
        // "Hà Nội lùi từ vị trí thứ bảy xuống thứ 10": 7 - 10 = -3.
        var row = Row("Hà Nội", PublishedIndex.IctIndex, 2012);
        Assert.Equal(-3, row.RankChange);
        Assert.Equal("down 3", row.ChangeText);
    }

    [Fact]
    public void For_UnknownRank_StaysUnknownAndBreaksTheChange()
    {
        // Quảng Ninh DTI 2023 is listed after Thanh Hóa but its rank is not stated.
        var row = Row("Quảng Ninh", PublishedIndex.Dti, 2023);
        Assert.Null(row.Entry.Rank);
        Assert.Null(row.Entry.RankText);
        Assert.Null(row.RankChange);
        Assert.Equal("-", row.ChangeText);
    }

    [Fact]
    public void For_RankPublishedAsText_KeepsTheTextAndNoRank()
    {
        // ictindex_2016.csv: "61 (bottom three)" (the article gives the order only), never taken as a number.
        var row = Row("Lạng Sơn", PublishedIndex.IctIndex, 2016);
        Assert.Null(row.Entry.Rank);
        Assert.Equal("61 (bottom three)", row.Entry.RankText);
        Assert.Equal(0.2144, row.Entry.Score);
    }

    [Fact]
    public void For_ChangeAcrossIctIndexSystems_IsNotComputed()
    {
        // Hà Nội 2012 (old five-component system) rank 10, 2016 (three components) rank 2: not comparable.
        var row = Row("Hà Nội", PublishedIndex.IctIndex, 2016);
        Assert.Equal(2, row.Entry.Rank);
        Assert.Null(row.RankChange);
    }

    [Fact]
    public void For_DaNang2011_ParsesDecimalCommaScoreAndComponents()
    {
        var e = Row("Đà Nẵng", PublishedIndex.IctIndex, 2011).Entry;
        Assert.Equal(0.7547, e.Score);
        Assert.Equal(["htkt", "htnl", "ud", "sxkd", "mt_tccs"], e.Components.Select(c => c.Name));
        var htkt = e.Components[0];
        Assert.Equal(0.82, htkt.Value);
        Assert.Equal(1, htkt.Rank);
        Assert.Equal("htnl=0.8 (#3)", e.Components[1].ToString());
    }

    [Fact]
    public void For_ApproximateComponent_KeepsPublishedTextWithoutValue()
    {
        var htkt = Row("Hà Nội", PublishedIndex.IctIndex, 2016).Entry.Components.Single(c => c.Name == "htkt");
        Assert.Null(htkt.Value);
        Assert.Equal("0.589 (approx., 'gần bằng nhau')", htkt.ValueText);
        Assert.Equal(3, htkt.Rank);
    }

    [Fact]
    public void For_MergedProvince_GetsSuccessorFigureLabelledAsSuccessors()
    {
        // Hải Dương merged into Hải Phòng on 1 July 2025; DTI 2024 is Hải Phòng's (3rd of 34, 0.7857).
        var rows = PublishedResults.Default.For("Hải Dương");
        var dti2024 = rows.Single(r => r.Entry.Year == 2024);
        Assert.Equal(PublishedRelation.Successor, dti2024.Relation);
        Assert.Equal("31", dti2024.Entry.Province.Code);
        Assert.Equal(ProvinceGeography.Provinces2025, dti2024.Entry.Geography);
        Assert.Equal(3, dti2024.Entry.Rank);
        Assert.Equal(0.7857, dti2024.Entry.Score);
        Assert.Null(dti2024.RankChange);

        // Its own rows are its own: DTI 2022, 13th.
        Assert.Equal(PublishedRelation.Own, rows.Single(r => r.Entry.Year == 2022).Relation);
    }

    [Fact]
    public void For_UnchangedTerritory_Is2025RowOwnButNotComparedAcrossGeographies()
    {
        // Hà Nội kept its territory: the 2024 row is its own; 6th of 63 (2023) and 1st of 34 (2024) are not compared.
        var row = Row("Hà Nội", PublishedIndex.Dti, 2024);
        Assert.Equal(PublishedRelation.Own, row.Relation);
        Assert.Equal(1, row.Entry.Rank);
        Assert.Null(row.RankChange);
    }

    [Fact]
    public void For_2025Unit_LabelsPredecessorRows()
    {
        var danang2025 = ProvinceCatalog.Default.Get("48", ProvinceGeography.Provinces2025);
        var rows = PublishedResults.Default.For(danang2025);
        Assert.Equal(PublishedRelation.Own, rows.Single(r => r.Entry.Year == 2024).Relation);
        var quangNam = rows.Single(r => r.Entry.Year == 2022 && r.Entry.Province.Code == "49");
        Assert.Equal(PublishedRelation.Predecessor, quangNam.Relation);
        Assert.Equal(31, quangNam.Entry.Rank);
        Assert.Null(quangNam.RankChange);
    }

    [Fact]
    public void For_UnknownName_ThrowsWithClosestCandidates()
    {
        var ex = Assert.Throws<ProvinceNotFoundException>(() => PublishedResults.Default.For("Binh Phuc"));
        Assert.Contains(ex.Candidates, c => c.Code == "70");
    }

    [Fact]
    public void Editions_EveryEntry_NamesASourceForItsFigures()
    {
        var entries = PublishedResults.Default.Editions.SelectMany(e => e.Entries).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.NotEmpty(e.Sources);
            Assert.All(e.Sources, s => Assert.StartsWith("http", s, StringComparison.Ordinal));
        });
        Assert.All(PublishedResults.Default.Editions.SelectMany(e => e.Aggregates), a => Assert.StartsWith("http", a.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Editions_EveryEmbeddedFile_IsTheTestCopyAndEveryRowParsesAndMatches()
    {
        var files = Directory.GetFiles(PublishedData.Folder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var editions = PublishedResults.Default.Editions;
        Assert.Equal(files, editions.Select(e => e.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(11, files.Count);
        var assembly = typeof(PublishedResults).Assembly;
        foreach (var file in files)
        {
            // The embedded copy is byte for byte the test copy (both come unchanged from the shared data folder).
            using var stream = assembly.GetManifestResourceStream("ProvinceIct.Indicators.Resources.published/" + file)
                ?? assembly.GetManifestResourceStream("ProvinceIct.Indicators.Resources.published\\" + file);
            Assert.NotNull(stream);
            using var reader = new StreamReader(stream);
            Assert.Equal(File.ReadAllText(Path.Combine(PublishedData.Folder, file!)), reader.ReadToEnd());
        }

        foreach (var edition in editions)
        {
            var rows = PublishedData.Read(edition.FileName);
            var nameColumn = rows[0].ContainsKey("province_2025") ? "province_2025" : "province_as_published";

            // Every row is a unit entry or a provincial aggregate (a label in parentheses); none is dropped.
            Assert.Equal(rows.Count, edition.Entries.Length + edition.Aggregates.Length);
            var units = rows.Where(r => !r[nameColumn].StartsWith('(')).ToList();
            for (var i = 0; i < units.Count; i++)
            {
                var expected = ProvinceCatalog.Default.Match(units[i][nameColumn], edition.Geography);
                Assert.Equal(expected, edition.Entries[i].Province);
                Assert.Equal(units[i][nameColumn], edition.Entries[i].NameAsPublished);
            }
        }

        Assert.Equal(ProvinceGeography.Provinces2025, editions.Single(e => e.Index == PublishedIndex.Dti && e.Year == 2024).Geography);
        Assert.Equal(63, editions.Single(e => e.Index == PublishedIndex.Dti && e.Year == 2022).Entries.Length);
    }

    [Fact]
    public void Load_BadRows_ReportsEveryProblemWithRowAndColumn()
    {
        const string csv = "rank,province_as_published,ict_index,source\n1,Atlantis,0.5,https://example.org\n2,Hà Nội,0.4,\n";
        var ex = Assert.Throws<ValidationException>(() => PublishedResults.Load([("ictindex_2011.csv", csv)]));
        Assert.Equal(2, ex.Report.Problems.Length);
        Assert.Contains(ex.Report.Problems, p => p.Code == ProblemCode.UnknownValue && p.Row == 2 && p.Column == 2 && p.Message.Contains("Atlantis", StringComparison.Ordinal));
        Assert.Contains(ex.Report.Problems, p => p.Code == ProblemCode.MissingValue && p.Row == 3 && p.Column == 4);
    }

    [Fact]
    public void Load_BadFileName_IsReported()
    {
        var ex = Assert.Throws<ValidationException>(() => PublishedResults.Load([("results.csv", "rank\n")]));
        Assert.Contains(ex.Report.Problems, p => p.Message.Contains("results.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_Default_CountsEditionsAndEntries()
    {
        Assert.StartsWith("PublishedResults: 11 editions, ", PublishedResults.Default.ToString(), StringComparison.Ordinal);
    }
}
