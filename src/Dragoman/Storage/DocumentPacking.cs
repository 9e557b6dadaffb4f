using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Dragoman.Storage;

/// <summary>
/// How every store keeps an article's public JSON: UTF-8 compressed with zlib (RFC 1950). A fully annotated article's
/// JSON is mostly repeated keys and spans and compresses well, which keeps the store small and the writer fast; any zlib
/// reader (Python's zlib.decompress, for example) recovers the JSON.
/// </summary>
public static class DocumentPacking
{
    public static byte[] Pack(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var output = new MemoryStream(bytes.Length / 4 + 64);
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(bytes);
        return output.ToArray();
    }

    public static JsonObject Unpack(byte[] packed)
    {
        using var input = new MemoryStream(packed);
        using var z = new ZLibStream(input, CompressionMode.Decompress);
        return JsonNode.Parse(z) as JsonObject ?? new JsonObject();
    }
}
