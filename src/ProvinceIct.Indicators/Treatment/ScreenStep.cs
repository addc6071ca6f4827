using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// Screens units by data availability, zeros or both over the framework's indicators, never the denominators (COINr
/// <c>Screen</c>). Method text: <c>screen(THRESHOLD)</c>, <c>screen(zeros,NONZERO)</c> or
/// <c>screen(missing-or-zeros,THRESHOLD,NONZERO)</c>, then <c>in=A;B</c> and <c>out=C</c> for forced units (unit codes
/// separated by ';'). Created by <see cref="TreatmentStep.Screen(UnitScreening)"/>.
/// </summary>
public sealed record ScreenStep : TreatmentStep
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "screen";

    private const string Zeros = "zeros";
    private const string MissingOrZeros = "missing-or-zeros";

    /// <summary>Creates the step.</summary>
    /// <param name="screening">The screening.</param>
    /// <exception cref="ArgumentNullException">When the screening is null.</exception>
    public ScreenStep(UnitScreening screening)
    {
        Screening = screening ?? throw new ArgumentNullException(nameof(screening));
    }

    /// <summary>The screening.</summary>
    public UnitScreening Screening { get; }

    /// <inheritdoc/>
    public override TreatmentStepKind Kind => TreatmentStepKind.Screen;

    /// <inheritdoc/>
    public override string Name => MethodName;

    /// <inheritdoc/>
    public override MethodCall ToMethodCall()
    {
        var call = MethodCall.Create(MethodName);
        call = Screening.Rule switch
        {
            UnitScreenRule.ByMissing => call.With(Screening.Threshold),
            UnitScreenRule.ByZeros => call.With(Zeros).With(Screening.NonZeroThreshold),
            _ => call.With(MissingOrZeros).With(Screening.Threshold).With(Screening.NonZeroThreshold),
        };
        call = Screening.ForceInclude.Count > 0 ? call.With("in", Units(Screening.ForceInclude)) : call;
        return Screening.ForceExclude.Count > 0 ? call.With("out", Units(Screening.ForceExclude)) : call;
    }

    /// <inheritdoc/>
    private protected override string RawArguments =>
        Screening.Rule + " " + MethodCall.Number(Screening.Threshold) + " " + MethodCall.Number(Screening.NonZeroThreshold)
        + (Screening.ForceInclude.Count > 0 ? "; in " + string.Join(" | ", Screening.ForceInclude) : string.Empty)
        + (Screening.ForceExclude.Count > 0 ? "; out " + string.Join(" | ", Screening.ForceExclude) : string.Empty);

    private static string Units(IEnumerable<string> codes) =>
        string.Join(";", codes.Select(c => c.Contains(';', StringComparison.Ordinal) ? throw new ArgumentException($"The unit code '{c}' has a ';', which separates units in method text.", nameof(codes)) : c));

    /// <inheritdoc/>
    internal override void Validate(Dataset dataset, Framework framework, List<ValidationProblem> problems)
    {
        var units = dataset.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var c in Screening.ForceInclude.Concat(Screening.ForceExclude).Where(c => !units.Contains(c)))
        {
            problems.Add(new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Screen_ForcesUnit", c)) { UnitCode = c, ExpectedText = new ProblemText("Expected_DatasetUnit"), Found = c });
        }
    }

    /// <inheritdoc/>
    internal override Dataset Apply(Dataset current, TreatmentContext context)
    {
        var result = Screening.Apply(current, context.Indicators);
        context.Screened.AddRange(result.Removed);
        return result.Dataset;
    }

    /// <summary>Reads the method text's arguments (the registry's entry for <c>screen</c>).</summary>
    internal static ScreenStep Read(MethodArguments arguments)
    {
        var first = arguments.Text(0, "threshold", null)?.ToLowerInvariant();
        var s = first switch
        {
            Zeros => UnitScreening.ByZeros(arguments.Number(1, "nonzero", UnitScreening.DefaultNonZeroThreshold)),
            MissingOrZeros => UnitScreening.ByMissingOrZeros(arguments.Number(1, "threshold", 2.0 / 3.0), arguments.Number(2, "nonzero", UnitScreening.DefaultNonZeroThreshold)),
            _ => UnitScreening.ByAvailability(arguments.Number(0, "threshold")),
        };
        var forceIn = arguments.Text(-1, "in", null);
        var forceOut = arguments.Text(-1, "out", null);
        arguments.EnsureAllRead();
        s = forceIn is null ? s : s.WithForceInclude(forceIn.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        s = forceOut is null ? s : s.WithForceExclude(forceOut.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return new ScreenStep(s);
    }
}
