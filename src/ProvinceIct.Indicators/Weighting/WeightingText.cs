using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// Reads the canonical text of a weighting method (<c>nominal</c>, <c>equal</c>, <c>pca</c> = <c>pca(squared-loadings)</c>,
/// <c>pca(loadings)</c>, <c>ahp(3,5,2)</c>, <c>optimised</c>, <c>optimised(1,1,2,tolerance=1E-08,iterations=200)</c>);
/// <c>ToString()</c> of every case writes text this reads back to an equal method. Names are case-insensitive,
/// <c>optimized</c> is read as <c>optimised</c>; spaces around parts are ignored. A local parser until the method
/// registry reads every method by name.
/// </summary>
internal static class WeightingText
{
    /// <summary>The names understood, for messages.</summary>
    public const string Names = "nominal, equal, pca(squared-loadings), pca(loadings), ahp(J12,J13,...), optimised or optimised(T1,T2,...,tolerance=X,iterations=N)";

    /// <summary>The built-in weighting methods' readers by name, composed by <c>Methods.MethodRegistry.Default</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, Func<MethodArguments, WeightingMethod>>> BuiltIns { get; } =
    [
        new(NominalWeighting.Instance.Name, Read),
        new(EqualWeighting.Instance.Name, Read),
        new("pca", Read),
        new("ahp", Read),
        new("optimised", Read),
        new("optimized", Read),
    ];

    /// <summary>Reads a call through <see cref="Parse"/>; a problem is a validation exception naming the call.</summary>
    private static WeightingMethod Read(MethodArguments arguments)
    {
        try
        {
            return Parse(arguments.Call.ToString());
        }
        catch (FormatException ex)
        {
            throw arguments.Fail(ex.Message, Names, arguments.Call.ToString());
        }
    }

    /// <summary>Parses a weighting method.</summary>
    /// <exception cref="FormatException">When the text is not a weighting method; the message says what is expected.</exception>
    public static WeightingMethod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var open = t.IndexOf('(', StringComparison.Ordinal);
        string name;
        string[] args;
        if (open < 0)
        {
            name = t;
            args = [];
        }
        else
        {
            if (!t.EndsWith(')'))
            {
                throw new FormatException($"Weighting '{text}': a closing parenthesis is missing.");
            }

            name = t[..open].Trim();
            var inner = t[(open + 1)..^1];
            args = inner.Trim().Length == 0 ? [] : inner.Split(',').Select(a => a.Trim()).ToArray();
        }

        try
        {
            return name.ToLowerInvariant() switch
            {
                "nominal" when args.Length == 0 => NominalWeighting.Instance,
                "equal" when args.Length == 0 => EqualWeighting.Instance,
                "pca" when args.Length == 0 => PcaWeighting.SquaredLoadings,
                "pca" when args.Length == 1 && args[0].Equals("squared-loadings", StringComparison.OrdinalIgnoreCase) => PcaWeighting.SquaredLoadings,
                "pca" when args.Length == 1 && args[0].Equals("loadings", StringComparison.OrdinalIgnoreCase) => PcaWeighting.Loadings,
                "pca" => throw new FormatException($"Weighting '{text}': pca takes squared-loadings (OECD/JRC Handbook) or loadings (COINr's get_PCA)."),
                "ahp" when args.Length > 0 => AhpWeighting.Create(args.Select(a => Number(a, text))),
                "ahp" => throw new FormatException($"Weighting '{text}': ahp needs the upper triangle of the comparison matrix, row by row, for example ahp(3,5,2)."),
                "optimised" or "optimized" => Optimised(args, text),
                _ => throw new FormatException($"Unknown weighting '{text}'; use {Names}."),
            };
        }
        catch (ValidationException ex)
        {
            throw new FormatException($"Weighting '{text}': {string.Join("; ", ex.Report.Problems.Select(p => p.Message))}", ex);
        }
    }

    private static OptimisedWeighting Optimised(string[] args, string text)
    {
        var targets = new List<double>();
        var tolerance = OptimisedWeighting.DefaultTolerance;
        var iterations = OptimisedWeighting.DefaultMaxIterations;
        foreach (var a in args)
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                targets.Add(Number(a, text));
                continue;
            }

            var key = a[..eq].Trim().ToLowerInvariant();
            var value = a[(eq + 1)..].Trim();
            switch (key)
            {
                case "tolerance":
                    tolerance = Number(value, text);
                    break;
                case "iterations" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    iterations = n;
                    break;
                case "iterations":
                    throw new FormatException($"Weighting '{text}': iterations must be a whole number; found '{value}'.");
                default:
                    throw new FormatException($"Weighting '{text}': unknown setting '{key}'; optimised takes target shares, tolerance=X and iterations=N.");
            }
        }

        return OptimisedWeighting.Create(targets, tolerance, iterations);
    }

    private static double Number(string s, string text) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw new FormatException($"Weighting '{text}': '{s}' is not a number.");
}
