namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>Progress of an analysis: replications done out of the total.</summary>
/// <param name="Done">Replications finished.</param>
/// <param name="Total">Replications in all.</param>
public readonly record struct UncertaintyProgress(long Done, long Total)
{
    /// <summary>The share done, in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1 : Done / (double)Total;
}
