using System.Text;

namespace Dragoman.Ingest.Containers;

/// <summary>
/// A charset declared outside the bytes (an HTTP Content-Type header in a WARC record or a fetched response) wins over
/// guesses from the bytes. The bytes are transcoded to UTF-8 with a BOM, which the decoder honours before any meta tag.
/// </summary>
public static class Charsets
{
    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The charset parameter of a Content-Type value ("text/html; charset=windows-1256"), or null.</summary>
    public static string? FromContentType(string? contentType)
    {
        if (contentType is null) return null;
        foreach (var part in contentType.Split(';').Skip(1))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && kv[0].Equals("charset", StringComparison.OrdinalIgnoreCase)) return kv[1].Trim('"', '\'', ' ');
        }
        return null;
    }

    /// <summary>The media type of a Content-Type value, lower case, without parameters.</summary>
    public static string MediaType(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>UTF-8 with a BOM when a known non-UTF-8 charset is declared; the bytes unchanged otherwise (unknown labels are left to the decoder).</summary>
    public static byte[] ToUtf8(byte[] bytes, string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return bytes;
        var label = charset.Trim().ToLowerInvariant();
        if (label is "utf-8" or "utf8") return bytes;
        // Browsers read latin1/iso-8859-1/ascii labels as windows-1252 (WHATWG Encoding), and so do we.
        if (label is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "iso8859-1") label = "windows-1252";
        Encoding encoding;
        try { encoding = Encoding.GetEncoding(label); }
        catch (ArgumentException) { return bytes; }
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return bytes;
        var text = encoding.GetString(bytes);
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];
    }
}
