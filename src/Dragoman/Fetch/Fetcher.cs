using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Dragoman.Fetch;

/// <summary>
/// Fetches http(s) URLs politely and defensively: a clear User-Agent, robots.txt, per-host concurrency and spacing,
/// timeouts, a body size cap, redirects followed by hand (bounded, loops detected), retries with doubling back-off
/// on timeouts, connection errors, 429 and 5xx (Retry-After honoured up to a cap), and conditional GET. Never throws
/// for a bad URL or server: the result carries the error.
/// </summary>
public sealed class Fetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FetchOptions _options;
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task<RobotsTxt>> _robots = new(StringComparer.OrdinalIgnoreCase);

    public Fetcher(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FetchOptions();
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    public FetchOptions Options => _options;

    public async Task<FetchResult> FetchAsync(Uri url, Validators? validators = null, CancellationToken cancel = default)
    {
        if (url.Scheme is not ("http" or "https")) return FetchResult.Failed(url, $"not an http(s) URL: {url}");
        var seen = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        for (int hop = 0; ; hop++)
        {
            if (_options.RespectRobots && !current.AbsolutePath.Equals("/robots.txt", StringComparison.Ordinal))
            {
                var robots = await RobotsFor(current, cancel).ConfigureAwait(false);
                if (robots.Unreadable is { } why)
                    return FetchResult.Failed(url, $"robots.txt of {current.Host} could not be read ({why}), so {current.PathAndQuery} is not fetched for now (RFC 9309)");
                if (!robots.Allows(current.PathAndQuery)) return FetchResult.Failed(url, $"robots.txt of {current.Host} disallows {current.PathAndQuery} for {_options.RobotsToken}");
            }
            var result = await WithRetries(url, current, hop == 0 ? validators : null, cancel).ConfigureAwait(false);
            if (result.Status is not (301 or 302 or 303 or 307 or 308) || result.Error is not null && result.FinalUrl is null) return result;
            if (result.FinalUrl is not { } next) return result;
            if (!seen.Add(next.AbsoluteUri)) return FetchResult.Failed(url, $"redirect loop: {current} -> {next} was visited before", result.Status);
            if (hop + 1 > _options.MaxRedirects) return FetchResult.Failed(url, $"more than {_options.MaxRedirects} redirects (last: {next})", result.Status);
            current = next;
        }
    }

    private async Task<FetchResult> WithRetries(Uri requested, Uri url, Validators? validators, CancellationToken cancel)
    {
        var delay = _options.RetryDelay;
        for (int attempt = 0; ; attempt++)
        {
            var (result, retry, retryAfter) = await Once(requested, url, validators, cancel).ConfigureAwait(false);
            if (!retry || attempt >= _options.Retries) return attempt > 0 && result.Error is { } e ? result with { Error = $"{e} (after {attempt + 1} tries)" } : result;
            var wait = retryAfter ?? delay;
            if (wait > _options.MaxRetryAfter) return result with { Error = $"{result.Error}; the server asks to retry after {wait.TotalSeconds:0} s", RetryAfter = wait };
            await Task.Delay(wait, cancel).ConfigureAwait(false);
            delay *= 2;
        }
    }

    private async Task<(FetchResult Result, bool Retry, TimeSpan? RetryAfter)> Once(Uri requested, Uri url, Validators? validators, CancellationToken cancel)
    {
        var gate = _hosts.GetOrAdd(url.Authority, _ => new HostGate(_options.PerHostConcurrency));
        var crawlDelay = _options.RespectRobots && _robots.TryGetValue(url.Authority, out var rt) && rt.IsCompletedSuccessfully ? rt.Result.CrawlDelay : null;
        await gate.EnterAsync(crawlDelay is { } cd && cd > _options.PerHostDelay ? cd : _options.PerHostDelay, cancel).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (validators?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (validators?.LastModified is { } lm) request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            var date = response.Headers.Date;
            var found = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            var maxAge = response.Headers.CacheControl?.MaxAge;
            if (status is >= 300 and < 400 && status != 304)
            {
                var location = response.Headers.Location;
                if (location is null) return (FetchResult.Failed(requested, $"HTTP {status} without a Location header", status), false, null);
                return (new FetchResult(requested, location.IsAbsoluteUri ? location : new Uri(url, location), status, null, null, date, null, null, null), false, null);
            }
            if (status == 304) return (new FetchResult(requested, url, 304, null, null, date, validators, maxAge, null), false, null);
            if (status == 429 || status >= 500)
                return (FetchResult.Failed(requested, $"HTTP {status} {response.ReasonPhrase} from {url}", status), true, RetryAfter(response.Headers.RetryAfter));
            if (status is < 200 or >= 300) return (FetchResult.Failed(requested, $"HTTP {status} {response.ReasonPhrase} from {url}", status), false, null);
            if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxBytes)
                return (FetchResult.Failed(requested, $"too large: {url} declares {declared} bytes (limit {_options.MaxBytes})", status), false, null);
            var body = await ReadCapped(response.Content, url, timeout.Token).ConfigureAwait(false);
            if (body is null) return (FetchResult.Failed(requested, $"too large: {url} sent more than {_options.MaxBytes} bytes", status), false, null);
            return (new FetchResult(requested, url, status, body, response.Content.Headers.ContentType?.ToString(), date, found, maxAge, null), false, null);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return (FetchResult.Failed(requested, $"timed out after {_options.Timeout.TotalSeconds:0.#} s: {url}"), true, null);
        }
        catch (HttpRequestException ex)
        {
            return (FetchResult.Failed(requested, $"connection failed: {url}: {ex.Message}"), true, null);
        }
        catch (IOException ex)
        {
            return (FetchResult.Failed(requested, $"connection broke while reading {url}: {ex.Message}"), true, null);
        }
        finally
        {
            gate.Exit();
        }
    }

    private async Task<byte[]?> ReadCapped(HttpContent content, Uri url, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var ms = new MemoryStream();
        var buffer = new byte[65536];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            if (ms.Length + n > _options.MaxBytes) return null;
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? h) =>
        h?.Delta ?? (h?.Date is { } d ? d - DateTimeOffset.UtcNow : null);

    private async Task<RobotsTxt> RobotsFor(Uri url, CancellationToken cancel)
    {
        var load = _robots.GetOrAdd(url.Authority, _ => LoadRobots(new Uri(url, "/robots.txt"), cancel));
        var robots = await load.ConfigureAwait(false);
        // an unreadable robots.txt is not kept: the next request to the host reads it again, so one slow or failed read
        // does not shut a long-running watcher out of a host for good
        if (robots.Unreadable is not null) _robots.TryRemove(new KeyValuePair<string, Task<RobotsTxt>>(url.Authority, load));
        return robots;
    }

    /// <summary>RFC 9309: a 4xx robots.txt allows everything; a 5xx or an unreachable one disallows everything for now.</summary>
    private async Task<RobotsTxt> LoadRobots(Uri robotsUrl, CancellationToken cancel)
    {
        var r = await FetchAsync(robotsUrl, null, cancel).ConfigureAwait(false);
        if (r.Ok) return RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(r.Body!), _options.RobotsToken);
        return r.Status is >= 400 and < 500 ? RobotsTxt.AllowAll : RobotsTxt.UnreadableBecause(r.Error ?? $"HTTP {r.Status}");
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Per-host politeness: at most N requests at once, and each start at least the host's delay after the previous
    /// start and after the previous request ended (a slow first connection must not let the next request follow at once).
    /// </summary>
    private sealed class HostGate(int concurrency)
    {
        private readonly SemaphoreSlim _slots = new(Math.Max(1, concurrency));
        private readonly SemaphoreSlim _clock = new(1);
        private readonly Lock _next = new();
        private DateTime _nextStart = DateTime.MinValue;
        private TimeSpan _spacing;

        public async Task EnterAsync(TimeSpan spacing, CancellationToken cancel)
        {
            await _slots.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                await _clock.WaitAsync(cancel).ConfigureAwait(false);
                try
                {
                    // an Exit during the wait can move the next start later: wait until no wait is left
                    for (var wait = Wait(); wait > TimeSpan.Zero; wait = Wait())
                        await Task.Delay(wait, cancel).ConfigureAwait(false);
                    lock (_next)
                    {
                        _spacing = spacing;
                        _nextStart = DateTime.UtcNow + spacing;
                    }
                }
                finally { _clock.Release(); }
            }
            catch (OperationCanceledException)
            {
                _slots.Release(); // cancelled while waiting: the slot was never used
                throw;
            }
        }

        private TimeSpan Wait()
        {
            lock (_next) return _nextStart - DateTime.UtcNow;
        }

        public void Exit()
        {
            lock (_next)
            {
                var after = DateTime.UtcNow + _spacing;
                if (after > _nextStart) _nextStart = after;
            }
            _slots.Release();
        }
    }
}
