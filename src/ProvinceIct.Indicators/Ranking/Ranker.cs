namespace ProvinceIct.Indicators.Ranking;

/// <summary>Ranks scores, higher first, under a tie policy (for notebooks and tests; the compiled pipeline uses the same code).</summary>
public static class Ranker
{
    /// <summary>
    /// Ranks scores: the highest gets 1. A NaN score gets a NaN rank and does not count. Ties follow
    /// <paramref name="ties"/>; for <see cref="TiePolicy.Ordinal"/>, tied units are ordered by
    /// <paramref name="unitCodes"/> (ordinal string order), or by position when no codes are given. Scores equal within
    /// 1e-12 relative (<c>|a - b| &lt;= 1e-12 * max(|a|, |b|)</c>, measured from the best score of the tie group after
    /// sorting) are tied under every policy; there is no absolute floor (0 and 1e-300 are not tied). See <see cref="TiePolicy"/>.
    /// </summary>
    /// <param name="scores">The scores.</param>
    /// <param name="ties">The tie policy (default: competition, "1224").</param>
    /// <param name="unitCodes">The unit codes, parallel to <paramref name="scores"/>, or null.</param>
    /// <returns>The ranks, parallel to <paramref name="scores"/>.</returns>
    public static double[] Rank(IReadOnlyList<double> scores, TiePolicy ties = TiePolicy.Competition, IReadOnlyList<string>? unitCodes = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var n = scores.Count;
        int[] order = [];
        if (unitCodes is not null)
        {
            Internal.Preconditions.SameLength(n, unitCodes.Count, nameof(unitCodes));
            order = new int[n];
            var sorted = Enumerable.Range(0, n).OrderBy(i => unitCodes[i], StringComparer.Ordinal).ToArray();
            for (var r = 0; r < n; r++)
            {
                order[sorted[r]] = r;
            }
        }

        var ranks = new double[n];
        RankKernel.RankDescending(scores.ToArray(), ranks, ties, order, new double[n], new int[n], RadixScratch.For(n));
        return ranks;
    }

    /// <summary>Rank change between two editions: <c>old - new</c> (positive = moved up; NaN when either is missing).</summary>
    /// <param name="oldRank">The earlier rank.</param>
    /// <param name="newRank">The later rank.</param>
    /// <returns>The change.</returns>
    public static double Change(double oldRank, double newRank) => oldRank - newRank;
}
