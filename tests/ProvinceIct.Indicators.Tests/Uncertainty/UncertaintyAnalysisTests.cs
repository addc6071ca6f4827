using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Uncertainty;

public class UncertaintyAnalysisTests
{
    private static readonly UncertainFactor[] Factors =
    [
        UncertainFactor.WeightNoise(0.25),
        UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)),
        UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean),
    ];

    private static UncertaintyResult Run(int threads, SamplerKind sampler = SamplerKind.Sobol, int runs = 1500, RankStorage keep = RankStorage.Summary) =>
        UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, Factors,
            UncertaintyOptions.Default with { Runs = runs, Threads = threads, Sampler = sampler, Seed = 42, KeepRanks = keep });

    [Theory]
    [InlineData(SamplerKind.Sobol)]
    [InlineData(SamplerKind.ShiftedSobol)]
    [InlineData(SamplerKind.Random)]
    public void Run_OneTwoEightThreads_BitIdentical(SamplerKind sampler)
    {
        var one = Run(1, sampler);
        var two = Run(2, sampler);
        var eight = Run(8, sampler);
        Assert.Equal(one.ToCsv(), two.ToCsv());
        Assert.Equal(one.ToCsv(), eight.ToCsv());
        Assert.Equal(one.MeanAbsoluteRankShift, eight.MeanAbsoluteRankShift);
        Assert.Equal(one.Units.Select(u => u.MeanScore), eight.Units.Select(u => u.MeanScore));
        Assert.Equal(one.Units.Select(u => u.ScoreStandardDeviation), eight.Units.Select(u => u.ScoreStandardDeviation));
    }

    [Theory]
    [InlineData(SamplerKind.ShiftedSobol)]
    [InlineData(SamplerKind.Random)]
    public void Run_TwoSeedsTwoChoiceFactors_DifferentEstimates(SamplerKind sampler)
    {
        // Two factors, so every dimension is a Sobol dimension: only the shift can make the seeds differ (three options,
        // since a shift only permutes the halves of a two-option choice).
        UncertainFactor[] factors = [UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2), Normaliser.Rank), Factors[2]];
        UncertaintyResult Seeded(ulong seed) => UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, factors,
            UncertaintyOptions.Default with { Runs = 37, Threads = 1, Sampler = sampler, Seed = seed });
        Assert.NotEqual(Seeded(1).Units.Select(u => u.MeanScore), Seeded(2).Units.Select(u => u.MeanScore));
    }

    [Fact]
    public void Run_PlainSobolTwoSeedsTwoChoiceFactors_Identical()
    {
        UncertainFactor[] factors = [UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2), Normaliser.Rank), Factors[2]];
        UncertaintyResult Seeded(ulong seed) => UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, factors,
            UncertaintyOptions.Default with { Runs = 37, Threads = 1, Sampler = SamplerKind.Sobol, Seed = seed });
        Assert.Equal(Seeded(1).Units.Select(u => u.MeanScore), Seeded(2).Units.Select(u => u.MeanScore));
    }

    [Fact]
    public void Replication_ReplayedAlone_EqualsTheSameReplicationInTheBatch()
    {
        var batch = Run(2, keep: RankStorage.All, runs: 300);
        foreach (var i in new long[] { 0, 1, 17, 150, 299 })
        {
            var replay = batch.Replication(i);
            var ranks = replay.Result.Ranks(replay.Result.IndexCode).ToArray();
            Assert.Equal(batch.ReplicationRanks(i), ranks);
            Assert.Equal(3, replay.FactorValues.Length);
        }
    }

    [Fact]
    public void ScoreQuantile_KeptScores_MatchReplays()
    {
        var r = Run(1, runs: 21, keep: RankStorage.All);
        // 21 runs: the median (type 7, h = 10) is the 11th smallest score; recompute it from the replays.
        var scores = Enumerable.Range(0, 21).Select(i => r.Replication(i).Result.Score("70")).Order().ToArray();
        Assert.Equal(scores[10], r["70"].ScoreQuantile(0.5), 12);
        Assert.Equal(scores[0], r["70"].ScoreQuantile(0), 12);
        Assert.True(double.IsNaN(Run(1, runs: 21)["70"].ScoreQuantile(0.5)));
    }

    [Fact]
    public void Run_Statistics_AreConsistent()
    {
        var r = Run(2);
        foreach (var u in r.Units)
        {
            Assert.InRange(u.MeanRank, 1, 63);
            Assert.True(u.Q05Rank <= u.MedianRank && u.MedianRank <= u.Q95Rank);
            Assert.Equal(1500, u.RankCounts.Sum(p => p.Value) + u.MissingRuns);
            Assert.Equal(1.0, u.ProbabilityTop(63));
            Assert.True(u.ProbabilityTop(1) <= u.ProbabilityTop(3) && u.ProbabilityTop(3) <= u.ProbabilityTop(10));
        }

        // The probabilities of being first sum to 1 (ties share rank 1, so at least 1).
        Assert.True(r.Units.Sum(u => u.ProbabilityTop(1)) >= 1 - 1e-12);
        Assert.Equal(1, r["48"].NominalRank);
        Assert.True(r.MeanAbsoluteRankShift > 0);
    }

    [Fact]
    public void Run_NominalOnlyNoise_NoRankChangesOnSeparatedUnits()
    {
        // Tiny index, weight noise on the pillars only: C is best on both pillars, so it stays first in every run.
        var r = UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(), [UncertainFactor.WeightNoise(0.5, [2])], UncertaintyOptions.Default with { Runs = 200 });
        Assert.Equal(1, r["C"].ProbabilityTop(1));
        Assert.Equal(1, r["C"].MeanRank);
    }

    [Fact]
    public void Run_GeometricMeetsZero_ErrorNamesReplication()
    {
        var ex = Assert.Throws<CalculationException>(() => UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(),
            [UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean)], UncertaintyOptions.Default with { Runs = 50, Threads = 1 }));
        Assert.Contains("Replication ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemCode.NonPositiveValue, ex.Code);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_FailureOnSeveralThreads_ThrowsTheLowestReplicationUnwrapped(int threads)
    {
        // On several threads the failing replications race; the error must still be the plain CalculationException
        // (not an AggregateException) of the lowest failing replication, as on one thread.
        UncertainFactor[] factors = [UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean), UncertainFactor.WeightNoise(0.25)];
        var one = Assert.Throws<CalculationException>(() => UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(), factors, UncertaintyOptions.Default with { Runs = 5000, Threads = 1 }));
        var many = Assert.Throws<CalculationException>(() => UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(), factors, UncertaintyOptions.Default with { Runs = 5000, Threads = threads }));
        Assert.Equal(one.Message, many.Message);
    }

    [Fact]
    public void Run_ExcludeOneIndicator_CanChangeRanks()
    {
        var r = UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, [UncertainFactor.ExcludeOneIndicator()], UncertaintyOptions.Default with { Runs = 260, Sampler = SamplerKind.Random, KeepRanks = RankStorage.All });
        Assert.True(r.MeanAbsoluteRankShift > 0);
        var replay = r.Replication(3);
        Assert.Equal(r.ReplicationRanks(3), replay.Result.Ranks(replay.Result.IndexCode).ToArray());
    }

    [Fact]
    public void Run_AggregatorChoiceAtOneNode_ReplaysAsPerNodeMethodology()
    {
        var r = UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset,
            [UncertainFactor.AggregatorChoiceAt(["egov"], Aggregator.ArithmeticMean, Aggregator.Minimum), UncertainFactor.WeightNoise(0.1)],
            UncertaintyOptions.Default with { Runs = 64, KeepRanks = RankStorage.All });
        var changed = 0;
        for (var i = 0; i < 64; i++)
        {
            var replay = r.Replication(i);
            Assert.Equal(r.ReplicationRanks(i), replay.Result.Ranks(replay.Result.IndexCode).ToArray());
            changed += replay.Methodology.AggregatorFor("egov") == Aggregator.Minimum ? 1 : 0;
            Assert.Equal(Aggregator.ArithmeticMean, replay.Methodology.AggregatorFor("infra"));
        }

        Assert.InRange(changed, 16, 48);
    }

    [Fact]
    public void AggregatorChoiceAt_UnknownNode_Throws() =>
        Assert.Throws<ArgumentException>(() => UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(), [UncertainFactor.AggregatorChoiceAt(["i1"], Aggregator.ArithmeticMean, Aggregator.Minimum)]));

    [Fact]
    public void Run_ImputationAndTreatmentChoices_ReplayMatchesBatchAndThreadsAgree()
    {
        UncertainFactor[] factors =
        [
            UncertainFactor.ImputationChoice(ProvinceIct.Indicators.Treatment.Imputer.Mean, ProvinceIct.Indicators.Treatment.Imputer.Median, ProvinceIct.Indicators.Treatment.Imputer.GroupMean("region")),
            UncertainFactor.OutlierTreatmentChoice(null, ProvinceIct.Indicators.Treatment.OutlierTreatment.Default),
            UncertainFactor.WeightNoise(0.2),
        ];
        var options = UncertaintyOptions.Default with { Runs = 120, KeepRanks = RankStorage.All };
        var one = UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, factors, options with { Threads = 1 });
        var two = UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, factors, options with { Threads = 2 });
        Assert.Equal(one.ToCsv(), two.ToCsv());
        var treatments = new HashSet<string>();
        foreach (var i in new long[] { 0, 5, 33, 77, 119 })
        {
            var replay = one.Replication(i);
            Assert.Equal(one.ReplicationRanks(i), replay.Result.Ranks(replay.Result.IndexCode).ToArray());
            treatments.Add(string.Join("|", replay.Methodology.Treatment.Select(t => t.Kind)));
        }

        // Imputation fills the 19 missing values, so no unit misses its pillars; the options were all drawn.
        Assert.All(one.Units, u => Assert.Equal(0, u.MissingRuns));
        Assert.True(treatments.Count >= 1);
    }

    [Fact]
    public void Run_ImputationChoiceWithImputeBeforeScreen_KeepsTheMethodologysOrder()
    {
        // COINr's order: impute, then screen at availability 1. Imputation fills every gap, so no unit leaves; were the
        // steps re-sorted (screen first), the 19 units with gaps would leave and the variants would differ in units.
        var m = OpenReadiness2016.Methodology.WithTreatment(
            ProvinceIct.Indicators.Treatment.TreatmentStep.Impute(ProvinceIct.Indicators.Treatment.Imputer.Mean),
            ProvinceIct.Indicators.Treatment.TreatmentStep.Screen(1));
        UncertainFactor[] factors = [UncertainFactor.ImputationChoice(ProvinceIct.Indicators.Treatment.Imputer.Mean, ProvinceIct.Indicators.Treatment.Imputer.Median)];
        var result = UncertaintyAnalysis.Run(m, OpenReadiness2016.Dataset, factors, UncertaintyOptions.Default with { Runs = 16, Threads = 1 });
        Assert.Equal(63, result.Units.Length);
        foreach (var i in new long[] { 0, 7, 15 })
        {
            Assert.Equal([ProvinceIct.Indicators.Treatment.TreatmentStepKind.Impute, ProvinceIct.Indicators.Treatment.TreatmentStepKind.Screen], result.Replication(i).Methodology.Treatment.Select(t => t.Kind));
        }
    }

    [Fact]
    public void Run_CustomFactor_TiePolicyAndThreshold_ReplaysAsTransformedMethodology()
    {
        // A user-defined factor over two methodology parameters the built-in factors do not touch.
        var custom = UncertainFactor.Custom("ties-and-threshold", ["competition/0", "fractional/0.9"],
            (m, i) => i == 0 ? m : m.WithTies(ProvinceIct.Indicators.Ranking.TiePolicy.Fractional) with { AvailabilityThreshold = 0.9 });
        var r = UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, [custom, UncertainFactor.WeightNoise(0.1)],
            UncertaintyOptions.Default with { Runs = 40, KeepRanks = RankStorage.All });
        var seen = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var replay = r.Replication(i);
            Assert.Equal(r.ReplicationRanks(i), replay.Result.Ranks(replay.Result.IndexCode).ToArray());
            seen.Add(replay.FactorValues[0].Value);
        }

        Assert.Equal(2, seen.Count);
        // With a 0.9 threshold the 18 provinces without student data lose their human pillar score in those runs.
        Assert.Contains(r.Units, u => u.MissingRuns == 0);
    }

    [Fact]
    public void Custom_OptionChangesTree_Throws() =>
        Assert.Throws<ArgumentException>(() => UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(),
            [UncertainFactor.Custom("tree", ["same", "other"], (m, i) => i == 0 ? m : m with { Framework = ProvinceIct.Indicators.Model.Framework.Create(m.Framework.Nodes.Where(n => n.Code != "P2").Select(n => n.Code == "i3" ? n with { ParentCode = "P1" } : n)) }), UncertainFactor.WeightNoise()],
            UncertaintyOptions.Default with { Runs = 10 }));

    [Fact]
    public void Run_Progress_ReportsCompletion()
    {
        var reports = new List<UncertaintyProgress>();
        UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(), [UncertainFactor.WeightNoise()], UncertaintyOptions.Default with { Runs = 10 }, new SyncProgress(reports));
        Assert.Equal(new UncertaintyProgress(10, 10), reports[^1]);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => UncertaintyAnalysis.Run(TinyIndex.Methodology(), TinyIndex.Data(), [UncertainFactor.WeightNoise()], UncertaintyOptions.Default with { Runs = 100 }, cancellation: cts.Token));
    }

    // zscore(10, 3) puts unit '04' below zero on electricity_households_pct, so a geometric mean over it fails; the
    // other three combinations compute.
    private static readonly UncertainFactor[] Failing =
    [
        UncertainFactor.NormaliserChoice(Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 3)),
        UncertainFactor.AggregatorChoice(Aggregator.ArithmeticMean, Aggregator.GeometricMean),
    ];

    private static UncertaintyResult RunFailing(int threads, FailedReplicationPolicy policy, int runs = 203) =>
        UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, Failing,
            UncertaintyOptions.Default with { Runs = runs, Threads = threads, Seed = 9, OnFailure = policy, KeepRanks = RankStorage.All });

    [Fact]
    public void Run_AbortWithFailingReplication_ThrowsNamingReplicationNodeAndUnit()
    {
        var ex = Assert.Throws<CalculationException>(() => RunFailing(2, FailedReplicationPolicy.Abort));
        Assert.StartsWith("Replication ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("04", ex.UnitCode);
    }

    [Fact]
    public void Run_SkipWithFailingReplications_StatisticsFromTheSuccessfulRunsOnly()
    {
        var r = RunFailing(2, FailedReplicationPolicy.Skip);
        Assert.NotEmpty(r.Failures);
        Assert.True(r.Failures.Length < 203);
        Assert.Equal(203 - r.Failures.Length, r.SucceededRuns);
        var failed = r.Failures.Select(f => f.Index).ToHashSet();
        Assert.Equal(r.Failures.Select(f => f.Index).Order(), r.Failures.Select(f => f.Index));
        var ok = Enumerable.Range(0, 203).Where(i => !failed.Contains(i)).ToList();
        foreach (var (u, stats) in r.Units.Select((s, u) => (u, s)))
        {
            // Every statistic counts the successful replications only: the mean rank is their mean.
            Assert.Equal(r.SucceededRuns, stats.RankCounts.Sum(c => c.Value) + stats.MissingRuns);
            var expected = ok.Select(i => r.ReplicationRanks(i)[u]).Average();
            AssertNumeric.Close(expected, stats.MeanRank, 1e-12);
        }

        Assert.All(failed, i => Assert.All(r.ReplicationRanks(i), x => Assert.True(double.IsNaN(x))));
        Assert.All(r.Failures, f => Assert.StartsWith("Cannot aggregate 'infra' by geometric mean: unit '04'", f.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SkipOneAndTwoThreads_SameFailuresAndStatistics()
    {
        var one = RunFailing(1, FailedReplicationPolicy.Skip);
        var two = RunFailing(2, FailedReplicationPolicy.Skip);
        Assert.Equal(one.Failures.Select(f => f.ToString()), two.Failures.Select(f => f.ToString()));
        Assert.Equal(one.ToJson(), two.ToJson());
        Assert.Equal(one.ToText(), two.ToText());
    }

    [Fact]
    public void FailureSummaryIn_SkipVietnamese_CountsAndVietnameseReason()
    {
        var r = RunFailing(1, FailedReplicationPolicy.Skip);
        var k = r.Failures.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var vi = r.FailureSummaryIn(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        Assert.StartsWith(k + " trên 203 lần lặp bị lỗi: ", vi, StringComparison.Ordinal);
        Assert.EndsWith(" (" + k + ")", vi, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Failures[0].Reason, vi, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot", vi, StringComparison.Ordinal);
        Assert.Equal(r.FailureSummary, r.FailureSummaryIn(null));
        Assert.Equal(r.FailureSummary, r.FailureSummaryIn(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FailureSummary_SkipWithOneReason_CountsAndReason()
    {
        var r = RunFailing(1, FailedReplicationPolicy.Skip);
        var k = r.Failures.Length;
        var reason = r.Failures[0].Reason;
        Assert.Equal($"{k} of 203 replications failed: {reason} ({k})", r.FailureSummary);
        Assert.Contains("\n" + r.FailureSummary + "\n", r.ToText(), StringComparison.Ordinal);
        Assert.Contains("\"failedRuns\": " + k.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SkipWhenEveryReplicationFails_Throws()
    {
        UncertainFactor[] allFail = [UncertainFactor.NormaliserChoice(Normaliser.ZScore(10, 3), Normaliser.ZScore(10, 4)), UncertainFactor.AggregatorChoice(Aggregator.GeometricMean, Aggregator.HarmonicMean)];
        var ex = Assert.Throws<CalculationException>(() => UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, allFail,
            UncertaintyOptions.Default with { Runs = 40, OnFailure = FailedReplicationPolicy.Skip }));
        Assert.StartsWith("All 40 replications failed; the first: Replication 0 failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoFailures_FailuresEmptyAndTextUnchanged()
    {
        var r = Run(1, runs: 50);
        Assert.Empty(r.Failures);
        Assert.Equal(string.Empty, r.FailureSummary);
        Assert.DoesNotContain("failed", r.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_Header_HasTopKColumns() =>
        Assert.StartsWith("unit_code,unit_name,nominal_rank,mean_rank,median_rank,q05_rank,q95_rank,p_top1,p_top3,p_top5,p_top10\n48,", Run(2, runs: 100).ToCsv(), StringComparison.Ordinal);

    [Fact]
    public void WeightNoise_FractionOutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => UncertainFactor.WeightNoise(1.5));

    [Fact]
    public void Run_AfterWarmUp_AllocatesNothingPerReplication()
    {
        // The buffers of a run are allocated once (blocks of up to 4,096 replications at 63 units, fewer for a shorter
        // run); the difference between 5,000 and 25,000 replications is what the replications themselves allocate (one
        // thread, so no task machinery).
        static long Allocated(int runs)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, Factors, UncertaintyOptions.Default with { Runs = runs, Threads = 1 });
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(5000);
        var perReplication = (Allocated(25_000) - Allocated(5000)) / 20_000.0;
        Assert.True(perReplication < 1, $"{perReplication} bytes per replication");
    }

    [Fact]
    public void Run_FewReplications_BlocksNoLargerThanTheRun()
    {
        // Ten replications of 63 units: scores and ranks of 10 replications (10 KB), not of a 4,096-replication block (4 MB).
        var before = GC.GetAllocatedBytesForCurrentThread();
        UncertaintyAnalysis.Run(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset, Factors, UncertaintyOptions.Default with { Runs = 10, Threads = 1 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1_000_000, $"{allocated} bytes for 10 replications");
    }

    private sealed class SyncProgress(List<UncertaintyProgress> sink) : IProgress<UncertaintyProgress>
    {
        public void Report(UncertaintyProgress value) => sink.Add(value);
    }

    [Fact]
    public void ToTable_Embedded_CsvIsToCsvWithFactorsNote()
    {
        var r = Run(2, runs: 100);
        var table = r.ToTable();
        Assert.Equal(r.ToCsv(), table.ToCsv());
        Assert.Equal("uncertainty-ranks", table.Name);
        Assert.Equal(63, table.Rows.Length);
        Assert.StartsWith("Factors: ", table.Notes[0], StringComparison.Ordinal);
    }
}
