using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Dragoman.Ingest.Warc;

/// <summary>An HTTP response as a WARC response record stores it: status, headers, body (de-chunked and un-gzipped).</summary>
public sealed record HttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public static Result<HttpResponse> Parse(ReadOnlySpan<byte> block)
    {
        int end = block.IndexOf("\r\n\r\n"u8);
        int sep = 4;
        if (end < 0) { end = block.IndexOf("\n\n"u8); sep = 2; }
        if (end < 0) return Result<HttpResponse>.Fail("HTTP response has no end of headers");
        var lines = Encoding.Latin1.GetString(block[..end]).Split('\n');
        var status = lines[0].Trim().Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            return Result<HttpResponse>.Fail($"not an HTTP status line: '{lines[0].Trim()}'");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon > 0) headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        var body = block[(end + sep)..].ToArray();
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase) && Dechunk(body) is { } plain) body = plain;
        if (headers.TryGetValue("Content-Encoding", out var ce) && ce.Contains("gzip", StringComparison.OrdinalIgnoreCase) && GzipMembers.IsGzip(body))
        {
            try
            {
                using var gz = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
                using var ms = new MemoryStream();
                gz.CopyTo(ms);
                body = ms.ToArray();
            }
            catch (InvalidDataException ex) { return Result<HttpResponse>.Fail("HTTP body is declared gzip but is corrupt: " + ex.Message); }
        }
        return new HttpResponse(code, headers, body);
    }

    /// <summary>A chunked body, joined; null when the bytes are not chunked after all (many archives store bodies de-chunked).</summary>
    private static byte[]? Dechunk(byte[] body)
    {
        using var ms = new MemoryStream();
        int p = 0;
        while (true)
        {
            int nl = Array.IndexOf(body, (byte)'\n', p);
            if (nl < 0) return null;
            var sizeText = Encoding.ASCII.GetString(body, p, nl - p).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0) return null;
            if (size == 0) return ms.ToArray();
            p = nl + 1;
            if (p + size > body.Length) return null;
            ms.Write(body, p, size);
            p += size;
            if (p < body.Length && body[p] == '\r') p++;
            if (p < body.Length && body[p] == '\n') p++;
        }
    }
}
