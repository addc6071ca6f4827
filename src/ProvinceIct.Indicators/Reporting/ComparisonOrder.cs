namespace ProvinceIct.Indicators.Reporting;

/// <summary>The row order of a <see cref="ComparisonTable"/>.</summary>
public enum ComparisonOrder
{
    /// <summary>By the rank in the second (new) result, best first; units without a new rank last; ties by old unit code (ordinal).</summary>
    RankAfter,

    /// <summary>By the size of the rank change, largest first (<see cref="Analysis.ResultComparison.MovedMost"/>); units without both ranks are left out.</summary>
    LargestChange,
}
