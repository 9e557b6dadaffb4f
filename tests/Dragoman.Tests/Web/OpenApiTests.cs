using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Dragoman.Tests.Web;

/// <summary>
/// /openapi.json as a client generator reads it: it validates, every response has a schema derived from the type the
/// endpoint returns, errors are problem details, parameters carry their real types, and POST names its bearer scheme.
/// </summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private WebHost _host = null!;
    private JsonObject _doc = null!;

    public async Task InitializeAsync()
    {
        _host = WebHost.Start();
        var (status, body, _) = await _host.Get("/openapi.json");
        Assert.Equal(200, status);
        _doc = body!.AsObject();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JsonNode Operation(string path, string method) =>
        _doc["paths"]?[path]?[method] ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is missing from /openapi.json");

    /// <summary>The schema name a response's JSON body refers to (its $ref's last part).</summary>
    private static string? SchemaName(JsonNode? response)
    {
        var content = response?["content"]?.AsObject();
        var schema = content?.Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);
        return schema?["$ref"]?.GetValue<string>().Split('/')[^1];
    }

    [Fact]
    public async Task The_document_reads_and_validates_without_errors()
    {
        var json = await _host.Client.GetStringAsync("/openapi.json");
        var read = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());
        Assert.True(read.Diagnostic?.Errors.Count is null or 0, "read: " + string.Join("; ", read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        var errors = read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(errors.Count == 0, "validation: " + string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));
    }

    [Theory]
    [InlineData("/api/stats", "get", "200", "StatsBody", "counts")]
    [InlineData("/api/events", "get", "200", "EventPage", "a page of events")]
    [InlineData("/api/events", "get", "400", "ProblemDetails", "a bad filter")]
    [InlineData("/api/events/{id}", "get", "200", "EventDetailBody", "one event")]
    [InlineData("/api/events/{id}", "get", "404", "ProblemDetails", "no such event")]
    [InlineData("/api/articles/{id}", "get", "200", "ArticleDetailBody", "one article")]
    [InlineData("/api/actors", "get", "200", "ListPageOfActorItem", "a page of actors")]
    [InlineData("/api/places", "get", "200", "ListPageOfPlaceItem", "a page of places")]
    [InlineData("/api/articles", "post", "201", "IngestResponse", "POST stores and says 201 Created, as the server does")]
    [InlineData("/api/articles", "post", "200", "IngestResponse", "the same text again is 200")]
    [InlineData("/api/articles", "post", "401", "ProblemDetails", "without the token")]
    [InlineData("/api/events.geojson", "get", "200", "EventFeatureCollection", "the GeoJSON feed is typed: features with typed properties")]
    [InlineData("/api/articles", "post", "413", "ProblemDetails", "a body too large")]
    [InlineData("/api/articles", "post", "422", "ProblemDetails", "an article the pipeline cannot process")]
    public void Responses_name_the_type_the_endpoint_returns(string path, string method, string status, string schema, string reason)
    {
        var response = Operation(path, method)["responses"]?[status];
        Assert.True(response is not null, $"{reason}: {method.ToUpperInvariant()} {path} documents no {status}");
        Assert.True(schema == SchemaName(response), $"{reason}: {status} refers to '{SchemaName(response)}', not '{schema}'");
        if (schema == "ProblemDetails")
            Assert.True(response!["content"]?["application/problem+json"] is not null, $"{reason}: errors are application/problem+json");
    }

    [Fact]
    public void Every_response_of_every_api_operation_has_a_schema_and_no_post_documents_a_bare_200()
    {
        var operations = _doc["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(m => (Name: $"{m.Key.ToUpperInvariant()} {p.Key}", Operation: m.Value!))).ToList();
        Assert.True(operations.Count >= 8, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation["operationId"] is not null, $"{name} has no operationId (declare it with .WithName): generated clients name their methods from it");
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                var content = response?["content"]?.AsObject();
                Assert.True(content is { Count: > 0 } && content.All(c => c.Value?["schema"] is not null), $"{name} {status} has no schema");
            }
        }
        var schemas = _doc["components"]!["schemas"]!.AsObject();
        Assert.True(schemas["FlatEvent"]?["properties"]?["place"] is not null, "the event row's schema lists its nested place");
        Assert.True(schemas["ProblemDetails"]?["properties"]?["detail"] is not null, "problem details have a detail");
    }

    [Theory]
    [InlineData("/api/events", "limit", "integer", null, "a page size is a whole number")]
    [InlineData("/api/events", "offset", "integer", null, "an offset is a whole number")]
    [InlineData("/api/events", "from", "string", "date", "dates are ISO dates")]
    [InlineData("/api/events", "to", "string", "date", "dates are ISO dates")]
    [InlineData("/api/events", "min_confidence", "number", null, "a confidence is a number")]
    [InlineData("/api/events", "bbox", "array", null, "a box is four numbers")]
    [InlineData("/api/events.geojson", "bbox", "array", null, "the feed takes the same box")]
    [InlineData("/api/actors", "limit", "integer", null, "the actor list pages too")]
    [InlineData("/api/places", "offset", "integer", null, "the place list pages too")]
    [InlineData("/api/events", "actor", "string", null, "text stays text")]
    public void Query_parameters_have_the_types_the_server_parses(string path, string name, string type, string? format, string reason)
    {
        var parameter = Operation(path, "get")["parameters"]!.AsArray().FirstOrDefault(p => p!["name"]!.GetValue<string>() == name);
        Assert.True(parameter is not null, $"{reason}: {path} has no parameter {name}");
        var schema = parameter!["schema"]!;
        var types = schema["type"] is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [schema["type"]?.GetValue<string>() ?? ""];
        Assert.True(types.Contains(type), $"{reason}: {name} is {schema.ToJsonString()}");
        Assert.Equal(format, schema["format"]?.GetValue<string>());
        if (name == "bbox")
        {
            Assert.Equal((4, 4, "number"), (schema["minItems"]!.GetValue<int>(), schema["maxItems"]!.GetValue<int>(), schema["items"]!["type"]!.GetValue<string>()));
            // form is the default style of a query parameter; explode=false sends the list comma-separated
            Assert.Equal(("form", false), (parameter["style"]?.GetValue<string>() ?? "form", parameter["explode"]!.GetValue<bool>()));
            Assert.Contains("south,west,north,east", parameter["description"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("/api/articles", "post", true, "ingest needs the server's token")]
    [InlineData("/api/events", "get", false, "reads are open")]
    [InlineData("/api/stats", "get", false, "reads are open")]
    public void The_bearer_scheme_guards_exactly_the_endpoints_that_need_the_token(string path, string method, bool guarded, string reason)
    {
        var scheme = _doc["components"]?["securitySchemes"]?["bearer"];
        Assert.Equal(("http", "bearer"), (scheme?["type"]?.GetValue<string>(), scheme?["scheme"]?.GetValue<string>()));
        var security = Operation(path, method)["security"]?.AsArray();
        bool named = security?.Any(s => s?.AsObject().ContainsKey("bearer") == true) == true;
        Assert.True(guarded == named, $"{reason}: security is {security?.ToJsonString() ?? "absent"}");
    }
}
