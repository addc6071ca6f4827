using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Tests.Series;

public class RankHistoryTests
{
    // Ranks (see IndexSeriesTests.ThreeYears): 2019 C1 B2 A3 (D absent); 2020 A1 B2 D3 (C absent); 2021 B1 D2 C3 A4.

    [Fact]
    public void RankHistory_ThreeYears_ChangesFromPreviousAndBase()
    {
        var h = IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory();
        Assert.Equal("IDX", h.NodeCode);
        Assert.Equal(2019, h.BaseYear);
        Assert.Equal(12, h.Entries.Length); // 4 units x 3 years, none dropped

        var a2020 = h.Entry(2020, "A");
        Assert.Equal((1.0, 3.0, 2.0, 2.0), (a2020.Rank, a2020.PreviousRank, a2020.ChangeFromPrevious, a2020.ChangeFromBase)); // 3 -> 1: +2
        Assert.Equal(SeriesUnitStatus.Present, a2020.Status);
        Assert.Equal(2019, a2020.PreviousYear);
        Assert.Equal(3, a2020.RankedCount);

        var a2021 = h.Entry(2021, "A");
        Assert.Equal((4.0, -3.0, -1.0), (a2021.Rank, a2021.ChangeFromPrevious, a2021.ChangeFromBase)); // 1 -> 4: -3; 3 -> 4: -1
        Assert.Equal(4, a2021.RankedCount);

        var d2020 = h.Entry(2020, "D");
        Assert.Equal(SeriesUnitStatus.New, d2020.Status);
        Assert.True(double.IsNaN(d2020.PreviousRank) && double.IsNaN(d2020.ChangeFromBase));

        var c2020 = h.Entry(2020, "C");
        Assert.Equal(SeriesUnitStatus.Missing, c2020.Status);
        Assert.True(double.IsNaN(c2020.Rank));
        Assert.Equal(1, c2020.PreviousRank);

        var c2021 = h.Entry(2021, "C"); // back after a gap: new against 2020, -2 against 2019 (1 -> 3)
        Assert.Equal(SeriesUnitStatus.New, c2021.Status);
        Assert.Equal(-2, c2021.ChangeFromBase);

        Assert.Equal(SeriesUnitStatus.Missing, h.Entry(2019, "D").Status);
        Assert.Equal(0, h.Entry(2019, "B").ChangeFromBase);
        Assert.Equal([2019, 2021], h.ForUnit("C").Where(e => e.Status != SeriesUnitStatus.Missing).Select(e => e.Year));
    }

    [Fact]
    public void RankHistory_BaseYear2020_ChangesAgainstIt()
    {
        var h = IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory(baseYear: 2020);
        Assert.Equal(-3, h.Entry(2021, "A").ChangeFromBase); // 1 -> 4
        Assert.Equal(-2, h.Entry(2019, "A").ChangeFromBase); // base 1, then 3: 1 - 3
        Assert.Throws<KeyNotFoundException>(() => IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory(baseYear: 2000));
    }

    [Fact]
    public void RankHistory_IndicatorNode_SameAsIndexForOneIndicator()
    {
        var s = IndexSeries.Create(IndexSeriesTests.ThreeYears());
        Assert.Equal(s.RankHistory().Entries.Select(e => e.Rank), s.RankHistory("x").Entries.Select(e => e.Rank));
        Assert.Throws<KeyNotFoundException>(() => s.RankHistory("nope"));
    }

    [Fact]
    public void RankHistory_Crossing2025_SuccessorsComparedOnThe34AndMergedMarked()
    {
        // 2024 on the 34 (summed): Cần Thơ 92 = 279, the largest: rank 1. 2025: x = code, Cà Mau 96 first, Cần Thơ 92 second.
        var h = IndexSeriesTests.Crossing().RankHistory();
        var ct = h.Entry(2025, "92");
        Assert.Equal(SeriesUnitStatus.Successor, ct.Status);
        Assert.Equal((1.0, 2.0, -1.0), (ct.PreviousRank, ct.Rank, ct.ChangeFromPrevious));
        Assert.Equal(34, ct.RankedCount);
        Assert.Equal(34, h.Entry(2025, "01").PreviousRank); // Hà Nội alone: 1, the smallest

        var bp = h.Entry(2025, "70"); // Bình Phước, merged into Đồng Nai (75)
        Assert.Equal(SeriesUnitStatus.Merged, bp.Status);
        Assert.Equal(ProvinceGeography.Provinces2016, bp.Geography);
        Assert.Equal("75", bp.SuccessorCode);
        Assert.True(double.IsNaN(bp.Rank));
        Assert.Equal(1, h.Entry(2024, "96").Rank); // 2024 on the 63: Cà Mau 96 the largest code

        var continuing = ProvinceCatalog.Default.Provinces(ProvinceGeography.Provinces2016).Count(p => p.SuccessorCode == p.Code);
        Assert.Equal(34 + 63 - continuing, h.Entries.Count(e => e.Year == 2025));
        Assert.Single(h.RemapLogs);
        Assert.Contains("carried to the 34 units", string.Join(" ", h.ToTable().Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void ToTable_ThreeYears_SignedChangesAndStatus()
    {
        var t = IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory().ToTable();
        Assert.Equal("rank-history", t.Name);
        Assert.Equal(12, t.Rows.Length);
        var csv = t.ToCsv();
        var lines = csv.Split('\n');
        Assert.Equal("2020,A,Unit A,Present,100,1,3,3,2,3,2,", lines.Single(l => l.StartsWith("2020,A,", StringComparison.Ordinal)));
        Assert.Equal("2020,C,Unit C,Missing,,,3,1,,1,,", lines.Single(l => l.StartsWith("2020,C,", StringComparison.Ordinal)));
    }

    [Fact]
    public void ToWideTable_ThreeYears_OneRowPerUnitOneColumnPerYear()
    {
        var t = IndexSeries.Create(IndexSeriesTests.ThreeYears()).RankHistory().ToWideTable();
        Assert.Equal(4, t.Rows.Length);
        var csv = t.ToCsv();
        var lines = csv.Split('\n');
        Assert.Equal("A,Unit A,3,1,4,-1,", lines.Single(l => l.StartsWith("A,", StringComparison.Ordinal)));
        Assert.Equal("D,Unit D,,3,2,,", lines.Single(l => l.StartsWith("D,", StringComparison.Ordinal)));
    }
}
