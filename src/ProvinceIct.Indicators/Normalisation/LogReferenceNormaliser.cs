using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Log goalposts: <c>min(log10(x) / log10(ref), 1) * (u - l) + l</c>. Method text: <c>log-reference</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record LogReferenceNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "log-reference";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 1), above l.</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public LogReferenceNormaliser(double lower = 0, double upper = 1)
        : base(NormalisationMethod.LogReference, lower, upper)
    {
        Errors.ParameterCheck.Range(MethodName, lower, upper);
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => WithRangeText(MethodCall.Create(MethodName));

    /// <inheritdoc/>
    public override IEnumerable<ValidationProblem> Validate(IndicatorDefinition indicator) => ValidateReference(indicator, new ProblemText("Norm_LogReference"));

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
        var r = plan.Reference;
        if (!(r > 1))
        {
            throw new CalculationException(ProblemCode.InvalidParameter,
                new ProblemText("Calc_LogRefNoReference", plan.Code, double.IsNaN(r) ? new ProblemText("Calc_None") : NormaliserKernel.F(r)),
                plan.Code, value: double.IsNaN(r) ? null : r);
        }

        var logRef = Math.Log10(r);
        var l = plan.Lower;
        var span = plan.Upper - l;
        for (var i = 0; i < n; i++)
        {
            var v = s * x[i];
            if (v <= 0)
            {
                throw new CalculationException(ProblemCode.NonPositiveValue,
                    new ProblemText(s < 0 ? "Calc_LogRefNonPositiveFlipped" : "Calc_LogRefNonPositive", plan.Code, NormaliserKernel.F(v), (i + 1).ToString(CultureInfo.InvariantCulture)),
                    plan.Code, value: x[i]);
            }

            var t = Math.Log10(v) / logRef; // NaN stays NaN: NaN <= 0 is false, and NaN > 1 is false
            t = t > 1 ? 1 : t;
            y[i] = NormaliserKernel.Out(t, l, plan.Upper, span);
        }

        return;
    }

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => new LogReferenceNormaliser(lower, upper);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>log-reference</c>).</summary>
    internal static LogReferenceNormaliser Read(MethodArguments arguments) => ReadRangeOnly(arguments, 0, 1, (lower, upper) => new LogReferenceNormaliser(lower, upper));
}
