using System.ComponentModel;
using System.Globalization;
using Dragoman.Fetch;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Dragoman.Watch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>The options of following feeds, shared by <c>watch</c> and <c>serve --watch</c>.</summary>
public interface IWatchOptions
{
    string? Sources { get; }
    string Interval { get; }
    string MinInterval { get; }
    string HostDelay { get; }

    /// <summary>Days an item that left its feed stays remembered as seen (serve --watch keeps the default).</summary>
    int KeepSeenDays => (int)FeedWatcher.DefaultSeenRetention.TotalDays;
}

public sealed class WatchSettings : PipelineSettings, IStoreSettings, IWatchOptions
{
    [CommandArgument(0, "[URL]")]
    [Description("RSS 2.0, RSS 1.0 (RDF) or Atom feed URLs to follow.")]
    public string[] Urls { get; init; } = [];

    [CommandOption("--sources <FILE>")]
    [Description(WatchSources.SourcesDescription)]
    public string? Sources { get; init; }

    [CommandOption("--db <FILE>")]
    [Description("The store that receives the articles and keeps what was seen: a SQLite file or a PostgreSQL server (connection string or postgres:// URL).")]
    [DefaultValue(StoreFiles.DefaultDb)]
    public string Db { get; init; } = StoreFiles.DefaultDb;

    [CommandOption("--interval <TIME>")]
    [Description(WatchSources.IntervalDescription)]
    [DefaultValue("5m")]
    public string Interval { get; init; } = "5m";

    [CommandOption("--min-interval <TIME>")]
    [Description(WatchSources.FloorDescription)]
    [DefaultValue("1s")]
    public string MinInterval { get; init; } = "1s";

    [CommandOption("--host-delay <TIME>")]
    [Description(WatchSources.HostDelayDescription)]
    [DefaultValue("1s")]
    public string HostDelay { get; init; } = "1s";

    [CommandOption("--keep-seen <DAYS>")]
    [Description("Days an item that has left its feed stays remembered as seen (default 30; items the feed still lists are always kept). One that comes back later is found by its URL and not stored twice.")]
    [DefaultValue(30)]
    public int KeepSeenDays { get; init; } = 30;

    [CommandOption("--once")]
    [Description("Poll every source once, store what is new, and exit (for cron and tests).")]
    public bool Once { get; init; }

    public override ValidationResult Validate()
    {
        var b = base.Validate();
        if (!b.Successful) return b;
        if (Urls.Length == 0 && Sources is null) return ValidationResult.Error("name at least one feed URL, or --sources FILE");
        if (KeepSeenDays < 1) return ValidationResult.Error($"--keep-seen must be 1 day or more, not {KeepSeenDays}");
        if (Urls.FirstOrDefault(u => !WebInputs.IsUrl(u)) is { } bad) return ValidationResult.Error($"not an http(s) URL: '{bad}'");
        return WatchSources.ValidateTiming(this);
    }
}

/// <summary>
/// Follows feeds until Ctrl+C/SIGTERM (or one round with --once): new items are fetched, processed and stored; one
/// status line per poll; a summary at the end. Exit code 1 when --once met a failed poll or item.
/// </summary>
public sealed class WatchCommand : AsyncCommand<WatchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WatchSettings settings, CancellationToken cancellationToken)
    {
        var sources = WatchSources.List(settings.Urls, settings.Sources);
        if (!sources.IsOk) return Terminal.Fail(sources.Error!);
        var opened = WatchSources.OpenStore(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        var pipeline = StandardPipeline.Build(settings.Resources());
        using var fetcher = new Fetcher(WatchSources.FetchOptions(settings));
        var watcher = WatchSources.Watcher(fetcher, store, pipeline, settings, settings.PublishedDate, settings.Budget());
        Console.Error.WriteLine($"watch: following {sources.Value!.Count} source{(sources.Value.Count == 1 ? "" : "s")} into {settings.Db}{(settings.Once ? " (one round)" : $" every {settings.Interval} or as the feed asks; Ctrl+C stops")}");
        var summary = await watcher.RunAsync(sources.Value, settings.Once, r => WatchSources.Print(r, Console.Out), Interrupts.Graceful(cancellationToken, "after the article in hand"));
        Console.Out.WriteLine(WatchSources.SummaryLine(summary, settings.Db));
        if (summary.Cancelled) return Interrupts.ExitCode;
        return summary.FailedPolls > 0 || summary.Failed > 0 ? 1 : 0;
    }
}

/// <summary>Sources, timing, the store and the status lines of <c>watch</c> and <c>serve --watch</c>.</summary>
public static class WatchSources
{
    public const string SourcesDescription = "A file of feed URLs to follow, one per line (# comments).";
    public const string IntervalDescription = "How often each feed is polled (30s, 5m, 1h; default 5m); a feed's ttl, Cache-Control max-age or Retry-After may ask for longer.";
    public const string HostDelayDescription = "The least time between two requests to one host (default 1s, politeness; a robots.txt Crawl-delay may raise it; 0 for your own servers).";
    public const string FloorDescription = "The shortest wait between two polls of one feed, whatever else says (default 1s).";

    public static Result<List<string>> List(IEnumerable<string> urls, string? file)
    {
        var all = new List<string>(urls);
        if (file is not null)
        {
            var read = WebInputs.ReadUrlList(file);
            if (!read.IsOk) return Result<List<string>>.Fail(read.Error!);
            all.AddRange(read.Value!);
        }
        if (all.Count == 0) return Result<List<string>>.Fail($"{file}: no feed URLs in it");
        return all.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"90", "90s", "5m", "1h" as a time span; null when it is none of these.</summary>
    public static TimeSpan? ParseTime(string text)
    {
        var t = text.Trim();
        double scale = 1;
        if (t.EndsWith("ms", StringComparison.Ordinal)) { scale = 0.001; t = t[..^2]; }
        else if (t.EndsWith('s')) t = t[..^1];
        else if (t.EndsWith('m')) { scale = 60; t = t[..^1]; }
        else if (t.EndsWith('h')) { scale = 3600; t = t[..^1]; }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v * scale <= 7 * 86400 ? TimeSpan.FromSeconds(v * scale) : null;
    }

    public static ValidationResult ValidateTiming(IWatchOptions o)
    {
        if (ParseTime(o.Interval) is null) return ValidationResult.Error($"--interval must be a time such as 30s, 5m or 1h (up to a week), not '{o.Interval}'");
        if (o.HostDelay is not ("0" or "0s") && ParseTime(o.HostDelay) is null) return ValidationResult.Error($"host delay must be a time such as 1s, 500ms or 0, not '{o.HostDelay}'");
        if (ParseTime(o.MinInterval) is null) return ValidationResult.Error($"--min-interval must be a time such as 1s or 10s, not '{o.MinInterval}'");
        return ValidationResult.Success();
    }

    public static FetchOptions FetchOptions(IWatchOptions o) => new() { PerHostDelay = ParseTime(o.HostDelay) ?? TimeSpan.Zero };

    public static PollTiming Timing(IWatchOptions o) => new(ParseTime(o.Interval)!.Value, ParseTime(o.MinInterval)!.Value);

    /// <summary>The store opened for writing, with the watcher's state (both providers keep it).</summary>
    public static Result<IEventStore> OpenStore(string db)
    {
        IEventStore store;
        try { store = StoreFiles.OpenForWrite(db); }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Result<IEventStore>.Fail($"cannot open database {(StoreFiles.IsPostgres(db) ? Storage.Postgres.PostgresLocation.Redact(db) : db)}: {ex.Message}");
        }
        if (store is IWatchState) return Result<IEventStore>.Ok(store);
        store.Dispose();
        return Result<IEventStore>.Fail("watch: this store cannot keep the watcher's state");
    }

    /// <param name="store">A store that keeps the watcher's state (<see cref="OpenStore"/>).</param>
    public static FeedWatcher Watcher(Fetcher fetcher, IEventStore store, DocumentPipeline pipeline, IWatchOptions o, DateOnly? published, ArticleBudget budget) =>
        new(fetcher, (IWatchState)store, new StoreIngest(store, pipeline, published) { Budget = budget, BatchSize = 1, DegreeOfParallelism = 1, InFlight = 1 }, Timing(o))
        {
            SeenRetention = TimeSpan.FromDays(o.KeepSeenDays),
        };

    public static string SummaryLine(WatchSummary s, string db) =>
        $"watch: {(s.Cancelled ? "stopped" : "done")} after {s.Polls} polls (unchanged {s.NotModified}, failed {s.FailedPolls}); stored {s.Stored}, duplicate {s.Duplicate}, failed {s.Failed} into {db}";

    /// <summary>One poll's status line (and a line per failed item).</summary>
    public static void Print(PollReport r, TextWriter to)
    {
        string at = r.At.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture), next = r.NextPoll.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string what = r.Status switch
        {
            PollStatus.NotModified => "unchanged (304)",
            _ when r.Items == 0 && r.Error is not null => "error: " + r.Error,
            _ => $"{r.New} new of {r.Items} items (stored {r.Stored}, duplicate {r.Duplicate}, failed {r.Failed})" + (r.Error is null ? "" : "; error: " + r.Error),
        };
        lock (to)
        {
            foreach (var f in r.Failures) to.WriteLine($"failed: {f.Input}: {f.Reason}");
            to.WriteLine($"watch: {at} {r.Source}: {what}; next poll {next}");
            to.Flush();
        }
    }
}
