using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Internal;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Escaping and number formatting shared by the HTML and SVG writers. Text is escaped for both HTML and XML
/// (<c>&amp; &lt; &gt; " '</c>), so the output parses as XML; letters with diacritics are written as themselves
/// (UTF-8), not as numeric references. Characters XML 1.0 cannot hold (C0 controls other than tab, LF and CR, lone
/// surrogates) become U+FFFD. Numbers are always invariant culture.
/// </summary>
internal static class Markup
{
    public static string Encode(string? text) => Tables.HtmlText.Encode(text);

    /// <summary>A coordinate: at most 2 decimals, invariant, no exponent, "-0" written as "0".</summary>
    public static string Coord(double x)
    {
        var s = Math.Round(x, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>A score as shown to readers: 2 decimals, "-" when missing.</summary>
    public static string Score(double x) => double.IsNaN(x) ? "-" : x.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A rank as shown to readers: whole or up to 2 decimals (fractional ties), "-" when missing.</summary>
    public static string Rank(double x) => double.IsNaN(x) ? "-" : x.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A raw value with a fixed number of significant digits (default 4) and no exponent: 1234.5 -> "1235",
    /// 99.874 -> "99.87", 0.345 -> "0.3450", 12345.6 -> "12346" (whole numbers keep every digit); "-" when NaN.
    /// </summary>
    public static string Significant(double x, int digits = 4) => Tables.NumberFormat.Significant(digits).Format(x) ?? "-";

    /// <summary>A number with an invariant format string; "-" when NaN; a negative zero ("-0.00") is written without its sign.</summary>
    public static string Format(double x, string format)
    {
        if (double.IsNaN(x))
        {
            return "-";
        }

        var s = x.ToString(format, CultureInfo.InvariantCulture);
        return s.StartsWith('-') && s.Skip(1).All(c => c is '0' or '.') ? s[1..] : s;
    }

    /// <summary>
    /// Encodes a sentence of the analysis types, whose codes are quoted in backticks (<c>`code`</c>), turning each
    /// quoted code into <c>&lt;code&gt;</c>; an unpaired backtick stays as it is.
    /// </summary>
    public static string InlineCode(string text)
    {
        var parts = text.Split('`');
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var inCode = i % 2 == 1 && i < parts.Length - 1;
            if (i % 2 == 1 && !inCode)
            {
                sb.Append('`');
            }

            sb.Append(inCode ? "<code>" + Encode(parts[i]) + "</code>" : Encode(parts[i]));
        }

        return sb.ToString();
    }

    /// <summary>An ASCII identifier from a code, for SVG ids: letters and digits kept, anything else becomes '-'.</summary>
    public static string Slug(string s) => new([.. s.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    /// <summary>An integer, invariant.</summary>
    public static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>A weight as a percentage with up to 2 decimals (0.25 -> "25%").</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A tick label: up to 2 decimals.</summary>
    public static string Tick(double x) => Coord(x);

    /// <summary>
    /// The unit of scores for axis titles: "points, L–U" when every indicator is min-max normalised to the same
    /// [L, U] (so means of them stay in it), else "normalised scale".
    /// </summary>
    public static string ScoreUnit(Calculation.Methodology m)
    {
        var norms = m.Framework.Indicators.Select(i => m.NormaliserFor(i.Code)).Distinct().ToList();
        return norms.Count == 1 && norms[0] is Normalisation.MinMaxNormaliser
            ? "points, " + Coord(norms[0].Lower) + "–" + Coord(norms[0].Upper)
            : "normalised scale";
    }

    /// <summary>Approximate rendered width of text in a sans-serif font (about 0.58 em per character).</summary>
    public static double TextWidth(string text, double fontSize) => TextWidthOf(text) * fontSize * 0.58;

    private static int TextWidthOf(string s) => new StringInfo(Internal.UnicodeText.Nfc(s)).LengthInTextElements;
}
