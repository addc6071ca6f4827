using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A one-file report of a result: self-contained HTML (inline CSS and inline SVG; no scripts, no external fonts,
/// images or style sheets) that is also well-formed XML (XHTML syntax), so it can be checked by any XML parser. It
/// holds the title, the disclaimer (for the embedded Open-data Provincial Readiness Index 2016, whose methodology
/// code is <see cref="OpenReadiness2016.PresetName"/>: <see cref="OpenReadiness2016.Disclaimer"/>), the methodology's
/// description (less the disclaimer when it opens with it), a methodology summary (framework tree with relative and effective weights, normaliser, aggregator,
/// availability threshold, tie policy, and every per-node override), the ranking table, a tile map of the index
/// (when the units are Vietnam's provinces of 2016 or 2025), the ranking bar chart, and, when an uncertainty analysis
/// is given, its rank-interval chart. The output is deterministic: no date or machine name is written. Immutable.
/// </summary>
public sealed class HtmlReport
{
    private const string Css = """
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; color: #222; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
.code { color: #555; margin-top: 0; }
.disclaimer { border-left: 4px solid #D55E00; background: #FFF4EC; padding: 0.6rem 0.8rem; }
.note { color: #555; font-style: italic; }
dl.methods { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dl.methods dt { font-weight: bold; }
dl.methods dd { margin: 0; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2rem; }
ul.tree { padding-left: 0; }
ul.tree li { margin: 0.15rem 0; }
.weight { color: #555; font-size: 0.9em; }
table.ranking { border-collapse: collapse; font-size: 0.9rem; }
table.ranking caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
table.ranking th, table.ranking td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #eee; }
table.ranking thead th { border-bottom: 2px solid #999; text-align: left; }
table.ranking tbody th { text-align: left; font-weight: normal; }
table.ranking .num { text-align: right; font-variant-numeric: tabular-nums; }
table.ranking tr.missing { color: #777; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9rem; }
footer { margin-top: 2.5rem; color: #777; font-size: 0.85rem; }
""";

    private HtmlReport(IndexResult result, UncertaintyResult? uncertainty)
    {
        Result = result;
        Uncertainty = uncertainty;
        Disclaimer = result.Methodology.Code == OpenReadiness2016.PresetName ? OpenReadiness2016.Disclaimer : null;
    }

    /// <summary>Creates the report.</summary>
    /// <param name="result">The result to report.</param>
    /// <param name="uncertainty">An uncertainty analysis of the same index, whose rank-interval chart is added; or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="uncertainty"/> was run on another methodology code or another set of units.</exception>
    public static HtmlReport Create(IndexResult result, UncertaintyResult? uncertainty = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (uncertainty is not null
            && (uncertainty.Nominal.Methodology.Code != result.Methodology.Code
                || !uncertainty.Nominal.Units.Select(u => u.Code).Order(StringComparer.Ordinal).SequenceEqual(result.Units.Select(u => u.Code).Order(StringComparer.Ordinal), StringComparer.Ordinal)))
        {
            throw new ArgumentException("The uncertainty analysis was run on another methodology or another set of units.", nameof(uncertainty));
        }

        return new HtmlReport(result, uncertainty);
    }

    /// <summary>The result reported.</summary>
    public IndexResult Result { get; }

    /// <summary>The uncertainty analysis shown, or null.</summary>
    public UncertaintyResult? Uncertainty { get; }

    /// <summary>The report's title: the methodology's name.</summary>
    public string Title => Result.Methodology.Name;

    /// <summary>The disclaimer shown at the top, or null when the methodology carries none.</summary>
    public string? Disclaimer { get; }

    /// <summary>The whole HTML document.</summary>
    /// <returns>UTF-8-ready text beginning with <c>&lt;!DOCTYPE html&gt;</c>, LF line ends, no trailing newline.</returns>
    public string ToHtml()
    {
        var m = Result.Methodology;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
          .Append("<title>").Append(E(Title)).Append("</title>\n<style>\n").Append(Css.Trim()).Append("\n</style>\n</head>\n<body>\n");
        sb.Append("<header>\n<h1>").Append(E(Title)).Append("</h1>\n<p class=\"code\">Methodology <code>").Append(E(m.Code)).Append("</code>, index <code>")
          .Append(E(Result.IndexCode)).Append("</code>; ").Append(Markup.Int(Result.Units.Length)).Append(" units</p>\n");
        if (Disclaimer is not null)
        {
            sb.Append("<p class=\"disclaimer\" role=\"note\"><strong>Disclaimer:</strong> ").Append(E(Disclaimer)).Append("</p>\n");
        }

        // the description, without the disclaimer when it opens with it (it is shown just above)
        var description = m.Description?.Trim() ?? string.Empty;
        if (Disclaimer is not null && description.StartsWith(Disclaimer, StringComparison.Ordinal))
        {
            description = description[Disclaimer.Length..].Trim();
        }

        if (description.Length > 0)
        {
            sb.Append("<p class=\"description\">").Append(E(description)).Append("</p>\n");
        }

        sb.Append("</header>\n");
        AppendMethodology(sb);

        sb.Append("<section id=\"ranking\">\n<h2>Ranking</h2>\n").Append(RankingTable.From(Result).ToHtml()).Append("\n</section>\n");

        sb.Append("<section id=\"map\">\n<h2>Map</h2>\n");
        var geo = TileMap.Infer(Result);
        if (TileMap.MatchCount(Result, geo) > 0)
        {
            Figure(sb, TileMap.Create(Result, geography: geo), "Tile map: one square per province, placed roughly geographically; colour from the lowest (dark) to the highest (light) index score; hatched grey = no data.");
        }
        else
        {
            sb.Append("<p class=\"note\">No map: the units are not Vietnam's provinces (by GSO code and name).</p>\n");
        }

        sb.Append("</section>\n");
        sb.Append("<section id=\"scores\">\n<h2>Index scores</h2>\n");
        Figure(sb, RankingBarChart.Create(Result), "Index score of every unit, best first.");
        sb.Append("</section>\n");

        if (Uncertainty is { } u)
        {
            sb.Append("<section id=\"uncertainty\">\n<h2>Rank uncertainty</h2>\n<p>Mean absolute rank shift against the nominal ranking: ")
              .Append(E(u.MeanAbsoluteRankShift.ToString("0.00", CultureInfo.InvariantCulture))).Append(".</p>\n");
            Figure(sb, RankIntervalChart.Create(u), "Dot: nominal rank; line: 5th to 95th percentile rank over the replications.");
            sb.Append("</section>\n");
        }

        sb.Append("<footer>Generated by ProvinceIct.Indicators. Scores are shown to 2 decimals; the CSV and JSON exports keep full precision.</footer>\n</body>\n</html>");
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToHtml"/> to a file as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">The file path; an existing file is replaced.</param>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is blank.</exception>
    public void Save(string path)
    {
        Internal.Preconditions.NotBlank(path);
        File.WriteAllText(path, ToHtml() + "\n", new UTF8Encoding(false));
    }

    /// <summary>Formats as <c>HtmlReport "title": 63 units</c>, adding <c>, with uncertainty</c> when one is shown.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        "HtmlReport \"" + Title + "\": " + Markup.Int(Result.Units.Length) + " units" + (Uncertainty is null ? string.Empty : ", with uncertainty");

    private static string E(string s) => Markup.Encode(s);

    private static void Figure(StringBuilder sb, SvgChart chart, string caption) =>
        sb.Append("<figure>\n").Append(chart.ToSvg()).Append("\n<figcaption>").Append(E(caption)).Append("</figcaption>\n</figure>\n");

    private void AppendMethodology(StringBuilder sb)
    {
        var m = Result.Methodology;
        sb.Append("<section id=\"methodology\">\n<h2>Methodology</h2>\n<dl class=\"methods\">\n");
        Term(sb, "Normalisation", m.Normaliser.ToString() + " (default for every indicator without its own)");
        Term(sb, "Aggregation", m.Aggregator.ToString() + " (default for every aggregate without its own)");
        Term(sb, "Availability threshold", m.AvailabilityThreshold > 0
            ? Markup.Percent(m.AvailabilityThreshold) + " of an aggregate's children must be present (default)"
            : "none: one present child suffices; missing children are dropped and the weights of the others re-normalised (default)");
        Term(sb, "Ties", m.Ties.ToString().ToLowerInvariant());
        Term(sb, "Framework", m.Framework.ToString());
        sb.Append("</dl>\n<h3>Framework tree</h3>\n<p class=\"note\">Weight relative to the siblings; in brackets the share among the siblings and the effective weight in the index.</p>\n<ul class=\"tree\">\n");
        Node(sb, m.Framework, m.Framework.Root, 0);
        sb.Append("</ul>\n</section>\n");
    }

    private static void Term(StringBuilder sb, string term, string text) =>
        sb.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(text)).Append("</dd>\n");

    private static void Node(StringBuilder sb, Framework fw, FrameworkNode node, int depth)
    {
        var pad = new string(' ', 2 * depth);
        sb.Append(pad).Append("<li><code>").Append(E(node.Code)).Append("</code> ").Append(E(node.Name));
        if (!string.IsNullOrWhiteSpace(node.NameVi))
        {
            sb.Append(" <span lang=\"vi\" xml:lang=\"vi\">(").Append(E(node.NameVi)).Append(")</span>");
        }

        if (node.ParentCode is { } parent)
        {
            var siblings = fw.Children(parent).Sum(n => n.Weight);
            sb.Append(" <span class=\"weight\">w = ").Append(E(node.Weight.ToString("0.###", CultureInfo.InvariantCulture))).Append(" [")
              .Append(E(Markup.Percent(node.Weight / siblings))).Append(", effective ").Append(E(Markup.Percent(fw.EffectiveWeight(node.Code)))).Append("]</span>");
        }

        var extras = new List<string>();
        if (node.IsIndicator)
        {
            var def = node.Indicator!;
            if (def.Direction == Direction.Negative)
            {
                extras.Add("negative direction: lower is better");
            }

            if (!string.IsNullOrWhiteSpace(def.Unit))
            {
                extras.Add(def.Unit);
            }

            if (node.Normaliser is { } n)
            {
                extras.Add("normaliser " + n);
            }
        }
        else
        {
            if (node.Aggregator is { } a)
            {
                extras.Add("aggregator " + a);
            }

            if (node.AvailabilityThreshold is { } t)
            {
                extras.Add("availability threshold " + Markup.Percent(t));
            }

            if (node.AggregateDirection == Direction.Negative)
            {
                extras.Add("negative direction: lower is better");
            }
        }

        if (extras.Count > 0)
        {
            sb.Append(" <span class=\"weight\">(").Append(E(string.Join("; ", extras))).Append(")</span>");
        }

        var children = fw.Children(node.Code).ToList();
        if (children.Count == 0)
        {
            sb.Append("</li>\n");
            return;
        }

        sb.Append('\n').Append(pad).Append("  <ul>\n");
        foreach (var c in children)
        {
            Node(sb, fw, c, depth + 2);
        }

        sb.Append(pad).Append("  </ul>\n").Append(pad).Append("</li>\n");
    }
}
