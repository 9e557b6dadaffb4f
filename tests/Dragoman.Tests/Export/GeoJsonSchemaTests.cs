using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dragoman.Export;
using Dragoman.Storage;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Export;

/// <summary>
/// The GeoJSON feature's properties against their typed schema (<see cref="EventFeatureProperties"/>, docs/exports.md):
/// every property the export writes is in the table with its JSON type, every one in the table is written, and the docs
/// list each with the same type.
/// </summary>
public sealed partial class GeoJsonSchemaTests : ExportStoreTests
{
    /// <summary>The documented schema: property, JSON type, whether null is allowed, why.</summary>
    public static TheoryData<string, string, bool, string> Schema => new()
    {
        { "id", "string", false, "the event id users type (a1:ev1)" },
        { "article", "string", false, "the article id (a1)" },
        { "title", "string", true, "an article may have no title" },
        { "action", "string", false, "every event has a type" },
        { "actor", "string", true, "an event may name no actor" },
        { "actor_implied", "boolean", false, "always known: the actor is the coder's category, or a name or none" },
        { "target", "string", true, "an event may name no target" },
        { "target_convention", "boolean", false, "always known: the target is the convention's category, or the written words or none" },
        { "place", "string", true, "the resolved name, else the text; a point without either is possible" },
        { "country", "string", true, "ISO alpha-2; a point may lie in no country (sea)" },
        { "admin1", "string", true, "a place may have no first-level division" },
        { "precision", "string", true, "exact, near, region, country" },
        { "geo_precision", "integer", true, "ACLED's 1..3, null without a precision" },
        { "date", "string", true, "yyyy-MM-dd; null when neither the event nor its article is dated" },
        { "time_start", "string", true, "the event's own first day; null when the text gives none" },
        { "time_end", "string", true, "the event's own last day" },
        { "time_precision", "string", true, "day, week, month, ...; null without a time" },
        { "time_inherited", "boolean", false, "always known: the time came from the article or not" },
        { "modality", "string", false, "every event has a modality" },
        { "occurred", "boolean", false, "always known" },
        { "confidence", "number", false, "0..1, always given" },
        { "cameo", "string", true, "text, so that \"020\" keeps its leading zero" },
        { "acled_event_type", "string", true, "not every event has an ACLED type" },
        { "fatalities", "integer", false, "ACLED's figure, 0 when none" },
        { "sources", "string", false, "the source chain, empty when none is named" },
    };

    private static readonly Dictionary<string, (string Type, bool Nullable)> Table =
        Schema.ToDictionary(row => (string)row[0], row => ((string)row[1], (bool)row[2]));

    private async Task<List<JsonObject>> ExportedProperties()
    {
        using var ms = new MemoryStream();
        await new GeoJsonExporter().WriteAsync(Events(new EventQuery { All = true }), ms);
        var features = JsonNode.Parse(ms.ToArray())!["features"]!.AsArray();
        Assert.NotEmpty(features);
        return [.. features.Select(f => f!["properties"]!.AsObject())];
    }

    private static string Kind(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number when value.GetValue<JsonElement>().TryGetInt64(out _) => "integer",
        JsonValueKind.Number => "number",
        var k => k.ToString()!,
    };

    [Theory]
    [MemberData(nameof(Schema))]
    public async Task Each_property_is_written_with_its_documented_type(string property, string type, bool nullable, string reason)
    {
        foreach (var p in await ExportedProperties())
        {
            Assert.True(p.ContainsKey(property), $"{property} ({reason}) is missing from feature {p["id"]}");
            var kind = Kind(p[property]);
            // a number that happens to be whole is still a number
            bool fits = kind == type || (kind == "null" && nullable) || (type == "number" && kind == "integer");
            Assert.True(fits, $"{property} ({reason}) of {p["id"]} is {kind}, the schema says {type}{(nullable ? " or null" : "")}");
        }
    }

    [Fact]
    public async Task No_property_is_written_that_the_schema_does_not_list()
    {
        var written = (await ExportedProperties()).SelectMany(p => p.Select(x => x.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Table.Keys.Order(StringComparer.Ordinal), written);
    }

    [Fact]
    public void The_docs_list_every_property_with_its_type()
    {
        var docs = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "exports.md"));
        var section = docs[docs.IndexOf("## geojson", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var rows = DocRow().Matches(section).ToDictionary(m => m.Groups[1].Value, m => (m.Groups[2].Value, m.Groups[3].Success));
        Assert.Equal(Table.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, (type, nullable)) in Table)
            Assert.True(rows[name] == (type, nullable), $"docs/exports.md says {name} is {rows[name]}, the schema says {(type, nullable)}");
    }

    /// <summary>A docs table row: | `name` | type | or `type or null` |.</summary>
    [GeneratedRegex(@"^\| `([a-z0-9_]+)` \| (string|integer|number|boolean)( or null)? \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
