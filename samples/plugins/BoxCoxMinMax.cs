#:project ../../src/ProvinceIct.Indicators/ProvinceIct.Indicators.csproj
#:property OutputType=Library
#:property PublishAot=false

// A Box-Cox-then-min-max normaliser, in one file: the method and the plugin that registers it.
// Each value is Box-Cox transformed, b = (x^lambda - 1) / lambda (log x when lambda = 0), then the column is mapped
// by min-max to [lower, upper]: (b - min b) / (max b - min b) * (upper - lower) + lower. Box-Cox needs x > 0: a value at
// or below zero (also after the -1 flip of a negative-direction indicator) is an error naming indicator and unit, and
// so is a column whose transformed values are all equal. Missing values stay missing.
//
// Build:  dotnet build samples/plugins/BoxCoxMinMax.cs -o plugins
// CLI:    ictindex compute --data d.csv --meta m.csv --plugin plugins/BoxCoxMinMax.dll --normalise "boxcox-minmax(0.5)"
// JSON:   "normaliser": { "method": "boxcox-minmax(0.5,0,100)" }
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Normalisation;

namespace Samples.Plugins;

/// <summary>Box-Cox with <see cref="Lambda"/>, then min-max to [<see cref="From"/>, <see cref="To"/>].</summary>
public sealed record BoxCoxMinMaxNormaliser : CustomNormaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "boxcox-minmax";

    /// <summary>Creates the normaliser, validating its parameters once (they are get-only: a <c>with</c> cannot change them).</summary>
    /// <param name="lambda">The Box-Cox exponent; finite.</param>
    /// <param name="from">The output minimum (default 0).</param>
    /// <param name="to">The output maximum (default 100), above <paramref name="from"/>.</param>
    public BoxCoxMinMaxNormaliser(double lambda, double from = 0, double to = 100)
        : base(MethodCall.Create(MethodName).With(lambda).With(from).With(to))
    {
        // ValidationException.InvalidParameter: the same error, whether the method is created here, parsed by the
        // registry, read from JSON or given to the CLI.
        if (!double.IsFinite(lambda))
        {
            throw ValidationException.InvalidParameter(MethodName, "lambda", "a finite number", lambda.ToString(CultureInfo.InvariantCulture));
        }

        if (!double.IsFinite(from) || !double.IsFinite(to) || !(from < to))
        {
            throw ValidationException.InvalidParameter(MethodName, "to", "finite and above from (" + from.ToString(CultureInfo.InvariantCulture) + ")", to.ToString(CultureInfo.InvariantCulture));
        }

        Lambda = lambda;
        From = from;
        To = to;
    }

    /// <summary>The Box-Cox exponent.</summary>
    public double Lambda { get; }

    /// <summary>The output minimum.</summary>
    public double From { get; }

    /// <summary>The output maximum.</summary>
    public double To { get; }

    /// <summary>The formula, in two passes over the column and without allocating.</summary>
    public override void Normalise(ReadOnlySpan<double> column, Span<double> output)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            // NaN stays NaN; x <= 0 has no Box-Cox value: NaN for a present value makes the library report it.
            var b = !(x > 0) ? double.NaN : Lambda == 0 ? Math.Log(x) : (Math.Pow(x, Lambda) - 1) / Lambda;
            output[i] = b;
            if (!double.IsNaN(b))
            {
                min = Math.Min(min, b);
                max = Math.Max(max, b);
            }
        }

        for (var i = 0; i < column.Length; i++)
        {
            // max = min gives NaN (0 / 0), which the library reports as a column without spread.
            output[i] = ((output[i] - min) / (max - min) * (To - From)) + From;
        }
    }
}

/// <summary>Registers <c>boxcox-minmax(lambda[, lower, upper])</c>.</summary>
public sealed class BoxCoxMinMaxPlugin : IMethodPlugin
{
    /// <inheritdoc/>
    public MethodRegistry Register(MethodRegistry registry) =>
        registry.WithNormaliser(BoxCoxMinMaxNormaliser.MethodName, arguments =>
        {
            var lambda = arguments.Number(0, "lambda");
            var lower = arguments.Number(1, "lower", 0);
            var upper = arguments.Number(2, "upper", 100);
            arguments.EnsureAllRead();
            return new BoxCoxMinMaxNormaliser(lambda, lower, upper);
        });
}
