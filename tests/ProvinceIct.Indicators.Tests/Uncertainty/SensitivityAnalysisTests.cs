using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Uncertainty;

public class SensitivityAnalysisTests
{
    [Fact]
    public void Estimate_Ishigami_MatchesKnownIndicesWithinIntervals()
    {
        // Ishigami, a = 7, b = 0.1, x ~ U(-pi, pi): S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
        static double Ishigami(double[] u)
        {
            var x1 = -Math.PI + (2 * Math.PI * u[0]);
            var x2 = -Math.PI + (2 * Math.PI * u[1]);
            var x3 = -Math.PI + (2 * Math.PI * u[2]);
            return Math.Sin(x1) + (7 * Math.Sin(x2) * Math.Sin(x2)) + (0.1 * Math.Pow(x3, 4) * Math.Sin(x1));
        }

        var r = SensitivityAnalysis.Estimate(Ishigami, 3, UncertaintyOptions.Default with { Runs = 1 << 14, BootstrapResamples = 300 });
        double[] s = [0.3139, 0.4424, 0];
        double[] st = [0.5576, 0.4424, 0.2437];
        for (var i = 0; i < 3; i++)
        {
            var idx = r.Indices[i];
            Assert.InRange(s[i], idx.FirstLower - 0.005, idx.FirstUpper + 0.005);
            Assert.InRange(st[i], idx.TotalLower - 0.005, idx.TotalUpper + 0.005);
            Assert.InRange(idx.First, s[i] - 0.03, s[i] + 0.03);
            Assert.InRange(idx.Total, st[i] - 0.03, st[i] + 0.03);
        }
    }

    [Fact]
    public void Estimate_LinearModel_IndicesAreSquaredCoefficientShares()
    {
        // y = x1 + 2 x2 + 3 x3 with x ~ U(0, 1): S_i = ST_i = a_i^2 / 14.
        var r = SensitivityAnalysis.Estimate(u => u[0] + (2 * u[1]) + (3 * u[2]), 3, UncertaintyOptions.Default with { Runs = 1 << 13, BootstrapResamples = 200 });
        double[] expected = [1.0 / 14, 4.0 / 14, 9.0 / 14];
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(r.Indices[i].First, expected[i] - 0.02, expected[i] + 0.02);
            Assert.InRange(r.Indices[i].Total, expected[i] - 0.02, expected[i] + 0.02);
        }

        Assert.Empty(r.Warnings);
        Assert.Equal(8192L * 5, r.TotalRuns);
    }

    [Fact]
    public void Run_EmbeddedIndex_DeterministicAcrossThreadsAndPlausible()
    {
        UncertainFactor[] factors =
        [
            UncertainFactor.WeightNoise(0.25),
            UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)),
            UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean),
        ];
        var options = UncertaintyOptions.Default with { Runs = 256, BootstrapResamples = 100 };
        var one = SensitivityAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, factors, options with { Threads = 1 });
        var two = SensitivityAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, factors, options with { Threads = 2 });
        Assert.Equal(one.ToCsv(), two.ToCsv());
        Assert.Equal(3, one.Overall.Indices.Length);
        Assert.Equal(63, one.Units.Length);
        Assert.All(one.Overall.Indices, s => Assert.InRange(s.Total, 0, 1.5));
        Assert.Equal(256L * 5, one.Overall.TotalRuns);
    }

    [Fact]
    public void Run_UnitBootstrap_GivesIntervalsPerUnit()
    {
        var r = SensitivityAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, [UncertainFactor.WeightNoise(0.25), UncertainFactor.ExcludeOneIndicator()],
            UncertaintyOptions.Default with { Runs = 128, BootstrapResamples = 50, UnitBootstrapResamples = 50 });
        var unit = r["70"].Indices[1];
        Assert.False(double.IsNaN(unit.TotalLower));
        Assert.True(unit.TotalLower <= unit.TotalUpper);
        var plain = SensitivityAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, [UncertainFactor.WeightNoise(0.25), UncertainFactor.ExcludeOneIndicator()],
            UncertaintyOptions.Default with { Runs = 128, BootstrapResamples = 50 });
        Assert.True(double.IsNaN(plain["70"].Indices[1].TotalLower));
        Assert.Equal(plain["70"].Indices[1].Total, unit.Total);
    }

    private static IndexSensitivityResult RunFailing(int threads, FailedReplicationPolicy policy) =>
        SensitivityAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset,
            [UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 3)), UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean)],
            UncertaintyOptions.Default with { Runs = 64, Threads = threads, BootstrapResamples = 50, OnFailure = policy });

    [Fact]
    public void Run_SkipWithFailingRuns_DropsTheWholeBaseRowOfEachFailedRun()
    {
        // Two factors: base row j owns runs 4j (A), 4j + 1 (B), 4j + 2 and 4j + 3 (A_B^1, A_B^2).
        var r = RunFailing(2, FailedReplicationPolicy.Skip);
        Assert.NotEmpty(r.Failures);
        var rows = r.Failures.Select(f => f.Index / 4).Distinct().Count();
        Assert.Equal(rows, r.DroppedBaseRows);
        Assert.Equal(64 - rows, r.Overall.BaseRuns);
        Assert.Equal((64L - rows) * 4, r.Overall.TotalRuns);
        Assert.All(r.Units, u => Assert.Equal(64 - rows, u.Value.BaseRuns));
        Assert.StartsWith($"{r.Failures.Length} of 256 runs failed: Cannot aggregate 'infra' by geometric mean", r.FailureSummary, StringComparison.Ordinal);
        Assert.EndsWith($"; {rows} of 64 base rows dropped", r.FailureSummary, StringComparison.Ordinal);
        Assert.Contains(r.FailureSummary, r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SkipOneAndTwoThreads_SameOutput()
    {
        var one = RunFailing(1, FailedReplicationPolicy.Skip);
        var two = RunFailing(2, FailedReplicationPolicy.Skip);
        Assert.Equal(one.ToCsv(), two.ToCsv());
        Assert.Equal(one.Failures.Select(f => f.ToString()), two.Failures.Select(f => f.ToString()));
    }

    [Fact]
    public void Run_AbortWithFailingRun_Throws() =>
        Assert.Throws<ProvinceIct.Indicators.Errors.CalculationException>(() => RunFailing(2, FailedReplicationPolicy.Abort));

    [Fact]
    public void Estimate_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SensitivityAnalysis.Estimate(u => u[0], 2, cancellation: cts.Token));
    }

    [Fact]
    public void ToTable_LinearModel_OneRowPerFactor()
    {
        // y = u0 + 2 u1: V(u0) = 1/12, V(2 u1) = 4/12, so S = ST = 0.2 and 0.8 (estimated).
        var r = SensitivityAnalysis.Estimate(u => u[0] + (2 * u[1]), 2, UncertaintyOptions.Default with { Runs = 1 << 12, BootstrapResamples = 0 }, ["a", "b"]);
        var table = r.ToTable();
        Assert.Equal(["factor", "first", "first_lower", "first_upper", "total", "total_lower", "total_upper"], table.Columns.Select(c => c.Key));
        Assert.Equal(["a", "b"], table.Rows.Select(x => x[0].TextValue));
        Assert.InRange(table[0, 1].NumberValue, 0.15, 0.25);
        Assert.InRange(table[1, 4].NumberValue, 0.75, 0.85);
        Assert.StartsWith("Sensitivity of ", table.Title, StringComparison.Ordinal);
    }
}
