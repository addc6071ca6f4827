using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>The outcome of an <see cref="Imputer"/>: the imputed dataset and a line for every missing value met. Immutable.</summary>
public sealed class ImputationResult
{
    internal ImputationResult(Dataset dataset, ImmutableArray<ImputationLogEntry> log)
    {
        Dataset = dataset;
        Log = log;
    }

    /// <summary>The dataset with the imputed values; every other value (and every column not imputed) unchanged.</summary>
    public Dataset Dataset { get; }

    /// <summary>One entry per missing value of the imputed columns, column by column, units in order.</summary>
    public ImmutableArray<ImputationLogEntry> Log { get; }

    /// <summary>The values imputed.</summary>
    public IEnumerable<ImputationLogEntry> Imputed => Log.Where(e => e.IsImputed);

    /// <summary>The missing values left missing, with the reason.</summary>
    public IEnumerable<ImputationLogEntry> LeftMissing => Log.Where(e => !e.IsImputed);

    /// <summary>Formats as <c>ImputationResult: 12 imputed, 1 left missing</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ImputationResult: {Imputed.Count()} imputed, {LeftMissing.Count()} left missing");
}
