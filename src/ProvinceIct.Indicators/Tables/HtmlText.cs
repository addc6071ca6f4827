using System.Text;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Escaping of text for HTML and XML (<c>&amp; &lt; &gt; " '</c>), so the output parses as XML; letters with diacritics
/// are written as themselves, not as numeric references. Characters XML 1.0 cannot hold (C0 controls other than tab,
/// LF and CR, lone surrogates, U+FFFE, U+FFFF) become U+FFFD. The result is NFC. The one HTML encoder of the library.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return Internal.UnicodeText.Nfc(sb.ToString());
    }
}
