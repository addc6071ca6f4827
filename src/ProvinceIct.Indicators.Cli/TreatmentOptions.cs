using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Parses the treatment options (<c>--denominate</c>, <c>--screen</c>, <c>--impute</c>, <c>--treat</c>) into the steps of
/// a methodology. A step given on the command line replaces the methodology's steps of the same kind (<c>none</c> removes
/// them); steps of other kinds are kept. When any option is given, the steps are put in COINr's default order: denominate,
/// screen, impute, treat (a Box-Cox step from a methodology file after treat).
/// </summary>
internal static class TreatmentOptions
{
    private const string GroupPrefix = "Group_";

    public static Methodology Apply(Methodology m, bool denominate, string? screen, string? impute, string? treat)
    {
        if (!denominate && screen is null && impute is null && treat is null)
        {
            return m;
        }

        var steps = m.Treatment.ToList();
        if (denominate)
        {
            if (!m.Framework.Indicators.Any(d => d.DenominatorCode is not null))
            {
                throw new UsageException("--denominate: no indicator names a denominator (give a Denominator column in the iMeta file, or denominator in the methodology).");
            }

            steps.RemoveAll(s => s.Kind is TreatmentStepKind.Denominate or TreatmentStepKind.DenominateByDefinitions);
            steps.Add(TreatmentStep.DenominateByDefinitions());
        }

        if (screen is not null)
        {
            steps.RemoveAll(s => s.Kind == TreatmentStepKind.Screen);
            if (!string.Equals(screen, "none", StringComparison.OrdinalIgnoreCase))
            {
                steps.Add(TreatmentStep.Screen(ParseThreshold(screen)));
            }
        }

        if (impute is not null)
        {
            steps.RemoveAll(s => s.Kind == TreatmentStepKind.Impute);
            if (ParseImputer(impute) is { } imputer)
            {
                steps.Add(TreatmentStep.Impute(imputer));
            }
        }

        if (treat is not null)
        {
            steps.RemoveAll(s => s.Kind == TreatmentStepKind.Treat);
            if (ParseTreatment(treat) is { } t)
            {
                steps.Add(TreatmentStep.Treat(t));
            }
        }

        return m.WithTreatment(steps.OrderBy(s => Order(s.Kind)));
    }

    private static int Order(TreatmentStepKind kind) => kind switch
    {
        TreatmentStepKind.Denominate or TreatmentStepKind.DenominateByDefinitions => 0,
        TreatmentStepKind.Screen => 1,
        TreatmentStepKind.Impute => 2,
        TreatmentStepKind.Treat => 3,
        _ => 4,
    };

    private static double ParseThreshold(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0 && x <= 1
            ? x
            : throw new UsageException($"--screen expects a share THRESHOLD in [0, 1] (for example 0.667) or none; found '{text}'.");

    public static Imputer? ParseImputer(string text)
    {
        var lower = text.ToLowerInvariant();
        var colon = lower.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? lower : lower[..colon];
        var group = colon < 0 ? null : text[(colon + 1)..].Trim();
        if (group is not null && group.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase))
        {
            group = group[GroupPrefix.Length..];
        }

        const string Expected = "none, mean, median, group-mean:COL or group-median:COL";
        return (name, group) switch
        {
            ("none", null) => null,
            ("mean", null) => Imputer.Mean,
            ("median", null) => Imputer.Median,
            ("group-mean", { Length: > 0 } g) => Imputer.GroupMean(g),
            ("group-median", { Length: > 0 } g) => Imputer.GroupMedian(g),
            ("group-mean" or "group-median", _) => throw new UsageException($"--impute {name} needs a group column: {name}:COL (for example {name}:region)."),
            _ => throw new UsageException($"Unknown --impute '{text}'; expected {Expected}."),
        };
    }

    public static OutlierTreatment? ParseTreatment(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower == "none")
        {
            return null;
        }

        if (lower == "winsorise")
        {
            return OutlierTreatment.Default;
        }

        if (lower.StartsWith("winsorise:", StringComparison.Ordinal))
        {
            var max = lower["winsorise:".Length..];
            return int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? OutlierTreatment.Create(n)
                : throw new UsageException($"--treat winsorise:MAX expects a whole number MAX >= 0 (the most points winsorised); found '{max}'.");
        }

        throw new UsageException($"Unknown --treat '{text}'; expected none or winsorise[:MAX].");
    }
}
