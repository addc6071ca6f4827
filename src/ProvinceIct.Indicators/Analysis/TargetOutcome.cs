namespace ProvinceIct.Indicators.Analysis;

/// <summary>The verdict of a <see cref="BudgetTargetSeeking"/> search.</summary>
public enum TargetOutcome
{
    /// <summary>The unit already meets the target on the current data; nothing needs to change.</summary>
    AlreadyMet,

    /// <summary>The target is reached by the proposed values, all inside their valid ranges (verified by recomputing the index).</summary>
    Achievable,

    /// <summary>The target is not reached even with every indicator of the budget at the better end of its valid range.</summary>
    NotAchievable,
}
