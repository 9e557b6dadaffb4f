namespace Dragoman.Fetch;

/// <summary>How the fetcher behaves towards servers. Defaults are polite for news sites: one request at a time per host, a second apart.</summary>
public sealed record FetchOptions
{
    public const string DefaultUserAgent = "Dragoman/1.0 (+https://github.com/dragoman-events; news event extraction; honours robots.txt)";

    public string UserAgent { get; init; } = DefaultUserAgent;
    /// <summary>The token matched against robots.txt User-agent lines.</summary>
    public string RobotsToken { get; init; } = "dragoman";
    /// <summary>Time for one request, headers and body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Bodies beyond this are refused (a news page or feed is never this big).</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;
    public int MaxRedirects { get; init; } = 5;
    /// <summary>Further tries after a timeout, a connection error, 429 or 5xx; waits double from <see cref="RetryDelay"/>.</summary>
    public int Retries { get; init; } = 2;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest wait a Retry-After header may ask for; longer asks fail now.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);
    public int PerHostConcurrency { get; init; } = 1;
    /// <summary>Least time between the starts of two requests to one host (a robots.txt Crawl-delay may raise it, up to a minute).</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);
    public bool RespectRobots { get; init; } = true;
}
