using Dragoman.Fetch;
using Dragoman.Ingest;
using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Fetch;
using Dragoman.Tests.Support;
using Dragoman.Watch;
using Microsoft.AspNetCore.Http;

namespace Dragoman.Tests.Watch;

/// <summary>The watcher against feeds on a local server (127.0.0.1): new items, unchanged feeds, broken feeds, restarts.</summary>
public sealed class FeedWatcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-watch-").FullName;
    private readonly List<string> _schemas = [];

    public void Dispose()
    {
        Dragoman.Tests.Storage.TestPostgres.DropSchemas(_schemas);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A store that keeps the watcher's state, of either provider (the state lives in the store: SQLite's file or PostgreSQL's tables).</summary>
    private sealed record WatchStore(IEventStore Events) : IDisposable
    {
        public IWatchState State => (IWatchState)Events;
        public StoreCounts Counts() => Events.Counts();
        public SourceState? GetSource(string url) => State.GetSource(url);
        public void SaveSource(SourceState s) => State.SaveSource(s);
        public void Dispose() => Events.Dispose();
    }

    private static WatchStore Open(string provider, string location) =>
        new(provider == "postgres" ? PostgresEventStore.Open(location) : SqliteEventStore.Open(location));

    private string NewLocation(string provider) =>
        provider == "postgres" ? Dragoman.Tests.Storage.TestPostgres.NewSchema(_schemas) : Path.Combine(_dir, "w.db");

    private static FetchOptions Fast => new() { Timeout = TimeSpan.FromSeconds(5), RetryDelay = TimeSpan.FromMilliseconds(20), PerHostDelay = TimeSpan.Zero, Retries = 0, PerHostConcurrency = 4 };

    private static FeedWatcher Watcher(Fetcher fetcher, WatchStore store, TimeSpan? interval = null, TimeSpan? keepSeen = null) =>
        new(fetcher, store.State, new StoreIngest(store.Events, TestPipeline.Instance, null) { BatchSize = 1, DegreeOfParallelism = 1, InFlight = 1 },
            new PollTiming(interval ?? TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
        {
            SeenRetention = keepSeen ?? FeedWatcher.DefaultSeenRetention,
        };

    private static async Task<List<PollReport>> Round(FeedWatcher watcher, params string[] sources)
    {
        var reports = new List<PollReport>();
        await watcher.RunAsync(sources, once: true, r => { lock (reports) reports.Add(r); }, CancellationToken.None);
        return reports;
    }

    /// <summary>A feed site on the server that lets robots in, with <paramref name="items"/> items published; its feed's URL.</summary>
    private static (FeedSite Site, string Feed) NewsSite(LocalNewsServer server, int items)
    {
        server.Text("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain");
        var site = new FeedSite(server);
        for (int i = 0; i < items; i++) site.Publish();
        return (site, server.Url("/feed.xml").AbsoluteUri);
    }

    public static TheoryData<string, string, string> Scenarios()
    {
        (string, string)[] scenarios =
        [
            ("new-items", "a first poll stores the feed's two items; a third published later is the only new one at the next poll"),
            ("unchanged", "a feed that did not change is answered 304 and not read again; nothing is stored twice"),
            ("broken", "a feed answering 500 is its own status-line error; the other feed in the same round is stored"),
            ("not-a-feed", "a source that serves a page instead of a feed is an error naming what it looks like"),
            ("page-missing", "an item whose page fails (and whose entry has no text) is not marked: the next poll reads the feed again, not 304, and stores it"),
            ("restart", "a new watcher on the same database (a restart) finds every item seen: nothing repeated, no 304 needed"),
            ("stored-not-marked", "an item stored just before a crash, not yet marked seen, is found by its URL and not stored again"),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
            foreach (var (scenario, reason) in scenarios) data.Add(provider, scenario, reason);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Polls_store_each_item_once(string provider, string scenario, string reason)
    {
        var db = NewLocation(provider);
        await using var server = await LocalNewsServer.StartAsync();
        server.Text("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
            .Route("/broken.xml", ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; })
            .Text("/page.xml", FeedSite.Page(99));
        var site = new FeedSite(server);
        var feed = server.Url("/feed.xml").AbsoluteUri;
        site.Publish();
        site.Publish();
        if (scenario == "page-missing") site.Missing[2] = true;
        using var fetcher = new Fetcher(Fast);
        using (var store = Open(provider, db))
        {
            if (scenario == "stored-not-marked")
            {
                var page = await fetcher.FetchAsync(new Uri(server.Url("/story") + "?n=1"));
                new StoreIngest(store.Events, TestPipeline.Instance, null).Run([InputItem.Read(WebInputs.ToRaw(page, null))]);
            }
            var watcher = Watcher(fetcher, store);
            var sources = scenario switch { "broken" => new[] { server.Url("/broken.xml").AbsoluteUri, feed }, "not-a-feed" => [server.Url("/page.xml").AbsoluteUri], _ => [feed] };
            var first = await Round(watcher, sources);
            var mine = first.Single(r => r.Source == sources[0]);
            switch (scenario)
            {
                case "broken":
                    Assert.True(mine.Status == PollStatus.Failed && mine.Error!.Contains("HTTP 500", StringComparison.Ordinal), $"{reason}: {mine}");
                    Assert.True(first.Single(r => r.Source == feed).Stored == 2, $"{reason}: {first.Single(r => r.Source == feed)}");
                    Assert.Equal(1, store.GetSource(sources[0])!.FailedPolls);
                    return;
                case "not-a-feed":
                    Assert.True(mine.Status == PollStatus.Failed && mine.Error!.StartsWith("not an RSS/RDF/Atom feed (", StringComparison.Ordinal), $"{reason}: {mine}");
                    Assert.Equal(0, store.Counts().Articles);
                    return;
                case "stored-not-marked":
                    Assert.True(mine.New == 2 && mine.Stored == 1 && mine.Duplicate == 1, $"{reason}: {mine}");
                    Assert.Equal(2, store.Counts().Articles);
                    return;
            }
            if (scenario == "page-missing")
            {
                Assert.True(mine.New == 2 && mine.Stored == 1 && mine.Failures.Single().Reason.Contains("tried again at the next poll", StringComparison.Ordinal), $"{reason}: first poll {mine}");
                site.Missing.Clear();
                var retry = (await Round(watcher, feed)).Single();
                Assert.True(retry.Status == PollStatus.Read && retry.New == 1 && retry.Stored == 1 && retry.Failed == 0, $"{reason}: second poll {retry}");
                Assert.Equal(2, store.Counts().Articles);
                return;
            }
            Assert.True(mine.Status == PollStatus.Read && mine.New == 2 && mine.Stored == 2, $"{reason}: first poll {mine}");
            if (scenario == "new-items") site.Publish();
            if (scenario != "restart")
            {
                var second = (await Round(watcher, feed)).Single();
                if (scenario == "new-items")
                    Assert.True(second.Status == PollStatus.Read && second.New == 1 && second.Stored == 1 && second.Items == 3, $"{reason}: {second}");
                else
                    Assert.True(second.Status == PollStatus.NotModified && site.NotModified == 1 && site.Full == 1, $"{reason}: {second}; feed sent {site.Full} times, 304 {site.NotModified} times");
            }
        }
        if (scenario == "restart")
        {
            using var store = Open(provider, db);
            using var fresh = new Fetcher(Fast);
            var again = (await Round(Watcher(fresh, store), feed)).Single();
            Assert.True(again.Status == PollStatus.NotModified && again.Stored == 0, $"{reason}: {again}");
            store.SaveSource(store.GetSource(feed)! with { ETag = null, LastModified = null }); // a server that forgot its validators
            var reread = (await Round(Watcher(fresh, store), feed)).Single();
            Assert.True(reread.Status == PollStatus.Read && reread.New == 0 && reread.Stored == 0, $"{reason}: {reread}");
            Assert.Equal(2, store.Counts().Articles);
        }
        using (var store = Open(provider, db))
            Assert.True(store.Counts().Articles == (scenario == "new-items" ? 3 : 2), $"{provider}, {reason}: {store.Counts().Articles} articles");
    }

    [SkippableTheory]
    [InlineData("sqlite", 0, true, "retention 0: the item that left the feed is forgotten; the one still listed is kept")]
    [InlineData("sqlite", 30, false, "retention 30 days: an item that left the feed a moment ago is still remembered")]
    [InlineData("postgres", 0, true, "retention 0 on PostgreSQL: forgotten, the listed one kept")]
    [InlineData("postgres", 30, false, "retention 30 days on PostgreSQL: still remembered")]
    public async Task Seen_items_that_left_the_feed_are_forgotten_after_the_retention_and_never_stored_twice(string provider, int keepDays, bool forgotten, string reason)
    {
        var db = NewLocation(provider);
        await using var server = await LocalNewsServer.StartAsync();
        var (site, feed) = NewsSite(server, items: 2);
        using var fetcher = new Fetcher(Fast);
        using var store = Open(provider, db);
        var watcher = Watcher(fetcher, store, keepSeen: TimeSpan.FromDays(keepDays));
        Assert.Equal(2, (await Round(watcher, feed)).Single().Stored);
        var gone = site.Retire();
        var second = (await Round(watcher, feed)).Single();
        Assert.True(second.Status == PollStatus.Read && second.New == 0, $"{reason}: {second}");
        var remembered = store.State.SeenKeys(feed, ["local-desk-1", "local-desk-2"]);
        Assert.True(remembered.Contains("local-desk-2") && remembered.Contains("local-desk-1") != forgotten, $"{reason}: remembered {string.Join(", ", remembered)}");
        // the story comes back to the feed: found by its URL when forgotten, skipped as seen otherwise; stored once either way
        site.Restore(gone);
        var third = (await Round(watcher, feed)).Single();
        Assert.True(third.Stored == 0 && third.New == (forgotten ? 1 : 0) && third.Duplicate == (forgotten ? 1 : 0), $"{reason}: {third}");
        Assert.Equal(2, store.Counts().Articles);
    }

    [SkippableTheory]
    [InlineData("sqlite", 3600, 0, "a restart before the kept next poll (an hour ahead) does not poll the feed early")]
    [InlineData("sqlite", 1, 1, "a restart after the kept next poll (1 s) polls the feed at once")]
    [InlineData("postgres", 3600, 0, "on PostgreSQL: a restart before the kept next poll waits for it")]
    [InlineData("postgres", 1, 1, "on PostgreSQL: a restart after the kept next poll polls at once")]
    public async Task A_restart_keeps_each_sources_next_poll(string provider, int intervalSeconds, int pollsAfterRestart, string reason)
    {
        var db = NewLocation(provider);
        await using var server = await LocalNewsServer.StartAsync();
        var (site, feed) = NewsSite(server, items: 1);
        using var fetcher = new Fetcher(Fast);
        using (var store = Open(provider, db))
            Assert.Equal(1, (await Round(Watcher(fetcher, store, TimeSpan.FromSeconds(intervalSeconds)), feed)).Single().Stored);
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // the 1 s schedule falls due; the hour does not
        using (var store = Open(provider, db))
        {
            var reports = new List<PollReport>();
            using var stop = new CancellationTokenSource();
            var run = Watcher(fetcher, store, TimeSpan.FromSeconds(intervalSeconds)).RunAsync([feed], once: false, r => { lock (reports) reports.Add(r); if (intervalSeconds == 1) stop.Cancel(); }, stop.Token);
            stop.CancelAfter(TimeSpan.FromSeconds(intervalSeconds == 1 ? 30 : 2));
            var summary = await run;
            Assert.True(reports.Count == pollsAfterRestart && summary.Polls == pollsAfterRestart, $"{reason}: {reports.Count} polls after the restart, feed sent {site.Full} times");
        }
    }

    [Theory]
    [InlineData(null, 0, "nothing kept (a new source): polled at once")]
    [InlineData(90.0, 90, "the kept next poll is 90 s ahead: wait for it")]
    [InlineData(-5.0, 0, "the kept next poll has passed while the watcher was down: polled at once")]
    public void A_started_watcher_waits_for_the_kept_next_poll(double? dueInSeconds, double expectedSeconds, string reason)
    {
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var saved = dueInSeconds is { } d ? SourceState.New("http://127.0.0.1/feed") with { LastPoll = now.AddMinutes(-5), NextPoll = now.AddSeconds(d) } : null;
        Assert.True(PollTiming.FirstWait(saved, now) == TimeSpan.FromSeconds(expectedSeconds), reason);
    }

    [Theory]
    [InlineData(300, null, null, null, 0, 300, "the interval alone")]
    [InlineData(300, 3600, null, null, 0, 3600, "an RSS ttl of an hour asks for longer")]
    [InlineData(300, null, 60, null, 0, 300, "a shorter max-age does not make polls more frequent")]
    [InlineData(300, null, null, 900, 0, 900, "a Retry-After is honoured")]
    [InlineData(300, 864000, null, null, 0, 86400, "a hint is capped at a day")]
    [InlineData(60, null, null, null, 3, 240, "three failed polls in a row: the interval doubled twice")]
    [InlineData(300, null, null, null, 30, 3900, "back-off stops at an hour over the interval")]
    [InlineData(0.2, null, null, null, 0, 1, "the floor of a second")]
    public void Next_poll_waits_as_long_as_the_source_asks(double interval, int? ttl, int? maxAge, int? retryAfter, int failed, double expected, string reason)
    {
        static TimeSpan? S(int? s) => s is { } v ? TimeSpan.FromSeconds(v) : null;
        var wait = new PollTiming(TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(1)).Next(S(ttl), S(maxAge), S(retryAfter), failed);
        Assert.True(wait == TimeSpan.FromSeconds(expected), $"{reason}: {wait.TotalSeconds} s");
    }
}
