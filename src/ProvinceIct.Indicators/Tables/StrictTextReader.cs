using System.Globalization;
using System.Text;

namespace ProvinceIct.Indicators.Tables;

/// <summary>
/// Decodes a byte stream strictly, never putting U+FFFD in place of a byte it cannot decode. The encoding comes from
/// a byte order mark when there is one (UTF-8, UTF-16 LE, UTF-16 BE), else from the caller, else UTF-8. The text is
/// delivered up to the first byte that cannot be decoded; reading further throws a <see cref="TextDecodingException"/>
/// naming that byte's 1-based line and character column (lines end with CRLF, LF or CR, as in <see cref="CsvTable"/>).
/// Streams in blocks: memory use does not grow with the file.
/// </summary>
internal sealed class StrictTextReader : TextReader
{
    private const int BlockSize = 1 << 16;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly Encoding _encoding;
    private readonly Kind _kind;
    private readonly byte[] _bytes;
    private readonly char[] _chars;
    private int _byteCount;
    private int _charPos;
    private int _charLen;
    private bool _eof;
    private byte[]? _badBytes;
    private int _line = 1;
    private int _column = 1;
    private bool _afterCr;

    private enum Kind
    {
        Utf8,
        Utf16Le,
        Utf16Be,
        SingleByte,
        Other,
    }

    /// <summary>Opens a file for strict decoding.</summary>
    public static StrictTextReader Open(string path, Encoding? encoding) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), encoding, ownsStream: true);

    public StrictTextReader(Stream stream, Encoding? encoding, bool ownsStream)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _bytes = new byte[BlockSize + 8];
        Fill(_bytes, 0, 3);
        var skip = 0;
        if (_byteCount >= 3 && _bytes[0] == 0xEF && _bytes[1] == 0xBB && _bytes[2] == 0xBF)
        {
            (_encoding, _kind, skip) = (new UTF8Encoding(false, true), Kind.Utf8, 3);
        }
        else if (_byteCount >= 2 && _bytes[0] == 0xFF && _bytes[1] == 0xFE)
        {
            (_encoding, _kind, skip) = (new UnicodeEncoding(false, false, true), Kind.Utf16Le, 2);
        }
        else if (_byteCount >= 2 && _bytes[0] == 0xFE && _bytes[1] == 0xFF)
        {
            (_encoding, _kind, skip) = (new UnicodeEncoding(true, false, true), Kind.Utf16Be, 2);
        }
        else
        {
            (_encoding, _kind) = Strict(encoding);
        }

        Buffer.BlockCopy(_bytes, skip, _bytes, 0, _byteCount - skip);
        _byteCount -= skip;
        if (_kind == Kind.Other)
        {
            // A general multi-byte encoding (for example Shift-JIS) is decoded in one piece, so that no character is split.
            using var all = new MemoryStream();
            all.Write(_bytes, 0, _byteCount);
            _stream.CopyTo(all);
            _bytes = all.ToArray();
            _byteCount = _bytes.Length;
            _eof = true;
        }

        _chars = new char[_encoding.GetMaxCharCount(Math.Max(_bytes.Length, 1))];
    }

    /// <summary>The encoding used (after byte order mark detection), for messages.</summary>
    public string EncodingName => _encoding.WebName;

    private static (Encoding, Kind) Strict(Encoding? encoding)
    {
        switch (encoding)
        {
            case null:
            case UTF8Encoding:
                return (new UTF8Encoding(false, true), Kind.Utf8);
            case UnicodeEncoding u:
                var big = u.CodePage == 1201;
                return (new UnicodeEncoding(big, false, true), big ? Kind.Utf16Be : Kind.Utf16Le);
            default:
                var clone = (Encoding)encoding.Clone();
                clone.DecoderFallback = DecoderFallback.ExceptionFallback;
                return (clone, clone.IsSingleByte ? Kind.SingleByte : Kind.Other);
        }
    }

    public override int Peek()
    {
        if (_charPos == _charLen && !Decode())
        {
            return -1;
        }

        return _chars[_charPos];
    }

    public override int Read()
    {
        if (_charPos == _charLen && !Decode())
        {
            return -1;
        }

        var c = _chars[_charPos++];
        Track(c);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_charPos == _charLen && !Decode())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _charLen - _charPos);
        var span = _chars.AsSpan(_charPos, n);
        span.CopyTo(buffer);
        _charPos += n;
        TrackSpan(span);
        return n;
    }

    public override string ReadToEnd()
    {
        var sb = new StringBuilder();
        while (_charPos < _charLen || Decode())
        {
            var span = _chars.AsSpan(_charPos, _charLen - _charPos);
            sb.Append(span);
            TrackSpan(span);
            _charPos = _charLen;
        }

        return sb.ToString();
    }

    private void TrackSpan(ReadOnlySpan<char> span)
    {
        while (!span.IsEmpty)
        {
            var k = span.IndexOfAny('\r', '\n');
            if (k < 0)
            {
                _column += span.Length;
                _afterCr = false;
                return;
            }

            _column += k;
            Track(span[k]);
            span = span[(k + 1)..];
        }
    }

    private void Track(char c)
    {
        if (c == '\n')
        {
            if (!_afterCr)
            {
                _line++;
            }

            _column = 1;
            _afterCr = false;
        }
        else if (c == '\r')
        {
            _line++;
            _column = 1;
            _afterCr = true;
        }
        else
        {
            _column++;
            _afterCr = false;
        }
    }

    /// <summary>Decodes the next block; false at the end. Throws when the next character is an undecodable byte.</summary>
    private bool Decode()
    {
        if (_badBytes is not null)
        {
            throw new TextDecodingException(_line, _column, _badBytes, _encoding.WebName);
        }

        while (true)
        {
            if (!_eof && _byteCount < BlockSize)
            {
                var before = _byteCount;
                Fill(_bytes, _byteCount, BlockSize - _byteCount);
                _eof = _byteCount == before;
            }

            if (_byteCount == 0)
            {
                return false;
            }

            var m = _eof ? _byteCount : Boundary();
            if (m == 0)
            {
                continue;
            }

            _charPos = 0;
            try
            {
                _charLen = _encoding.GetChars(_bytes.AsSpan(0, m), _chars);
            }
            catch (DecoderFallbackException ex)
            {
                var k = Math.Clamp(ex.Index, 0, m);
                _charLen = _encoding.GetChars(_bytes.AsSpan(0, k), _chars);
                _badBytes = ex.BytesUnknown is { Length: > 0 } b ? b : [_bytes[k]];
                _byteCount = 0;
                _eof = true;
                if (_charLen == 0)
                {
                    throw new TextDecodingException(_line, _column, _badBytes, _encoding.WebName);
                }

                return true;
            }

            Buffer.BlockCopy(_bytes, m, _bytes, 0, _byteCount - m);
            _byteCount -= m;
            if (_charLen > 0)
            {
                return true;
            }
        }
    }

    /// <summary>The longest prefix of the byte buffer that ends on a character boundary.</summary>
    private int Boundary()
    {
        var n = _byteCount;
        switch (_kind)
        {
            case Kind.Utf8:
                for (var j = n - 1; j >= Math.Max(0, n - 4); j--)
                {
                    var b = _bytes[j];
                    if ((b & 0xC0) == 0x80)
                    {
                        continue;
                    }

                    var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                    return j + need > n ? j : n;
                }

                return n;
            case Kind.Utf16Le:
            case Kind.Utf16Be:
                var even = n & ~1;
                if (even >= 2)
                {
                    var high = _kind == Kind.Utf16Le ? _bytes[even - 1] : _bytes[even - 2];
                    if (high is >= 0xD8 and <= 0xDB)
                    {
                        return even - 2;
                    }
                }

                return even;
            default:
                return n;
        }
    }

    private void Fill(byte[] buffer, int offset, int count)
    {
        while (count > 0)
        {
            var r = _stream.Read(buffer, offset, count);
            if (r == 0)
            {
                return;
            }

            offset += r;
            count -= r;
            _byteCount = offset;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsStream)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Thrown by <see cref="StrictTextReader"/> when reading reaches a byte that cannot be decoded. Internal: readers turn it into a problem.</summary>
internal sealed class TextDecodingException : Exception
{
    public TextDecodingException(int line, int column, byte[] bytes, string encodingName)
        : base("Undecodable byte.")
    {
        Line = line;
        Column = column;
        Bytes = bytes;
        EncodingName = encodingName;
    }

    /// <summary>The 1-based line of the first undecodable byte.</summary>
    public int Line { get; }

    /// <summary>The 1-based character column of the first undecodable byte in its line.</summary>
    public int Column { get; }

    /// <summary>The undecodable bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>The encoding's web name (for example utf-8).</summary>
    public string EncodingName { get; }

    /// <summary>The bytes as <c>0xC3 0x28</c>.</summary>
    public string Hex => string.Join(" ", Bytes.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
}
