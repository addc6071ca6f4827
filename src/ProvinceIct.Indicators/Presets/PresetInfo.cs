using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// What a preset is, in a few lines: its name (the key for <see cref="PresetCatalog.Get"/>), title, source citation,
/// what is not known of the official method, and the editions it applies to. The numbers themselves live in the
/// preset's <see cref="Calculation.Methodology"/> (an embedded JSON resource); its
/// <see cref="Methodology.Description"/> says the same in full. Immutable; obtain from <see cref="PresetCatalog"/>.
/// </summary>
public sealed record PresetInfo
{
    internal PresetInfo(string name, string title, string source, string unknowns, string editions)
    {
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

    /// <summary>The preset's methodology (loaded once from its embedded JSON).</summary>
    public Methodology Methodology => PresetCatalog.Get(Name);

    /// <summary>Formats as <c>name: title (editions)</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Name + ": " + Title + " (" + Editions + ")";
}
