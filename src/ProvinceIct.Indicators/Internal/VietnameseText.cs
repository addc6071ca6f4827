using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// Folding of Vietnamese names to matching keys: decompose (NFD), drop combining marks (so NFC and NFD input
/// agree), map đ/Đ (and the look-alike Ð/ð) to d, lower-case invariantly, keep only letters and digits.
/// <c>"TP. Hồ Chí Minh"</c> folds to <c>"tphochiminh"</c>; <see cref="Key"/> also drops the prefixes
/// <c>tinh</c>, <c>thanhpho</c>, <c>tp</c> and the suffixes <c>province</c>, <c>city</c>.
/// </summary>
internal static class VietnameseText
{
    private static readonly string[] Prefixes = ["thanhpho", "tinh", "tp"];
    private static readonly string[] Suffixes = ["province", "city"];

    /// <summary>Folds <paramref name="text"/>: no diacritics, đ to d, lower case, letters and digits only.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = UnicodeText.Nfd(text);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            var lower = c switch
            {
                '\u0110' or '\u0111' or '\u00D0' or '\u00F0' or '\u0189' or '\u0256' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsLetterOrDigit(lower))
            {
                sb.Append(lower);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The matching key: <see cref="Fold"/>, then one leading administrative prefix (<c>tinh</c>, <c>thanhpho</c>,
    /// <c>tp</c>) and one trailing English suffix (<c>province</c>, <c>city</c>) removed, each only when something remains.
    /// </summary>
    public static string Key(string text)
    {
        var key = Fold(text);
        foreach (var p in Prefixes)
        {
            if (key.Length > p.Length && key.StartsWith(p, StringComparison.Ordinal))
            {
                key = key[p.Length..];
                break;
            }
        }

        foreach (var s in Suffixes)
        {
            if (key.Length > s.Length && key.EndsWith(s, StringComparison.Ordinal))
            {
                key = key[..^s.Length];
                break;
            }
        }

        return key;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions) between two keys.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var n = a.Length;
        var m = b.Length;
        if (n == 0)
        {
            return m;
        }

        if (m == 0)
        {
            return n;
        }

        var prev2 = new int[m + 1];
        var prev = new int[m + 1];
        var cur = new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
            }

            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return prev[m];
    }
}
