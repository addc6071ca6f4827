namespace ProvinceIct.Indicators.Reporting.Notebook;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on the library's result types: one formatter
/// for <c>text/html</c> and one for <c>text/plain</c> (see <see cref="NotebookFormatter"/>). The notebook creates it by
/// reflection, so its constructor and method are public.
/// </summary>
internal sealed class NotebookFormatterSource
{
    /// <summary>The formatters: HTML first, then plain text.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called by reflection on an instance, by convention.")]
    public IEnumerable<object> CreateTypeFormatters() => [new NotebookFormatter(NotebookFormatter.Html), new NotebookFormatter(NotebookFormatter.PlainText)];
}
