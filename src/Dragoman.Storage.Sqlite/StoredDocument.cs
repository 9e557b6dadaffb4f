using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// <c>articles.document</c> holds the public JSON either as TEXT (as written by schema version 1 code, still read) or as
/// a BLOB packed by <see cref="DocumentPacking"/> (zlib), which is what is written now.
/// </summary>
internal static class StoredDocument
{
    public static byte[] Pack(string json) => DocumentPacking.Pack(json);

    public static JsonObject Unpack(SqliteDataReader r, int ordinal) =>
        r.GetFieldType(ordinal) == typeof(byte[])
            ? DocumentPacking.Unpack((byte[])r.GetValue(ordinal))
            : JsonNode.Parse(r.GetString(ordinal)) as JsonObject ?? new JsonObject();
}
