using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Imputes the missing values of the framework's indicators: mean, median, group mean or group median. Method text:
/// <c>impute</c> and the imputer's own text flattened into it, for example <c>impute(mean)</c> or
/// <c>impute(group-mean,region)</c>. Created by <see cref="TreatmentStep.Impute"/>.
/// </summary>
public sealed record ImputeStep : TreatmentStep
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "impute";

    /// <summary>Creates the step.</summary>
    /// <param name="imputer">The imputer.</param>
    /// <exception cref="ArgumentException">When the imputer is within-pillar (<see cref="WithinPillarImputer"/>: it needs normalised data).</exception>
    public ImputeStep(Imputer imputer)
    {
        ArgumentNullException.ThrowIfNull(imputer);
        if (imputer is WithinPillarImputer)
        {
            throw new ArgumentException("Within-pillar imputation needs normalised data and cannot be a treatment step of the raw data.", nameof(imputer));
        }

        Imputer = imputer;
    }

    /// <summary>The imputer.</summary>
    public Imputer Imputer { get; }

    /// <inheritdoc/>
    public override TreatmentStepKind Kind => TreatmentStepKind.Impute;

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall() => Flatten(MethodCall.Create(MethodName), Imputer.ToMethodCall());

    /// <inheritdoc/>
    private protected override string RawArguments => Imputer.ToString();

    /// <inheritdoc/>
    internal override void Validate(Dataset dataset, Framework framework, List<ValidationProblem> problems)
    {
        if (Imputer is GroupImputer { GroupName: var g } && !dataset.Units.Any(u => u.Group(g) is not null))
        {
            problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Impute_Group", g)) { ExpectedText = new ProblemText("Impute_ExpectedGroup"), Found = g });
        }
    }

    /// <inheritdoc/>
    internal override Dataset Apply(Dataset current, TreatmentContext context)
    {
        var result = Imputer.Apply(current, context.Indicators);
        foreach (var e in result.Imputed)
        {
            context.Changed(Kind, e.UnitCode, e.IndicatorCode, double.NaN, e.NewValue, TreatmentAction.Imputed);
        }

        return result.Dataset;
    }

    /// <summary>
    /// Reads the method text's arguments (the registry's entry for <c>impute</c>): the imputer's name, then its
    /// arguments, read by <paramref name="readImputer"/> (the registry's imputers, user imputers included).
    /// </summary>
    /// <exception cref="ValidationException">When the imputer is missing, unknown or has wrong arguments.</exception>
    internal static ImputeStep Read(MethodArguments arguments, Func<MethodCall, Imputer> readImputer) =>
        new(readImputer(Unflatten(arguments, "an imputer, such as mean, median, group-mean or group-median")));
}
