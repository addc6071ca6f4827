namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// "Did you mean" for a mistyped command, option, preset or code: the candidates closest to what was typed, by
/// case-insensitive optimal-string-alignment (Damerau-Levenshtein) distance, with a candidate that starts with the
/// typed text counted as close. Culture-invariant; ties keep the candidates' order.
/// </summary>
internal static class Suggestions
{
    /// <summary>The most suggestions shown.</summary>
    public const int Max = 3;

    /// <summary>
    /// Up to <see cref="Max"/> candidates within a sensible distance of <paramref name="typed"/> (at most a third of
    /// its length, and at least 1, at most 3 edits; a candidate it is a prefix of counts as 1 edit), keeping only those
    /// at the smallest distance found, in the candidates' order; an exact (case-insensitive) match is never suggested.
    /// Empty when nothing is close.
    /// </summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var t = typed.ToLowerInvariant();
        var limit = Math.Clamp(t.TrimStart('-').Length / 3, 1, 3);
        var scored = new List<(string Name, int Distance, int Order)>();
        var order = 0;
        foreach (var c in candidates.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var lower = c.ToLowerInvariant();
            order++;
            if (lower == t)
            {
                continue;
            }

            var d = Distance(t, lower);
            var prefix = t.TrimStart('-').Length >= 2 && lower.StartsWith(t, StringComparison.Ordinal);
            if (d <= limit || prefix)
            {
                scored.Add((c, prefix ? Math.Min(d, 1) : d, order));
            }
        }

        if (scored.Count == 0)
        {
            return [];
        }

        // Only the nearest: "compte" suggests compute (1 edit), not also compare (2 edits).
        var best = scored.Min(s => s.Distance);
        return [.. scored.Where(s => s.Distance == best).OrderBy(s => s.Order).Take(Max).Select(s => s.Name)];
    }

    /// <summary>" Did you mean 'a'?" / " Did you mean 'a', 'b' or 'c'?", or empty when nothing is close.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var close = Closest(typed, candidates);
        return close.Count switch
        {
            0 => string.Empty,
            1 => CliStrings.Format("Msg_DidYouMeanOne", close[0]),
            _ => CliStrings.Format("Msg_DidYouMeanMany", string.Join(", ", close.Take(close.Count - 1).Select(c => $"'{c}'")), close[^1]),
        };
    }

    /// <summary>The optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The one-line error for a preset name that is not in the catalogue: the presets, and the closest.</summary>
    public static string UnknownPreset(string name, string option = "--preset") =>
        string.Equals(name, Presets.VnIctIndex2006.PresetName, StringComparison.OrdinalIgnoreCase)
            ? CliStrings.Format("Msg_PresetNeedsWeights", option, Presets.VnIctIndex2006.PresetName, string.Join(", ", Presets.VnIctIndex2006.ComponentCodes))
            : CliStrings.Format("Msg_UnknownPreset", option, name, string.Join(", ", Presets.PresetCatalog.Names))
                + DidYouMean(name, Presets.PresetCatalog.Names);
}
