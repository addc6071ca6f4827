using System.Collections.Immutable;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// A discrete choice, equally likely, of the imputation step before normalisation (it takes the place of the
/// methodology's own imputation step, <see cref="TreatmentOrder.Place"/>); named <c>imputation</c>. Each option's data
/// are prepared once, before the replications. Created by <see cref="UncertainFactor.ImputationChoice"/>.
/// </summary>
public sealed record ImputationChoiceFactor : UncertainFactor
{
    /// <summary>Creates the factor.</summary>
    /// <param name="options">At least two imputers (within-pillar imputation is not a data step and is refused when bound).</param>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public ImputationChoiceFactor(IEnumerable<Imputer> options)
        : base("imputation")
    {
        Imputers = Options(options, nameof(options));
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.ImputationChoice;

    /// <summary>The options.</summary>
    public ImmutableArray<Imputer> Imputers { get; }

    /// <inheritdoc/>
    public override bool ChangesData => true;

    /// <inheritdoc/>
    public override PipelineStage Stage => PipelineStage.Normalisation;

    /// <summary>Value equality: the same options in the same order.</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ImputationChoiceFactor? other) => other is not null && Imputers.SequenceEqual(other.Imputers);

    /// <summary>A hash consistent with <see cref="Equals(ImputationChoiceFactor?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Kind, Imputers.Length);

    /// <inheritdoc/>
    private protected override IEnumerable<string> OptionTexts => Imputers.Select(i => i.ToString());

    /// <inheritdoc/>
    internal override bool AtMostOnce => true;

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled) => binding.Options = Imputers.Length;

    /// <inheritdoc/>
    internal override ImmutableArray<TreatmentStep> ReplaceSteps(ImmutableArray<TreatmentStep> steps, int choice) =>
        TreatmentOrder.Place(steps, TreatmentStepKind.Impute, TreatmentStep.Impute(Imputers[choice]));

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology) =>
        Imputers[binding.Choose(u)].ToString();
}
