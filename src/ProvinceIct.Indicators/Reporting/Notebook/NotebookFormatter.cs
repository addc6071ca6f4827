using ProvinceIct.Indicators.Analysis;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Internal;
using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Reporting.Notebook;

/// <summary>
/// Renders the library's result types for a notebook (the formatter the notebook finds by convention is
/// <see cref="NotebookTypeFormatter"/>, which calls <see cref="Render"/>). HTML: tables as their HTML fragments (an <see cref="IndexResult"/>
/// as its <see cref="RankingTable"/>, an <see cref="AuditReport"/> as its <see cref="AuditTable"/>, a
/// <see cref="ResultComparison"/> as its <see cref="ComparisonTable"/>, an <see cref="UncertaintyResult"/> as its
/// <see cref="UncertaintyTable"/>, a <see cref="Decomposition"/> as a table of every unit's contributions), a chart as inline SVG, and a whole report in a sandboxed <c>iframe</c> whose
/// <c>srcdoc</c> holds the document (line ends as <c>&amp;#10;</c>, so XML and HTML parsers read the same value), so its
/// style sheet cannot leak into the notebook. Plain text: the text table where
/// the type has one, otherwise <c>ToString()</c>. Other objects are left to the notebook (null).
/// </summary>
internal static class NotebookFormatter
{
    public const string Html = NotebookTypeFormatter.Html;
    public const string PlainText = NotebookTypeFormatter.PlainText;

    /// <summary>Registers the renderer that <see cref="NotebookTypeFormatter"/> (in Internal, named by the result types of every layer) calls.</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Only assigns a delegate, so that lower layers can name the notebook formatter without a reference to Reporting.")]
    internal static void Register() => NotebookTypeFormatter.Renderer = Render;

    /// <summary>The text for the MIME type, or null when the instance is not one of the library's types.</summary>
    internal static string? Render(object? instance, string mimeType) => mimeType == Html ? ToHtml(instance) : ToText(instance);

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
