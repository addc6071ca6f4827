using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Distance to a reference unit: <c>1 - (x_ref - x) / (x_ref - min)</c>, optionally capped at 1, mapped to [l, u] (COINr <c>n_dist2ref</c>). Method text: <c>dist-to-ref</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record DistanceToReferenceNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "dist-to-ref";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="unitCode">The reference unit's code.</param>
    /// <param name="cap">Whether to cap at 1 (default: no cap).</param>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 1), above l.</param>
    /// <param name="degenerate">What to do with a column without spread (default: error).</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public DistanceToReferenceNormaliser(string unitCode, CapPolicy cap = CapPolicy.None, double lower = 0, double upper = 1, DegenerateColumnPolicy degenerate = DegenerateColumnPolicy.Error)
        : base(NormalisationMethod.DistanceToReference, lower, upper, degenerate)
    {
        ReferenceUnit = ParameterCheck.NotBlank(MethodName, "unit", unitCode);
        Errors.ParameterCheck.Range(MethodName, lower, upper);
        Cap = cap;
    }

    /// <summary>The reference unit's code.</summary>
    public string ReferenceUnit { get; }

    /// <summary>Whether the score is capped at 1 before it is mapped to [l, u].</summary>
    public CapPolicy Cap { get; }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => WithRangeText(MethodCall.Create(MethodName).With(ReferenceUnit), Cap);

    /// <inheritdoc/>
    public override IEnumerable<ValidationProblem> Validate(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (string.IsNullOrWhiteSpace(ReferenceUnit))
        {
            yield return Problem(indicator, new ProblemText("Norm_NoReferenceUnit", indicator.Code), new ProblemText("Norm_ExpectedReferenceUnit"), new ProblemText("Found_None"));
        }
    }

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items) =>
        Formula(plan, x, y);

    private static void Formula(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        var s = plan.Sign;
        NormaliserKernel.MinMax(x, s, out var min, out _, out var count);
        if (count == 0)
        {
            y.Fill(double.NaN);
            return;
        }

        var r = plan.ReferenceRow;
        if (r < 0 || r >= n)
        {
            throw new InvalidOperationException($"The reference unit '{plan.ReferenceUnit}' of indicator '{plan.Code}' has no row.");
        }

        var xr = s * x[r];
        if (double.IsNaN(xr))
        {
            throw new CalculationException(ProblemCode.MissingValue,
                new ProblemText("Calc_DistanceRefMissing", plan.Code, plan.ReferenceUnit),
                plan.Code, plan.ReferenceUnit);
        }

        var l = plan.Lower;
        var span = plan.Upper - l;
        var den = xr - min;
        var halves = double.IsPositiveInfinity(den); // values spanning more than double.MaxValue: differences in halves
        den = halves ? (xr / 2) - (min / 2) : den;
        if (!(den > 0))
        {
            NormaliserKernel.Degenerate(plan, x, y, (l / 2) + (plan.Upper / 2), new ProblemText("Calc_WhyReferenceWorst", NormaliserKernel.F(x[r])));
            return;
        }

        var cap = plan.Cap == CapPolicy.AtOne;
        for (var i = 0; i < n; i++)
        {
            var t = 1 - ((halves ? (xr / 2) - (s * x[i] / 2) : xr - (s * x[i])) / den);
            t = cap && t > 1 ? 1 : t;
            y[i] = NormaliserKernel.Out(t, l, plan.Upper, span);
        }
    }

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => new DistanceToReferenceNormaliser(ReferenceUnit!, Cap, lower, upper, Degenerate);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>dist-to-ref</c>).</summary>
    internal static DistanceToReferenceNormaliser Read(MethodArguments arguments)
    {
        var cap = ReadCap(arguments);
        var degenerate = ReadDegenerate(arguments);
        var unit = arguments.Text(0, "unit");
        var (lower, upper) = ReadRange(arguments, 1, 0, 1);
        arguments.EnsureAllRead();
        return new DistanceToReferenceNormaliser(unit, cap, lower, upper, degenerate);
    }
}
