using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// One unit's rank and score over the replications of an uncertainty analysis. Quantiles follow R's default
/// (type 7: linear interpolation between order statistics). Replications in which the unit had no index score are
/// counted in <see cref="MissingRuns"/> and left out of every other statistic.
/// </summary>
public sealed class UnitRankStatistics
{
    private readonly int[] _counts; // by 2 * rank (ranks are whole or half numbers)
    private readonly int _runs;
    private readonly double[]? _sortedScores;

    internal UnitRankStatistics(Unit unit, double nominalRank, double nominalScore, int[] counts, int missing, double scoreSum, double scoreSumSq, double[]? sortedScores = null)
    {
        _sortedScores = sortedScores;
        Unit = unit;
        NominalRank = nominalRank;
        NominalScore = nominalScore;
        _counts = counts;
        MissingRuns = missing;
        _runs = counts.Sum();
        double rankSum = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            rankSum += counts[b] * (b / 2.0);
        }

        MeanRank = _runs == 0 ? double.NaN : rankSum / _runs;
        MeanScore = _runs == 0 ? double.NaN : scoreSum / _runs;
        ScoreStandardDeviation = _runs < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (scoreSumSq - (scoreSum * scoreSum / _runs)) / (_runs - 1)));
    }

    /// <summary>The unit.</summary>
    public Unit Unit { get; }

    /// <summary>The rank under the nominal methodology.</summary>
    public double NominalRank { get; }

    /// <summary>The index score under the nominal methodology.</summary>
    public double NominalScore { get; }

    /// <summary>The number of replications in which the unit had no index score.</summary>
    public int MissingRuns { get; }

    /// <summary>The mean rank.</summary>
    public double MeanRank { get; }

    /// <summary>The median rank (type 7).</summary>
    public double MedianRank => RankQuantile(0.5);

    /// <summary>The 5th percentile rank (type 7).</summary>
    public double Q05Rank => RankQuantile(0.05);

    /// <summary>The 95th percentile rank (type 7).</summary>
    public double Q95Rank => RankQuantile(0.95);

    /// <summary>The mean index score.</summary>
    public double MeanScore { get; }

    /// <summary>The standard deviation (n - 1) of the index score.</summary>
    public double ScoreStandardDeviation { get; }

    /// <summary>
    /// The <paramref name="p"/>-quantile of the index score over the scored replications (R type 7). Needs the scores
    /// kept (<see cref="RankStorage.All"/>); NaN otherwise, or when no replication scored the unit.
    /// </summary>
    /// <param name="p">In [0, 1].</param>
    /// <returns>The quantile.</returns>
    public double ScoreQuantile(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        if (_sortedScores is not { Length: > 0 } s)
        {
            return double.NaN;
        }

        return Internal.SampleStatistics.QuantileOfSorted(s, p);
    }

    /// <summary>How many replications gave each rank, as (rank, count) pairs in rank order.</summary>
    public ImmutableArray<KeyValuePair<double, int>> RankCounts =>
        [.. _counts.Select((c, b) => KeyValuePair.Create(b / 2.0, c)).Where(p => p.Value > 0)];

    /// <summary>The probability (share of scored replications) of a rank at or better than <paramref name="k"/>.</summary>
    /// <param name="k">The rank threshold.</param>
    /// <returns>The share, NaN when no replication scored the unit.</returns>
    public double ProbabilityTop(int k)
    {
        if (_runs == 0)
        {
            return double.NaN;
        }

        var hits = 0;
        for (var b = 0; b < _counts.Length && b <= 2 * k; b++)
        {
            hits += _counts[b];
        }

        return hits / (double)_runs;
    }

    /// <summary>The <paramref name="p"/>-quantile of the rank (R type 7: h = (N - 1) p, interpolating the order statistics at floor(h) and floor(h) + 1).</summary>
    /// <param name="p">In [0, 1].</param>
    /// <returns>The quantile, NaN when no replication scored the unit.</returns>
    public double RankQuantile(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        if (_runs == 0)
        {
            return double.NaN;
        }

        var h = (_runs - 1) * p;
        var lo = (long)Math.Floor(h);
        var a = OrderStatistic(lo);
        var b = lo + 1 < _runs ? OrderStatistic(lo + 1) : a;
        return a + ((h - lo) * (b - a));
    }

    private double OrderStatistic(long i)
    {
        long seen = 0;
        for (var b = 0; b < _counts.Length; b++)
        {
            seen += _counts[b];
            if (seen > i)
            {
                return b / 2.0;
            }
        }

        return double.NaN;
    }

    /// <summary>Formats as <c>code name: nominal 13, mean 12.4, 90% [9, 17]</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Unit}: nominal {NominalRank}, mean {MeanRank:0.##}, 90% [{Q05Rank:0.##}, {Q95Rank:0.##}]");
}
