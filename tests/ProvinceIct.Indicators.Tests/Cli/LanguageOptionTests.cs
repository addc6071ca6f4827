using System.Xml.Linq;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The <c>--language en|vi</c> option of rank, compute and report.</summary>
public sealed class LanguageOptionTests : CliRunner
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public void Rank_Vietnamese_HeadersAndDecimalComma()
    {
        var (code, output, err) = Run("rank", "--top", "3", "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("Xếp hạng  Mã  Tỉnh/thành phố  Chỉ số", output, StringComparison.Ordinal);
        Assert.Contains("3 trên 63 đơn vị", output, StringComparison.Ordinal);
        Assert.Contains("Trụ cột: ", output, StringComparison.Ordinal);
        Assert.Contains("Đà Nẵng          90,45", output, StringComparison.Ordinal);
        Assert.Contains("không phải", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_VietnameseMarkdown_MatchesSnapshot()
    {
        var (code, output, err) = Run("rank", "--top", "5", "--format", "markdown", "--language", "vi");
        Assert.True(code == 0, err);
        Snapshot.Match(output, "md");
    }

    [Fact]
    public void Rank_VietnameseCsv_SameAsEnglish()
    {
        var en = Run("rank", "--format", "csv");
        var vi = Run("rank", "--format", "csv", "--language", "vi");
        Assert.Equal(0, vi.Code);
        Assert.Equal(en.Out, vi.Out);
        Assert.StartsWith("rank,unit_code,unit_name,score,", vi.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_English_Unchanged()
    {
        Assert.Equal(Run("rank", "--top", "3").Out, Run("rank", "--top", "3", "--language", "en").Out);
    }

    [Fact]
    public void Rank_UnknownLanguage_BadArguments()
    {
        var (code, _, err) = Run("rank", "--language", "fr");
        Assert.Equal(2, code);
        Assert.Contains("--language", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rank")]
    [InlineData("compute")]
    [InlineData("report")]
    [InlineData("audit")]
    public void Help_Command_DocumentsLanguage(string command)
    {
        var (code, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("--language", output, StringComparison.Ordinal);
        Assert.Contains("'vi'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Vietnamese_WritesLangViWithVietnameseHeadings()
    {
        var target = Path.Combine(Dir, "bao-cao.html");
        var (code, _, err) = Run(["report", "--language", "vi", "--output", target]);
        Assert.True(code == 0, err);
        var doc = XDocument.Parse(File.ReadAllText(target));
        Assert.Equal("vi", (string?)doc.Root!.Attribute("lang"));
        var headings = doc.Descendants(Xhtml + "h2").Select(h => h.Value).ToList();
        Assert.Contains("Phương pháp", headings);
        Assert.Contains("Xếp hạng", headings);
        Assert.Contains("90,45", doc.Descendants(Xhtml + "table").First().Value, StringComparison.Ordinal);
    }
    [Fact]
    public void Provinces_Vietnamese_HeadersTypesAndRegions()
    {
        var (code, output, err) = Run("provinces", "--language", "vi");
        Assert.True(code == 0, err);
        var lines = output.Split('\n');
        Assert.StartsWith("Mã", lines[0], StringComparison.Ordinal);
        Assert.Contains("Vùng kinh tế - xã hội", lines[0], StringComparison.Ordinal);
        var hanoi = lines.Single(l => l.StartsWith("01 ", StringComparison.Ordinal));
        Assert.Contains("thành phố trực thuộc trung ương", hanoi, StringComparison.Ordinal);
        Assert.Contains("Đồng bằng sông Hồng", hanoi, StringComparison.Ordinal);
    }

    [Fact]
    public void Provinces_VietnameseCsv_SameAsEnglish() =>
        Assert.Equal(Run("provinces", "--format", "csv").Out, Run("provinces", "--format", "csv", "--language", "vi").Out);
    [Fact]
    public void Report_UnitVietnamese_LangViHeadingsAndRegion()
    {
        var target = Path.Combine(Dir, "ha-noi.html");
        var (code, _, err) = Run(["report", "--unit", "01", "--language", "vi", "--output", target]);
        Assert.True(code == 0, err);
        var doc = XDocument.Parse(File.ReadAllText(target));
        Assert.Equal("vi", (string?)doc.Root!.Attribute("lang"));
        Assert.Equal(["Hồ sơ", "Điểm mạnh và điểm yếu", "Các đơn vị tương đồng", "Cần gì để tăng hạng"], doc.Descendants(Xhtml + "h2").Select(h => h.Value));
        Assert.StartsWith("Xếp hạng 4/63", doc.Descendants(Xhtml + "p").Single(p => (string?)p.Attribute("class") == "headline").Value, StringComparison.Ordinal);
        Assert.Contains("Đồng bằng sông Hồng", doc.Descendants(Xhtml + "p").First(p => (string?)p.Attribute("class") == "code").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_Vietnamese_HeadingsAndFindings()
    {
        var (code, output, err) = Run("audit", "--language", "vi");
        Assert.True(code == 0, err);
        Assert.StartsWith("# Kiểm định thống kê:", output, StringComparison.Ordinal);
        Assert.Contains("## Tóm tắt", output, StringComparison.Ordinal);
        Assert.Contains("độ nhọn", output, StringComparison.Ordinal);
        Assert.DoesNotContain("## Summary", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("html")]
    public void Audit_VietnameseTableAndHtml_VietnameseHeaders(string format)
    {
        var (code, output, err) = Run("audit", "--format", format, "--language", "vi");
        Assert.True(code == 0, err);
        Assert.Contains("đuôi dày", output, StringComparison.Ordinal);
        Assert.Contains("Độ nhọn", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Kurtosis", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_VietnameseCsv_SameAsEnglish() =>
        Assert.Equal(Run("audit", "--format", "csv").Out, Run("audit", "--format", "csv", "--language", "vi").Out);

    [Fact]
    public void Audit_English_Unchanged() =>
        Assert.Equal(Run("audit").Out, Run("audit", "--language", "en").Out);
}
