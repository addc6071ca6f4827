using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// One published edition of an index in <see cref="PublishedResults"/>: the partial rows we could find, each with its source.
/// </summary>
public sealed record PublishedEdition
{
    internal PublishedEdition(PublishedIndex index, int year, ProvinceGeography geography, string fileName, ImmutableArray<PublishedEntry> entries, ImmutableArray<PublishedAggregate> aggregates)
    {
        Index = index;
        Year = year;
        Geography = geography;
        FileName = Internal.Preconditions.NotBlank(fileName);
        Entries = entries.IsDefault ? [] : entries;
        Aggregates = aggregates.IsDefault ? [] : aggregates;
    }

    /// <summary>The index.</summary>
    public PublishedIndex Index { get; }

    /// <summary>The edition's year.</summary>
    public int Year { get; }

    /// <summary>The geography its units belong to (<see cref="ProvinceGeography.Provinces2025"/> for DTI 2024).</summary>
    public ProvinceGeography Geography { get; }

    /// <summary>The embedded file (<c>ictindex_2012.csv</c>).</summary>
    public string FileName { get; }

    /// <summary>The units' rows, in file order (a partial ranking: only what a source published).</summary>
    public ImmutableArray<PublishedEntry> Entries { get; }

    /// <summary>Figures of the edition that belong to no unit (provincial means); often empty.</summary>
    public ImmutableArray<PublishedAggregate> Aggregates { get; }

    /// <summary>The edition's name, <c>ICT Index 2012</c> or <c>DTI 2024</c>.</summary>
    public string Title => Name(Index, Year);

    /// <summary>Formats as <c>ICT Index 2012: 5 units (ictindex_2012.csv)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Title}: {Entries.Length} units ({FileName})");

    internal static string Name(PublishedIndex index, int year) =>
        (index == PublishedIndex.Dti ? "DTI " : "ICT Index ") + year.ToString(CultureInfo.InvariantCulture);
}
