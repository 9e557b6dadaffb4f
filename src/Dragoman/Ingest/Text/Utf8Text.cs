using System.Text;

namespace Dragoman.Ingest.Text;

/// <summary>
/// A read-only stream of the UTF-8 bytes of a text read from <see cref="TextReader"/>: lets a UTF-8 JSON reader go over
/// a file decoded as <see cref="StreamText"/> decodes it (BOM, UTF-16, windows-1252 bytes), one chunk at a time.
/// </summary>
public sealed class Utf8Text(TextReader text) : Stream
{
    private readonly Encoder encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly char[] chars = new char[16 * 1024];
    private readonly byte[] bytes = new byte[3 * 16 * 1024 + 4];
    private int pos, count;
    private bool ended;

    public override int Read(byte[] buffer, int offset, int length) => Read(buffer.AsSpan(offset, length));

    public override int Read(Span<byte> buffer)
    {
        while (pos == count)
        {
            if (ended) return 0;
            int n = text.Read(chars, 0, chars.Length);
            ended = n == 0;
            pos = 0;
            count = encoder.GetBytes(chars.AsSpan(0, n), bytes, flush: ended); // a surrogate pair cut by the chunk waits in the encoder
        }
        int take = Math.Min(buffer.Length, count - pos);
        bytes.AsSpan(pos, take).CopyTo(buffer);
        pos += take;
        return take;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int length) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) text.Dispose();
        base.Dispose(disposing);
    }
}
