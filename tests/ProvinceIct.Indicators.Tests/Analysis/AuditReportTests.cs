using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Uncertainty;

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
    public void FindingsIn_PcaProblemVietnamese_StatesTheReasonInVietnamese()
    {
        var data = Dataset.Create(
            [Unit.Create("A", "Alpha"), Unit.Create("B", "Bravo"), Unit.Create("C", "Charlie"), Unit.Create("D", "Delta")],
            ["i1", "i2", "i3"],
            new double[,] { { 0, 10, 5 }, { 10, 20, double.NaN }, { 20, 30, double.NaN }, { 0, 10, 15 } });
        // IDX's complete units are A and D, whose pillar P1 is the same: a constant child.
        var audit = AuditReport.Create(TinyIndex.Methodology(), data);
        var problem = Assert.Single(audit.PcaProblems);
        Assert.Equal("IDX", problem.Key);
        Assert.StartsWith("PCA weights of node 'IDX'", problem.Value, StringComparison.Ordinal);
        var vi = audit.FindingsIn(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains(vi, f => f.Contains("Trọng số PCA của nút 'IDX'", StringComparison.Ordinal));
        Assert.DoesNotContain(vi, f => f.Contains("PCA weights", StringComparison.Ordinal));
        Assert.Contains(audit.FindingsIn(System.Globalization.CultureInfo.InvariantCulture), f => f.Contains(problem.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_Tiny_FindsNegativeAndCollinearChildren()
    {
        var audit = AuditReport.Create(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Contains(audit.Findings, f => f.Contains("negatively correlated with its parent `P1`", StringComparison.Ordinal));
        Assert.Contains(audit.Findings, f => f.Contains("almost the same signal", StringComparison.Ordinal));
    }

    private static UncertaintyResult Seeded(int threads, int runs = 64) =>
        UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset,
            [UncertainFactor.WeightNoise(0.25), UncertainFactor.ExcludeOneIndicator()],
            UncertaintyOptions.Default with { Runs = runs, Seed = 11, Threads = threads });

    [Fact]
    public void ToMarkdown_EmbeddedWithSeededUncertainty_MatchesSnapshot()
    {
        var audit = AuditReport.Create(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset).WithUncertainty(Seeded(threads: 1));
        Snapshot.Match(audit.ToMarkdown(), "md");
    }

    [Fact]
    public void WithUncertainty_OneOrTwoThreads_SameMarkdown()
    {
        var audit = AuditReport.Create(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
        Assert.Equal(audit.WithUncertainty(Seeded(threads: 1)).ToMarkdown(), audit.WithUncertainty(Seeded(threads: 2)).ToMarkdown());
    }

    [Fact]
    public void WithUncertainty_Embedded_FindingsAgreeWithTheStatistics()
    {
        var audit = AuditReport.Create(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset);
        var ua = Seeded(threads: 2);
        var with = audit.WithUncertainty(ua);
        Assert.Null(audit.Uncertainty);
        Assert.Same(ua, with.Uncertainty);
        Assert.Equal(audit.Findings, with.Findings.Take(audit.Findings.Length));
        Assert.DoesNotContain("## Uncertainty", audit.ToMarkdown(), StringComparison.Ordinal);

        // The wide-interval finding counts exactly the units with q95 - q05 > 10.
        var wide = ua.Units.Count(u => u.Q95Rank - u.Q05Rank > AuditReport.WideRankIntervalThreshold);
        var finding = with.Findings[audit.Findings.Length];
        Assert.StartsWith(wide == 0 ? "No unit has" : wide + " of 63 units have a 90% rank interval (5th to 95th percentile of the rank, interpolated between runs) wider than 10 places: ", finding, StringComparison.Ordinal);

        // The stability finding follows the 95th percentiles of the nominal top 3.
        var top = ua.Units.Where(u => u.NominalRank <= 3).ToList();
        var stable = top.All(u => u.Q95Rank <= 3);
        Assert.Contains(with.Findings, f => f.StartsWith(stable ? "The top 3 are stable: " : "The top 3 are not stable: ", StringComparison.Ordinal));

        // Units whose nominal rank lies outside their interval are named with both.
        var outside = ua.Units.Where(u => u.NominalRank < u.Q05Rank || u.NominalRank > u.Q95Rank).ToList();
        Assert.Equal(outside.Count > 0, with.Findings.Any(f => f.Contains("nominal rank outside their 90% rank interval", StringComparison.Ordinal)));
        Assert.Equal(audit.Findings.Length + 2 + (outside.Count > 0 ? 1 : 0), with.Findings.Length);
    }

    [Fact]
    public void WithUncertainty_OtherUnits_Throws()
    {
        var audit = AuditReport.Create(TinyIndex.Methodology(), TinyIndex.Data());
        Assert.Throws<ArgumentException>(() => audit.WithUncertainty(Seeded(threads: 1, runs: 8)));
    }

    [Fact]
    public void ToTables_Embedded_NamedPartsInReportOrder()
    {
        var audit = AuditReport.Create(Indicators.Presets.OpenReadiness2016.Methodology, Indicators.Presets.OpenReadiness2016.Dataset);
        var tables = audit.ToTables();
        Assert.Equal(["audit-coverage", "statistics", "node-correlations", "audit-alpha", "audit-pca", "leave-one-out", "added-value"], tables.Select(t => t.Name));
        Assert.Equal(audit.Statistics.Rows.Length, tables[0].Rows.Length);
        Assert.Equal(audit.Alphas.Length, tables[3].Rows.Length);
        Assert.Equal(audit.Pca.Length + audit.PcaProblems.Length, tables[4].Rows.Length);
    }
}
