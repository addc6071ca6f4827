using System.Text.Json;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class HistoryCommandTests : CliRunner
{
    [Fact]
    public void History_BinhPhuoc_MatchesSnapshot()
    {
        var (code, output, err) = Run("history", "Bình Phước");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        Snapshot.Match(output);
    }

    [Theory]
    [InlineData("Bình Phước")]
    [InlineData("binh phuoc")]
    [InlineData("VN-58")]
    [InlineData("70")]
    public void History_AnySpelling_ShowsHeadlineUp36(string name)
    {
        var (code, output, _) = Run("history", name);
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        var y2011 = Assert.Single(lines, l => l.StartsWith("ICT Index 2011", StringComparison.Ordinal));
        var y2012 = Assert.Single(lines, l => l.StartsWith("ICT Index 2012", StringComparison.Ordinal));
        Assert.Matches(@"^ICT Index 2011 +Bình Phước +49 +- +- +- +- +derived from a later report +https://baobinhphuoc", y2011);
        Assert.Matches(@"^ICT Index 2012 +Bình Phước +13 +up 36 since 2011 +- +49 ", y2012);
        Assert.Matches(@"^ICT Index 2016 +Bình Phước +not published", Assert.Single(lines, l => l.StartsWith("ICT Index 2016", StringComparison.Ordinal)));
    }

    [Fact]
    public void History_MergedProvince_LabelsSuccessorRow()
    {
        var (code, output, _) = Run("history", "Quang Nam");
        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("DTI 2024", StringComparison.Ordinal));
        Assert.Matches(@"^DTI 2024 +Quảng Nam -> Đà Nẵng \(2025 unit\) +17 +- ", line);
    }

    [Fact]
    public void History_Csv_GivesHeadlineRowWithSource()
    {
        var (code, output, _) = Run("history", "Bình Phước", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Equal("edition,index,year,geography,unit_code,unit_name,relation,rank,rank_as_published,rank_change,change_since,score,score_as_published,previous_rank,components,provenance,source,note", lines[0]);
        Assert.Contains(
            "ICT Index 2012,IctIndex,2012,Provinces2016,70,Bình Phước,Own,13,,36,2011,,,49,,published,https://baobinhphuoc.com.vn/news/9/47014/binh-phuoc-xep-thu-1363-tinh-thanh-ve-ung-dung-cntt-nam-2012,\"'đứng thứ 13 so với 63 tỉnh, thành ... tăng 36 bậc so với năm 2011'\"",
            lines);
        Assert.Contains("ICT Index 2006,IctIndex,2006,Provinces2016,,,,,,,,,,,,not published,,", lines);
    }

    [Fact]
    public void History_Json_HasNullForUnknownAndSources()
    {
        var (code, output, _) = Run("history", "Bình Phước", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var editions = doc.RootElement.GetProperty("editions").EnumerateArray().ToList();
        var y2012 = editions.Single(e => e.GetProperty("edition").GetString() == "ICT Index 2012");
        Assert.Equal(13, y2012.GetProperty("rank").GetInt32());
        Assert.Equal(36, y2012.GetProperty("rank_change").GetInt32());
        Assert.Equal(JsonValueKind.Null, y2012.GetProperty("score").ValueKind);
        Assert.Single(y2012.GetProperty("sources").EnumerateArray());
        Assert.Equal("Derived", editions.Single(e => e.GetProperty("edition").GetString() == "ICT Index 2011").GetProperty("provenance").GetString());
    }

    [Fact]
    public void History_Markdown_HasOneTableRowPerEdition()
    {
        var (code, output, _) = Run("history", "Bình Phước", "--format", "markdown");
        Assert.Equal(0, code);
        Assert.Equal(11 + 2, output.Split('\n').Count(l => l.StartsWith('|')));
        Assert.Contains("| ICT Index 2012 | Bình Phước | 13 | up 36 since 2011 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void History_UnknownName_Exits3WithCandidates()
    {
        var (code, output, err) = Run("history", "Binh Phuc");
        Assert.Equal(3, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: no province or 2025 unit matches 'Binh Phuc'. Did you mean: 70 Bình Phước", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChartIndexWithoutChartVietnamese_VietnameseAndEnglish()
    {
        var (code, _, err) = Run("history", "Đà Nẵng", "--chart-index", "dti", "--language", "vi");
        Assert.Equal(2, code);
        Assert.Equal("lỗi: --chart-index chỉ dùng cùng --chart FILE.svg.\n", err);
        var (englishCode, _, englishErr) = Run("history", "Đà Nẵng", "--chart-index", "dti");
        Assert.Equal(2, englishCode);
        Assert.Equal("error: --chart-index goes with --chart FILE.svg.\n", englishErr);
    }

    [Fact]
    public void History_BinhPhuocVietnamese_TitleHeadersAndCellsInVietnamese()
    {
        var (code, output, err) = Run("history", "Bình Phước", "--language", "vi");
        Assert.True(code == 0, err);
        var lines = output.Split('\n');
        Assert.Equal("Kết quả đã công bố của 70 Bình Phước (tỉnh/thành phố đến ngày 30 tháng 6 năm 2025)", lines[0]);
        Assert.StartsWith("kỳ công bố      đơn vị", lines[1], StringComparison.Ordinal);
        Assert.Contains("xếp hạng năm trước (như công bố)", lines[1], StringComparison.Ordinal);
        Assert.Contains("chưa công bố", output, StringComparison.Ordinal);
        Assert.Contains("tăng 36 so với 2011", output, StringComparison.Ordinal);
        Assert.Contains("suy ra từ một báo cáo sau", output, StringComparison.Ordinal);
        Assert.Contains("Kết quả không đầy đủ:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not published", output, StringComparison.Ordinal);
        Assert.DoesNotContain("since", output, StringComparison.Ordinal);
    }

    [Fact]
    public void History_VietnameseCsvAndJson_SameAsEnglish()
    {
        Assert.Equal(Run("history", "Bình Phước", "--format", "csv").Out, Run("history", "Bình Phước", "--format", "csv", "--language", "vi").Out);
        Assert.Equal(Run("history", "Bình Phước", "--format", "json").Out, Run("history", "Bình Phước", "--format", "json", "--language", "vi").Out);
    }

    [Fact]
    public void History_EnglishExplicit_SameAsDefault() =>
        Assert.Equal(Run("history", "Bình Phước", "--format", "markdown").Out, Run("history", "Bình Phước", "--format", "markdown", "--language", "en").Out);
}
