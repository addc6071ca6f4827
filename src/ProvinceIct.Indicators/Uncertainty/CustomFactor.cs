using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// A user-defined discrete factor over any methodology parameter: option i (equally likely) turns the methodology into
/// <c>transform(methodology, i)</c>, compiled once per option before the replications. Created by <see cref="UncertainFactor.Custom"/>.
/// </summary>
public sealed record CustomFactor : UncertainFactor
{
    private readonly Func<Methodology, int, Methodology> _transform;

    /// <summary>Creates the factor.</summary>
    /// <param name="name">The factor's name, for reports.</param>
    /// <param name="optionLabels">A label per option (at least two), for replays and reports.</param>
    /// <param name="transform">Gives the methodology of option i.</param>
    /// <exception cref="ArgumentException">When the name is blank or there are fewer than two options.</exception>
    public CustomFactor(string name, IEnumerable<string> optionLabels, Func<Methodology, int, Methodology> transform)
        : base(Internal.Preconditions.NotBlank(name))
    {
        _transform = transform ?? throw new ArgumentNullException(nameof(transform));
        OptionLabels = Options(optionLabels, nameof(optionLabels));
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.Custom;

    /// <summary>The option labels.</summary>
    public ImmutableArray<string> OptionLabels { get; }

    /// <inheritdoc/>
    public override bool ChangesData => true;

    /// <inheritdoc/>
    public override PipelineStage Stage => PipelineStage.Normalisation;

    /// <summary>Value equality: the same name, labels and transform (the same delegate).</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(CustomFactor? other) =>
        other is not null && Name == other.Name && OptionLabels.SequenceEqual(other.OptionLabels, StringComparer.Ordinal) && _transform.Equals(other._transform);

    /// <summary>A hash consistent with <see cref="Equals(CustomFactor?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Name, OptionLabels.Length);

    /// <inheritdoc/>
    private protected override IEnumerable<string> OptionTexts => OptionLabels;

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled) => binding.Options = OptionLabels.Length;

    /// <inheritdoc/>
    internal override Methodology Transform(Methodology methodology, int choice) =>
        _transform(methodology, choice) ?? throw new InvalidOperationException($"Factor '{Name}' returned no methodology for option {choice.ToString(CultureInfo.InvariantCulture)}.");

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology) =>
        OptionLabels[binding.Choose(u)];
}
