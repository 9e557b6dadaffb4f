using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;
using Dragoman.Storage;

namespace Dragoman.Web;

/// <summary>What POST /api/articles did: stored (new) or duplicate, the article's id and its event count.</summary>
public sealed record IngestResult(string Status, string Id, int Events);

/// <summary>A POST body read as JSON, or the HTTP status and the reason it was refused.</summary>
public sealed record BodyRead(JsonDocument? Document, int Status, string? Error)
{
    public static BodyRead Fail(int status, string error) => new(null, status, error);
}

/// <summary>
/// Ingest over HTTP: one article as JSON (<c>text</c> or <c>html</c>, optional <c>url</c>, <c>title</c>, <c>published</c>,
/// <c>source</c>, as one JSON Lines record), run through the pipeline (built on first use) and stored. At most
/// <see cref="WebOptions.IngestConcurrency"/> articles in the pipeline at once, a bounded queue behind them, and one
/// writer at a time (the store has one).
/// </summary>
public sealed class IngestService
{
    private readonly WebOptions _options;
    private readonly Lazy<DocumentPipeline>? _pipeline;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly SemaphoreSlim _running;
    private int _admitted;

    public IngestService(WebOptions options)
    {
        _options = options;
        _running = new SemaphoreSlim(Math.Max(1, options.IngestConcurrency));
        if (options.Pipeline is { } build) _pipeline = new Lazy<DocumentPipeline>(build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool Enabled => _options.IngestToken is not null && _pipeline is not null;

    /// <summary>Posts admitted and not yet answered (processing or waiting for a slot).</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>
    /// A place for one post among <see cref="WebOptions.IngestConcurrency"/> running and <see cref="WebOptions.IngestQueue"/>
    /// waiting, or null when all are taken (the caller answers 503). Dispose it when the post is answered.
    /// </summary>
    public IDisposable? Admit()
    {
        if (Interlocked.Increment(ref _admitted) <= Math.Max(1, _options.IngestConcurrency) + Math.Max(0, _options.IngestQueue)) return new Ticket(this);
        Interlocked.Decrement(ref _admitted);
        return null;
    }

    private sealed class Ticket(IngestService owner) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref owner._admitted); }
    }

    private static readonly string[] Fields = ["text", "html", "url", "title", "published", "source"];

    /// <summary>
    /// Reads at most <see cref="Limits.MaxBodyBytes"/> (a chunked body has no Content-Length to check first), then checks
    /// the bytes are UTF-8 (JSON's encoding; the reader would otherwise fail later, deep in a string) and parse as JSON.
    /// </summary>
    public static async Task<BodyRead> ReadBodyAsync(Stream body, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + n > Limits.MaxBodyBytes) return BodyRead.Fail(413, $"the request body is larger than {Limits.MaxBodyBytes} bytes");
            buffer.Write(chunk, 0, n);
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (InvalidUtf8At(bytes.Span) is { } at)
            return BodyRead.Fail(400, $"the body is not valid UTF-8: byte 0x{bytes.Span[at]:X2} at offset {at} does not belong there; send the JSON encoded as UTF-8");
        try
        {
            return new BodyRead(JsonDocument.Parse(bytes.ToArray()), 200, null);
        }
        catch (JsonException ex)
        {
            return BodyRead.Fail(400, "the body is not valid JSON: " + ex.Message.Split(" LineNumber:")[0]);
        }
    }

    /// <summary>The offset of the first byte that is not part of well-formed UTF-8, or null when all are.</summary>
    private static int? InvalidUtf8At(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var used) != OperationStatus.Done) return i;
            i += used;
        }
        return null;
    }

    /// <summary>Checks the body's shape; a clear message for anything else.</summary>
    public static Result<RawDocument> Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return Result<RawDocument>.Fail("the body must be a JSON object with \"text\" or \"html\"");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in body.EnumerateObject())
        {
            if (!Fields.Contains(p.Name)) return Result<RawDocument>.Fail($"unknown field \"{p.Name}\"; expected {string.Join(", ", Fields)}");
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            if (p.Value.ValueKind != JsonValueKind.String) return Result<RawDocument>.Fail($"\"{p.Name}\" must be a string");
            try
            {
                values[p.Name] = p.Value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // an escape such as \ud800 that names half a character
                return Result<RawDocument>.Fail($"\"{p.Name}\" is not valid text: it has an escaped lone surrogate (\\uD800-\\uDFFF without its pair)");
            }
        }
        values.TryGetValue("html", out var html);
        values.TryGetValue("text", out var text);
        string content, type;
        if (!string.IsNullOrWhiteSpace(html)) (content, type) = (html, ContentTypes.Html);
        else if (!string.IsNullOrWhiteSpace(text)) (content, type) = (text, ContentTypes.Text);
        else return Result<RawDocument>.Fail("the article needs a non-empty \"text\" or \"html\"");
        if (values.TryGetValue("published", out var published) && ApiDates.Parse(published) is null)
            return Result<RawDocument>.Fail($"\"published\" must be a date as YYYY-MM-DD, not '{published}'");
        values.TryGetValue("url", out var url);
        var hints = new ArticleHints(values.GetValueOrDefault("title"), published, values.GetValueOrDefault("source"), url);
        return new RawDocument(url ?? "http-post", Encoding.UTF8.GetBytes(content), type, null, hints);
    }

    public async Task<Result<IngestResult>> IngestAsync(RawDocument raw, CancellationToken cancel)
    {
        if (_pipeline is null) return Result<IngestResult>.Fail("ingest is not configured on this server");
        BatchOutcome outcome;
        await _running.WaitAsync(cancel); // at most IngestConcurrency pipelines at once, whatever the number of posts
        try
        {
            outcome = await Task.Run(() => BatchProcessor.ProcessOne(InputItem.Read(raw), _pipeline.Value, _options.Published, _options.Budget, cancel), cancel);
        }
        finally
        {
            _running.Release();
        }
        if (outcome.Document is not { } doc) return Result<IngestResult>.Fail(outcome.Error ?? "the article could not be read");
        StorableDocument storable;
        try
        {
            storable = StorableDocument.From(doc);
            _ = storable.Rows;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return Result<IngestResult>.Fail("the article could not be stored: " + ex.Message);
        }
        await _one.WaitAsync(cancel);
        try
        {
            var added = _options.Store.Add([storable]).Single();
            return added.Status switch
            {
                AddStatus.Stored => new IngestResult("stored", StoreId.ArticleKey(added.ArticleId!.Value), doc.Events.Count),
                AddStatus.Duplicate => new IngestResult("duplicate", StoreId.ArticleKey(added.ArticleId!.Value), doc.Events.Count),
                _ => Result<IngestResult>.Fail(added.Error ?? "not stored"),
            };
        }
        finally
        {
            _one.Release();
        }
    }
}

internal static class ApiDates
{
    public static DateOnly? Parse(string s) => EventFilters.ParseDate(s);
}
