using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// Unicode normalisation that never throws. A string handed in by a caller may hold a lone UTF-16 surrogate (no
/// decoder produces one, but <c>"\uD800"</c> is a legal .NET string), which <see cref="string.Normalize(NormalizationForm)"/>
/// refuses with an <see cref="ArgumentException"/>. Readers reject such text with a located problem
/// (<see cref="FirstLoneSurrogate"/>); display and matching code uses <see cref="Nfc"/> and <see cref="Nfd"/>, which
/// show each lone surrogate as U+FFFD instead of failing.
/// </summary>
internal static class UnicodeText
{
    /// <summary>The text in NFC; ASCII returned as is; lone surrogates shown as U+FFFD.</summary>
    public static string Nfc(string text) => Normalise(text, NormalizationForm.FormC);

    /// <summary>The text in NFD; ASCII returned as is; lone surrogates shown as U+FFFD.</summary>
    public static string Nfd(string text) => Normalise(text, NormalizationForm.FormD);

    /// <summary>The index of the first surrogate that is not part of a high-low pair, or -1 when the text is well-formed UTF-16.</summary>
    public static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return -1;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Normalise(string text, NormalizationForm form)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ascii.IsValid(text))
        {
            return text;
        }

        if (FirstLoneSurrogate(text) >= 0)
        {
            text = Scrub(text);
        }

        return text.IsNormalized(form) ? text : text.Normalize(form);
    }

    private static string Scrub(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
