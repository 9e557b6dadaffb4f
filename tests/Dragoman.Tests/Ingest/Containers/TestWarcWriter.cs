using System.IO.Compression;
using System.Text;

namespace Dragoman.Tests.Ingest.Containers;

/// <summary>
/// Writes WARC 1.0 files for tests (no stored binaries): response records wrapping an HTTP response, resource and request
/// records, each optionally its own gzip member as CC-NEWS writes them. Records offsets of what it wrote.
/// </summary>
internal sealed class TestWarcWriter
{
    private readonly MemoryStream _out = new();
    private readonly bool _gzip;
    // record ids count up instead of Guid.NewGuid(): the same records give the same bytes, so a test that damages the
    // compressed file at a fixed offset damages the same thing on every run (a random id made one such test flaky)
    private int _records;
    public List<long> Offsets { get; } = [];

    public TestWarcWriter(bool gzip) => _gzip = gzip;

    public TestWarcWriter Response(string uri, string html, string contentType = "text/html; charset=utf-8", int status = 200, Encoding? encoding = null, string date = "2026-12-01T10:00:00Z")
    {
        var body = (encoding ?? Encoding.UTF8).GetBytes(html);
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Other")}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n");
        return Record("response", uri, "application/http; msgtype=response", [.. http, .. body], date);
    }

    public TestWarcWriter Resource(string uri, string text, string contentType) => Record("resource", uri, contentType, Encoding.UTF8.GetBytes(text));

    public TestWarcWriter Request(string uri) => Record("request", uri, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"));

    /// <summary>A record whose declared Content-Length is <paramref name="lengthDelta"/> off its real block length.</summary>
    public TestWarcWriter Record(string type, string uri, string contentType, byte[] block, string date = "2026-12-01T10:00:00Z", int lengthDelta = 0)
    {
        var header = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{++_records:D12}>\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length + lengthDelta}\r\n\r\n";
        byte[] record = [.. Encoding.UTF8.GetBytes(header), .. block, .. "\r\n\r\n"u8];
        return Raw(record);
    }

    /// <summary>Appends bytes as one record (one gzip member when gzipping).</summary>
    public TestWarcWriter Raw(byte[] record)
    {
        Offsets.Add(_out.Length);
        if (!_gzip) { _out.Write(record); return this; }
        using (var gz = new GZipStream(_out, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(record);
        return this;
    }

    public byte[] ToArray() => _out.ToArray();

    public static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(bytes);
        return ms.ToArray();
    }

    public static string Page(string title, string body) =>
        $"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>";
}
