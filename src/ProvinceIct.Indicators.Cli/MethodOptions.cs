using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Cli;

/// <summary>Parses the method overrides of <c>compute</c> and applies them to every node of a methodology.</summary>
internal static class MethodOptions
{
    private static readonly AsyncLocal<MethodRegistry?> CurrentRegistry = new();

    /// <summary>The methods this invocation reads by name: the built-in ones plus those of its <c>--plugin</c> assemblies (per invocation: an async-local).</summary>
    public static MethodRegistry Registry
    {
        get => CurrentRegistry.Value ?? MethodRegistry.Default;
        set => CurrentRegistry.Value = value;
    }

    public static readonly string[] Normalisers = ["identity", "minmax", "zscore", "rank", "percentile-rank", "dist-to-max", "fraction-of-max", "borda", "dist-to-ref:UNIT", "dist-to-target[:cap]", "goalposts", "log-goalposts", "reference-value", "categorical"]; // also minmax(L,U), zscore(M,S), ... and --plugin methods

    /// <summary>The aggregator names as the help and the unknown-aggregator message list them, in the run's language.</summary>
    public static string AggregatorNames => CliStrings.Get("Help_AggregatorNames");
    public static readonly string[] TieNames = ["competition", "dense", "fractional", "ordinal"];

    /// <summary>The aggregator names without their parameters, for "did you mean".</summary>
    private static readonly string[] AggregatorWords = ["arithmetic", "geometric", "harmonic", "power", "minimum", "median", "mean-min", "mpi-", "mpi+", "ampi", "ampi+", "copeland", "bod", "generalised-mean"];

    public static Methodology Apply(Methodology m, string? normalise, string? range, string? aggregate, string? ties, double? goalpostScale = null)
    {
        (double Lower, double Upper)? bounds = range is null ? null : ParseRange(range);
        if (normalise is not null || bounds is not null)
        {
            var n = normalise is null ? m.Normaliser : ParseNormaliser(normalise, goalpostScale);
            if (bounds is { } b)
            {
                if (!n.HasRange)
                {
                    throw new UsageException(CliStrings.Format("Msg_RangeNotApplicable", n.Name));
                }

                n = n.WithRange(b.Lower, b.Upper);
            }

            m = m.WithNormaliserEverywhere(n);
        }

        if (aggregate is not null)
        {
            m = m.WithAggregatorEverywhere(ParseAggregator(aggregate));
        }

        if (ties is not null)
        {
            m = m.WithTies(ParseTies(ties));
        }

        return m;
    }

    public static Normaliser ParseNormaliser(string text, double? goalpostScale = null)
    {
        var lower = text.Trim().ToLowerInvariant();
        return lower switch
        {
            "dist-to-ref" => throw new UsageException(CliStrings.Get("Msg_DistToRefNeedsUnit")),
            "goalposts" => Normaliser.Goalposts(0, goalpostScale ?? 1),
            _ => Parse<Normaliser>(text, "normaliser", Normalisers.Select(n => n.Split(':', '[')[0])),
        };
    }

    public static Aggregator ParseAggregator(string text) => Parse<Aggregator>(text, "aggregator", AggregatorWords);

    /// <summary>Reads a method through <see cref="Registry"/>; a problem is a usage error naming the text.</summary>
    private static T Parse<T>(string text, string kind, IEnumerable<string> words)
        where T : class
    {
        var result = Registry.Read<T>(text.Trim(), kind);
        if (result.TryGetValue(out var value))
        {
            return value;
        }

        var problem = result.Report.Problems[0];
        if (problem.Code != ProblemCode.UnknownValue)
        {
            throw new UsageException($"'{text}': {problem.MessageIn(CliStrings.Culture)}");
        }

        var isNormaliser = typeof(T) == typeof(Normaliser);
        var user = (isNormaliser ? Registry.NormaliserNames.Except(MethodRegistry.Default.NormaliserNames) : Registry.AggregatorNames.Except(MethodRegistry.Default.AggregatorNames)).ToList();
        var message = isNormaliser
            ? CliStrings.Format("Msg_UnknownNormaliser", text, string.Join(", ", Normalisers.Concat(user)))
            : CliStrings.Format("Msg_UnknownAggregator", text, AggregatorNames + (user.Count == 0 ? string.Empty : CliStrings.Format("Msg_Plugins", string.Join(", ", user))));
        throw new UsageException(message + Suggestions.DidYouMean(text, words.Concat(user)));
    }

    /// <summary>Splits a comma-separated list of methods, keeping the commas inside parentheses or brackets: <c>minmax(1,100),rank</c>.</summary>
    public static List<string> SplitMethods(string text)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] is '(' or '[' ? 1 : text[i] is ')' or ']' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                items.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        items.Add(text[start..].Trim());
        return items;
    }

    public static TiePolicy ParseTies(string text) => text.ToLowerInvariant() switch
    {
        "competition" => TiePolicy.Competition,
        "dense" => TiePolicy.Dense,
        "fractional" => TiePolicy.Fractional,
        "ordinal" => TiePolicy.Ordinal,
        _ => throw new UsageException(CliStrings.Format("Msg_UnknownTiePolicy", text, string.Join(", ", TieNames)) + Suggestions.DidYouMean(text, TieNames)),
    };

    private static (double Lower, double Upper) ParseRange(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
            || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var u)
            || !double.IsFinite(l) || !double.IsFinite(u) || !(l < u))
        {
            throw new UsageException(CliStrings.Format("Msg_RangeExpectsTwoNumbers", text));
        }

        return (l, u);
    }
}
