using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// One indicator's share of a node's variance, as the JRC audits estimate it, next to the weight it was given: the
/// squared Pearson correlation of the indicator's normalised values with the node's scores (pairwise-complete units),
/// and that r^2 rescaled over the node's indicators to sum 1. A share well below the nominal weight means the indicator
/// drives the ranking less than its weight suggests.
/// </summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="NominalWeight">Its nominal effective weight within the node (product of relative weights up to the node).</param>
/// <param name="SquaredCorrelation">r^2 with the node's scores; NaN when r is not computable.</param>
/// <param name="Share">r^2 divided by the sum of the node's indicators' r^2 (NaN r^2 counted as 0 in the sum); NaN when r^2 is NaN or the sum is 0.</param>
public sealed record VarianceShare(string IndicatorCode, double NominalWeight, double SquaredCorrelation, double Share)
{
    /// <summary>Share divided by nominal weight: 1 when the indicator's influence matches its weight; NaN when the weight is 0 or the share NaN.</summary>
    public double Ratio => NominalWeight > 0 ? Share / NominalWeight : double.NaN;

    /// <summary>Formats as <c>code: weight 0.0833, r2 0.64, share 0.12</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{IndicatorCode}: weight {NominalWeight:0.0000}, r2 {SquaredCorrelation:0.0000}, share {Share:0.0000}");
}
