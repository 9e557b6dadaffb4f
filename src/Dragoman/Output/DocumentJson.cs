using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dragoman.Documents;

namespace Dragoman.Output;

/// <summary>
/// Writes a processed Document as the public JSON schema (docs/schema.md, docs/schema.json).
/// Field names are the contract; change them only with the schema.
/// </summary>
public static class DocumentJson
{
    public const string SchemaVersion = "1";

    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Serialize(Document document, bool indented) =>
        ToJson(document).ToJsonString(indented ? Indented : Compact);

    public static JsonObject ToJson(Document d)
    {
        var a = d.Article;
        return new JsonObject
        {
            ["schema"] = SchemaVersion,
            ["article"] = new JsonObject
            {
                ["uri"] = a.Uri,
                ["hash"] = a.ContentHash,
                ["title"] = a.Title,
                ["lede"] = a.Lede,
                ["byline"] = a.Byline,
                ["publisher"] = a.Publisher,
                ["published"] = a.Published is { } p ? Date(p) : null,
                ["published_source"] = a.PublishedSource,
                ["language"] = a.Language,
                ["keywords"] = Array(a.Keywords.Select(k => (JsonNode?)k)),
                ["credits"] = Array(a.Credits.Select(c => (JsonNode?)new JsonObject
                {
                    ["role"] = c.Role,
                    ["name"] = c.Name,
                    ["start"] = c.Evidence.Start,
                    ["end"] = c.Evidence.End,
                })),
                ["text"] = a.Text,
                ["dropped"] = Array(a.Dropped.Select(x => (JsonNode?)new JsonObject
                {
                    ["start"] = x.Start,
                    ["end"] = x.End,
                    ["reason"] = x.Reason,
                    ["text"] = x.Text,
                })),
            },
            ["reference"] = new JsonObject
            {
                ["date"] = d.ReferenceDate is { } r ? Date(r) : null,
                ["known"] = d.ReferenceDate is not null,
            },
            ["entities"] = Array(d.Entities.Select(e => (JsonNode?)EntityJson(d, e))),
            ["times"] = Array(d.Times.Select(t => (JsonNode?)TimeJson(t))),
            ["events"] = Array(d.Events.Select(e => (JsonNode?)EventJson(d, e))),
            ["warnings"] = Array(d.Warnings.Select(w => (JsonNode?)w)),
        };
    }

    private static JsonObject EntityJson(Document d, Entity e)
    {
        var o = new JsonObject
        {
            ["id"] = e.Id,
            ["type"] = e.Type.ToString(),
            ["name"] = e.Name,
            ["aliases"] = Array(e.Aliases.Select(x => (JsonNode?)x)),
            ["mentions"] = Array(e.MentionIndexes.Select(i => d.Mentions[i]).Select(m => (JsonNode?)new JsonObject
            {
                ["text"] = m.Text,
                ["start"] = m.Span.Start,
                ["end"] = m.Span.End,
                ["source"] = m.Source,
            })),
        };
        if (e.Actor is { } actor)
            o["actor"] = new JsonObject
            {
                ["code"] = actor.Code,
                ["country"] = actor.Country,
                ["sector"] = actor.Sector,
                ["dictionary"] = actor.Dictionary,
            };
        if (e.Attributes.Count > 0)
            o["attributes"] = Array(e.Attributes.Select(x => (JsonNode?)new JsonObject
            {
                ["kind"] = x.Kind,
                ["value"] = x.Value,
                ["start"] = x.Evidence.Start,
                ["end"] = x.Evidence.End,
            }));
        if (e.PlaceIndex is int pi && pi < d.Places.Count)
            o["place"] = PlaceJson(d.Places[pi]);
        return o;
    }

    public static JsonObject PlaceJson(PlaceResolution p) => new()
    {
        ["geonameid"] = p.GeonameId,
        ["name"] = p.Name,
        ["lat"] = p.Lat,
        ["lon"] = p.Lon,
        ["country"] = p.Country,
        ["admin1"] = p.Admin1,
        ["admin2"] = p.Admin2,
        ["feature"] = p.Feature,
        // a place left as text has no precision: never "exact", and no ACLED geo_precision
        ["precision"] = p.IsResolved ? PrecisionName(p.Precision) : PrecisionName(PlacePrecision.Unknown),
        ["acled_geo_precision"] = !p.IsResolved || p.Precision == PlacePrecision.Unknown ? null : p.Precision == PlacePrecision.Country ? 3 : (int)p.Precision,
        ["relation"] = p.Relation,
        ["confidence"] = Math.Round(p.Confidence, 3),
        ["candidates"] = p.IsResolved ? null : Array(p.Candidates.Select(c => (JsonNode?)c)),
    };

    public static string PrecisionName(PlacePrecision p) => p switch
    {
        PlacePrecision.Exact => "exact",
        PlacePrecision.Near => "near",
        PlacePrecision.Region => "region",
        PlacePrecision.Unknown => "unknown",
        _ => "country",
    };

    private static JsonObject TimeJson(TimeExpression t) => new()
    {
        ["text"] = t.Text,
        ["start_char"] = t.Span.Start,
        ["end_char"] = t.Span.End,
        ["type"] = t.Type,
        ["value"] = t.Value,
        ["start"] = t.Start is { } s ? Date(s) : null,
        ["end"] = t.End is { } e ? Date(e) : null,
        ["precision"] = t.Precision.ToString().ToLowerInvariant(),
        ["relative"] = t.Relative,
    };

    private static JsonObject EventJson(Document d, Event e)
    {
        var o = new JsonObject
        {
            ["id"] = e.Id,
            ["action"] = e.Action,
            ["trigger"] = Span(d, e.Trigger),
            ["actor"] = Argument(e.Actor),
            ["target"] = Argument(e.Target),
            ["place"] = PlaceArgument(d, e.Place),
            ["means"] = Argument(e.Means),
            ["time"] = e.Time is { } t ? new JsonObject
            {
                ["text"] = t.Text,
                ["start"] = t.Start is { } s ? Date(s) : null,
                ["end"] = t.End is { } en ? Date(en) : null,
                ["precision"] = t.Precision.ToString().ToLowerInvariant(),
                ["inherited"] = t.Inherited,
                ["relative"] = t.Relative,
                ["start_char"] = t.Span?.Start,
                ["end_char"] = t.Span?.End,
            } : null,
            ["count"] = e.Counts.Count > 0 ? CountJson(e.Counts[0]) : null,
            ["counts"] = Array(e.Counts.Select(c => (JsonNode?)CountJson(c))),
            ["modality"] = e.Modality.ToString().ToLowerInvariant(),
            ["occurred"] = e.Modality is Modality.Asserted or Modality.Reported or Modality.Claimed,
            // each telling's own modality and the sentence it rests on; "chosen" marks the one the event's modality is
            ["tellings"] = Array(e.AllTellings.Select(x => (JsonNode?)new JsonObject
            {
                ["trigger"] = Span(d, x.Trigger),
                ["evidence"] = Span(d, x.Evidence),
                ["modality"] = x.Modality.ToString().ToLowerInvariant(),
                ["chosen"] = x.Trigger == e.Trigger,
                ["actor"] = Argument(x.Actor),
                ["target"] = Argument(x.Target),
            })),
            ["sources"] = Array(e.Sources.Select(s => (JsonNode?)new JsonObject
            {
                ["kind"] = s.Kind,
                ["name"] = s.Name,
                ["location"] = s.Location,
                ["entity"] = s.EntityId,
                ["start"] = s.Evidence?.Start,
                ["end"] = s.Evidence?.End,
            })),
            ["evidence"] = Array(e.Evidence.Select(s => (JsonNode?)Span(d, s))),
            ["confidence"] = Math.Round(e.Confidence, 3),
            ["main"] = e.Main,
            ["historical"] = e.Historical,
            ["trigger_source"] = e.TriggerSource,
            ["codes"] = new JsonObject
            {
                ["cameo"] = e.Codes.Cameo,
                ["plover"] = e.Codes.Plover is { } pl ? new JsonObject
                {
                    ["event"] = pl.Event,
                    ["mode"] = pl.Mode,
                    ["context"] = Array(pl.Context.Select(c => (JsonNode?)c)),
                } : null,
                ["acled"] = e.Codes.Acled is { } ac ? new JsonObject
                {
                    ["event_type"] = ac.EventType,
                    ["sub_event_type"] = ac.SubEventType,
                } : null,
                ["quad_class"] = e.Codes.QuadClass,
                ["goldstein"] = e.Codes.Goldstein,
            },
        };
        return o;
    }

    private static JsonObject CountJson(EventCount c) => new()
    {
        ["min"] = c.Min,
        ["max"] = c.Max,
        ["text"] = c.Text,
        ["kind"] = c.Kind,
        ["who"] = c.Who,
        ["source"] = c.Source,
        ["start"] = c.Span.Start,
        ["end"] = c.Span.End,
        // who the killed or injured were: civilian, combatant or unknown, with what says so (Events/Counts/VictimClassComponent)
        ["victims"] = c.Victims is { } v ? new JsonObject
        {
            ["class"] = v.Class,
            ["from"] = v.From,
            ["p"] = v.Probability,
            ["start"] = v.Evidence.Start,
            ["end"] = v.Evidence.End,
        } : null,
    };

    private static JsonObject? Argument(EventArgument? a)
    {
        if (a is null) return null;
        var o = new JsonObject
        {
            ["entity"] = a.EntityId,
            ["text"] = a.Text,
            ["code"] = a.Code,
            ["start"] = a.Span.Start,
            ["end"] = a.Span.End,
        }.WithName(a.Name);
        // a coder's category the event implies, not a name in the text (its span is the trigger): written only when true, like "inherited"
        if (a.Implied) o["implied"] = true;
        return o;
    }

    private static JsonObject? PlaceArgument(Document d, EventArgument? a)
    {
        var o = Argument(a);
        if (o is null || a is null) return o;
        if (a.Inherited) o["inherited"] = true;
        var entity = d.EntityById(a.EntityId);
        if (entity?.PlaceIndex is int pi && pi < d.Places.Count)
            o["place"] = PlaceJson(d.Places[pi]);
        else
        {
            var place = d.Places.Find(p => p.Span.Overlaps(a.Span));
            if (place is not null) o["place"] = PlaceJson(place);
        }
        // a place taken from the article, not the event's sentence, says only which region the event lies in
        if (a.Inherited && o["place"] is JsonObject po && po["precision"]?.GetValue<string>() is "exact" or "near")
        {
            po["precision"] = PrecisionName(PlacePrecision.Region);
            po["acled_geo_precision"] = (int)PlacePrecision.Region;
        }
        return o;
    }

    private static JsonObject Span(Document d, TextSpan s) => new()
    {
        ["start"] = s.Start,
        ["end"] = s.End,
        ["text"] = d.Slice(s),
    };

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
