namespace ProvinceIct.Indicators.Weighting;

/// <summary>How a search for optimised weights ended (see <see cref="OptimisedWeights.Status"/>).</summary>
public enum OptimisationStatus
{
    /// <summary>Every share is within the tolerance of its target.</summary>
    Converged,

    /// <summary>
    /// No non-negative weights reach the targets: the exact solution of the linear model, <c>C^-1 D t</c> (C the
    /// children's covariance matrix, D their standard deviations, t the targets), has an entry at or below zero, so the
    /// search can only push that child's weight towards 0. Exact for the arithmetic mean over complete data.
    /// </summary>
    Infeasible,

    /// <summary>The step size fell below 1e-10 without reaching the targets, though the linear model did not show them infeasible.</summary>
    Stalled,

    /// <summary>The iteration limit was reached first.</summary>
    IterationLimit,
}
