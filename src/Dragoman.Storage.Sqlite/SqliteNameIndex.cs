using System.Text;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// The trigram indexes of schema version 12 over <c>events.actor_search</c> and <c>events.place_search</c> (FTS5, the
/// events table as external content, kept by triggers), and the MATCH query that finds a substring's candidate events.
/// <c>detail=none</c> keeps only which events hold each trigram (no positions): the index is a fraction of the text's
/// size, but cannot match phrases, so a substring is asked as all of its trigrams and every candidate is then checked
/// with <c>instr</c> (a row with the trigrams apart is a candidate, not a match).
/// </summary>
internal static class SqliteNameIndex
{
    public const string Sql = """
        CREATE VIRTUAL TABLE events_actor_names USING fts5(actor_search, content='events', content_rowid='id', tokenize='trigram', detail='none');
        CREATE VIRTUAL TABLE events_place_names USING fts5(place_search, content='events', content_rowid='id', tokenize='trigram', detail='none');
        INSERT INTO events_actor_names(events_actor_names) VALUES ('rebuild');
        INSERT INTO events_place_names(events_place_names) VALUES ('rebuild');
        CREATE TRIGGER events_names_ai AFTER INSERT ON events BEGIN
            INSERT INTO events_actor_names(rowid, actor_search) VALUES (new.id, new.actor_search);
            INSERT INTO events_place_names(rowid, place_search) VALUES (new.id, new.place_search);
        END;
        CREATE TRIGGER events_names_ad AFTER DELETE ON events BEGIN
            INSERT INTO events_actor_names(events_actor_names, rowid, actor_search) VALUES ('delete', old.id, old.actor_search);
            INSERT INTO events_place_names(events_place_names, rowid, place_search) VALUES ('delete', old.id, old.place_search);
        END;
        """;

    /// <summary>
    /// The FTS5 query for the events whose text may contain <paramref name="part"/> (lower-cased): every three successive
    /// characters as a quoted token, all required; null when the part has fewer than three characters (no trigram).
    /// </summary>
    public static string? Trigrams(string part)
    {
        var runes = part.EnumerateRunes().ToArray();
        if (runes.Length < 3) return null;
        var query = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 3 <= runes.Length; i++)
        {
            var gram = string.Concat(runes[i].ToString(), runes[i + 1].ToString(), runes[i + 2].ToString());
            if (!seen.Add(gram)) continue;
            if (query.Length > 0) query.Append(' ');
            query.Append('"').Append(gram.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return query.ToString();
    }
}
