using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// PCA weights of the node's children (see <see cref="PcaWeights"/>), computed on the children's scores as the node reads
/// them (normalised indicators, aggregate scores with their direction), over the units with every child present.
/// Canonical text <c>pca(squared-loadings)</c> (OECD/JRC Handbook) or <c>pca(loadings)</c> (COINr's <c>get_PCA</c>).
/// </summary>
public sealed record PcaWeighting : WeightingMethod
{
    private PcaWeighting(PcaWeightDefinition definition) => Definition = definition;

    /// <summary>PCA weights as the OECD/JRC Handbook defines them: squared loadings rescaled to sum 1.</summary>
    public static PcaWeighting SquaredLoadings { get; } = new(PcaWeightDefinition.SquaredLoadings);

    /// <summary>PCA weights as COINr's <c>get_PCA</c> defines them: the first component's loadings.</summary>
    public static PcaWeighting Loadings { get; } = new(PcaWeightDefinition.Loadings);

    /// <summary>Which numbers of the first component become the weights.</summary>
    public PcaWeightDefinition Definition { get; }

    /// <inheritdoc/>
    public override string Name => "pca";

    /// <summary>PCA weighting with a given definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the definition is not defined.</exception>
    public static PcaWeighting Of(PcaWeightDefinition definition) => definition switch
    {
        PcaWeightDefinition.SquaredLoadings => SquaredLoadings,
        PcaWeightDefinition.Loadings => Loadings,
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition, "Unknown PCA weight definition."),
    };

    /// <inheritdoc/>
    public override string ToString() => Definition == PcaWeightDefinition.Loadings ? "pca(loadings)" : "pca(squared-loadings)";

    internal override DerivedWeights? Derive(CompiledIndex index, string nodeCode)
    {
        var (codes, positions, signs) = Children(index, nodeCode);
        var ws = index.CreateWorkspace();
        index.Run(ws);
        var columns = positions.Select((p, i) => ws.NodeScores(p).ToArray().Select(x => signs[i] * x).ToArray()).ToArray();
        var pca = PcaWeights.FromColumns(nodeCode, codes, columns, Definition);
        for (var i = 0; i < codes.Length; i++)
        {
            if (pca.Weights[i] < 0)
            {
                throw new CalculationException(ProblemCode.InvalidParameter,
                    new ProblemText("Calc_PcaNegativeLoading", nodeCode, codes[i], pca.Weights[i].ToString("R", CultureInfo.InvariantCulture)),
                    nodeCode, childCode: codes[i], value: pca.Weights[i]);
            }
        }

        return new DerivedWeights(nodeCode, this, codes, pca.Weights,
            "PC1 explains " + (100 * pca.VarianceExplained[0]).ToString("0.0", CultureInfo.InvariantCulture) + "% over " + pca.CompleteRows.ToString(CultureInfo.InvariantCulture) + " complete units");
    }
}
