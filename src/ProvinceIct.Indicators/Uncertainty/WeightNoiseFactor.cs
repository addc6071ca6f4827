using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Weight noise: each nominal weight of the selected levels times an independent U(1 - f, 1 + f) draw, one uniform
/// column per weight. Named <c>weights±f</c> (and <c>@L1,2</c> with levels). Created by <see cref="UncertainFactor.WeightNoise"/>.
/// </summary>
public sealed record WeightNoiseFactor : UncertainFactor
{
    /// <summary>Creates the factor, validating its parameters.</summary>
    /// <param name="fraction">f, in (0, 1) (default 0.25).</param>
    /// <param name="levels">The levels whose nodes' weights are perturbed (1 = indicators, 2 = pillars, ...), or null for every level.</param>
    /// <exception cref="ArgumentOutOfRangeException">When f is outside (0, 1).</exception>
    public WeightNoiseFactor(double fraction = 0.25, IEnumerable<int>? levels = null)
        : base(NameOf(fraction, levels))
    {
        Fraction = fraction;
        Levels = levels?.Distinct().Order().ToImmutableArray() ?? [];
    }

    /// <inheritdoc/>
    public override FactorKind Kind => FactorKind.WeightNoise;

    /// <summary>f.</summary>
    public double Fraction { get; }

    /// <summary>The levels perturbed (empty = all), ascending.</summary>
    public ImmutableArray<int> Levels { get; }

    /// <summary>Value equality: the same f and levels.</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(WeightNoiseFactor? other) => other is not null && Fraction.Equals(other.Fraction) && Levels.SequenceEqual(other.Levels);

    /// <summary>A hash consistent with <see cref="Equals(WeightNoiseFactor?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Fraction, Levels.Length);

    /// <inheritdoc/>
    internal override void Bind(FactorBinding binding, Methodology methodology, CompiledIndex compiled)
    {
        binding.Edges = Enumerable.Range(0, compiled.Edges.Length).Where(e => Levels.IsEmpty || Levels.Contains(compiled.EdgeChildLevels[e])).ToArray();
        if (binding.Edges.Length == 0)
        {
            throw new ArgumentException($"Weight noise on levels {string.Join(",", Levels)} touches no weight of this framework.");
        }

        binding.Dimensions = binding.Edges.Length;
    }

    /// <inheritdoc/>
    internal override int Apply(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace)
    {
        var f = Fraction;
        var edges = binding.Edges;
        var weights = workspace.Weights;
        for (var k = 0; k < edges.Length; k++)
        {
            weights[edges[k]] *= 1 - f + (2 * f * u[binding.Offset + k]);
        }

        return -1;
    }

    /// <inheritdoc/>
    internal override string Describe(FactorBinding binding, ReadOnlySpan<double> u, IndexWorkspace workspace, CompiledIndex compiled, ref Methodology methodology) =>
        string.Join(", ", binding.Edges.Select(e => compiled.Edges[e].ChildCode + "=" + workspace.Weights[e].ToString("0.####", CultureInfo.InvariantCulture)));

    private static string NameOf(double fraction, IEnumerable<int>? levels)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The noise fraction must be in (0, 1).");
        }

        var lv = levels?.Distinct().Order().ToList() ?? [];
        return "weights±" + fraction.ToString("R", CultureInfo.InvariantCulture) + (lv.Count == 0 ? string.Empty : "@L" + string.Join(",", lv));
    }
}
