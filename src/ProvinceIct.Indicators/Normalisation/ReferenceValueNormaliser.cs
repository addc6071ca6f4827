using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;

namespace ProvinceIct.Indicators.Normalisation;

/// <summary>Reference value (capped ratio): <c>min(x / ref, 1) * (u - l) + l</c>. Method text: <c>reference-value</c>. Created by <see cref="Normaliser"/>'s factory of the same name.</summary>
public sealed record ReferenceValueNormaliser : Normaliser
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "reference-value";

    /// <summary>Creates the normaliser, validating every parameter.</summary>
    /// <param name="lower">l, the output minimum (default 0).</param>
    /// <param name="upper">u, the output maximum (default 1), above l.</param>
    /// <exception cref="Errors.ValidationException">When a parameter is out of range (<see cref="Errors.ProblemCode.InvalidParameter"/>, naming the method, the parameter, what was expected and what was found).</exception>
    public ReferenceValueNormaliser(double lower = 0, double upper = 1)
        : base(NormalisationMethod.ReferenceValue, lower, upper)
    {
        Errors.ParameterCheck.Range(MethodName, lower, upper);
    }

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => WithRangeText(MethodCall.Create(MethodName));

    /// <inheritdoc/>
    public override IEnumerable<ValidationProblem> Validate(IndicatorDefinition indicator) => ValidateReference(indicator, new ProblemText("Norm_CappedRatio"));

    /// <summary>The formula over one column (allocation-free).</summary>
    internal override void Normalise(in NormaliserPlan plan, ReadOnlySpan<double> x, Span<double> y, Span<double> keys, Span<int> items)
    {
        var n = x.Length;
        var s = plan.Sign;
        var r = plan.Reference;
        var l = plan.Lower;
        var span = plan.Upper - l;
        for (var i = 0; i < n; i++)
        {
            var t = x[i] / r;
            t = t > 1 ? 1 : t;
            y[i] = NormaliserKernel.Out(t, l, plan.Upper, span);
        }

        return;
    }

    /// <inheritdoc/>
    private protected override Normaliser WithRangeCore(double lower, double upper) => new ReferenceValueNormaliser(lower, upper);

    /// <summary>Reads the method text's arguments (the registry's entry for <c>reference-value</c>).</summary>
    internal static ReferenceValueNormaliser Read(MethodArguments arguments) => ReadRangeOnly(arguments, 0, 1, (lower, upper) => new ReferenceValueNormaliser(lower, upper));
}
