using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// <c>articles.document</c> holds the public JSON either as TEXT (as written by schema version 1 code, still read) or as
/// a BLOB: the UTF-8 JSON compressed with zlib (RFC 1950), which is what is written now. The JSON of a fully annotated
/// article is mostly repeated keys and spans and compresses well, which keeps the file small and the writer fast.
/// Any zlib reader (Python's zlib.decompress, for example) recovers the JSON.
/// </summary>
internal static class StoredDocument
{
    public static byte[] Pack(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var output = new MemoryStream(bytes.Length / 4 + 64);
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(bytes);
        return output.ToArray();
    }

    public static JsonObject Unpack(SqliteDataReader r, int ordinal)
    {
        string json;
        if (r.GetFieldType(ordinal) == typeof(byte[]))
        {
            using var input = new MemoryStream((byte[])r.GetValue(ordinal));
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            using var text = new StreamReader(z, Encoding.UTF8);
            json = text.ReadToEnd();
        }
        else
            json = r.GetString(ordinal);
        return JsonNode.Parse(json) as JsonObject ?? new JsonObject();
    }
}
