namespace Dragoman.Fetch;

/// <summary>Validators from an earlier fetch, sent back so an unchanged resource costs a 304 and no body.</summary>
public sealed record Validators(string? ETag, string? LastModified);

/// <summary>
/// What a fetch brought: the final URL after redirects, status, body, media type and charset, the server's Date and
/// validators; <see cref="NotModified"/> when a conditional GET found the resource unchanged; or the error.
/// </summary>
public sealed record FetchResult(Uri RequestedUrl, Uri? FinalUrl, int Status, byte[]? Body, string? ContentType, DateTimeOffset? Date, Validators? Validators, TimeSpan? MaxAge, string? Error)
{
    public bool Ok => Error is null && Body is not null;
    public bool NotModified => Status == 304;

    /// <summary>How long the server asked us to wait (Retry-After of a 429/503 we gave up on), for a poller's next try.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static FetchResult Failed(Uri url, string error, int status = 0) => new(url, null, status, null, null, null, null, null, error);
}
