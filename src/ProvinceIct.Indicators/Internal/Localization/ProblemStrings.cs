using System.Globalization;
using System.Resources;

namespace ProvinceIct.Indicators.Internal.Localization;

/// <summary>
/// The texts of validation problems (messages, descriptive expected and found phrases, and the labels of a problem's
/// line), read from <c>ProblemStrings.resx</c> (English, the neutral language, byte for byte the library's English
/// messages) and its satellites (<c>ProblemStrings.vi.resx</c>, Vietnamese). The culture is always passed explicitly:
/// nothing here reads <see cref="CultureInfo.CurrentUICulture"/>. A key missing from a satellite falls back to English.
/// </summary>
internal static class ProblemStrings
{
    /// <summary>The manifest name of the neutral resources (namespace and file name).</summary>
    public const string BaseName = "ProvinceIct.Indicators.Internal.Localization.ProblemStrings";

    /// <summary>The resource manager over the neutral resources and the satellite assemblies.</summary>
    public static ResourceManager Manager { get; } = new(BaseName, typeof(ProblemStrings).Assembly);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (or its fallback).</summary>
    /// <exception cref="InvalidOperationException">When no resource has the key (a bug).</exception>
    public static string Get(string key, CultureInfo culture) =>
        Manager.GetString(key, culture) ?? throw new InvalidOperationException("No problem text resource '" + key + "'.");
}

/// <summary>
/// A problem's text kept as a resource key and its arguments, so that it can be rendered in any language: numbers
/// and codes are formatted invariantly (as the English messages always were); an argument that is itself a
/// <see cref="ProblemText"/> is rendered in the same language. Built only when a problem is created.
/// </summary>
internal sealed class ProblemText
{
    private readonly object?[] _args;
    private readonly ProblemText[]? _parts;

    /// <summary>Creates the text of <paramref name="key"/> with its numbered arguments.</summary>
    public ProblemText(string key, params object?[] args)
    {
        Key = key;
        _args = args;
    }

    private ProblemText(string separator, ProblemText[] parts)
    {
        Key = separator;
        _args = [];
        _parts = parts;
    }

    /// <summary>The texts <paramref name="parts"/>, each rendered in the same language, joined by <paramref name="separator"/>.</summary>
    public static ProblemText Join(string separator, IEnumerable<ProblemText> parts) => new(separator, [.. parts]);

    /// <summary>A name the data gives in English and in Vietnamese (a component's name): the Vietnamese one for a Vietnamese culture, else the English one.</summary>
    public static ProblemText Named(string english, string? vietnamese) =>
        vietnamese is null ? Verbatim(english) : new("Named", [english, vietnamese]) { _named = true };

    private bool _named;

    /// <summary>A text that is the same in every language (a code, a quoted value).</summary>
    public static ProblemText Verbatim(string text) => new("Verbatim", text);

    /// <summary>The argument at <paramref name="index"/> as given (null when there is none).</summary>
    public object? Argument(int index) => index >= 0 && index < _args.Length ? _args[index] : null;

    /// <summary>The resource key in <c>ProblemStrings.resx</c> (the separator of a joined text).</summary>
    public string Key { get; }

    /// <summary>The text in <paramref name="culture"/>'s language (English for the invariant culture and every language without a translation).</summary>
    public string Render(CultureInfo culture)
    {
        if (_named)
        {
            return (string)(culture.TwoLetterISOLanguageName == "vi" ? _args[1] : _args[0])!;
        }

        if (_parts is not null)
        {
            return string.Join(Key, _parts.Select(p => p.Render(culture)));
        }

        var template = ProblemStrings.Get(Key, culture);
        if (_args.Length == 0)
        {
            return template;
        }

        var args = new object?[_args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = _args[i] is ProblemText inner ? inner.Render(culture) : _args[i];
        }

        return string.Format(CultureInfo.InvariantCulture, template, args);
    }

    /// <summary>The English text (the neutral resources).</summary>
    public override string ToString() => Render(CultureInfo.InvariantCulture);
}
