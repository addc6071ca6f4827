using System.Globalization;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Ranking;

namespace ProvinceIct.Indicators.Cli;

/// <summary>Parses the method overrides of <c>compute</c> and applies them to every node of a methodology.</summary>
internal static class MethodOptions
{
    public static readonly string[] Normalisers = ["identity", "minmax", "zscore", "rank", "percentile-rank", "dist-to-max", "fraction-of-max", "borda", "dist-to-ref:UNIT", "dist-to-target[:cap]", "goalposts", "log-goalposts", "reference-value", "categorical"];

    public const string AggregatorNames = "arithmetic, geometric, harmonic, power:P, minimum, median, mean-min:ALPHA,BETA, mpi-, mpi+, ampi (= ampi-), ampi+ or copeland";
    public static readonly string[] TieNames = ["competition", "dense", "fractional", "ordinal"];

    /// <summary>The aggregator names without their parameters, for "did you mean".</summary>
    private static readonly string[] AggregatorWords = ["arithmetic", "geometric", "harmonic", "power", "minimum", "median", "mean-min", "mpi-", "mpi+", "ampi", "ampi+", "copeland"];

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
                    throw new UsageException($"--range does not apply to the {n.Method} normaliser (identity, rank, zscore and borda have no output range).");
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
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("dist-to-ref:", StringComparison.Ordinal))
        {
            var unit = text["dist-to-ref:".Length..].Trim();
            return unit.Length == 0
                ? throw new UsageException("dist-to-ref needs the reference unit's code: dist-to-ref:UNIT (for example dist-to-ref:01).")
                : Normaliser.DistanceToReference(unit);
        }

        return lower switch
        {
            "dist-to-ref" => throw new UsageException("dist-to-ref needs the reference unit's code: dist-to-ref:UNIT (for example dist-to-ref:01)."),
            "dist-to-target" => Normaliser.DistanceToTarget(),
            "dist-to-target:cap" => Normaliser.DistanceToTarget(CapPolicy.AtOne),
            "goalposts" => Normaliser.Goalposts(0, goalpostScale ?? 1),
            "log-goalposts" => Normaliser.LogReference(),
            "reference-value" => Normaliser.ReferenceValue(),
            "borda" => Normaliser.Borda,
            "categorical" => Normaliser.Categorical(),
            _ => ParsePlainNormaliser(text),
        };
    }

    private static Normaliser ParsePlainNormaliser(string text) => text.ToLowerInvariant() switch
    {
        "identity" => Normaliser.Identity,
        "minmax" => Normaliser.MinMax(),
        "zscore" => Normaliser.ZScore(),
        "rank" => Normaliser.Rank,
        "percentile-rank" => Normaliser.PercentileRank(),
        "dist-to-max" => Normaliser.DistanceToMax(),
        "fraction-of-max" => Normaliser.FractionOfMax(),
        _ => throw new UsageException($"Unknown normaliser '{text}'; expected one of {string.Join(", ", Normalisers)}." + Suggestions.DidYouMean(text, Normalisers.Select(n => n.Split(':', '[')[0]))),
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

        if (lower.StartsWith("mean-min:", StringComparison.Ordinal))
        {
            var parts = lower["mean-min:".Length..].Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var alpha)
                || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var beta))
            {
                throw new UsageException($"mean-min expects two numbers ALPHA,BETA (for example mean-min:0.5,1); found '{text}'.");
            }

            try
            {
                return Aggregator.MeanMin(alpha, beta);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new UsageException($"mean-min needs ALPHA in [0, 1] and BETA >= 0; found '{text}'.");
            }
        }

        return lower switch
        {
            "arithmetic" => Aggregator.ArithmeticMean,
            "geometric" => Aggregator.GeometricMean,
            "harmonic" => Aggregator.HarmonicMean,
            "minimum" => Aggregator.Minimum,
            "median" => Aggregator.Median,
            "copeland" => Aggregator.Copeland,
            "mpi-" => Aggregator.MazziottaPareto(MpiPenalty.Negative),
            "mpi+" => Aggregator.MazziottaPareto(MpiPenalty.Positive),
            "ampi" or "ampi-" => Aggregator.AdjustedMazziottaPareto(MpiPenalty.Negative),
            "ampi+" => Aggregator.AdjustedMazziottaPareto(MpiPenalty.Positive),
            "mean-min" => throw new UsageException("mean-min needs ALPHA,BETA: mean-min:ALPHA,BETA (for example mean-min:0.5,1)."),
            _ => throw new UsageException($"Unknown aggregator '{text}'; expected {AggregatorNames}." + Suggestions.DidYouMean(text, AggregatorWords)),
        };
    }

    public static TiePolicy ParseTies(string text) => text.ToLowerInvariant() switch
    {
        "competition" => TiePolicy.Competition,
        "dense" => TiePolicy.Dense,
        "fractional" => TiePolicy.Fractional,
        "ordinal" => TiePolicy.Ordinal,
        _ => throw new UsageException($"Unknown tie policy '{text}'; expected one of {string.Join(", ", TieNames)}." + Suggestions.DidYouMean(text, TieNames)),
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
