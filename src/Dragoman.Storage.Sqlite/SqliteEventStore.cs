using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// The SQLite event store (one file; WAL journal; FTS5 over articles; R*Tree over event coordinates).
/// One connection, used under a lock: one writer, batch inserts in one transaction with prepared statements,
/// one savepoint per document so a document that fails leaves the rest of the batch stored.
/// </summary>
public sealed partial class SqliteEventStore : IEventStore, IIncidentStore
{
    private readonly SqliteConnection _db;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    private SqliteEventStore(SqliteConnection db, TimeProvider clock, int version)
    {
        _db = db;
        _clock = clock;
        SchemaVersion = version;
    }

    public int SchemaVersion { get; }

    public string Path => _db.DataSource;

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and migrates it to the latest schema.</summary>
    public static SqliteEventStore Open(string path, TimeProvider? clock = null) => Open(path, clock, null);

    internal static SqliteEventStore Open(string path, TimeProvider? clock, int? targetVersion)
    {
        clock ??= TimeProvider.System;
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var db = new SqliteConnection(cs);
        try
        {
            db.Open();
            Exec(db, "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"); // the wait first: another process may be creating the file;
            // a 64 MiB page cache (SQLite's default is 2 MB): the map feed's 5,000 rows and articles are about 40 MB of pages,
            // read again through pread on every request with the default (docs/benchmarks.md, "mapfeed15")
            int version = SqliteMigrations.Migrate(db, clock.GetUtcNow(), targetVersion);
            RefreshStatistics(db, "PRAGMA optimize=0x10002;"); // every table: this connection has queried none yet
            var store = new SqliteEventStore(db, clock, version);
            store.LabelComponents();
            return store;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private bool _disposed;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            DisposePrepared();
            try { Exec(_db, "PRAGMA optimize;"); } catch (SqliteException) { }
            _db.Dispose();
        }
    }

    /// <summary>Stops the statement running on this store's connection (it fails with an interrupt error); safe from any thread.</summary>
    public void Interrupt() => SQLitePCL.raw.sqlite3_interrupt(_db.Handle);

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- writing

    public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents) => Add(documents, CancellationToken.None);

    public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents, CancellationToken cancel)
    {
        var outcomes = new List<AddOutcome>(documents.Count);
        if (documents.Count == 0) return outcomes;
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var w = new Writer(_db, tx, SchemaVersion);
            var ingestedAt = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            foreach (var doc in documents)
            {
                if (cancel.IsCancellationRequested) break; // an interrupted run: commit the documents done, leave the rest
                DocumentRowSet rows;
                try
                {
                    rows = doc.Rows;
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException)
                {
                    outcomes.Add(new AddOutcome(doc.Hash, AddStatus.Failed, null, "not a valid document: " + ex.Message));
                    continue;
                }
                if (w.FindHash(rows.Article.Hash) is long existing)
                {
                    outcomes.Add(new AddOutcome(doc.Hash, AddStatus.Duplicate, existing));
                    continue;
                }
                tx.Save("doc");
                try
                {
                    long? id = w.Insert(rows, ingestedAt);
                    if (id is long stored && MergeOnAdd) MergeArticle(tx, stored, rows);
                    tx.Release("doc");
                    outcomes.Add(id is null
                        ? new AddOutcome(doc.Hash, AddStatus.Duplicate, w.FindHash(rows.Article.Hash))
                        : new AddOutcome(doc.Hash, AddStatus.Stored, id));
                }
                catch (SqliteException ex)
                {
                    tx.Rollback("doc");
                    tx.Release("doc");
                    outcomes.Add(new AddOutcome(doc.Hash, AddStatus.Failed, null, "store: " + ex.Message));
                }
            }
            tx.Commit();
            _storedSinceOptimize += outcomes.Count(o => o.Status == AddStatus.Stored);
            if (_storedSinceOptimize >= OptimizeEvery)
            {
                _storedSinceOptimize = 0;
                RefreshStatistics(_db, "PRAGMA optimize;");
            }
        }
        return outcomes;
    }

    /// <summary>Articles stored between two refreshes of the planner's statistics by a long-running writer (ingest, watch, the web service).</summary>
    private const int OptimizeEvery = 1000;

    private int _storedSinceOptimize;

    /// <summary>
    /// Re-analyses the tables whose size moved far from their statistics (SQLite analyses a table again once it has grown
    /// or shrunk about 25 times since, on a sample). Stale statistics misplan the merge stage's candidate search: a store
    /// analysed when it held a few reports and then grown (a long-running writer, a copied or bulk-loaded store) had its
    /// index tables taken for tiny, and SQLite built Bloom filters over all of incident_report_names and incident_reports
    /// in every search that the names key reached: 35 ms a report at 200k stored reports against 0.9 ms with statistics
    /// (docs/benchmarks.md, session 17). A failure (a busy store) leaves the statistics for the next time.
    /// </summary>
    private static void RefreshStatistics(SqliteConnection db, string pragma)
    {
        try { Exec(db, pragma); } catch (SqliteException) { }
    }

    /// <summary>Prepared statements for one batch, reused for every row (column lists: <see cref="SqliteColumns"/>).</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _hash;
        private readonly RowInsert<ArticleRow> _article;
        private readonly RowInsert<EntityRow> _entity;
        private readonly RowInsert<MentionRow> _mention;
        private readonly RowInsert<PlaceRow> _place;
        private readonly RowInsert<TimeRow> _time;
        private readonly RowInsert<DatedEventRow> _event;

        /// <summary>The schema version from which events carry their date keys (<see cref="SqliteColumns.DatedEvents"/>).</summary>
        private const int DateKeysVersion = 7;

        public Writer(SqliteConnection db, SqliteTransaction tx, int schemaVersion)
        {
            _hash = db.CreateCommand();
            _hash.Transaction = tx;
            _hash.CommandText = "SELECT id FROM articles WHERE hash = $hash";
            _hash.Parameters.Add(new SqliteParameter("$hash", null));
            _hash.Prepare();
            _article = new(db, tx, "articles", "ingested_at", SqliteColumns.Articles, "ON CONFLICT(hash) DO NOTHING RETURNING id");
            _entity = new(db, tx, "entities", "article_id", SqliteColumns.Entities, "ON CONFLICT DO NOTHING");
            _mention = new(db, tx, "mentions", "article_id", SqliteColumns.Mentions);
            _place = new(db, tx, "places", "article_id", SqliteColumns.Places, "ON CONFLICT DO NOTHING");
            _time = new(db, tx, "times", "article_id", SqliteColumns.Times);
            // A store held at an older schema (tests of migrations) has no date keys yet: its rows get them from migration 7.
            _event = new(db, tx, "events", "article_id", schemaVersion >= DateKeysVersion ? SqliteColumns.DatedEvents : SqliteColumns.DatedEvents[..^2],
                "ON CONFLICT DO NOTHING");
        }

        public long? FindHash(string hash)
        {
            _hash.Parameters[0].Value = hash;
            return _hash.ExecuteScalar() is long id ? id : null;
        }

        /// <summary>Inserts every row of a document; null when its hash is already stored.</summary>
        public long? Insert(DocumentRowSet rows, string ingestedAt)
        {
            // Another writer may have stored the same article since FindHash: then nothing is inserted.
            if (_article.Bind(ingestedAt, rows.Article).ExecuteScalar() is not long id) return null;
            object key = id;
            Each(_entity, key, rows.Entities);
            Each(_mention, key, rows.Mentions);
            Each(_place, key, rows.Places);
            Each(_time, key, rows.Times);
            foreach (var row in rows.Events) _event.Bind(key, new DatedEventRow(row, rows.Article.Published)).ExecuteNonQuery();
            return id;
        }

        private static void Each<T>(RowInsert<T> insert, object articleId, IReadOnlyList<T> rows)
        {
            foreach (var row in rows) insert.Bind(articleId, row).ExecuteNonQuery();
        }

        public void Dispose()
        {
            _hash.Dispose();
            _article.Dispose();
            _entity.Dispose();
            _mention.Dispose();
            _place.Dispose();
            _time.Dispose();
            _event.Dispose();
        }
    }

    // ---------------------------------------------------------------- reading

    private const string ArticleColumns =
        "a.id, a.hash, a.uri, a.title, a.publisher, a.published, a.ingested_at, (SELECT COUNT(*) FROM events x WHERE x.article_id = a.id)";

    private static ArticleSummary ReadSummary(SqliteDataReader r)
    {
        var c = new Cells(r);
        return new(c.Long(), c.Str(), c.Str(), c.NStr(), c.NStr(), c.NStr(), c.Str(), c.Int());
    }

    private static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery q) => QueryEvents(q, SqliteColumns.EventSelect, SqliteColumns.ReadEvent);

    /// <summary>
    /// The listing with a feature's columns only (<see cref="SqliteColumns.FeatureSelect"/>): same events, same order. The
    /// rows are read without their articles, whose titles and dates are then read once per article (FeatureRows).
    /// </summary>
    public Result<IReadOnlyList<EventRecord>> QueryFeatureEvents(EventQuery q) => QueryEvents(q, SqliteColumns.FeatureSelect, SqliteColumns.ReadFeatureEvent, features: true);

    /// <summary>
    /// The kept cells of the map grid (schema 25) that <paramref name="box"/> touches: a range of the primary key's rows,
    /// then the columns within it; main events, or main and not with <paramref name="all"/>.
    /// </summary>
    public IReadOnlyList<CellCount>? LocatedCells(bool all, BoundingBox? box)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            CellsCommand(cmd, all, box);
            return ReadAll(cmd, r => new CellCount(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4)));
        }
    }

    private static void CellsCommand(SqliteCommand cmd, bool all, BoundingBox? box)
    {
        cmd.CommandText = "SELECT cell_row, cell_column, SUM(n), SUM(lat_sum), SUM(lon_sum) FROM event_cells WHERE n > 0"
            + (all ? "" : " AND main = 1")
            + (box is null ? "" : " AND cell_row BETWEEN $r0 AND $r1 AND cell_column BETWEEN $c0 AND $c1")
            + " GROUP BY cell_row, cell_column";
        if (box is { } b)
        {
            cmd.Parameters.AddWithValue("$r0", EventCells.Row(b.South));
            cmd.Parameters.AddWithValue("$r1", EventCells.Row(b.North));
            cmd.Parameters.AddWithValue("$c0", EventCells.Column(b.West));
            cmd.Parameters.AddWithValue("$c1", EventCells.Column(b.East));
        }
    }

    /// <summary>EXPLAIN QUERY PLAN of <see cref="LocatedCells"/>, one line per step.</summary>
    internal IReadOnlyList<string> ExplainCells(bool all, BoundingBox? box)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            CellsCommand(cmd, all, box);
            cmd.CommandText = "EXPLAIN QUERY PLAN " + cmd.CommandText;
            return ReadAll(cmd, r => r.GetString(3));
        }
    }

    /// <summary>The listing's located points alone: two numbers a row, no article read.</summary>
    public Result<IReadOnlyList<(double Lat, double Lon)>> QueryPoints(EventQuery q)
    {
        if (q.Limit < 0 || q.Offset < 0) return Result<IReadOnlyList<(double, double)>>.Fail("limit and offset must not be negative");
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            try
            {
                if (BuildEventQuery(cmd, q, select: "e.lat, e.lon", articles: false) is { } problem) return Result<IReadOnlyList<(double, double)>>.Fail(problem);
                var points = new List<(double, double)>();
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    if (!r.IsDBNull(0) && !r.IsDBNull(1)) points.Add((r.GetDouble(0), r.GetDouble(1)));
                return Result<IReadOnlyList<(double, double)>>.Ok(points);
            }
            catch (SqliteException ex) when (q.Text is not null && ex.SqliteErrorCode != 9)
            {
                return Result<IReadOnlyList<(double, double)>>.Fail(SearchError(q.Text, ex));
            }
        }
    }

    private Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery q, string select, Func<SqliteDataReader, EventRecord> read, bool features = false)
    {
        if (q.Limit < 0 || q.Offset < 0) return Result<IReadOnlyList<EventRecord>>.Fail("limit and offset must not be negative");
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            try
            {
                if (BuildEventQuery(cmd, q, select: select, articles: !features) is { } problem) return Result<IReadOnlyList<EventRecord>>.Fail(problem);
                var rows = ReadAll(cmd, read);
                return Result<IReadOnlyList<EventRecord>>.Ok(features ? FeatureRows.WithArticles(rows, ArticleTitles(FeatureRows.ArticleIds(rows))) : rows);
            }
            catch (SqliteException ex) when (q.Text is not null && ex.SqliteErrorCode != 9)
            {
                return Result<IReadOnlyList<EventRecord>>.Fail(SearchError(q.Text, ex));
            }
        }
    }

    /// <summary>
    /// The event listing's statement for a query. Events are ordered by their stored date key (<c>date_lo</c>, newest first,
    /// then insertion order), which the indexes of schema version 7 keep in order: an equality filter (action, modality)
    /// reads its own ordered index, other filters walk <c>events_order</c> and stop at the page's end. Returns a problem
    /// (a cursor naming no stored event) or null.
    /// </summary>
    /// <param name="articles">Whether the select reads the article's columns (<c>a</c>); the map feed's does not (no filter here reads them).</param>
    private string? BuildEventQuery(SqliteCommand cmd, EventQuery q, bool counting = false, string? select = null, bool articles = true)
    {
        string source = articles ? "events e JOIN articles a ON a.id = e.article_id" : "events e";
        select ??= SqliteColumns.EventSelect;
        // A count reads no column and needs no order: the rows of events that pass the filters, up to the limit. A page
        // after an offset lists the ids of the walk first and joins their rows and articles for the page alone: joined in
        // the walk, every skipped event's article was read too (50,000 lookups, 299 ms for offset 50,000 at 1M events).
        bool idsFirst = !counting && q.Offset > 0;
        // A count of the main events of --search's matching articles reads their index alone (schema 18), named because
        // SQLite without statistics prefers the (article_id, event_id) key and reads each row to test main.
        bool byMainArticle = counting && !q.All && !string.IsNullOrWhiteSpace(q.Text) && q.ArticleId is null && q.Box is null
            && string.IsNullOrWhiteSpace(q.Actor) && string.IsNullOrWhiteSpace(q.Place) && string.IsNullOrWhiteSpace(q.Action) && string.IsNullOrWhiteSpace(q.Modality);
        var sql = new StringBuilder(counting ? $"SELECT 1 FROM events e{(byMainArticle ? " INDEXED BY events_main_article" : "")} WHERE 1=1"
            : idsFirst ? "SELECT e.id FROM events e WHERE 1=1"
            : $"SELECT {select} FROM {source} WHERE 1=1");
        void And(string clause, params ReadOnlySpan<(string Name, object Value)> values)
        {
            sql.Append(" AND ").Append(clause);
            foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value);
        }
        bool ownIndex = AppendEventFilters(sql, cmd, q, unordered: counting);
        if (q.From is { } from) And("e.date_hi >= $from", ("$from", IsoDate(from)));
        if (q.To is { } to) And("e.date_lo <= $to AND e.date_lo > ''", ("$to", IsoDate(to)));
        if (q.MinConfidence is { } mc) And("e.confidence >= $minconf", ("$minconf", mc));
        // Main events alone have their index in date order (events_main_order, schema 13), which the listing walks and a
        // count reads alone; a filter that reads its own index keeps SQLite off it (`+`): its few candidates are checked.
        // A minimum confidence narrows the main events too; only All lists the others.
        if (!q.All) And(ownIndex && !byMainArticle ? "+e.main = 1" : "e.main = 1");
        if (q.After is { } after)
        {
            using var find = _db.CreateCommand();
            find.CommandText = "SELECT date_lo, id FROM events WHERE article_id = $a AND event_id = $e";
            find.Parameters.AddWithValue("$a", after.ArticleId);
            find.Parameters.AddWithValue("$e", after.EventId);
            using var r = find.ExecuteReader();
            if (!r.Read()) return $"no event {after} to list after";
            And("e.date_lo <= $afterDate AND (e.date_lo < $afterDate OR e.id > $afterId)", ("$afterDate", r.GetString(0)), ("$afterId", r.GetInt64(1)));
        }
        if (counting) sql.Append(" LIMIT $limit");
        else sql.Append(" ORDER BY e.date_lo DESC, e.id LIMIT $limit OFFSET $offset");
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        cmd.Parameters.AddWithValue("$offset", q.Offset);
        cmd.CommandText = counting ? $"SELECT COUNT(*) FROM ({sql})"
            : idsFirst ? $"SELECT {select} FROM {source} WHERE e.id IN ({sql}) ORDER BY e.date_lo DESC, e.id"
            : sql.ToString();
        return null;
    }

    public Result<int> CountEvents(EventQuery q, int atMost)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            try
            {
                if (BuildEventQuery(cmd, q with { Limit = Math.Max(0, atMost), Offset = 0 }, counting: true) is { } problem) return Result<int>.Fail(problem);
                return Result<int>.Ok(Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
            }
            catch (SqliteException ex) when (q.Text is not null && ex.SqliteErrorCode != 9)
            {
                return Result<int>.Fail(SearchError(q.Text, ex));
            }
        }
    }

    /// <summary>
    /// The filters on an event's own columns (actor, place, action, modality, box, full text, article) as " AND ..." clauses
    /// over <c>e</c>: the event listing's, and the incident listing's test of its reports (SqliteIncidentQueries).
    /// <paramref name="unordered"/> (a bounded count): the rows need no order, so a filter with its own index always reads
    /// its candidates from it and stops at the count's bound; walking the date index instead pays off only for a page in
    /// date order (a count of fewer matches than its bound walked all 100k events: 277 ms for --actor regime).
    /// Returns whether a filter reads its own index (rather than being checked on the rows of a date walk).
    /// </summary>
    private bool AppendEventFilters(StringBuilder sql, SqliteCommand cmd, EventQuery q, bool unordered = false)
    {
        bool ownIndex = false;
        bool Walk(string select, params ReadOnlySpan<(string Name, object Value)> values)
        {
            bool walk = !unordered && Dense(select, DenseMatches, values);
            ownIndex |= !walk;
            return walk;
        }
        void And(string clause, params ReadOnlySpan<(string Name, object Value)> values)
        {
            sql.Append(" AND ").Append(clause);
            foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value);
        }
        // A count of main events may walk their date index too: it carries the search text (schema 18), so a common name is
        // tested on its entries; the trigram candidates' rows were read one by one (10,000 rows, 325 ms at 1M events).
        bool countByWalk = unordered && !q.All;
        if (!string.IsNullOrWhiteSpace(q.Actor)) ownIndex |= AndContains(sql, cmd, "actor", q.Actor, unordered && !countByWalk);
        if (!string.IsNullOrWhiteSpace(q.Place)) ownIndex |= AndContains(sql, cmd, "place", q.Place, unordered && !countByWalk);
        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            var action = q.Action.Trim();
            // A CAMEO prefix as a range of codes: every code that starts with the digits sorts in [digits, digits + ':').
            // A range with few events is read from its index and sorted; a range with many is checked on the rows of the
            // date index instead (`+` keeps SQLite off the code index), which finds a page's worth after a short walk.
            if (action.All(char.IsAsciiDigit))
                And(Walk("SELECT 1 FROM events WHERE cameo >= $action AND cameo < $actionEnd", ("$action", action), ("$actionEnd", action + ":"))
                    ? "+e.cameo >= $action AND +e.cameo < $actionEnd" : "e.cameo >= $action AND e.cameo < $actionEnd",
                    ("$action", action), ("$actionEnd", action + ":"));
            else
            {
                And("e.action = $action COLLATE NOCASE", ("$action", action));
                ownIndex = true;
            }
        }
        if (!string.IsNullOrWhiteSpace(q.Modality))
        {
            And("e.modality = $modality COLLATE NOCASE", ("$modality", q.Modality.Trim()));
            ownIndex = true;
        }
        // The box likewise: few matches are read from the R*Tree and sorted, many are checked on the entries of the date
        // index, which carries lat and lon (schema 18; an R*Tree lookup by id per walked event cost 498 ms a page at 1M).
        // The test is on the event's own coordinates either way: the R*Tree's 32-bit boxes are rounded outward, so its
        // overlap query gives candidates (a point on the box's edge among them), and both plans list the same events.
        if (q.Box is { } box)
        {
            const string overlaps = "max_lat >= $s AND min_lat <= $n AND max_lon >= $w AND min_lon <= $e";
            const string inside = "e.lat >= $s AND e.lat <= $n AND e.lon >= $w AND e.lon <= $e";
            (string, object)[] corners = [("$s", box.South), ("$n", box.North), ("$w", box.West), ("$e", box.East)];
            And(Walk($"SELECT 1 FROM events_rtree WHERE {overlaps}", corners)
                ? inside
                : $"e.id IN (SELECT id FROM events_rtree WHERE {overlaps}) AND {inside}", corners);
        }
        // Full text: the matching articles are read from the FTS index once, as a list. Few events in them are read by
        // article and sorted; many are checked against the list on the rows of the date index (`+` keeps SQLite off the
        // article index), which finds a page after a short walk (a per-row FTS lookup instead measured 4x slower at 1M).
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            const string matches = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $text";
            var text = ("$text", (object)Fts5Query.Quote(q.Text));
            // Probed by articles, not their events: `article_id IN (matches)` lists every match before counting the first
            // events (92k articles for a common word at 1M), and the listing then lists them again.
            bool walk = !unordered && Dense(matches, DenseArticles, text);
            ownIndex |= !walk;
            And(walk ? $"+e.article_id IN ({matches})" : $"e.article_id IN ({matches})", text);
        }
        if (q.ArticleId is { } aid)
        {
            And("e.article_id = $aid", ("$aid", aid));
            ownIndex = true;
        }
        return ownIndex;
    }

    /// <summary>
    /// " AND" the events whose <paramref name="field"/>_search text contains <paramref name="part"/> (case-insensitive).
    /// Few candidates in the field's trigram index (<see cref="SqliteNameIndex"/>) are read by id and sorted; many, or a
    /// part too short for a trigram, are checked on the rows of the date index, which finds a page after a short walk.
    /// <paramref name="unordered"/> (a count of every event, whose date index lacks the search text): the candidates are
    /// read from the trigram index however many they are. Returns whether they are.
    /// </summary>
    private bool AndContains(StringBuilder sql, SqliteCommand cmd, string field, string part, bool unordered)
    {
        var lower = part.Trim().ToLowerInvariant();
        sql.Append($" AND instr(e.{field}_search, ${field}) > 0");
        cmd.Parameters.AddWithValue("$" + field, lower);
        if (SqliteNameIndex.Trigrams(lower) is not { } grams) return false;
        var index = $"SELECT rowid FROM events_{field}_names WHERE events_{field}_names MATCH ${field}Grams";
        if (!unordered && Dense(index, DenseMatches, ($"${field}Grams", grams))) return false;
        sql.Append($" AND e.id IN ({index})");
        cmd.Parameters.AddWithValue($"${field}Grams", grams);
        return true;
    }

    /// <summary>Rows a filter must match at least before the listing walks the date index rather than sorting the filter's own matches.</summary>
    internal int DenseMatches { get; set; } = 5000;

    /// <summary>
    /// Articles a full-text query must match before the listing walks the date index: <see cref="DenseMatches"/> over the
    /// events an article holds (about 9 in pipeline-built stores), so that a word matches about as many events as that.
    /// </summary>
    private int DenseArticles => Math.Max(1, DenseMatches / 9);

    /// <summary>Whether <paramref name="select"/> gives at least <paramref name="atLeast"/> rows; reads no more than that many.</summary>
    private bool Dense(string select, int atLeast, params ReadOnlySpan<(string Name, object Value)> values)
    {
        using var probe = _db.CreateCommand();
        probe.CommandText = $"SELECT COUNT(*) FROM ({select} LIMIT {atLeast})";
        foreach (var (name, value) in values) probe.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(probe.ExecuteScalar(), CultureInfo.InvariantCulture) >= atLeast;
    }

    /// <summary>SQLite's plan for the event listing of <paramref name="q"/>, one line per step (tests check that no step scans the events table).</summary>
    internal IReadOnlyList<string> ExplainEvents(EventQuery q, bool counting = false, bool features = false)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            if (BuildEventQuery(cmd, q, counting, features ? SqliteColumns.FeatureSelect : null, articles: !features) is { } problem) throw new ArgumentException(problem);
            cmd.CommandText = "EXPLAIN QUERY PLAN " + cmd.CommandText;
            return ReadAll(cmd, r => r.GetString(3));
        }
    }

    /// <summary>The columns of an index, in key order (tests check that a date walk's index carries the columns its filters test).</summary>
    internal IReadOnlyList<string> IndexColumns(string index)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT name FROM pragma_index_info($index) ORDER BY seqno";
            cmd.Parameters.AddWithValue("$index", index);
            return ReadAll(cmd, r => r.GetString(0));
        }
    }

    /// <summary>SQLite's plan for one of the panel listings (<see cref="ListActors"/>, <see cref="ListPlaces"/>) or <see cref="Search"/>.</summary>
    internal IReadOnlyList<string> ExplainPanel(string which, string? query)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + which switch { "actors" => ActorsSql, "places" => PlacesSql, _ => SearchSql };
            cmd.Parameters.AddWithValue("$q", (object?)query ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$limit", 20);
            cmd.Parameters.AddWithValue("$offset", 0);
            return ReadAll(cmd, r => r.GetString(3));
        }
    }

    private static string SearchError(string query, SqliteException ex) =>
        $"cannot search for \"{query}\": {ex.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).TrimEnd('.')}. " +
        "Use words, \"quoted phrases\", AND, OR, NOT, NEAR(a b) and prefix*; quote words with punctuation.";

    // A bounded top-k: the inner query ranks every match by bm25 but carries only (rowid, score) through the sorter,
    // which keeps limit + offset rows; the article's columns, its event count and the snippet (which re-reads and
    // tokenizes the text) are computed for the rows of the page only, each found again in the FTS index by its rowid
    // (CROSS JOIN keeps that order: otherwise the planner scans every match again and probes the page).
    private const string SearchSql = $"""
        WITH top(id, score) AS MATERIALIZED (
            SELECT rowid, bm25(articles_fts) FROM articles_fts
            WHERE articles_fts MATCH $q
            ORDER BY 2, 1
            LIMIT $limit OFFSET $offset)
        SELECT {ArticleColumns}, snippet(articles_fts, -1, char(2), char(3), '…', 16), top.score
        FROM top
        CROSS JOIN articles a ON a.id = top.id
        CROSS JOIN articles_fts ON articles_fts.rowid = top.id AND articles_fts MATCH $q
        ORDER BY top.score, top.id
        """;

    public Result<IReadOnlyList<SearchHit>> Search(string query, int limit = 20, int offset = 0)
    {
        if (string.IsNullOrWhiteSpace(query)) return Result<IReadOnlyList<SearchHit>>.Fail("the search query is empty");
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = SearchSql;
            cmd.Parameters.AddWithValue("$q", Fts5Query.Quote(query));
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, limit));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            try
            {
                return ReadAll(cmd, r => new SearchHit(ReadSummary(r), new Cells(r, 8).NStr() ?? "", r.GetDouble(9)));
            }
            catch (SqliteException ex)
            {
                return Result<IReadOnlyList<SearchHit>>.Fail(SearchError(query, ex));
            }
        }
    }

    public ArticleDetail? GetArticle(long articleId)
    {
        ArticleSummary summary;
        JsonObject document;
        string text;
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"SELECT {ArticleColumns}, a.document, a.text FROM articles a WHERE a.id = $id";
            cmd.Parameters.AddWithValue("$id", articleId);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            summary = ReadSummary(r);
            document = StoredDocument.Unpack(r, 8);
            text = r.GetString(9);
        }
        var events = QueryEvents(new EventQuery { ArticleId = articleId, All = true, Limit = int.MaxValue }).Value ?? [];
        return new ArticleDetail(summary, DocumentRows.RestoreText(document, text), [.. events.OrderBy(e => e.Ordinal)]);
    }

    public IReadOnlyList<ArticleSummary> FindByHashPrefix(string prefix, int limit = 2)
    {
        var p = prefix.Trim().ToLowerInvariant();
        if (p.Length == 0 || !p.All(char.IsAsciiHexDigit)) return [];
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            // Range scan on the unique hash index: every hash that starts with p sorts in [p, p + 'g').
            cmd.CommandText = $"SELECT {ArticleColumns} FROM articles a WHERE a.hash >= $lo AND a.hash < $hi ORDER BY a.hash LIMIT $limit";
            cmd.Parameters.AddWithValue("$lo", p);
            cmd.Parameters.AddWithValue("$hi", p + "g");
            cmd.Parameters.AddWithValue("$limit", Math.Max(1, limit));
            return ReadAll(cmd, ReadSummary);
        }
    }

    public EventDetail? GetEvent(long articleId, string? eventId, int? ordinal = null)
    {
        if (eventId is null && ordinal is null) return null;
        EventRecord ev;
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"SELECT {SqliteColumns.EventSelect} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.article_id = $a AND "
                + (eventId is not null ? "e.event_id = $k" : "e.ordinal = $k");
            cmd.Parameters.AddWithValue("$a", articleId);
            cmd.Parameters.AddWithValue("$k", (object?)eventId ?? ordinal!.Value);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            ev = SqliteColumns.ReadEvent(r);
        }
        var article = GetArticle(articleId);
        return article is null ? null : new EventDetail(ev, article.Article, article.Document);
    }

    public StoreCounts Counts()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM entities)";
            using var r = cmd.ExecuteReader();
            r.Read();
            return new StoreCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
        }
    }

    // The panels read the tables of schema version 7 that triggers keep up to date (docs/storage.md), in the order of their rank index.
    private const string ActorsSql = """
        SELECT name, type, actor_code, articles, events FROM actor_stats
        WHERE articles > 0
          AND ($q IS NULL OR instr(lower(name), $q) > 0 OR instr(lower(COALESCE(actor_code, '')), $q) > 0 OR instr(aliases, $q) > 0)
        ORDER BY events DESC, articles DESC, name
        LIMIT $limit OFFSET $offset
        """;

    private const string PlacesSql = """
        SELECT geonameid, name, lat, lon, country, admin1, precision, articles, events FROM place_stats
        WHERE articles > 0
          AND ($q IS NULL OR instr(lower(name), $q) > 0 OR lower(COALESCE(country, '')) = $q OR instr(lower(COALESCE(admin1, '')), $q) > 0)
        ORDER BY events DESC, articles DESC, name
        LIMIT $limit OFFSET $offset
        """;

    public IReadOnlyList<ActorSummary> ListActors(string? query = null, int limit = 100, int offset = 0) => ListPage(ActorsSql, query, limit, offset, r =>
    {
        var c = new Cells(r);
        return new ActorSummary(c.Str(), c.Str(), c.NStr(), c.Long(), c.Long());
    });

    public IReadOnlyList<PlaceSummary> ListPlaces(string? query = null, int limit = 100, int offset = 0) => ListPage(PlacesSql, query, limit, offset, r =>
    {
        var c = new Cells(r);
        return new PlaceSummary(c.NStr(), c.Str(), c.NDbl(), c.NDbl(), c.NStr(), c.NStr(), c.NStr(), c.Long(), c.Long());
    });

    /// <summary>One page of a listing filtered by a lower-cased <c>$q</c> (null: no filter), with <c>$limit</c> and <c>$offset</c>.</summary>
    private List<T> ListPage<T>(string sql, string? query, int limit, int offset, Func<SqliteDataReader, T> read)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$q", string.IsNullOrWhiteSpace(query) ? DBNull.Value : query.Trim().ToLowerInvariant());
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, limit));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            return ReadAll(cmd, read);
        }
    }

    /// <summary>The title and date of publication of each article in <paramref name="ids"/> (one statement; the ids as a JSON array).</summary>
    private Dictionary<long, (string? Title, string? Published)> ArticleTitles(long[] ids)
    {
        var titles = new Dictionary<long, (string?, string?)>(ids.Length);
        if (ids.Length == 0) return titles;
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT a.id, a.title, a.published FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids))";
        cmd.Parameters.AddWithValue("$ids", "[" + string.Join(",", ids) + "]");
        using var r = cmd.ExecuteReader();
        while (r.Read()) titles[r.GetInt64(0)] = (r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
        return titles;
    }

    private static List<T> ReadAll<T>(SqliteCommand cmd, Func<SqliteDataReader, T> read)
    {
        var list = new List<T>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(read(r));
        return list;
    }
}
