namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// One output format of <see cref="Table"/>. Each format is one subclass in its own file; adding a format (for example
/// xlsx) is one more subclass, one more <see cref="TableFormat"/> member and one line in <see cref="For"/>.
/// </summary>
internal abstract class TableRenderer
{
    /// <summary>The usual file extension, without the dot.</summary>
    public abstract string FileExtension { get; }

    public static TableRenderer For(TableFormat format) => format switch
    {
        TableFormat.Text => TextTableRenderer.Instance,
        TableFormat.Markdown => MarkdownTableRenderer.Instance,
        TableFormat.Html => HtmlTableRenderer.Instance,
        TableFormat.Csv => DelimitedTableRenderer.Csv,
        TableFormat.Tsv => DelimitedTableRenderer.Tsv,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown table format."),
    };

    public abstract string Render(Table table, TableRenderOptions options);
}
