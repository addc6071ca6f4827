using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>The outcome of <see cref="UnitScreening.Apply(Dataset, IEnumerable{string})"/>: the dataset of kept units and the line of every unit. Immutable.</summary>
public sealed class ScreeningResult
{
    internal ScreeningResult(Dataset dataset, ImmutableArray<ScreenedUnit> units)
    {
        Dataset = dataset;
        Units = units;
    }

    /// <summary>The kept units, in their original order, with every column of the input.</summary>
    public Dataset Dataset { get; }

    /// <summary>Every input unit with its availability and decision, in input order.</summary>
    public ImmutableArray<ScreenedUnit> Units { get; }

    /// <summary>The removed units (below the threshold or force-excluded), in input order.</summary>
    public IEnumerable<ScreenedUnit> Removed => Units.Where(u => !u.IsKept);

    /// <summary>Formats as <c>ScreeningResult: 63 -> 61 units (2 removed)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ScreeningResult: {Units.Length} -> {Dataset.UnitCount} units ({Units.Length - Dataset.UnitCount} removed)");
}
