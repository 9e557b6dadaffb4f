using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dragoman.Output;

namespace Dragoman.Storage;

public sealed record ArticleRow(
    string Hash, string Uri, string? Title, string? Lede, string? Byline, string? Publisher, string? Published,
    string? PublishedSource, string Language, string Text, string CreditsJson, string DroppedJson, string KeywordsJson,
    string? ReferenceDate, string DocumentJson);

public sealed record EntityRow(
    string EntityId, string Type, string Name, string AliasesJson, string? ActorCode, string? ActorCountry, string? ActorSector,
    string? GeonameId, double? Lat, double? Lon, string? Country, string? Admin1, string? PlacePrecision);

public sealed record MentionRow(string EntityId, string Text, int Start, int End, string? Source);

public sealed record PlaceRow(
    string EntityId, string? GeonameId, string? Name, double? Lat, double? Lon, string? Country, string? Admin1, string? Admin2,
    string? Feature, string? Precision, int? AcledGeoPrecision, double? Confidence);

public sealed record TimeRow(string Text, int Start, int End, string? Type, string? Value, string? StartDate, string? EndDate, string? Precision, string? Relative);

/// <summary>
/// One event as written: its <see cref="EventFields"/> and the columns only querying and the evidence view need
/// (character offsets of the trigger, the arguments and the time, and the lower-cased text the filters search).
/// </summary>
public sealed record EventRow : EventFields
{
    public int? TriggerStart { get; init; }
    public int? TriggerEnd { get; init; }
    public int? ActorStart { get; init; }
    public int? ActorEnd { get; init; }
    public int? TargetStart { get; init; }
    public int? TargetEnd { get; init; }
    public int? PlaceStart { get; init; }
    public int? PlaceEnd { get; init; }
    /// <summary>Lower-cased text a --actor filter searches: argument text, entity name and aliases, actor code.</summary>
    public string ActorSearch { get; init; } = "";
    public string TargetSearch { get; init; } = "";
    /// <summary>Lower-cased text a --place filter searches: argument text, entity name and aliases, place name, country, admin1.</summary>
    public string PlaceSearch { get; init; } = "";
    public int? TimeStartChar { get; init; }
    public int? TimeEndChar { get; init; }
}

/// <summary>All rows one document gives, in storage-neutral form.</summary>
public sealed record DocumentRowSet(
    ArticleRow Article, IReadOnlyList<EntityRow> Entities, IReadOnlyList<MentionRow> Mentions, IReadOnlyList<PlaceRow> Places,
    IReadOnlyList<TimeRow> Times, IReadOnlyList<EventRow> Events);

/// <summary>
/// Flattens the public JSON (<see cref="DocumentJson"/>) into normalised rows for querying. Every provider uses this,
/// so the columns mean the same everywhere. Throws <see cref="FormatException"/> on a document that breaks the schema.
/// </summary>
public static class DocumentRows
{
    public static DocumentRowSet Flatten(StorableDocument doc)
    {
        var j = doc.Json;
        var a = j["article"] as JsonObject ?? throw new FormatException("document has no 'article' object");
        var text = Str(a, "text") ?? throw new FormatException("article has no text");
        var hash = doc.Hash;
        if (string.IsNullOrEmpty(hash)) throw new FormatException("document has no content hash");

        var article = new ArticleRow(
            hash, Str(a, "uri") ?? "", Str(a, "title"), Str(a, "lede"), Str(a, "byline"), Str(a, "publisher"), Str(a, "published"),
            Str(a, "published_source"), Str(a, "language") ?? "en", text,
            Json(a["credits"]), Json(a["dropped"]), Json(a["keywords"]),
            Str(j["reference"] as JsonObject, "date"), WithoutText(j));

        var entities = new List<EntityRow>();
        var mentions = new List<MentionRow>();
        var places = new List<PlaceRow>();
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var e in Objects(j["entities"]))
        {
            var id = Str(e, "id") ?? throw new FormatException("an entity has no id");
            byId[id] = e;
            var actor = e["actor"] as JsonObject;
            var place = e["place"] as JsonObject;
            entities.Add(new EntityRow(id, Str(e, "type") ?? "MISC", Str(e, "name") ?? "", Json(e["aliases"]),
                Str(actor, "code"), Str(actor, "country"), Str(actor, "sector"),
                Str(place, "geonameid"), Dbl(place, "lat"), Dbl(place, "lon"), Str(place, "country"), Str(place, "admin1"), Str(place, "precision")));
            foreach (var m in Objects(e["mentions"]))
                mentions.Add(new MentionRow(id, Str(m, "text") ?? "", Int(m, "start") ?? 0, Int(m, "end") ?? 0, Str(m, "source")));
            if (place is not null)
                places.Add(PlaceOf(id, place));
        }

        var times = Objects(j["times"]).Select(t => new TimeRow(Str(t, "text") ?? "", Int(t, "start_char") ?? 0, Int(t, "end_char") ?? 0,
            Str(t, "type"), Str(t, "value"), Str(t, "start"), Str(t, "end"), Str(t, "precision"), Str(t, "relative"))).ToList();

        var events = new List<EventRow>();
        int ordinal = 0;
        foreach (var e in Objects(j["events"]))
        {
            ordinal++;
            var trigger = e["trigger"] as JsonObject;
            var actor = ArgumentOf(e["actor"] as JsonObject);
            var target = ArgumentOf(e["target"] as JsonObject);
            var placeArg = e["place"] as JsonObject;
            var placeRow = ArgumentOf(placeArg);
            var resolved = placeArg?["place"] as JsonObject;
            if (resolved is null && placeRow?.EntityId is { } pe && byId.TryGetValue(pe, out var pent))
                resolved = pent["place"] as JsonObject;
            var time = e["time"] as JsonObject;
            var codes = e["codes"] as JsonObject;
            var plover = codes?["plover"] as JsonObject;
            var acled = codes?["acled"] as JsonObject;
            events.Add(new EventRow
            {
                EventId = Str(e, "id") ?? $"ev{ordinal}",
                Ordinal = ordinal,
                Action = Str(e, "action") ?? throw new FormatException("an event has no action"),
                Trigger = Str(trigger, "text"), TriggerStart = Int(trigger, "start"), TriggerEnd = Int(trigger, "end"),
                Actor = actor?.Text, ActorEntity = actor?.EntityId, ActorCode = actor?.Code, ActorStart = actor?.Start, ActorEnd = actor?.End,
                ActorImplied = Bool(e["actor"] as JsonObject, "implied") ?? false,
                TargetConvention = e["target"] is JsonObject targetJson && IsConvention(targetJson),
                Target = target?.Text, TargetEntity = target?.EntityId, TargetCode = target?.Code, TargetStart = target?.Start, TargetEnd = target?.End,
                Place = placeRow?.Text, PlaceEntity = placeRow?.EntityId, PlaceStart = placeRow?.Start, PlaceEnd = placeRow?.End,
                ActorSearch = SearchText(actor, byId, null),
                TargetSearch = SearchText(target, byId, null),
                PlaceSearch = SearchText(placeRow, byId, resolved),
                PlaceName = Str(resolved, "name"), GeonameId = Str(resolved, "geonameid"), Lat = Dbl(resolved, "lat"), Lon = Dbl(resolved, "lon"),
                Country = Str(resolved, "country"), Admin1 = Str(resolved, "admin1"), PlacePrecision = Str(resolved, "precision"),
                PlaceInherited = Bool(placeArg, "inherited") ?? false,
                TimeText = Str(time, "text"), TimeStart = Str(time, "start"), TimeEnd = Str(time, "end"), TimePrecision = Str(time, "precision"),
                TimeInherited = Bool(time, "inherited") ?? false, TimeStartChar = Int(time, "start_char"), TimeEndChar = Int(time, "end_char"),
                CountsJson = Json(e["counts"]),
                Modality = Str(e, "modality") ?? "asserted",
                Occurred = Bool(e, "occurred") ?? false,
                SourcesJson = Json(e["sources"]),
                EvidenceJson = Json(e["evidence"]),
                Confidence = Dbl(e, "confidence") ?? 0,
                Main = Bool(e, "main") ?? true, // documents written before the salience stage: every event was shown
                Historical = Bool(e, "historical") ?? false,
                Cameo = Str(codes, "cameo"), QuadClass = Int(codes, "quad_class"), Goldstein = Dbl(codes, "goldstein"),
                PloverEvent = Str(plover, "event"), PloverMode = Str(plover, "mode"),
                AcledType = Str(acled, "event_type"), AcledSubtype = Str(acled, "sub_event_type"),
            });
        }
        return new DocumentRowSet(article, entities, mentions, places, times, events);
    }

    /// <summary>
    /// The document as stored: the public JSON with <c>article.text</c> set to null, since the text has its own column
    /// (providers put it back on reading: <see cref="RestoreText"/>). Saves storing every article's text twice.
    /// </summary>
    // Written straight from the document's nodes: a deep copy of the whole tree to null one field cost more than the
    // serialization itself. Bytes are those of the copy's ToJsonString (same writer options, same property order).
    internal static string WithoutText(JsonObject j)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = DocumentJson.Compact.Encoder }))
        {
            w.WriteStartObject();
            foreach (var (name, node) in j)
            {
                w.WritePropertyName(name);
                if (name == "article" && node is JsonObject a) WriteArticleWithoutText(w, a);
                else WriteNode(w, node);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // As `a["text"] = null` leaves it: the text's place kept, or a null text added last where there was none.
    private static void WriteArticleWithoutText(Utf8JsonWriter w, JsonObject a)
    {
        w.WriteStartObject();
        foreach (var (name, node) in a)
        {
            w.WritePropertyName(name);
            if (name == "text") w.WriteNullValue();
            else WriteNode(w, node);
        }
        if (!a.ContainsKey("text")) w.WriteNull("text");
        w.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter w, JsonNode? node)
    {
        if (node is null) w.WriteNullValue();
        else node.WriteTo(w, DocumentJson.Compact);
    }

    /// <summary>Puts the article text back into a stored document read from a provider.</summary>
    public static JsonObject RestoreText(JsonObject stored, string text)
    {
        if (stored["article"] is JsonObject a && a["text"] is null) a["text"] = text;
        return stored;
    }

    private static PlaceRow PlaceOf(string entityId, JsonObject p) => new(entityId, Str(p, "geonameid"), Str(p, "name"), Dbl(p, "lat"), Dbl(p, "lon"),
        Str(p, "country"), Str(p, "admin1"), Str(p, "admin2"), Str(p, "feature"), Str(p, "precision"), Int(p, "acled_geo_precision"), Dbl(p, "confidence"));

    /// <summary>An event argument as the schema gives it (the place argument's code is searched, not stored).</summary>
    private sealed record Argument(string? EntityId, string? Text, int? Start, int? End, string? Code);

    // A flat row names the party an analyst reads, as EventArgument.PartyText does: a coding convention's category
    // ("civilians" for "five people"; name.from = convention) over the written words, which the stored document keeps
    // with the name beside them. Exports, panels and actor/target search then see the category, as ACLED codes it.
    private static Argument? ArgumentOf(JsonObject? o) =>
        o is null ? null : new Argument(Str(o, "entity"), PartyText(o), Int(o, "start"), Int(o, "end"), Str(o, "code"));

    private static string? PartyText(JsonObject o) => IsConvention(o) ? Str((JsonObject)o["name"]!, "text") : Str(o, "text");

    private static bool IsConvention(JsonObject o) => o["name"] is JsonObject name && Str(name, "from") == Documents.ArgumentName.Convention;

    private static string SearchText(Argument? arg, Dictionary<string, JsonObject> entities, JsonObject? place)
    {
        if (arg is null) return "";
        var sb = new StringBuilder();
        void Add(string? s) { if (!string.IsNullOrWhiteSpace(s)) sb.Append(s).Append('\n'); }
        Add(arg.Text);
        Add(arg.Code);
        if (arg.EntityId is { } id && entities.TryGetValue(id, out var e))
        {
            Add(Str(e, "name"));
            foreach (var alias in (e["aliases"] as JsonArray ?? []).Select(x => x?.GetValueKind() == JsonValueKind.String ? x.GetValue<string>() : null))
                Add(alias);
            Add(Str(e["actor"] as JsonObject, "code"));
        }
        if (place is not null)
        {
            Add(Str(place, "name"));
            Add(Str(place, "country"));
            Add(Str(place, "admin1"));
        }
        return sb.ToString().ToLowerInvariant();
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string Json(JsonNode? node) => node?.ToJsonString(DocumentJson.Compact) ?? "[]";

    public static string? Str(JsonObject? o, string key)
    {
        var n = o?[key];
        if (n is null) return null;
        return n.GetValueKind() switch
        {
            JsonValueKind.String => n.GetValue<string>(),
            JsonValueKind.Number => n.ToJsonString(),
            _ => null,
        };
    }

    public static int? Int(JsonObject? o, string key) => Num(o?[key]) is double d ? (int)d : null;

    public static double? Dbl(JsonObject? o, string key) => Num(o?[key]);

    /// <summary>A number whether the node was built in memory (int, double ...) or parsed (JsonElement).</summary>
    private static double? Num(JsonNode? n)
    {
        if (n is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return null;
        if (v.TryGetValue<double>(out var d)) return d;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<float>(out var f)) return f;
        if (v.TryGetValue<decimal>(out var m)) return (double)m;
        return double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
    }

    public static bool? Bool(JsonObject? o, string key)
    {
        var n = o?[key];
        return n?.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
    }
}
