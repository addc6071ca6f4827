using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Series;
using ProvinceIct.Indicators.Tests.Series;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class SeriesTablesTests
{
    private static readonly IndexSeries Two = SeriesTileMapsTests.TwoEditions2016();

    [Fact]
    public void Relabelled_Vietnamese_SameCsvAsEnglish()
    {
        // keys and raw values never change with the language
        var vi = ReportOptions.Vietnamese;
        var history = Two.RankHistory();
        Assert.Equal(history.ToWideTable().ToCsv(), SeriesTables.WideRanks(history, vi).ToCsv());
        Assert.Equal(history.ToTable().ToCsv().Split('\n')[0], SeriesTables.Ranks(history, vi).ToCsv().Split('\n')[0]);
        var trends = IndicatorTrends.Compute(Two);
        Assert.Equal(trends.ToTable().ToCsv(), SeriesTables.Trends(trends, vi).ToCsv());
        var groups = GroupRanks.Compute(Two.Result(2017), "region");
        Assert.Equal(groups.ToTable().ToCsv().Split('\n')[0], SeriesTables.GroupRanks(groups, vi).ToCsv().Split('\n')[0]);
    }

    [Fact]
    public void Relabelled_Invariant_TheTypesOwnTables()
    {
        var history = Two.RankHistory();
        Assert.Equal(history.ToWideTable().ToHtml(), SeriesTables.WideRanks(history, ReportOptions.Default).ToHtml());
        var comparison = PublishedComparison.Compare(PublishedResults.Default.Editions.First(e => e.Title == "ICT Index 2016"), Two.Result(2016));
        Assert.Equal(comparison.ToTable().ToHtml(), SeriesTables.Comparison(comparison, ReportOptions.Default).ToHtml());
        Assert.Equal(comparison.Summary, SeriesTables.Summary(comparison, ReportOptions.Default));
    }

    [Fact]
    public void Ranks_Vietnamese_StatusWordsHeadersAndDecimalComma()
    {
        var table = SeriesTables.Ranks(Two.RankHistory(), ReportOptions.Vietnamese);
        Assert.Equal("Trạng thái", table.Columns.Single(c => c.Key == "status").Header);
        Assert.Equal("Hạng năm 2016", table.Columns.Single(c => c.Key == "base_rank").Header);
        var rows = BodyRows(ParseFragment(table.ToHtml()), "rank-history");
        // Hà Nội in 2016: present, score 72.31 (see RankHistoryChartTests) shown 72,31; the year stays 2016
        var hanoi = rows.Single(r => r[0] == "2016" && r[1] == "01");
        Assert.Equal(["Có mặt", "72,31", "4"], [hanoi[3], hanoi[4], hanoi[5]]);
    }

    [Fact]
    public void GroupRanks_Vietnamese_RegionNamesInVietnamese()
    {
        var table = SeriesTables.GroupRanks(GroupRanks.Compute(Two.Result(2017), "region"), ReportOptions.Vietnamese);
        Assert.Equal("Xếp hạng trong vùng", table.Title);
        Assert.Equal("vùng", table.Columns.Single(c => c.Key == "group").Header);
        var hanoi = BodyRows(ParseFragment(table.ToHtml()), "group-ranks").Single(r => r[0] == "01");
        Assert.Equal("Đồng bằng sông Hồng", hanoi[2]);
    }
}
