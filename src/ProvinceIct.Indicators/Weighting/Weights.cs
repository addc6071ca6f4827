using System.Collections.Immutable;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// Helpers for the nominal weights of a framework. A node's weight is relative to its siblings (COINr's convention):
/// only the ratios among the children of one parent matter. The root's weight is ignored everywhere.
/// </summary>
public static class Weights
{
    /// <summary>Returns a copy of the framework in which every node's weight is 1 (equal weights within every parent).</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The new framework; other node properties are kept.</returns>
    public static Framework Equal(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return Framework.Create(framework.Nodes.Select(n => n with { Weight = 1 }));
    }

    /// <summary>The nominal weights as given in the framework, by node code; the root is left out (its weight is ignored).</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>Node code to weight (ordinal keys).</returns>
    public static ImmutableDictionary<string, double> Nominal(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return framework.Nodes.Where(n => n.ParentCode is not null)
            .ToImmutableDictionary(n => n.Code, n => n.Weight, StringComparer.Ordinal);
    }

    /// <summary>
    /// Returns a copy of the framework with some nodes' weights replaced; nodes not named keep theirs. The weights are
    /// validated together, so every problem (negative, NaN or infinite weight, siblings summing to zero) is reported at once.
    /// </summary>
    /// <param name="framework">The framework.</param>
    /// <param name="weights">Node code to new weight.</param>
    /// <returns>The new framework.</returns>
    /// <exception cref="KeyNotFoundException">When a code names no node of the framework.</exception>
    /// <exception cref="Errors.ValidationException">When the new weights make the framework invalid.</exception>
    public static Framework Apply(Framework framework, IEnumerable<KeyValuePair<string, double>> weights)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(weights);
        var nodes = framework.Nodes.ToBuilder();
        foreach (var (code, w) in weights)
        {
            var i = framework.IndexOf(code);
            nodes[i] = nodes[i] with { Weight = w };
        }

        return Framework.Create(nodes.ToImmutable());
    }

    /// <summary>
    /// Every node's weights: nominal, relative (<c>w / sum(sibling w)</c>) and effective (the product of the relative
    /// weights from the node up to the root, so the root's is 1 and the indicators' sum to 1). A node with weight 0 has
    /// effective weight 0, and so has its whole subtree.
    /// </summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The table, in tree order.</returns>
    public static WeightTable EffectiveWeights(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var rows = ImmutableArray.CreateBuilder<NodeWeight>(framework.Nodes.Length);
        Visit(framework, framework.Root, 1.0, 1.0, rows);
        return new WeightTable(framework.IndexCode, rows.ToImmutable());
    }

    /// <summary>
    /// The sum of weights divided by the power of two at or below their largest (<paramref name="max"/>), so that weights up to double.MaxValue
    /// cannot overflow the sum; a weight's share is then <c>w / max / sum</c>. Weights all zero give max 1 and sum 0.
    /// </summary>
    /// <param name="weights">The weights (finite, at or above zero).</param>
    /// <param name="max">Receives the power of two at or below the largest weight (1 when none is positive).</param>
    /// <returns>The sum of <c>w / max</c>.</returns>
    internal static double ScaledSum(IEnumerable<double> weights, out double max) => Internal.WeightShares.ScaledSum(weights, out max);

    /// <summary>The share <c>w / sum(siblings)</c> of one weight among its siblings (itself included), computed without overflow.</summary>
    /// <param name="weight">The weight.</param>
    /// <param name="siblings">Every sibling's weight, the node's own included.</param>
    /// <returns>The share, NaN when the siblings' weights are all zero.</returns>
    internal static double Share(double weight, IEnumerable<double> siblings) => Internal.WeightShares.Share(weight, siblings);

    private static void Visit(Framework framework, FrameworkNode node, double relative, double effective, ImmutableArray<NodeWeight>.Builder rows)
    {
        rows.Add(new NodeWeight(node.Code, node.ParentCode, framework.Level(node.Code), node.ParentCode is null ? 1 : node.Weight, relative, effective));
        var children = framework.Children(node.Code).ToArray();
        var sum = ScaledSum(children.Select(c => c.Weight), out var max);
        foreach (var c in children)
        {
            var r = c.Weight / max / sum;
            Visit(framework, c, r, effective * r, rows);
        }
    }
}
