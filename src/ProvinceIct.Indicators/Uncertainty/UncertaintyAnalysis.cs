using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Monte Carlo uncertainty analysis of an index: N replications, each drawing the uncertain factors' values
/// (Sobol or pseudo-random), running the compiled pipeline from the first stage the draw changed, and recording every
/// unit's index rank and score. Parallel over the machine's cores with one workspace per thread; replication i draws
/// from a stream derived from (seed, i) and the statistics are merged in replication order, so results are
/// bit-identical for any thread count. Memory is bounded for any N: ranks go into per-unit histograms (O(units^2)),
/// scores into running sums. Under <see cref="FailedReplicationPolicy.Skip"/> the replications whose calculation fails
/// are left out of every statistic and listed in <see cref="UncertaintyResult.Failures"/>.
/// </summary>
public static class UncertaintyAnalysis
{
    /// <summary>The mean of |rank - nominal rank| over the units ranked in both; NaN when there is none.</summary>
    internal static double MeanRankShift(ReadOnlySpan<double> ranks, ReadOnlySpan<double> nominal)
    {
        double shift = 0;
        var scored = 0;
        for (var u = 0; u < ranks.Length; u++)
        {
            if (!double.IsNaN(ranks[u]) && !double.IsNaN(nominal[u]))
            {
                shift += Math.Abs(ranks[u] - nominal[u]);
                scored++;
            }
        }

        return scored == 0 ? double.NaN : shift / scored;
    }

    /// <summary>The error when every replication failed under <see cref="FailedReplicationPolicy.Skip"/>: the first failure's details, saying that all failed.</summary>
    internal static Errors.CalculationException AllFailed(Exception first, long total, Internal.Localization.ProblemText what)
    {
        // Only calculation failures are skipped, so the first is one.
        var c = (Errors.CalculationException)first;
        var message = new Internal.Localization.ProblemText("Calc_AllFailed", total.ToString(System.Globalization.CultureInfo.InvariantCulture), what, c.Text);
        return new Errors.CalculationException(c.Code, message, c.NodeCode, c.UnitCode, c.ChildCode, c.Value);
    }

    private static double[] SortedScores(double[] all, int unit, int n, int runs)
    {
        var column = new List<double>(runs);
        for (long r = 0; r < runs; r++)
        {
            var s = all[(r * n) + unit];
            if (!double.IsNaN(s))
            {
                column.Add(s);
            }
        }

        column.Sort();
        return [.. column];
    }

    /// <summary>Runs the analysis.</summary>
    /// <param name="methodology">The nominal methodology.</param>
    /// <param name="dataset">The data.</param>
    /// <param name="factors">The uncertain factors (at least one; each choice factor at most once).</param>
    /// <param name="options">Runs, seed, sampler, threads, top-k (default <see cref="UncertaintyOptions.Default"/>).</param>
    /// <param name="progress">Receives progress after each block of replications, or null.</param>
    /// <param name="cancellation">Checked for every chunk of 32 replications and between blocks; cancelling throws <see cref="OperationCanceledException"/> and discards the partial results.</param>
    /// <returns>The result: per-unit rank and score statistics, the mean absolute rank shift, and replay of any replication.</returns>
    /// <exception cref="Errors.ValidationException">When the data do not fit the methodology, or a normaliser option does not fit an indicator.</exception>
    /// <exception cref="Errors.CalculationException">Under <see cref="FailedReplicationPolicy.Abort"/>, when a replication meets data its methods cannot compute on (the message names the replication); under <see cref="FailedReplicationPolicy.Skip"/>, when every replication fails.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> is cancelled.</exception>
    public static UncertaintyResult Run(Methodology methodology, Dataset dataset, IEnumerable<UncertainFactor> factors, UncertaintyOptions? options = null, IProgress<UncertaintyProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(factors);
        var opts = options ?? UncertaintyOptions.Default;
        opts.Validate();
        var model = new FactorModel(methodology, dataset, factors.ToList());
        var sampler = new Sampler(opts.Sampler, model.Dimensions, opts.Seed);
        var nominal = model.Compiled.Run();
        var n = model.Compiled.UnitCount;
        var nominalRanks = nominal.Ranks(nominal.IndexCode).ToArray();
        var nominalScores = nominal.IndexScores.ToArray();

        var bins = (2 * n) + 1;
        var counts = new int[n * bins];
        var missing = new int[n];
        var scoreSum = new double[n];
        var scoreSumSq = new double[n];
        double shiftSum = 0;
        long shiftRuns = 0;

        // Replications per block: about a million values of scores and of ranks, 64 to 4,096, and never more than the
        // run has (a short run allocated 4 MB of blocks it did not use).
        var block = (int)Math.Min(opts.Runs, Math.Clamp(1L << 20 >> Math.Max(0, (int)Math.Log2(n)), 64, 4096));
        var scores = new double[block * n];
        var ranks = new double[block * n];
        var threads = Math.Min(opts.Threads, Math.Max(1, opts.Runs));
        var runner = new ParallelRunner(model, threads, sampler);
        var failed = opts.OnFailure == FailedReplicationPolicy.Skip ? new Exception?[block] : null;
        var failures = new List<ReplicationFailure>();
        Exception? firstFailure = null;
        var allRanks = opts.KeepRanks == RankStorage.All ? new double[(long)opts.Runs * n] : null;
        var allScores = opts.KeepRanks == RankStorage.All ? new double[(long)opts.Runs * n] : null;
        for (long start = 0; start < opts.Runs; start += block)
        {
            var end = Math.Min(opts.Runs, start + block);
            var slots = (int)(end - start);
            runner.Run(start, end, scores, ranks, failed, cancellation);
            if (failed is not null)
            {
                for (var slot = 0; slot < slots; slot++)
                {
                    if (failed[slot] is { } ex)
                    {
                        firstFailure ??= ex;
                        failures.Add(ReplicationFailure.Of(start + slot, ex));
                    }
                }
            }

            // Merge, in parallel over units but in replication order within each unit, so every sum is the same
            // sequence of additions whatever the thread count.
            if (allRanks is not null)
            {
                Array.Copy(ranks, 0, allRanks, start * n, (long)slots * n);
                Array.Copy(scores, 0, allScores!, start * n, (long)slots * n);
            }

            void MergeUnits(int from, int to)
            {
                for (var u = from; u < to; u++)
                {
                    var nominalRank = nominalRanks[u];
                    for (var slot = 0; slot < slots; slot++)
                    {
                        if (failed?[slot] is not null)
                        {
                            continue;
                        }

                        var r = ranks[(slot * n) + u];
                        if (double.IsNaN(r))
                        {
                            missing[u]++;
                            continue;
                        }

                        counts[(u * bins) + (int)Math.Round(2 * r)]++;
                        var s = scores[(slot * n) + u];
                        scoreSum[u] += s;
                        scoreSumSq[u] += s * s;
                    }
                }
            }

            if (threads == 1)
            {
                MergeUnits(0, n);
            }
            else
            {
                var perThread = (n + threads - 1) / threads;
                Parallel.For(0, threads, t => MergeUnits(t * perThread, Math.Min(n, (t + 1) * perThread)));
            }

            // Rank shifts: whole and half ranks sum exactly, so only the per-replication mean needs a fixed order.
            for (var slot = 0; slot < slots; slot++)
            {
                if (failed?[slot] is not null)
                {
                    continue;
                }

                var shift = MeanRankShift(ranks.AsSpan(slot * n, n), nominalRanks);
                if (!double.IsNaN(shift))
                {
                    shiftSum += shift;
                    shiftRuns++;
                }
            }

            progress?.Report(new UncertaintyProgress(end, opts.Runs));
        }

        if (failures.Count == opts.Runs)
        {
            throw AllFailed(firstFailure!, opts.Runs, new Internal.Localization.ProblemText("Calc_Replications"));
        }

        var stats = Enumerable.Range(0, n).Select(u => new UnitRankStatistics(
            dataset.Units[u], nominalRanks[u], nominalScores[u], counts.AsSpan(u * bins, bins).ToArray(), missing[u], scoreSum[u], scoreSumSq[u],
            allScores is null ? null : SortedScores(allScores, u, n, opts.Runs))).ToList();
        return new UncertaintyResult(model, sampler, opts, nominal, stats, shiftRuns == 0 ? double.NaN : shiftSum / shiftRuns, allRanks, failures);
    }
}
