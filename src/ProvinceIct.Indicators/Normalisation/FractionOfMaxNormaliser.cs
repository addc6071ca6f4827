using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Fraction of the maximum: <c>x / max * u</c> (COINr <c>n_fracmax</c> when u = 1). Method text: <c>fraction-of-max</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record FractionOfMaxNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "fraction-of-max";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="upper">u, the value the maximum maps to (default 1); above 0.</param>
    /// <param name="degenerate">What to do with a column without spread (default: error).</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public FractionOfMaxNormaliser(double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
        : base(NormalisationMethod.FractionOfMax, 0, upper, degenerate)
    {
        ParameterCheck.Positive(MethodName, "upper", upper);
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => Degenerate == DegenerateColumnPolicy.Midpoint
        ? MethodCall.Create(MethodName).With(Upper).With("degenerate", "midpoint")
        : MethodCall.Create(MethodName).With(Upper);

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

        if (min < 0)
        {
            var at = NormaliserKernel.FirstIndex(x, s, min);
            throw new CalculationException(ProblemCode.InvalidParameter,
                new ProblemText(s < 0 ? "Calc_FractionOfMaxNegativeFlipped" : "Calc_FractionOfMaxNegative", plan.Code, NormaliserKernel.F(s * x[at]), (at + 1).ToString(CultureInfo.InvariantCulture)),
                plan.Code, value: x[at]);
        }

        if (!(max > 0))
        {
            NormaliserKernel.Degenerate(plan, x, y, plan.Upper / 2, ProblemText.Verbatim("max = 0"));
            return;
        }

        var u = plan.Upper;
        for (var i = 0; i < n; i++)
        {
            y[i] = (s * x[i]) / max * u;
        }

        return;
    }

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => lower == 0 ? new FractionOfMaxNormaliser(upper, Degenerate) : throw new InvalidOperationException("Fraction of max maps 0 to 0: only the upper end can be set.");

    /// <summary>Reads the method text's arguments (the registry's entry for <c>fraction-of-max</c>).</summary>
    internal static FractionOfMaxNormaliser Read(MethodArguments arguments)
    {
        var degenerate = ReadDegenerate(arguments);
        var upper = arguments.Number(0, "upper", 1);
        arguments.EnsureAllRead();
        return new FractionOfMaxNormaliser(upper, degenerate);
    }
}
