using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Cli;

/// <summary>Parses the method overrides of <c>compute</c> and applies them to every node of a methodology.</summary>
internal static class MethodOptions
{
    public static readonly string[] Normalisers = ["identity", "minmax", "zscore", "rank", "percentile-rank", "dist-to-max", "fraction-of-max"];
    public static readonly string[] TieNames = ["competition", "dense", "fractional", "ordinal"];

    public static Methodology Apply(Methodology m, string? normalise, string? range, string? aggregate, string? ties)
    {
        (double Lower, double Upper)? bounds = range is null ? null : ParseRange(range);
        if (normalise is not null || bounds is not null)
        {
            var n = normalise is null ? m.Normaliser : ParseNormaliser(normalise);
            if (bounds is { } b)
            {
                if (!n.HasRange)
                {
                    throw new UsageException($"--range does not apply to the {n.Method} normaliser (only minmax, percentile-rank, dist-to-max and fraction-of-max have an output range).");
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

    public static Normaliser ParseNormaliser(string text) => text.ToLowerInvariant() switch
    {
        "identity" => Normaliser.Identity,
        "minmax" => Normaliser.MinMax(),
        "zscore" => Normaliser.ZScore(),
        "rank" => Normaliser.Rank,
        "percentile-rank" => Normaliser.PercentileRank(),
        "dist-to-max" => Normaliser.DistanceToMax(),
        "fraction-of-max" => Normaliser.FractionOfMax(),
        _ => throw new UsageException($"Unknown normaliser '{text}'; expected one of {string.Join(", ", Normalisers)}."),
    };

    public static Aggregator ParseAggregator(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("power:", StringComparison.Ordinal))
        {
            var p = lower["power:".Length..];
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var power) || !double.IsFinite(power))
            {
                throw new UsageException($"The power in '{text}' is not a number; write for example power:2 or power:0.5.");
            }

            return Aggregator.PowerMean(power);
        }

        return lower switch
        {
            "arithmetic" => Aggregator.ArithmeticMean,
            "geometric" => Aggregator.GeometricMean,
            "harmonic" => Aggregator.HarmonicMean,
            "minimum" => Aggregator.Minimum,
            _ => throw new UsageException($"Unknown aggregator '{text}'; expected arithmetic, geometric, harmonic, power:P or minimum."),
        };
    }

    public static TiePolicy ParseTies(string text) => text.ToLowerInvariant() switch
    {
        "competition" => TiePolicy.Competition,
        "dense" => TiePolicy.Dense,
        "fractional" => TiePolicy.Fractional,
        "ordinal" => TiePolicy.Ordinal,
        _ => throw new UsageException($"Unknown tie policy '{text}'; expected one of {string.Join(", ", TieNames)}."),
    };

    private static (double Lower, double Upper) ParseRange(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
            || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var u)
            || !double.IsFinite(l) || !double.IsFinite(u) || !(l < u))
        {
            throw new UsageException($"--range expects two numbers L,U with L < U (for example 1,100); found '{text}'.");
        }

        return (l, u);
    }
}
