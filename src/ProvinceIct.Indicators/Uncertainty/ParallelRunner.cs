using System.Runtime.ExceptionServices;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Runs replications [start, end) of a model on several threads, each with its own workspace and scratch, writing each
/// replication's index scores and ranks into its own slot of the block buffers. Threads claim chunks of consecutive
/// replications; which thread runs which replication does not matter, since a replication's output depends only on its
/// number.
/// <para>
/// A replication that throws stops the run and its exception is rethrown as it is (not wrapped in an
/// <see cref="AggregateException"/>): always the one of the lowest failing replication number, whatever the number of
/// threads. Once a replication has failed, chunks starting after it are skipped; chunks starting before it still run,
/// so every replication below the reported one has run without failing.
/// </para>
/// <para>
/// When a failure array is given (<see cref="FailedReplicationPolicy.Skip"/>), a replication that throws a
/// <see cref="Errors.CalculationException"/> is recorded in its slot instead, and the run goes on.
/// </para>
/// </summary>
internal sealed class ParallelRunner
{
    private const int Chunk = 32;
    private readonly FactorModel _model;
    private readonly Sampler? _sampler;
    private readonly Func<long, double[], double[], double[]>? _rows;
    private readonly Worker[] _workers;
    private long _next;
    private long _failedAt;
    private Exception? _failure;

    /// <summary>Draws rows from the sampler.</summary>
    public ParallelRunner(FactorModel model, int threads, Sampler sampler)
        : this(model, threads, 0)
    {
        _sampler = sampler;
    }

    /// <summary>Draws rows from a function of the replication number, the row to fill and a per-thread scratch array of <paramref name="scratch"/> doubles; it returns the row.</summary>
    public ParallelRunner(FactorModel model, int threads, Func<long, double[], double[], double[]> rows, int scratch)
        : this(model, threads, scratch)
    {
        _rows = rows;
    }

    private ParallelRunner(FactorModel model, int threads, int scratch = 0)
    {
        _model = model;
        _workers = Enumerable.Range(0, threads).Select(_ => new Worker(model, scratch)).ToArray();
    }

    public int Threads => _workers.Length;

    /// <summary>Runs replications start..end-1; slot = replication - start.</summary>
    public void Run(long start, long end, double[] scores, double[] ranks, CancellationToken cancellation) => Run(start, end, scores, ranks, null, cancellation);

    /// <summary>Runs replications start..end-1; with <paramref name="failed"/>, slot = replication - start receives the exception of a failed calculation (null when it succeeded).</summary>
    public void Run(long start, long end, double[] scores, double[] ranks, Exception?[]? failed, CancellationToken cancellation)
    {
        if (failed is not null)
        {
            Array.Clear(failed, 0, (int)(end - start));
        }

        _next = start;
        _failedAt = long.MaxValue;
        _failure = null;
        if (_workers.Length == 1)
        {
            Work(_workers[0], start, end, scores, ranks, failed, cancellation);
        }
        else
        {
            Parallel.For(0, _workers.Length, new ParallelOptions { MaxDegreeOfParallelism = _workers.Length, CancellationToken = cancellation },
                t => Work(_workers[t], start, end, scores, ranks, failed, cancellation));
        }

        if (_failure is not null)
        {
            ExceptionDispatchInfo.Capture(_failure).Throw();
        }
    }

    /// <summary>Keeps the failure of the lowest replication number.</summary>
    private void Fail(long replication, Exception ex)
    {
        lock (_workers)
        {
            if (replication < _failedAt)
            {
                _failedAt = replication;
                _failure = ex;
            }
        }
    }

    private void Work(Worker w, long start, long end, double[] scores, double[] ranks, Exception?[]? failed, CancellationToken cancellation)
    {
        var n = _model.Compiled.UnitCount;
        var indexNode = _model.Compiled.NodeCount - 1;
        long first;
        while ((first = Interlocked.Add(ref _next, Chunk) - Chunk) < end)
        {
            cancellation.ThrowIfCancellationRequested();
            if (first >= Interlocked.Read(ref _failedAt))
            {
                continue;
            }

            var last = Math.Min(end, first + Chunk);
            for (var i = first; i < last; i++)
            {
                double[] u;
                if (_sampler is not null)
                {
                    _sampler.Row(i, w.Row, w.SobolState, fresh: i == first);
                    u = w.Row;
                }
                else
                {
                    u = _rows!(i, w.Row, w.Scratch);
                }

                var slot = (int)(i - start);
                IndexWorkspace ws;
                try
                {
                    _model.Run(i, u, w.Workspaces, w.LastNormaliser, out ws);
                }
                catch (Errors.CalculationException ex) when (failed is not null)
                {
                    failed[slot] = ex;

                    // The failed run may have left its workspace half-computed: start the next one afresh.
                    Array.Fill(w.LastNormaliser, FactorModel.NotNormalised);
                    scores.AsSpan(slot * n, n).Fill(double.NaN);
                    ranks.AsSpan(slot * n, n).Fill(double.NaN);
                    continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Fail(i, ex);
                    break;
                }

                ws.NodeScores(indexNode).CopyTo(scores.AsSpan(slot * n, n));
                ws.NodeRanks(indexNode).CopyTo(ranks.AsSpan(slot * n, n));
            }
        }
    }

    private sealed class Worker(FactorModel model, int scratch)
    {
        public double[] Scratch { get; } = new double[scratch];

        public IndexWorkspace[] Workspaces { get; } = model.Variants.Select(v => v.CreateWorkspace()).ToArray();

        public int[] LastNormaliser { get; } = Enumerable.Repeat(FactorModel.NotNormalised, model.Variants.Length).ToArray();

        public double[] Row { get; } = new double[Math.Max(1, model.Dimensions)];

        public uint[] SobolState { get; } = new uint[SobolSequence.MaxDimensions];

    }
}
