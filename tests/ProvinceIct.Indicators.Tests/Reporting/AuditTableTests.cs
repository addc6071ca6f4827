using System.Globalization;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tests.Support;
using static ProvinceIct.Indicators.Tests.Reporting.ChartXml;

namespace ProvinceIct.Indicators.Tests.Reporting;

public class AuditTableTests
{
    internal static readonly Lazy<AuditReport> Audit = new(() => AuditReport.Create(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset));

    [Fact]
    public void ToHtml_Embedded_FindingsAndTablesWithTheAuditsNumbers()
    {
        var a = Audit.Value;
        var root = ParseFragment(AuditTable.From(a).ToHtml());
        var items = root.Descendants("ul").Single(u => (string?)u.Attribute("class") == "findings").Elements("li").ToList();
        Assert.Equal(a.Findings.Length, items.Count);
        Assert.Equal(a.Findings.Select(f => f.Replace("`", string.Empty, StringComparison.Ordinal)), items.Select(li => li.Value));
        Assert.All(items.Where(li => a.Findings[items.IndexOf(li)].Contains('`', StringComparison.Ordinal)), li => Assert.NotEmpty(li.Elements("code")));

        var stats = BodyRows(root, "audit-statistics");
        Assert.Equal(a.Statistics.Rows.Length, stats.Count);
        foreach (var (cells, s) in stats.Zip(a.Statistics.Rows))
        {
            Assert.Equal(s.IndicatorCode, cells[0]);
            Assert.Equal(Fmt(100 * s.Availability, "0.0") + "%", cells[1]);
            Assert.Equal(Fmt(s.Skewness, "0.00"), cells[7]);
            Assert.Equal(Fmt(s.Kurtosis, "0.00"), cells[8]);
            AssertNumeric.Close(s.Mean, double.Parse(cells[5], CultureInfo.InvariantCulture), 5e-4); // 4 significant digits
        }

        var alpha = BodyRows(root, "audit-consistency");
        Assert.Equal(a.Alphas.Select(x => x.NodeCode), alpha.Select(c => c[0]));
        Assert.Equal(a.Alphas.Select(x => Fmt(x.Alpha, "0.000")), alpha.Select(c => c[3]));

        var loo = BodyRows(root, "audit-leave-one-out");
        Assert.Equal(a.LeaveOneOut.Rows.Select(r => Fmt(r.MeanAbsoluteShift, "0.00")), loo.Select(c => c[2]));
        var added = BodyRows(root, "audit-added-value");
        Assert.Equal(a.AddedValue.Rows.Select(r => r.UnitsDiffering.ToString(CultureInfo.InvariantCulture)), added.Select(c => c[2]));
    }

    [Fact]
    public void ToCsv_Embedded_LongFormRoundTrips()
    {
        var a = Audit.Value;
        var csv = ReadCsv(AuditTable.From(a).ToCsv());
        Assert.Equal(["section", "code", "measure", "value"], csv.Header.Fields.ToArray());
        Assert.Equal(a.Findings, csv.Rows.Where(r => r[0] == "findings").Select(r => r[3]));
        string Value(string section, string code, string measure) => csv.Rows.Single(r => r[0] == section && r[1] == code && r[2] == measure)[3];
        foreach (var s in a.Statistics.Rows)
        {
            Assert.Equal(s.Skewness, double.Parse(Value("statistics", s.IndicatorCode, "skewness"), CultureInfo.InvariantCulture));
        }

        foreach (var x in a.Alphas)
        {
            Assert.Equal(x.Alpha, double.Parse(Value("consistency", x.NodeCode, "alpha"), CultureInfo.InvariantCulture));
        }

        var top = a.LeaveOneOut.Rows[0];
        Assert.Equal(top.MeanAbsoluteShift, double.Parse(Value("leave_one_out", top.RemovedCode, "mean_abs_shift"), CultureInfo.InvariantCulture));
        Assert.Equal(a.AddedValue.Rows[0].Share, double.Parse(Value("added_value", a.AddedValue.Rows[0].NodeCode, "share"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToText_Embedded_MatchesSnapshot() => Snapshot.Match(AuditTable.From(Audit.Value).ToText());

    [Fact]
    public void ToMarkdown_Embedded_HeadingsForEveryPart()
    {
        var md = AuditTable.From(Audit.Value).ToMarkdown();
        Assert.StartsWith("## Statistical audit of Open-data Provincial Readiness Index 2016: 63 units", md, StringComparison.Ordinal);
        foreach (var h in new[] { "### Findings", "### Indicator statistics (raw data)", "### Internal consistency", "### Leave one out", "### Added value of the index" })
        {
            Assert.Contains("\n" + h, md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void From_Null_Throws() => Assert.Throws<ArgumentNullException>(() => AuditTable.From(null!));

    [Fact]
    public void ToMarkdownDocumentAndToHtml_VietnameseOpenReadiness_NoEnglishOutsideAllowedData()
    {
        // allowed: data names, codes, cited methods and sources (EnglishText)
        var tables = AuditTable.From(Audit.Value, ReportOptions.Vietnamese);
        var english = EnglishText.InMarkdown(tables.ToMarkdownDocument(), Audit.Value.Result)
            .Concat(EnglishText.InMarkup("<div>" + tables.ToHtml() + "</div>", Audit.Value.Result)).ToList();
        Assert.True(english.Count == 0, "English in the Vietnamese audit:\n" + string.Join("\n", english));
    }
}
