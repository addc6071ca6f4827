using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Geography;

/// <summary>The outcome of <see cref="BoundaryRemapper.Remap"/>: the dataset of the 34 units from 1 July 2025 and the log of how each value was obtained.</summary>
public sealed class RemapResult
{
    internal RemapResult(Dataset dataset, RemapLog log)
    {
        Dataset = dataset;
        Log = log;
    }

    /// <summary>
    /// The remapped dataset: the 34 units of <see cref="ProvinceGeography.Provinces2025"/> (from <see cref="Province.ToUnit"/>)
    /// in GSO code order, and the input columns in input order without the dropped ones. NaN marks a missing value.
    /// </summary>
    public Dataset Dataset { get; }

    /// <summary>How each value was obtained.</summary>
    public RemapLog Log { get; }

    /// <summary>Formats as <c>RemapResult: Dataset: 34 units x 3 indicators, 0 missing</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => "RemapResult: " + Dataset;
}
