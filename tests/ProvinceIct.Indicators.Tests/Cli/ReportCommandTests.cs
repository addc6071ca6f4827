using System.Xml.Linq;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>The <c>report</c> command's one-unit form and its audit section (the whole-index form is in <see cref="AnalysisCommandsTests"/>).</summary>
public sealed class ReportCommandTests : CliRunner
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public void Report_Unit_WritesTheOneProvinceReport()
    {
        var target = Path.Combine(Dir, "hagiang.html");
        var (code, output, err) = Run(["report", "--unit", "02", "--output", target]);
        Assert.True(code == 0, err);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        var doc = XDocument.Parse(File.ReadAllText(target));
        Assert.Equal("Hà Giang", doc.Descendants(Xhtml + "h1").Single().Value);
        Assert.Equal(["profile", "strengths", "peers", "targets"], doc.Descendants(Xhtml + "section").Select(s => (string)s.Attribute("id")!));
    }

    [Fact]
    public void Report_GroupRanksRegion_RankOfBinhPhuocWithinSouthEast()
    {
        var target = Path.Combine(Dir, "report.html");
        var (code, _, err) = Run(["report", "--group-ranks", "region", "--output", target]);
        Assert.True(code == 0, err);
        var section = XDocument.Parse(File.ReadAllText(target)).Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == "group-ranks");
        var row = section.Descendants(Xhtml + "tr").Single(r => r.Elements().First().Value == "70").Elements().Select(c => c.Value).ToList();
        // Expected by counting: 1 + the units of Bình Phước's region with a higher index score.
        var r = ProvinceIct.Indicators.Presets.OpenReadiness2016.Compute();
        var region = r.Units.Single(u => u.Code == "70").Group("region");
        var expected = 1 + r.Units.Count(u => u.Group("region") == region && r.Score(u.Code) > r.Score("70"));
        Assert.Equal(["70", "Bình Phước", region, r.Rank("70").ToString(System.Globalization.CultureInfo.InvariantCulture), expected.ToString(System.Globalization.CultureInfo.InvariantCulture)], row.Take(5));
    }

    [Fact]
    public void Report_GroupRanksUnknownGroup_Exit2NamesGroups()
    {
        var (code, _, err) = Run(["report", "--group-ranks", "province", "--output", Path.Combine(Dir, "x.html")]);
        Assert.Equal(2, code);
        Assert.Contains("region", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "x.html")));
    }

    [Theory]
    [InlineData("Da Nang", "48 Đà Nẵng")]
    [InlineData("Ha Giangg", "02 Hà Giang")]
    public void Report_UnknownUnit_Exit3WithClosestMatches(string text, string suggested)
    {
        var (code, _, err) = Run(["report", "--unit", text, "--output", Path.Combine(Dir, "x.html")]);
        Assert.Equal(3, code);
        Assert.Contains($"no unit '{text}' in the data", err, StringComparison.Ordinal);
        Assert.Contains("Did you mean: " + suggested, err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "x.html")));
    }

    [Fact]
    public void Report_UnitWithUncertainty_Exit2() =>
        Assert.Equal(2, Run(["report", "--unit", "02", "--uncertainty-runs", "10", "--weights-noise", "0.2", "--output", Path.Combine(Dir, "x.html")]).Code);

    [Fact]
    public void Report_UncertaintyWithGeometricMeanOnZeros_Exit3NamesTheReplicationAndNoFile()
    {
        // Min-max to [0, 100] gives the worst province a 0, which a geometric mean cannot take: a clear error on
        // stderr (exit 3), not a crash, on every thread count, and no half-written report.
        var target = Path.Combine(Dir, "ua.html");
        var (code, _, err) = Run(["report", "--uncertainty-runs", "200", "--aggregate-choices", "arithmetic,geometric", "--threads", "2", "--output", target]);
        Assert.Equal(3, code);
        Assert.StartsWith("error: Replication ", err, StringComparison.Ordinal);
        Assert.Contains("geometric mean", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Report_Whole_HasEveryAuditFinding()
    {
        var target = Path.Combine(Dir, "report.html");
        var (code, _, err) = Run(["report", "--output", target]);
        Assert.True(code == 0, err);
        var audit = Indicators.Analysis.AuditReport.Create(Indicators.Presets.OpenReadiness2016.Methodology, Indicators.Presets.OpenReadiness2016.Dataset);
        var section = XDocument.Parse(File.ReadAllText(target)).Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "audit");
        Assert.Equal(audit.Findings.Length, section.Elements(Xhtml + "ul").Single().Elements(Xhtml + "li").Count());
    }
}
