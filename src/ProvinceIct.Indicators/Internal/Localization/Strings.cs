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
}
