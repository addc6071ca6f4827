namespace ProvinceIct.Indicators.Ranking;

/// <summary>
/// Allocation-free ranking on caller-supplied scratch. Shared by the rank-based normalisers (ascending, ties share
/// the smallest rank) and by unit ranking (descending score, any tie policy). Values are sorted, then consecutive
/// sorted values within <see cref="TieTolerance"/> (relative) of their group's first value form one tie group.
/// </summary>
internal static class RankKernel
{
    /// <summary>
    /// Ranks units on <paramref name="scores"/>, higher score first (rank 1). A NaN score gets a NaN rank.
    /// </summary>
    /// <param name="scores">One score per unit.</param>
    /// <param name="ranks">Receives one rank per unit.</param>
    /// <param name="ties">The tie policy.</param>
    /// <param name="ordinalOrder">For ordinal ties: each unit's position in unit-code order; empty means unit index order.</param>
    /// <param name="keys">Scratch, at least as long as <paramref name="scores"/>.</param>
    /// <param name="items">Scratch, at least as long as <paramref name="scores"/>.</param>
    public static void RankDescending(ReadOnlySpan<double> scores, Span<double> ranks, TiePolicy ties, ReadOnlySpan<int> ordinalOrder, Span<double> keys, Span<int> items)
    {
        var k = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (double.IsNaN(s))
            {
                ranks[i] = double.NaN;
                continue;
            }

            keys[k] = -s;
            items[k] = i;
            k++;
        }

        AssignSorted(keys[..k], items[..k], ranks, ties, ordinalOrder);
    }

    /// <summary>
    /// Ranks values ascending (the smallest gets 1, the largest n), ties sharing the smallest rank (R's
    /// <c>rank(x, ties.method = "min")</c>). NaN values get NaN. Returns the number of non-missing values.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="ranks">Receives the ranks.</param>
    /// <param name="keys">Scratch.</param>
    /// <param name="items">Scratch.</param>
    /// <returns>The number of non-missing values.</returns>
    public static int RankAscendingMin(ReadOnlySpan<double> values, Span<double> ranks, Span<double> keys, Span<int> items)
    {
        var k = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                ranks[i] = double.NaN;
                continue;
            }

            keys[k] = v;
            items[k] = i;
            k++;
        }

        AssignSorted(keys[..k], items[..k], ranks, TiePolicy.Competition, default);
        return k;
    }

    /// <summary>
    /// The relative tie tolerance: two finite scores a and b are tied when <c>|a - b| &lt;= TieTolerance * max(|a|, |b|)</c>
    /// (so float noise such as 5.0999999999999996 against 5.1000000000000005 is one tie). There is no absolute floor:
    /// 0 and 1e-300 are distinct scores. Infinite scores tie only with an equal infinity.
    /// </summary>
    internal const double TieTolerance = 1e-12;

    /// <summary>
    /// Whether <paramref name="next"/> joins the tie group that starts at <paramref name="first"/> (values in sorted
    /// order, so groups are decided by comparison with the group's first value: transitive, deterministic, and no group
    /// spans more than the tolerance).
    /// </summary>
    /// <param name="first">The group's first value.</param>
    /// <param name="next">The candidate.</param>
    /// <returns>True when tied.</returns>
    internal static bool Tied(double first, double next)
    {
        if (first == next)
        {
            return true;
        }

        var d = Math.Abs(next - first);
        return double.IsFinite(d) && d <= TieTolerance * Math.Max(Math.Abs(first), Math.Abs(next));
    }

    private static void AssignSorted(Span<double> keys, Span<int> items, Span<double> ranks, TiePolicy ties, ReadOnlySpan<int> ordinalOrder)
    {
        keys.Sort(items);
        var k = keys.Length;
        var i = 0;
        var dense = 0;
        while (i < k)
        {
            var j = i + 1;
            while (j < k && Tied(keys[i], keys[j]))
            {
                j++;
            }

            dense++;
            switch (ties)
            {
                case TiePolicy.Dense:
                    Fill(items[i..j], ranks, dense);
                    break;
                case TiePolicy.Fractional:
                    Fill(items[i..j], ranks, (i + 1 + j) / 2.0);
                    break;
                case TiePolicy.Ordinal:
                    SortByOrder(items[i..j], ordinalOrder);
                    for (var t = i; t < j; t++)
                    {
                        ranks[items[t]] = t + 1;
                    }

                    break;
                default:
                    Fill(items[i..j], ranks, i + 1);
                    break;
            }

            i = j;
        }
    }

    private static void Fill(ReadOnlySpan<int> group, Span<double> ranks, double rank)
    {
        foreach (var item in group)
        {
            ranks[item] = rank;
        }
    }

    private static void SortByOrder(Span<int> group, ReadOnlySpan<int> order)
    {
        // Insertion sort: tie groups are small, and this allocates nothing.
        for (var a = 1; a < group.Length; a++)
        {
            var item = group[a];
            var key = order.IsEmpty ? item : order[item];
            var b = a - 1;
            while (b >= 0 && (order.IsEmpty ? group[b] : order[group[b]]) > key)
            {
                group[b + 1] = group[b];
                b--;
            }

            group[b + 1] = item;
        }
    }
}
