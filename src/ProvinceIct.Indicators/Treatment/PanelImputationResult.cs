using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>The outcome of a <see cref="PanelImputer"/>: the imputed dataset of every year and a line for every missing value met. Immutable.</summary>
public sealed class PanelImputationResult
{
    internal PanelImputationResult(ImmutableSortedDictionary<int, Dataset> datasets, ImmutableArray<ImputationLogEntry> log)
    {
        Datasets = datasets;
        Log = log;
    }

    /// <summary>The imputed datasets by year (same units and columns as the input of that year).</summary>
    public ImmutableSortedDictionary<int, Dataset> Datasets { get; }

    /// <summary>The imputed dataset of a year.</summary>
    /// <param name="year">The year.</param>
    /// <exception cref="KeyNotFoundException">When the panel has no such year.</exception>
    public Dataset this[int year] => Datasets.TryGetValue(year, out var d) ? d : throw new KeyNotFoundException($"The panel has no year {year.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>One entry per missing value of the imputed columns: year by year, column by column, units in order. Each entry has its <see cref="ImputationLogEntry.Year"/>.</summary>
    public ImmutableArray<ImputationLogEntry> Log { get; }

    /// <summary>The values imputed.</summary>
    public IEnumerable<ImputationLogEntry> Imputed => Log.Where(e => e.IsImputed);

    /// <summary>The missing values left missing, with the reason.</summary>
    public IEnumerable<ImputationLogEntry> LeftMissing => Log.Where(e => !e.IsImputed);

    /// <summary>Formats as <c>PanelImputationResult: 3 years, 12 imputed, 1 left missing</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"PanelImputationResult: {Datasets.Count} years, {Imputed.Count()} imputed, {LeftMissing.Count()} left missing");
}
