using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Z-score: <c>(x - mean) / sd * s + m</c>, sd with n - 1. Method text: <c>zscore</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record ZScoreNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "zscore";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="mean">m, the output mean (default 0); finite.</param>
    /// <param name="sd">s, the output standard deviation (default 1); above 0.</param>
    /// <param name="degenerate">What to do with a column without spread (default: error).</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public ZScoreNormaliser(double mean = 0, double sd = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
        : base(NormalisationMethod.ZScore, degenerate: degenerate)
    {
        Mean = ParameterCheck.Finite(MethodName, "mean", mean);
        StandardDeviation = ParameterCheck.Positive(MethodName, "sd", sd);
    }

    /// <summary>m, the output mean.</summary>
    public double Mean { get; }

    /// <summary>s, the output standard deviation (above 0).</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => Degenerate == DegenerateColumnPolicy.Midpoint
        ? MethodCall.Create(MethodName).With(Mean).With(StandardDeviation).With("degenerate", "midpoint")
        : MethodCall.Create(MethodName).With(Mean).With(StandardDeviation);

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
        NormaliserKernel.MinMax(x, s, out var min, out var max, out var count);
        if (count == 0)
        {
            y.Fill(double.NaN);
            return;
        }

        var (mean, sd) = NormaliserKernel.MeanAndSd(x, s, count, Math.Max(Math.Abs(min), Math.Abs(max)), correct: true);
        if (!(sd > 0))
        {
            NormaliserKernel.Degenerate(plan, x, y, plan.Mean, count > 1 ? ProblemText.Verbatim("sd = 0") : new ProblemText("Calc_WhyOneValue"));
            return;
        }

        for (var i = 0; i < n; i++)
        {
            var d = (s * x[i]) - mean;
            var z = double.IsFinite(d) || double.IsNaN(d) ? d / sd : (((s * x[i]) / 2) - (mean / 2)) / (sd / 2);
            y[i] = (z * plan.Sd) + plan.Mean;
        }

        return;
    }

    /// <summary>Reads the method text's arguments (the registry's entry for <c>zscore</c>).</summary>
    internal static ZScoreNormaliser Read(MethodArguments arguments)
    {
        var degenerate = ReadDegenerate(arguments);
        var mean = arguments.Text(-1, "m", null) is null ? arguments.Number(0, "mean", 0) : arguments.Number(0, "m", 0);
        var sd = arguments.Text(-1, "s", null) is null ? arguments.Number(1, "sd", 1) : arguments.Number(1, "s", 1);
        arguments.EnsureAllRead();
        return new ZScoreNormaliser(mean, sd, degenerate);
    }
}
