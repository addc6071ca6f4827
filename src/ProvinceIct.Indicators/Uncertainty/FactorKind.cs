namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>The kinds of uncertain factor.</summary>
public enum FactorKind
{
    /// <summary>Every selected nominal weight times U(1 - f, 1 + f), independently (weights are relative within their node, so they are re-normalised by the aggregation).</summary>
    WeightNoise,
    /// <summary>A discrete, equally likely choice of the normaliser applied to every indicator.</summary>
    NormaliserChoice,
    /// <summary>A discrete, equally likely choice of the aggregator applied to every aggregate.</summary>
    AggregatorChoice,
    /// <summary>A discrete, equally likely choice of one indicator to exclude (its weight set to 0), or none.</summary>
    ExcludeOneIndicator,
    /// <summary>A discrete, equally likely choice of the imputation method (a treatment step before normalisation).</summary>
    ImputationChoice,
    /// <summary>A discrete, equally likely choice of outlier treatment, "none" included as an option.</summary>
    OutlierTreatmentChoice,
    /// <summary>A user-defined discrete choice: each option transforms the methodology (any parameter), compiled once before the replications.</summary>
    Custom,
}
