namespace Dragoman.Ingest.Warc;

/// <summary>
/// A forward-only window over a stream: the bytes from the oldest offset a reader still needs to what has been read,
/// addressed by their offset in the stream. Readers ask for bytes ahead (<see cref="Ensure"/>) and say from where they
/// still need them, so memory is bounded by the largest record or member in hand, not by the file. Over a byte array
/// the window is the array itself (no copy, never refilled).
/// </summary>
internal sealed class ByteWindow
{
    /// <summary>Bytes read from the stream at a time; the buffer starts at this size and shrinks back to it after a large record.</summary>
    public const int DefaultChunk = 1 << 20;

    private readonly Stream? _stream;
    private readonly int _chunk;
    private byte[] _buffer;
    private long _start;
    private int _count;

    public ByteWindow(Stream stream, int chunk = DefaultChunk)
    {
        _stream = stream;
        _chunk = Math.Max(16, chunk);
        _buffer = new byte[_chunk];
    }

    public ByteWindow(byte[] bytes)
    {
        _buffer = bytes;
        _count = bytes.Length;
        _chunk = DefaultChunk;
        AtEnd = true;
    }

    /// <summary>True once the stream has no more bytes: <see cref="End"/> is then its length.</summary>
    public bool AtEnd { get; private set; }

    /// <summary>Stream offset just after the last byte read.</summary>
    public long End => _start + _count;

    /// <summary>Stream offset of the oldest byte still held.</summary>
    public long Start => _start;

    /// <summary>The buffer's size now (for tests of the memory bound).</summary>
    public int Capacity => _buffer.Length;

    /// <summary>True when spans handed out stay valid (the window holds a whole array and never moves).</summary>
    public bool IsStable => _stream is null;

    /// <summary>
    /// Makes the bytes [<paramref name="from"/>, <paramref name="from"/> + <paramref name="need"/>) available (fewer at
    /// the stream's end) and returns the bytes held from <paramref name="from"/> on. Bytes before
    /// <paramref name="keepFrom"/> may be dropped; <paramref name="from"/> may lie ahead of what was read (the bytes
    /// between are read and dropped).
    /// </summary>
    public ReadOnlySpan<byte> Ensure(long keepFrom, long from, long need)
    {
        while (End < from + need && !AtEnd) Fill(Math.Min(keepFrom, from));
        return Span(from);
    }

    /// <summary>The bytes held from <paramref name="from"/> to what has been read (empty when past it).</summary>
    public ReadOnlySpan<byte> Span(long from)
    {
        if (from < _start) throw new InvalidOperationException($"offset {from} was already dropped (window starts at {_start})");
        return from >= End ? [] : _buffer.AsSpan((int)(from - _start), (int)(End - from));
    }

    /// <summary>The bytes [from, from + length): a slice of the array when stable, else a copy (the buffer moves on).</summary>
    public ReadOnlyMemory<byte> Slice(long from, int length)
    {
        var memory = _buffer.AsMemory((int)(from - _start), length);
        return IsStable ? memory : memory.ToArray();
    }

    private void Fill(long keepFrom)
    {
        int drop = (int)Math.Clamp(keepFrom - _start, 0, _count);
        if (drop > 0)
        {
            if (_buffer.Length > 4 * _chunk && _count - drop <= _chunk)
            {
                // a large record has gone: give its buffer back
                var small = new byte[2 * _chunk];
                Buffer.BlockCopy(_buffer, drop, small, 0, _count - drop);
                _buffer = small;
            }
            else Buffer.BlockCopy(_buffer, drop, _buffer, 0, _count - drop);
            _start += drop;
            _count -= drop;
        }
        if (_buffer.Length - _count < _chunk / 2) Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, _count + _chunk));
        int n = _stream!.Read(_buffer, _count, _buffer.Length - _count);
        if (n == 0) AtEnd = true;
        else _count += n;
    }

    /// <summary>A read-only stream over the window from an offset on (for an inflater), dropping what lies more than <paramref name="tail"/> behind it.</summary>
    public Stream ReadFrom(long offset, long keepFrom, int tail) => new Reader(this, offset, keepFrom, tail);

    private sealed class Reader(ByteWindow window, long position, long keepFrom, int tail) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var held = window.Ensure(Math.Max(keepFrom, position - tail), position, 1);
            int n = Math.Min(held.Length, buffer.Length);
            held[..n].CopyTo(buffer);
            position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
