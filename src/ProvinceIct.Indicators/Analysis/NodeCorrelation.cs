namespace ProvinceIct.Indicators.Analysis;

/// <summary>How one node of an index correlates with its parent and with the index (as the parent reads it: an aggregate with a negative direction is multiplied by -1).</summary>
/// <param name="NodeCode">The node.</param>
/// <param name="Level">The node's level (1 = indicator).</param>
/// <param name="ParentCode">The parent.</param>
/// <param name="WithParent">The correlation with the parent's scores.</param>
/// <param name="WithIndex">The correlation with the index scores (equal to <paramref name="WithParent"/> for a child of the index).</param>
public sealed record NodeCorrelation(string NodeCode, int Level, string ParentCode, CorrelationEstimate WithParent, CorrelationEstimate WithIndex)
{
    /// <summary>Formats as <c>node ~ parent: r=... ; ~ index: r=...</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => $"{NodeCode} ~ {ParentCode}: {WithParent}; ~ index: {WithIndex}";
}
