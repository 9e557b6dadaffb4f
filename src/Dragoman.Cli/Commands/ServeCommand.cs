using System.ComponentModel;
using System.Net;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Dragoman.Web;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class ServeSettings : PipelineSettings, IStoreSettings, IWatchOptions
{
    [CommandOption("--watch <URL>")]
    [Description("Follow this RSS/Atom feed while serving (repeat for more): new items are stored and show in the API (as `watch` does).")]
    public string[] Watch { get; init; } = [];

    [CommandOption("--watch-sources <FILE>")]
    [Description("Follow the feeds listed in FILE while serving (one URL per line).")]
    public string? WatchSources { get; init; }

    [CommandOption("--watch-interval <TIME>")]
    [Description(Commands.WatchSources.IntervalDescription)]
    [DefaultValue("5m")]
    public string WatchInterval { get; init; } = "5m";

    [CommandOption("--watch-min-interval <TIME>")]
    [Description(Commands.WatchSources.FloorDescription)]
    [DefaultValue("1s")]
    public string WatchMinInterval { get; init; } = "1s";

    [CommandOption("--watch-host-delay <TIME>")]
    [Description(Commands.WatchSources.HostDelayDescription)]
    [DefaultValue("1s")]
    public string WatchHostDelay { get; init; } = "1s";

    string IWatchOptions.HostDelay => WatchHostDelay;
    string? IWatchOptions.Sources => WatchSources;
    string IWatchOptions.Interval => WatchInterval;
    string IWatchOptions.MinInterval => WatchMinInterval;

    public bool Watching => Watch.Length > 0 || WatchSources is not null;

    [CommandOption("--db <FILE>")]
    [Description(StoreFiles.DbDescription)]
    [DefaultValue(StoreFiles.DefaultDb)]
    public string Db { get; init; } = StoreFiles.DefaultDb;

    [CommandOption("--read-db <POSTGRES>")]
    [Description("A PostgreSQL read replica (connection string or postgres:// URL): the page and API read there; ingest still writes to --db.")]
    public string? ReadDb { get; init; }

    [CommandOption("--port <N>")]
    [Description("TCP port (default 5080; 0 picks a free one).")]
    [DefaultValue(5080)]
    public int Port { get; init; } = 5080;

    [CommandOption("--host <ADDRESS>")]
    [Description("Address to listen on (default 127.0.0.1, this machine only). Anything else exposes the API to the network.")]
    [DefaultValue("127.0.0.1")]
    public string Host { get; init; } = "127.0.0.1";

    [CommandOption("--allowed-hosts <NAMES>")]
    [Description("Comma-separated host names requests may use besides localhost, 127.0.0.1, ::1 and --host (\"*\": any).")]
    public string? AllowedHosts { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("Enables POST /api/articles (ingest over HTTP) for requests with 'Authorization: Bearer TOKEN'. Also read from $DRAGOMAN_TOKEN.")]
    public string? Token { get; init; }

    public string? EffectiveToken => Token ?? (Environment.GetEnvironmentVariable("DRAGOMAN_TOKEN") is { Length: > 0 } t ? t : null);

    public override ValidationResult Validate()
    {
        var baseResult = base.Validate();
        if (!baseResult.Successful) return baseResult;
        if (ReadDb is not null && !StoreFiles.IsPostgres(ReadDb)) return ValidationResult.Error("--read-db must be a PostgreSQL connection string or postgres:// URL");
        if (Port is < 0 or > 65535) return ValidationResult.Error("--port must be from 0 to 65535");
        if (Host != "localhost" && !IPAddress.TryParse(Host, out _)) return ValidationResult.Error($"--host must be an IP address or localhost, not '{Host}'");
        if (EffectiveToken is { Length: < 16 }) return ValidationResult.Error("the ingest token must be at least 16 characters");
        if (Watch.FirstOrDefault(u => !Dragoman.Fetch.WebInputs.IsUrl(u)) is { } bad) return ValidationResult.Error($"--watch: not an http(s) URL: '{bad}'");
        if (Watching && ReadDb is not null) return ValidationResult.Error("--watch writes to --db; it cannot be combined with --read-db yet");
        if (Watching) return Commands.WatchSources.ValidateTiming(this);
        return ValidationResult.Success();
    }
}

/// <summary>Serves the API, the GeoJSON feed and the page over HTTP until Ctrl+C.</summary>
public sealed class ServeCommand : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var token = settings.EffectiveToken;
        IEventStore store;
        List<string>? watched = null;
        if (settings.Watching)
        {
            var sources = WatchSources.List(settings.Watch, settings.WatchSources);
            if (!sources.IsOk) return Terminal.Fail(sources.Error!);
            watched = sources.Value!;
            var writable = WatchSources.OpenStore(settings.Db);
            if (!writable.IsOk) return Terminal.Fail(writable.Error!);
            store = writable.Value!;
        }
        else if (token is null)
        {
            var opened = StoreFiles.OpenExisting(settings.Db);
            if (!opened.IsOk) return Terminal.Fail(opened.Error!);
            store = opened.Value!;
        }
        else
        {
            try
            {
                store = StoreFiles.OpenForWrite(settings.Db);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return Terminal.Fail($"cannot open database {settings.Db}: {ex.Message}");
            }
        }
        if (settings.ReadDb is { } readDb)
        {
            try { store = new ReplicaEventStore(store, StoreFiles.OpenPostgres(readDb, replica: true)); }
            catch (InvalidOperationException ex)
            {
                store.Dispose();
                return Terminal.Fail("cannot open the read replica: " + ex.Message);
            }
        }
        using (store)
        {
            var options = new WebOptions
            {
                Store = store,
                Host = settings.Host,
                Port = settings.Port,
                IngestToken = token,
                Pipeline = token is null ? null : () => StandardPipeline.Build(settings.Resources()),
                Published = settings.PublishedDate,
                Budget = settings.Budget(),
                AllowedHosts = (settings.AllowedHosts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
            await using var app = DragomanWeb.Create(options);
            try
            {
                await app.StartAsync(Interrupts.Graceful(cancellationToken, "the server stops, stored articles stay"));
            }
            catch (IOException ex)
            {
                return Terminal.Fail($"cannot listen on {settings.Host}:{settings.Port}: {ex.Message} (try --port 0 for a free port)");
            }
            var counts = store.Counts();
            Console.Out.WriteLine($"dragoman: serving {settings.Db} ({counts.Articles} articles, {counts.Events} events) at {DragomanWeb.Address(app)}/");
            Console.Out.WriteLine($"dragoman: API at {DragomanWeb.Address(app)}/api/events, OpenAPI at /openapi.json; ingest over HTTP {(token is null ? "off (--token to enable)" : "on, with the token")}; Ctrl+C stops");
            if (settings.Host is not ("127.0.0.1" or "localhost" or "::1"))
                Console.Error.WriteLine($"dragoman: warning: listening on {settings.Host}: the API is reachable from the network");
            Task<Dragoman.Watch.WatchSummary>? watching = null;
            using var fetcher = watched is null ? null : new Dragoman.Fetch.Fetcher(WatchSources.FetchOptions(settings));
            if (watched is not null)
            {
                var watcher = WatchSources.Watcher(fetcher!, store, StandardPipeline.Build(settings.Resources()), settings, settings.PublishedDate, settings.Budget());
                Console.Out.WriteLine($"dragoman: following {watched.Count} feed{(watched.Count == 1 ? "" : "s")} every {settings.WatchInterval} or as each asks; new items show in the API");
                watching = Task.Run(() => watcher.RunAsync(watched, once: false, r => WatchSources.Print(r, Console.Out), cancellationToken), CancellationToken.None);
            }
            await app.WaitForShutdownAsync(cancellationToken);
            if (watching is not null)
            {
                Console.Out.WriteLine(WatchSources.SummaryLine(await watching, settings.Db)); // it stops after the article in hand: the same token
            }
        }
        return 0;
    }
}
