using System.Buffers.Binary;
using System.IO.Compression;

namespace Dragoman.Ingest.Warc;

/// <summary>
/// One gzip member: where it starts in the compressed bytes, its decompressed bytes, or why it could not be read. A
/// member too large to hold (a whole WARC gzipped as one member) comes as <see cref="Stream"/> instead of data: read it
/// before asking for the next member; its length (-1 here) and its trailer's check come after it, a failed check as
/// one more member at the same offset with the error.
/// </summary>
public readonly record struct GzipMember(long Offset, long CompressedLength, byte[]? Data, string? Error, MemberStream? Stream = null);

/// <summary>
/// Reads a multi-member gzip file (as CC-NEWS and other WARC writers produce: one member per record) member by member,
/// keeping each member's offset in the compressed file, the offset WARC indexes (CDX) use. A member's end is found
/// by the next gzip header whose preceding trailer's ISIZE equals the member's decompressed length; a member that
/// cannot be inflated or fails its CRC-32 is one error, and reading resumes at the next plausible gzip header.
/// From a stream, only the member in hand is held (its compressed bytes as the inflater reads them, and its data).
/// </summary>
public static class GzipMembers
{
    /// <summary>A member decompressing to more than this is refused (a zip bomb, or a whole-file gzip of a huge WARC).</summary>
    public const int MaxMemberBytes = 1024 * 1024 * 1024;

    /// <summary>When members may be streamed, a member decompressing to more than this is handed out as a stream, not held.</summary>
    public const int HoldAtMostBytes = 16 << 20;

    /// <summary>Bytes a gzip header may take (with its file name and comment); a longer one is not taken for a header.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>
    /// How far behind the inflater's read position compressed bytes are kept: the inflater reads ahead of the deflate
    /// data's end by at most its buffer (8 KiB in .NET), and the member's end is searched from there.
    /// </summary>
    private const int InflateTail = 1 << 20;

    [ThreadStatic] private static MemoryStream? t_output;
    [ThreadStatic] private static byte[]? t_buffer;

    public static bool IsGzip(ReadOnlySpan<byte> b) => b.Length >= 3 && b[0] == 0x1F && b[1] == 0x8B && b[2] == 8;

    /// <summary>
    /// The members of gzip bytes; with <paramref name="streamAbove"/> (bytes) a larger member comes as a stream, else
    /// every member is held whole (up to <see cref="MaxMemberBytes"/>).
    /// </summary>
    public static IEnumerable<GzipMember> Read(byte[] bytes, int? streamAbove = null) => Read(new ByteWindow(bytes), streamAbove);

    /// <summary>The members of a gzip stream, read as they come (the stream is read forward only, once).</summary>
    public static IEnumerable<GzipMember> Read(Stream stream, int chunk = ByteWindow.DefaultChunk, int? streamAbove = null) =>
        Read(new ByteWindow(stream, chunk), streamAbove);

    private static IEnumerable<GzipMember> Read(ByteWindow w, int? streamAbove)
    {
        long pos = 0;
        while (!w.Ensure(pos, pos, MaxHeaderBytes).IsEmpty)
        {
            var (data, error, large) = Inflate(w, pos, streamAbove);
            long next;
            if (large is not null)
            {
                using (large)
                {
                    yield return new GzipMember(pos, -1, null, null, large);
                    large.Drain();
                }
                error = large.Error;
                if (error is null)
                {
                    next = NextMember(w, pos + 10, (uint)large.Length);
                    if (next < 0) error = "gzip member has no valid trailer (the file is truncated)";
                    else if (large.Crc != BinaryPrimitives.ReadUInt32LittleEndian(w.Span(next - 8)))
                        error = "gzip member fails its CRC-32 check (the data is corrupt)";
                    if (next >= 0 && error is null) { pos = next; continue; }
                }
                next = NextHeader(w, Math.Max(pos + 1, w.Start));
                if (next < 0) next = w.End;
                yield return new GzipMember(pos, next - pos, null, error + " (the records before the fault were read)");
                pos = next;
                continue;
            }
            if (data is not null)
            {
                next = NextMember(w, pos + 10, (uint)data.Length);
                if (next < 0) { data = null; error = "gzip member has no valid trailer (the file is truncated)"; next = NextHeader(w, Math.Max(pos + 1, w.Start)); }
                else if (System.IO.Hashing.Crc32.HashToUInt32(data) != BinaryPrimitives.ReadUInt32LittleEndian(w.Span(next - 8)))
                    (data, error) = (null, "gzip member fails its CRC-32 check (the data is corrupt)");
            }
            else next = NextHeader(w, Math.Max(pos + 1, w.Start));
            if (next < 0) next = w.End;
            yield return new GzipMember(pos, next - pos, data, error);
            pos = next;
        }
    }

    private static (byte[]? Data, string? Error, MemberStream? Large) Inflate(ByteWindow w, long start, int? streamAbove)
    {
        var header = HeaderLength(w.Span(start));
        if (header < 0) return (null, "not a gzip member header", null);
        var inflate = new DeflateStream(w.ReadFrom(start + header, start, InflateTail), CompressionMode.Decompress);
        bool handedOut = false;
        try
        {
            // One output buffer per thread, grown as needed: most members are a few KB and a fresh buffer each would dominate.
            var output = t_output ??= new MemoryStream(1 << 20);
            output.SetLength(0);
            var buffer = t_buffer ??= new byte[65536];
            int n;
            while ((n = inflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > streamAbove)
                {
                    var held = output.ToArray();
                    if (output.Capacity > 16 << 20) t_output = null;
                    handedOut = true;
                    return (null, null, new MemberStream(held, inflate));
                }
                if (output.Length > MaxMemberBytes) return (null, $"gzip member decompresses to more than {MaxMemberBytes / (1024 * 1024)} MiB", null);
            }
            var data = output.ToArray();
            if (output.Capacity > 16 << 20) t_output = null; // do not keep a huge buffer after a huge member
            return (data, null, null);
        }
        catch (InvalidDataException ex) { return (null, "corrupt gzip data: " + ex.Message, null); }
        finally { if (!handedOut) inflate.Dispose(); }
    }

    /// <summary>Length of the gzip header at the start of <paramref name="b"/> (RFC 1952: fixed 10 bytes, then FEXTRA, FNAME, FCOMMENT, FHCRC), or -1.</summary>
    public static int HeaderLength(ReadOnlySpan<byte> b)
    {
        if (b.Length < 10 || !IsGzip(b)) return -1;
        byte flags = b[3];
        if ((flags & 0xE0) != 0) return -1;
        int i = 10;
        if ((flags & 4) != 0) { if (i + 2 > b.Length) return -1; i += 2 + BinaryPrimitives.ReadUInt16LittleEndian(b[i..]); }
        // an FEXTRA length can point past the end (found by the fuzzer: IndexOf then threw and ended the batch)
        if ((flags & 8) != 0) { if (i >= b.Length) return -1; int z = b[i..].IndexOf((byte)0); if (z < 0) return -1; i += z + 1; }
        if ((flags & 16) != 0) { if (i >= b.Length) return -1; int z = b[i..].IndexOf((byte)0); if (z < 0) return -1; i += z + 1; }
        if ((flags & 2) != 0) i += 2;
        return i > b.Length ? -1 : i;
    }

    /// <summary>
    /// The next member after a good one: the first gzip header whose preceding 4 bytes (the trailer's ISIZE) equal the
    /// decompressed size; else the stream's end when its last 4 bytes do; else -1 (truncated).
    /// </summary>
    private static long NextMember(ByteWindow w, long from, uint size)
    {
        long q = Math.Max(from, w.Start);
        while ((q = NextHeader(w, q)) >= 0)
        {
            if (q - from >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(w.Span(q - 4)) == size) return q;
            q++;
        }
        return w.End - from >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(w.Span(w.End - 4)) == size ? w.End : -1;
    }

    /// <summary>
    /// The next offset at or after <paramref name="from"/> with a plausible gzip header, or -1 at the stream's end (the
    /// window then still holds its last 8 bytes, and the 8 before a header found, for the trailer).
    /// </summary>
    private static long NextHeader(ByteWindow w, long from)
    {
        long p = from;
        while (true)
        {
            var span = w.Ensure(p - 8, p, MaxHeaderBytes);
            if (span.IsEmpty) return -1;
            int k = span.IndexOf((ReadOnlySpan<byte>)[0x1F, 0x8B, 0x08]);
            if (k < 0)
            {
                if (w.AtEnd) return -1;
                p += Math.Max(1, span.Length - 2); // the signature may straddle what is held
                continue;
            }
            p += k;
            if (HeaderLength(w.Ensure(p - 8, p, MaxHeaderBytes)) > 0) return p;
            p++;
        }
    }
}

/// <summary>
/// A gzip member's data read as it is inflated (the first bytes already inflated, then the rest), keeping its CRC-32
/// and length for the trailer's check. Corrupt deflate data end the stream early with <see cref="Error"/> set, so a
/// reader sees a short stream (a truncated record), never an exception.
/// </summary>
public sealed class MemberStream : Stream
{
    private byte[]? _head;
    private int _headRead;
    private readonly DeflateStream _inflate;
    private readonly System.IO.Hashing.Crc32 _crc = new();
    private long _length;

    internal MemberStream(byte[] head, DeflateStream inflate)
    {
        _head = head;
        _inflate = inflate;
    }

    /// <summary>Why the data ended early (corrupt deflate data), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The CRC-32 of the bytes handed out so far.</summary>
    public uint Crc => _crc.GetCurrentHashAsUInt32();

    /// <summary>Decompressed bytes handed out so far.</summary>
    public override long Length => _length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (_head is not null)
        {
            n = Math.Min(buffer.Length, _head.Length - _headRead);
            _head.AsSpan(_headRead, n).CopyTo(buffer);
            _headRead += n;
            if (_headRead == _head.Length) _head = null; // what is handed out is not held
        }
        else if (Error is not null) return 0;
        else
        {
            try { n = _inflate.Read(buffer); }
            catch (InvalidDataException ex) { Error = "corrupt gzip data: " + ex.Message; return 0; }
        }
        _crc.Append(buffer[..n]);
        _length += n;
        return n;
    }

    /// <summary>Reads what the reader left, so that the trailer can be checked.</summary>
    internal void Drain()
    {
        var buffer = new byte[65536];
        while (Read(buffer) > 0) { }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inflate.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
