using System.Reflection;
using System.Xml.Linq;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Uncertainty;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting.Notebook;

/// <summary>Formats values the way .NET Interactive finds formatters by convention: everything by reflection and by name, no reference to the library's notebook types.</summary>
public class NotebookFormatterTests
{
    private static readonly IndexResult Embedded = OpenReadiness2016.Compute();

    /// <summary>Finds the attribute named TypeFormatterSourceAttribute on the type, creates the source, picks the formatter for the MIME type and formats into a StringWriter.</summary>
    private static List<object> Formatters(Type annotated)
    {
        var attribute = annotated.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[]?)attribute.GetType().GetProperty("PreferredMimeTypes")?.GetValue(attribute);
        Assert.Equal(["text/html"], preferred!);
        var source = Activator.CreateInstance(sourceType)!;
        return [.. (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!];
    }

    private static (bool Handled, string Output) Format(object value, string mimeType, Type? annotated = null)
    {
        var formatter = Formatters(annotated ?? value.GetType()).Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == mimeType);
        using var writer = new StringWriter();
        var handled = (bool)formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!.Invoke(formatter, [value, writer])!;
        return (handled, writer.ToString());
    }

    private static XElement Html(object value)
    {
        var (handled, output) = Format(value, "text/html");
        Assert.True(handled);
        return ParseFragment(output);
    }

    [Fact]
    public void Format_IndexResult_RankingTableHtml()
    {
        var root = Html(Embedded);
        Assert.Equal(RankingTable.From(Embedded).ToHtml(), Format(Embedded, "text/html").Output);
        Assert.Equal(63, BodyRows(root).Count);
        Assert.Contains(root.Descendants("th"), th => th.Value == "Đà Nẵng");
    }

    [Fact]
    public void Format_Tables_TheirHtml()
    {
        var profile = UnitProfileTable.From(Embedded, "48", OpenReadiness2016.Dataset);
        Assert.Equal(profile.Rows.Length, BodyRows(Html(profile)).Count);
        var comparison = ResultComparison.Compare(Embedded, Embedded);
        Assert.Equal(63, BodyRows(Html(comparison)).Count);
        Assert.Equal(63, BodyRows(Html(ComparisonTable.From(comparison))).Count);
        Assert.Equal(10, BodyRows(Html(RankingTable.From(Embedded, 10))).Count);
    }

    [Fact]
    public void Format_AuditReport_FindingsAndTables()
    {
        var audit = AuditTableTests.Audit.Value;
        var root = Html(audit);
        Assert.Equal(audit.Findings.Length, root.Descendants("li").Count());
        Assert.Equal(audit.Statistics.Rows.Length, BodyRows(root, "audit-statistics").Count);
        Assert.Equal(audit.Findings.Length, Html(AuditTable.From(audit)).Descendants("li").Count());
    }

    [Fact]
    public void Format_UncertaintyResult_Table()
    {
        var u = RankIntervalChartTests.Analysis.Value;
        Assert.Equal(63, BodyRows(Html(u)).Count);
        Assert.Equal(5, BodyRows(Html(UncertaintyTable.From(u, 5))).Count);
    }

    [Fact]
    public void Format_Decomposition_OneRowPerUnitWithTotalAndContributions()
    {
        var d = Decomposition.Compute(Embedded);
        var rows = BodyRows(Html(d), "decomposition");

        Assert.Equal(63, rows.Count);
        var danang = rows.Single(r => r[0] == "48");
        Assert.Equal(3 + d.IndicatorCodes.Length, danang.Count);
        Assert.Equal("Đà Nẵng", danang[1]);
        Assert.Equal(d.Total("48").ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), danang[2]);
        Assert.Equal(d.Contribution("48", d.IndicatorCodes[0]).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), danang[3]);
        Assert.Contains("Contributions to", Format(d, "text/plain").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SvgChart_InlineSvg()
    {
        var root = Html(UnitProfileChart.Create(Embedded, "48"));
        Assert.Equal(Svg + "svg", root.Elements().Single().Name);
    }

    [Fact]
    public void Format_Reports_SandboxedFrameHoldingTheDocument()
    {
        var report = HtmlReport.Create(Embedded);
        var frame = Html(report).Elements("iframe").Single();
        Assert.Equal(string.Empty, (string?)frame.Attribute("sandbox"));
        Assert.Equal(report.ToHtml(), (string)frame.Attribute("srcdoc")!);
        XDocument.Parse((string)frame.Attribute("srcdoc")!);
        var unit = UnitReport.Create(Embedded, OpenReadiness2016.Dataset, "48");
        Assert.Equal(unit.ToHtml(), (string)Html(unit).Elements("iframe").Single().Attribute("srcdoc")!);
    }

    [Fact]
    public void Format_PlainText_TextTableOrToString()
    {
        Assert.Equal((true, RankingTable.From(Embedded).ToText()), Format(Embedded, "text/plain"));
        var chart = RankingBarChart.Create(Embedded);
        Assert.Equal((true, chart.ToString()), Format(chart, "text/plain"));
    }

    [Fact]
    public void Format_TypesWithTheAttribute_AreExactlyTheResultTypes()
    {
        var annotated = typeof(IndexResult).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(false).Any(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
            .Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["AuditReport", "AuditTable", "ComparisonTable", "Decomposition", "HtmlReport", "IndexResult", "RankingTable", "ResultComparison", "SvgChart", "UncertaintyResult", "UncertaintyTable", "UnitProfileTable", "UnitReport"], annotated);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    public void Format_OtherObject_NotHandled(string mimeType) => Assert.Equal((false, string.Empty), Format("just a string", mimeType, typeof(IndexResult)));
}
