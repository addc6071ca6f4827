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
        "Cronbach's alpha", "Vietnam ICT Index", "ProvinceIct.Indicators", "VCCI", "PCI", "GSO", "Pearson", "Spearman", "Kendall", "Euclid", "min-max",
    ];

    /// <summary>The strings of a Vietnamese XHTML or SVG document that still hold English words, each once, in document order.</summary>
    public static List<string> InMarkup(string xhtml, IndexResult result)
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

        return Find(texts, result);
    }

    /// <summary>The lines of a Vietnamese Markdown document that still hold English words, each once, in document order.</summary>
    public static List<string> InMarkdown(string markdown, IndexResult result) => Find(markdown.Split('\n'), result);

    private static List<string> Find(IEnumerable<string> texts, IndexResult result)
    {
        var fw = result.Methodology.Framework;
        List<string> allowed =
        [
            result.Methodology.Name,
            .. result.Units.Select(u => u.Name),
            .. result.Units.Where(u => u.NameEn is not null).Select(u => u.NameEn!),
            .. fw.Nodes.Where(n => string.IsNullOrWhiteSpace(n.NameVi)).Select(n => n.Name),
            .. CitedTerms,
        ];
        allowed = [.. allowed.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal).OrderByDescending(a => a.Length)];
        var codes = new HashSet<string>([.. fw.Nodes.Select(n => n.Code), .. result.Units.Select(u => u.Code)], StringComparer.Ordinal);

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
