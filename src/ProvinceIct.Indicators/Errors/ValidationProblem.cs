using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Internal.Localization;

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
        _message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>Creates a problem whose message is a resource text: <see cref="Message"/> is its English, and <see cref="MessageIn"/> renders it in other languages.</summary>
    internal ValidationProblem(ProblemCode code, ProblemText message)
    {
        Code = code;
        _messageText = message;
        _message = message.Render(CultureInfo.InvariantCulture);
    }

    private readonly string _message;
    private readonly ProblemText? _messageText;
    private readonly string? _expected;
    private readonly ProblemText? _expectedText;
    private readonly string? _found;
    private readonly ProblemText? _foundText;

    /// <summary>The stable problem code.</summary>
    public ProblemCode Code { get; }

    /// <summary>A one-line, human-readable description of the problem.</summary>
    public string Message => _message;

    /// <summary>The message as a resource text, or null for a plain message; setting it sets <see cref="Message"/> to its English.</summary>
    internal ProblemText? MessageText
    {
        get => _messageText;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _messageText = value;
            _message = value.Render(CultureInfo.InvariantCulture);
        }
    }

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
    public string? Expected
    {
        get => _expected;
        init
        {
            _expected = value;
            _expectedText = null;
        }
    }

    /// <summary>What was expected, as a resource text; sets <see cref="Expected"/> to its English.</summary>
    internal ProblemText? ExpectedText
    {
        get => _expectedText;
        init
        {
            _expectedText = value;
            _expected = value?.Render(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>What was found, as text (for example "104.2").</summary>
    public string? Found
    {
        get => _found;
        init
        {
            _found = value;
            _foundText = null;
        }
    }

    /// <summary>What was found, as a resource text (for a description such as <c>end of input</c>); sets <see cref="Found"/> to its English.</summary>
    internal ProblemText? FoundText
    {
        get => _foundText;
        init
        {
            _foundText = value;
            _found = value?.Render(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The message in <paramref name="culture"/>'s language: Vietnamese for <c>vi</c> and <c>vi-VN</c>, English (exactly
    /// <see cref="Message"/>) for a null culture and every culture the library has no translation for. Numbers and codes
    /// inside stay invariant. A problem created with a plain message (by user code, for example) returns that message as given.
    /// </summary>
    /// <param name="culture">The language; null means English.</param>
    /// <returns>The one-line message.</returns>
    public string MessageIn(CultureInfo? culture) =>
        _messageText is null || culture is null ? Message : _messageText.Render(culture);

    /// <summary>Compares the public facts of two problems (code, message, location, codes, parameter, expected, found).</summary>
    /// <param name="other">The other problem.</param>
    /// <returns>True when every public property is equal.</returns>
    public bool Equals(ValidationProblem? other) =>
        other is not null && (ReferenceEquals(this, other) || (Code == other.Code && Message == other.Message && Source == other.Source && Row == other.Row
            && Column == other.Column && Path == other.Path && UnitCode == other.UnitCode && IndicatorCode == other.IndicatorCode
            && Parameter == other.Parameter && Expected == other.Expected && Found == other.Found));

    /// <summary>A hash of the public facts compared by <see cref="Equals(ValidationProblem)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Code);
        hash.Add(Message);
        hash.Add(Source);
        hash.Add(Row);
        hash.Add(Column);
        hash.Add(Path);
        hash.Add(UnitCode);
        hash.Add(IndicatorCode);
        hash.Add(Parameter);
        hash.Add(Expected);
        hash.Add(Found);
        return hash.ToHashCode();
    }

    /// <summary>
    /// Formats the problem as one line: <c>source:row:column: path: [Code] message (unit U, indicator I, parameter P, expected E, found F)</c>;
    /// a cell of a worksheet (a source <c>book.xlsx!Sheet</c> with a row and a column) as Excel names it: <c>book.xlsx!Sheet C7: ...</c>.
    /// </summary>
    /// <returns>The invariant one-line description.</returns>
    public override string ToString() => Describe(null);

    /// <summary>
    /// Formats the problem as one line in <paramref name="culture"/>'s language, laid out as <see cref="ToString()"/>:
    /// the location words (<c>row</c>, <c>column</c>), the message (<see cref="MessageIn"/>) and the detail labels
    /// (<c>unit</c>, <c>indicator</c>, <c>parameter</c>, <c>expected</c>, <c>found</c>) are translated; the file name,
    /// line and column numbers, a worksheet cell (<c>book.xlsx!iData C7</c>), the path, the code in brackets, unit and
    /// indicator codes, and values stay as they are. Vietnamese for <c>vi</c> and <c>vi-VN</c>
    /// (<c>bad.csv:3:2: [NotANumber] Ô ở cột 2 ('i1') của đơn vị 'HP' không phải là số: 'abc'.</c> then the details,
    /// <c>(đơn vị HP, chỉ số i1, cần</c> the expected numbers <c>, gặp abc)</c>); a null culture and
    /// every culture the library has no translation for give exactly <see cref="ToString()"/>. A message or an expected
    /// or found text given as a plain string (by user code, for example) stays as given, with translated labels.
    /// </summary>
    /// <param name="culture">The language; null means English.</param>
    /// <returns>The one-line description.</returns>
    public string Describe(CultureInfo? culture)
    {
        var c = culture ?? CultureInfo.InvariantCulture;
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
            sb.Append(Label("Label_Row", c)).Append(' ').Append(Row.Value.ToString(CultureInfo.InvariantCulture));
            if (Column is not null)
            {
                sb.Append(", ").Append(Label("Label_Column", c)).Append(' ').Append(Column.Value.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(": ");
        }

        if (Path is not null)
        {
            sb.Append(Path).Append(": ");
        }

        sb.Append('[').Append(Code.ToString()).Append("] ").Append(MessageIn(c));
        var details = new List<string>(5);
        if (UnitCode is not null)
        {
            details.Add(Label("Label_Unit", c) + " " + UnitCode);
        }

        if (IndicatorCode is not null)
        {
            details.Add(Label("Label_Indicator", c) + " " + IndicatorCode);
        }

        if (Parameter is not null)
        {
            details.Add(Label("Label_Parameter", c) + " " + Parameter);
        }

        if (Expected is not null)
        {
            details.Add(Label("Label_Expected", c) + " " + (_expectedText?.Render(c) ?? Expected));
        }

        if (Found is not null)
        {
            details.Add(Label("Label_Found", c) + " " + (_foundText?.Render(c) ?? Found));
        }

        if (details.Count > 0)
        {
            sb.Append(" (").Append(string.Join(", ", details)).Append(')');
        }

        return sb.ToString();
    }

    private static string Label(string key, CultureInfo culture) => ProblemStrings.Get(key, culture);

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
