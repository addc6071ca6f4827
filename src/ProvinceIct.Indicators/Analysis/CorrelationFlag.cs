using System.Globalization;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>One correlation problem found by <see cref="CorrelationTable.FromResult"/>.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="NodeCode">The node concerned: the parent whose children are collinear, or the child that correlates badly with its parent.</param>
/// <param name="Code">The first code: a child (collinear) or the node itself.</param>
/// <param name="OtherCode">The second code: the other child (collinear), the parent, or the index.</param>
/// <param name="Estimate">The correlation found.</param>
public sealed record CorrelationFlag(CorrelationFlagKind Kind, string NodeCode, string Code, string OtherCode, CorrelationEstimate Estimate)
{
    /// <summary>A plain-language sentence describing the problem.</summary>
    /// <returns>The invariant text.</returns>
    public string Describe()
    {
        var r = double.IsNaN(Estimate.Coefficient) ? "not computable" : Estimate.Coefficient.ToString("0.00", CultureInfo.InvariantCulture);
        return Kind switch
        {
            CorrelationFlagKind.Collinear => $"`{Code}` and `{OtherCode}` in `{NodeCode}` are almost the same signal (r = {r}); together they may count one thing twice.",
            CorrelationFlagKind.NegativeWithParent => $"`{Code}` is negatively correlated with its parent `{OtherCode}` (r = {r}, p = {AnalysisMath.P(Estimate.PValue)}): it pulls against the aggregate it belongs to.",
            CorrelationFlagKind.NegativeWithIndex => $"`{Code}` is negatively correlated with the index `{OtherCode}` (r = {r}, p = {AnalysisMath.P(Estimate.PValue)}): doing well on it does not show in the final ranking, or counts against it.",
            CorrelationFlagKind.InsignificantWithIndex => $"`{Code}` is not significantly related to the index `{OtherCode}` (r = {r}, p = {AnalysisMath.P(Estimate.PValue)}): it barely shows in the final ranking.",
            _ => $"`{Code}` is not significantly related to its parent `{OtherCode}` (r = {r}, p = {AnalysisMath.P(Estimate.PValue)}): it adds little that `{OtherCode}` reflects.",
        };
    }

    /// <summary>Formats as <c>Kind node: code ~ other r=... (p=..., n=...)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Kind} {NodeCode}: {Code} ~ {OtherCode} {Estimate}";
}
