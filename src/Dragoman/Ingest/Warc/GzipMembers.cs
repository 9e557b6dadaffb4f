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
/// </summary>
public static class GzipMembers
{
    /// <summary>A member decompressing to more than this is refused (a zip bomb, or a whole-file gzip of a huge WARC).</summary>
    public const int MaxMemberBytes = 1024 * 1024 * 1024;

    [ThreadStatic] private static MemoryStream? t_output;
    [ThreadStatic] private static byte[]? t_buffer;

    public static bool IsGzip(ReadOnlySpan<byte> b) => b.Length >= 3 && b[0] == 0x1F && b[1] == 0x8B && b[2] == 8;

    public static IEnumerable<GzipMember> Read(byte[] bytes)
    {
        long pos = 0;
        while (pos < bytes.Length)
        {
            var (data, error) = Inflate(bytes, (int)pos);
            long next;
            if (data is not null)
            {
                next = NextMember(bytes, (int)pos + 10, (uint)data.Length);
                if (next < 0) { data = null; error = "gzip member has no valid trailer (the file is truncated)"; next = NextHeader(bytes, (int)pos + 1); }
                else if (System.IO.Hashing.Crc32.HashToUInt32(data) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)next - 8)))
                    (data, error) = (null, "gzip member fails its CRC-32 check (the data is corrupt)");
            }
            else next = NextHeader(bytes, (int)pos + 1);
            if (next < 0) next = bytes.Length;
            yield return new GzipMember(pos, next - pos, data, error);
            pos = next;
        }
    }

    private static (byte[]? Data, string? Error) Inflate(byte[] bytes, int start)
    {
        var header = HeaderLength(bytes, start);
        if (header < 0) return (null, "not a gzip member header");
        try
        {
            using var input = new MemoryStream(bytes, start + header, bytes.Length - start - header, writable: false);
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

    /// <summary>Length of the gzip header at <paramref name="p"/> (RFC 1952: fixed 10 bytes, then FEXTRA, FNAME, FCOMMENT, FHCRC), or -1.</summary>
    public static int HeaderLength(byte[] b, int p)
    {
        if (p + 10 > b.Length || !IsGzip(b.AsSpan(p))) return -1;
        byte flags = b[p + 3];
        if ((flags & 0xE0) != 0) return -1;
        int i = p + 10;
        if ((flags & 4) != 0) { if (i + 2 > b.Length) return -1; i += 2 + BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i)); }
        // an FEXTRA length can point past the end (found by the fuzzer: IndexOf then threw and ended the batch)
        if ((flags & 8) != 0) { if (i >= b.Length) return -1; int z = Array.IndexOf(b, (byte)0, i); if (z < 0) return -1; i = z + 1; }
        if ((flags & 16) != 0) { if (i >= b.Length) return -1; int z = Array.IndexOf(b, (byte)0, i); if (z < 0) return -1; i = z + 1; }
        if ((flags & 2) != 0) i += 2;
        return i > b.Length ? -1 : i - p;
    }

    /// <summary>
    /// The next member after a good one: the first gzip header whose preceding 4 bytes (the trailer's ISIZE) equal the
    /// decompressed size; else the file's end when its last 4 bytes do; else -1 (truncated).
    /// </summary>
    private static long NextMember(byte[] b, int from, uint size)
    {
        int q = from;
        while ((q = NextHeader(b, q)) >= 0)
        {
            if (q - from >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(q - 4)) == size) return q;
            q++;
        }
        return b.Length - from >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(b.Length - 4)) == size ? b.Length : -1;
    }

    /// <summary>The next offset at or after <paramref name="from"/> with a plausible gzip header, or -1.</summary>
    private static int NextHeader(byte[] b, int from)
    {
        var span = b.AsSpan();
        int p = from;
        while (p < b.Length)
        {
            int k = span[p..].IndexOf((ReadOnlySpan<byte>)[0x1F, 0x8B, 0x08]);
            if (k < 0) return -1;
            p += k;
            if (HeaderLength(b, p) > 0) return p;
            p++;
        }
        return -1;
    }
}
