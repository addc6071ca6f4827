using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Goalposts: <c>(x - L) / (U - L)</c> truncated to [0, 1], mapped to [l, u], with the indicator's goalposts. Method text: <c>goalposts</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record GoalpostsNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "goalposts";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 1), above l.</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public GoalpostsNormaliser(double lower = 0, double upper = 1)
        : base(NormalisationMethod.Goalposts, lower, upper)
    {
        Errors.ParameterCheck.Range(MethodName, lower, upper);
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => WithRangeText(MethodCall.Create(MethodName));

    /// <inheritdoc/>
    public override IEnumerable<ValidationProblem> Validate(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.Goalposts is null)
        {
            yield return Problem(indicator, new ProblemText("Norm_NoGoalposts", indicator.Code), new ProblemText("Norm_ExpectedGoalposts"), new ProblemText("Found_None"));
        }
    }

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
        var lo = plan.GoalLower;
        var hi = plan.GoalUpper;
        var width = hi - lo;
        var l = plan.Lower;
        var span = plan.Upper - l;
        var wide = !double.IsFinite(width) || !double.IsFinite(span);
        for (var i = 0; i < n; i++)
        {
            var v = x[i];
            var t = wide
                ? (s > 0 ? (v / 2) - (lo / 2) : (hi / 2) - (v / 2)) / ((hi / 2) - (lo / 2)) // halves: no overflow
                : s > 0 ? (v - lo) / width : (hi - v) / width;
            t = t < 0 ? 0 : t > 1 ? 1 : t; // NaN passes through both comparisons unchanged
            y[i] = wide ? NormaliserKernel.Between(t, l, plan.Upper) : (t * span) + l;
        }

        return;
    }

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => new GoalpostsNormaliser(lower, upper);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>goalposts</c>).</summary>
    internal static GoalpostsNormaliser Read(MethodArguments arguments) => ReadRangeOnly(arguments, 0, 1, (lower, upper) => new GoalpostsNormaliser(lower, upper));
}
