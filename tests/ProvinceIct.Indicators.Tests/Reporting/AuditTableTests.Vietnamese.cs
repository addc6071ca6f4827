using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Tests.Reporting;

public partial class AuditTableVietnameseTests
{
    private static AuditReport Audit => AuditTableTests.Audit.Value;

    [Fact]
    public void From_DefaultOptions_SameAsOldOverload()
    {
        var old = AuditTable.From(Audit);
        var en = AuditTable.From(Audit, ReportOptions.Default);
        Assert.Equal(old.ToText(), en.ToText());
        Assert.Equal(old.ToMarkdown(), en.ToMarkdown());
        Assert.Equal(old.ToHtml(), en.ToHtml());
        Assert.Equal(old.ToCsv(), en.ToCsv());
    }

    [Fact]
    public void ToMarkdown_Vietnamese_HeadingsHeadersAndFindings()
    {
        var md = AuditTable.From(Audit, ReportOptions.Vietnamese).ToMarkdown();
        Assert.StartsWith("## Kiểm định thống kê Open-data Provincial Readiness Index 2016: 63 đơn vị, 12 chỉ tiêu, 9 phát hiện", md, StringComparison.Ordinal);
        Assert.Contains("### Phát hiện", md, StringComparison.Ordinal);
        Assert.Contains("### Thống kê chỉ tiêu (dữ liệu gốc)", md, StringComparison.Ordinal);
        Assert.Contains("Độ nhọn", md, StringComparison.Ordinal);
        Assert.Contains("Hệ số Cronbach's alpha", md, StringComparison.Ordinal);
        Assert.Contains("Trụ cột", md, StringComparison.Ordinal);
        Assert.Contains("lệch, đuôi dày", md, StringComparison.Ordinal);
        Assert.Contains("(độ lệch -2,83, độ nhọn 7,80)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Findings", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Skewness", md, StringComparison.Ordinal);
        Assert.DoesNotContain("heavy tails", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_Vietnamese_NumbersFollowTheCulture()
    {
        // firms_using_website_share: min 0.6154, mean 0.7598; income_per_capita_kvnd: min 1222 (Significant(4) in the statistics table)
        var vi = AuditTable.From(Audit, ReportOptions.Vietnamese);
        foreach (var text in new[] { vi.ToMarkdown(), vi.ToHtml(), vi.ToText(), vi.ToMarkdownDocument() })
        {
            Assert.Contains("0,6154", text, StringComparison.Ordinal);
            Assert.Contains("0,7598", text, StringComparison.Ordinal);
            Assert.Contains("1.222", text, StringComparison.Ordinal);
            Assert.DoesNotContain("0.6154", text, StringComparison.Ordinal);
        }

        var en = AuditTable.From(Audit);
        Assert.Contains("0.6154", en.ToHtml(), StringComparison.Ordinal);
        Assert.DoesNotContain("0,6154", en.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_Vietnamese_KeepsEnglishKeys()
    {
        var en = AuditTable.From(Audit).ToCsv().Split('\n').Select(l => string.Join(',', l.Split(',').Take(3)));
        var vi = AuditTable.From(Audit, ReportOptions.Vietnamese).ToCsv().Split('\n').Select(l => string.Join(',', l.Split(',').Take(3)));
        Assert.Equal(en.Where(l => !l.StartsWith("findings", StringComparison.Ordinal)).Take(20), vi.Where(l => !l.StartsWith("findings", StringComparison.Ordinal)).Take(20));
        Assert.StartsWith("section,code,measure,value", AuditTable.From(Audit, ReportOptions.Vietnamese).ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void From_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => AuditTable.From(Audit, null!));

    [Fact]
    public void FindingsIn_Default_SameAsFindings() =>
        Assert.Equal(Audit.Findings, Audit.FindingsIn(ReportOptions.Default.Culture));

    [Fact]
    public void FindingsIn_Vietnamese_SameCountVietnameseSentences()
    {
        var vi = Audit.FindingsIn(ReportOptions.Vietnamese.Culture);
        Assert.Equal(Audit.Findings.Length, vi.Length);
        Assert.Contains(vi, f => f.Contains("thiếu dữ liệu ít nhất một chỉ tiêu", StringComparison.Ordinal));
        Assert.Contains(vi, f => f.Contains("hệ số Cronbach's alpha 0,41 thấp hơn 0,7", StringComparison.Ordinal));
        Assert.Contains(vi, f => f.Contains("tương quan âm với chỉ số `open_readiness_2016`", StringComparison.Ordinal));
        Assert.DoesNotContain(vi, f => f.Contains("units", StringComparison.Ordinal));
    }

    [Fact]
    public void ToMarkdownOptions_Default_SameAsToMarkdown() =>
        Assert.Equal(Audit.ToMarkdown(), AuditTable.From(Audit).ToMarkdownDocument());

    [Fact]
    public void ToMarkdownOptions_Vietnamese_VietnameseDocument()
    {
        var md = AuditTable.From(Audit, ReportOptions.Vietnamese).ToMarkdownDocument();
        Assert.StartsWith("# Kiểm định thống kê: Open-data Provincial Readiness Index 2016", md, StringComparison.Ordinal);
        Assert.Contains("63 đơn vị, 12 chỉ tiêu, 5 chỉ số tổng hợp, 3 cấp.", md, StringComparison.Ordinal);
        Assert.Contains("## Tóm tắt", md, StringComparison.Ordinal);
        Assert.Contains("## Tính nhất quán nội tại", md, StringComparison.Ordinal);
        Assert.Contains("Bỏ `economy` làm thứ hạng các đơn vị thay đổi nhiều nhất: trung bình 6,06 bậc (tối đa 23).", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## Summary", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Removing", md, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReport_Vietnamese_AuditSectionVietnamese()
    {
        var html = HtmlReport.Create(Audit.Result, null, Audit, ReportOptions.Vietnamese).ToHtml();
        var section = html[html.IndexOf("<section id=\"audit\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Kiểm định thống kê", section, StringComparison.Ordinal);
        Assert.Contains("thiếu dữ liệu ít nhất một chỉ tiêu", section, StringComparison.Ordinal);
        Assert.Contains("Độ nhọn", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Skewness", section, StringComparison.Ordinal);
        Assert.DoesNotContain("heavy tails", section, StringComparison.Ordinal);
    }
}
