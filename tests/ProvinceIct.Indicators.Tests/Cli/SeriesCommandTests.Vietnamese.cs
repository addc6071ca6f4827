using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Cli;

public sealed partial class SeriesCommandTests
{
    [Fact]
    public void Series_ViewReportVietnamese_LangViAndVietnameseTitles()
    {
        var (first, second) = Files();
        var html = Path.Combine(Dir, "series-vi.html");
        var (code, _, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", "report", "--units", "70, 01", "--unit", "70", "--output", html, "--language", "vi");
        Assert.True(code == 0, err);
        var doc = System.Xml.Linq.XDocument.Parse(File.ReadAllText(html));
        Assert.Equal("vi", (string?)doc.Root!.Attribute("lang"));
        var headings = doc.Descendants().Where(e => e.Name.LocalName == "h2").Select(e => e.Value).ToList();
        Assert.Equal("Diễn biến xếp hạng", headings[1]);
        Assert.Contains(doc.Descendants(), e => e.Name.LocalName == "title" && e.Value.StartsWith("Xu hướng các chỉ tiêu của Bình Phước (70)", StringComparison.Ordinal));
    }

    [Fact]
    public void Series_ViewReportEnglish_LangEn()
    {
        var (first, second) = Files();
        var html = Path.Combine(Dir, "series-en.html");
        var (code, _, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", "report", "--output", html, "--language", "en");
        Assert.True(code == 0, err);
        var doc = System.Xml.Linq.XDocument.Parse(File.ReadAllText(html));
        Assert.Equal("en", (string?)doc.Root!.Attribute("lang"));
        Assert.Equal("Rank history", doc.Descendants().Where(e => e.Name.LocalName == "h2").Select(e => e.Value).ElementAt(1));
    }

    [Fact]
    public void Series_RanksVietnameseTable_VietnameseHeadersAndNotes()
    {
        var (first, second) = Files();
        var (code, output, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("Diễn biến xếp hạng của", output, StringComparison.Ordinal);
        Assert.Contains("Thay đổi so với năm 2016", output, StringComparison.Ordinal);
        Assert.Contains("Chuẩn hoá theo từng năm", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Change since", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("history", "Trạng thái")]
    [InlineData("trends", "Xu hướng chỉ tiêu 2016-2017")]
    [InlineData("checks", "Cảnh báo về tính hợp lý giữa các năm")]
    public void Series_OtherViewsVietnamese_VietnameseTitleOrHeader(string view, string expected)
    {
        var (first, second) = Files();
        var (code, output, err) = Run("series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", view, "--format", "markdown", "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ranks")]
    [InlineData("history")]
    [InlineData("trends")]
    [InlineData("checks")]
    public void Series_VietnameseCsv_SameAsEnglish(string view)
    {
        // CSV keeps its keys and invariant numbers whatever the language
        var (first, second) = Files();
        string[] args = ["series", "--data", first, "--data", "2017=" + second, "--preset", OpenReadiness2016.PresetName, "--view", view, "--format", "csv"];
        var en = Run([.. args, "--language", "en"]);
        var vi = Run([.. args, "--language", "vi"]);
        Assert.Equal(0, vi.Code);
        Assert.Equal(en.Out, vi.Out);
    }
}
