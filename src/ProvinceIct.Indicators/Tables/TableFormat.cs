namespace ProvinceIct.Indicators.Tables;

/// <summary>The formats a <see cref="Table"/> renders to (<see cref="Table.Render(TableFormat, TableRenderOptions?)"/>).</summary>
public enum TableFormat
{
    /// <summary>Aligned plain text for a terminal (widths in user-perceived characters).</summary>
    Text = 0,

    /// <summary>A Markdown (GitHub-flavoured) pipe table under a heading; user text escaped.</summary>
    Markdown = 1,

    /// <summary>An HTML fragment (well-formed XML); text encoded, no scripts.</summary>
    Html = 2,

    /// <summary>Comma-separated values (RFC 4180), machine keys as header, numbers at round-trip precision.</summary>
    Csv = 3,

    /// <summary>Tab-separated values, otherwise as <see cref="Csv"/>.</summary>
    Tsv = 4,
}
