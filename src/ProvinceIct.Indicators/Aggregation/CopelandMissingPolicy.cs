namespace ProvinceIct.Indicators.Aggregation;

/// <summary>How the <see cref="CopelandAggregator"/> compares two units when a child is missing for one of them.</summary>
public enum CopelandMissingPolicy
{
    /// <summary>
    /// Compare each pair on the children with a positive weight present for both (method text <c>copeland</c>). A pair
    /// without a shared child counts 0 for both. The scores do not depend on the order of the units. The default.
    /// </summary>
    SharedChildren = 0,

    /// <summary>
    /// COINr's <c>a_copeland</c> (method text <c>copeland(missing=coinr)</c>): weights rescaled to sum 1 over all
    /// children; for units j before k in dataset order <c>O[j, k] = sum w [x_j &gt; x_k] + sum w [x_j = x_k] / 2</c> over
    /// the children present for both (exact equality), and <c>O[k, j] = 1 - O[j, k]</c>, so the weight of every child
    /// missing for either unit is credited to the later unit. The scores therefore depend on the order of the units
    /// (reordering the dataset can change them); on complete data they equal <see cref="SharedChildren"/>'s up to ties
    /// within 1e-12.
    /// </summary>
    Coinr = 1,
}
