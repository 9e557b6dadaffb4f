using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// <c>articles.document</c> holds the public JSON (without the article text, which has its own column) as UTF-8
/// compressed with zlib (RFC 1950), the same bytes the SQLite provider writes: a fully annotated article's JSON is
/// mostly repeated keys and spans. Any zlib reader recovers the JSON (in SQL: none; read it through dragoman).
/// </summary>
internal static class PackedDocument
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
