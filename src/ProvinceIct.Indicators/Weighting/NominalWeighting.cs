using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>The framework's own weights, unchanged (canonical text <c>nominal</c>). Useful to exempt one node from a whole-index method.</summary>
public sealed record NominalWeighting : WeightingMethod
{
    private NominalWeighting()
    {
    }

    /// <summary>The single instance.</summary>
    public static NominalWeighting Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "nominal";

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal override DerivedWeights? Derive(CompiledIndex index, string nodeCode) => null;
}
