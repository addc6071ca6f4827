namespace ProvinceIct.Indicators.Reporting;

/// <summary>How <see cref="RankHistoryChart"/> draws a unit's line across an edition where the unit has no rank.</summary>
public enum UnknownRankDrawing
{
    /// <summary>The line passes straight from the last ranked edition to the next one (suits computed series, where a unit is rarely missing).</summary>
    Bridge = 0,

    /// <summary>
    /// The line stops and starts again: an edition without a rank leaves a gap, so nothing suggests a rank that was never
    /// known (suits the partial published record, <see cref="Presets.PublishedResults.RankHistory"/>).
    /// </summary>
    Gap = 1,
}
