using System.Collections.Immutable;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// A discrete choice, equally likely, of the aggregator of the given aggregate nodes only (the others keep theirs);
/// named <c>aggregator@N1,N2</c>. Several may be given; where they share a node, the later one decides. Created by
/// <see cref="UncertainFactor.AggregatorChoiceAt"/>.
/// </summary>
public sealed record AggregatorChoiceAtFactor : UncertainFactor
{
    /// <summary>Creates the factor.</summary>
    /// <param name="nodeCodes">The aggregate nodes (at least one).</param>
    /// <param name="options">At least two aggregators.</param>
    /// <exception cref="ArgumentException">When there is no node or fewer than two options.</exception>
    public AggregatorChoiceAtFactor(IEnumerable<string> nodeCodes, IEnumerable<Aggregator> options)
        : base("aggregator@" + string.Join(",", Distinct(nodeCodes)))
    {
        Nodes = Distinct(nodeCodes);
        Aggregators = Options(options, nameof(options));
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.AggregatorChoice;

    /// <summary>The aggregate nodes it applies to, in the order given.</summary>
    public ImmutableArray<string> Nodes { get; }

    /// <summary>The options.</summary>
    public ImmutableArray<Aggregator> Aggregators { get; }

    /// <summary>Value equality: the same nodes and options in the same order.</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AggregatorChoiceAtFactor? other) =>
        other is not null && Nodes.SequenceEqual(other.Nodes, StringComparer.Ordinal) && Aggregators.SequenceEqual(other.Aggregators);

    /// <summary>A hash consistent with <see cref="Equals(AggregatorChoiceAtFactor?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Name, Aggregators.Length);

    /// <inheritdoc/>
    private protected override IEnumerable<string> OptionTexts => Aggregators.Select(a => a.ToString());

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled)
    {
        binding.Options = Aggregators.Length;
        foreach (var node in Nodes.Where(c => !methodology.Framework.Contains(c) || methodology.Framework[c].IsIndicator))
        {
            throw new ArgumentException($"'{node}' is not an aggregate node of the framework.");
        }

        binding.Aggregates = Nodes.Select(c => compiled.NodeCodes.IndexOf(c) - compiled.IndicatorCount).ToArray();
    }

    /// <inheritdoc/>
    internal override int Apply(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace)
    {
        var chosen = Aggregators[binding.Choose(u)];
        foreach (var a in binding.Aggregates)
        {
            workspace.SetAggregator(a, chosen);
        }

        return -1;
    }

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology)
    {
        var chosen = Aggregators[binding.Choose(u)];
        methodology = methodology with { Framework = Nodes.Aggregate(methodology.Framework, (fw, c) => fw.Replace(fw[c] with { Aggregator = chosen })) };
        return chosen.ToString();
    }

    private static ImmutableArray<string> Distinct(IEnumerable<string> nodeCodes)
    {
        var nodes = (nodeCodes ?? throw new ArgumentNullException(nameof(nodeCodes))).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return nodes.IsEmpty ? throw new ArgumentException("Name at least one aggregate node.", nameof(nodeCodes)) : nodes;
    }
}
