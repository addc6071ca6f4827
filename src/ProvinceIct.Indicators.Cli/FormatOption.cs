using System.CommandLine;
using ProvinceIct.Indicators.Tables;

namespace ProvinceIct.Indicators.Cli;

/// <summary>The output formats a command can print. Not every command offers every format.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned text for a terminal (<c>table</c>).</summary>
    Table,

    /// <summary>Markdown (<c>markdown</c>).</summary>
    Markdown,

    /// <summary>An HTML fragment (<c>html</c>).</summary>
    Html,

    /// <summary>CSV (<c>csv</c>).</summary>
    Csv,

    /// <summary>TSV (<c>tsv</c>).</summary>
    Tsv,

    /// <summary>JSON (<c>json</c>).</summary>
    Json,

    /// <summary>Long CSV, one row per unit and node (<c>long-csv</c>).</summary>
    LongCsv,

    /// <summary>A whole result as JSON, readable by <c>compare</c> (<c>result-json</c>).</summary>
    ResultJson,

    /// <summary>An Excel workbook (<c>xlsx</c>); binary, so only with <c>--output</c>.</summary>
    Xlsx,
}

/// <summary>
/// The one <c>--format</c> option of every command that prints a table: each command names the formats it offers,
/// the option accepts their names (the spellings used so far: <c>table</c>, <c>markdown</c>, <c>html</c>, <c>csv</c>, <c>tsv</c>,
/// <c>json</c>, <c>long-csv</c>, <c>result-json</c>) with the usual did-you-mean error for anything else, and <see cref="Get"/> gives the typed <see cref="OutputFormat"/>.
/// Formats a <see cref="Table"/> can render (text, Markdown, HTML, CSV, TSV) print through <see cref="Render"/>.
/// </summary>
internal sealed class FormatOption
{
    private static readonly (string Name, OutputFormat Format)[] Spellings =
    [
        ("table", OutputFormat.Table), ("markdown", OutputFormat.Markdown), ("html", OutputFormat.Html),
        ("csv", OutputFormat.Csv), ("tsv", OutputFormat.Tsv), ("json", OutputFormat.Json), ("long-csv", OutputFormat.LongCsv), ("result-json", OutputFormat.ResultJson),
        ("xlsx", OutputFormat.Xlsx),
    ];

    private readonly string _default;

    /// <summary>The option offering <paramref name="offered"/>, <c>table</c> by default.</summary>
    public FormatOption(params OutputFormat[] offered)
        : this(OutputFormat.Table, offered)
    {
    }

    private FormatOption(OutputFormat defaultFormat, OutputFormat[] offered)
    {
        string[] names = [.. Spellings.Where(s => offered.Contains(s.Format)).Select(s => s.Name)];
        _default = Spellings.First(s => s.Format == defaultFormat).Name;
        if (!names.Contains(_default))
        {
            throw new ArgumentException("The default format must be one of the offered ones.", nameof(defaultFormat));
        }

        // The help lists what this command accepts; anything else is the parser's one-line error naming them (exit 2).
        Option = new Option<string>("--format") { Description = CliStrings.Format("Help_Format", string.Join(", ", names), _default), DefaultValueFactory = _ => _default };
        Option.AcceptOnlyFromAmong(names);
    }

    /// <summary>The option offering <paramref name="offered"/> with another default than <c>table</c> (for example <c>markdown</c> for <c>audit</c>).</summary>
    public static FormatOption WithDefault(OutputFormat defaultFormat, params OutputFormat[] offered) => new(defaultFormat, offered);

    /// <summary>The formats a table can always render, for commands whose output is one <see cref="Table"/>.</summary>
    public static OutputFormat[] TableFormats { get; } = [OutputFormat.Table, OutputFormat.Markdown, OutputFormat.Html, OutputFormat.Csv, OutputFormat.Tsv];

    public Option<string> Option { get; }

    public OutputFormat Get(ParseResult parse)
    {
        var name = parse.GetValue(Option) ?? _default;
        return Spellings.First(s => s.Name == name).Format;
    }

    /// <summary>The table in the chosen format (CSV/TSV with the command's injection policy), with a trailing newline.</summary>
    public static string Render(Table table, OutputFormat format, CsvInjectionPolicy injection)
    {
        var tableFormat = format switch
        {
            OutputFormat.Markdown => TableFormat.Markdown,
            OutputFormat.Html => TableFormat.Html,
            OutputFormat.Csv => TableFormat.Csv,
            OutputFormat.Tsv => TableFormat.Tsv,
            _ => TableFormat.Text,
        };
        var text = table.Render(tableFormat, new TableRenderOptions(injection: injection));
        return text.EndsWith('\n') ? text : text + "\n";
    }
}
