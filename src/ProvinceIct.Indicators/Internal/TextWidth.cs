using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>Display width of text in a monospaced terminal: one column per user-perceived character (Vietnamese letters with stacked diacritics count once).</summary>
internal static class TextWidth
{
    public static int Of(string s) => new StringInfo(Internal.UnicodeText.Nfc(s)).LengthInTextElements;

    public static string PadRight(string s, int width) => Internal.UnicodeText.Nfc(s) + new string(' ', Math.Max(0, width - Of(s)));

    /// <summary>The first <paramref name="width"/> user-perceived characters of the text (NFC), or all of it when shorter.</summary>
    public static string Truncate(string s, int width)
    {
        var nfc = Internal.UnicodeText.Nfc(s);
        var info = new StringInfo(nfc);
        return info.LengthInTextElements <= width ? nfc : info.SubstringByTextElements(0, width);
    }

    public static string PadLeft(string s, int width) => new string(' ', Math.Max(0, width - Of(s))) + Internal.UnicodeText.Nfc(s);
}
