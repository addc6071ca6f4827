namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on the library's result types: one formatter
/// for <c>text/html</c> and one for <c>text/plain</c> (see <see cref="NotebookTypeFormatter"/>). The notebook creates it by
/// reflection, so its constructor and method are public. It sits in Internal so that the result types of every layer can
/// name it; the rendering itself lives in Reporting, which registers it (<see cref="NotebookTypeFormatter.Renderer"/>).
/// </summary>
internal sealed class NotebookFormatterSource
{
    /// <summary>The formatters: HTML first, then plain text.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called by reflection on an instance, by convention.")]
    public IEnumerable<object> CreateTypeFormatters() => [new NotebookTypeFormatter(NotebookTypeFormatter.Html), new NotebookTypeFormatter(NotebookTypeFormatter.PlainText)];
}

/// <summary>
/// One notebook formatter, found by convention (a <see cref="MimeType"/> property, a <see cref="Type"/> property and a
/// <see cref="Format"/> method, read by reflection). It writes what the registered <see cref="Renderer"/> returns for the
/// instance and MIME type; when the renderer returns null (not one of the library's types), the value is left to the
/// notebook (<see cref="Format"/> returns false).
/// </summary>
internal sealed class NotebookTypeFormatter(string mimeType)
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";

    /// <summary>
    /// Renders an instance for a MIME type, or returns null when it is not a type the library formats. Set once, when
    /// the assembly loads, by the Reporting layer (a module initializer), so that lower layers never refer to Reporting.
    /// </summary>
    internal static Func<object?, string, string?>? Renderer { get; set; }

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
        var text = Renderer?.Invoke(instance, MimeType);
        if (text is null)
        {
            return false;
        }

        writer.Write(text);
        return true;
    }
}
