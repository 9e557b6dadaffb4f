using System.Globalization;
using Dragoman.Storage.Postgres;
using Npgsql;

namespace Dragoman.Cli.Commands;

/// <summary>
/// `bench scale --db POSTGRES`: grows a PostgreSQL store by copying its own rows in SQL, as the SQLite path does (articles
/// with new ids, hashes and URIs; their entities, mentions, places, times and events with them), which is far faster than
/// the writer with merging. Columns are read from the catalogue, so this follows the schema; generated columns (the
/// full-text vector, the PostGIS points) and every index are filled by the server. Incidents are not copied.
/// </summary>
public static class PostgresScaleCopy
{
    private static readonly string[] Tables = ["articles", "entities", "mentions", "places", "times", "events"];

    public static void CopyRows(string connectionString, int size, TextWriter progress)
    {
        using var db = new NpgsqlConnection(connectionString);
        db.Open();
        long Scalar(string sql)
        {
            using var c = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
            return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        long maxArticle = Scalar("SELECT max(id) FROM articles");
        var columns = Tables.ToDictionary(t => t, t => Columns(db, t));
        for (int k = 1; Scalar("SELECT count(*) FROM events") < size; k++)
        {
            long need = size - Scalar("SELECT count(*) FROM events");
            // whole articles of the original rows, as many as bring the events up to the size (in id order)
            long lastArticle = Scalar($"""
                SELECT COALESCE((SELECT article_id FROM (SELECT article_id, sum(n) OVER (ORDER BY article_id) AS running
                    FROM (SELECT article_id, count(*) AS n FROM events WHERE article_id <= {maxArticle} GROUP BY article_id) c) r
                WHERE running >= {need} ORDER BY article_id LIMIT 1), {maxArticle})
                """);
            using var tx = db.BeginTransaction();
            foreach (var table in Tables)
            {
                var exprs = columns[table].Select(c => c switch
                {
                    "id" when table == "articles" => $"id + {(long)k * maxArticle}",
                    "article_id" => $"article_id + {(long)k * maxArticle}",
                    // from the new id, so that copies of copies (a second size built by copying) stay distinct
                    "hash" => $"left(hash, 48) || lpad(to_hex(id + {(long)k * maxArticle}), 16, '0')",
                    "uri" => $"uri || '#x{k}'",
                    _ => $"\"{c}\"",
                });
                string key = table == "articles" ? "id" : "article_id";
                using var c = new NpgsqlCommand(
                    $"INSERT INTO {table}({string.Join(", ", columns[table].Select(n => $"\"{n}\""))}) SELECT {string.Join(", ", exprs)} FROM {table} WHERE {key} <= {lastArticle}",
                    db, tx) { CommandTimeout = 0 };
                c.ExecuteNonQuery();
            }
            // the panels' counts, as the writer adds them for the articles it stores (schema version 8)
            using (var panels = new NpgsqlCommand(
                $"SELECT panel_counts_add(ARRAY(SELECT id FROM articles WHERE id > {(long)k * maxArticle} AND id <= {lastArticle + (long)k * maxArticle}))",
                db, tx) { CommandTimeout = 0 })
                panels.ExecuteNonQuery();
            tx.Commit();
            progress.WriteLine($"  copy {k}: {Scalar("SELECT count(*) FROM events")} events");
        }
        // the writer takes ids from the identity after the copies
        Scalar("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))");
        // VACUUM as well: a copied page is all-visible only once vacuumed, and until then an index-only scan (a count, the
        // keys of an offset page) reads the heap row of each entry (100,409 heap fetches counting 1M events; "pgreads17")
        using var analyze = new NpgsqlCommand("VACUUM (ANALYZE)", db) { CommandTimeout = 0 };
        analyze.ExecuteNonQuery();
    }

    private static List<string> Columns(NpgsqlConnection db, string table)
    {
        using var c = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position", db);
        c.Parameters.AddWithValue(table);
        var names = new List<string>();
        using var r = c.ExecuteReader();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    /// <summary>The store's connection string with reads cancelled by the server after <paramref name="seconds"/>.</summary>
    public static string WithStatementTimeout(string db, double seconds) =>
        new NpgsqlConnectionStringBuilder(PostgresLocation.ConnectionString(db).Value!)
        {
            Options = string.Create(CultureInfo.InvariantCulture, $"-c statement_timeout={(int)(seconds * 1000)}"),
            CommandTimeout = (int)seconds + 5,
        }.ConnectionString;
}
