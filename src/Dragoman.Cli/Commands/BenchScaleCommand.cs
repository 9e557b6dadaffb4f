using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dragoman.Export;
using Dragoman.Output;
using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Storage.Sqlite;
using Dragoman.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class BenchScaleSettings : CommandSettings
{
    [CommandOption("--seed <FILE>")]
    [Description("A store built by the pipeline (e.g. `dragoman ingest ../shared/data/fa-kes/fakes.dev.csv --db seed.db`); its documents are replicated.")]
    public string Seed { get; init; } = "";

    [CommandOption("--out <DIR>")]
    [Description("Folder for the stores scale-N.db (kept, and reused when present: the build is skipped).")]
    public string Out { get; init; } = "bench-scale";

    [CommandOption("--sizes <N,N>")]
    [Description("Event counts of the stores to build and time.")]
    public string Sizes { get; init; } = "10000,100000,1000000";

    [CommandOption("--runs <N>")]
    [Description("Runs per read (the median is reported); a read slower than 1 s runs 3 times.")]
    public int Runs { get; init; } = 20;

    [CommandOption("--cap <SECONDS>")]
    [Description("A read still running after this many seconds is interrupted and reported as over the cap.")]
    public double Cap { get; init; } = 30;

    [CommandOption("--copy-above <N>")]
    [Description("Stores larger than N events are built by copying the previous store's rows in SQL (new ids and hashes; the schema's triggers fill the indexes) rather than through the writer, which is slower.")]
    public int CopyAbove { get; init; } = 100_000;

    [CommandOption("--db <POSTGRES>")]
    [Description("Build and time the stores in this PostgreSQL database (a connection string or postgres:// URL) instead of SQLite files in --out: it grows through the sizes, through the store's writer (merging off) up to --copy-above, then by copying rows in SQL.")]
    public string? Db { get; init; }

    [CommandOption("--reads <TEXT>")]
    [Description("Time only the reads whose name contains this text (e.g. geojson); all by default.")]
    public string? Only { get; init; }

    [CommandOption("--exports")]
    [Description("Also time every export format over all events (once each).")]
    public bool Exports { get; init; }

    public override ValidationResult Validate()
    {
        if (!File.Exists(Seed)) return ValidationResult.Error($"--seed: no store at '{Seed}'");
        if (Db is not null && !StoreFiles.IsPostgres(Db)) return ValidationResult.Error($"--db takes a PostgreSQL server (Host=...;Database=... or postgres://...), not '{Db}'");
        if (BenchScaleCommand.ParseSizes(Sizes) is null) return ValidationResult.Error($"--sizes must be positive whole numbers separated by commas, not '{Sizes}'");
        if (Runs < 1) return ValidationResult.Error("--runs must be 1 or more");
        if (Cap <= 0) return ValidationResult.Error("--cap must be positive");
        return ValidationResult.Success();
    }
}

/// <summary>
/// `bench scale`: builds stores of 10k / 100k / 1M events by replicating a pipeline-built seed store through the store's
/// own writer (each copy with a new content hash, dates shifted by whole days and places moved to a variant gazetteer id),
/// then times every read path the CLI, the API and the exports use. Prints one line per read and a JSON object last.
/// </summary>
public sealed class BenchScaleCommand : Command<BenchScaleSettings>
{
    public static int[]? ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1) return null;
        return parts.Length == 0 ? null : [.. sizes.Order()];
    }

    public override int Execute(CommandContext context, BenchScaleSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.Out);
        var seed = LoadSeed(settings.Seed);
        Console.Out.WriteLine($"seed {settings.Seed}: {seed.Count} articles, {seed.Sum(s => (s["events"] as JsonArray)?.Count ?? 0)} events");
        var results = new JsonObject();
        string? previous = null;
        int copy = 0;
        if (settings.Db is { } pg)
        {
            // a database that already holds events (a run stopped part way) is grown by copying, as after the first size
            bool grown;
            using (var existing = StoreFiles.OpenPostgres(pg)) grown = existing.Counts().Events > 0;
            foreach (var size in ParseSizes(settings.Sizes)!)
            {
                var sw = Stopwatch.StartNew();
                if (size > settings.CopyAbove && grown) PostgresScaleCopy.CopyRows(PostgresLocation.ConnectionString(pg).Value!, size, Console.Out);
                else
                    using (var writer = StoreFiles.OpenPostgres(pg))
                    {
                        // the reads timed here do not touch incidents; merging would make the build several times slower
                        if (writer is IIncidentStore incidents) incidents.MergeOnAdd = false;
                        copy = Grow(writer, seed, size, copy);
                    }
                grown = true;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grew {PostgresLocation.Redact(pg)} to {size} events in {sw.Elapsed.TotalSeconds:0.0} s"));
                // reads past the cap are cancelled by the server (SQLite's are interrupted)
                using var store = StoreFiles.OpenPostgres(PostgresScaleCopy.WithStatementTimeout(pg, settings.Cap));
                results[size.ToString(CultureInfo.InvariantCulture)] = TimeReads(store, PostgresLocation.Redact(pg), 0, 0, settings);
            }
            Console.Out.WriteLine(results.ToJsonString(DocumentJson.Compact));
            return 0;
        }
        foreach (var size in ParseSizes(settings.Sizes)!)
        {
            var path = System.IO.Path.Combine(settings.Out, $"scale-{size}.db");
            if (!File.Exists(path))
            {
                if (previous is not null) foreach (var ext in new[] { "", "-wal", "-shm" }) if (File.Exists(previous + ext)) File.Copy(previous + ext, path + ext);
                var sw = Stopwatch.StartNew();
                if (size > settings.CopyAbove && previous is not null) CopyRows(path, size);
                else
                    using (var store = SqliteEventStore.Open(path))
                        copy = Grow(store, seed, size, copy);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {path} in {sw.Elapsed.TotalSeconds:0.0} s"));
            }
            previous = path;
            results[size.ToString(CultureInfo.InvariantCulture)] = TimeReads(path, settings);
        }
        Console.Out.WriteLine(results.ToJsonString(DocumentJson.Compact));
        return 0;
    }

    private static List<JsonObject> LoadSeed(string path)
    {
        using var store = SqliteEventStore.Open(path);
        var docs = new List<JsonObject>();
        for (long id = 1, missing = 0; missing < 1000; id++)
        {
            if (store.GetArticle(id) is { } a) { docs.Add(a.Document); missing = 0; }
            else missing++;
        }
        return docs;
    }

    /// <summary>Adds replicated copies (numbered from <paramref name="copy"/>) until the store holds <paramref name="size"/> events; returns the next copy number.</summary>
    private static int Grow(IEventStore store, List<JsonObject> seed, int size, int copy)
    {
        long events = store.Counts().Events;
        const int batch = 256;
        while (events < size)
        {
            for (int start = 0; start < seed.Count && events < size; start += batch)
            {
                int k = copy;
                var docs = seed.Skip(start).Take(batch).AsParallel().AsOrdered().Select(d => Replicate(d, k)).ToList();
                foreach (var d in docs) _ = d.Rows;
                var outcomes = store.Add(docs);
                events += docs.Where((d, i) => outcomes[i].Status == AddStatus.Stored).Sum(d => d.Rows.Events.Count);
            }
            copy++;
        }
        return copy;
    }

    /// <summary>
    /// Grows a store by copying its own rows (articles with new ids, hashes and URIs; their entities, mentions, places,
    /// times and events with them) until it holds <paramref name="size"/> events. Every column is copied as stored, so
    /// this follows the schema; full-text, spatial and derived columns are filled by the schema's triggers.
    /// </summary>
    private static void CopyRows(string path, int size)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        db.Open();
        long Scalar(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture); }
        void Exec(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; c.ExecuteNonQuery(); }
        List<string> Columns(string table)
        {
            using var c = db.CreateCommand();
            c.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            var names = new List<string>();
            using var r = c.ExecuteReader();
            while (r.Read()) names.Add(r.GetString(0));
            return names;
        }
        Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;");
        long maxArticle = Scalar("SELECT MAX(id) FROM articles");
        long maxEvent = Scalar("SELECT MAX(id) FROM events");
        for (int k = 1; Scalar("SELECT COUNT(*) FROM events") < size; k++)
        {
            long need = size - Scalar("SELECT COUNT(*) FROM events");
            // Whole articles of the original rows, as many as bring the events up to the size (in id order).
            long lastArticle = Scalar($"""
                SELECT COALESCE((SELECT article_id FROM (SELECT article_id, SUM(n) OVER (ORDER BY article_id) AS running
                    FROM (SELECT article_id, COUNT(*) AS n FROM events WHERE article_id <= {maxArticle} GROUP BY article_id))
                WHERE running >= {need} ORDER BY article_id LIMIT 1), {maxArticle})
                """);
            using var tx = db.BeginTransaction();
            foreach (var table in new[] { "articles", "entities", "mentions", "places", "times", "events" })
            {
                var cols = Columns(table);
                var exprs = cols.Select(c => c switch
                {
                    "id" when table == "articles" => $"id + {k * maxArticle}",
                    "id" when table == "events" => $"id + {k * maxEvent}",
                    "article_id" => $"article_id + {k * maxArticle}",
                    // the new article id as the hash's tail: a copy number repeats when a store built by copies is copied
                    // again (100k -> 1M copied 100k's own copy 1 onto its originals' copy 1: UNIQUE constraint failed)
                    "hash" => $"substr(hash, 1, 48) || printf('%016x', id + {k * maxArticle})",
                    "uri" => $"uri || '#x{k}'",
                    _ => $"\"{c}\"",
                });
                string key = table == "articles" ? "id" : "article_id";
                using var c = db.CreateCommand();
                c.Transaction = tx;
                c.CommandText = $"INSERT INTO {table}({string.Join(", ", cols.Select(n => $"\"{n}\""))}) SELECT {string.Join(", ", exprs)} FROM {table} WHERE {key} <= {lastArticle}";
                c.ExecuteNonQuery();
            }
            tx.Commit();
            Console.Out.WriteLine($"  copy {k}: {Scalar("SELECT COUNT(*) FROM events")} events");
        }
    }

    private static readonly Regex IsoDate = new(@"^(\d{4}-\d{2}-\d{2})(.*)$", RegexOptions.CultureInvariant);

    /// <summary>Copy <paramref name="k"/> of a document: a new hash and URI, every ISO date shifted by k days, places moved to variant k % 50.</summary>
    public static StorableDocument Replicate(JsonObject seed, int k)
    {
        var doc = seed.DeepClone().AsObject();
        var article = doc["article"]!.AsObject();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(article["hash"]!.GetValue<string>() + ":" + k.ToString(CultureInfo.InvariantCulture))));
        article["hash"] = hash;
        article["uri"] = article["uri"]?.GetValue<string>() + "#copy" + k.ToString(CultureInfo.InvariantCulture);
        if (k > 0) Shift(doc, k, k % 50);
        return new StorableDocument(hash, doc);
    }

    private static void Shift(JsonNode node, int days, int variant)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (value is null) continue;
                    if (key == "geonameid" && variant > 0 && value.GetValueKind() == System.Text.Json.JsonValueKind.String
                        && long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var g))
                        o[key] = (g + variant * 100_000_000L).ToString(CultureInfo.InvariantCulture);
                    else if (key is "lat" or "lon" && value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                        o[key] = Math.Round(value.GetValue<double>() + variant * 0.001, 6);
                    else if (value.GetValueKind() == System.Text.Json.JsonValueKind.String && ShiftDate(value.GetValue<string>(), days) is { } shifted)
                        o[key] = shifted;
                    else Shift(value, days, variant);
                }
                break;
            case JsonArray a:
                foreach (var item in a) if (item is not null) Shift(item, days, variant);
                break;
        }
    }

    private static string? ShiftDate(string s, int days)
    {
        if (s.Length < 10 || !char.IsAsciiDigit(s[0])) return null;
        var m = IsoDate.Match(s);
        if (!m.Success || !DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return null;
        return d.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + m.Groups[2].Value;
    }

    /// <summary>One read path: its name and the call (returning how many rows it read).</summary>
    private sealed record Read(string Name, Func<IEventStore, int> Run);

    private static IEnumerable<Read> Reads(IEventStore store, bool exports, string folder)
    {
        var page = new EventQuery { Limit = Limits.DefaultPage + 1 };
        var counts = store.Counts();
        long midArticle = Math.Max(1, counts.Articles / 2);
        int Events(IEventStore s, EventQuery q) => s.QueryEvents(q).Value?.Count ?? throw new InvalidOperationException(s.QueryEvents(q).Error);
        yield return new("events (cli, 100)", s => Events(s, new EventQuery { Limit = 100 }));
        yield return new("api events page", s => Events(s, page));
        yield return new("api events page at offset 50000", s => Events(s, page with { Offset = 50_000 }));
        // the 50,000th of every event (read once, untimed; main events alone are fewer at 100k) as the cursor of the keyset
        // page that replaces a deep offset
        var deep = store.QueryEvents(new EventQuery { All = true, Offset = 49_999, Limit = 1 }).Value?.FirstOrDefault();
        if (deep is not null)
        {
            yield return new("api every event at offset 50000", s => Events(s, page with { All = true, Offset = 50_000 }));
            yield return new("api every event after the 50000th (keyset)", s => Events(s, page with { All = true, After = EventCursor.Of(deep) }));
        }
        int Count(IEventStore s, EventQuery q) => s.CountEvents(q, EventsSettings.CountBound).Value;
        yield return new("events --reports total (count to 10000)", s => Count(s, new EventQuery()));
        yield return new("events --reports total, --actor regime", s => Count(s, new EventQuery { Actor = "regime" }));
        yield return new("events --reports total, --search hospital", s => Count(s, new EventQuery { Text = "hospital" }));
        yield return new("events --actor regime", s => Events(s, page with { Actor = "regime" }));
        yield return new("events --actor putin (rare)", s => Events(s, page with { Actor = "putin" }));
        yield return new("events --actor assad (many, not most)", s => Events(s, page with { Actor = "assad" }));
        yield return new("events --place aleppo", s => Events(s, page with { Place = "aleppo" }));
        yield return new("events --place raqqa", s => Events(s, page with { Place = "raqqa" }));
        yield return new("events --from/--to one month", s => Events(s, page with { From = new DateOnly(2016, 3, 1), To = new DateOnly(2016, 3, 31) }));
        yield return new("events --to 2012-01-01 (old)", s => Events(s, page with { To = new DateOnly(2012, 1, 1) }));
        yield return new("events --action attack", s => Events(s, page with { Action = "attack" }));
        yield return new("events --action 19 (cameo prefix)", s => Events(s, page with { Action = "19" }));
        yield return new("events --modality claimed", s => Events(s, page with { Modality = "claimed" }));
        yield return new("events --min-confidence 0.9", s => Events(s, page with { MinConfidence = 0.9 }));
        yield return new("events --bbox aleppo", s => Events(s, page with { Box = new BoundingBox(36.0, 36.9, 36.4, 37.4) }));
        yield return new("events --bbox aleppo + one year", s => Events(s, page with { Box = new BoundingBox(36.0, 36.9, 36.4, 37.4), From = new DateOnly(2016, 1, 1), To = new DateOnly(2016, 12, 31) }));
        yield return new("events --search hospital", s => Events(s, page with { Text = "hospital" }));
        yield return new("events --search said (most articles)", s => Events(s, page with { Text = "said" }));
        yield return new("events --search chlorine (rare)", s => Events(s, page with { Text = "chlorine" }));
        yield return new("events --article (middle)", s => Events(s, page with { ArticleId = midArticle }));
        // the map feed reads a feature's columns only (QueryFeatureEvents); the second row adds what the endpoint does next
        int Features(IEventStore s, EventQuery q) => s.QueryFeatureEvents(q).Value?.Count ?? throw new InvalidOperationException(s.QueryFeatureEvents(q).Error);
        yield return new("api events.geojson (5000)", s => Features(s, new EventQuery { Limit = Limits.DefaultFeatures }));
        yield return new("api events.geojson (5000), whole rows as before", s => Events(s, new EventQuery { Limit = Limits.DefaultFeatures }));
        yield return new("api events.geojson (5000), features and JSON", s => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            EventJson.FeatureCollection(s.QueryFeatureEvents(new EventQuery { Limit = Limits.DefaultFeatures }).Value!), EventFeature.Json).Length);
        // the endpoint as main had it (whole rows, the JSON as a string, then its bytes), and the features and JSON of a list
        // read once (untimed): the read's share is the difference
        yield return new("api events.geojson (5000), whole rows, features and JSON string as before", s => System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(EventJson.FeatureCollection(s.QueryEvents(new EventQuery { Limit = Limits.DefaultFeatures }).Value!), EventFeature.Json)).Length);
        var feed = store.QueryFeatureEvents(new EventQuery { Limit = Limits.DefaultFeatures }).Value!;
        yield return new("api events.geojson (5000), feature records of rows read", _ => EventJson.FeatureCollection(feed).Features.Count);
        yield return new("api events.geojson (5000), feature records and serializer of rows read", _ => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            EventJson.FeatureCollection(feed), EventFeature.Json).Length);
        // the feed as the page asks for it (clusters=1 with the view's box): counts per map cell where more than 5,000 events
        // are in view, else the features; the endpoint's bytes
        int Map(IEventStore s, EventQuery q) => Api.Feed(s, q with { Limit = Limits.DefaultFeatures }, clusters: true) is { IsOk: true } b ? b.Value!.Length
            : throw new InvalidOperationException(Api.Feed(s, q with { Limit = Limits.DefaultFeatures }, clusters: true).Error);
        yield return new("api events.geojson clusters=1, world", s => Map(s, new EventQuery()));
        yield return new("api events.geojson clusters=1, bbox syria", s => Map(s, new EventQuery { Box = new BoundingBox(32.3, 35.7, 37.3, 42.4) }));
        yield return new("api events.geojson clusters=1, bbox aleppo", s => Map(s, new EventQuery { Box = new BoundingBox(36.0, 36.9, 36.4, 37.4) }));
        yield return new("api events.geojson clusters=1, world, --action attack", s => Map(s, new EventQuery { Action = "attack" }));
        yield return new("api events.geojson clusters=1, world, --actor regime", s => Map(s, new EventQuery { Actor = "regime" }));
        yield return new("api actors panel", s => s.ListActors(null, 21).Count);
        yield return new("api actors q=army", s => s.ListActors("army", 21).Count);
        yield return new("api places panel", s => s.ListPlaces(null, 21).Count);
        yield return new("api places q=idlib", s => s.ListPlaces("idlib", 21).Count);
        yield return new("search hospital", s => s.Search("hospital", 20).Value?.Count ?? 0);
        yield return new("api event detail + related", s =>
        {
            var d = s.GetEvent(midArticle, null, 1);
            return d is null ? 0 : 1 + Api.Related(s, d.Event).Count;
        });
        // the page's header counts (GET /api/stats) and an article's page (GET /api/articles/{id})
        yield return new("api stats", s => s.Counts().Events > 0 ? 1 : 0);
        yield return new("api article detail", s => s.GetArticle(midArticle) is null ? 0 : 1);
        if (!exports) yield break;
        foreach (var exporter in EventExporters.All)
            yield return new("export " + exporter.Format, s =>
            {
                int n = 0;
                var file = System.IO.Path.Combine(folder, "export" + exporter.Extension);
                // deleted also when the cap interrupts the export: a partial file is no export to leave behind
                try
                {
                    using var f = File.Create(file);
                    exporter.WriteAsync(EventExporters.Enumerate(s, new EventQuery()).Select(e => { n++; return e; }), f, CancellationToken.None).GetAwaiter().GetResult();
                }
                finally { File.Delete(file); }
                return n;
            });
    }

    private static JsonObject TimeReads(string path, BenchScaleSettings settings)
    {
        var open = Stopwatch.StartNew();
        using var store = SqliteEventStore.Open(path);
        return TimeReads(store, path, open.Elapsed.TotalMilliseconds, new FileInfo(path).Length / 1048576.0, settings);
    }

    private static JsonObject TimeReads(IEventStore store, string path, double openMs, double mib, BenchScaleSettings settings)
    {
        var counts = store.Counts();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {counts.Articles} articles, {counts.Events} events, schema {store.SchemaVersion} (opened and migrated in {openMs:0} ms), {mib:0} MiB"));
        var o = new JsonObject { ["articles"] = counts.Articles, ["events"] = counts.Events, ["open_ms"] = Math.Round(openMs, 1) };
        foreach (var read in Reads(store, settings.Exports, settings.Out))
        {
            if (settings.Only is { } only && !read.Name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var times = new List<double>();
            // the process's CPU time over the read too: on a shared machine the wall time is mostly waiting for a core
            var cpu = new List<double>();
            int rows = 0;
            string? failure = null;
            for (int run = 0; run < settings.Runs; run++)
            {
                // SQLite reads are interrupted here; PostgreSQL's are cancelled by its statement_timeout
                using var watchdog = new Timer(_ => (store as SqliteEventStore)?.Interrupt(), null, TimeSpan.FromSeconds(settings.Cap), Timeout.InfiniteTimeSpan);
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var sw = Stopwatch.StartNew();
                try
                {
                    rows = read.Run(store);
                }
                catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
                {
                    failure = sw.Elapsed.TotalSeconds >= settings.Cap * 0.99 ? $"over {settings.Cap} s (interrupted)" : ex.Message;
                    break;
                }
                times.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
                if (sw.Elapsed.TotalSeconds > 1 && run >= 2 || read.Name.StartsWith("export", StringComparison.Ordinal)) break;
            }
            times.Sort();
            cpu.Sort();
            double median = times.Count == 0 ? double.NaN : times[times.Count / 2];
            double cpuMedian = cpu.Count == 0 ? double.NaN : cpu[cpu.Count / 2];
            Console.Out.WriteLine(failure is null
                ? string.Create(CultureInfo.InvariantCulture, $"  {read.Name,-36} {median,10:0.0} ms  median of {times.Count} (cpu {cpuMedian:0.0} ms), {rows} rows")
                : $"  {read.Name,-36} {failure}");
            o[read.Name] = failure is null ? Math.Round(median, 1) : failure;
            if (failure is null) o[read.Name + " (cpu ms)"] = Math.Round(cpuMedian, 1);
        }
        return o;
    }
}
