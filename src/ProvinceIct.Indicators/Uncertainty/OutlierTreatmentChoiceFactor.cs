using System.Collections.Immutable;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// A discrete choice, equally likely, of outlier treatment before normalisation, <c>none</c> (null) included as an option
/// (it takes the place of the methodology's own treatment step); named <c>outlier-treatment</c>. Each option's data are
/// prepared once, before the replications. Created by <see cref="UncertainFactor.OutlierTreatmentChoice"/>.
/// </summary>
public sealed record OutlierTreatmentChoiceFactor : UncertainFactor
{
    /// <summary>The word for the "no treatment" option.</summary>
    public const string NoTreatment = "none";

    /// <summary>Creates the factor.</summary>
    /// <param name="options">At least two options, null for none.</param>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public OutlierTreatmentChoiceFactor(IEnumerable<OutlierTreatment?> options)
        : base("outlier-treatment")
    {
        Treatments = Options(options, nameof(options));
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.OutlierTreatmentChoice;

    /// <summary>The options (null = no treatment).</summary>
    public ImmutableArray<OutlierTreatment?> Treatments { get; }

    /// <inheritdoc/>
    public override bool ChangesData => true;

    /// <inheritdoc/>
    public override PipelineStage Stage => PipelineStage.Normalisation;

    /// <summary>Value equality: the same options in the same order.</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(OutlierTreatmentChoiceFactor? other) => other is not null && Treatments.SequenceEqual(other.Treatments);

    /// <summary>A hash consistent with <see cref="Equals(OutlierTreatmentChoiceFactor?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Kind, Treatments.Length);

    /// <inheritdoc/>
    private protected override IEnumerable<string> OptionTexts => Treatments.Select(Text);

    /// <inheritdoc/>
    internal override bool AtMostOnce => true;

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled) => binding.Options = Treatments.Length;

    /// <inheritdoc/>
    internal override ImmutableArray<TreatmentStep> ReplaceSteps(ImmutableArray<TreatmentStep> steps, int choice) =>
        TreatmentOrder.Place(steps, TreatmentStepKind.Treat, Treatments[choice] is { } t ? TreatmentStep.Treat(t) : null);

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology) =>
        Text(Treatments[binding.Choose(u)]);

    private static string Text(OutlierTreatment? treatment) => treatment?.ToString() ?? NoTreatment;
}
