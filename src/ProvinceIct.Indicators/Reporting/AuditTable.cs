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

    private AuditTable(AuditReport audit, ReportOptions options)
    {
        Audit = audit;
        Options = options;
    }

    /// <summary>The audit shown.</summary>
    public AuditReport Audit { get; }

    /// <summary>The culture of the texts (<see cref="ReportOptions.Default"/> unless given).</summary>
    public ReportOptions Options { get; }

    /// <summary>Builds the tables of an audit.</summary>
    /// <param name="audit">The audit.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="audit"/> is null.</exception>
    public static AuditTable From(AuditReport audit) => From(audit, ReportOptions.Default);

    /// <summary>Builds the tables of an audit in a culture.</summary>
    /// <param name="audit">The audit.</param>
    /// <param name="options">
    /// The culture of the texts: with <see cref="ReportOptions.Vietnamese"/> the heading, the findings
    /// (<see cref="AuditReport.FindingsIn"/>), the table titles, column headers, flags and notes are Vietnamese; codes,
    /// names and the numbers in the table cells stay as given (invariant). The CSV form keeps its English section,
    /// code and column keys (its findings and flags are in the culture's language).
    /// </param>
    /// <returns>The tables.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="audit"/> or <paramref name="options"/> is null.</exception>
    public static AuditTable From(AuditReport audit, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(options);
        return new AuditTable(audit, options);
    }

    private ImmutableArray<string> Findings => Audit.FindingsIn(Options.Culture);

    /// <summary>The heading: the index audited, with its units and indicators.</summary>
    public string Title =>
        Options.T("AuditTable_Title", Audit.Result.Methodology.Name, Options.Int(Audit.Result.Units.Length),
            Options.Int(Audit.Result.Methodology.Framework.Indicators.Length), Options.Int(Audit.Findings.Length));

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
        var o = Options;
        var stats = new TableBuilder(o.T("AuditTable_Statistics"),
        [
            TableColumn.Label("indicator", o.T("AuditCol_Indicator")),
            TableColumn.Percent("availability", o.T("AuditCol_Available"), OneDecimal),
            TableColumn.Number("min", o.T("AuditCol_Min")),
            TableColumn.Number("median", o.T("AuditCol_Median")),
            TableColumn.Number("max", o.T("AuditCol_Max")),
            TableColumn.Number("mean", o.T("AuditCol_Mean")),
            TableColumn.Number("sd", o.T("AuditCol_Sd")),
            TableColumn.Number("skewness", o.T("AuditCol_Skewness"), NumberFormat.Fixed(2)),
            TableColumn.Number("kurtosis", o.T("AuditCol_Kurtosis"), NumberFormat.Fixed(2)),
            TableColumn.Percent("zero_share", o.T("AuditCol_Zeros"), OneDecimal),
            TableColumn.Text("flags", o.T("AuditCol_Flags")),
        ], "audit-statistics");
        foreach (var s in a.Statistics.Rows)
        {
            var flags = new List<string>();
            if (s.LowAvailability)
            {
                flags.Add(o.T("AuditFlag_LowAvailability"));
            }

            if (s.FailsSkewKurtosis)
            {
                flags.Add(o.T("AuditFlag_Skewed"));
            }

            if (s.HighZeroShare)
            {
                flags.Add(o.T("AuditFlag_Zeros"));
            }

            if (!s.CollinearWith.IsEmpty)
            {
                flags.Add(o.T("AuditFlag_Collinear", string.Join(", ", s.CollinearWith)));
            }

            stats.AddClassedRow(s.IsFlagged ? "flagged" : null, s.IndicatorCode, s.Availability, s.Min, s.Median, s.Max, s.Mean, s.StandardDeviation, s.Skewness,
                s.Kurtosis, s.ZeroShare, string.Join("; ", flags));
        }

        var partial = a.Coverage.Where(c => c.Missing > 0).ToArray();
        stats.AddNote(o.T("AuditTable_MissingNote", partial.Length == 0 ? o.T("AuditTable_None") : string.Join(", ", partial.Select(c => c.Unit + " (" + o.Int(c.Missing) + ")"))));

        var consistency = new TableBuilder(o.T("AuditTable_Consistency"),
        [
            TableColumn.Label("node", o.T("AuditCol_Aggregate")),
            TableColumn.Integer("children", o.T("AuditCol_Children")),
            TableColumn.Integer("complete_rows", o.T("AuditCol_CompleteRows")),
            TableColumn.Number("alpha", o.T("AuditCol_Alpha"), NumberFormat.Fixed(3)),
            TableColumn.Percent("pca_first_share", o.T("AuditCol_FirstComponent"), OneDecimal),
            TableColumn.Integer("eigenvalues_above_1", o.T("AuditCol_Eigenvalues")),
        ], "audit-consistency");
        foreach (var alpha in a.Alphas)
        {
            var pca = a.Pca.FirstOrDefault(p => p.NodeCode == alpha.NodeCode);
            consistency.AddClassedRow(alpha.Alpha < AuditReport.AlphaThreshold ? "flagged" : null, alpha.NodeCode, alpha.ItemCount, alpha.CompleteRows,
                alpha.Alpha, pca is null ? TableCell.Missing : pca.VarianceExplained[0], pca is null ? TableCell.Missing : pca.Eigenvalues.Count(e => e > 1));
        }

        consistency.AddNote(o.T("AuditTable_ConsistencyNote", AuditReport.AlphaThreshold.ToString("0.0", o.Culture)));

        var loo = new TableBuilder(o.T("AuditTable_LeaveOneOut"),
        [
            TableColumn.Label("node", o.T("AuditCol_Removed")),
            TableColumn.Integer("level", o.T("AuditCol_Level")),
            TableColumn.Number("mean_abs_shift", o.T("AuditCol_MeanShift"), NumberFormat.Fixed(2)),
            TableColumn.Rank("max_abs_shift", o.T("AuditCol_MaxShift")),
        ], "audit-leave-one-out");
        foreach (var r in a.LeaveOneOut.Rows)
        {
            loo.AddRow(r.RemovedCode, r.Level, r.MeanAbsoluteShift, r.MaxAbsoluteShift);
        }

        var added = new TableBuilder(o.T("AuditTable_AddedValue", o.Rank(a.AddedValue.Threshold)),
        [
            TableColumn.Label("node", o.T("AuditCol_Pillar")),
            TableColumn.Integer("units_compared", o.T("AuditCol_UnitsCompared")),
            TableColumn.Integer("units_differing", o.T("AuditCol_UnitsDiffering")),
            TableColumn.Percent("share", o.T("AuditCol_Share"), OneDecimal),
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
        var findings = Findings;
        var sb = new StringBuilder(Title).Append("\n\n").Append(Options.T("AuditTable_Findings")).Append('\n');
        sb.Append(findings.IsEmpty ? Options.T("Audit_NoFlags") + "\n" : string.Concat(findings.Select(f => "- " + f + "\n")));
        foreach (var table in ToTables())
        {
            sb.Append('\n');
            TextTableRenderer.Append(sb, table, Options.TableOptions);
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Markdown: the heading (level 2), the findings as a list, then each table under a level-3 heading.</summary>
    /// <returns>The Markdown text, no trailing newline.</returns>
    /// <remarks>Every user-supplied text (unit, indicator and node names and codes, group labels, index names and descriptions) is escaped: raw HTML shows as text (<c>&amp;lt;</c>), and no table pipe, emphasis, link or line break can come from it.</remarks>
    public string ToMarkdown()
    {
        var findings = Findings;
        var sb = new StringBuilder("## ").Append(MarkdownText.Text(Title)).Append("\n\n### ").Append(Options.T("AuditTable_Findings")).Append("\n\n");
        sb.Append(findings.IsEmpty ? Options.T("Audit_NoFlags") + "\n" : string.Concat(findings.Select(f => "- " + MarkdownText.Sentence(f) + "\n")));
        foreach (var table in ToTables())
        {
            sb.Append('\n');
            MarkdownTableRenderer.Append(sb, table, Options.TableOptions, "### ");
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The audit as a Markdown document in the culture of <see cref="Options"/>. With English (the invariant
    /// culture or any culture without texts of its own) this is exactly <see cref="AuditReport.ToMarkdown()"/>. In Vietnamese
    /// (<see cref="ReportOptions.Vietnamese"/>) the document is shorter and entirely Vietnamese: the title
    /// (<c># Kiểm định thống kê: ...</c>), the description (its disclaimer translated), the counts, a summary
    /// (<c>## Tóm tắt</c>: every finding of <see cref="AuditReport.FindingsIn"/>, the largest leave-one-out shift and the added
    /// value in words), then the four tables of <see cref="ToTables"/> in Vietnamese (indicator statistics
    /// and flags, internal consistency, leave one out, added value) and, with an uncertainty analysis, its summary and
    /// findings (<c>## Độ bất định</c>). The per-unit coverage, the correlation matrix and the principal-component
    /// table are in the English document and in the CSV and workbook forms. Codes and names in the tables stay
    /// as in the English tables; numbers in the tables and in sentences use the culture (<c>2,31</c>).
    /// </summary>
    /// <returns>The Markdown text (LF, no trailing newline).</returns>
    /// <remarks>Every user-supplied text is escaped as in <see cref="AuditReport.ToMarkdown()"/>.</remarks>
    public string ToMarkdownDocument()
    {
        var options = Options;
        var a0 = Audit;
        if (!options.IsVietnamese)
        {
            return a0.ToMarkdown();
        }

        var c = options.Culture;
        var m = a0.Result.Methodology;
        var fw = m.Framework;
        var findings = a0.FindingsIn(c);
        var sb = new StringBuilder("# ").Append(AuditReport.Txt(c, "AuditMd_Title", MarkdownText.Text(m.Name))).Append("\n\n");
        var description = options.Description(m);
        if (!string.IsNullOrWhiteSpace(description))
        {
            sb.Append(MarkdownText.Text(description)).Append("\n\n");
        }

        sb.Append(AuditReport.Txt(c, "AuditMd_Counts", AuditReport.IntIn(a0.Result.Units.Length, c), AuditReport.IntIn(fw.Indicators.Length, c), AuditReport.IntIn(fw.Aggregates.Length, c), AuditReport.IntIn(fw.MaxLevel, c)))
            .Append("\n\n## ").Append(AuditReport.Txt(c, "AuditMd_Summary")).Append("\n\n");
        sb.Append(findings.IsEmpty ? AuditReport.Txt(c, "Audit_NoFlags") : string.Join("\n", findings.Select(x => "- " + MarkdownText.Sentence(x))));
        var top = a0.LeaveOneOut.Rows.Where(x => !double.IsNaN(x.MeanAbsoluteShift)).OrderByDescending(x => x.MeanAbsoluteShift).FirstOrDefault();
        if (top is not null)
        {
            sb.Append("\n\n").Append(AuditReport.Txt(c, "AuditMd_LooTop", MarkdownText.Code(top.RemovedCode), AuditReport.FIn(top.MeanAbsoluteShift, c), AuditReport.RankIn(top.MaxAbsoluteShift, c)));
        }

        foreach (var a in a0.AddedValue.Rows)
        {
            sb.Append('\n').Append(AuditReport.Txt(c, "AuditMd_AddedValue", a0.AddedValue.Threshold.ToString("0.##", c), MarkdownText.Code(a.NodeCode), AuditReport.Pct(a.Share, c)));
        }

        foreach (var table in ToTables())
        {
            sb.Append("\n\n");
            MarkdownTableRenderer.Append(sb, table, options.TableOptions, "## ");
            while (sb.Length > 0 && sb[^1] == '\n')
            {
                sb.Length--;
            }
        }

        if (a0.Uncertainty is { } u)
        {
            sb.Append("\n\n## ").Append(AuditReport.Txt(c, "AuditMd_Uncertainty")).Append("\n\n")
                .Append(AuditReport.Txt(c, "AuditMd_UncRuns", AuditReport.IntIn(u.Options.Runs, c), Uncertainty.Sampler.Name(u.Options.Sampler), u.Options.Seed.ToString(CultureInfo.InvariantCulture), MarkdownText.Sentence(string.Join("; ", u.Factors))))
                .Append('\n').Append(AuditReport.Txt(c, "AuditMd_UncShift", AuditReport.FIn(u.MeanAbsoluteRankShift, c))).Append("\n\n");
            sb.Append(string.Join("\n", AuditReport.UncertaintyFindings(u, c).Select(x => "- " + MarkdownText.Sentence(x))));
        }

        return sb.ToString();
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
        records.AddRange(Findings.Select((f, i) => (IReadOnlyList<string>)["findings", Markup.Int(i + 1), "text", f]));
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
        AppendFindingsHtml(sb, Findings, Options);
        foreach (var table in ToTables())
        {
            sb.Append('\n');
            HtmlTableRenderer.AppendTable(sb, table, Options.TableOptions);
        }

        return sb.Append("\n</div>").ToString();
    }

    /// <summary>The findings as <c>&lt;ul class="findings"&gt;</c> (or a paragraph when there are none), codes in <c>&lt;code&gt;</c>.</summary>
    internal static void AppendFindingsHtml(StringBuilder sb, IReadOnlyCollection<string> findings) => AppendFindingsHtml(sb, findings, ReportOptions.Default);

    /// <summary>The findings as <c>&lt;ul class="findings"&gt;</c> (or a paragraph in the options' language when there are none).</summary>
    internal static void AppendFindingsHtml(StringBuilder sb, IReadOnlyCollection<string> findings, ReportOptions options)
    {
        if (findings.Count == 0)
        {
            sb.Append("<p class=\"findings\">").Append(Markup.Encode(options.T("Audit_NoFlags"))).Append("</p>");
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
