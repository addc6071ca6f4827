using System.Globalization;
using System.Resources;

namespace ProvinceIct.Indicators.Internal.Localization;

/// <summary>
/// The user-facing texts of the reports and tables, read from <c>Strings.resx</c> (English, the neutral language) and
/// its satellites (<c>Strings.vi.resx</c>, Vietnamese; a translator adds <c>Strings.fr.resx</c> without touching code).
/// The culture is always passed explicitly: nothing here reads <see cref="CultureInfo.CurrentUICulture"/>. A key
/// missing from a satellite falls back to English (the resource manager's fallback chain).
/// </summary>
internal static class Strings
{
    /// <summary>The manifest name of the neutral resources (namespace and file name).</summary>
    public const string BaseName = "ProvinceIct.Indicators.Internal.Localization.Strings";

    /// <summary>The resource manager over the neutral resources and the satellite assemblies.</summary>
    public static ResourceManager Manager { get; } = new(BaseName, typeof(Strings).Assembly);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (or its fallback).</summary>
    /// <exception cref="InvalidOperationException">When no resource has the key (a bug).</exception>
    public static string Get(string key, CultureInfo culture) =>
        Manager.GetString(key, culture) ?? throw new InvalidOperationException("No text resource '" + key + "'.");

    /// <summary>The text of <paramref name="key"/> with its numbered arguments (<c>{0}</c>, <c>{1}</c> and on) replaced by <paramref name="args"/>, numbers formatted in <paramref name="culture"/>.</summary>
    public static string Format(CultureInfo culture, string key, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    /// <summary>The prefix of the resources that translate the units of measure the presets ship.</summary>
    public const string MeasureUnitPrefix = "MeasureUnit_";

    private static readonly Lazy<Dictionary<string, string>> MeasureUnitKeys = new(() =>
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = Manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        if (set is not null)
        {
            foreach (System.Collections.DictionaryEntry e in set)
            {
                if (e.Key is string key && key.StartsWith(MeasureUnitPrefix, StringComparison.Ordinal) && e.Value is string english)
                {
                    keys[english] = key;
                }
            }
        }

        return keys;
    });

    /// <summary>
    /// A unit of measure in <paramref name="culture"/>: when a <c>MeasureUnit_</c> resource's English (neutral) text
    /// equals <paramref name="unit"/>, that resource in the culture; otherwise <paramref name="unit"/> as given.
    /// </summary>
    public static string? MeasureUnit(string? unit, CultureInfo culture) =>
        unit is not null && MeasureUnitKeys.Value.TryGetValue(unit, out var key) ? Get(key, culture) : unit;
}
