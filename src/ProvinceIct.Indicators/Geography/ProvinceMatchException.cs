using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// A province name or code could not be resolved to exactly one unit. Catch this type to handle both
/// <see cref="ProvinceNotFoundException"/> (no unit, or a 2016 unit that no longer exists) and
/// <see cref="AmbiguousProvinceException"/> (several units). The code is <see cref="ProblemCode.UnknownValue"/>.
/// </summary>
public abstract class ProvinceMatchException : IndicatorException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, naming the text and the candidates.</param>
    /// <param name="text">The text that was matched.</param>
    /// <param name="geography">The geography it was matched in.</param>
    /// <param name="candidates">The units to suggest, best first.</param>
    protected ProvinceMatchException(string message, string text, ProvinceGeography geography, IEnumerable<Province> candidates)
        : base(ProblemCode.UnknownValue, message)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Text = text ?? string.Empty;
        Geography = geography;
        Candidates = [.. candidates];
    }

    /// <summary>Creates the exception with a message kept as a resource text: <see cref="Exception.Message"/> is its English, <see cref="MessageIn"/> renders it in other languages.</summary>
    private protected ProvinceMatchException(ProblemText message, string text, ProvinceGeography geography, IEnumerable<Province> candidates)
        : this(message.Render(CultureInfo.InvariantCulture), text, geography, candidates)
    {
        MessageText = message;
    }

    /// <summary>The text that was matched, as given.</summary>
    public string Text { get; }

    /// <summary>The geography the text was matched in.</summary>
    public ProvinceGeography Geography { get; }

    /// <summary>The units to suggest, best first (may be empty).</summary>
    public ImmutableArray<Province> Candidates { get; }

    /// <summary>The message as a resource text, or null when the exception was created with a plain message.</summary>
    internal ProblemText? MessageText { get; }

    /// <summary>
    /// The message in the language of <paramref name="culture"/>: Vietnamese for a Vietnamese culture, English
    /// (exactly <see cref="Exception.Message"/>) for null, the invariant culture and every language without a translation.
    /// Codes and unit names are written as in <see cref="Exception.Message"/>. A message given to a public constructor is
    /// returned as given.
    /// </summary>
    /// <param name="culture">The culture of the reader, or null for English.</param>
    /// <returns>The message.</returns>
    public string MessageIn(CultureInfo? culture) => MessageText is null || culture is null ? Message : MessageText.Render(culture);
}
