using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProvinceIct.Indicators.Ranking;

/// <summary>
/// Allocation-free ranking on caller-supplied scratch. Shared by the rank-based normalisers (ascending, ties share
/// the smallest rank) and by unit ranking (descending score, any tie policy).
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
        if (scores.Length <= CountingLimit && ties != TiePolicy.Dense)
        {
            RankByCounting(scores, ranks, ties, ordinalOrder);
            return;
        }

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

    /// <summary>Up to this many units, ranks are counted directly (vectorised, O(n^2)), which beats sorting.</summary>
    internal const int CountingLimit = 128;

    /// <summary>
    /// Competition, fractional and ordinal ranks by counting: rank = 1 + #(better); ties add (#equal - 1) / 2
    /// (fractional) or the number of tied units earlier in code order (ordinal). NaN compares false, so missing
    /// scores never count.
    /// </summary>
    private static void RankByCounting(ReadOnlySpan<double> scores, Span<double> ranks, TiePolicy ties, ReadOnlySpan<int> ordinalOrder)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (double.IsNaN(s))
            {
                ranks[i] = double.NaN;
                continue;
            }

            if (ties == TiePolicy.Competition)
            {
                ranks[i] = CountGreater(scores, s) + 1;
                continue;
            }

            var better = Count(scores, s, out var equal);
            ranks[i] = ties switch
            {
                TiePolicy.Fractional => better + ((equal + 1) / 2.0),
                TiePolicy.Ordinal when equal > 1 => better + 1 + EarlierTies(scores, i, ordinalOrder),
                _ => better + 1,
            };
        }
    }

    private static int Count(ReadOnlySpan<double> values, double s, out int equal)
    {
        var greater = 0;
        equal = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<double>.Count)
        {
            var target = Vector256.Create(s);
            ref var start = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                greater += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(Vector256.GreaterThan(v, target)));
                equal += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(Vector256.Equals(v, target)));
            }
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (v > s)
            {
                greater++;
            }
            else if (v == s)
            {
                equal++;
            }
        }

        return greater;
    }

    private static int CountGreater(ReadOnlySpan<double> values, double s)
    {
        var greater = 0;
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(values);
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<double>.Count)
        {
            var target = Vector512.Create(s);
            for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                greater += BitOperations.PopCount(Vector512.ExtractMostSignificantBits(Vector512.GreaterThan(Vector512.LoadUnsafe(ref start, (nuint)i), target)));
            }
        }

        if (Vector256.IsHardwareAccelerated && values.Length - i >= Vector256<double>.Count)
        {
            var target = Vector256.Create(s);
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                greater += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(Vector256.GreaterThan(Vector256.LoadUnsafe(ref start, (nuint)i), target)));
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] > s)
            {
                greater++;
            }
        }

        return greater;
    }

    private static int EarlierTies(ReadOnlySpan<double> scores, int i, ReadOnlySpan<int> order)
    {
        var key = order.IsEmpty ? i : order[i];
        var s = scores[i];
        var earlier = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            if (scores[j] == s && (order.IsEmpty ? j : order[j]) < key)
            {
                earlier++;
            }
        }

        return earlier;
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
            while (j < k && keys[j] == keys[i])
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
