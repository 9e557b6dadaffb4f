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
public sealed class SqliteEventStore : IEventStore
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
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA temp_store=MEMORY;");
            int version = SqliteMigrations.Migrate(db, clock.GetUtcNow(), targetVersion);
            return new SqliteEventStore(db, clock, version);
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
            try { Exec(_db, "PRAGMA optimize;"); } catch (SqliteException) { }
            _db.Dispose();
        }
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- writing

    public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents)
    {
        var outcomes = new List<AddOutcome>(documents.Count);
        if (documents.Count == 0) return outcomes;
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var w = new Writer(_db, tx);
            var ingestedAt = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            foreach (var doc in documents)
            {
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
        }
        return outcomes;
    }

    /// <summary>Prepared statements for one batch, reused for every row.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _hash, _article, _entity, _mention, _place, _time, _event;

        public Writer(SqliteConnection db, SqliteTransaction tx)
        {
            _hash = Cmd(db, tx, "SELECT id FROM articles WHERE hash = $hash", "$hash");
            _article = Cmd(db, tx, """
                INSERT INTO articles(hash, uri, title, lede, byline, publisher, published, published_source, language, text,
                                     credits, dropped, keywords, reference_date, document, ingested_at)
                VALUES ($hash, $uri, $title, $lede, $byline, $publisher, $published, $psource, $lang, $text,
                        $credits, $dropped, $keywords, $ref, $doc, $at)
                ON CONFLICT(hash) DO NOTHING
                RETURNING id
                """, "$hash", "$uri", "$title", "$lede", "$byline", "$publisher", "$published", "$psource", "$lang", "$text",
                "$credits", "$dropped", "$keywords", "$ref", "$doc", "$at");
            _entity = Cmd(db, tx, """
                INSERT INTO entities(article_id, entity_id, type, name, aliases, actor_code, actor_country, actor_sector,
                                     geonameid, lat, lon, country, admin1, place_precision)
                VALUES ($a, $id, $type, $name, $aliases, $code, $country, $sector, $gid, $lat, $lon, $pcountry, $admin1, $prec)
                ON CONFLICT DO NOTHING
                """, "$a", "$id", "$type", "$name", "$aliases", "$code", "$country", "$sector", "$gid", "$lat", "$lon", "$pcountry", "$admin1", "$prec");
            _mention = Cmd(db, tx, "INSERT INTO mentions(article_id, entity_id, text, start, \"end\", source) VALUES ($a, $id, $text, $s, $e, $src)",
                "$a", "$id", "$text", "$s", "$e", "$src");
            _place = Cmd(db, tx, """
                INSERT INTO places(article_id, entity_id, geonameid, name, lat, lon, country, admin1, admin2, feature, precision, acled_geo_precision, confidence)
                VALUES ($a, $id, $gid, $name, $lat, $lon, $country, $admin1, $admin2, $feature, $prec, $acled, $conf)
                ON CONFLICT DO NOTHING
                """, "$a", "$id", "$gid", "$name", "$lat", "$lon", "$country", "$admin1", "$admin2", "$feature", "$prec", "$acled", "$conf");
            _time = Cmd(db, tx, """
                INSERT INTO times(article_id, text, start_char, end_char, type, value, start, "end", precision, relative)
                VALUES ($a, $text, $s, $e, $type, $value, $start, $end, $prec, $rel)
                """, "$a", "$text", "$s", "$e", "$type", "$value", "$start", "$end", "$prec", "$rel");
            _event = Cmd(db, tx, """
                INSERT INTO events(article_id, event_id, ordinal, action, trigger_start, trigger_end, trigger_text,
                    actor_entity, actor_text, actor_start, actor_end, actor_code,
                    target_entity, target_text, target_start, target_end, target_code,
                    place_entity, place_text, place_start, place_end,
                    actor_search, target_search, place_search,
                    place_name, geonameid, lat, lon, country, admin1, place_precision,
                    time_text, time_start, time_end, time_precision, time_inherited, time_start_char, time_end_char,
                    counts, modality, occurred, sources, evidence, confidence,
                    cameo, plover_event, plover_mode, acled_type, acled_subtype, quad_class, goldstein, place_inherited)
                VALUES ($a, $eid, $ord, $action, $ts, $te, $tt,
                    $ae, $at, $as, $aend, $acode,
                    $ge, $gt, $gs, $gend, $gcode,
                    $pe, $pt, $ps, $pend,
                    $asearch, $gsearch, $psearch,
                    $pname, $gid, $lat, $lon, $country, $admin1, $pprec,
                    $ttext, $tstart, $tend, $tprec, $tinh, $tsc, $tec,
                    $counts, $modality, $occurred, $sources, $evidence, $conf,
                    $cameo, $pev, $pmode, $acled, $acledsub, $quad, $gold, $pinh)
                ON CONFLICT DO NOTHING
                """,
                "$a", "$eid", "$ord", "$action", "$ts", "$te", "$tt",
                "$ae", "$at", "$as", "$aend", "$acode",
                "$ge", "$gt", "$gs", "$gend", "$gcode",
                "$pe", "$pt", "$ps", "$pend",
                "$asearch", "$gsearch", "$psearch",
                "$pname", "$gid", "$lat", "$lon", "$country", "$admin1", "$pprec",
                "$ttext", "$tstart", "$tend", "$tprec", "$tinh", "$tsc", "$tec",
                "$counts", "$modality", "$occurred", "$sources", "$evidence", "$conf",
                "$cameo", "$pev", "$pmode", "$acled", "$acledsub", "$quad", "$gold", "$pinh");
        }

        private static SqliteCommand Cmd(SqliteConnection db, SqliteTransaction tx, string sql, params string[] names)
        {
            var cmd = db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var n in names) cmd.Parameters.Add(new SqliteParameter(n, null));
            cmd.Prepare();
            return cmd;
        }

        private static void Set(SqliteCommand cmd, params object?[] values)
        {
            for (int i = 0; i < values.Length; i++)
                cmd.Parameters[i].Value = values[i] switch { null => DBNull.Value, bool b => b ? 1 : 0, var v => v };
        }

        public long? FindHash(string hash)
        {
            Set(_hash, hash);
            return _hash.ExecuteScalar() is long id ? id : null;
        }

        /// <summary>Inserts every row of a document; null when its hash is already stored.</summary>
        public long? Insert(DocumentRowSet rows, string ingestedAt)
        {
            var a = rows.Article;
            Set(_article, a.Hash, a.Uri, a.Title, a.Lede, a.Byline, a.Publisher, a.Published, a.PublishedSource, a.Language, a.Text,
                a.CreditsJson, a.DroppedJson, a.KeywordsJson, a.ReferenceDate, StoredDocument.Pack(a.DocumentJson), ingestedAt);
            // Another writer may have stored the same article since FindHash: then nothing is inserted.
            if (_article.ExecuteScalar() is not long id) return null;
            foreach (var e in rows.Entities)
            {
                Set(_entity, id, e.EntityId, e.Type, e.Name, e.AliasesJson, e.ActorCode, e.ActorCountry, e.ActorSector,
                    e.GeonameId, e.Lat, e.Lon, e.Country, e.Admin1, e.PlacePrecision);
                _entity.ExecuteNonQuery();
            }
            foreach (var m in rows.Mentions)
            {
                Set(_mention, id, m.EntityId, m.Text, m.Start, m.End, m.Source);
                _mention.ExecuteNonQuery();
            }
            foreach (var p in rows.Places)
            {
                Set(_place, id, p.EntityId, p.GeonameId, p.Name, p.Lat, p.Lon, p.Country, p.Admin1, p.Admin2, p.Feature, p.Precision, p.AcledGeoPrecision, p.Confidence);
                _place.ExecuteNonQuery();
            }
            foreach (var t in rows.Times)
            {
                Set(_time, id, t.Text, t.Start, t.End, t.Type, t.Value, t.StartDate, t.EndDate, t.Precision, t.Relative);
                _time.ExecuteNonQuery();
            }
            foreach (var e in rows.Events)
            {
                Set(_event, id, e.EventId, e.Ordinal, e.Action, e.TriggerStart, e.TriggerEnd, e.TriggerText,
                    e.Actor?.EntityId, e.Actor?.Text, e.Actor?.Start, e.Actor?.End, e.Actor?.Code,
                    e.Target?.EntityId, e.Target?.Text, e.Target?.Start, e.Target?.End, e.Target?.Code,
                    e.Place?.EntityId, e.Place?.Text, e.Place?.Start, e.Place?.End,
                    e.ActorSearch, e.TargetSearch, e.PlaceSearch,
                    e.PlaceName, e.GeonameId, e.Lat, e.Lon, e.Country, e.Admin1, e.PlacePrecision,
                    e.TimeText, e.TimeStart, e.TimeEnd, e.TimePrecision, e.TimeInherited, e.TimeStartChar, e.TimeEndChar,
                    e.CountsJson, e.Modality, e.Occurred, e.SourcesJson, e.EvidenceJson, e.Confidence,
                    e.Cameo, e.PloverEvent, e.PloverMode, e.AcledType, e.AcledSubtype, e.QuadClass, e.Goldstein, e.PlaceInherited);
                _event.ExecuteNonQuery();
            }
            return id;
        }

        public void Dispose()
        {
            foreach (var c in new[] { _hash, _article, _entity, _mention, _place, _time, _event }) c.Dispose();
        }
    }

    // ---------------------------------------------------------------- reading

    private const string ArticleColumns =
        "a.id, a.hash, a.uri, a.title, a.publisher, a.published, a.ingested_at, (SELECT COUNT(*) FROM events x WHERE x.article_id = a.id)";

    private static ArticleSummary ReadSummary(SqliteDataReader r, int o = 0) => new(
        r.GetInt64(o), r.GetString(o + 1), r.GetString(o + 2), NStr(r, o + 3), NStr(r, o + 4), NStr(r, o + 5), r.GetString(o + 6), r.GetInt32(o + 7));

    private const string EventColumns = """
        e.article_id, a.hash, a.title, a.published, e.event_id, e.ordinal, e.action, e.trigger_text,
        e.actor_text, e.actor_entity, e.actor_code, e.target_text, e.target_entity, e.target_code,
        e.place_text, e.place_entity, e.place_name, e.lat, e.lon, e.country, e.admin1, e.place_precision,
        e.time_text, e.time_start, e.time_end, e.time_precision, e.time_inherited,
        e.modality, e.occurred, e.confidence, e.cameo, e.plover_event, e.plover_mode, e.acled_type, e.acled_subtype,
        e.quad_class, e.goldstein, e.counts, e.sources, e.evidence, a.uri, e.geonameid, e.place_inherited
        """;

    private static EventRecord ReadEvent(SqliteDataReader r) => new()
    {
        ArticleId = r.GetInt64(0),
        ArticleHash = r.GetString(1),
        ArticleTitle = NStr(r, 2),
        Published = NStr(r, 3),
        EventId = r.GetString(4),
        Ordinal = r.GetInt32(5),
        Action = r.GetString(6),
        Trigger = NStr(r, 7),
        Actor = NStr(r, 8),
        ActorEntity = NStr(r, 9),
        ActorCode = NStr(r, 10),
        Target = NStr(r, 11),
        TargetEntity = NStr(r, 12),
        TargetCode = NStr(r, 13),
        Place = NStr(r, 14),
        PlaceEntity = NStr(r, 15),
        PlaceName = NStr(r, 16),
        Lat = r.IsDBNull(17) ? null : r.GetDouble(17),
        Lon = r.IsDBNull(18) ? null : r.GetDouble(18),
        Country = NStr(r, 19),
        Admin1 = NStr(r, 20),
        PlacePrecision = NStr(r, 21),
        TimeText = NStr(r, 22),
        TimeStart = NStr(r, 23),
        TimeEnd = NStr(r, 24),
        TimePrecision = NStr(r, 25),
        TimeInherited = r.GetInt64(26) != 0,
        Modality = r.GetString(27),
        Occurred = r.GetInt64(28) != 0,
        Confidence = r.GetDouble(29),
        Cameo = NStr(r, 30),
        PloverEvent = NStr(r, 31),
        PloverMode = NStr(r, 32),
        AcledType = NStr(r, 33),
        AcledSubtype = NStr(r, 34),
        QuadClass = r.IsDBNull(35) ? null : r.GetInt32(35),
        Goldstein = r.IsDBNull(36) ? null : r.GetDouble(36),
        CountsJson = r.GetString(37),
        SourcesJson = r.GetString(38),
        EvidenceJson = r.GetString(39),
        ArticleUri = NStr(r, 40),
        GeonameId = NStr(r, 41),
        PlaceInherited = r.GetInt64(42) != 0,
    };

    private static string? NStr(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery q)
    {
        if (q.Limit < 0 || q.Offset < 0) return Result<IReadOnlyList<EventRecord>>.Fail("limit and offset must not be negative");
        var sql = new StringBuilder($"SELECT {EventColumns} FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1");
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            if (!string.IsNullOrWhiteSpace(q.Actor))
            {
                sql.Append(" AND instr(e.actor_search, $actor) > 0");
                cmd.Parameters.AddWithValue("$actor", q.Actor.Trim().ToLowerInvariant());
            }
            if (!string.IsNullOrWhiteSpace(q.Place))
            {
                sql.Append(" AND instr(e.place_search, $place) > 0");
                cmd.Parameters.AddWithValue("$place", q.Place.Trim().ToLowerInvariant());
            }
            if (q.From is { } from)
            {
                sql.Append(" AND COALESCE(e.time_end, e.time_start, a.published) >= $from");
                cmd.Parameters.AddWithValue("$from", IsoDate(from));
            }
            if (q.To is { } to)
            {
                sql.Append(" AND COALESCE(e.time_start, e.time_end, a.published) <= $to");
                cmd.Parameters.AddWithValue("$to", IsoDate(to));
            }
            if (!string.IsNullOrWhiteSpace(q.Action))
            {
                var action = q.Action.Trim();
                if (action.All(char.IsAsciiDigit))
                {
                    sql.Append(" AND substr(e.cameo, 1, length($action)) = $action");
                    cmd.Parameters.AddWithValue("$action", action);
                }
                else
                {
                    sql.Append(" AND e.action = $action COLLATE NOCASE");
                    cmd.Parameters.AddWithValue("$action", action);
                }
            }
            if (!string.IsNullOrWhiteSpace(q.Modality))
            {
                sql.Append(" AND e.modality = $modality COLLATE NOCASE");
                cmd.Parameters.AddWithValue("$modality", q.Modality.Trim());
            }
            if (q.MinConfidence is { } mc)
            {
                sql.Append(" AND e.confidence >= $minconf");
                cmd.Parameters.AddWithValue("$minconf", mc);
            }
            if (q.Box is { } box)
            {
                sql.Append(" AND e.id IN (SELECT id FROM events_rtree WHERE min_lat >= $s AND max_lat <= $n AND min_lon >= $w AND max_lon <= $e)");
                cmd.Parameters.AddWithValue("$s", box.South);
                cmd.Parameters.AddWithValue("$n", box.North);
                cmd.Parameters.AddWithValue("$w", box.West);
                cmd.Parameters.AddWithValue("$e", box.East);
            }
            if (!string.IsNullOrWhiteSpace(q.Text))
            {
                sql.Append(" AND e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $text)");
                cmd.Parameters.AddWithValue("$text", q.Text);
            }
            if (q.ArticleId is { } aid)
            {
                sql.Append(" AND e.article_id = $aid");
                cmd.Parameters.AddWithValue("$aid", aid);
            }
            sql.Append(" ORDER BY COALESCE(e.time_start, a.published) DESC NULLS LAST, e.article_id, e.ordinal LIMIT $limit OFFSET $offset");
            cmd.Parameters.AddWithValue("$limit", q.Limit);
            cmd.Parameters.AddWithValue("$offset", q.Offset);
            cmd.CommandText = sql.ToString();
            try
            {
                var list = new List<EventRecord>();
                using var r = cmd.ExecuteReader();
                while (r.Read()) list.Add(ReadEvent(r));
                return list;
            }
            catch (SqliteException ex) when (q.Text is not null)
            {
                return Result<IReadOnlyList<EventRecord>>.Fail(SearchError(q.Text, ex));
            }
        }
    }

    private static string SearchError(string query, SqliteException ex) =>
        $"cannot search for \"{query}\": {ex.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).TrimEnd('.')}. " +
        "Use words, \"quoted phrases\", AND, OR, NOT, NEAR(a b) and prefix*; quote words with punctuation.";

    public Result<IReadOnlyList<SearchHit>> Search(string query, int limit = 20, int offset = 0)
    {
        if (string.IsNullOrWhiteSpace(query)) return Result<IReadOnlyList<SearchHit>>.Fail("the search query is empty");
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"""
                SELECT {ArticleColumns}, snippet(articles_fts, -1, char(2), char(3), '…', 16), bm25(articles_fts) AS rank
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH $q
                ORDER BY rank, a.id
                LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$q", query);
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, limit));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            try
            {
                var hits = new List<SearchHit>();
                using var r = cmd.ExecuteReader();
                while (r.Read()) hits.Add(new SearchHit(ReadSummary(r), NStr(r, 8) ?? "", r.GetDouble(9)));
                return hits;
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
        var events = QueryEvents(new EventQuery { ArticleId = articleId, Limit = int.MaxValue }).Value ?? [];
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
            var list = new List<ArticleSummary>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add(ReadSummary(r));
            return list;
        }
    }

    public EventDetail? GetEvent(long articleId, string? eventId, int? ordinal = null)
    {
        if (eventId is null && ordinal is null) return null;
        EventRecord ev;
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"SELECT {EventColumns} FROM events e JOIN articles a ON a.id = e.article_id WHERE e.article_id = $a AND "
                + (eventId is not null ? "e.event_id = $k" : "e.ordinal = $k");
            cmd.Parameters.AddWithValue("$a", articleId);
            cmd.Parameters.AddWithValue("$k", (object?)eventId ?? ordinal!.Value);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            ev = ReadEvent(r);
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

    public IReadOnlyList<ActorSummary> ListActors(string? query = null, int limit = 100, int offset = 0)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT n.name, MAX(n.type), MAX(n.actor_code), COUNT(DISTINCT n.article_id),
                       (SELECT COUNT(*) FROM events e JOIN entities m ON m.article_id = e.article_id AND m.entity_id = e.actor_entity
                        WHERE m.name = n.name COLLATE NOCASE) AS events
                FROM entities n
                WHERE n.type IN ('PERSON', 'ORG', 'NORP')
                  AND ($q IS NULL OR instr(lower(n.name), $q) > 0 OR instr(lower(COALESCE(n.actor_code, '')), $q) > 0
                       OR instr(lower(n.aliases), $q) > 0)
                GROUP BY n.name COLLATE NOCASE
                ORDER BY events DESC, COUNT(DISTINCT n.article_id) DESC, n.name
                LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$q", string.IsNullOrWhiteSpace(query) ? DBNull.Value : query.Trim().ToLowerInvariant());
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, limit));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            var list = new List<ActorSummary>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add(new ActorSummary(r.GetString(0), r.GetString(1), NStr(r, 2), r.GetInt64(3), r.GetInt64(4)));
            return list;
        }
    }

    public IReadOnlyList<PlaceSummary> ListPlaces(string? query = null, int limit = 100, int offset = 0)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT p.geonameid, MAX(COALESCE(p.name, '')), MAX(p.lat), MAX(p.lon), MAX(p.country), MAX(p.admin1), MAX(p.precision),
                       COUNT(DISTINCT p.article_id),
                       (SELECT COUNT(*) FROM events e WHERE (p.geonameid IS NOT NULL AND e.geonameid = p.geonameid)
                            OR (p.geonameid IS NULL AND e.place_name = p.name COLLATE NOCASE)) AS events
                FROM places p
                WHERE p.lat IS NOT NULL
                  AND ($q IS NULL OR instr(lower(COALESCE(p.name, '')), $q) > 0 OR lower(COALESCE(p.country, '')) = $q
                       OR instr(lower(COALESCE(p.admin1, '')), $q) > 0)
                GROUP BY COALESCE(p.geonameid, lower(p.name))
                ORDER BY events DESC, COUNT(DISTINCT p.article_id) DESC, MAX(p.name)
                LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$q", string.IsNullOrWhiteSpace(query) ? DBNull.Value : query.Trim().ToLowerInvariant());
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, limit));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            var list = new List<PlaceSummary>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new PlaceSummary(NStr(r, 0), r.GetString(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetDouble(3),
                    NStr(r, 4), NStr(r, 5), NStr(r, 6), r.GetInt64(7), r.GetInt64(8)));
            return list;
        }
    }
}
