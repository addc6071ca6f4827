using System.Text;

namespace ProvinceIct.Indicators.Internal;

/// <summary>
/// A write-only stream that decodes the UTF-8 bytes written to it and passes the text on to a <see cref="TextWriter"/>
/// (a UTF-8 writer such as <see cref="System.Text.Json.Utf8JsonWriter"/> streaming to standard output or to
/// <see cref="AtomicFile.WriteText"/>). A character split between two writes is completed by the next one; an invalid
/// byte sequence throws. Disposing does not dispose the writer.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = AtomicFile.Utf8.GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var written = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars.AsSpan(0, written));
    }
}
