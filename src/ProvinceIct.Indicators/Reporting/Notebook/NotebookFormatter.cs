using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Reporting.Notebook;

/// <summary>
/// Formats the library's result types for a notebook, found by convention (a <see cref="MimeType"/> property and a
/// <see cref="Format"/> method, read by reflection). HTML: tables as their HTML fragments (an <see cref="IndexResult"/>
/// as its <see cref="RankingTable"/>, an <see cref="AuditReport"/> as its <see cref="AuditTable"/>, a
/// <see cref="ResultComparison"/> as its <see cref="ComparisonTable"/>, an <see cref="UncertaintyResult"/> as its
/// <see cref="UncertaintyTable"/>, a <see cref="Decomposition"/> as a table of every unit's contributions), a chart as inline SVG, and a whole report in a sandboxed <c>iframe</c> whose
/// <c>srcdoc</c> holds the document (line ends as <c>&amp;#10;</c>, so XML and HTML parsers read the same value), so its
/// style sheet cannot leak into the notebook. Plain text: the text table where
/// the type has one, otherwise <c>ToString()</c>. Other objects are left to the notebook (Format returns false).
/// </summary>
internal sealed class NotebookFormatter(string mimeType)
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";

    /// <summary>The MIME type written.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The type formatted: any object (Format decides).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read by reflection as an instance property, by convention.")]
    public Type Type => typeof(object);

    /// <summary>Writes the instance when it is one of the library's types.</summary>
    /// <returns>True when the instance was written.</returns>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = MimeType == Html ? ToHtml(instance) : ToText(instance);
        if (text is null)
        {
            return false;
        }

        writer.Write(text);
        return true;
    }

    internal static string? ToHtml(object? instance) => instance switch
    {
        IndexResult r => RankingTable.From(r).ToHtml(),
        RankingTable t => t.ToHtml(),
        UnitProfileTable t => t.ToHtml(),
        ComparisonTable t => t.ToHtml(),
        AuditTable t => t.ToHtml(),
        UncertaintyTable t => t.ToHtml(),
        AuditReport a => AuditTable.From(a).ToHtml(),
        ResultComparison c => ComparisonTable.From(c).ToHtml(),
        UncertaintyResult u => UncertaintyTable.From(u).ToHtml(),
        Decomposition d => d.ToTable().ToHtml(),
        SvgChart c => c.ToSvg(),
        HtmlReport h => Frame(h.Title, h.ToHtml()),
        UnitReport h => Frame(h.Title, h.ToHtml()),
        _ => null,
    };

    internal static string? ToText(object? instance) => instance switch
    {
        IndexResult r => RankingTable.From(r).ToText(),
        AuditReport a => AuditTable.From(a).ToText(),
        ResultComparison c => ComparisonTable.From(c).ToText(),
        Decomposition d => d.ToTable().ToText(),
        RankingTable or UnitProfileTable or ComparisonTable or AuditTable or UncertaintyTable or UncertaintyResult or SvgChart or HtmlReport or UnitReport => instance.ToString(),
        _ => null,
    };

    private static string Frame(string title, string document) =>
        "<iframe title=\"" + Markup.Encode(title) + "\" sandbox=\"\" style=\"width: 100%; height: 900px; border: 1px solid #ddd;\" srcdoc=\"" + Markup.Encode(document).Replace("\n", "&#10;", StringComparison.Ordinal) + "\"></iframe>";
}
