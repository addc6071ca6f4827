using System.Globalization;
using System.Text;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Reads CSV records one at a time from a <see cref="TextReader"/> (the rules of <see cref="CsvTable"/>), keeping only
/// the current record: memory use does not grow with the file. Fields are available as spans (no allocation) or as
/// strings normalised to Unicode NFC. A problem (an unterminated quoted field, text after a closing quote, a byte that
/// cannot be decoded) is added to <see cref="Problems"/> with its line and column; an unterminated quote or an
/// undecodable byte ends the reading.
/// </summary>
internal sealed class CsvRecordReader : ICsvRecords
{
    private readonly TextReader _reader;
    private readonly string _source;
    private readonly char _delimiter;
    private readonly CsvInjectionPolicy _injection;
    private const int BufferSize = 1 << 15;

    [ThreadStatic]
    private static char[]? _spareBuffer; // the last finished reader's buffer, for the next reader on the thread

    private char[] _buffer = TakeBuffer();
    private int _pos;
    private int _len;
    private char[] _text = new char[256];
    private int _textLen;
    private int[] _starts = new int[16];
    private int[] _ends = new int[16];
    private int _count;
    private int _physicalLine = 1;
    private bool _done;
    private bool _first = true;

    public CsvRecordReader(TextReader reader, string source, char delimiter, CsvInjectionPolicy injection = CsvInjectionPolicy.Neutralise)
    {
        if (delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The delimiter must not be a quote or a line break.", nameof(delimiter));
        }

        _reader = reader;
        _source = source;
        _delimiter = delimiter;
        _injection = injection;
    }

    /// <summary>Problems found so far.</summary>
    public List<ValidationProblem> Problems { get; } = [];

    /// <summary>The 1-based physical line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int Count => _count;

    /// <summary>A field of the current record, as read (not trimmed, not normalised).</summary>
    public ReadOnlySpan<char> Span(int i) => _text.AsSpan(_starts[i], _ends[i] - _starts[i]);

    /// <summary>
    /// A field of the current record as a string in Unicode NFC (composed: a Windows-1258 or NFD "ệ" becomes one
    /// character); under <see cref="CsvInjectionPolicy.Neutralise"/> without the apostrophe a writer put before a
    /// formula-like text (see <see cref="CsvTable.FormatField(string, char, CsvInjectionPolicy)"/>).
    /// </summary>
    public string Text(int i) => _injection == CsvInjectionPolicy.Neutralise ? CsvTable.Unneutralise(Nfc(Span(i))) : Nfc(Span(i));

    /// <summary>The fields of the current record as NFC strings.</summary>
    public string[] Fields()
    {
        var fields = new string[_count];
        for (var i = 0; i < _count; i++)
        {
            fields[i] = Text(i);
        }

        return fields;
    }

    /// <summary>Text in NFC; ASCII is returned as is without the normalisation call.</summary>
    public static string Nfc(ReadOnlySpan<char> span)
    {
        if (System.Text.Ascii.IsValid(span))
        {
            return span.Length == 0 ? string.Empty : new string(span);
        }

        return Internal.UnicodeText.Nfc(new string(span));
    }

    /// <summary>Moves to the next record; false at the end of the input or after a problem that ends reading.</summary>
    public bool Read()
    {
        if (_done)
        {
            return false;
        }

        try
        {
            return ReadRecord() && WellFormed();
        }
        catch (TextDecodingException ex)
        {
            _done = true;
            Problems.Add(new ValidationProblem(ProblemCode.MalformedInput,
                new ProblemText("Csv_UndecodableByte", Num(ex.Line), Num(ex.Column), ex.Hex, ex.EncodingName))
            { Source = _source, Row = ex.Line, Column = _count + 1, ExpectedText = new ProblemText("Csv_ExpectedTextIn", ex.EncodingName), FoundText = new ProblemText("Csv_FoundByte", ex.Hex) });
            return false;
        }
    }

    /// <summary>
    /// Whether the current record is well-formed UTF-16. A lone surrogate can only come from a string the caller
    /// decoded (file readers refuse undecodable bytes first); it is a located problem that ends the reading.
    /// </summary>
    private bool WellFormed()
    {
        if (_text.AsSpan(0, _textLen).IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            // No surrogate anywhere in the record (the fields are stored one after the other): nothing to locate.
            return true;
        }

        for (var i = 0; i < _count; i++)
        {
            var at = Internal.UnicodeText.FirstLoneSurrogate(Span(i));
            if (at >= 0)
            {
                _done = true;
                var code = "U+" + ((int)Span(i)[at]).ToString("X4", CultureInfo.InvariantCulture);
                Problems.Add(new ValidationProblem(ProblemCode.MalformedInput,
                    new ProblemText("Csv_LoneSurrogate", Num(Line), Num(i + 1), code))
                { Source = _source, Row = Line, Column = i + 1, ExpectedText = new ProblemText("Csv_ExpectedUnicode"), FoundText = new ProblemText("Csv_FoundLoneSurrogate", code) });
                return false;
            }
        }

        return true;
    }

    private static char[] TakeBuffer()
    {
        var spare = _spareBuffer;
        _spareBuffer = null;
        return spare ?? new char[BufferSize];
    }

    private int PeekChar() => Available() ? _buffer[_pos] : -1;

    /// <summary>Whether a character is buffered, reading the next block when the buffer is used up; false at the end.</summary>
    private bool Available()
    {
        if (_pos < _len)
        {
            return true;
        }

        if (_buffer.Length == 0)
        {
            return false;
        }

        _len = Math.Max(_reader.Read(_buffer, 0, _buffer.Length), 0);
        _pos = 0;
        if (_len == 0)
        {
            // The end of the input: the buffer is free for the next reader on this thread (reading many small files
            // then costs one buffer, not one each); this reader keeps an empty one and stays at the end.
            _spareBuffer = _buffer;
            _buffer = [];
            return false;
        }

        return true;
    }

    private void SkipLf()
    {
        if (PeekChar() == '\n')
        {
            _pos++;
        }
    }

    private void Append(char c)
    {
        if (_textLen == _text.Length)
        {
            Array.Resize(ref _text, _text.Length * 2);
        }

        _text[_textLen++] = c;
    }

    private void AppendRun(ReadOnlySpan<char> run)
    {
        if (_textLen + run.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLen + run.Length));
        }

        run.CopyTo(_text.AsSpan(_textLen));
        _textLen += run.Length;
    }

    private void EndField(int start)
    {
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _ends, _count * 2);
        }

        _starts[_count] = start;
        _ends[_count] = _textLen;
        _count++;
    }

    /// <summary>
    /// The common quoted field in one step: when the buffer holds the whole field and the character after it, with no
    /// quote or line break inside and a delimiter or line break after the closing quote, its text is appended and the
    /// position moved past the closing quote. False (nothing done) for anything else, which the general loop reads: a
    /// doubled quote, a line break inside, text after the closing quote, the end of the buffer or of the input.
    /// </summary>
    private bool TryQuotedFieldInBuffer()
    {
        var rest = _buffer.AsSpan(_pos + 1, _len - _pos - 1);
        var close = rest.IndexOfAny('"', '\r', '\n');
        if (close < 0 || rest[close] != '"' || close + 1 >= rest.Length)
        {
            return false;
        }

        var after = rest[close + 1];
        if (after != _delimiter && after is not ('\r' or '\n'))
        {
            return false;
        }

        AppendRun(rest[..close]);
        _pos += close + 2;
        return true;
    }

    private bool ReadRecord()
    {
        _count = 0;
        _textLen = 0;
        int c;
        if (_first)
        {
            _first = false;
            if (PeekChar() == '\uFEFF')
            {
                _pos++;
            }
        }

        // Skip physically empty lines.
        while (true)
        {
            c = PeekChar();
            if (c == -1)
            {
                _done = true;
                return false;
            }

            if (c is '\r' or '\n')
            {
                _pos++;
                if (c == '\r')
                {
                    SkipLf();
                }

                _physicalLine++;
                continue;
            }

            break;
        }

        Line = _physicalLine;
        while (true)
        {
            var start = _textLen;
            c = PeekChar();
            if (c == '"' && TryQuotedFieldInBuffer())
            {
                // The common quoted field, taken at once.
            }
            else if (c == '"')
            {
                _pos++;
                var quoteLine = _physicalLine;
                var closed = false;
                while (true)
                {
                    // The run up to the next quote or line break, copied at once (the common case: a whole field).
                    if (!Available())
                    {
                        break;
                    }

                    var run = _buffer.AsSpan(_pos, _len - _pos);
                    var stop = run.IndexOfAny('"', '\r', '\n');
                    if (stop < 0)
                    {
                        AppendRun(run);
                        _pos = _len;
                        continue;
                    }

                    // The text before the quote or line break, then that character (found by the same search).
                    AppendRun(run[..stop]);
                    _pos += stop;
                    c = _buffer[_pos++];
                    if (c == '"')
                    {
                        if (PeekChar() == '"')
                        {
                            _pos++;
                            Append('"');
                            continue;
                        }

                        closed = true;
                        break;
                    }

                    Append((char)c);
                    if (c == '\r')
                    {
                        if (PeekChar() == '\n')
                        {
                            _pos++;
                            Append('\n');
                        }

                        _physicalLine++;
                    }
                    else if (c == '\n')
                    {
                        _physicalLine++;
                    }
                }

                if (!closed)
                {
                    Problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Csv_UnclosedQuote", Num(quoteLine)))
                    { Source = _source, Row = quoteLine, Column = _count + 1, ExpectedText = new ProblemText("Csv_ExpectedClosingQuote"), FoundText = new ProblemText("Csv_FoundEndOfInput") });
                    _done = true;
                    return false;
                }

                c = PeekChar();
                if (c != -1 && c != _delimiter && c is not ('\r' or '\n'))
                {
                    var extraStart = _textLen;
                    while ((c = PeekChar()) != -1 && c != _delimiter && c is not ('\r' or '\n'))
                    {
                        _pos++;
                        Append((char)c);
                    }

                    Problems.Add(new ValidationProblem(ProblemCode.MalformedInput, new ProblemText("Csv_TextAfterQuote"))
                    { Source = _source, Row = _physicalLine, Column = _count + 1, ExpectedText = new ProblemText("Csv_ExpectedAfterQuote"), Found = new string(_text, extraStart, _textLen - extraStart) });
                }
            }
            else
            {
                // The run up to the next delimiter or line break, copied at once.
                while (Available())
                {
                    var run = _buffer.AsSpan(_pos, _len - _pos);
                    var stop = run.IndexOfAny(_delimiter, '\r', '\n');
                    var taken = stop < 0 ? run.Length : stop;
                    AppendRun(run[..taken]);
                    _pos += taken;
                    if (stop >= 0)
                    {
                        break;
                    }
                }
            }

            EndField(start);
            c = PeekChar();
            if (c == _delimiter)
            {
                _pos++;
                if (PeekChar() == -1)
                {
                    EndField(_textLen);
                    _done = true;
                    return true;
                }

                continue;
            }

            if (c == -1)
            {
                _done = true;
                return true;
            }

            _pos++;
            if (c == '\r')
            {
                SkipLf();
            }

            _physicalLine++;
            return true;
        }
    }

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);
}

/// <summary>CSV records read one at a time: from a stream (<see cref="CsvRecordReader"/>) or from a parsed table (<see cref="TableRecords"/>).</summary>
internal interface ICsvRecords
{
    /// <summary>Problems of the CSV syntax found so far.</summary>
    List<ValidationProblem> Problems { get; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    int Line { get; }

    /// <summary>The number of fields of the current record.</summary>
    int Count { get; }

    /// <summary>Moves to the next record; false at the end.</summary>
    bool Read();

    /// <summary>A field as a span.</summary>
    ReadOnlySpan<char> Span(int i);

    /// <summary>A field as an NFC string.</summary>
    string Text(int i);

    /// <summary>Whether <see cref="TryNumber"/> can be true (a source with typed cells): when false, readers need not ask it cell by cell.</summary>
    bool HasTypedNumbers => false;

    /// <summary>
    /// The field as a number when the source stores it typed (a numeric spreadsheet cell), read without any culture;
    /// false for text sources, whose fields are parsed by the caller.
    /// </summary>
    bool TryNumber(int i, out double value)
    {
        value = double.NaN;
        return false;
    }
}

/// <summary>The records of an already parsed <see cref="CsvTable"/>, header first.</summary>
internal sealed class TableRecords(CsvTable table) : ICsvRecords
{
    private int _index = -2;

    public List<ValidationProblem> Problems { get; } = [];

    private CsvRecord Current => _index == -1 ? table.Header : table.Rows[_index];

    public int Line => Current.Line;

    public int Count => Current.Count;

    public bool Read()
    {
        if (_index + 1 >= table.Rows.Length)
        {
            return false;
        }

        _index++;
        return true;
    }

    public ReadOnlySpan<char> Span(int i) => Current[i];

    public string Text(int i) => CsvRecordReader.Nfc(Current[i]);
}
