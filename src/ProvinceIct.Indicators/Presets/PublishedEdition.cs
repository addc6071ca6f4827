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

    /// <summary>
    /// The edition's code for lookups and the command line (<see cref="PublishedResults.Edition(string)"/>):
    /// <c>ict-index-2012</c> or <c>dti-2024</c>, lower case ASCII.
    /// </summary>
    public string Code => CodeOf(Index, Year);

    /// <summary>
    /// How many units the edition ranked (the "of 63" in "13th of 63"): 34 for the DTI of 2024 (the units of 1 July 2025),
    /// 64 for editions before 2008 (Hà Tây was merged into Hà Nội on 1 August 2008), 63 otherwise. This counts the
    /// units ranked by the publisher, not the rows held here (<see cref="Entries"/> is partial).
    /// </summary>
    public int RankedUnitCount => Geography == ProvinceGeography.Provinces2025 ? 34 : Year < 2008 ? 64 : 63;

    /// <summary>
    /// The built-in preset (<see cref="PresetCatalog"/>, or <see cref="VnIctIndex2006"/>) that follows this edition's methodology as far as it was
    /// published: <c>dti-2020</c>, <c>dti-2022</c> (2021-2023), <c>dti-2024</c>, <c>vn-ict-index-2016</c> (2016 on),
    /// <c>vn-ict-index-2006</c> (2006-2015, weights supplied by the user); null when no preset covers the edition. Each
    /// preset states what it assumes and what is unknown (<see cref="PresetInfo.Unknowns"/>).
    /// </summary>
    public string? PresetName => (Index, Year) switch
    {
        (PublishedIndex.Dti, 2020) => "dti-2020",
        (PublishedIndex.Dti, >= 2021 and <= 2023) => "dti-2022",
        (PublishedIndex.Dti, 2024) => "dti-2024",
        (PublishedIndex.IctIndex, >= 2016) => "vn-ict-index-2016",
        (PublishedIndex.IctIndex, >= 2006 and <= 2015) => VnIctIndex2006.PresetName,
        _ => null,
    };

    /// <summary>Formats as <c>ICT Index 2012: 5 units (ictindex_2012.csv)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Title}: {Entries.Length} units ({FileName})");

    internal static string CodeOf(PublishedIndex index, int year) =>
        (index == PublishedIndex.Dti ? "dti-" : "ict-index-") + year.ToString(CultureInfo.InvariantCulture);

    internal static string Name(PublishedIndex index, int year) =>
        (index == PublishedIndex.Dti ? "DTI " : "ICT Index ") + year.ToString(CultureInfo.InvariantCulture);
}
