using System.Collections.Immutable;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Variance-based sensitivity analysis (Saltelli design with the Saltelli 2010 first-order and Jansen total-order
/// estimators, bootstrap percentile intervals over the N base rows), either of any model on the unit hypercube or of
/// an index, its uncertain factors acting as groups of inputs.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>
    /// Estimates the indices of <paramref name="model"/>, a function of <paramref name="dimensions"/> inputs each
    /// uniform on [0, 1): matrices A and B (N x d: columns 1..d and d+1..2d of the sampler), A_B^i = A with column i from
    /// B, N (d + 2) evaluations.
    /// </summary>
    /// <param name="model">The model; called with one row at a time (not concurrently).</param>
    /// <param name="dimensions">d, at least 1.</param>
    /// <param name="options">N (<see cref="UncertaintyOptions.Runs"/>), seed, sampler, bootstrap.</param>
    /// <param name="names">The inputs' names, or null for x1, x2, ...</param>
    /// <param name="cancellation">Checked for every base row and every bootstrap resample; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The indices.</returns>
    public static SensitivityResult Estimate(Func<double[], double> model, int dimensions, UncertaintyOptions? options = null, IReadOnlyList<string>? names = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var opts = options ?? UncertaintyOptions.Default;
        opts.Validate();
        var n = opts.Runs;
        var d = dimensions;
        var sampler = new Sampler(opts.Sampler, 2 * d, opts.Seed);
        var yA = new double[n];
        var yB = new double[n];
        var yAB = new double[d * n];
        var row = new double[2 * d];
        var x = new double[d];
        for (var j = 0; j < n; j++)
        {
            cancellation.ThrowIfCancellationRequested();
            sampler.Row(j, row);
            row.AsSpan(0, d).CopyTo(x);
            yA[j] = model(x);
            row.AsSpan(d, d).CopyTo(x);
            yB[j] = model(x);
            for (var i = 0; i < d; i++)
            {
                row.AsSpan(0, d).CopyTo(x);
                x[i] = row[d + i];
                yAB[(i * n) + j] = model(x);
            }
        }

        var labels = names ?? Enumerable.Range(1, d).Select(i => "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return Estimators("model output", yA, yB, yAB, d, labels, opts, bootstrap: true, cancellation);
    }

    /// <summary>
    /// Sensitivity of an index's ranking to its uncertain factors (each factor a group of inputs): the overall output is
    /// the mean over units of |rank - nominal rank|; each unit's rank is also an output. Runs in parallel like
    /// <see cref="UncertaintyAnalysis"/>, with identical results for any thread count.
    /// </summary>
    /// <param name="methodology">The nominal methodology.</param>
    /// <param name="dataset">The data.</param>
    /// <param name="factors">The factors (at least one).</param>
    /// <param name="options">N (<see cref="UncertaintyOptions.Runs"/>), seed, sampler, threads, bootstrap.</param>
    /// <param name="progress">Receives progress, or null.</param>
    /// <param name="cancellation">Checked for every chunk of 32 runs, every unit and every bootstrap resample; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The overall indices (with bootstrap intervals) and each unit's (point estimates, or with intervals when <see cref="UncertaintyOptions.UnitBootstrapResamples"/> is above 0).</returns>
    /// <exception cref="Errors.CalculationException">Under <see cref="FailedReplicationPolicy.Abort"/>, when a run fails; under <see cref="FailedReplicationPolicy.Skip"/>, when every base row has a failed run (a base row with one is dropped whole).</exception>
    public static IndexSensitivityResult Run(Methodology methodology, Dataset dataset, IEnumerable<UncertainFactor> factors, UncertaintyOptions? options = null, IProgress<UncertaintyProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(factors);
        var opts = options ?? UncertaintyOptions.Default;
        opts.Validate();
        var model = new FactorModel(methodology, dataset, factors.ToList());
        var groups = model.Factors.Count;
        var dim = model.Dimensions;
        var sampler = new Sampler(opts.Sampler, 2 * dim, opts.Seed);
        var perRow = groups + 2;
        var total = (long)opts.Runs * perRow;
        var units = model.Compiled.UnitCount;
        var nominal = model.Compiled.Run();
        var nominalRanks = nominal.Ranks(nominal.IndexCode).ToArray();

        double[] Rows(long r, double[] row, double[] scratch)
        {
            var j = r / perRow;
            var k = (int)(r % perRow);
            sampler.Row(j, scratch);
            var source = k == 1 ? dim : 0;
            Array.Copy(scratch, source, row, 0, dim);
            if (k >= 2)
            {
                var (offset, count) = model.Columns(k - 2);
                Array.Copy(scratch, dim + offset, row, offset, count);
            }

            return row;
        }

        var runner = new ParallelRunner(model, Math.Min(opts.Threads, (int)Math.Min(total, int.MaxValue)), Rows, 2 * dim);
        var ranks = new double[total * units];
        const int Block = 4096;
        var blockRanks = new double[Block * units];
        var blockScores = new double[Block * units];
        var failed = opts.OnFailure == FailedReplicationPolicy.Skip ? new Exception?[Block] : null;
        var failures = new List<ReplicationFailure>();
        var dropped = new bool[opts.Runs];
        Exception? firstFailure = null;
        for (long start = 0; start < total; start += Block)
        {
            var end = Math.Min(total, start + Block);
            runner.Run(start, end, blockScores, blockRanks, failed, cancellation);
            for (var slot = 0; failed is not null && slot < end - start; slot++)
            {
                if (failed[slot] is { } ex)
                {
                    firstFailure ??= ex;
                    failures.Add(ReplicationFailure.Of(start + slot, ex));
                    dropped[(start + slot) / perRow] = true;
                }
            }

            Array.Copy(blockRanks, 0, ranks, start * units, (end - start) * units);
            progress?.Report(new UncertaintyProgress(end, total));
        }

        // Under Skip, the base rows with a failed run are dropped whole: the estimators need complete blocks.
        int[] keep = [.. Enumerable.Range(0, opts.Runs).Where(j => !dropped[j])];
        if (keep.Length == 0)
        {
            throw UncertaintyAnalysis.AllFailed(firstFailure!, opts.Runs, new Internal.Localization.ProblemText("Calc_BaseRowsFailed"));
        }

        // Outputs by run: the overall mean absolute rank shift, and each unit's rank.
        var names = model.Factors.Select(f => f.Name).ToList();
        var overall = new double[total];
        for (long r = 0; r < total; r++)
        {
            overall[r] = UncertaintyAnalysis.MeanRankShift(ranks.AsSpan((int)(r * units), units), nominalRanks);
        }

        var overallResult = FromRuns("mean absolute rank shift", overall, keep, perRow, groups, names, opts, bootstrap: true, cancellation);
        var perUnit = ImmutableArray.CreateBuilder<KeyValuePair<string, SensitivityResult>>(units);
        var y = new double[total];
        for (var u = 0; u < units; u++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (long r = 0; r < total; r++)
            {
                y[r] = ranks[(r * units) + u];
            }

            perUnit.Add(KeyValuePair.Create(dataset.Units[u].Code, FromRuns("rank of " + dataset.Units[u].Code, y, keep, perRow, groups, names, opts with { BootstrapResamples = opts.UnitBootstrapResamples }, bootstrap: opts.UnitBootstrapResamples > 0, cancellation)));
        }

        return new IndexSensitivityResult(overallResult, perUnit.MoveToImmutable(), [.. model.Factors], opts, failures, opts.Runs - keep.Length);
    }

    /// <summary>The estimators over the base rows <paramref name="keep"/> (all rows, or the complete ones under <see cref="FailedReplicationPolicy.Skip"/>).</summary>
    private static SensitivityResult FromRuns(string output, double[] y, int[] keep, int perRow, int groups, IReadOnlyList<string> names, UncertaintyOptions opts, bool bootstrap, CancellationToken cancellation)
    {
        var n = keep.Length;
        var yA = new double[n];
        var yB = new double[n];
        var yAB = new double[groups * n];
        for (var k = 0; k < n; k++)
        {
            var j = (long)keep[k];
            yA[k] = y[j * perRow];
            yB[k] = y[(j * perRow) + 1];
            for (var i = 0; i < groups; i++)
            {
                yAB[(i * n) + k] = y[(j * perRow) + 2 + i];
            }
        }

        return Estimators(output, yA, yB, yAB, groups, names, opts, bootstrap, cancellation);
    }

    private static SensitivityResult Estimators(string output, double[] yA, double[] yB, double[] yAB, int d, IReadOnlyList<string> names, UncertaintyOptions opts, bool bootstrap, CancellationToken cancellation)
    {
        var n = yA.Length;
        var all = Enumerable.Range(0, n).ToArray();
        var v = Variance(yA, yB, all);
        var indices = new List<SensitivityIndex>(d);
        var resamples = bootstrap ? opts.BootstrapResamples : 0;
        var firstBoot = new double[resamples];
        var totalBoot = new double[resamples];
        var pick = new int[n];
        for (var i = 0; i < d; i++)
        {
            var ab = yAB.AsSpan(i * n, n);
            var (s, st) = Indices(yA, yB, ab, all, v);
            var random = new RandomStream(opts.Seed ^ 0xB007_5742UL, (ulong)i);
            for (var b = 0; b < resamples; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                for (var j = 0; j < n; j++)
                {
                    pick[j] = random.NextInt(n);
                }

                (firstBoot[b], totalBoot[b]) = Indices(yA, yB, ab, pick, Variance(yA, yB, pick));
            }

            var alpha = (1 - opts.ConfidenceLevel) / 2;
            indices.Add(new SensitivityIndex(names[i], s, Percentile(firstBoot, alpha), Percentile(firstBoot, 1 - alpha), st, Percentile(totalBoot, alpha), Percentile(totalBoot, 1 - alpha)));
        }

        return new SensitivityResult(output, n, d, v, indices, opts.ConfidenceLevel);
    }

    private static (double First, double Total) Indices(double[] yA, double[] yB, ReadOnlySpan<double> yAB, int[] rows, double v)
    {
        double first = 0;
        double total = 0;
        foreach (var j in rows)
        {
            first += yB[j] * (yAB[j] - yA[j]);
            var diff = yA[j] - yAB[j];
            total += diff * diff;
        }

        var n = rows.Length;
        return (first / n / v, total / (2.0 * n * v));
    }

    private static double Variance(double[] yA, double[] yB, int[] rows)
    {
        double sum = 0;
        foreach (var j in rows)
        {
            sum += yA[j] + yB[j];
        }

        var m = 2 * rows.Length;
        var mean = sum / m;
        double ss = 0;
        foreach (var j in rows)
        {
            ss += ((yA[j] - mean) * (yA[j] - mean)) + ((yB[j] - mean) * (yB[j] - mean));
        }

        return ss / (m - 1);
    }

    /// <summary>R's type-7 quantile of the present values (<see cref="Internal.SampleStatistics.Quantile"/>); NaN when none.</summary>
    private static double Percentile(double[] values, double p) => Internal.SampleStatistics.Quantile(values.ToArray().AsSpan(), p);
}
