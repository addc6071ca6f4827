using System.Globalization;
using ProvinceIct.Indicators.Definitions;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// The text form of an indicator kind in metadata tables: <c>count</c>, <c>share</c>, <c>percent</c>, <c>rate:N</c>,
/// <c>money:CUR</c>, <c>score:MIN:MAX</c>, <c>yesno</c>, <c>service-level</c>, <c>real</c> (case-insensitive; the
/// <see cref="IndicatorKind.ToString"/> forms <c>rate/N</c>, <c>money[CUR]</c>, <c>score[MIN,MAX]</c>, <c>yes-no</c> are also read).
/// </summary>
internal static class KindText
{
    public static string Format(IndicatorKind kind) => kind.Category switch
    {
        KindCategory.Count => "count",
        KindCategory.Share => "share",
        KindCategory.Percent => "percent",
        KindCategory.Rate => "rate:" + F(kind.PerPeople ?? 1),
        KindCategory.Money => "money:" + kind.Currency,
        KindCategory.BoundedScore => "score:" + F(kind.Minimum) + ":" + F(kind.Maximum),
        KindCategory.YesNo => "yesno",
        KindCategory.ServiceLevel => "service-level",
        _ => "real",
    };

    public static bool TryParse(string text, out IndicatorKind kind)
    {
        kind = IndicatorKind.Real;
        var s = text.Trim();
        var lower = s.ToLowerInvariant();
        try
        {
            switch (lower)
            {
                case "" or "real":
                    return true;
                case "count":
                    kind = IndicatorKind.Count;
                    return true;
                case "share":
                    kind = IndicatorKind.Share;
                    return true;
                case "percent":
                    kind = IndicatorKind.Percent;
                    return true;
                case "yesno" or "yes-no":
                    kind = IndicatorKind.YesNo;
                    return true;
                case "service-level" or "servicelevel":
                    kind = IndicatorKind.ServiceLevel;
                    return true;
            }

            if ((lower.StartsWith("rate:", StringComparison.Ordinal) || lower.StartsWith("rate/", StringComparison.Ordinal)) && TryNumber(s[5..], out var per))
            {
                kind = IndicatorKind.RatePer(per);
                return true;
            }

            if (lower.StartsWith("money:", StringComparison.Ordinal) && s[6..].Trim().Length > 0)
            {
                kind = IndicatorKind.Money(s[6..].Trim());
                return true;
            }

            if (lower.StartsWith("money[", StringComparison.Ordinal) && lower.EndsWith(']') && s[6..^1].Trim().Length > 0)
            {
                kind = IndicatorKind.Money(s[6..^1].Trim());
                return true;
            }

            string[]? bounds = null;
            if (lower.StartsWith("score:", StringComparison.Ordinal))
            {
                bounds = s[6..].Split(':');
            }
            else if (lower.StartsWith("score[", StringComparison.Ordinal) && lower.EndsWith(']'))
            {
                bounds = s[6..^1].Split(',');
            }

            if (bounds is { Length: 2 } && TryNumber(bounds[0], out var min) && TryNumber(bounds[1], out var max))
            {
                kind = IndicatorKind.BoundedScore(min, max);
                return true;
            }
        }
        catch (ArgumentException)
        {
            // A factory rejected the parameters (for example rate:0 or score:5:5).
        }

        kind = IndicatorKind.Real;
        return false;
    }

    private static bool TryNumber(string s, out double x) => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out x);

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
