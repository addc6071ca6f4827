using System.Globalization;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Reporting;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Cli.Explore;

/// <summary>The page's views, built on the library's tables and charts: ranking, tile map, unit panel, heatmap, exports.</summary>
internal static class ExploreViews
{
    /// <summary>The default number of ranking rows the page shows.</summary>
    public const int DefaultLimit = 200;

    /// <summary>
    /// The ranking with the rank change against the nominal run (name <c>explore-ranking</c>): rank, change (positive:
    /// up), code, unit, index score, then each pillar's score; the first <paramref name="limit"/> rows by rank (all when null).
    /// </summary>
    public static Table Ranking(ExploreRun run, string language, int? limit)
    {
        var m = run.Methodology;
        var fw = m.Framework;
        var score = NumberFormat.Fixed(2);
        List<TableColumn> columns =
        [
            TableColumn.Rank("rank", ExploreText.Get(language, "rank")),
            TableColumn.Integer("change", ExploreText.Get(language, "change")),
            TableColumn.Text("unit_code", ExploreText.Get(language, "code")),
            TableColumn.Label("unit_name", ExploreText.Get(language, "unit")),
            TableColumn.Number("score", ExploreText.Get(language, "index"), score),
        ];
        foreach (var p in run.Pillars)
        {
            columns.Add(TableColumn.Number(p + "_score", NodeName(fw[p], language), score));
        }

        var order = run.Order();
        var shown = limit is { } l ? Math.Min(l, order.Length) : order.Length;
        var table = new TableBuilder(IndexName(m, language) + " (" + m.Code + ")", columns, "explore-ranking");
        for (var k = 0; k < shown; k++)
        {
            var i = order[k];
            var change = run.NominalRanks[i] - run.Ranks[i];
            var changeCell = double.IsNaN(change) ? TableCell.Missing
                : TableCell.Number(change).WithDisplay(change > 0 ? "+" + change.ToString("0.##", CultureInfo.InvariantCulture) : change < 0 ? "−" + (-change).ToString("0.##", CultureInfo.InvariantCulture) : "0");
            List<TableCell> cells = [run.Ranks[i], changeCell, run.Units[i].Code, run.Units[i].Name, run.Scores[i]];
            for (var p = 0; p < run.Pillars.Length; p++)
            {
                cells.Add(run.PillarScores[p][i]);
            }

            table.AddClassedRow(change > 0 ? "up" : change < 0 ? "down" : null, [.. cells]);
        }

        var moved = Enumerable.Range(0, order.Length).Count(i => run.NominalRanks[i] != run.Ranks[i]);
        table.AddNote(shown.ToString(CultureInfo.InvariantCulture) + " / " + order.Length.ToString(CultureInfo.InvariantCulture) + "; "
            + moved.ToString(CultureInfo.InvariantCulture) + " " + ExploreText.Get(language, "moved") + "; " + ExploreText.Get(language, "tiesNote") + ": " + m.Ties.ToString().ToLowerInvariant() + ".");
        return table.Build();
    }

    /// <summary>A node's display name in the language (the Vietnamese name when there is one).</summary>
    public static string NodeName(Model.FrameworkNode node, string language) =>
        language == "vi" && !string.IsNullOrWhiteSpace(node.NameVi) ? node.NameVi! : node.Name;

    /// <summary>The index's display name: in Vietnamese, the index node's Vietnamese name when it has one; else the methodology's name.</summary>
    public static string IndexName(Methodology m, string language) =>
        language == "vi" && !string.IsNullOrWhiteSpace(m.Framework[m.Framework.IndexCode].NameVi) ? m.Framework[m.Framework.IndexCode].NameVi! : m.Name;

    /// <summary>True when some unit of the result is a province of 2016 or 2025 (a tile map can be drawn).</summary>
    public static bool HasMap(IndexResult result) =>
        result.Units.Any(u => ProvinceCatalog.Default.TryGet(u.Code, ProvinceGeography.Provinces2016, out _) || ProvinceCatalog.Default.TryGet(u.Code, ProvinceGeography.Provinces2025, out _));

    /// <summary>The tile map coloured by a node, its title, legend and tooltips in the page's language, or null when the units are not provinces.</summary>
    public static string? Map(IndexResult result, string? node, string language) =>
        HasMap(result) ? TileMap.Create(result, node, null, ReportOptions.ForLanguage(language)).ToSvg() : null;

    /// <summary>The unit panel: profile chart, strengths and weaknesses, peers (HTML fragments from the library's tables and charts).</summary>
    public static string UnitPanel(IndexResult result, Model.Dataset dataset, string unitCode, string language)
    {
        var sw = StrengthsAndWeaknesses.For(result, unitCode, dataset: dataset);
        var peers = Peers.Find(result, unitCode);
        return "<figure>" + UnitProfileChart.Create(result, unitCode).ToSvg() + "</figure>\n"
            + "<h3>" + Encode(ExploreText.Get(language, "strengths")) + "</h3>\n" + sw.ToTable().ToHtml() + "\n"
            + "<h3>" + Encode(ExploreText.Get(language, "peers")) + "</h3>\n" + peers.ToTable().ToHtml();
    }

    /// <summary>Encodes text for HTML (<c>&amp; &lt; &gt; " '</c>), leaving Vietnamese letters as they are.</summary>
    public static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>The correlation heatmap of indicators against pillars.</summary>
    public static string Heatmap(IndexResult result) => CorrelationHeatmap.IndicatorsAgainstPillars(result).ToSvg();

    /// <summary>The tables of the xlsx export: the ranking (every row), and the unit panel's tables when a unit is chosen.</summary>
    public static List<Table> WorkbookTables(ExploreRun run, Model.Dataset dataset, string? unitCode, string language)
    {
        var tables = new List<Table> { Ranking(run, language, null) };
        if (unitCode is not null && run.Result is { } result && result.Units.Any(u => u.Code == unitCode))
        {
            tables.Add(StrengthsAndWeaknesses.For(result, unitCode, dataset: dataset).ToTable());
            tables.Add(Peers.Find(result, unitCode).ToTable());
        }

        return tables;
    }
}
