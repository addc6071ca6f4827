using System.Globalization;

namespace ProvinceIct.Indicators.Weighting;

/// <summary>
/// One node's weights in a <see cref="WeightTable"/>: the nominal weight as given in the framework, the weight relative
/// to its siblings (<c>w / sum(sibling w)</c>) and the effective weight in the index (the product of the relative
/// weights from the node up to the root). The root has no parent, nominal and relative weight 1 and effective weight 1.
/// </summary>
/// <param name="Code">The node code.</param>
/// <param name="ParentCode">The parent's code; null for the root.</param>
/// <param name="Level">The node's level (1 for an indicator).</param>
/// <param name="Nominal">The weight as given in the framework (1 for the root, whose weight is ignored).</param>
/// <param name="Relative">The weight divided by the sum of its siblings' weights (itself included); 1 for the root.</param>
/// <param name="Effective">The product of the relative weights from this node up to the root.</param>
public readonly record struct NodeWeight(string Code, string? ParentCode, int Level, double Nominal, double Relative, double Effective)
{
    /// <summary>Formats as <c>code: w=nominal, relative=r, effective=e</c> (round-trip precision, invariant culture).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Code + ": w=" + Nominal.ToString("R", CultureInfo.InvariantCulture)
        + ", relative=" + Relative.ToString("R", CultureInfo.InvariantCulture)
        + ", effective=" + Effective.ToString("R", CultureInfo.InvariantCulture);
}
