using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>What an Excel cell holds.</summary>
internal enum XlsxCellKind
{
    /// <summary>A number (<see cref="XlsxCell.Number"/>).</summary>
    Number,

    /// <summary>A string (shared, inline or a formula's string result).</summary>
    Text,

    /// <summary>TRUE or FALSE.</summary>
    Boolean,

    /// <summary>An error value such as <c>#N/A</c> or <c>#DIV/0!</c> (its text).</summary>
    Error,

    /// <summary>A number shown through a date or time format (its text is the ISO date).</summary>
    Date,
}

/// <summary>One non-empty cell: its 0-based column, kind, text (numbers at round-trip precision, invariant) and number.</summary>
internal readonly record struct XlsxCell(int Column, XlsxCellKind Kind, string Text, double Number);

/// <summary>One row of a sheet that has at least one cell: its 1-based row number and its cells in column order.</summary>
internal sealed record XlsxRow(int Number, IReadOnlyList<XlsxCell> Cells);

/// <summary>An .xlsx file that cannot be read: the message says what and where (the cell reference when known).</summary>
internal sealed class XlsxFormatException(string message, int? row = null, int? column = null) : Exception(message)
{
    /// <summary>Creates the exception with a message kept as a resource text (<see cref="Exception.Message"/> is its English).</summary>
    public XlsxFormatException(ProblemText message, int? row = null, int? column = null)
        : this(message.Render(CultureInfo.InvariantCulture), row, column)
    {
        MessageText = message;
    }

    /// <summary>The message as a resource text: the one given, else the plain message as it is.</summary>
    public ProblemText Text => MessageText ?? ProblemText.Verbatim(Message);

    private ProblemText? MessageText { get; }

    /// <summary>The 1-based row, when the fault is in a cell or row.</summary>
    public int? Row { get; } = row;

    /// <summary>The 1-based column, when the fault is in a cell.</summary>
    public int? Column { get; } = column;
}

/// <summary>
/// Reads the cells of an Office Open XML workbook (<c>.xlsx</c>) with the BCL alone, streaming one sheet row at a time.
/// Hostile files give an <see cref="XlsxFormatException"/>, never another exception: not a zip archive, missing parts,
/// malformed XML (DTDs are refused, so no entity expansion), a part larger than the bound once uncompressed (checked on
/// the declared size and again while reading, so a zip bomb stops at the bound), a cell reference beyond Excel's sheet
/// (XFD1048576). Formulas are never evaluated: a formula cell gives its cached value.
/// </summary>
internal sealed class XlsxReader : IDisposable
{
    /// <summary>The default bound on the uncompressed size of any one part read (256 MiB).</summary>
    public const long DefaultMaxPartBytes = 256L * 1024 * 1024;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly long _maxPartBytes;
    private readonly List<(string Name, string Part)> _sheets;
    private List<string>? _sharedStrings;
    private bool[]? _dateStyles;

    private XlsxReader(ZipArchive zip, long maxPartBytes)
    {
        _zip = zip;
        _maxPartBytes = maxPartBytes;
        _sheets = ReadSheets();
    }

    /// <summary>The sheet names, in workbook order.</summary>
    public IReadOnlyList<string> SheetNames => _sheets.Select(s => s.Name).ToList();

    /// <summary>Opens a workbook from a stream (read from its position; disposed with the reader).</summary>
    /// <exception cref="XlsxFormatException">When the stream is not a readable workbook.</exception>
    public static XlsxReader Open(Stream stream, long maxPartBytes = DefaultMaxPartBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            stream.Dispose();
            throw new XlsxFormatException(new ProblemText("Xlsx_NotZip"));
        }

        try
        {
            return new XlsxReader(zip, maxPartBytes);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>The sheet of that name (case-insensitive, as Excel compares), or null.</summary>
    public string? FindSheet(string name) => _sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).Name;

    /// <summary>The rows of a sheet that hold at least one cell, in file order; cells without a value are left out.</summary>
    /// <exception cref="XlsxFormatException">When the sheet is missing or malformed (raised while enumerating).</exception>
    public IEnumerable<XlsxRow> Rows(string sheet)
    {
        var part = _sheets.FirstOrDefault(s => string.Equals(s.Name, sheet, StringComparison.OrdinalIgnoreCase)).Part
            ?? throw new XlsxFormatException(new ProblemText("Xlsx_NoSheet", sheet, string.Join(", ", _sheets.Select(s => "'" + s.Name + "'"))));
        _sharedStrings ??= ReadSharedStrings();
        _dateStyles ??= ReadDateStyles();
        return ReadRows(part);
    }

    /// <inheritdoc/>
    public void Dispose() => _zip.Dispose();

    /// <summary>Decodes Excel's <c>_xHHHH_</c> escapes (<c>_x000D_</c> is a carriage return; <c>_x005F_</c> an underscore).</summary>
    internal static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XlsxWriter.IsEscapeAt(text, i))
            {
                sb.Append((char)int.Parse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 6;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private IEnumerable<XlsxRow> ReadRows(string part)
    {
        using var x = OpenXml(part, required: true)!;
        var lastRow = 0;
        var cells = new List<XlsxCell>();
        while (Next(x, part))
        {
            if (x.NodeType != XmlNodeType.Element || !IsMain(x) || x.LocalName != "row")
            {
                continue;
            }

            var number = lastRow + 1;
            if (x.GetAttribute("r") is { } r)
            {
                if (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > XlsxCellReference.MaxRows)
                {
                    throw new XlsxFormatException(new ProblemText("Xlsx_RowOutside", Clip(r), Num(XlsxCellReference.MaxRows)), lastRow + 1);
                }
            }
            else if (number > XlsxCellReference.MaxRows)
            {
                throw new XlsxFormatException(new ProblemText("Xlsx_TooManyRows", Num(XlsxCellReference.MaxRows)), lastRow);
            }

            lastRow = number;
            cells.Clear();
            if (!x.IsEmptyElement)
            {
                ReadCells(x, part, number, cells);
            }

            if (cells.Count > 0)
            {
                cells.Sort((a, b) => a.Column.CompareTo(b.Column));
                yield return new XlsxRow(number, cells.ToArray());
            }
        }
    }

    private void ReadCells(XmlReader x, string part, int row, List<XlsxCell> cells)
    {
        var depth = x.Depth;
        var lastColumn = -1;
        while (Next(x, part) && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
        {
            if (x.NodeType != XmlNodeType.Element || !IsMain(x) || x.LocalName != "c")
            {
                continue;
            }

            var column = lastColumn + 1;
            if (x.GetAttribute("r") is { } reference)
            {
                if (!XlsxCellReference.TryParse(reference, out column, out var cellRow))
                {
                    throw new XlsxFormatException(new ProblemText("Xlsx_ReferenceOutside", Clip(reference), Num(XlsxCellReference.MaxRows)), row);
                }

                if (cellRow != row)
                {
                    throw new XlsxFormatException(new ProblemText("Xlsx_CellInOtherRow", Clip(reference), Num(row)), row, column + 1);
                }
            }
            else if (column >= XlsxCellReference.MaxColumns)
            {
                throw new XlsxFormatException(new ProblemText("Xlsx_TooManyCells", Num(row), Num(XlsxCellReference.MaxColumns)), row);
            }

            lastColumn = column;
            var type = x.GetAttribute("t") ?? "n";
            var style = int.TryParse(x.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            string? value = null;
            string? inline = null;
            if (!x.IsEmptyElement)
            {
                var cellDepth = x.Depth;
                while (Next(x, part) && !(x.NodeType == XmlNodeType.EndElement && x.Depth == cellDepth))
                {
                    if (x.NodeType == XmlNodeType.Element && IsMain(x) && x.LocalName == "v")
                    {
                        value = ReadText(x, part);
                    }
                    else if (x.NodeType == XmlNodeType.Element && IsMain(x) && x.LocalName == "is")
                    {
                        inline = ReadRichText(x, part);
                    }
                }
            }

            if (Cell(type, style, value, inline, row, column) is { } cell)
            {
                cells.Add(cell);
            }
        }
    }

    private XlsxCell? Cell(string type, int style, string? value, string? inline, int row, int column)
    {
        switch (type)
        {
            case "inlineStr":
                return inline is null ? null : new XlsxCell(column, XlsxCellKind.Text, inline, double.NaN);
            case "s":
                if (value is null)
                {
                    return null;
                }

                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= _sharedStrings!.Count)
                {
                    throw new XlsxFormatException(new ProblemText("Xlsx_NoSharedString", XlsxCellReference.Of(column, row), Clip(value)), row, column + 1);
                }

                return new XlsxCell(column, XlsxCellKind.Text, _sharedStrings[index], double.NaN);
            case "str":
                return value is null ? null : new XlsxCell(column, XlsxCellKind.Text, Unescape(value), double.NaN);
            case "b":
                return value is null ? null : new XlsxCell(column, XlsxCellKind.Boolean, value.Trim() == "1" ? "TRUE" : "FALSE", double.NaN);
            case "e":
                return value is null ? null : new XlsxCell(column, XlsxCellKind.Error, value.Trim(), double.NaN);
            case "d":
                return value is null ? null : new XlsxCell(column, XlsxCellKind.Date, value.Trim(), double.NaN);
            case "n":
                if (value is null || value.Trim().Length == 0)
                {
                    return null;
                }

                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw new XlsxFormatException(new ProblemText("Xlsx_NotANumber", XlsxCellReference.Of(column, row), Clip(value)), row, column + 1);
                }

                if (style >= 0 && style < _dateStyles!.Length && _dateStyles[style])
                {
                    return new XlsxCell(column, XlsxCellKind.Date, DateText(number), number);
                }

                // The stored text is already the invariant form Excel wrote; formatting the double again would cost more than reading it.
                return new XlsxCell(column, XlsxCellKind.Number, value.Trim(), number);
            default:
                throw new XlsxFormatException(new ProblemText("Xlsx_UnknownType", XlsxCellReference.Of(column, row), Clip(type)), row, column + 1);
        }
    }

    /// <summary>An Excel serial date (1900 system) as ISO text, for messages.</summary>
    private static string DateText(double serial) =>
        serial is > 0 and < 2958466
            ? DateTime.FromOADate(serial).ToString(serial % 1 == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : serial.ToString("R", CultureInfo.InvariantCulture);

    private List<(string Name, string Part)> ReadSheets()
    {
        var workbook = Relationships("_rels/.rels", string.Empty, "officeDocument").Values.FirstOrDefault() ?? "xl/workbook.xml";
        var folder = workbook.Contains('/', StringComparison.Ordinal) ? workbook[..(workbook.LastIndexOf('/') + 1)] : string.Empty;
        var rels = Relationships(folder + "_rels/" + workbook[folder.Length..] + ".rels", folder);
        var sheets = new List<(string, string)>();
        using var x = OpenXml(workbook, required: true)!;
        while (Next(x, workbook))
        {
            if (x.NodeType == XmlNodeType.Element && IsMain(x) && x.LocalName == "sheet")
            {
                var name = x.GetAttribute("name") ?? string.Empty;
                var id = RelationshipId(x);
                if (id is null || !rels.TryGetValue(id, out var part))
                {
                    throw new XlsxFormatException(new ProblemText("Xlsx_SheetWithoutPart", Clip(name)));
                }

                sheets.Add((name, part));
            }
        }

        if (sheets.Count == 0)
        {
            throw new XlsxFormatException(new ProblemText("Xlsx_NoSheets"));
        }

        return sheets;
    }

    private static string? RelationshipId(XmlReader x)
    {
        if (x.MoveToFirstAttribute())
        {
            do
            {
                if (x.LocalName == "id" && x.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
                {
                    var id = x.Value;
                    x.MoveToElement();
                    return id;
                }
            }
            while (x.MoveToNextAttribute());
            x.MoveToElement();
        }

        return null;
    }

    private Dictionary<string, string> Relationships(string relsPart, string folder, string? typeSuffix = null)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var x = OpenXml(relsPart, required: false);
        if (x is null)
        {
            return map;
        }

        while (Next(x, relsPart))
        {
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "Relationship"
                && x.GetAttribute("Id") is { } id && x.GetAttribute("Target") is { } target
                && (typeSuffix is null || (x.GetAttribute("Type") ?? string.Empty).EndsWith("/" + typeSuffix, StringComparison.Ordinal)))
            {
                map[id] = Resolve(folder, target);
            }
        }

        return map;
    }

    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (p.Length > 0 && p != ".")
            {
                parts.Add(p);
            }
        }

        return string.Join('/', parts);
    }

    private List<string> ReadSharedStrings()
    {
        var list = new List<string>();
        var part = _zip.GetEntry("xl/sharedStrings.xml") is null ? null : "xl/sharedStrings.xml";
        if (part is null)
        {
            return list;
        }

        using var x = OpenXml(part, required: true)!;
        while (Next(x, part))
        {
            if (x.NodeType == XmlNodeType.Element && IsMain(x) && x.LocalName == "si")
            {
                list.Add(ReadRichText(x, part));
            }
        }

        return list;
    }

    /// <summary>The text of an <c>si</c> or <c>is</c> element: its <c>t</c> elements, runs included, phonetic runs left out.</summary>
    private static string ReadRichText(XmlReader x, string part)
    {
        if (x.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = x.Depth;
        var sb = new StringBuilder();
        var skipDepth = -1;
        while (Next(x, part) && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
        {
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "rPh" && !x.IsEmptyElement && skipDepth < 0)
            {
                skipDepth = x.Depth;
            }
            else if (x.NodeType == XmlNodeType.EndElement && x.Depth == skipDepth)
            {
                skipDepth = -1;
            }
            else if (skipDepth < 0 && x.NodeType == XmlNodeType.Element && IsMain(x) && x.LocalName == "t")
            {
                sb.Append(ReadText(x, part));
            }
        }

        return Unescape(sb.ToString());
    }

    /// <summary>The text of a leaf element; leaves the reader on its end element (so the caller's loop sees what follows).</summary>
    private static string ReadText(XmlReader x, string part)
    {
        if (x.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = x.Depth;
        string? single = null;
        StringBuilder? sb = null;
        while (Next(x, part) && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
        {
            if (x.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                if (single is null)
                {
                    single = x.Value;
                }
                else
                {
                    (sb ??= new StringBuilder(single)).Append(x.Value);
                }
            }
        }

        return sb?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>Which cell styles show numbers as dates or times (built-in formats 14-22, 27-36, 45-47, 50-58, 71-81, or a custom format with date or time codes).</summary>
    private bool[] ReadDateStyles()
    {
        const string part = "xl/styles.xml";
        using var x = OpenXml(part, required: false);
        if (x is null)
        {
            return [];
        }

        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        var inCellXfs = false;
        while (Next(x, part))
        {
            if (x.NodeType == XmlNodeType.Element && IsMain(x))
            {
                switch (x.LocalName)
                {
                    case "numFmt" when int.TryParse(x.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                        custom[id] = IsDateFormat(x.GetAttribute("formatCode") ?? string.Empty);
                        break;
                    case "cellXfs":
                        inCellXfs = !x.IsEmptyElement;
                        break;
                    case "xf" when inCellXfs:
                        var fmt = int.TryParse(x.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                        styles.Add(custom.TryGetValue(fmt, out var isDate) ? isDate : fmt is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) or (>= 71 and <= 81));
                        break;
                }
            }
            else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
        }

        return [.. styles];
    }

    /// <summary>True when a format code shows a date or time: a d, m, y, h or s outside quotes, brackets and escapes.</summary>
    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (ch == '\\' || ch == '_' || ch == '*')
            {
                i++;
            }
            else if (ch == '[')
            {
                bracket = true;
            }
            else if (ch == ']')
            {
                bracket = false;
            }
            else if (!bracket && "dmyhsDMYHS".Contains(ch, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private XmlReader? OpenXml(string part, bool required)
    {
        var entry = _zip.GetEntry(part);
        if (entry is null)
        {
            return required ? throw new XlsxFormatException(new ProblemText("Xlsx_NoPart", Clip(part))) : null;
        }

        if (entry.Length > _maxPartBytes)
        {
            throw new XlsxFormatException(new ProblemText("Xlsx_PartTooLarge", part, Num(entry.Length), Num(_maxPartBytes)));
        }

        Stream stream;
        try
        {
            stream = new BoundedStream(entry.Open(), _maxPartBytes, part);
        }
        catch (InvalidDataException ex)
        {
            throw new XlsxFormatException(new ProblemText("Xlsx_CannotDecompress", part, ex.Message));
        }

        return XmlReader.Create(stream, Settings);
    }

    private static bool Next(XmlReader x, string part)
    {
        try
        {
            return x.Read();
        }
        catch (XmlException ex)
        {
            throw new XlsxFormatException(new ProblemText("Xlsx_NotXml", part, Num(ex.LineNumber), ex.Message));
        }
        catch (InvalidDataException ex)
        {
            throw new XlsxFormatException(new ProblemText("Xlsx_CannotDecompress", part, ex.Message));
        }
    }

    private static bool IsMain(XmlReader x) => x.NamespaceURI is Main or StrictMain;

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";

    private static string Num(long x) => x.ToString(CultureInfo.InvariantCulture);

    /// <summary>A read-only stream that fails once more than a bound has been read: the zip-bomb guard.</summary>
    private sealed class BoundedStream(Stream inner, long max, string part) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > max)
            {
                throw new XlsxFormatException(new ProblemText("Xlsx_PartLarger", part, Num(max)));
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
