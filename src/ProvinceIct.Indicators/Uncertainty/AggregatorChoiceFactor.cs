using System.Collections.Immutable;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// A discrete choice, equally likely, of the aggregator for every aggregate; named <c>aggregator</c>. Created by
/// <see cref="UncertainFactor.AggregatorChoice"/>.
/// </summary>
public sealed record AggregatorChoiceFactor : UncertainFactor
{
    /// <summary>Creates the factor.</summary>
    /// <param name="options">At least two aggregators.</param>
    /// <exception cref="ArgumentException">When there are fewer than two options.</exception>
    public AggregatorChoiceFactor(IEnumerable<Aggregator> options)
        : base("aggregator")
    {
        Aggregators = Options(options, nameof(options));
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.AggregatorChoice;

    /// <summary>The options.</summary>
    public ImmutableArray<Aggregator> Aggregators { get; }

    /// <summary>Value equality: the same options in the same order.</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AggregatorChoiceFactor? other) => other is not null && Aggregators.SequenceEqual(other.Aggregators);

    /// <summary>A hash consistent with <see cref="Equals(AggregatorChoiceFactor?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Kind, Aggregators.Length);

    /// <inheritdoc/>
    private protected override IEnumerable<string> OptionTexts => Aggregators.Select(a => a.ToString());

    /// <inheritdoc/>
    internal override bool AtMostOnce => true;

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled) => binding.Options = Aggregators.Length;

    /// <inheritdoc/>
    internal override int Apply(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace)
    {
        workspace.SetAggregator(Aggregators[binding.Choose(u)]);
        return -1;
    }

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology)
    {
        var chosen = Aggregators[binding.Choose(u)];
        methodology = methodology.WithAggregatorEverywhere(chosen);
        return chosen.ToString();
    }
}
