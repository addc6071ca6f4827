using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// What a preset is, in a few lines: its name (the key for <see cref="PresetCatalog.Get"/>), title, source citation,
/// what is not known of the official method, and the editions it applies to. The numbers themselves live in the
/// preset's <see cref="Calculation.Methodology"/> (an embedded JSON resource); its
/// <see cref="Methodology.Description"/> says the same in full. Immutable; obtain from <see cref="PresetCatalog"/>.
/// </summary>
public sealed record PresetInfo
{
    internal PresetInfo(string name, string title, string source, string unknowns, string editions, string? sampleNote = null, ProvinceGeography geography = ProvinceGeography.Provinces2016)
    {
        Geography = geography;
        SampleNote = sampleNote;
        Name = name;
        Title = title;
        Source = source;
        Unknowns = unknowns;
        Editions = editions;
    }

    /// <summary>The preset's name, lower-case ASCII (for example <c>dti-2022</c>); equal to its methodology's code.</summary>
    public string Name { get; }

    /// <summary>The title; equal to the methodology's display name.</summary>
    public string Title { get; }

    /// <summary>The source the preset follows (the official document or report, as far as it could be read).</summary>
    public string Source { get; }

    /// <summary>What is not known of the official method, and what the preset assumes or leaves to the user instead.</summary>
    public string Unknowns { get; }

    /// <summary>The editions (years) the preset applies to.</summary>
    public string Editions { get; }

    /// <summary>
    /// The provincial geography of the editions the preset applies to: <see cref="ProvinceGeography.Provinces2025"/> (34
    /// units of 1 July 2025) for DTI 2024, else <see cref="ProvinceGeography.Provinces2016"/> (63 provinces). Used for the
    /// rows of a data-collection template (<c>ictindex template</c>).
    /// </summary>
    public ProvinceGeography Geography { get; }

    /// <summary>The preset's methodology (loaded once from its embedded JSON).</summary>
    public Methodology Methodology => PresetCatalog.Get(Name);

    /// <summary>
    /// The preset's embedded sample: the published inputs we hold, in the preset's indicator codes (units keyed by GSO
    /// code), loaded once; null when no published inputs are held for this preset (then data must be supplied). A
    /// sample is a demonstration of the preset on real published numbers, usually a handful of units, not a full
    /// edition; <see cref="SampleNote"/> says what it holds.
    /// </summary>
    public Dataset? Sample => PresetCatalog.Sample(Name);

    /// <summary>What <see cref="Sample"/> holds and where it comes from, in one line (for example <c>5 provinces with published main indices, dti.gov.vn 2022</c>); null when there is no sample.</summary>
    public string? SampleNote { get; }

    /// <summary>
    /// <see cref="SampleNote"/> in the language of <paramref name="culture"/>: Vietnamese for a Vietnamese culture,
    /// exactly <see cref="SampleNote"/> for null, the invariant culture and every language without a translation.
    /// </summary>
    /// <param name="culture">The culture of the reader, or null for English.</param>
    /// <returns>The note, or null when there is no sample.</returns>
    public string? SampleNoteIn(CultureInfo? culture) =>
        SampleNote is null || culture is null || culture.TwoLetterISOLanguageName != "vi"
            ? SampleNote
            : Strings.Manager.GetString("PresetSample_" + Name.Replace('-', '_'), culture) ?? SampleNote;

    /// <summary>Formats as <c>name: title (editions)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Name + ": " + Title + " (" + Editions + ")";
}
