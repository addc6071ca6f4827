using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// Escaping of user-supplied text (unit, indicator, node and index names and codes, group labels, titles,
/// descriptions) for the Markdown writers, so that no such text can inject raw HTML, a link, an image, emphasis, a
/// code span or a table cell. The one place every <c>ToMarkdown</c> of the library escapes text through.
/// </summary>
/// <remarks>
/// <para><see cref="Text"/>: <c>&amp; &lt; &gt;</c> become the entities <c>&amp;amp; &amp;lt; &amp;gt;</c> (so raw HTML
/// such as <c>&lt;img src=x onerror=...&gt;</c> shows as text); the Markdown punctuation <c>\ ` * [ ] | ~</c> and an
/// underscore not between two letters or digits are escaped with a backslash (no link <c>[a](b)</c>, image, emphasis,
/// strike-through, code span or extra table cell can start); line breaks become spaces (a table row stays one line,
/// and a text cannot open a heading or a list on a line of its own). Numbers and signs are not touched. Letters
/// with diacritics are kept as they are; an intraword underscore (<c>internet_pct</c>) is kept.</para>
/// <para><see cref="Code"/> writes a code as a code span when it holds nothing that needs escaping, otherwise as
/// escaped text, because backslash escapes and entities do not work inside code spans.</para>
/// </remarks>
internal static class MarkdownText
{
    private static readonly System.Buffers.SearchValues<char> CodeUnsafe = System.Buffers.SearchValues.Create("`|<>&\\\r\n");

    /// <summary>User text as Markdown inline text (see the type's remarks); empty for null.</summary>
    public static string Text(string? text)
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
                case '\\' or '`' or '*' or '[' or ']' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                case '_':
                    var intraword = i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
                    sb.Append(intraword ? "_" : "\\_");
                    break;
                case '\r':
                    sb.Append(' ');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A code as a Markdown code span (<c>`code`</c>) when it is plain (no backtick, pipe, angle bracket, ampersand, backslash or line break), otherwise as escaped <see cref="Text"/>.</summary>
    public static string Code(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        return code.AsSpan().IndexOfAny(CodeUnsafe) < 0 && code.Trim().Length == code.Length ? "`" + code + "`" : Text(code);
    }

    /// <summary>
    /// A sentence of the analysis types, whose codes are quoted in backticks (<c>`code`</c>): each quoted code through
    /// <see cref="Code"/>, the rest through <see cref="Text"/>; an unpaired backtick is escaped.
    /// </summary>
    public static string Sentence(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var parts = text.Split('`');
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < parts.Length; i++)
        {
            var inCode = i % 2 == 1 && i < parts.Length - 1;
            if (i % 2 == 1 && !inCode)
            {
                sb.Append("\\`");
            }

            sb.Append(inCode ? Code(parts[i]) : Text(parts[i]));
        }

        return sb.ToString();
    }
}
