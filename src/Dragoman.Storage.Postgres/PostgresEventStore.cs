using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// The PostgreSQL + PostGIS event store: the same contract as SQLite's (tests/Dragoman.Tests/Storage), for a team sharing
/// one database and for many workers writing at once. Pooled connections (reads run in parallel); a batch is written in
/// one transaction with binary COPY; articles go through a staging table and <c>INSERT ... ON CONFLICT (hash) DO NOTHING</c>,
/// so two writers storing the same article store it once. Event and place points are PostGIS geometries with GiST
/// indexes; full-text search uses a generated tsvector with a GIN index (<see cref="PostgresSearchQuery"/>).
/// </summary>
public sealed partial class PostgresEventStore : IEventStore
{
    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _clock;

    private PostgresEventStore(NpgsqlDataSource source, TimeProvider clock, int version)
    {
        _source = source;
        _clock = clock;
        SchemaVersion = version;
    }

    public int SchemaVersion { get; }

    /// <summary>Opens the store behind <paramref name="connectionString"/> (Npgsql keywords) and migrates it to the latest schema.</summary>
    public static PostgresEventStore Open(string connectionString, TimeProvider? clock = null) => Open(connectionString, clock, null);

    internal static PostgresEventStore Open(string connectionString, TimeProvider? clock, int? targetVersion)
    {
        clock ??= TimeProvider.System;
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            using var db = source.OpenConnection();
            int version = PostgresMigrations.Migrate(db, clock.GetUtcNow(), targetVersion);
            var store = new PostgresEventStore(source, clock, version);
            store.LabelComponents();
            return store;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a read replica (a hot standby refuses writes, so nothing is migrated): its schema must already be at this
    /// program's version, else the primary has to be opened (and migrated) first.
    /// </summary>
    public static PostgresEventStore OpenReplica(string connectionString, TimeProvider? clock = null)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            using var db = source.OpenConnection();
            int version = 0;
            using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", db))
                if (exists.ExecuteScalar() is true)
                {
                    using var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", db);
                    version = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
                }
            if (version != PostgresMigrations.Latest)
                throw new InvalidOperationException($"the read replica's schema is at version {version}, this dragoman needs {PostgresMigrations.Latest}; open the primary first (it migrates) and let the replica catch up");
            return new PostgresEventStore(source, clock ?? TimeProvider.System, version);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>A pooled connection to the store's database, for callers that write in their own transaction (the work queue).</summary>
    internal NpgsqlConnection OpenConnection() => _source.OpenConnection();

    public void Dispose() => _source.Dispose();

    // ---------------------------------------------------------------- writing

    public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents)
    {
        if (documents.Count == 0) return [];
        using var db = _source.OpenConnection();
        using var tx = db.BeginTransaction();
        var outcomes = Add(db, tx, documents);
        tx.Commit();
        return outcomes;
    }

    /// <summary>
    /// Stores a batch inside the caller's transaction. The whole batch goes in with COPY; when the server refuses it (a
    /// document the database cannot hold, such as text with a NUL character), it is stored again one document per
    /// savepoint, so only the documents that fail are reported as failed.
    /// </summary>
    internal IReadOnlyList<AddOutcome> Add(NpgsqlConnection db, NpgsqlTransaction tx, IReadOnlyList<StorableDocument> documents)
    {
        var ingestedAt = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var outcomes = new AddOutcome?[documents.Count];
        var pending = new List<(int Index, DocumentRowSet Rows)>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            try
            {
                var rows = doc.Rows;
                if (first.ContainsKey(rows.Article.Hash)) continue; // a repeat within the batch: settled below
                first[rows.Article.Hash] = i;
                pending.Add((i, rows));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                outcomes[i] = new AddOutcome(doc.Hash, AddStatus.Failed, null, "not a valid document: " + ex.Message);
            }
        }

        // Merging: the blocks the batch's reports read and write are locked before anything is written (see PostgresIncidents).
        var reports = MergeReportsOf(pending.Select(p => p.Rows));
        if (reports is not null) LockBlocks(db, tx, reports);
        void Store(List<(int Index, DocumentRowSet Rows)> docs)
        {
            var fresh = Insert(db, tx, docs, ingestedAt, outcomes);
            if (reports is not null) MergeStored(db, tx, fresh, reports);
        }

        Exec(db, tx, "SAVEPOINT batch");
        try
        {
            Store(pending);
            Exec(db, tx, "RELEASE SAVEPOINT batch");
        }
        catch (PostgresException)
        {
            Exec(db, tx, "ROLLBACK TO SAVEPOINT batch");
            foreach (var one in pending)
            {
                Exec(db, tx, "SAVEPOINT doc");
                try
                {
                    Store([one]);
                    Exec(db, tx, "RELEASE SAVEPOINT doc");
                }
                catch (PostgresException ex)
                {
                    Exec(db, tx, "ROLLBACK TO SAVEPOINT doc");
                    outcomes[one.Index] = new AddOutcome(documents[one.Index].Hash, AddStatus.Failed, null, "store: " + ex.MessageText);
                }
            }
        }

        for (int i = 0; i < documents.Count; i++)
        {
            if (outcomes[i] is not null) continue;
            var earlier = outcomes[first[documents[i].Rows.Article.Hash]]!;
            outcomes[i] = earlier.Status == AddStatus.Failed ? earlier with { } : new AddOutcome(documents[i].Hash, AddStatus.Duplicate, earlier.ArticleId);
        }
        return outcomes!;
    }

    private const string Stage = "dragoman_stage_articles";

    /// <summary>
    /// Articles through the staging table (ids taken in batch order), then every child row of the new ones with COPY.
    /// Returns the articles stored (not duplicates), with their ids.
    /// </summary>
    private static List<(long Id, DocumentRowSet Rows)> Insert(NpgsqlConnection db, NpgsqlTransaction tx, List<(int Index, DocumentRowSet Rows)> pending, string ingestedAt, AddOutcome?[] outcomes)
    {
        if (pending.Count == 0) return [];
        var ids = new List<long>(pending.Count);
        using (var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, $1)", db, tx))
        {
            next.Parameters.AddWithValue(pending.Count);
            using var r = next.ExecuteReader();
            while (r.Read()) ids.Add(r.GetInt64(0));
        }
        var names = string.Join(", ", PostgresColumns.Articles.Select(c => $"\"{c.Name}\""));
        Exec(db, tx, $"""
            CREATE TEMP TABLE IF NOT EXISTS {Stage} (LIKE articles INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;
            TRUNCATE {Stage}
            """);
        using (var w = db.BeginBinaryImport($"COPY {Stage} (id, ingested_at, {names}) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < pending.Count; i++)
            {
                w.StartRow();
                w.Write(ids[i], NpgsqlDbType.Bigint);
                w.Write(ingestedAt, NpgsqlDbType.Text);
                foreach (var c in PostgresColumns.Articles)
                {
                    if (c.Value(pending[i].Rows.Article) is { } v) w.Write(v, c.Type);
                    else w.WriteNull();
                }
            }
            w.Complete();
        }
        // In hash order, so that two writers storing overlapping batches take the unique index's locks in one order.
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var insert = new NpgsqlCommand($"""
            INSERT INTO articles (id, ingested_at, {names}) SELECT id, ingested_at, {names} FROM {Stage} ORDER BY hash
            ON CONFLICT (hash) DO NOTHING RETURNING id, hash
            """, db, tx))
        using (var r = insert.ExecuteReader())
            while (r.Read()) stored[r.GetString(1)] = r.GetInt64(0);

        var already = new Dictionary<string, long>(StringComparer.Ordinal);
        var others = pending.Select(p => p.Rows.Article.Hash).Where(h => !stored.ContainsKey(h)).ToArray();
        if (others.Length > 0)
        {
            using var find = new NpgsqlCommand("SELECT hash, id FROM articles WHERE hash = ANY($1)", db, tx);
            find.Parameters.AddWithValue(others);
            using var r = find.ExecuteReader();
            while (r.Read()) already[r.GetString(0)] = r.GetInt64(1);
        }

        var fresh = new List<(long Id, DocumentRowSet Rows)>();
        foreach (var (index, rows) in pending)
        {
            var hash = rows.Article.Hash;
            if (stored.TryGetValue(hash, out var id))
            {
                fresh.Add((id, rows));
                outcomes[index] = new AddOutcome(hash, AddStatus.Stored, id);
            }
            else
                outcomes[index] = new AddOutcome(hash, AddStatus.Duplicate, already.GetValueOrDefault(hash));
        }
        PostgresColumns.Copy(db, "entities", PostgresColumns.Entities, Unique(fresh, d => d.Entities, e => e.EntityId));
        PostgresColumns.Copy(db, "mentions", PostgresColumns.Mentions, fresh.SelectMany(d => d.Rows.Mentions.Select(m => (d.Id, m))));
        PostgresColumns.Copy(db, "places", PostgresColumns.Places, Unique(fresh, d => d.Places, p => p.EntityId));
        PostgresColumns.Copy(db, "times", PostgresColumns.Times, fresh.SelectMany(d => d.Rows.Times.Select(t => (d.Id, t))));
        var published = fresh.ToDictionary(d => d.Id, d => d.Rows.Article.Published);
        PostgresColumns.Copy(db, "events", PostgresColumns.DatedEvents,
            Unique(fresh, d => d.Events, e => e.EventId).Select(x => (x.Item1, new DatedEvent(x.Item2, published[x.Item1]))));
        using (var panels = new NpgsqlCommand("SELECT panel_counts_add($1)", db, tx))
        {
            panels.Parameters.AddWithValue(fresh.Select(d => d.Id).ToArray());
            panels.ExecuteNonQuery();
        }
        return fresh;
    }

    /// <summary>A document's rows of one keyed table, the first of each key (as SQLite's ON CONFLICT DO NOTHING keeps).</summary>
    private static IEnumerable<(long, T)> Unique<T>(List<(long Id, DocumentRowSet Rows)> docs, Func<DocumentRowSet, IReadOnlyList<T>> rows, Func<T, string> key)
    {
        foreach (var (id, set) in docs)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows(set))
                if (seen.Add(key(row))) yield return (id, row);
        }
    }

    private static void Exec(NpgsqlConnection db, NpgsqlTransaction? tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, db, tx);
        cmd.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- reading

    private const string ArticleColumns =
        "a.id, a.hash, a.uri, a.title, a.publisher, a.published, a.ingested_at, (SELECT COUNT(*)::int FROM events x WHERE x.article_id = a.id)";

    private static ArticleSummary ReadSummary(NpgsqlDataReader r)
    {
        var c = new PgCells(r);
        return new(c.Long(), c.Str(), c.Str(), c.NStr(), c.NStr(), c.NStr(), c.Str(), c.Int());
    }

    private static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A LIKE pattern matching <paramref name="part"/> anywhere (its own %, _ and \ taken literally).</summary>
    private static string Anywhere(string part) =>
        "%" + part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery q)
    {
        if (q.Limit < 0 || q.Offset < 0) return Result<IReadOnlyList<EventRecord>>.Fail("limit and offset must not be negative");
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand { Connection = db };
        if (EventListing(db, cmd, q, q.Limit) is { } error) return Result<IReadOnlyList<EventRecord>>.Fail(error);
        return ReadAll(cmd, PostgresColumns.ReadEvent);
    }

    /// <summary>
    /// The listing with a map feature's columns only (<see cref="PostgresColumns.FeatureSelect"/>): same events, same order.
    /// The rows are read without their articles, whose titles and dates are then read once per article: joined, the
    /// articles' wide rows were looked up for every event (about 2,000 distinct in 5,000 at 1M; docs/benchmarks.md, "pgfeed19").
    /// </summary>
    public Result<IReadOnlyList<EventRecord>> QueryFeatureEvents(EventQuery q)
    {
        if (q.Limit < 0 || q.Offset < 0) return Result<IReadOnlyList<EventRecord>>.Fail("limit and offset must not be negative");
        using var db = _source.OpenConnection();
        List<EventRecord> rows;
        using (var cmd = new NpgsqlCommand { Connection = db })
        {
            if (EventListing(db, cmd, q, q.Limit, select: PostgresColumns.FeatureSelect, articles: false) is { } error) return Result<IReadOnlyList<EventRecord>>.Fail(error);
            rows = ReadAll(cmd, PostgresColumns.ReadFeatureEvent);
        }
        var titles = new Dictionary<long, (string?, string?)>();
        if (rows.Count > 0)
        {
            using var read = new NpgsqlCommand("SELECT a.id, a.title, a.published FROM articles a WHERE a.id = ANY($1)", db);
            read.Parameters.AddWithValue(FeatureRows.ArticleIds(rows));
            using var r = read.ExecuteReader();
            while (r.Read()) titles[r.GetInt64(0)] = (r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
        }
        return Result<IReadOnlyList<EventRecord>>.Ok(FeatureRows.WithArticles(rows, titles));
    }

    /// <summary>
    /// The kept cells of the map grid (schema 25) that <paramref name="box"/> touches: a range of the primary key, each
    /// cell's rows (main or not, one per writing process) summed; main events, or every event with <paramref name="all"/>.
    /// </summary>
    public IReadOnlyList<CellCount>? LocatedCells(bool all, BoundingBox? box)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand { Connection = db };
        CellsCommand(cmd, all, box);
        return ReadAll(cmd, r => new CellCount(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4)));
    }

    private static void CellsCommand(NpgsqlCommand cmd, bool all, BoundingBox? box)
    {
        cmd.CommandText = "SELECT cell_row, cell_column, SUM(n)::bigint, SUM(lat_sum), SUM(lon_sum) FROM event_cells WHERE n <> 0"
            + (all ? "" : " AND main")
            + (box is null ? "" : " AND cell_row BETWEEN @r0 AND @r1 AND cell_column BETWEEN @c0 AND @c1")
            + " GROUP BY cell_row, cell_column HAVING SUM(n) > 0";
        if (box is { } b)
        {
            cmd.Parameters.AddWithValue("r0", EventCells.Row(b.South));
            cmd.Parameters.AddWithValue("r1", EventCells.Row(b.North));
            cmd.Parameters.AddWithValue("c0", EventCells.Column(b.West));
            cmd.Parameters.AddWithValue("c1", EventCells.Column(b.East));
        }
    }

    /// <summary>The server's plan (EXPLAIN, no costs) of <see cref="LocatedCells"/>, sequential scans off as in <see cref="ExplainEvents"/>'s indexesOnly.</summary>
    internal IReadOnlyList<string> ExplainCells(bool all, BoundingBox? box)
    {
        using var db = _source.OpenConnection();
        using var tx = db.BeginTransaction();
        using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off", db, tx)) off.ExecuteNonQuery();
        using var cmd = new NpgsqlCommand { Connection = db, Transaction = tx };
        CellsCommand(cmd, all, box);
        cmd.CommandText = "EXPLAIN (COSTS OFF) " + cmd.CommandText;
        return ReadAll(cmd, r => r.GetString(0));
    }

    /// <summary>The listing's located points alone: two numbers a row, no article read.</summary>
    public Result<IReadOnlyList<(double Lat, double Lon)>> QueryPoints(EventQuery q)
    {
        if (q.Limit < 0 || q.Offset < 0) return Result<IReadOnlyList<(double, double)>>.Fail("limit and offset must not be negative");
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand { Connection = db };
        if (EventListing(db, cmd, q, q.Limit, select: "e.lat, e.lon", articles: false) is { } error) return Result<IReadOnlyList<(double, double)>>.Fail(error);
        var points = new List<(double, double)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (!r.IsDBNull(0) && !r.IsDBNull(1)) points.Add((r.GetDouble(0), r.GetDouble(1)));
        return Result<IReadOnlyList<(double, double)>>.Ok(points);
    }

    public Result<int> CountEvents(EventQuery q, int atMost)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand { Connection = db };
        if (NameOnly(q) is var (field, name))
        {
            // the kept counts of the texts the listing's LIKE matches (schema 21): the same predicate on the same texts
            cmd.CommandText = "SELECT LEAST(COALESCE(SUM(n), 0), @bound) FROM event_name_counts WHERE field = @field AND value LIKE @name" + (q.All ? "" : " AND main");
            cmd.Parameters.AddWithValue("bound", (long)Math.Max(0, atMost));
            cmd.Parameters.AddWithValue("field", field);
            cmd.Parameters.AddWithValue("name", Anywhere(name.Trim().ToLowerInvariant()));
            return Result<int>.Ok(Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
        }
        if (EventListing(db, cmd, q with { Offset = 0 }, Math.Max(0, atMost), counting: true) is { } error) return Result<int>.Fail(error);
        cmd.CommandText = $"SELECT COUNT(*) FROM ({cmd.CommandText}) listed";
        return Result<int>.Ok(Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    /// <summary>An actor or a place as the only filter (main events or every event): its field in event_name_counts and its text.</summary>
    private static (string Field, string Name)? NameOnly(EventQuery q)
    {
        bool actor = !string.IsNullOrWhiteSpace(q.Actor), place = !string.IsNullOrWhiteSpace(q.Place);
        if (actor == place || q.From is not null || q.To is not null || !string.IsNullOrWhiteSpace(q.Action)
            || !string.IsNullOrWhiteSpace(q.Modality) || q.MinConfidence is not null || q.Box is not null
            || !string.IsNullOrWhiteSpace(q.Text) || q.ArticleId is not null || q.After is not null) return null;
        return actor ? ("actor", q.Actor!) : ("place", q.Place!);
    }

    /// <summary>
    /// The events of <paramref name="q"/> as one query whose rows are read as the caller takes them (Npgsql reads a row at a
    /// time from the socket): keyset pages would each sort the remaining events again, since the planner does not walk the
    /// order index for thousands of rows, so a 100k export paid its table scan once per page. One statement sees one
    /// snapshot, so rows stored meanwhile neither appear nor shift the reading.
    /// </summary>
    public IEnumerable<EventRecord> StreamEvents(EventQuery q, int? max = null)
    {
        if (q.Offset < 0) throw new InvalidOperationException("offset must not be negative");
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand { Connection = db };
        if (EventListing(db, cmd, q, max) is { } error) throw new InvalidOperationException(error);
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return PostgresColumns.ReadEvent(r);
    }

    /// <summary>
    /// The server's plan (EXPLAIN, no costs) for the event listing of <paramref name="q"/>, one line per step. With
    /// <paramref name="indexesOnly"/> the session turns off sequential and bitmap scans, so that a test store of a few
    /// rows shows which index conditions the listing's order index can check (a small table is otherwise read whole).
    /// <paramref name="without"/> names indexes dropped for the plan (the transaction is rolled back, so they stay): on a
    /// few rows the walk of an order index always looks cheapest, and a test shows what another index can take instead.
    /// <paramref name="counting"/>: the plan of the bounded count (<see cref="CountEvents"/>).
    /// </summary>
    internal IReadOnlyList<string> ExplainEvents(EventQuery q, bool indexesOnly = false, bool counting = false, IReadOnlyList<string>? without = null)
    {
        using var db = _source.OpenConnection();
        // SET LOCAL: the settings end with this transaction (rolled back), not with the pooled connection
        using var tx = db.BeginTransaction();
        if (indexesOnly)
            using (var set = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off", db, tx)) set.ExecuteNonQuery();
        foreach (var index in without ?? [])
            using (var drop = new NpgsqlCommand($"DROP INDEX \"{index.Replace("\"", "", StringComparison.Ordinal)}\"", db, tx)) drop.ExecuteNonQuery();
        using var cmd = new NpgsqlCommand { Connection = db, Transaction = tx };
        if (EventListing(db, cmd, q, q.Limit, counting) is { } error) throw new ArgumentException(error);
        cmd.CommandText = "EXPLAIN (COSTS OFF) " + (counting ? $"SELECT COUNT(*) FROM ({cmd.CommandText}) listed" : cmd.CommandText);
        return ReadAll(cmd, r => r.GetString(0));
    }

    /// <summary>
    /// Fills <paramref name="cmd"/> with the event listing of <paramref name="q"/> (at most <paramref name="limit"/>, null: all);
    /// returns why it cannot run, or null. <paramref name="counting"/>: the rows of a bounded count, with no column, no
    /// order and no article (sorting every match before counting it cost a count of 3,653 matches 670 ms at 100k events).
    /// </summary>
    /// <param name="articles">Whether the select reads the article's columns (<c>a</c>); the map feed's does not.</param>
    private static string? EventListing(NpgsqlConnection db, NpgsqlCommand cmd, EventQuery q, int? limit, bool counting = false, string? select = null, bool articles = true)
    {
        select ??= PostgresColumns.EventSelect;
        // A page after an offset lists the keys of the walk first and joins its rows and articles for the page alone: joined
        // in the walk, every skipped event's row and article were read (offset 50,000: docs/benchmarks.md, "pg1m17"). The
        // text filter tests the article's vector, so its walk keeps the join.
        // A word in few articles too: its matches' keys come from events_main_article alone (schema 21), sorted, and only
        // the page's rows are read.
        bool sparseText = !counting && FewTextMatches(db, q, limit);
        // An action within a window that few events match: their keys from the action's index, sorted, then the page's rows
        bool fewInWindow = !counting && FewActionMatchesInWindow(db, q, limit);
        bool keysFirst = !counting && (q.Offset > 0 || sparseText || fewInWindow);
        // the walk tests the article's vector; the sparse form reads the matching articles' ids from the index
        bool textWalk = !string.IsNullOrWhiteSpace(q.Text) && !counting && !sparseText;
        // A bounded count of a word's events reads the matching articles' ids as the function yields them, joined to their
        // events, so that it stops at the bound: as `IN (SELECT ...)` every match was collected and deduplicated first
        // (11,108 articles' rows for `hospital` at 1M events where 3,007 reach the bound; docs/benchmarks.md, "feed21").
        // The ids are the articles' keys, so the join repeats none. LATERAL with OFFSET 0 keeps the join a nested loop over
        // the ids: flattened, a small store's plan hashed every id before reading an event.
        bool countedText = counting && !string.IsNullOrWhiteSpace(q.Text);
        var sql = new StringBuilder(countedText ? "SELECT 1 FROM (SELECT articles_matching(to_tsquery('simple', @text)) AS id) m, LATERAL (SELECT 1 FROM events e WHERE e.article_id = m.id"
            : counting ? "SELECT 1 FROM events e WHERE true"
            : keysFirst ? $"SELECT e.date_lo, e.article_id, e.ordinal FROM events e{(textWalk ? " JOIN articles a ON a.id = e.article_id" : "")} WHERE true"
            : $"SELECT {select} FROM events e{(articles || textWalk ? " JOIN articles a ON a.id = e.article_id" : "")} WHERE true");
        void And(string clause, params ReadOnlySpan<(string Name, object Value)> values)
        {
            sql.Append(" AND ").Append(clause);
            foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value);
        }
        // date_hi and date_lo are the event's end and start (else the article's date; '' for none), stored and indexed
        // (schema 11, 3): the listing's index can start at --to, and an action's index reads the events ending after --from.
        if (q.From is { } from) And("e.date_hi >= @from", ("from", IsoDate(from)));
        if (q.To is { } to) And("e.date_lo <= @to AND e.date_lo > ''", ("to", IsoDate(to)));
        if (q.MinConfidence is { } mc) And("e.confidence >= @minconf", ("minconf", mc));
        // a minimum confidence narrows the main events too; only All lists the others
        // A bounded count of a name's events tests main on the trigram index's candidates: as `e.main` the planner ANDed the
        // name's bitmap with a bitmap of the whole main order index (292,372 entries at 1M events), which no bound stops;
        // the candidates' heap rows are read only until the bound (SQLite counts the same way). IS TRUE is the same test
        // on a NOT NULL column, but implies no partial index's predicate (docs/benchmarks.md, "pgreads17").
        bool nameCount = counting && (!string.IsNullOrWhiteSpace(q.Actor) || !string.IsNullOrWhiteSpace(q.Place));
        // IS TRUE in the window's keys too: as `e.main` the planner ANDed the action's few entries with a bitmap of the
        // whole main article index (292,948 entries, 41 ms at 1M events; docs/benchmarks.md, "feed21")
        if (!q.All) And(nameCount || fewInWindow ? "e.main IS TRUE" : "e.main");
        if (AppendEventFilters(sql, cmd, q, counting || sparseText, textJoined: countedText) is { } error) return error;
        if (q.After is { } after)
        {
            // Keyset: the rows after the cursor's in the listing's order (date key newest first, then insertion order).
            (string Date, int Ordinal)? at = null;
            using (var find = new NpgsqlCommand("SELECT date_lo, ordinal FROM events WHERE article_id = $1 AND event_id = $2", db))
            {
                find.Parameters.AddWithValue(after.ArticleId);
                find.Parameters.AddWithValue(after.EventId);
                using var r = find.ExecuteReader();
                if (r.Read()) at = (r.GetString(0), r.GetInt32(1));
            }
            if (at is not { } key) return $"no event {after} to list after";
            And("e.date_lo <= @afterDate AND (e.date_lo < @afterDate OR (e.article_id, e.ordinal) > (@afterArticle, @afterOrdinal))",
                ("afterDate", key.Date), ("afterArticle", after.ArticleId), ("afterOrdinal", key.Ordinal));
        }
        if (fewInWindow)
        {
            // MATERIALIZED: the matches are selected by their filters alone, then sorted. Given the order, the planner walks
            // the order index from --to down, since it multiplies the window's two bounds' selectivities as if independent
            // (4,394 rows expected, 82 found), and read 56,951 rows' heaps to find them (308 ms at 1M; docs/benchmarks.md, "feed21").
            sql.Insert(0, "WITH m AS MATERIALIZED (").Append(") SELECT date_lo, article_id, ordinal FROM m");
            sql.Append(" ORDER BY date_lo DESC, article_id, ordinal LIMIT @limit OFFSET @offset");
        }
        else sql.Append(countedText ? " OFFSET 0) x LIMIT @limit OFFSET @offset" : counting ? " LIMIT @limit OFFSET @offset" : " ORDER BY e.date_lo DESC, e.article_id, e.ordinal LIMIT @limit OFFSET @offset");
        // LIMIT NULL is LIMIT ALL
        cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Bigint) { Value = limit is int l ? (long)l : DBNull.Value });
        cmd.Parameters.AddWithValue("offset", (long)q.Offset);
        cmd.CommandText = keysFirst
            ? $"SELECT {select} FROM ({sql}) k JOIN events e ON e.article_id = k.article_id AND e.ordinal = k.ordinal{(articles ? " JOIN articles a ON a.id = e.article_id" : "")} ORDER BY k.date_lo DESC, k.article_id, k.ordinal"
            : sql.ToString();
        return null;
    }

    /// <summary>
    /// Whether the full-text filter of <paramref name="q"/> matches so few articles that reading their events by key and
    /// sorting them costs less than walking the date order and testing each walked article's vector. The walk tests about
    /// (offset + limit) x articles / matches articles, the sparse read one per match (each about 0.1-0.2 ms at 1M on the
    /// loaded test machine): sparse when matches squared is below (offset + limit) x articles. The matches are the
    /// planner's own estimate (its statistics of the vectors' words; a plan, not a read, so flat in the store's size). The
    /// planner itself does not count reading each article's out-of-line vector and chose a scan of every article for a
    /// word in 1.5% of them (2.2 s at 1M events; docs/benchmarks.md, "pg1m17").
    /// </summary>
    private static bool FewTextMatches(NpgsqlConnection db, EventQuery q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q.Text) || PostgresSearchQuery.Translate(q.Text) is not { IsOk: true } ts) return false;
        double articles;
        using (var stats = new NpgsqlCommand("SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass", db))
            articles = Convert.ToDouble(stats.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (articles <= 0) return false;  // never analysed: no estimate to go by
        using var cmd = new NpgsqlCommand("EXPLAIN (FORMAT JSON) SELECT 1 FROM articles a WHERE a.tsv @@ to_tsquery('simple', $1)", db);
        cmd.Parameters.AddWithValue(ts.Value!);
        using var plan = System.Text.Json.JsonDocument.Parse((string)cmd.ExecuteScalar()!);
        double matches = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        double wanted = limit is int l ? Math.Min(articles, (double)q.Offset + l) : articles;
        return matches * matches < wanted * articles;
    }

    /// <summary>
    /// The events a window of dates and an action bound (an event's related reports, <c>Api.Related</c>) are few: fewer than
    /// <see cref="FewInWindow"/> events of the action (main or not) start by --to and end from --from. Counted from the
    /// action's index (schema 11: its entries hold both dates, so only matches are read), stopping at the bound. Few: their
    /// keys are read from that index and sorted, at most that many rows. Many: the walk of the order index from --to finds
    /// a page's matches within the window (`--action attack` over a month at 1M: 9 ms walked, 110 ms read and sorted). A
    /// rare action's walk goes on below the window, since no bound on the start follows from --from.
    /// </summary>
    private static bool FewActionMatchesInWindow(NpgsqlConnection db, EventQuery q, int? limit)
    {
        if (limit is null || q.From is not { } from || q.To is not { } to || string.IsNullOrWhiteSpace(q.Action)) return false;
        var action = q.Action.Trim();
        if (action.All(char.IsAsciiDigit)) return false;  // a CAMEO prefix: not the action's index
        using var cmd = new NpgsqlCommand("""
            SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE lower(e.action) = lower($1) AND e.date_hi >= $2
                AND e.date_lo <= $3 AND e.date_lo > '' LIMIT $4) few
            """, db);
        cmd.Parameters.AddWithValue(action);
        cmd.Parameters.AddWithValue(IsoDate(from));
        cmd.Parameters.AddWithValue(IsoDate(to));
        cmd.Parameters.AddWithValue((long)FewInWindow);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) < FewInWindow;
    }

    /// <summary>Below this many events of an action in a window, the listing reads them by the action's index and sorts them.</summary>
    internal const int FewInWindow = 1000;

    /// <summary>
    /// The filters of <paramref name="q"/> on events <c>e</c> (and their articles <c>a</c> for the text) that the event
    /// listing and the incident listing share: actor, place, action, modality, box, text, article. Returns why the text
    /// query cannot be run, or null. <paramref name="unordered"/> (a count, with no article joined): the text's matching
    /// articles are read from the full-text index by <c>articles_matching</c> (schema 12) and their events by key.
    /// </summary>
    /// <param name="textJoined">The caller's FROM reads the text's matching articles (@text): only the parameter is added.</param>
    private static string? AppendEventFilters(StringBuilder sql, NpgsqlCommand cmd, EventQuery q, bool unordered = false, bool textJoined = false)
    {
        void And(string clause, params ReadOnlySpan<(string Name, object Value)> values)
        {
            sql.Append(" AND ").Append(clause);
            foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value);
        }
        if (!string.IsNullOrWhiteSpace(q.Actor)) And("e.actor_search LIKE @actor", ("actor", Anywhere(q.Actor.Trim().ToLowerInvariant())));
        if (!string.IsNullOrWhiteSpace(q.Place)) And("e.place_search LIKE @place", ("place", Anywhere(q.Place.Trim().ToLowerInvariant())));
        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            var action = q.Action.Trim();
            if (action.All(char.IsAsciiDigit)) And("e.cameo LIKE @cameo", ("cameo", action + "%"));
            else And("lower(e.action) = lower(@action)", ("action", action));
        }
        if (!string.IsNullOrWhiteSpace(q.Modality)) And("lower(e.modality) = lower(@modality)", ("modality", q.Modality.Trim()));
        if (q.Box is { } box)
            // The point's coordinates (geom is made from them), which the order index checks on its tuples (schema 10).
            // Not also `geom && box`: the planner multiplied the two equal conditions' selectivities, expected 401 rows
            // where 6,489 matched (box + one year, 100k events) and chose a bitmap and sort of them all (228 ms, not 13).
            // An empty box now walks the whole order index (10 ms at 100k) instead of an empty GiST probe.
            And("e.lat BETWEEN @s AND @n AND e.lon BETWEEN @w AND @e", ("s", box.South), ("n", box.North), ("w", box.West), ("e", box.East));
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var ts = PostgresSearchQuery.Translate(q.Text);
            if (!ts.IsOk) return ts.Error!;
            if (textJoined) cmd.Parameters.AddWithValue("text", ts.Value!);
            else And(unordered ? "e.article_id IN (SELECT articles_matching(to_tsquery('simple', @text)))" : "a.tsv @@ to_tsquery('simple', @text)", ("text", ts.Value!));
        }
        if (q.ArticleId is { } aid) And("e.article_id = @aid", ("aid", aid));
        return null;
    }

    // The matches come from the GIN index (articles_ranked_newest, schema 25; articles_ranked of schema 20 and
    // articles_matching of schema 12 before it), each ranked in the same read of its row (its vector is kept in the row
    // since schema 20); only the page's ids and ranks are sorted and only the page's articles are read again by key, for
    // their columns and the headline (costly, computed by the server after the sort and limit). The ranks are ts_rank's.
    // Bounded: only the matches of the newest articles are ranked, window by window of ids (the first
    // SearchFirstWindow ids, then four times as many, ...), until at least SearchRankedMatches (or the page's end) are:
    // every match when a word is in fewer, else the best of the newest ones, so the page's cost is the same at 10k and
    // at 1M events (docs/benchmarks.md, "feed22").
    private const string SearchSql = $"""
        WITH top(id, rank) AS MATERIALIZED (
            SELECT m.id, m.rank FROM articles_ranked_newest(to_tsquery('simple', $1), GREATEST($4, $2 + $3), (SELECT max(x.id) FROM articles x), $5) m
            ORDER BY m.rank DESC, m.id
            LIMIT $2 OFFSET $3)
        SELECT {ArticleColumns},
               ts_headline('simple', a.text, to_tsquery('simple', $1), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=8, MaxFragments=1'),
               top.rank::float8 AS rank
        FROM top JOIN articles a ON a.id = top.id
        ORDER BY top.rank DESC, top.id
        """;

    /// <summary>The search page ranks at least this many matches of the newest articles (all of them when fewer match).</summary>
    internal const long SearchRankedMatches = 1000;

    /// <summary>The first window of article ids the search page ranks the matches of (the newest this many ids).</summary>
    internal const long SearchFirstWindow = 4096;

    /// <summary>The server's plan (EXPLAIN, no costs) of <see cref="Search"/> for <paramref name="query"/>, one line per step.</summary>
    internal IReadOnlyList<string> ExplainSearch(string query)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("EXPLAIN (COSTS OFF) " + SearchSql, db);
        cmd.Parameters.AddWithValue(PostgresSearchQuery.Translate(query).Value!);
        cmd.Parameters.AddWithValue(20L);
        cmd.Parameters.AddWithValue(0L);
        cmd.Parameters.AddWithValue(SearchRankedMatches);
        cmd.Parameters.AddWithValue(SearchFirstWindow);
        return ReadAll(cmd, r => r.GetString(0));
    }

    public Result<IReadOnlyList<SearchHit>> Search(string query, int limit = 20, int offset = 0) =>
        Search(query, limit, offset, SearchRankedMatches, SearchFirstWindow);

    /// <summary><see cref="Search(string, int, int)"/> ranking at least <paramref name="ranked"/> matches, from a first window of <paramref name="window"/> ids (tests: small bounds on a small store).</summary>
    internal Result<IReadOnlyList<SearchHit>> Search(string query, int limit, int offset, long ranked, long window)
    {
        var ts = PostgresSearchQuery.Translate(query);
        if (!ts.IsOk) return Result<IReadOnlyList<SearchHit>>.Fail(ts.Error!);
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(SearchSql, db);
        cmd.Parameters.AddWithValue(ts.Value!);
        cmd.Parameters.AddWithValue((long)Math.Max(0, limit));
        cmd.Parameters.AddWithValue((long)Math.Max(0, offset));
        cmd.Parameters.AddWithValue(ranked);
        cmd.Parameters.AddWithValue(Math.Max(1, window));
        try
        {
            return ReadAll(cmd, r => new SearchHit(ReadSummary(r), new PgCells(r, 8).NStr() ?? "", r.GetDouble(9)));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.SyntaxError)
        {
            return Result<IReadOnlyList<SearchHit>>.Fail($"cannot search for \"{query}\": {ex.MessageText}");
        }
    }

    public ArticleDetail? GetArticle(long articleId)
    {
        ArticleSummary summary;
        System.Text.Json.Nodes.JsonObject document;
        string text;
        using (var db = _source.OpenConnection())
        using (var cmd = new NpgsqlCommand($"SELECT {ArticleColumns}, a.document, a.text FROM articles a WHERE a.id = $1", db))
        {
            cmd.Parameters.AddWithValue(articleId);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            summary = ReadSummary(r);
            document = DocumentPacking.Unpack(r.GetFieldValue<byte[]>(8));
            text = r.GetString(9);
        }
        var events = QueryEvents(new EventQuery { ArticleId = articleId, All = true, Limit = int.MaxValue }).Value ?? [];
        return new ArticleDetail(summary, DocumentRows.RestoreText(document, text), [.. events.OrderBy(e => e.Ordinal)]);
    }

    public IReadOnlyList<ArticleSummary> FindByHashPrefix(string prefix, int limit = 2)
    {
        var p = prefix.Trim().ToLowerInvariant();
        if (p.Length == 0 || !p.All(char.IsAsciiHexDigit)) return [];
        using var db = _source.OpenConnection();
        // Range scan on the unique hash index (collation "C"): every hash that starts with p sorts in [p, p + 'g').
        using var cmd = new NpgsqlCommand($"SELECT {ArticleColumns} FROM articles a WHERE a.hash >= $1 AND a.hash < $2 ORDER BY a.hash LIMIT $3", db);
        cmd.Parameters.AddWithValue(p);
        cmd.Parameters.AddWithValue(p + "g");
        cmd.Parameters.AddWithValue((long)Math.Max(1, limit));
        return ReadAll(cmd, ReadSummary);
    }

    public EventDetail? GetEvent(long articleId, string? eventId, int? ordinal = null)
    {
        if (eventId is null && ordinal is null) return null;
        EventRecord ev;
        using (var db = _source.OpenConnection())
        using (var cmd = new NpgsqlCommand($"SELECT {PostgresColumns.EventSelect} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.article_id = $1 AND "
            + (eventId is not null ? "e.event_id = $2" : "e.ordinal = $2"), db))
        {
            cmd.Parameters.AddWithValue(articleId);
            if (eventId is not null) cmd.Parameters.AddWithValue(eventId);
            else cmd.Parameters.AddWithValue(ordinal!.Value);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            ev = PostgresColumns.ReadEvent(r);
        }
        var article = GetArticle(articleId);
        return article is null ? null : new EventDetail(ev, article.Article, article.Document);
    }

    public StoreCounts Counts()
    {
        using var db = _source.OpenConnection();
        // the counts the triggers of schema 19 keep (PostgresCountsSchema): a few rows, not every row of three tables
        using var cmd = new NpgsqlCommand(PostgresCountsSchema.ReadSql, db);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    // The panels read the tables of schema version 8 that the writer keeps (PostgresPanelSchema), in their rank index's order.
    public IReadOnlyList<ActorSummary> ListActors(string? query = null, int limit = 100, int offset = 0) => ListPage("""
        SELECT name, type, actor_code, articles, events FROM actor_stats
        WHERE articles > 0
          AND (@q::text IS NULL OR strpos(key, @q) > 0 OR strpos(lower(COALESCE(actor_code, '')), @q) > 0
               OR EXISTS (SELECT 1 FROM unnest(aliases) x WHERE strpos(x, @q) > 0))
        ORDER BY events DESC, articles DESC, name
        LIMIT @limit OFFSET @offset
        """, query, limit, offset, r =>
    {
        var c = new PgCells(r);
        return new ActorSummary(c.Str(), c.Str(), c.NStr(), c.Long(), c.Long());
    });

    public IReadOnlyList<PlaceSummary> ListPlaces(string? query = null, int limit = 100, int offset = 0) => ListPage("""
        SELECT geonameid, name, lat, lon, country, admin1, precision, articles, events FROM place_stats
        WHERE articles > 0
          AND (@q::text IS NULL OR strpos(lower(name), @q) > 0 OR lower(COALESCE(country, '')) = @q
               OR strpos(lower(COALESCE(admin1, '')), @q) > 0)
        ORDER BY events DESC, articles DESC, name
        LIMIT @limit OFFSET @offset
        """, query, limit, offset, r =>
    {
        var c = new PgCells(r);
        return new PlaceSummary(c.NStr(), c.Str(), c.NDbl(), c.NDbl(), c.NStr(), c.NStr(), c.NStr(), c.Long(), c.Long());
    });

    /// <summary>One page of a listing filtered by a lower-cased <c>@q</c> (null: no filter), with <c>@limit</c> and <c>@offset</c>.</summary>
    private List<T> ListPage<T>(string sql, string? query, int limit, int offset, Func<NpgsqlDataReader, T> read)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, db);
        cmd.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = string.IsNullOrWhiteSpace(query) ? DBNull.Value : query.Trim().ToLowerInvariant() });
        cmd.Parameters.AddWithValue("limit", (long)Math.Max(0, limit));
        cmd.Parameters.AddWithValue("offset", (long)Math.Max(0, offset));
        return ReadAll(cmd, read);
    }

    private static List<T> ReadAll<T>(NpgsqlCommand cmd, Func<NpgsqlDataReader, T> read)
    {
        var list = new List<T>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(read(r));
        return list;
    }
}
