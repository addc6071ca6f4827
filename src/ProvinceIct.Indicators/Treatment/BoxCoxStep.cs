using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Box-Cox transforms every framework indicator with a fixed λ (see <see cref="OutlierTreatment.BoxCox"/>; every present
/// value must be above zero). Method text: <c>box-cox(0.5)</c>. Created by <see cref="TreatmentStep.BoxCox"/>.
/// </summary>
public sealed record BoxCoxStep : TreatmentStep
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "box-cox";

    /// <summary>Creates the step, validating λ.</summary>
    /// <param name="lambda">λ, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">When λ is not finite.</exception>
    public BoxCoxStep(double lambda)
    {
        Lambda = Internal.Preconditions.Finite(lambda);
    }

    /// <summary>λ.</summary>
    public double Lambda { get; }

    /// <inheritdoc/>
    public override TreatmentStepKind Kind => TreatmentStepKind.BoxCox;

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => MethodCall.Create(MethodName).With(Lambda);

    /// <inheritdoc/>
    internal override Dataset Apply(Dataset current, TreatmentContext context)
    {
        var result = OutlierTreatment.BoxCox(current, Lambda, context.Indicators);
        foreach (var v in result.Log)
        {
            context.Changed(Kind, v.UnitCode, v.IndicatorCode, v.OldValue, v.NewValue, v.Action);
        }

        return result.Dataset;
    }

    /// <summary>Reads the method text's arguments (the registry's entry for <c>box-cox</c>).</summary>
    internal static BoxCoxStep Read(MethodArguments arguments)
    {
        var lambda = arguments.Number(0, "lambda");
        arguments.EnsureAllRead();
        return new BoxCoxStep(lambda);
    }
}
