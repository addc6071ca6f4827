using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>Equal weights: every child of the node weighs 1 (canonical text <c>equal</c>).</summary>
public sealed record EqualWeighting : WeightingMethod
{
    private EqualWeighting()
    {
    }

    /// <summary>The single instance.</summary>
    public static EqualWeighting Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "equal";

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal override DerivedWeights? Derive(CompiledIndex index, string nodeCode)
    {
        var (codes, _, _) = Children(index, nodeCode);
        return new DerivedWeights(nodeCode, this, codes, [.. Enumerable.Repeat(1.0, codes.Length)], string.Empty);
    }
}
