using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Denominates every indicator of the framework that names a denominator column
/// (<see cref="Definitions.IndicatorDefinition.DenominatorCode"/>) by that column, times <see cref="Scale"/>; indicators
/// without one are left as they are. Method text: <c>denominate-by-definitions(1)</c>. Created by
/// <see cref="TreatmentStep.DenominateByDefinitions"/>.
/// </summary>
public sealed record DenominateByDefinitionsStep : TreatmentStep
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "denominate-by-definitions";

    /// <summary>Creates the step, validating the scale.</summary>
    /// <param name="scale">The factor applied to every ratio; finite and non-zero (default 1, as COINr).</param>
    /// <exception cref="ArgumentOutOfRangeException">When the scale is zero or not finite.</exception>
    public DenominateByDefinitionsStep(double scale = 1)
    {
        Internal.Preconditions.Finite(scale);
        if (scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must not be zero.");
        }

        Scale = scale;
    }

    /// <summary>The factor applied to every ratio.</summary>
    public double Scale { get; }

    /// <inheritdoc/>
    public override TreatmentStepKind Kind => TreatmentStepKind.DenominateByDefinitions;

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName).With(Scale);

    /// <inheritdoc/>
    internal override void Validate(Dataset dataset, Framework framework, List<ValidationProblem> problems)
    {
        foreach (var d in framework.Indicators.Where(d => d.DenominatorCode is { } c && !dataset.HasIndicator(c)))
        {
            problems.Add(DenominateStep.MissingDenominator(d.Code, d.DenominatorCode!));
        }
    }

    /// <inheritdoc/>
    internal override Dataset Apply(Dataset current, TreatmentContext context)
    {
        var rules = context.Framework.Indicators.Where(d => d.DenominatorCode is not null && context.Original.HasIndicator(d.Code))
            .Select(d => DenominationRule.Create(d.Code, d.DenominatorCode!, Scale)).ToArray();
        return DenominateStep.Apply(current, rules, context, Kind);
    }

    /// <summary>Reads the method text's arguments (the registry's entry for <c>denominate-by-definitions</c>).</summary>
    internal static DenominateByDefinitionsStep Read(MethodArguments arguments)
    {
        var scale = arguments.Number(0, "scale", 1);
        arguments.EnsureAllRead();
        return new DenominateByDefinitionsStep(scale);
    }
}
