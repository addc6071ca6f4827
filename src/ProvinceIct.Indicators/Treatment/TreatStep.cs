using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Treats outliers of the framework's indicators: winsorise up to <see cref="OutlierTreatment.WinMax"/> points, else
/// log-transform (COINr <c>Treat</c>). Method text: <c>treat</c> and the treatment's own text flattened into it, for
/// example <c>treat(winsorise,5,2,3.5)</c>; plain <c>treat</c> is COINr's defaults. Created by <see cref="TreatmentStep.Treat"/>.
/// </summary>
public sealed record TreatStep : TreatmentStep
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "treat";

    /// <summary>Creates the step.</summary>
    /// <param name="treatment">The treatment, or null for <see cref="Treatment.OutlierTreatment.Default"/>.</param>
    public TreatStep(OutlierTreatment? treatment = null)
    {
        OutlierTreatment = treatment ?? Treatment.OutlierTreatment.Default;
    }

    /// <summary>The outlier treatment.</summary>
    public OutlierTreatment OutlierTreatment { get; }

    /// <inheritdoc/>
    public override TreatmentStepKind Kind => TreatmentStepKind.Treat;

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => Flatten(MethodCall.Create(MethodName), OutlierTreatment.ToMethodCall());

    /// <inheritdoc/>
    internal override Dataset Apply(Dataset current, TreatmentContext context)
    {
        var result = OutlierTreatment.Apply(current, context.Indicators);
        foreach (var v in result.Log)
        {
            context.Changed(Kind, v.UnitCode, v.IndicatorCode, v.OldValue, v.NewValue, v.Action);
        }

        return result.Dataset;
    }

    /// <summary>Reads the method text's arguments (the registry's entry for <c>treat</c>): the treatment's name and arguments, or none for the defaults.</summary>
    internal static TreatStep Read(MethodArguments arguments)
    {
        if (arguments.Count == 0)
        {
            return new TreatStep();
        }

        var inner = Unflatten(arguments, "winsorise");
        return new TreatStep(Treatment.OutlierTreatment.Read(inner));
    }
}
