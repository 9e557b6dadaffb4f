using Dragoman.Pipeline;
using Dragoman.Storage;

namespace Dragoman.Web;

/// <summary>How a server is started: the store it serves, where it listens, and whether it takes articles over HTTP.</summary>
public sealed record WebOptions
{
    public required IEventStore Store { get; init; }

    /// <summary>Address to bind. Loopback by default: the server has no user accounts, only the ingest token.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>When set, POST /api/articles is enabled and needs <c>Authorization: Bearer TOKEN</c>; when null, ingest is off.</summary>
    public string? IngestToken { get; init; }

    /// <summary>Builds the pipeline for HTTP ingest (called once, on the first ingest; resources load then).</summary>
    public Func<DocumentPipeline>? Pipeline { get; init; }

    /// <summary>The reference date for ingested articles that give none (null: keep times relative).</summary>
    public DateOnly? Published { get; init; }

    /// <summary>
    /// Host names a request may name besides the loopback names and the bound address (DNS rebinding: a page on
    /// evil.example that resolves to 127.0.0.1 must not read the store). "*" allows any.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Articles posted over HTTP processed at once (each holds a core while in the pipeline); default half the cores.</summary>
    public int IngestConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Posted articles that may wait for a free slot; a post past these gets 503 with Retry-After instead of a core.</summary>
    public int IngestQueue { get; init; } = 32;

    /// <summary>What one article posted over HTTP may cost: over its time the request gets a clear error instead of holding a core.</summary>
    public ArticleBudget Budget { get; init; } = ArticleBudget.Default;
}

/// <summary>The bounds every request is held to.</summary>
public static class Limits
{
    public const int MaxBodyBytes = 1 << 20;          // one article
    public const int MaxPage = 500;                    // events, actors, places per page
    public const int DefaultPage = 100;
    public const int MaxFeatures = 10_000;             // GeoJSON feed
    public const int DefaultFeatures = 5_000;
    public const int MaxOffset = 1_000_000;
    public const int MaxParameterLength = 500;
}
