using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// How the weights of an aggregate's children are obtained when an index is computed: a closed hierarchy, one sealed
/// case per method, in the <c>ProvinceIct.Indicators.Weighting</c> namespace (nominal, equal, PCA, AHP, optimised). Each
/// case owns its validated, get-only parameters and one canonical text (<see cref="ToString"/>), for example
/// <c>equal</c>, <c>pca(squared-loadings)</c>, <c>pca(loadings)</c>, <c>ahp(3,5,2)</c>, <c>optimised</c> or
/// <c>optimised(1,1,2,tolerance=1E-08)</c>. A <see cref="Methodology"/> holds one for the whole index and/or one per
/// aggregate (<see cref="Methodology.WithWeighting(WeightingMethod)"/>); the weights derived are recorded in
/// <see cref="CalculationLog.DerivedWeights"/>.
/// </summary>
public abstract record WeightingMethod
{
    private protected WeightingMethod()
    {
    }

    /// <summary>The method's canonical name, lower case (<c>nominal</c>, <c>equal</c>, <c>pca</c>, <c>ahp</c>, <c>optimised</c>).</summary>
    public abstract string Name { get; }

    /// <summary>True when the method can weight every aggregate of an index at once (false for AHP, whose judgements belong to one node's children).</summary>
    public virtual bool AppliesToWholeIndex => true;

    /// <summary>The canonical method text, invariant: the name, then the arguments in parentheses when there are any.</summary>
    /// <returns>The text, which the method-text parser reads back to an equal method.</returns>
    public abstract override string ToString();

    /// <summary>Checks that the method fits one aggregate of a framework (for example the size of an AHP matrix); empty when it does.</summary>
    internal virtual IEnumerable<ValidationProblem> Validate(Framework framework, string nodeCode) => [];

    /// <summary>
    /// Derives the weights of one aggregate's children from a compiled index (whose lower aggregates already carry their
    /// derived weights); null when the method keeps the framework's weights.
    /// </summary>
    /// <exception cref="CalculationException">When the weights cannot be derived (the message names the node and the reason).</exception>
    internal abstract DerivedWeights? Derive(CompiledIndex index, string nodeCode);

    /// <summary>The children of an aggregate in framework order, with their positions in the compiled index and the sign their parent reads them with.</summary>
    private protected static (ImmutableArray<string> Codes, int[] Positions, double[] Signs) Children(CompiledIndex index, string nodeCode)
    {
        var fw = index.Methodology.Framework;
        var codes = fw.Children(nodeCode).Select(c => c.Code).ToImmutableArray();
        var positions = codes.Select(c => index.NodeCodes.IndexOf(c, StringComparer.Ordinal)).ToArray();
        var signs = codes.Select(c => fw[c] is { IsIndicator: false, Direction: Direction.Negative } ? -1.0 : 1.0).ToArray();
        return (codes, positions, signs);
    }

    /// <summary>Formats a number for method text: shortest round-trip, invariant.</summary>
    private protected static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
