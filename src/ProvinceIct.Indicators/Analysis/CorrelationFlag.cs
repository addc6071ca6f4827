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
    public string Describe() => DescribeIn(CultureInfo.InvariantCulture);

    /// <summary>The flag as a sentence in <paramref name="c"/> (numbers in its format; p-values invariant).</summary>
    internal string DescribeIn(CultureInfo c)
    {
        string T(string key, params object?[] args) => Internal.Localization.Strings.Format(c, key, args);
        var r = double.IsNaN(Estimate.Coefficient) ? T("Audit_Corr_NotComputable") : Estimate.Coefficient.ToString("0.00", c);
        var p = AnalysisMath.P(Estimate.PValue);
        return Kind switch
        {
            CorrelationFlagKind.Collinear => T("Audit_Corr_Collinear", Code, OtherCode, NodeCode, r),
            CorrelationFlagKind.NegativeWithParent => T("Audit_Corr_NegativeWithParent", Code, OtherCode, r, p),
            CorrelationFlagKind.NegativeWithIndex => T("Audit_Corr_NegativeWithIndex", Code, OtherCode, r, p),
            CorrelationFlagKind.InsignificantWithIndex => T("Audit_Corr_InsignificantWithIndex", Code, OtherCode, r, p),
            _ => T("Audit_Corr_InsignificantWithParent", Code, OtherCode, r, p),
        };
    }

    /// <summary>Formats as <c>Kind node: code ~ other r=... (p=..., n=...)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{Kind} {NodeCode}: {Code} ~ {OtherCode} {Estimate}";
}
