using System.Collections.Immutable;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// A discrete choice, equally likely, of the normaliser for every indicator; named <c>normaliser</c>. Every option is
/// checked against the methodology when bound. Created by <see cref="UncertainFactor.NormaliserChoice"/>.
/// </summary>
public sealed record NormaliserChoiceFactor : UncertainFactor
{
    /// <summary>Creates the factor.</summary>
    /// <param name="options">At least two normalisers.</param>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public NormaliserChoiceFactor(IEnumerable<Normaliser> options)
        : base("normaliser")
    {
        Normalisers = Options(options, nameof(options));
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.NormaliserChoice;

    /// <summary>The options.</summary>
    public ImmutableArray<Normaliser> Normalisers { get; }

    /// <inheritdoc/>
    public override PipelineStage Stage => PipelineStage.Normalisation;

    /// <summary>Value equality: the same options in the same order.</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(NormaliserChoiceFactor? other) => other is not null && Normalisers.SequenceEqual(other.Normalisers);

    /// <summary>A hash consistent with <see cref="Equals(NormaliserChoiceFactor?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Kind, Normalisers.Length);

    /// <inheritdoc/>
    private protected override IEnumerable<string> OptionTexts => Normalisers.Select(n => n.ToString());

    /// <inheritdoc/>
    internal override bool AtMostOnce => true;

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled)
    {
        foreach (var n in Normalisers)
        {
            methodology.WithNormaliserEverywhere(n).Validate().ThrowIfInvalid("normaliser option " + n);
        }

        binding.Options = Normalisers.Length;
    }

    /// <inheritdoc/>
    internal override int Apply(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace) => binding.Choose(u);

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology)
    {
        var chosen = Normalisers[binding.Choose(u)];
        methodology = methodology.WithNormaliserEverywhere(chosen);
        return chosen.ToString();
    }
}
