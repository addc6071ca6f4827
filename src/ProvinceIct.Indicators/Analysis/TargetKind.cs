namespace ProvinceIct.Indicators.Analysis;

/// <summary>What a <see cref="TargetSeeking"/> search aims for.</summary>
public enum TargetKind
{
    /// <summary>An index rank at or better than (at or below) the target rank.</summary>
    Rank,

    /// <summary>An index score at or above the target score.</summary>
    Score,
}
