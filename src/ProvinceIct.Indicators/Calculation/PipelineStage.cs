namespace ProvinceIct.Indicators.Calculation;

/// <summary>The stages of a compiled pipeline run, in order; a run can start at any of them and reuse what came before.</summary>
public enum PipelineStage
{
    /// <summary>Normalise every indicator, then aggregate and rank.</summary>
    Normalisation,

    /// <summary>Reuse the normalised indicators in the workspace; aggregate (with the workspace's weights) and rank.</summary>
    Aggregation,

    /// <summary>Reuse all scores in the workspace; only rank.</summary>
    Ranking,
}
