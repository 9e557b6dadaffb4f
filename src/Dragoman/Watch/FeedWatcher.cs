using Dragoman.Fetch;
using Dragoman.Ingest;
using Dragoman.Ingest.Containers;
using Dragoman.Ingest.Feeds;
using Dragoman.Storage;

namespace Dragoman.Watch;

public enum PollStatus { Read, NotModified, Failed }

/// <summary>One poll of one source, for its status line: what came back, how many items were new and what became of them.</summary>
public sealed record PollReport(string Source, DateTimeOffset At, PollStatus Status, int Items, int New, int Stored, int Duplicate, IReadOnlyList<IngestFailure> Failures, string? Error, DateTimeOffset NextPoll)
{
    public int Failed => Failures.Count;
}

/// <summary>Totals of a watch run, for its last line.</summary>
public sealed record WatchSummary(int Polls, int NotModified, int FailedPolls, int Stored, int Duplicate, int Failed, bool Cancelled);

/// <summary>
/// Follows feeds: each source is polled on its own clock (<see cref="PollTiming"/>) with a conditional GET; the items not
/// taken in before are fetched (their pages, politely, through the <see cref="Fetcher"/>), processed and stored one at a
/// time, and each is marked seen in the store right after its article is committed. A crash between the two leaves an
/// item stored but unmarked: the next poll finds its article by URL (or by content hash when the page moved) and stores
/// nothing twice. An item whose page could not be fetched is not marked and is tried again at the next poll.
/// Cancelling stops after the article in hand. One source failing is its status line's error; the others go on.
/// </summary>
public sealed class FeedWatcher(Fetcher fetcher, IWatchState state, StoreIngest ingest, PollTiming timing, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly WebInputs _web = new(fetcher);
    private readonly SemaphoreSlim _writer = new(1); // the store takes one writer; sources poll in parallel
    private readonly Lock _totals = new();
    private int _polls, _notModified, _failedPolls, _stored, _duplicate, _failed;

    /// <summary>How many new items' pages are fetched ahead of processing (bounds memory on a feed's first poll).</summary>
    public int PageBatch { get; init; } = 16;

    /// <summary>
    /// How long an item that has left its feed is remembered as seen (rows of items the feed still lists are kept): bounds
    /// <c>watch_seen</c>. An item that comes back after that is found by its URL (or content hash) and not stored again.
    /// </summary>
    public TimeSpan SeenRetention { get; init; } = DefaultSeenRetention;

    public static readonly TimeSpan DefaultSeenRetention = TimeSpan.FromDays(30);

    /// <summary>Polls every source until <paramref name="cancel"/> (or once each when <paramref name="once"/>), reporting each poll.</summary>
    public async Task<WatchSummary> RunAsync(IReadOnlyList<string> sources, bool once, Action<PollReport> report, CancellationToken cancel)
    {
        var loops = sources.Distinct(StringComparer.Ordinal).Select(s => Task.Run(() => SourceLoop(s, once, report, cancel), CancellationToken.None)).ToArray();
        await Task.WhenAll(loops).ConfigureAwait(false);
        lock (_totals) return new WatchSummary(_polls, _notModified, _failedPolls, _stored, _duplicate, _failed, cancel.IsCancellationRequested);
    }

    private async Task SourceLoop(string source, bool once, Action<PollReport> report, CancellationToken cancel)
    {
        // A restart keeps each source's schedule (once: polled now, for cron and tests).
        if (!once && PollTiming.FirstWait(state.GetSource(source), _clock.GetUtcNow()) is var first && first > TimeSpan.Zero)
        {
            try { await Task.Delay(first, _clock, cancel).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
        while (!cancel.IsCancellationRequested)
        {
            PollReport r;
            try { r = await PollAsync(source, cancel).ConfigureAwait(false); }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested) { return; }
            report(r);
            if (once) return;
            var wait = r.NextPoll - _clock.GetUtcNow();
            try { if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, cancel).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One poll of one source: the feed read (or found unchanged), its new items stored, the source's state saved.</summary>
    public async Task<PollReport> PollAsync(string source, CancellationToken cancel)
    {
        var before = state.GetSource(source) ?? SourceState.New(source);
        var at = _clock.GetUtcNow();
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url))
            return Finish(before, at, PollStatus.Failed, 0, null, null, null, [], $"not a valid URL: {source}", Kept(before));
        var validators = before.ETag is null && before.LastModified is null ? null : new Validators(before.ETag, before.LastModified);
        var fetched = await fetcher.FetchAsync(url, validators, cancel).ConfigureAwait(false);
        if (fetched.NotModified)
            return Finish(before, at, PollStatus.NotModified, 0, fetched.MaxAge, null, null, [], null, Kept(before));
        if (!fetched.Ok)
            return Finish(before, at, PollStatus.Failed, 0, null, fetched.RetryAfter, null, [], fetched.Error ?? $"HTTP {fetched.Status}", Kept(before));
        var sniffed = ContainerFormats.Sniff(fetched.Body);
        if (sniffed.Kind != ContainerKind.Feed)
            return Finish(before, at, PollStatus.Failed, 0, fetched.MaxAge, null, null, [], $"not an RSS/RDF/Atom feed ({sniffed.Description})", null);
        Feed feed;
        using (var ms = new MemoryStream(fetched.Body!, writable: false)) feed = FeedReader.Read(ms);

        var unique = feed.Items.DistinctBy(i => i.Key, StringComparer.Ordinal).ToList();
        var seen = state.SeenKeys(source, [.. unique.Select(i => i.Key)]);
        var fresh = unique.Where(i => !seen.Contains(i.Key)).ToList();
        var outcome = await TakeIn(source, feed, fresh, cancel).ConfigureAwait(false);
        string? error = feed.Error is { } e ? $"{feed.Kind} feed: {e} ({feed.Items.Count} items before it were read)" : null;
        // the feed's item list is known in full only when it read without error
        if (error is null) state.ForgetSeen(source, [.. unique.Select(i => i.Key)], at - SeenRetention);
        // validators are kept only when every new item was taken in: otherwise a 304 would hide the ones still owed
        bool complete = !outcome.Incomplete && error is null;
        return Finish(before, at, error is null ? PollStatus.Read : PollStatus.Failed, feed.Items.Count, fetched.MaxAge, null, feed.Ttl,
            outcome.Failures, error, complete ? fetched.Validators : null, fresh.Count, outcome.Stored, outcome.Duplicate);
    }

    private static Validators? Kept(SourceState s) => s.ETag is null && s.LastModified is null ? null : new Validators(s.ETag, s.LastModified);

    /// <summary><see cref="Incomplete"/>: some new item was left for the next poll (a stop, a page not fetched, the store failing).</summary>
    private sealed record TakeInOutcome(int Stored, int Duplicate, bool Incomplete, List<IngestFailure> Failures);

    private async Task<TakeInOutcome> TakeIn(string source, Feed feed, List<FeedItem> fresh, CancellationToken cancel)
    {
        int stored = 0, duplicate = 0;
        bool incomplete = false;
        var failures = new List<IngestFailure>();
        foreach (var chunk in fresh.Chunk(Math.Max(1, PageBatch)))
        {
            if (cancel.IsCancellationRequested) { incomplete = true; break; }
            var inputs = await _web.ItemPagesAsync(source, feed, chunk, cancel).ConfigureAwait(false);
            for (int i = 0; i < chunk.Length; i++)
            {
                if (cancel.IsCancellationRequested) { incomplete = true; break; }
                var (item, input) = (chunk[i], inputs[i]);
                if (input.Raw is null && item.Link is null)
                {
                    state.MarkSeen(source, item.Key, null, _clock.GetUtcNow()); // no link and no text: nothing to try again
                    failures.Add(new IngestFailure(input.Input, input.Error ?? "unreadable"));
                    continue;
                }
                if (input.Raw is null)
                {
                    incomplete = true; // the page could not be fetched and the feed has no text of its own: tried again next poll
                    failures.Add(new IngestFailure(input.Input, (input.Error ?? "unreadable") + "; tried again at the next poll"));
                    continue;
                }
                await _writer.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    if (state.ArticleWithUrl(input.Raw.Uri) is long known)
                    {
                        state.MarkSeen(source, item.Key, known, _clock.GetUtcNow());
                        duplicate++;
                        continue;
                    }
                    // the article in hand is finished even when a stop is asked for meanwhile
                    var s = ingest.Run(StoreIngest.Prepare([input]), null, CancellationToken.None);
                    if (s.StoreError is not null)
                    {
                        incomplete = true;
                        failures.Add(new IngestFailure(input.Input, "the store failed: " + s.StoreError));
                        continue;
                    }
                    stored += s.Stored;
                    duplicate += s.Duplicate;
                    failures.AddRange(s.Failures);
                    state.MarkSeen(source, item.Key, state.ArticleWithUrl(input.Raw.Uri), _clock.GetUtcNow());
                }
                finally { _writer.Release(); }
            }
        }
        return new TakeInOutcome(stored, duplicate, incomplete, failures);
    }

    private PollReport Finish(SourceState before, DateTimeOffset at, PollStatus status, int items, TimeSpan? maxAge, TimeSpan? retryAfter, TimeSpan? ttl,
        List<IngestFailure> failures, string? error, Validators? validators, int fresh = 0, int stored = 0, int duplicate = 0)
    {
        int failedPolls = status == PollStatus.Failed ? before.FailedPolls + 1 : 0;
        var next = at + timing.Next(ttl, maxAge, retryAfter, failedPolls);
        state.SaveSource(new SourceState(before.Url, validators?.ETag, validators?.LastModified, at, next, error, failedPolls));
        lock (_totals)
        {
            _polls++;
            if (status == PollStatus.NotModified) _notModified++;
            if (status == PollStatus.Failed) _failedPolls++;
            _stored += stored;
            _duplicate += duplicate;
            _failed += failures.Count;
        }
        return new PollReport(before.Url, at, status, items, fresh, stored, duplicate, failures, error, next);
    }
}
