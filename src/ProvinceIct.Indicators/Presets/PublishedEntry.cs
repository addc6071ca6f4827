using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// One unit's published figures in one edition of <see cref="PublishedResults"/>: the rank, the index value and the
/// components where published, the previous year's rank where the source states it, and the source of every figure.
/// Partial data stays partial: anything not published is null (or empty), never estimated or interpolated.
/// </summary>
public sealed record PublishedEntry
{
    internal PublishedEntry(
        PublishedIndex index,
        int year,
        Province province,
        string nameAsPublished,
        int? rank,
        string? rankText,
        double? score,
        string? scoreText,
        ImmutableArray<PublishedComponent> components,
        int? previousRank,
        ImmutableArray<string> sources,
        string? note,
        PublishedProvenance provenance)
    {
        Index = index;
        Year = year;
        Province = Internal.Preconditions.NotNull(province);
        NameAsPublished = Internal.Preconditions.NotBlank(nameAsPublished);
        Rank = rank;
        RankText = rankText;
        Score = score;
        ScoreText = scoreText;
        Components = components.IsDefault ? [] : components;
        PreviousRank = previousRank;
        if (sources.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A published entry needs at least one source.", nameof(sources));
        }

        Sources = sources;
        Note = note;
        Provenance = provenance;
    }

    /// <summary>The index.</summary>
    public PublishedIndex Index { get; }

    /// <summary>The edition's year (the year the figures describe, as the edition is named).</summary>
    public int Year { get; }

    /// <summary>The geography of the edition (<see cref="ProvinceGeography.Provinces2025"/> for DTI 2024, else 2016).</summary>
    public ProvinceGeography Geography => Province.Geography;

    /// <summary>The unit, matched in the catalogue from <see cref="NameAsPublished"/> in the edition's geography.</summary>
    public Province Province { get; }

    /// <summary>The unit's name as the source wrote it (<c>TP. HỒ CHÍ MINH</c>, <c>HCM City</c>).</summary>
    public string NameAsPublished { get; }

    /// <summary>The published overall rank (1 = best; ties share a rank as published); null when unknown.</summary>
    public int? Rank { get; }

    /// <summary>The rank cell as published when it is not a plain integer (<c>61 (bottom three)</c>, <c>bottom3</c>); the rank is then null.</summary>
    public string? RankText { get; }

    /// <summary>The published index value (ICT Index in [0, 1], DTI in [0, 1]); null when unknown.</summary>
    public double? Score { get; }

    /// <summary>The value cell as published when it is not a plain number; the score is then null.</summary>
    public string? ScoreText { get; }

    /// <summary>The components with a published value or rank, in the file's column order; empty when none was published.</summary>
    public ImmutableArray<PublishedComponent> Components { get; }

    /// <summary>The previous year's rank where the source states it; null otherwise.</summary>
    public int? PreviousRank { get; }

    /// <summary>Where every figure of this entry was published (one or more addresses); never empty.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>The reporter's remark (for example <c>DERIVED: 2012 rank 13 'tăng 36 bậc so với năm 2011'</c>); null when none.</summary>
    public string? Note { get; }

    /// <summary>Published for this edition, or derived from a later report.</summary>
    public PublishedProvenance Provenance { get; }

    /// <summary>The edition's name, <c>ICT Index 2012</c> or <c>DTI 2024</c>.</summary>
    public string Edition => PublishedEdition.Name(Index, Year);

    /// <summary>Formats as <c>ICT Index 2012 70 Bình Phước: rank 13, score -</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Edition} {Province.Code} {Province.NameVi}: rank {(Rank is { } r ? r.ToString(CultureInfo.InvariantCulture) : RankText ?? "-")}, score {(Score is { } s ? s.ToString("0.####", CultureInfo.InvariantCulture) : "-")}");
}
