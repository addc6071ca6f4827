using BenchmarkDotNet.Attributes;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Reporting;

namespace ProvinceIct.Indicators.Benchmarks;

/// <summary>
/// The explaining and reporting layer on the embedded index (63 provinces, 12 indicators, 4 pillars): the statistical
/// audit, single-indicator and budget target seeking (each verified by a full recomputation), the comparison across
/// the 2025 reorganisation (remap to 34 units and recompute), and the two HTML reports.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private const string Population = "population_avg_thousand";
    private Methodology _methodology = null!;
    private Dataset _dataset = null!;
    private IndexResult _result = null!;
    private Dataset _with63Population = null!;
    private RemapPlan _plan = null!;
    private IndexResult _after34 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _methodology = OpenReadiness2016.Methodology;
        _dataset = OpenReadiness2016.Dataset;
        _result = IndexCalculator.Compute(_methodology, _dataset);
        _with63Population = _dataset.WithColumn(Population, OpenReadiness2016.SourceData.Column(Population));
        _plan = RemapPlan.Create(_with63Population.IndicatorCodes.Select(c => KeyValuePair.Create(c, c == Population ? RemapRule.Sum : RemapRule.WeightedMean(Population))))
            .WithMissingPolicy(RemapMissingPolicy.UseAvailable);
        _after34 = IndexCalculator.Compute(_methodology, BoundaryRemapper.Remap(_with63Population, _plan).Dataset);
    }

    [Benchmark(Description = "audit report (63 x 12)")]
    public AuditReport Audit() => AuditReport.Create(_methodology, _dataset);

    [Benchmark(Description = "target seeking, one indicator (Binh Phuoc to rank 12)")]
    public TargetSeeking Target() => TargetSeeking.ForRank(_methodology, _dataset, "70", "income_per_capita_kvnd", 12);

    [Benchmark(Description = "target seeking, budget over 12 indicators (Ha Giang to rank 50)")]
    public BudgetTargetSeeking Budget() => BudgetTargetSeeking.ForRank(_methodology, _dataset, "02", 50);

    [Benchmark(Description = "comparison across the 2025 reorganisation (63 -> 34, recomputed)")]
    public ResultComparison AcrossReorganisation() => ResultComparison.AcrossReorganisation(_methodology, _with63Population, _plan, _after34);

    [Benchmark(Description = "HTML report (ranking, map, charts, heatmap, audit)")]
    public string Report() => HtmlReport.Create(_result, null, AuditReport.Create(_methodology, _dataset)).ToHtml();

    [Benchmark(Description = "one-province HTML report (Binh Phuoc)")]
    public string UnitReportHtml() => UnitReport.Create(_result, _dataset, "70").ToHtml();
}
