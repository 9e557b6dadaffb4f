using Dragoman.Cli.Commands;
using Spectre.Console.Cli;

// Spectre.Console.Cli cannot bind a lone "-" (standard input) to an argument; on Unix it is the file /dev/stdin.
if (!OperatingSystem.IsWindows()) args = [.. args.Select(a => a == "-" ? "/dev/stdin" : a)];
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("dragoman");
    config.PropagateExceptions();
    config.AddCommand<ExtractCommand>("extract")
        .WithDescription("Read articles and print their entities, places, times and events as JSON.")
        .WithExample("extract", "article.html", "--published", "2019-02-10");
    config.AddCommand<IngestCommand>("ingest")
        .WithDescription("Read, process and store articles in the database (dragoman.db); the same article is stored once.")
        .WithExample("ingest", "samples/")
        .WithExample("ingest", "feed.jsonl", "--db", "news.db");
    config.AddCommand<EventsCommand>("events")
        .WithDescription("List stored events, filtered by actor, place, dates, action, modality; as a table, CSV or JSON Lines.")
        .WithExample("events", "--actor", "intelligence", "--from", "2019-01-01", "--format", "csv");
    config.AddCommand<ShowCommand>("show")
        .WithDescription("Show an event with the evidence for every field, or an article with its events (IDs: a12, a12:ev3, a12:3, hash prefix).")
        .WithExample("show", "a1:ev1");
    config.AddCommand<SearchCommand>("search")
        .WithDescription("Full-text search over stored articles (SQLite FTS5), with snippets.")
        .WithExample("search", "\"Air Force Intelligence\" AND release*");
    config.AddCommand<BenchCommand>("bench")
        .WithDescription("Run the whole pipeline (read, extract, store) over a corpus; print articles/s, tokens/s and peak memory.")
        .WithExample("bench", "../shared/data/fa-kes/fakes.dev.csv", "--runs", "3");
});
try
{
    return await app.RunAsync(args);
}
catch (CommandAppException ex)
{
    Console.Error.WriteLine($"dragoman: {ex.Message}");
    return 2;
}
