using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Analysis;

public class AuditReportTests
{
    [Fact]
    public void ToMarkdown_Embedded_MatchesSnapshot()
    {
        var audit = AuditReport.Create(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
        Snapshot.Match(audit.ToMarkdown(), "md");
    }

    [Fact]
    public void Create_Embedded_HasEveryPart()
    {
        var audit = AuditReport.Create(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
        Assert.Equal(63, audit.Coverage.Length);
        Assert.Equal(12, audit.Statistics.Rows.Length);
        Assert.Equal(5, audit.Alphas.Length);
        Assert.Equal(5, audit.Pca.Length + audit.PcaProblems.Length);
        Assert.Equal(16, audit.LeaveOneOut.Rows.Length);
        Assert.Equal(4, audit.AddedValue.Rows.Length);
        Assert.Equal(18, audit.Statistics["students_per_10k"].MissingCount);
        Assert.Equal(audit.Correlations.Flags.Length, audit.Findings.Count(f => audit.Correlations.Flags.Any(c => c.Describe() == f)));
        Assert.StartsWith("AuditReport open-readiness-2016: 63 units", audit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Tiny_FindsNegativeAndCollinearChildren()
    {
        var audit = AuditReport.Create(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Contains(audit.Findings, f => f.Contains("negatively correlated with its parent `P1`", StringComparison.Ordinal));
        Assert.Contains(audit.Findings, f => f.Contains("almost the same signal", StringComparison.Ordinal));
    }
}
