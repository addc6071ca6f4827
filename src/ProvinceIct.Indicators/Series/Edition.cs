using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Series;

/// <summary>
/// One edition of a yearly index: its year, the dataset, the methodology that year used, and the geography its units
/// belong to (the 63 provinces before 1 July 2025, or the 34 units after). Immutable; create with <see cref="Create"/>.
/// </summary>
public sealed class Edition
{
    private Edition(int year, Methodology methodology, Dataset dataset, ProvinceGeography geography, RemapPlan? remapPlan)
    {
        Year = year;
        Methodology = methodology;
        Dataset = dataset;
        Geography = geography;
        RemapPlan = remapPlan;
    }

    /// <summary>The earliest year accepted.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year accepted.</summary>
    public const int MaxYear = 2200;

    /// <summary>Creates an edition.</summary>
    /// <param name="year">The edition's year (the year the index describes), from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <param name="methodology">The methodology of that edition.</param>
    /// <param name="dataset">The data of that edition (unit codes are GSO codes of <paramref name="geography"/> when the series crosses 1 July 2025).</param>
    /// <param name="geography">The geography of the units (default the 63 provinces).</param>
    /// <param name="remapPlan">
    /// For an edition on the 63 provinces followed, in a series, by editions on the 34 units: how each column is carried to
    /// the 34 units (see <see cref="BoundaryRemapper.Remap"/>); null to take <see cref="RemapPlan.Defaults(Dataset, Framework, string?, IEnumerable{KeyValuePair{string, RemapRule}}?)"/>
    /// without a default weight column when it is needed (counts and money summed; rates need a denominator).
    /// </param>
    /// <returns>The edition.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="methodology"/> or <paramref name="dataset"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the year is outside [<see cref="MinYear"/>, <see cref="MaxYear"/>] or the geography is not a defined value.</exception>
    public static Edition Create(int year, Methodology methodology, Dataset dataset, ProvinceGeography geography = ProvinceGeography.Provinces2016, RemapPlan? remapPlan = null)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        if (!Enum.IsDefined(geography))
        {
            throw new ArgumentOutOfRangeException(nameof(geography), geography, "Not a defined geography.");
        }

        return new Edition(year, methodology, dataset, geography, remapPlan);
    }

    /// <summary>The edition's year.</summary>
    public int Year { get; }

    /// <summary>The methodology of the edition, as given (before any panel normalisation).</summary>
    public Methodology Methodology { get; }

    /// <summary>The data of the edition.</summary>
    public Dataset Dataset { get; }

    /// <summary>The geography of the units: the 63 provinces or the 34 units.</summary>
    public ProvinceGeography Geography { get; }

    /// <summary>How the data are carried to the 34 units when the series crosses 1 July 2025; null for the defaults.</summary>
    public RemapPlan? RemapPlan { get; }

    /// <summary>A copy with another methodology (for example the same data under another preset).</summary>
    /// <param name="methodology">The methodology.</param>
    /// <returns>The new edition.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="methodology"/> is null.</exception>
    public Edition WithMethodology(Methodology methodology) => Create(Year, methodology, Dataset, Geography, RemapPlan);

    /// <summary>Formats as <c>Edition 2019: tiny on 63 units (Provinces2016)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Edition {Year}: {Methodology.Code} on {Dataset.UnitCount} units ({Geography})");
}
