using System.Globalization;
using System.Resources;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// The texts of <c>ictindex</c> itself: the descriptions of its commands and options in <c>--help</c>, and its own
/// messages (the "error:" framing, usage errors of the parser, "did you mean", exit-code explanations). English is the
/// neutral language (<c>CliStrings.resx</c>); <c>CliStrings.vi.resx</c> is Vietnamese and becomes the satellite
/// assembly <c>vi/ictindex.resources.dll</c>. A translator adds <c>CliStrings.fr.resx</c> without touching code; a
/// key missing from a satellite falls back to English.
/// </summary>
/// <remarks>
/// The language is the one chosen for the running command line (<see cref="Use"/>, set by <see cref="IctIndexCli.Run"/>
/// from <c>--language</c> or <c>ICTINDEX_LANGUAGE</c>), held per asynchronous flow so that parallel runs in one process
/// (the tests) do not see each other's. The process culture is never read or changed: outside a run the texts are English.
/// </remarks>
internal static class CliStrings
{
    /// <summary>The manifest name of the neutral resources.</summary>
    public const string BaseName = "ProvinceIct.Indicators.Cli.CliStrings";

    private static readonly AsyncLocal<CultureInfo?> Current = new();

    /// <summary>The resource manager over the neutral resources and the satellite assemblies.</summary>
    public static ResourceManager Manager { get; } = new(BaseName, typeof(CliStrings).Assembly);

    /// <summary>The language of the running command line: invariant (English) unless <see cref="Use"/> chose another.</summary>
    public static CultureInfo Culture => Current.Value ?? CultureInfo.InvariantCulture;

    /// <summary>True when the running command line speaks Vietnamese.</summary>
    public static bool IsVietnamese => Culture.TwoLetterISOLanguageName == "vi";

    /// <summary>Makes <paramref name="culture"/> the language of this flow until the returned scope is disposed.</summary>
    public static IDisposable Use(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var previous = Current.Value;
        Current.Value = culture;
        return new Scope(previous);
    }

    /// <summary>The text of <paramref name="key"/> in the running command line's language.</summary>
    /// <exception cref="InvalidOperationException">When no resource has the key (a bug).</exception>
    public static string Get(string key) => In(Culture, key);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (or its fallback, English).</summary>
    /// <exception cref="InvalidOperationException">When no resource has the key (a bug).</exception>
    public static string In(CultureInfo culture, string key) =>
        Manager.GetString(key, culture) ?? throw new InvalidOperationException("No text resource '" + key + "'.");

    /// <summary>
    /// The text of <paramref name="key"/> with its numbered arguments (<c>{0}</c>, <c>{1}</c> and on) replaced by
    /// <paramref name="args"/>, numbers formatted invariantly (codes, counts and years read the same in every language).
    /// </summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), args);

    private sealed class Scope(CultureInfo? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
