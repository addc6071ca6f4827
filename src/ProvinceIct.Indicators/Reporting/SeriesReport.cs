using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Series;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A one-file report of a series of editions: self-contained HTML (inline CSS and inline SVG; no scripts, no external
/// assets), well-formed XML (XHTML syntax). Sections, each a <c>&lt;section&gt;</c> with a fixed id: <c>editions</c>
/// (year, methodology, geography, units of every edition, and the normalisation), <c>rank-history</c> (the wide rank
/// table and the <see cref="RankHistoryChart"/> of the selected units), <c>maps</c> (the <see cref="SeriesTileMaps"/>
/// when the units are Vietnam's provinces), <c>trends</c> (the <see cref="IndicatorTrendChart"/> of the trend unit when
/// one is given, and the <see cref="IndicatorTrends"/> table from the first to the last edition, folded),
/// <c>published-record</c> (when the charted units are Vietnam's provinces: their published ICT Index and DTI ranks with
/// sources, the published bump charts with gaps for unknown ranks, and each edition whose year matches a published one
/// set against it, see <see cref="PublishedComparison"/>), <c>plausibility</c> (the <see cref="PlausibilityReport"/> flags), and <c>group-ranks</c> (ranks within the group
/// column of the last edition, when its units have one). Deterministic: no date or machine name is written. Immutable.
/// </summary>
public sealed class SeriesReport
{
    /// <summary>The group column whose ranks are shown by default.</summary>
    public const string DefaultGroup = "region";

    private SeriesReport(IndexSeries series, ImmutableArray<string>? units, string? trendUnit, string? groupName, ReportOptions options)
    {
        Series = series;
        Options = options;
        Units = units;
        TrendUnit = trendUnit;
        GroupName = groupName;
    }

    /// <summary>Creates the report.</summary>
    /// <param name="series">The series.</param>
    /// <param name="units">The units of the bump chart (see <see cref="RankHistoryChart.Create(RankHistory, IEnumerable{string}?)"/>); null for the best ranked in the last edition.</param>
    /// <param name="trendUnit">The unit of the indicator trend chart, a code of the last edition's units; null for no trend chart (the trend table is always shown).</param>
    /// <param name="groupName">The group column of the ranks within groups (default <see cref="DefaultGroup"/>); the section says so when no unit of the last edition has it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When <paramref name="trendUnit"/> is in no edition.</exception>
    public static SeriesReport Create(IndexSeries series, IEnumerable<string>? units = null, string? trendUnit = null, string? groupName = DefaultGroup) =>
        Create(series, units, trendUnit, groupName, ReportOptions.Default);

    /// <summary>Creates the report in the language and number format of a culture.</summary>
    /// <param name="series">The series.</param>
    /// <param name="units">The units of the bump chart (see <see cref="RankHistoryChart.Create(RankHistory, IEnumerable{string}?)"/>); null for the best ranked in the last edition.</param>
    /// <param name="trendUnit">The unit of the indicator trend chart, a code of the last edition's units; null for no trend chart (the trend table is always shown).</param>
    /// <param name="groupName">The group column of the ranks within groups (<see cref="DefaultGroup"/> for the regions); the section says so when no unit of the last edition has it; null for no such section.</param>
    /// <param name="options">The culture of the report: with <see cref="ReportOptions.Vietnamese"/> the page is <c>&lt;html lang="vi"&gt;</c>; its headings, sentences, captions, table titles, headers and notes, the charts' titles, legends, axis labels and tooltips and the footer are Vietnamese; indicators and pillars show their Vietnamese names where the framework has one, regions their Vietnamese names; numbers shown to readers have a decimal comma (<c>90,45</c>) and years no group separator (<c>2022</c>). Unit names, codes, methodology names and cited sources stay as in the data.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="series"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When <paramref name="trendUnit"/> is in no edition.</exception>
    public static SeriesReport Create(IndexSeries series, IEnumerable<string>? units, string? trendUnit, string? groupName, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        if (trendUnit is not null && !series.Editions.Any(e => e.Dataset.Units.Any(u => u.Code == trendUnit)))
        {
            throw new KeyNotFoundException("No edition of the series has the unit '" + trendUnit + "'.");
        }

        return new SeriesReport(series, units is null ? null : [.. units], trendUnit, groupName, options);
    }

    /// <summary>The series reported.</summary>
    public IndexSeries Series { get; }

    /// <summary>The culture of the report's texts and numbers (<see cref="ReportOptions.Default"/> unless given).</summary>
    public ReportOptions Options { get; }

    /// <summary>The units of the bump chart, or null for the default selection.</summary>
    public ImmutableArray<string>? Units { get; }

    /// <summary>The unit of the indicator trend chart, or null.</summary>
    public string? TrendUnit { get; }

    /// <summary>The group column of the ranks within groups, or null for none.</summary>
    public string? GroupName { get; }

    /// <summary>The report's title: the last edition's methodology name and the span of years.</summary>
    public string Title => Series.Editions[^1].Methodology.Name + ", " + Span;

    private string Span => Series.Years.Length == 1 ? IndexSeries.Text(Series.Years[0]) : IndexSeries.Text(Series.Years[0]) + "-" + IndexSeries.Text(Series.Years[^1]);

    /// <summary>The whole HTML document.</summary>
    /// <returns>UTF-8-ready text beginning with <c>&lt;!DOCTYPE html&gt;</c>, LF line ends, no trailing newline.</returns>
    public string ToHtml()
    {
        var s = Series;
        var o = Options;
        var sb = HtmlPage.Begin(Title, o.Language);
        sb.Append("<header>\n<h1>").Append(E(Title)).Append("</h1>\n<p class=\"code\">")
          .Append(E(o.T("SeriesReport_Lead", o.Int(s.Editions.Length), o.T(s.Normalisation == SeriesNormalisation.Panel ? "SeriesReport_LeadPanel" : "SeriesReport_LeadPerYear"))))
          .Append("</p>\n");
        // the only disclaimer is the embedded index's, whose text is a resource (the neutral one equals OpenReadiness2016.Disclaimer)
        var disclaimer = s.Editions.Select(e => HtmlPage.DisclaimerFor(e.Methodology)).FirstOrDefault(d => d is not null);
        HtmlPage.Disclaimer(sb, disclaimer is null ? null : o.T("Disclaimer_OpenReadiness2016"), o.T("Disclaimer_Label"));
        sb.Append("</header>\n");

        sb.Append("<section id=\"editions\">\n<h2>").Append(E(o.T("SeriesReport_Editions"))).Append("</h2>\n<table class=\"editions\">\n<thead><tr><th>").Append(E(o.T("SeriesReport_ColYear")))
          .Append("</th><th>").Append(E(o.T("SeriesReport_ColMethodology"))).Append("</th><th>").Append(E(o.T("SeriesReport_ColGeography"))).Append("</th><th class=\"num\">")
          .Append(E(o.T("SeriesReport_ColUnits"))).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var e in s.Editions)
        {
            sb.Append("<tr><th>").Append(IndexSeries.Text(e.Year)).Append("</th><td>").Append(E(e.Methodology.Name)).Append(" (<code>").Append(E(e.Methodology.Code)).Append("</code>)</td><td>")
              .Append(E(o.T(e.Geography == Geography.ProvinceGeography.Provinces2025 ? "SeriesReport_Units34" : "SeriesReport_Provinces63"))).Append("</td><td class=\"num\">")
              .Append(o.Int(e.Dataset.UnitCount)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");

        var history = s.RankHistory();
        var framework = s.Editions[^1].Methodology.Framework;
        var nodeName = o.IsVietnamese && framework.Contains(history.NodeCode) ? o.NodeName(framework[history.NodeCode]) : null;
        sb.Append("<section id=\"rank-history\">\n<h2>").Append(E(o.T("SeriesReport_RankHistory"))).Append("</h2>\n");
        HtmlPage.Figure(sb, RankHistoryChart.Create(history, Units, UnknownRankDrawing.Bridge, o, nodeName),
            o.T("SeriesReport_RankCaption") + (Units is null ? o.T("SeriesReport_RankCaptionBest", o.Int(RankHistoryChart.DefaultUnitCount), IndexSeries.Text(s.Years[^1])) : string.Empty)
            + o.T(s.CrossesReorganisation ? "SeriesReport_RankCaptionLinks" : "SeriesReport_CaptionEnd"));
        sb.Append(SeriesTables.WideRanks(history, o).ToHtml()).Append('\n');
        sb.Append("</section>\n");

        sb.Append("<section id=\"maps\">\n<h2>").Append(E(o.T("SeriesReport_Maps"))).Append("</h2>\n");
        if (s.Results.Any(r => TileMap.MatchCount(r, TileMap.Infer(r)) > 0))
        {
            HtmlPage.Figure(sb, SeriesTileMaps.Create(s, null, o), o.T(s.Normalisation == SeriesNormalisation.Panel ? "SeriesReport_MapsCaptionPanel" : "SeriesReport_MapsCaptionPerYear"));
        }
        else
        {
            sb.Append("<p class=\"note\">").Append(o.T("SeriesReport_NoMaps")).Append("</p>\n");
        }

        sb.Append("</section>\n");

        var trends = IndicatorTrends.Compute(s);
        sb.Append("<section id=\"trends\">\n<h2>").Append(E(o.T("SeriesReport_Trends"))).Append("</h2>\n");
        if (TrendUnit is { } unit)
        {
            HtmlPage.Figure(sb, IndicatorTrendChart.Create(s, unit, null, o), o.T("SeriesReport_TrendsCaption"));
        }
        else
        {
            sb.Append("<p class=\"note\">").Append(E(o.T("SeriesReport_NoTrendChart"))).Append("</p>\n");
        }

        sb.Append("<details>\n<summary>").Append(E(o.T("SeriesReport_TrendsSummary", IndexSeries.Text(trends.FromYear) + "-" + IndexSeries.Text(trends.ToYear))))
          .Append("</summary>\n").Append(SeriesTables.Trends(trends, o).ToHtml()).Append("\n</details>\n</section>\n");

        AppendPublishedRecord(sb, history);

        var checks = PlausibilityReport.Check(s);
        sb.Append("<section id=\"plausibility\">\n<h2>").Append(E(o.T("SeriesReport_Plausibility"))).Append("</h2>\n");
        sb.Append(checks.Flags.IsEmpty ? "<p>" + E(o.T("SeriesReport_NoFlag")) + "</p>\n" : SeriesTables.Plausibility(checks, o).ToHtml() + "\n");
        sb.Append("</section>\n");

        if (GroupName is { } g)
        {
            var last = s.Result(s.Years[^1]);
            sb.Append("<section id=\"group-ranks\">\n<h2>").Append(o.T("SeriesReport_GroupRanks", E(o.GroupName(g)), IndexSeries.Text(s.Years[^1]))).Append("</h2>\n");
            if (last.Units.Any(u => u.Group(g) is not null))
            {
                sb.Append(SeriesTables.GroupRanks(GroupRanks.Compute(last, g), o).ToHtml()).Append('\n');
            }
            else
            {
                sb.Append("<p class=\"note\">").Append(o.T("SeriesReport_NoGroup", E(o.GroupName(g)))).Append("</p>\n");
            }

            sb.Append("</section>\n");
        }

        return HtmlPage.End(sb, o.T("SeriesReport_Footer"));
    }

    /// <summary>Writes the report to a file as UTF-8 without a byte-order mark, with a final newline.</summary>
    /// <param name="path">The file path; an existing file is replaced only once the new content is complete and flushed to disk (written to a temporary file in the same folder, then renamed over it), so a failure leaves it exactly as it was and no temporary file behind.</param>
    /// <exception cref="ArgumentException">When <paramref name="path"/> is blank.</exception>
    /// <exception cref="IOException">When the file cannot be written; the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public void Save(string path) => HtmlPage.Save(path, ToHtml());

    /// <summary>Formats as <c>SeriesReport "title": 2 editions</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SeriesReport \"{Title}\": {Series.Editions.Length} editions");

    /// <summary>
    /// The section <c>published-record</c>: the published ranks of the charted units that are Vietnam's provinces (by GSO
    /// code and name), the bump chart of the published record with gaps where a rank is unknown, and for each edition
    /// whose year and geography match a published edition, our result set against it (<see cref="PublishedComparison"/>).
    /// </summary>
    private void AppendPublishedRecord(StringBuilder sb, RankHistory history)
    {
        var o = Options;
        sb.Append("<section id=\"published-record\">\n<h2>").Append(E(o.T("SeriesReport_Published"))).Append("</h2>\n");
        var catalog = ProvinceCatalog.Default;
        var provinces = new List<Province>();
        foreach (var (geography, code) in RankHistoryChart.Select(history, Units))
        {
            var name = history.Entries.Last(e => e.Geography == geography && e.UnitCode == code).UnitName;
            if (catalog.TryGet(code, geography, out var p) && catalog.TryMatch(name, geography, out var q) && q.Code == p.Code && !provinces.Contains(p))
            {
                provinces.Add(p);
            }
        }

        if (provinces.Count == 0)
        {
            sb.Append("<p class=\"note\">").Append(o.T("SeriesReport_NoPublished")).Append("</p>\n</section>\n");
            return;
        }

        var published = PublishedResults.Default;
        sb.Append("<p>").Append(o.T("SeriesReport_PublishedIntro")).Append("</p>\n");
        sb.Append(SeriesTables.Published(published, provinces, o).ToHtml()).Append('\n');
        foreach (var index in new[] { PublishedIndex.IctIndex, PublishedIndex.Dti })
        {
            var record = published.RankHistory(index);
            var codes = provinces.Where(p => record.Entries.Any(e => e.Geography == p.Geography && e.UnitCode == p.Code && !double.IsNaN(e.Rank))).Select(p => p.Code).ToList();
            if (codes.Count > 0)
            {
                HtmlPage.Figure(sb, RankHistoryChart.Create(record, codes, UnknownRankDrawing.Gap, o),
                    o.T("SeriesReport_PublishedCaption", index == PublishedIndex.Dti ? "DTI" : "Vietnam ICT Index")
                    + o.T(index == PublishedIndex.IctIndex ? "SeriesReport_PublishedCaptionSystems" : "SeriesReport_CaptionEnd"));
            }
        }

        foreach (var edition in Series.Editions)
        {
            foreach (var pe in published.Editions.Where(x => x.Year == edition.Year && x.Geography == edition.Geography))
            {
                var comparison = PublishedComparison.Compare(pe, Series.Result(edition.Year));
                sb.Append("<h3>").Append(E(SeriesTables.ComparisonTitle(comparison, o))).Append("</h3>\n<p class=\"note\">")
                  .Append(E(SeriesTables.MethodologyNote(comparison, o))).Append("</p>\n<p>").Append(E(SeriesTables.Summary(comparison, o))).Append("</p>\n<details>\n<summary>")
                  .Append(E(o.T("SeriesReport_EveryUnit"))).Append("</summary>\n").Append(SeriesTables.Comparison(comparison, o).ToHtml()).Append("\n</details>\n");
            }
        }

        sb.Append("</section>\n");
    }

    /// <summary>Encodes text from the data. The text resources are trusted markup-free text (some hold an apostrophe that the English report has always written as it is), so a sentence from the resources is written as it is and only the data put into it is encoded.</summary>
    private static string E(string s) => HtmlPage.E(s);
}
