using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Cli;

/// <summary>Left-aligned text columns, sized by display width (Vietnamese letters count once).</summary>
internal static class TextTable
{
    public static string Format(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static int Width(string s) => new StringInfo(ProvinceIct.Indicators.Internal.UnicodeText.Nfc(s)).LengthInTextElements;
        var widths = header.Select((h, i) => Math.Max(Width(h), rows.Count == 0 ? 0 : rows.Max(r => Width(r[i])))).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c)))).TrimEnd();
        var sb = new StringBuilder();
        sb.Append(Line(header)).Append('\n').Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(Line(r)).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }
}
