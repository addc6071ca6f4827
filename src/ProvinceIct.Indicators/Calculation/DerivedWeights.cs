using System.Collections.Immutable;
using System.Globalization;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>The weights a <see cref="WeightingMethod"/> derived for one aggregate's children when the index was computed.</summary>
public sealed record DerivedWeights
{
    internal DerivedWeights(string nodeCode, WeightingMethod method, ImmutableArray<string> childCodes, ImmutableArray<double> weights, string detail)
    {
        NodeCode = nodeCode;
        Method = method;
        ChildCodes = childCodes;
        Weights = weights;
        Detail = detail;
    }

    /// <summary>The aggregate whose children were weighted.</summary>
    public string NodeCode { get; }

    /// <summary>The method that derived the weights.</summary>
    public WeightingMethod Method { get; }

    /// <summary>The children, in framework order; parallel to <see cref="Weights"/>.</summary>
    public ImmutableArray<string> ChildCodes { get; }

    /// <summary>The weights used (relative, as a framework holds them).</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>A short invariant note on the derivation (explained variance, consistency ratio, iterations), or empty.</summary>
    public string Detail { get; }

    /// <summary>Formats as <c>P1 weighted by pca(squared-loadings): a=0.3412, b=0.6588 (PC1 explains 71.2%)</c>.</summary>
    /// <returns>The invariant text (weights to 4 decimals).</returns>
    public override string ToString() =>
        NodeCode + " weighted by " + Method + ": "
        + string.Join(", ", ChildCodes.Select((c, i) => c + "=" + Weights[i].ToString("0.0000", CultureInfo.InvariantCulture)))
        + (Detail.Length > 0 ? " (" + Detail + ")" : string.Empty);
}
