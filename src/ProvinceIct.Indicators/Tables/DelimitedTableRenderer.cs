using System.Globalization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// CSV (comma) and TSV (tab): a header record of the column keys, then one record per row, LF after every record.
/// Every field goes through the library's one CSV cell writer (<see cref="CsvTable.FormatField(string, char, CsvInjectionPolicy)"/>),
/// which quotes when needed and neutralises formula-like text per <see cref="TableRenderOptions.Injection"/>. Numbers
/// are invariant at round-trip precision (<c>double.Parse</c> gives back the same double), infinities
/// <c>Infinity</c>/<c>-Infinity</c>; missing values are empty fields; display texts are not written.
/// </summary>
internal sealed class DelimitedTableRenderer : TableRenderer
{
    private readonly char _delimiter;

    private DelimitedTableRenderer(char delimiter, string extension)
    {
        _delimiter = delimiter;
        FileExtension = extension;
    }

    public static DelimitedTableRenderer Csv { get; } = new(',', "csv");

    public static DelimitedTableRenderer Tsv { get; } = new('\t', "tsv");

    public override string FileExtension { get; }

    public override string Render(Table table, TableRenderOptions options)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(w, Records(table), _delimiter, "\n", options.Injection);
        return w.ToString();
    }

    /// <summary>The records: the keys, then each row's values as machine text.</summary>
    public static IEnumerable<IReadOnlyList<string>> Records(Table table)
    {
        yield return table.Columns.Select(c => c.Key).ToArray();
        foreach (var row in table.Rows)
        {
            yield return row.Cells.Select(Value).ToArray();
        }
    }

    /// <summary>A cell as machine text: the text, the number at round-trip precision, or empty when missing.</summary>
    public static string Value(TableCell cell) => cell.ToString();
}
