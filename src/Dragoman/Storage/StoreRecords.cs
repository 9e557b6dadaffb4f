using System.Text.Json.Nodes;
using Dragoman.Documents;
using Dragoman.Output;

namespace Dragoman.Storage;

/// <summary>
/// A processed article ready to store: the public JSON object (<see cref="DocumentJson"/>) is the one representation
/// every provider writes; providers add normalised columns for querying from it (<see cref="DocumentRows"/>).
/// </summary>
public sealed record StorableDocument(string Hash, JsonObject Json)
{
    private DocumentRowSet? _rows;

    /// <summary>The document's public JSON; the hash is the article's content hash, computed from the clean text if the reader left it empty.</summary>
    public static StorableDocument From(Document document)
    {
        var hash = document.Article.ContentHash;
        if (string.IsNullOrEmpty(hash))
            hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document.Text)));
        var json = DocumentJson.ToJson(document);
        if (json["article"] is System.Text.Json.Nodes.JsonObject a) a["hash"] = hash;
        return new(hash, json);
    }

    /// <summary>The normalised rows, flattened once (callers may force this on a worker thread before handing the batch to the writer).</summary>
    public DocumentRowSet Rows => _rows ??= DocumentRows.Flatten(this);
}

public enum AddStatus { Stored, Duplicate, Failed }

/// <summary>What happened to one document of a batch: stored under <see cref="ArticleId"/>, already there, or failed.</summary>
public sealed record AddOutcome(string Hash, AddStatus Status, long? ArticleId, string? Error = null);

/// <summary>An article as listed: no text.</summary>
public sealed record ArticleSummary(
    long Id,
    string Hash,
    string Uri,
    string? Title,
    string? Publisher,
    string? Published,
    string IngestedAt,
    int EventCount)
{
    /// <summary>The short id users type: <c>a12</c>.</summary>
    public string Key => StoreId.ArticleKey(Id);
}

/// <summary>One stored event as read: its normalised columns (<see cref="EventFields"/>, docs/storage.md) and its article.</summary>
public sealed record EventRecord : EventFields
{
    public required long ArticleId { get; init; }
    public required string ArticleHash { get; init; }
    public string? ArticleTitle { get; init; }
    public string? Published { get; init; }
    /// <summary>Where the article came from (URL or file path), as stored.</summary>
    public string? ArticleUri { get; init; }
    /// <summary>
    /// The event's source chain and fatalities as the writer stored them with the row (schema 23), when the read took them
    /// (the map feed); null: the exports derive them from <see cref="EventFields.SourcesJson"/> and <see cref="EventFields.CountsJson"/>.
    /// </summary>
    public string? SourceChain { get; init; }
    public int? Fatalities { get; init; }

    /// <summary>The id users type: <c>a12:ev3</c>.</summary>
    public string Key => StoreId.EventKey(ArticleId, EventId);
}

/// <summary>
/// Filters for listing events. Text filters (actor, place) match case-insensitively anywhere in the argument's text,
/// its entity's name and aliases, its actor code, and for places the resolved name, country and admin1.
/// Dates are ISO (YYYY-MM-DD); an event matches a range when its time interval (or, without one, the article's
/// publication date) overlaps it.
/// </summary>
public sealed record EventQuery
{
    public string? Actor { get; init; }
    public string? Place { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>An action name ("release"), or digits as a CAMEO code prefix ("084").</summary>
    public string? Action { get; init; }
    public string? Modality { get; init; }
    /// <summary>Only events at least this confident, historical ones included; when null (and <see cref="All"/> is false) only main events.</summary>
    public double? MinConfidence { get; init; }
    /// <summary>Every event, not only the main ones lists show by default.</summary>
    public bool All { get; init; }
    /// <summary>South, west, north, east in degrees: only events whose place lies inside.</summary>
    public BoundingBox? Box { get; init; }
    /// <summary>FTS query over the articles' title and text: only events of matching articles.</summary>
    public string? Text { get; init; }
    public long? ArticleId { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
    /// <summary>Keyset paging: only events listed after this one (the last event of the previous page); cheaper than a deep offset.</summary>
    public EventCursor? After { get; init; }
}

/// <summary>An event named as a paging position: article number and event id (<c>a12:ev3</c>).</summary>
public readonly record struct EventCursor(long ArticleId, string EventId)
{
    public static EventCursor Of(EventRecord e) => new(e.ArticleId, e.EventId);

    public override string ToString() => StoreId.EventKey(ArticleId, EventId);
}

public readonly record struct BoundingBox(double South, double West, double North, double East)
{
    public const string Order = "south,west,north,east";

    /// <summary>
    /// "south,west,north,east" in degrees (the API's and the CLI's order), with latitudes in [-90, 90], longitudes in
    /// [-180, 180], south &lt;= north and west &lt;= east. A box that only makes sense read as west,south,east,north
    /// (GeoJSON's and many tools' order) is refused with that reading named, instead of silently selecting elsewhere.
    /// </summary>
    public static Result<BoundingBox> Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 4)
            return Result<BoundingBox>.Fail($"'{text}' is not a box: give four numbers, {Order} in degrees");
        var v = new double[4];
        for (int i = 0; i < 4; i++)
            if (!double.TryParse(parts[i].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i]))
                return Result<BoundingBox>.Fail($"'{parts[i].Trim()}' in '{text}' is not a number; give {Order} in degrees");
        var box = new BoundingBox(v[0], v[1], v[2], v[3]);
        if (box.Problem() is not { } problem) return box;
        var swapped = new BoundingBox(v[1], v[0], v[3], v[2]);
        if (swapped.Problem() is null)
            return Result<BoundingBox>.Fail($"'{text}' looks like west,south,east,north; the order here is {Order}: {Format(swapped)}");
        return Result<BoundingBox>.Fail($"'{text}' is not a box in the order {Order}: {problem}");
    }

    private string? Problem() =>
        South is < -90 or > 90 ? $"south {South} is not a latitude (-90..90)"
        : North is < -90 or > 90 ? $"north {North} is not a latitude (-90..90)"
        : West is < -180 or > 180 ? $"west {West} is not a longitude (-180..180)"
        : East is < -180 or > 180 ? $"east {East} is not a longitude (-180..180)"
        : South > North ? $"south {South} is above north {North}"
        : West > East ? $"west {West} is east of east {East}"
        : null;

    private static string Format(BoundingBox b) => string.Join(',', new[] { b.South, b.West, b.North, b.East }.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>An article matching a full-text query. <see cref="Snippet"/> marks matches with <see cref="SearchHit.MatchStart"/>/<see cref="SearchHit.MatchEnd"/>.</summary>
public sealed record SearchHit(ArticleSummary Article, string Snippet, double Rank)
{
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';
}

/// <summary>An article with its full stored document (the public JSON) and its events.</summary>
public sealed record ArticleDetail(ArticleSummary Article, JsonObject Document, IReadOnlyList<EventRecord> Events)
{
    public string Text => Document["article"]?["text"]?.GetValue<string>() ?? "";
}

/// <summary>An event with its article's document, so every field's evidence can be shown.</summary>
public sealed record EventDetail(EventRecord Event, ArticleSummary Article, JsonObject Document)
{
    public string Text => Document["article"]?["text"]?.GetValue<string>() ?? "";

    /// <summary>The event's object in the stored document (all fields of the public schema).</summary>
    public JsonObject? EventJson =>
        (Document["events"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(e => e["id"]?.GetValue<string>() == Event.EventId);
}

/// <summary>Totals of a store.</summary>
public sealed record StoreCounts(long Articles, long Events, long Entities);

/// <summary>An actor as listed across articles: its name, type, most common actor code, and activity.</summary>
public sealed record ActorSummary(string Name, string Type, string? ActorCode, long Articles, long Events);

/// <summary>A resolved place as listed across articles.</summary>
public sealed record PlaceSummary(
    string? GeonameId, string Name, double? Lat, double? Lon, string? Country, string? Admin1, string? Precision, long Articles, long Events);
