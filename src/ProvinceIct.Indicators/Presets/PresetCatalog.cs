using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// The official methodologies (and the embedded open-data index), selectable by name. Each preset's methodology is
/// an embedded JSON resource (<c>Resources/presets/{name}.methodology.json</c>, the open-data index its own
/// resource), read with <see cref="MethodologyJson.Deserialize"/> once, on first use; the JSON is the only
/// definition. Names are compared case-insensitively (ordinal). Every preset documents its source and what is not
/// known in <see cref="Methodology.Description"/> and in its <see cref="PresetInfo"/>.
/// <list type="table">
/// <item><term><c>dti-2020</c></term><description>Provincial DTI 2020: 0.4 cqs + 0.3 kts + 0.3 xhs.</description></item>
/// <item><term><c>dti-2022</c></term><description>Provincial DTI 2021-2023: eight main indices, weighted sum (aliases <c>dti-2021</c>, <c>dti-2023</c>).</description></item>
/// <item><term><c>dti-2024</c></term><description>Provincial DTI 2024: eight main indices, 2021-2023 weights assumed.</description></item>
/// <item><term><c>itu-idi-2017</c></term><description>ITU ICT Development Index 2017, 0-10 scale.</description></item>
/// <item><term><c>open-readiness-2016</c></term><description>The embedded open-data index (<see cref="OpenReadiness2016"/>); not official.</description></item>
/// <item><term><c>vn-ict-index-2016</c></term><description>Vietnam ICT Index, 2016 onwards: mean of three component indices.</description></item>
/// </list>
/// </summary>
public static class PresetCatalog
{
    private const string ResourcePrefix = "ProvinceIct.Indicators.Resources.";
    private const string PresetFolder = "presets/";

    private static readonly ImmutableArray<PresetInfo> Infos =
    [
        new(
            "dti-2020",
            "Provincial Digital Transformation Index (DTI) 2020",
            "Decision 1726/QĐ-BTTTT of the Ministry of Information and Communications (DTI 2020 scheme).",
            "The scoring of each pillar's sub-indicators is not reproduced: the preset starts from the three pillar scores in [0, 1]. The official 1,000-point scale is the result times 1,000.",
            "2020"),
        new(
            "dti-2022",
            "Provincial Digital Transformation Index (DTI) 2021-2023",
            "Decision 922/QĐ-BTTTT of the Ministry of Information and Communications; ranking at https://dti.gov.vn/xep-hang-2022.",
            "The scoring of the components inside each main index is not reproduced: the preset starts from the eight scored main indices. Smart city is collected but not scored.",
            "2021, 2022, 2023",
            "5 provinces with published main indices, dti.gov.vn 2022"),
        new(
            "dti-2024",
            "Provincial Digital Transformation Index (DTI) 2024",
            "DTI 2024 scheme of 3 April 2025, as reported with the results for the 34 units of 1 July 2025 (dantri.com.vn and vtcnews.vn, October 2025).",
            "The 2024 weights are not confirmed in any source we could read: the 2021-2023 weights are assumed (override with Framework.WithWeight). Merged units are the mean of their predecessors' main indices, to be computed before this preset is applied.",
            "2024",
            geography: ProvinceGeography.Provinces2025),
        new(
            "itu-idi-2017",
            "ITU ICT Development Index (IDI) 2017",
            "ITU, Measuring the Information Society Report 2017: IDI methodology (eleven indicators, reference values, 40/40/20 sub-index weights).",
            "ITU's estimation of missing values is not reproduced: the preset needs complete data.",
            "2017"),
        new(
            OpenReadiness2016.PresetName,
            "Open-data Provincial Readiness Index 2016",
            "GSO statistical tables 2016 and VCCI PCI 2016 (see the embedded SOURCES_2016.md).",
            "Illustrative index built from open data; not the official Vietnam ICT Index. No official counterpart exists.",
            "2016",
            "63 provinces, GSO statistical tables and VCCI PCI 2016"),
        new(
            "vn-ict-index-2016",
            "Vietnam ICT Index (provinces, 2016 onwards)",
            "Vietnam ICT Index reports of the Ministry of Information and Communications and VAIP, as quoted in the press (2016 edition published March 2017).",
            "How raw indicators are scaled to the component indices is not published: the preset starts from the three component indices in [0, 1]. The 2006-2015 editions (five components, weights not found) are not covered.",
            "2016 onwards",
            "3 provinces with all three published components, one each from the 2016, 2017 and 2022 editions, press reports; not one ranking"),
    ];

    private static readonly FrozenDictionary<string, PresetInfo> InfoByName =
        Infos.ToFrozenDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Lazy<Methodology>> Methodologies =
        Infos.ToFrozenDictionary(
            i => i.Name,
            i => new Lazy<Methodology>(() => i.Name == OpenReadiness2016.PresetName ? OpenReadiness2016.Methodology : MethodologyJson.Deserialize(JsonText(i.Name))),
            StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Lazy<Dataset?>> Samples =
        Infos.ToFrozenDictionary(i => i.Name, i => new Lazy<Dataset?>(() => LoadSample(i)), StringComparer.OrdinalIgnoreCase);

    /// <summary>The preset names, sorted (ordinal).</summary>
    public static ImmutableArray<string> Names { get; } = [.. Infos.Select(i => i.Name).Order(StringComparer.Ordinal)];

    /// <summary>Every preset's description, in <see cref="Names"/> order.</summary>
    public static ImmutableArray<PresetInfo> All { get; } = [.. Infos.OrderBy(i => i.Name, StringComparer.Ordinal)];

    /// <summary>Whether a preset has this name (case-insensitive).</summary>
    /// <param name="name">The name; null gives false.</param>
    /// <returns>True when the preset exists.</returns>
    public static bool Contains(string? name) => name is not null && InfoByName.ContainsKey(Resolve(name));

    /// <summary>The methodology of a preset, loaded once from its embedded JSON.</summary>
    /// <param name="name">The preset name, case-insensitive (for example <c>DTI-2022</c>).</param>
    /// <returns>The methodology.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">When no preset has this name; the message lists the known names.</exception>
    public static Methodology Get(string name) => Methodologies[Key(name)].Value;

    /// <summary>Looks up a preset's methodology without throwing for an unknown name.</summary>
    /// <param name="name">The preset name, case-insensitive; null gives false.</param>
    /// <param name="methodology">The methodology, when found.</param>
    /// <returns>True when the preset exists.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out Methodology? methodology)
    {
        if (name is not null && Methodologies.TryGetValue(Resolve(name), out var lazy))
        {
            methodology = lazy.Value;
            return true;
        }

        methodology = null;
        return false;
    }

    /// <summary>
    /// The embedded sample of a preset (see <see cref="PresetInfo.Sample"/>): the published inputs we hold, loaded once;
    /// null when none are held for this preset.
    /// </summary>
    /// <param name="name">The preset name, case-insensitive.</param>
    /// <returns>The sample, or null.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">When no preset has this name; the message lists the known names.</exception>
    public static Dataset? Sample(string name) => Samples[Key(name)].Value;

    /// <summary>The short description of a preset.</summary>
    /// <param name="name">The preset name, case-insensitive.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">When no preset has this name; the message lists the known names.</exception>
    public static PresetInfo Info(string name) => InfoByName[Key(name)];

    /// <summary>The preset's methodology as its embedded JSON text (the format of <see cref="MethodologyJson"/>).</summary>
    /// <param name="name">The preset name, case-insensitive.</param>
    /// <returns>The JSON text, exactly as embedded.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">When no preset has this name; the message lists the known names.</exception>
    public static string JsonText(string name)
    {
        var key = InfoByName[Key(name)].Name;
        return key == OpenReadiness2016.PresetName ? OpenReadiness2016.MethodologyJsonText : ReadPresetResource(key + ".methodology.json");
    }

    /// <summary>The manifest name of an embedded preset file: the folder separator of MSBuild's <c>RecursiveDir</c> is '/' or '\' depending on the build machine, so both are accepted.</summary>
    internal static string ResourceName(string fileName)
    {
        var wanted = ResourcePrefix + PresetFolder + fileName;
        foreach (var n in typeof(PresetCatalog).Assembly.GetManifestResourceNames())
        {
            if (string.Equals(n.Replace('\\', '/'), wanted, StringComparison.Ordinal))
            {
                return n;
            }
        }

        throw new InvalidOperationException("The embedded resource " + wanted + " is missing from the assembly.");
    }

    private static Dataset? LoadSample(PresetInfo info)
    {
        if (info.SampleNote is null)
        {
            return null;
        }

        if (info.Name == OpenReadiness2016.PresetName)
        {
            return OpenReadiness2016.Dataset;
        }

        var fileName = info.Name + ".sample.csv";
        var options = new WideCsvOptions { Framework = Get(info.Name).Framework, SourceName = fileName };
        return WideCsv.Load(new StringReader(ReadPresetResource(fileName)), options);
    }

    private static string ReadPresetResource(string fileName)
    {
        var full = ResourceName(fileName);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(full)
            ?? throw new InvalidOperationException("The embedded resource " + full + " is missing from the assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = Resolve(name);
        if (!InfoByName.ContainsKey(name))
        {
            throw new ArgumentException("Unknown preset '" + name + "'. Known presets: " + string.Join(", ", Names) + " (aliases " + string.Join(", ", Aliases.Keys) + ").", nameof(name));
        }

        return name;
    }

    /// <summary>
    /// Other names of presets, one per edition that shares a methodology: <c>dti-2021</c> and <c>dti-2023</c> are
    /// <c>dti-2022</c> (Decision 922/QĐ-BTTTT served the 2021, 2022 and 2023 editions), so that a series can name each
    /// edition's methodology by its year. An alias gives the same methodology (its code stays <c>dti-2022</c>).
    /// Every method of this class that takes a name accepts an alias (case-insensitive).
    /// </summary>
    public static ImmutableSortedDictionary<string, string> Aliases { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("dti-2021", "dti-2022"), KeyValuePair.Create("dti-2023", "dti-2022")]);

    /// <summary>The preset name an alias stands for (see <see cref="Aliases"/>), or the name itself when it is not an alias.</summary>
    /// <param name="name">A preset name or alias, case-insensitive.</param>
    /// <returns>The preset name.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="name"/> is null.</exception>
    public static string Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var alias = Aliases.Keys.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return alias is null ? name : Aliases[alias];
    }
}
