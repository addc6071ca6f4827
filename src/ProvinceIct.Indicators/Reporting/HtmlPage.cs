using System.Text;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// The page shell shared by <see cref="HtmlReport"/> and <see cref="UnitReport"/>: an XHTML-syntax document (so it
/// parses as XML) with one inline style sheet, no scripts and no external assets; figures hold inline SVG.
/// </summary>
internal static class HtmlPage
{
    private const string Css = """
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; color: #222; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.code { color: #555; margin-top: 0; }
.disclaimer { border-left: 4px solid #D55E00; background: #FFF4EC; padding: 0.6rem 0.8rem; }
.note { color: #555; font-style: italic; }
.headline { font-size: 1.15rem; }
.headline strong { font-size: 1.4rem; }
dl.methods { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dl.methods dt { font-weight: bold; }
dl.methods dd { margin: 0; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2rem; }
ul.tree { padding-left: 0; }
ul.tree li { margin: 0.15rem 0; }
.weight { color: #555; font-size: 0.9em; }
ul.findings li { margin: 0.3rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 0.6rem 0 1rem; }
table caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
table th, table td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }
table thead th { border-bottom: 2px solid #999; text-align: left; }
table tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
table thead th.num { white-space: normal; min-width: 4rem; }
table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table tr.missing { color: #777; }
table tr.flagged td, table tr.flagged th { background: #FFF4EC; }
table.unit-profile tr.level-1 th { padding-left: 1.6rem; }
table.unit-profile tr.level-2 th { padding-left: 0.8rem; font-weight: bold; }
table tr.up td:last-child { color: #0072B2; }
table tr.down td:last-child { color: #D55E00; }
.unreachable { color: #777; font-style: italic; }
table.targets tbody th, table.budget-targets tbody th { white-space: normal; min-width: 12rem; }
table.targets tr.unreachable td:nth-child(5) { white-space: normal; }
table.budget-targets tr.at-limit td:last-child { font-weight: bold; }
ul.note { margin-top: 0; }
details summary { cursor: pointer; font-weight: bold; margin: 0.6rem 0; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9rem; }
footer { margin-top: 2.5rem; color: #777; font-size: 0.85rem; }
""";

    /// <summary>The doctype, the html element, the head (charset, viewport, title, style) and the opening body tag.</summary>
    public static StringBuilder Begin(string title, string lang = "en")
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").Append(E(lang)).Append("\" xml:lang=\"").Append(E(lang)).Append("\">\n<head>\n<meta charset=\"utf-8\" />\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
          .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css.Trim()).Append("\n</style>\n</head>\n<body>\n");
        return sb;
    }

    /// <summary>The footer and the closing tags; returns the document without a trailing newline.</summary>
    public static string End(StringBuilder sb, string footer)
    {
        sb.Append("<footer>").Append(E(footer)).Append("</footer>\n</body>\n</html>");
        return sb.ToString();
    }

    /// <summary>The disclaimer paragraph, or nothing when there is none.</summary>
    public static void Disclaimer(StringBuilder sb, string? disclaimer, string label = "Disclaimer:")
    {
        if (disclaimer is not null)
        {
            sb.Append("<p class=\"disclaimer\" role=\"note\"><strong>").Append(E(label)).Append("</strong> ").Append(E(disclaimer)).Append("</p>\n");
        }
    }

    /// <summary>A figure: the chart's inline SVG and a caption.</summary>
    public static void Figure(StringBuilder sb, SvgChart chart, string caption) =>
        sb.Append("<figure>\n").Append(chart.ToSvg()).Append("\n<figcaption>").Append(E(caption)).Append("</figcaption>\n</figure>\n");

    /// <summary>The disclaimer of the embedded index when the methodology is it, otherwise null.</summary>
    public static string? DisclaimerFor(Calculation.Methodology m) =>
        m.Code == Presets.OpenReadiness2016.PresetName ? Presets.OpenReadiness2016.Disclaimer : null;

    /// <summary>Writes a document to a file as UTF-8 without a byte-order mark, with a final newline.</summary>
    public static void Save(string path, string html)
    {
        Internal.Preconditions.NotBlank(path);
        Internal.AtomicFile.WriteAllText(path, html + "\n");
    }

    public static string E(string s) => Markup.Encode(s);
}
