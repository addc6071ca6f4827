using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Distance to target: <c>(x - min) / (target - min)</c> (negative: <c>(max - x) / (max - target)</c>), optionally capped at 1, mapped to [l, u] (COINr <c>n_dist2targ</c>). Method text: <c>dist-to-target</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record DistanceToTargetNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "dist-to-target";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="cap">Whether to cap at 1 (default: no cap).</param>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 1), above l.</param>
    /// <param name="degenerate">What to do with a column without spread (default: error).</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public DistanceToTargetNormaliser(CapPolicy cap = CapPolicy.None, double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
        : base(NormalisationMethod.DistanceToTarget, lower, upper, degenerate)
    {
        Cap = cap;
        Errors.ParameterCheck.Range(MethodName, lower, upper);
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => WithRangeText(MethodCall.Create(MethodName), Cap);

    /// <summary>Whether the score is capped at 1 before it is mapped to [l, u].</summary>
    public CapPolicy Cap { get; }

    /// <inheritdoc/>
    public override IEnumerable<ValidationProblem> Validate(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.Target is null)
        {
            yield return Problem(indicator, new ProblemText("Norm_NoTarget", indicator.Code), new ProblemText("Norm_ExpectedTarget"), new ProblemText("Found_None"));
        }
    }

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        Formula(plan, x, y);

    private static void Formula(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        NormaliserKernel.MinMax(x, 1, out var min, out var max, out var count);
        if (count == 0)
        {
            y.Fill(double.NaN);
            return;
        }

        var target = plan.Target;
        var negative = plan.Sign < 0;
        var worst = negative ? max : min;
        var den = negative ? max - target : target - min;
        var halves = double.IsPositiveInfinity(den); // values and target spanning more than double.MaxValue: differences in halves
        den = halves ? (negative ? (max / 2) - (target / 2) : (target / 2) - (min / 2)) : den;
        var l = plan.Lower;
        var span = plan.Upper - l;
        if (double.IsNaN(den) || den < 0)
        {
            throw new CalculationException(ProblemCode.InvalidParameter,
                new ProblemText(negative ? "Calc_TargetAbove" : "Calc_TargetBelow", plan.Code, double.IsNaN(target) ? new ProblemText("Calc_TargetIsMissing") : NormaliserKernel.F(target), NormaliserKernel.F(worst)),
                plan.Code, value: double.IsNaN(target) ? null : target);
        }

        if (den == 0)
        {
            NormaliserKernel.Degenerate(plan, x, y, (l / 2) + (plan.Upper / 2), ProblemText.Verbatim("target = " + (negative ? "max" : "min") + " = " + NormaliserKernel.F(worst)));
            return;
        }

        var cap = plan.Cap == CapPolicy.AtOne;
        for (var i = 0; i < n; i++)
        {
            var t = halves
                ? (negative ? (max / 2) - (x[i] / 2) : (x[i] / 2) - (min / 2)) / den
                : negative ? (max - x[i]) / den : (x[i] - min) / den;
            t = cap && t > 1 ? 1 : t;
            y[i] = NormaliserKernel.Out(t, l, plan.Upper, span);
        }
    }

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => new DistanceToTargetNormaliser(Cap, lower, upper, Degenerate);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>dist-to-target</c>).</summary>
    internal static DistanceToTargetNormaliser Read(MethodArguments arguments)
    {
        var cap = ReadCap(arguments);
        var degenerate = ReadDegenerate(arguments);
        var (lower, upper) = ReadRange(arguments, 0, 0, 1);
        arguments.EnsureAllRead();
        return new DistanceToTargetNormaliser(cap, lower, upper, degenerate);
    }
}
