using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProvinceIct.Indicators.Calculation;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>
/// Finds English left in a Vietnamese rendering: every text node and every <c>title</c>, <c>aria-label</c> and
/// <c>alt</c> attribute of an XHTML/SVG document (or every line of a Markdown one) is searched for common English
/// words, after the allowed data is taken out: the methodology's name, unit names and codes, node codes, the English
/// names of nodes that have no Vietnamese name, the names of methods and sources cited as they are written
/// (<see cref="CitedTerms"/>), URLs, and tokens holding a digit or an underscore (codes).
/// </summary>
internal static partial class EnglishText
{
    /// <summary>Names of methods, sources and programs cited as they are written in Vietnamese texts too.</summary>
    public static readonly string[] CitedTerms =
    [
        "Cronbach's alpha", "Vietnam ICT Index", "ProvinceIct.Indicators", "VCCI", "PCI", "GSO", "Pearson", "Spearman", "Kendall", "Euclid", "min-max", "ictindex series --unit",
    ];

    /// <summary>The strings of a Vietnamese XHTML or SVG document that still hold English words, each once, in document order.</summary>
    public static List<string> InMarkup(string xhtml, IndexResult result) => Find(Texts(xhtml), [result]);

    /// <summary>
    /// The strings of a Vietnamese XHTML or SVG document about a series that still hold English words: the allowed data
    /// is that of every edition's result (methodology names, unit names and codes, node codes and the English names of
    /// nodes without a Vietnamese name).
    /// </summary>
    /// <remarks>The published record's sources (<see cref="global::ProvinceIct.Indicators.Presets.PublishedResults"/>) are cited as they are written too.</remarks>
    public static List<string> InMarkup(string xhtml, ProvinceIct.Indicators.Series.IndexSeries series) =>
        Find(Texts(xhtml), [.. series.Results], global::ProvinceIct.Indicators.Presets.PublishedResults.Default.Editions.SelectMany(e => e.Entries).SelectMany(e => e.Sources));

    private static List<string> Texts(string xhtml)
    {
        var doc = XDocument.Parse(xhtml);
        var texts = new List<string>();
        foreach (var e in doc.Descendants())
        {
            if (e.Name.LocalName is "style" or "script")
            {
                continue;
            }

            texts.AddRange(e.Nodes().OfType<XText>().Select(t => t.Value));
            texts.AddRange(e.Attributes().Where(a => a.Name.LocalName is "title" or "aria-label" or "alt").Select(a => a.Value));
        }

        return texts;
    }

    /// <summary>The lines of a Vietnamese Markdown document that still hold English words, each once, in document order.</summary>
    public static List<string> InMarkdown(string markdown, IndexResult result) => Find(markdown.Split('\n'), [result]);

    private static List<string> Find(IEnumerable<string> texts, IReadOnlyList<IndexResult> results, IEnumerable<string>? cited = null)
    {
        // URLs are taken out of a text first, so a cited source is allowed as what is left of it without its URLs
        List<string> allowed = [.. CitedTerms, .. (cited ?? []).Select(c => Url().Replace(c, " ").Trim())];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var fw = result.Methodology.Framework;
            allowed.Add(result.Methodology.Name);
            allowed.AddRange(result.Units.Select(u => u.Name));
            allowed.AddRange(result.Units.Where(u => u.NameEn is not null).Select(u => u.NameEn!));
            allowed.AddRange(fw.Nodes.Where(n => string.IsNullOrWhiteSpace(n.NameVi)).Select(n => n.Name));
            codes.UnionWith(fw.Nodes.Select(n => n.Code));
            codes.UnionWith(result.Units.Select(u => u.Code));
        }

        allowed = [.. allowed.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal).OrderByDescending(a => a.Length)];

        var found = new List<string>();
        foreach (var text in texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var rest = Url().Replace(text, " ");
            foreach (var a in allowed)
            {
                rest = rest.Replace(a, " ", StringComparison.Ordinal);
            }

            rest = string.Join(' ', Token().Split(rest).Where(w => !codes.Contains(w) && !w.Any(c => char.IsDigit(c) || c == '_')));
            if (Words().IsMatch(rest))
            {
                found.Add(text);
            }
        }

        return found;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"[\s,;:()\[\]`|/=×~<>%.!?*+]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b(the|of|and|or|with|from|is|are|by|for|each|every|unit|units|score|scores|rank|ranks|ranking|ranked|best|first|index|indicator|indicators|pillar|pillars|share|households|firms|chart|bar|bars|heatmap|correlation|correlations|negative|positive|weight|weights|weighted|contribution|contributions|sorted|horizontal|percent|population|people|per|number|value|values|missing|data|target|peers|strengths|weaknesses|level|levels|rate|mean|median|interval|nominal|replications|runs|uncertainty|shift|higher|lower|better|worse|change|region|province|provinces|total|using|surveyed|students|workers|government|application|infrastructure|human|resources|national|raw|distance|shared|needed|current|proposed|limit|closest|not|none|all|at|on|as|than|when|which|that|this|these|it|its|framework|aggregates|note|flags|table|tables|group|statistics|shown|computed|points|scale)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Words();
}
