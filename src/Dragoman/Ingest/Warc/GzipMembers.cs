using System.Buffers.Binary;
using System.IO.Compression;

namespace Dragoman.Ingest.Warc;

/// <summary>One gzip member: where it starts in the compressed bytes, its decompressed bytes, or why it could not be read.</summary>
public readonly record struct GzipMember(long Offset, long CompressedLength, byte[]? Data, string? Error);

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

    public static IEnumerable<GzipMember> Read(byte[] bytes) => Read(new ByteWindow(bytes));

    /// <summary>The members of a gzip stream, read as they come (the stream is read forward only, once).</summary>
    public static IEnumerable<GzipMember> Read(Stream stream, int chunk = ByteWindow.DefaultChunk) => Read(new ByteWindow(stream, chunk));

    private static IEnumerable<GzipMember> Read(ByteWindow w)
    {
        long pos = 0;
        while (!w.Ensure(pos, pos, MaxHeaderBytes).IsEmpty)
        {
            var (data, error) = Inflate(w, pos);
            long next;
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

    private static (byte[]? Data, string? Error) Inflate(ByteWindow w, long start)
    {
        var header = HeaderLength(w.Span(start));
        if (header < 0) return (null, "not a gzip member header");
        try
        {
            using var input = w.ReadFrom(start + header, start, InflateTail);
            using var inflate = new DeflateStream(input, CompressionMode.Decompress);
            // One output buffer per thread, grown as needed: most members are a few KB and a fresh buffer each would dominate.
            var output = t_output ??= new MemoryStream(1 << 20);
            output.SetLength(0);
            var buffer = t_buffer ??= new byte[65536];
            int n;
            while ((n = inflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > MaxMemberBytes) return (null, $"gzip member decompresses to more than {MaxMemberBytes / (1024 * 1024)} MiB");
                output.Write(buffer, 0, n);
            }
            var data = output.ToArray();
            if (output.Capacity > 16 << 20) t_output = null; // do not keep a huge buffer after a huge member
            return (data, null);
        }
        catch (InvalidDataException ex) { return (null, "corrupt gzip data: " + ex.Message); }
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
