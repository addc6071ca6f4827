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

    private SeriesReport(IndexSeries series, ImmutableArray<string>? units, string? trendUnit, string? groupName)
    {
        Series = series;
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
    public static SeriesReport Create(IndexSeries series, IEnumerable<string>? units = null, string? trendUnit = null, string? groupName = DefaultGroup)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (trendUnit is not null && !series.Editions.Any(e => e.Dataset.Units.Any(u => u.Code == trendUnit)))
        {
            throw new KeyNotFoundException("No edition of the series has the unit '" + trendUnit + "'.");
        }

        return new SeriesReport(series, units is null ? null : [.. units], trendUnit, groupName);
    }

    /// <summary>The series reported.</summary>
    public IndexSeries Series { get; }

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
        var sb = HtmlPage.Begin(Title);
        sb.Append("<header>\n<h1>").Append(E(Title)).Append("</h1>\n<p class=\"code\">A series of ").Append(Markup.Int(s.Editions.Length)).Append(" editions; ")
          .Append(s.Normalisation == SeriesNormalisation.Panel ? "normalised over the panel (scores compare across years)" : "normalised per year (ranks compare across years, scores do not)")
          .Append("</p>\n");
        HtmlPage.Disclaimer(sb, s.Editions.Select(e => HtmlPage.DisclaimerFor(e.Methodology)).FirstOrDefault(d => d is not null));
        sb.Append("</header>\n");

        sb.Append("<section id=\"editions\">\n<h2>Editions</h2>\n<table class=\"editions\">\n<thead><tr><th>Year</th><th>Methodology</th><th>Geography</th><th class=\"num\">Units</th></tr></thead>\n<tbody>\n");
        foreach (var e in s.Editions)
        {
            sb.Append("<tr><th>").Append(IndexSeries.Text(e.Year)).Append("</th><td>").Append(E(e.Methodology.Name)).Append(" (<code>").Append(E(e.Methodology.Code)).Append("</code>)</td><td>")
              .Append(e.Geography == Geography.ProvinceGeography.Provinces2025 ? "34 units (from 1 July 2025)" : "63 provinces").Append("</td><td class=\"num\">")
              .Append(Markup.Int(e.Dataset.UnitCount)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");

        var history = s.RankHistory();
        sb.Append("<section id=\"rank-history\">\n<h2>Rank history</h2>\n");
        HtmlPage.Figure(sb, RankHistoryChart.Create(history, Units),
            "Rank in each edition, 1 at the top" + (Units is null ? ", of the " + Markup.Int(RankHistoryChart.DefaultUnitCount) + " best ranked units in " + IndexSeries.Text(s.Years[^1]) : string.Empty)
            + (s.CrossesReorganisation ? "; a dashed link joins each of the 63 provinces to the 2025 unit it became part of." : "."));
        sb.Append(history.ToWideTable().ToHtml()).Append('\n');
        sb.Append("</section>\n");

        sb.Append("<section id=\"maps\">\n<h2>Maps by edition</h2>\n");
        if (s.Results.Any(r => TileMap.MatchCount(r, TileMap.Infer(r)) > 0))
        {
            HtmlPage.Figure(sb, SeriesTileMaps.Create(s), s.Normalisation == SeriesNormalisation.Panel
                ? "One tile map per edition, in its geography; normalised over the panel, so every map shares one colour scale from the lowest (dark) to the highest (light) index score of any edition; hatched grey = no data."
                : "One tile map per edition, in its geography; each map on its own colour scale from the lowest (dark) to the highest (light) index score; hatched grey = no data.");
        }
        else
        {
            sb.Append("<p class=\"note\">No maps: the units are not Vietnam's provinces (by GSO code and name).</p>\n");
        }

        sb.Append("</section>\n");

        var trends = IndicatorTrends.Compute(s);
        sb.Append("<section id=\"trends\">\n<h2>Indicator trends</h2>\n");
        if (TrendUnit is { } unit)
        {
            HtmlPage.Figure(sb, IndicatorTrendChart.Create(s, unit), "Raw value of each indicator for the unit (solid) and the median of all units (dashed), by edition.");
        }
        else
        {
            sb.Append("<p class=\"note\">No trend chart: no unit was chosen (ictindex series --unit CODE).</p>\n");
        }

        sb.Append("<details>\n<summary>Change, percent change and CAGR per unit and indicator, ").Append(IndexSeries.Text(trends.FromYear)).Append('-').Append(IndexSeries.Text(trends.ToYear))
          .Append("</summary>\n").Append(trends.ToTable().ToHtml()).Append("\n</details>\n</section>\n");

        AppendPublishedRecord(sb, history);

        var checks = PlausibilityReport.Check(s);
        sb.Append("<section id=\"plausibility\">\n<h2>Plausibility flags</h2>\n");
        sb.Append(checks.Flags.IsEmpty ? "<p>No value flagged.</p>\n" : checks.ToTable().ToHtml() + "\n");
        sb.Append("</section>\n");

        if (GroupName is { } g)
        {
            var last = s.Result(s.Years[^1]);
            sb.Append("<section id=\"group-ranks\">\n<h2>Ranks within ").Append(E(g)).Append(", ").Append(IndexSeries.Text(s.Years[^1])).Append("</h2>\n");
            if (last.Units.Any(u => u.Group(g) is not null))
            {
                sb.Append(GroupRanks.Compute(last, g).ToTable().ToHtml()).Append('\n');
            }
            else
            {
                sb.Append("<p class=\"note\">No unit of the last edition has a value in the group column '").Append(E(g)).Append("'.</p>\n");
            }

            sb.Append("</section>\n");
        }

        return HtmlPage.End(sb, "Generated by ProvinceIct.Indicators. Scores are shown to 2 decimals; the CSV and JSON exports keep full precision.");
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
        sb.Append("<section id=\"published-record\">\n<h2>Published record</h2>\n");
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
            sb.Append("<p class=\"note\">No published record: the charted units are not Vietnam's provinces (by GSO code and name).</p>\n</section>\n");
            return;
        }

        var published = PublishedResults.Default;
        sb.Append("<p>The Vietnam ICT Index and DTI ranks published for the charted units, edition by edition, with the source of every figure. The record is partial: a rank that was not published is unknown and is never interpolated.</p>\n");
        sb.Append(published.ToTable(provinces).ToHtml()).Append('\n');
        foreach (var index in new[] { PublishedIndex.IctIndex, PublishedIndex.Dti })
        {
            var record = published.RankHistory(index);
            var codes = provinces.Where(p => record.Entries.Any(e => e.Geography == p.Geography && e.UnitCode == p.Code && !double.IsNaN(e.Rank))).Select(p => p.Code).ToList();
            if (codes.Count > 0)
            {
                HtmlPage.Figure(sb, RankHistoryChart.Create(record, codes, UnknownRankDrawing.Gap),
                    "Published " + (index == PublishedIndex.Dti ? "DTI" : "Vietnam ICT Index") + " ranks of the charted units; a gap is an edition whose rank was not published"
                    + (index == PublishedIndex.IctIndex ? "; the ICT Index changed its components in 2016, so ranks before and after are two systems." : "."));
            }
        }

        foreach (var edition in Series.Editions)
        {
            foreach (var pe in published.Editions.Where(x => x.Year == edition.Year && x.Geography == edition.Geography))
            {
                var comparison = PublishedComparison.Compare(pe, Series.Result(edition.Year));
                sb.Append("<h3>").Append(E(pe.Title)).Append(" as published and ").Append(E(comparison.ComputedCode)).Append(" as computed</h3>\n<p class=\"note\">")
                  .Append(E(comparison.MethodologyNote)).Append("</p>\n<p>").Append(E(comparison.Summary)).Append("</p>\n<details>\n<summary>Every unit of either side</summary>\n")
                  .Append(comparison.ToTable().ToHtml()).Append("\n</details>\n");
            }
        }

        sb.Append("</section>\n");
    }

    private static string E(string s) => HtmlPage.E(s);
}
