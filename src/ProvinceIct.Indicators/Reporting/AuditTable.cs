using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Internal;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A statistical audit (<see cref="AuditReport"/>) as tables: the findings (every flag in plain language), the raw
/// indicators' statistics and flags, the internal consistency of every aggregate (Cronbach's alpha and the first
/// principal component), the leave-one-out rank shifts and the added value of the index over its pillars. Shown: raw
/// statistics to 4 significant digits, skewness and kurtosis to 2 decimals, alpha to 3 decimals, shares as percentages
/// to 1 decimal, shifts to 2 decimals, "-" when missing (NaN). The CSV form is one long table
/// <c>section,code,measure,value</c> at full precision. Immutable.
/// </summary>
[ProvinceIct.Indicators.Internal.TypeFormatterSource(typeof(ProvinceIct.Indicators.Internal.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class AuditTable
{
    private static readonly string[] CsvHeader = ["section", "code", "measure", "value"];

    private AuditTable(AuditReport audit) => Audit = audit;

    /// <summary>The audit shown.</summary>
    public AuditReport Audit { get; }

    /// <summary>Builds the tables of an audit.</summary>
    /// <param name="audit">The audit.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="audit"/> is null.</exception>
    public static AuditTable From(AuditReport audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return new AuditTable(audit);
    }

    /// <summary>The heading: the index audited, with its units and indicators.</summary>
    public string Title =>
        "Statistical audit of " + Audit.Result.Methodology.Name + ": " + Markup.Int(Audit.Result.Units.Length) + " units, "
        + Markup.Int(Audit.Result.Methodology.Framework.Indicators.Length) + " indicators, " + Markup.Int(Audit.Findings.Length) + " findings";

    private static readonly NumberFormat OneDecimal = NumberFormat.Fixed(1);

    /// <summary>
    /// The audit's four tables: raw indicator statistics and flags, consistency (Cronbach's alpha and the first
    /// principal component per aggregate), leave-one-out and added value, as every result's <c>ToTables()</c> gives
    /// them. Flagged rows have the class <c>flagged</c>. The findings are not a table: see <see cref="AuditReport.Findings"/>.
    /// </summary>
    /// <returns>The tables, in the order shown.</returns>
    public ImmutableArray<Table> ToTables() => [.. Sections().Select(s => s.Table)];

    /// <summary>The tables keyed by their CSV section: <c>statistics</c>, <c>consistency</c>, <c>leave_one_out</c>, <c>added_value</c>.</summary>
    private ImmutableArray<(string Key, Table Table)> Sections()
    {
        var a = Audit;
        var stats = new TableBuilder("Indicator statistics (raw data)",
        [
            TableColumn.Label("indicator", "Indicator"),
            TableColumn.Percent("availability", "Available", OneDecimal),
            TableColumn.Number("min", "Min"),
            TableColumn.Number("median", "Median"),
            TableColumn.Number("max", "Max"),
            TableColumn.Number("mean", "Mean"),
            TableColumn.Number("sd", "SD"),
            TableColumn.Number("skewness", "Skewness", NumberFormat.Fixed(2)),
            TableColumn.Number("kurtosis", "Kurtosis", NumberFormat.Fixed(2)),
            TableColumn.Percent("zero_share", "Zeros", OneDecimal),
            TableColumn.Text("flags", "Flags"),
        ], "audit-statistics");
        foreach (var s in a.Statistics.Rows)
        {
            var flags = new List<string>();
            if (s.LowAvailability)
            {
                flags.Add("low availability");
            }

            if (s.FailsSkewKurtosis)
            {
                flags.Add("skewed, heavy tails");
            }

            if (s.HighZeroShare)
            {
                flags.Add("many zeros");
            }

            if (!s.CollinearWith.IsEmpty)
            {
                flags.Add("collinear with " + string.Join(", ", s.CollinearWith));
            }

            stats.AddClassedRow(s.IsFlagged ? "flagged" : null, s.IndicatorCode, s.Availability, s.Min, s.Median, s.Max, s.Mean, s.StandardDeviation, s.Skewness,
                s.Kurtosis, s.ZeroShare, string.Join("; ", flags));
        }

        var partial = a.Coverage.Where(c => c.Missing > 0).ToArray();
        stats.AddNote("Units missing an indicator: " + (partial.Length == 0 ? "none." : string.Join(", ", partial.Select(c => c.Unit + " (" + Markup.Int(c.Missing) + ")")) + "."));

        var consistency = new TableBuilder("Internal consistency of each aggregate's children",
        [
            TableColumn.Label("node", "Aggregate"),
            TableColumn.Integer("children", "Children"),
            TableColumn.Integer("complete_rows", "Complete rows"),
            TableColumn.Number("alpha", "Cronbach's alpha", NumberFormat.Fixed(3)),
            TableColumn.Percent("pca_first_share", "First component", OneDecimal),
            TableColumn.Integer("eigenvalues_above_1", "Eigenvalues > 1"),
        ], "audit-consistency");
        foreach (var alpha in a.Alphas)
        {
            var pca = a.Pca.FirstOrDefault(p => p.NodeCode == alpha.NodeCode);
            consistency.AddClassedRow(alpha.Alpha < AuditReport.AlphaThreshold ? "flagged" : null, alpha.NodeCode, alpha.ItemCount, alpha.CompleteRows,
                alpha.Alpha, pca is null ? TableCell.Missing : pca.VarianceExplained[0], pca is null ? TableCell.Missing : pca.Eigenvalues.Count(e => e > 1));
        }

        consistency.AddNote("Alpha below " + Markup.Format(AuditReport.AlphaThreshold, "0.0") + " or more than one eigenvalue above 1 suggests the children do not measure one thing.");

        var loo = new TableBuilder("Leave one out: rank shifts when a component is removed",
        [
            TableColumn.Label("node", "Removed"),
            TableColumn.Integer("level", "Level"),
            TableColumn.Number("mean_abs_shift", "Mean |shift|", NumberFormat.Fixed(2)),
            TableColumn.Rank("max_abs_shift", "Max |shift|"),
        ], "audit-leave-one-out");
        foreach (var r in a.LeaveOneOut.Rows)
        {
            loo.AddRow(r.RemovedCode, r.Level, r.MeanAbsoluteShift, r.MaxAbsoluteShift);
        }

        var added = new TableBuilder("Added value of the index: units whose index rank differs from the pillar rank by " + Markup.Rank(a.AddedValue.Threshold) + " or more",
        [
            TableColumn.Label("node", "Pillar"),
            TableColumn.Integer("units_compared", "Units compared"),
            TableColumn.Integer("units_differing", "Units differing"),
            TableColumn.Percent("share", "Share", OneDecimal),
        ], "audit-added-value");
        foreach (var r in a.AddedValue.Rows)
        {
            added.AddRow(r.NodeCode, r.UnitsCompared, r.UnitsDiffering, r.Share);
        }

        return [("statistics", stats.Build()), ("consistency", consistency.Build()), ("leave_one_out", loo.Build()), ("added_value", added.Build())];
    }

    /// <summary>Aligned text: the heading, the findings as a list, then each table (diacritics-aware widths).</summary>
    /// <returns>The text, LF line ends, no trailing newline.</returns>
    public string ToText()
    {
        var sb = new StringBuilder(Title).Append("\n\nFindings\n");
        sb.Append(Audit.Findings.IsEmpty ? "No flags were raised.\n" : string.Concat(Audit.Findings.Select(f => "- " + f + "\n")));
        foreach (var table in ToTables())
        {
            sb.Append('\n');
            TextTableRenderer.Append(sb, table, TableRenderOptions.Default);
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Markdown: the heading (level 2), the findings as a list, then each table under a level-3 heading.</summary>
    /// <returns>The Markdown text, no trailing newline.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var sb = new StringBuilder("## ").Append(MarkdownText.Text(Title)).Append("\n\n### Findings\n\n");
        sb.Append(Audit.Findings.IsEmpty ? "No flags were raised.\n" : string.Concat(Audit.Findings.Select(f => "- " + MarkdownText.Sentence(f) + "\n")));
        foreach (var table in ToTables())
        {
            sb.Append('\n');
            MarkdownTableRenderer.Append(sb, table, TableRenderOptions.Default, "### ");
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// One long CSV table (RFC 4180, invariant culture, round-trip precision, NaN as an empty cell):
    /// <c>section,code,measure,value</c>. Findings are rows <c>findings,{n},text,{sentence}</c> (n from 1); every other
    /// table cell is a row <c>{section},{row code},{column},{value}</c> with the sections <c>statistics</c>,
    /// <c>consistency</c>, <c>leave_one_out</c> and <c>added_value</c> and the columns named as in their CSV headers
    /// (for example <c>statistics,internet_pct,skewness,1.93</c>).
    /// </summary>
    /// <returns>The CSV text, LF line ends.</returns>
    /// <param name="injection">What to do with text cells a spreadsheet would run as formulas (default <see cref="CsvInjectionPolicy.Neutralise"/>: a leading apostrophe, the cell quoted; numbers are never changed).</param>
    public string ToCsv(CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        var records = new List<IReadOnlyList<string>> { CsvHeader };
        records.AddRange(Audit.Findings.Select((f, i) => (IReadOnlyList<string>)["findings", Markup.Int(i + 1), "text", f]));
        foreach (var (key, table) in Sections())
        {
            var rows = DelimitedTableRenderer.Records(table).ToList();
            var header = rows[0];
            foreach (var row in rows.Skip(1))
            {
                for (var c = 1; c < header.Count; c++)
                {
                    records.Add([key, row[0], header[c], row[c]]);
                }
            }
        }

        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, records, injection: injection);
        return w.ToString();
    }

    /// <summary>
    /// An HTML fragment (well-formed XML): a <c>&lt;div class="audit"&gt;</c> holding the findings as a list (codes in
    /// <c>&lt;code&gt;</c>) and each table (flagged rows have class <c>flagged</c>). Every text is encoded.
    /// </summary>
    /// <returns>The markup, LF line ends.</returns>
    public string ToHtml()
    {
        var sb = new StringBuilder("<div class=\"audit\">\n");
        AppendFindingsHtml(sb, Audit.Findings);
        foreach (var table in ToTables())
        {
            sb.Append('\n');
            HtmlTableRenderer.AppendTable(sb, table, TableRenderOptions.Default);
        }

        return sb.Append("\n</div>").ToString();
    }

    /// <summary>The findings as <c>&lt;ul class="findings"&gt;</c> (or a paragraph when there are none), codes in <c>&lt;code&gt;</c>.</summary>
    internal static void AppendFindingsHtml(StringBuilder sb, IReadOnlyCollection<string> findings)
    {
        if (findings.Count == 0)
        {
            sb.Append("<p class=\"findings\">No flags were raised.</p>");
            return;
        }

        sb.Append("<ul class=\"findings\">\n");
        foreach (var f in findings)
        {
            sb.Append("<li>").Append(Markup.InlineCode(f)).Append("</li>\n");
        }

        sb.Append("</ul>");
    }

    /// <summary>The text form.</summary>
    /// <returns>The same as <see cref="ToText"/>.</returns>
    public override string ToString() => ToText();
}
