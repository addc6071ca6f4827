using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Categorical scale by the percentiles P15, P25, P65, P85, P95 (R type 7), mapped to [l, u]. Method text: <c>categorical</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record CategoricalNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "categorical";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 100), above l.</param>
    /// <param name="degenerate">What to do with a column without spread (default: error).</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public CategoricalNormaliser(double lower = 0, double upper = 100, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
        : base(NormalisationMethod.Categorical, lower, upper, degenerate)
    {
        Errors.ParameterCheck.Range(MethodName, lower, upper);
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => WithRangeText(MethodCall.Create(MethodName));

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        Formula(plan, x, y, keys);

    private static void Formula(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys)
    {
        var n = x.Length;
        var s = plan.Sign;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                keys[count++] = s * x[i];
            }
        }

        if (count == 0)
        {
            y.Fill(double.NaN);
            return;
        }

        var sorted = keys[..count];
        sorted.Sort();
        var l = plan.Lower;
        var u = plan.Upper;
        if (!(sorted[count - 1] > sorted[0]))
        {
            NormaliserKernel.Degenerate(plan, x, y, (l / 2) + (u / 2), count > 1 ? ProblemText.Verbatim("max = min = " + NormaliserKernel.F(s * sorted[0])) : new ProblemText("Calc_WhyOneValue"));
            return;
        }

        var q15 = NormaliserKernel.Quantile7(sorted, 0.15);
        var q25 = NormaliserKernel.Quantile7(sorted, 0.25);
        var q65 = NormaliserKernel.Quantile7(sorted, 0.65);
        var q85 = NormaliserKernel.Quantile7(sorted, 0.85);
        var q95 = NormaliserKernel.Quantile7(sorted, 0.95);
        var step = (u - l) / 5;
        for (var i = 0; i < n; i++)
        {
            var v = s * x[i];
            if (double.IsNaN(v))
            {
                y[i] = double.NaN;
                continue;
            }

            var c = (v >= q15 ? 1 : 0) + (v >= q25 ? 1 : 0) + (v >= q65 ? 1 : 0) + (v >= q85 ? 1 : 0) + (v >= q95 ? 1 : 0);
            y[i] = c == 5 ? u : double.IsFinite(step) ? (c * step) + l : NormaliserKernel.Between(c / 5.0, l, u);
        }
    }

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => new CategoricalNormaliser(lower, upper, Degenerate);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>categorical</c>).</summary>
    internal static CategoricalNormaliser Read(MethodArguments arguments)
    {
        var degenerate = ReadDegenerate(arguments);
        var (lower, upper) = ReadRange(arguments, 0, 0, 100);
        arguments.EnsureAllRead();
        return new CategoricalNormaliser(lower, upper, degenerate);
    }
}
