namespace ProvinceIct.Indicators.Analysis;

/// <summary>The correlation problems the JRC's statistical audits look for.</summary>
public enum CorrelationFlagKind
{
    /// <summary>Two children of the same node correlate with |r| above the collinearity threshold (default 0.9): they may double-count one phenomenon.</summary>
    Collinear,

    /// <summary>A node correlates negatively with its parent: it pulls against the aggregate it belongs to.</summary>
    NegativeWithParent,

    /// <summary>A node's non-negative correlation with its parent is not significant (p at or above the level, default 0.05, or not computable): it adds little that the parent reflects.</summary>
    InsignificantWithParent,

    /// <summary>A node below a pillar (not a child of the index) correlates negatively with the index.</summary>
    NegativeWithIndex,

    /// <summary>A node below a pillar has a non-negative correlation with the index that is not significant (or not computable).</summary>
    InsignificantWithIndex,
}
