using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Parses the treatment options (<c>--denominate</c>, <c>--screen</c>, <c>--impute</c>, <c>--treat</c>, <c>--steps</c>) into
/// the steps of a methodology. A step given on the command line takes the place of the methodology's steps of the same
/// kind (<c>none</c> removes them) and the methodology's order is kept; a kind the methodology lacks goes to its default
/// place (<see cref="TreatmentOrder.Place"/>: denominate, screen, impute, treat). <c>--steps</c> then puts the steps in
/// the order it names; it must name every step that is configured, once each.
/// </summary>
internal static class TreatmentOptions
{
    private const string GroupPrefix = "Group_";

    /// <summary>The step names of <c>--steps</c>, in the default order.</summary>
    public static readonly string[] StepNames = ["denominate", "screen", "impute", "treat", "box-cox"];

    public static Methodology Apply(Methodology m, bool denominate, string? screen, string? impute, string? treat, string? order = null)
    {
        if (!denominate && screen is null && impute is null && treat is null && order is null)
        {
            return m;
        }

        var steps = m.Treatment;
        if (denominate)
        {
            if (!m.Framework.Indicators.Any(d => d.DenominatorCode is not null))
            {
                throw new UsageException(CliStrings.Get("Msg_NoDenominator"));
            }

            steps = TreatmentOrder.Place(steps, TreatmentStepKind.DenominateByDefinitions, TreatmentStep.DenominateByDefinitions());
        }

        if (screen is not null)
        {
            steps = TreatmentOrder.Place(steps, TreatmentStepKind.Screen, string.Equals(screen, "none", StringComparison.OrdinalIgnoreCase) ? null : TreatmentStep.Screen(ParseScreening(screen)));
        }

        if (impute is not null)
        {
            steps = TreatmentOrder.Place(steps, TreatmentStepKind.Impute, ParseImputer(impute) is { } imputer ? TreatmentStep.Impute(imputer) : null);
        }

        if (treat is not null)
        {
            steps = TreatmentOrder.Place(steps, TreatmentStepKind.Treat, ParseTreatment(treat) is { } t ? TreatmentStep.Treat(t) : null);
        }

        if (order is not null)
        {
            steps = Reorder(steps, order);
        }

        return m.WithTreatment(steps);
    }

    /// <summary>The steps in the order <c>--steps</c> names (steps of one name keep their relative order).</summary>
    public static ImmutableArray<TreatmentStep> Reorder(ImmutableArray<TreatmentStep> steps, string order)
    {
        var names = order.Split(',', StringSplitOptions.TrimEntries);
        var seen = new List<string>();
        foreach (var raw in names)
        {
            var name = raw.ToLowerInvariant();
            if (name.Length == 0)
            {
                throw new UsageException(CliStrings.Format("Msg_StepsEmptyName", order));
            }

            if (!StepNames.Contains(name, StringComparer.Ordinal))
            {
                throw new UsageException(CliStrings.Format("Msg_UnknownStep", raw, string.Join(", ", StepNames)) + Suggestions.DidYouMean(name, StepNames));
            }

            if (seen.Contains(name, StringComparer.Ordinal))
            {
                throw new UsageException(CliStrings.Format("Msg_StepNamedTwice", name));
            }

            seen.Add(name);
        }

        var configured = steps.Select(s => StepName(s.Kind)).Distinct(StringComparer.Ordinal).ToList();
        if (seen.FirstOrDefault(n => !configured.Contains(n, StringComparer.Ordinal)) is { } absent)
        {
            throw new UsageException(CliStrings.Format("Msg_StepNotConfigured", absent, absent == "box-cox" ? CliStrings.Get("Msg_BoxCoxOnlyFromFile") : CliStrings.Format("Msg_GiveOption", absent), configured.Count == 0 ? CliStrings.Get("Msg_NoSteps") : string.Join(", ", configured)));
        }

        if (configured.FirstOrDefault(n => !seen.Contains(n, StringComparer.Ordinal)) is { } missing)
        {
            throw new UsageException(CliStrings.Format("Msg_StepNotNamed", missing, string.Join(", ", configured)));
        }

        return [.. steps.OrderBy(s => seen.IndexOf(StepName(s.Kind)))];
    }

    private static string StepName(TreatmentStepKind kind) => StepNames[Math.Min(TreatmentOrder.Rank(kind), StepNames.Length - 1)];

    /// <summary>
    /// <c>THRESHOLD</c> (availability), <c>zeros[:NONZERO]</c> or <c>missing-or-zeros[:THRESHOLD[,NONZERO]]</c>
    /// (COINr's <c>byNA</c>, <c>byzeros</c> and <c>byNAandzeros</c>; defaults 2/3 and 0.05).
    /// </summary>
    public static UnitScreening ParseScreening(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        var colon = lower.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? lower : lower[..colon];
        string[] args = colon < 0 ? [] : lower[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
        double Share(int i, double fallback) =>
            i >= args.Length ? fallback
            : double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0 && x <= 1 ? x
            : throw new UsageException("--screen " + name + ": " + CliStrings.Format("Msg_NotAShare", args[i]));
        switch (name)
        {
            case "zeros" when args.Length <= 1:
                return UnitScreening.ByZeros(Share(0, UnitScreening.DefaultNonZeroThreshold));
            case "missing-or-zeros" when args.Length <= 2:
                return UnitScreening.ByMissingOrZeros(Share(0, 2.0 / 3.0), Share(1, UnitScreening.DefaultNonZeroThreshold));
            case "zeros" or "missing-or-zeros":
                throw new UsageException("--screen " + name + " " + CliStrings.Format(name == "zeros" ? "Msg_TakesOneShare" : "Msg_TakesTwoShares", text));
        }

        if (colon < 0 && double.TryParse(lower, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) && threshold >= 0 && threshold <= 1)
        {
            return UnitScreening.ByAvailability(threshold);
        }

        throw new UsageException(CliStrings.Format("Msg_ScreenExpects", text) + (char.IsLetter(name.FirstOrDefault()) ? Suggestions.DidYouMean(name, ["zeros", "missing-or-zeros", "none"]) : string.Empty));
    }

    /// <summary>
    /// An imputer's method text, read through the method registry (<c>mean</c>, <c>median</c>, <c>group-mean(region)</c>;
    /// the old <c>group-mean:COL</c> too, and a <c>Group_</c> prefix on the column is dropped), or <c>none</c> (null).
    /// </summary>
    public static Imputer? ParseImputer(string text, string option = "--impute")
    {
        var t = text.Trim();
        if (string.Equals(t, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var result = MethodOptions.Registry.Read<Imputer>(t, option);
        if (!result.TryGetValue(out var imputer))
        {
            var problem = result.Report.Problems[0];
            var name = t.Split(':', '(')[0].Trim().ToLowerInvariant();
            throw new UsageException(name is "group-mean" or "group-median" && !t.Contains(':', StringComparison.Ordinal) && !t.Contains('(', StringComparison.Ordinal)
                ? CliStrings.Format("Msg_NeedsGroupColumn", option, name)
                : CliStrings.Format("Msg_UnknownImputer", option, text, problem.MessageIn(CliStrings.Culture)));
        }

        return imputer switch
        {
            GroupMeanImputer { GroupName: var g } when HasGroupPrefix(g) => Imputer.GroupMean(g[GroupPrefix.Length..]),
            GroupMedianImputer { GroupName: var g } when HasGroupPrefix(g) => Imputer.GroupMedian(g[GroupPrefix.Length..]),
            _ => imputer,
        };

        static bool HasGroupPrefix(string g) => g.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase) && g.Length > GroupPrefix.Length;
    }

    /// <summary>An outlier treatment's method text, read through the method registry (<c>winsorise</c>, <c>winsorise(MAX)</c>, <c>winsorise(MAX,SKEW,KURT)</c>, the old <c>winsorise:MAX</c>), or <c>none</c> (null).</summary>
    public static OutlierTreatment? ParseTreatment(string text, string option = "--treat")
    {
        var t = text.Trim();
        if (string.Equals(t, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var result = MethodOptions.Registry.Read<OutlierTreatment>(t, option);
        return result.TryGetValue(out var treatment)
            ? treatment
            : throw new UsageException(CliStrings.Format("Msg_UnknownTreatment", option, text, result.Report.Problems[0].MessageIn(CliStrings.Culture)));
    }
}
