namespace ProvinceIct.Indicators.Weighting;

/// <summary>Which numbers of the first principal component become the weights (see <see cref="PcaWeights"/>).</summary>
public enum PcaWeightDefinition
{
    /// <summary>
    /// The OECD/JRC Handbook (2008) recipe: the squared loadings of the first component rescaled to sum 1,
    /// <c>w_i = l_i^2 / sum(l^2)</c>; never negative. Canonical text <c>pca(squared-loadings)</c>.
    /// </summary>
    SquaredLoadings,

    /// <summary>
    /// COINr's <c>get_PCA</c>: the loadings of the first component themselves (the unit-length eigenvector, signed here so
    /// that they sum to a positive number), not rescaled. A child that loads negatively gets a negative weight, which a
    /// framework refuses: using such weights in a methodology is an error naming the child. Canonical text <c>pca(loadings)</c>.
    /// </summary>
    Loadings,
}
