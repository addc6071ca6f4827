using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Errors;

/// <summary>
/// One problem found while validating input: what kind of problem, where (file, row, column, unit, indicator)
/// and what was expected against what was found. Row and column numbers are 1-based as a person counts them
/// in a file (the header is row 1); for in-memory datasets they are the 1-based unit row and indicator column.
/// </summary>
public sealed record ValidationProblem
{
    /// <summary>Creates a problem with a message; the location fields are set with object initialisers.</summary>
    /// <param name="code">The stable problem code.</param>
    /// <param name="message">A one-line, human-readable description.</param>
    public ValidationProblem(ProblemCode code, string message)
    {
        Code = code;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The stable problem code.</summary>
    public ProblemCode Code { get; }

    /// <summary>A one-line, human-readable description of the problem.</summary>
    public string Message { get; }

    /// <summary>The file or source name, when the problem comes from a file.</summary>
    public string? Source { get; init; }

    /// <summary>The 1-based row (line of a file, or unit row of a dataset), when known.</summary>
    public int? Row { get; init; }

    /// <summary>The 1-based column (of a file, or indicator column of a dataset), when known.</summary>
    public int? Column { get; init; }

    /// <summary>A path inside a structured source (for example the JSON path <c>$.nodes[3].weight</c>), when known.</summary>
    public string? Path { get; init; }

    /// <summary>The unit code involved, when known.</summary>
    public string? UnitCode { get; init; }

    /// <summary>The indicator or node code involved, when known.</summary>
    public string? IndicatorCode { get; init; }

    /// <summary>The method parameter involved (for example <c>upper</c> of <c>minmax</c>), when the problem is an invalid parameter.</summary>
    public string? Parameter { get; init; }

    /// <summary>What was expected, in words (for example "a percent in [0, 100]").</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, as text (for example "104.2").</summary>
    public string? Found { get; init; }

    /// <summary>
    /// Formats the problem as one line: <c>source:row:column: path: [Code] message (unit U, indicator I, parameter P, expected E, found F)</c>;
    /// a cell of a worksheet (a source <c>book.xlsx!Sheet</c> with a row and a column) as Excel names it: <c>book.xlsx!Sheet C7: ...</c>.
    /// </summary>
    /// <returns>The invariant one-line description.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Source is not null && Row is { } row && Column is { } column && IsWorksheet(Source))
        {
            // A cell of a worksheet, named as Excel names it: book.xlsx!iData C7.
            sb.Append(Source).Append(' ').Append(ColumnLetters(column)).Append(row.ToString(CultureInfo.InvariantCulture)).Append(": ");
        }
        else if (Source is not null)
        {
            sb.Append(Source);
            if (Row is not null)
            {
                sb.Append(':').Append(Row.Value.ToString(CultureInfo.InvariantCulture));
                if (Column is not null)
                {
                    sb.Append(':').Append(Column.Value.ToString(CultureInfo.InvariantCulture));
                }
            }

            sb.Append(": ");
        }
        else if (Row is not null)
        {
            sb.Append("row ").Append(Row.Value.ToString(CultureInfo.InvariantCulture));
            if (Column is not null)
            {
                sb.Append(", column ").Append(Column.Value.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(": ");
        }

        if (Path is not null)
        {
            sb.Append(Path).Append(": ");
        }

        sb.Append('[').Append(Code.ToString()).Append("] ").Append(Message);
        var details = new List<string>(5);
        if (UnitCode is not null)
        {
            details.Add("unit " + UnitCode);
        }

        if (IndicatorCode is not null)
        {
            details.Add("indicator " + IndicatorCode);
        }

        if (Parameter is not null)
        {
            details.Add("parameter " + Parameter);
        }

        if (Expected is not null)
        {
            details.Add("expected " + Expected);
        }

        if (Found is not null)
        {
            details.Add("found " + Found);
        }

        if (details.Count > 0)
        {
            sb.Append(" (").Append(string.Join(", ", details)).Append(')');
        }

        return sb.ToString();
    }

    /// <summary>True for a source naming a sheet of a workbook (<c>book.xlsx!Sheet</c>).</summary>
    private static bool IsWorksheet(string source) =>
        source.Contains(".xlsx!", StringComparison.OrdinalIgnoreCase) || source.Contains(".xlsm!", StringComparison.OrdinalIgnoreCase);

    /// <summary>Excel's letters of a 1-based column: 1 is A, 27 is AA.</summary>
    private static string ColumnLetters(int column)
    {
        var s = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            s = (char)('A' + ((n - 1) % 26)) + s;
        }

        return s;
    }
}
