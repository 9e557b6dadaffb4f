using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Dragoman.Web;

/// <summary>
/// What /openapi.json says beyond what ASP.NET Core derives from the typed results: the bearer scheme that guards the
/// endpoints marked <see cref="RequireToken{T}"/>, problem-details bodies for every error status an endpoint declares,
/// and the query parameters typed as the server parses them (they bind as strings so that a bad value gets a clear
/// 400; <see cref="QuerySchemaAttribute"/> says what they must hold). Any endpoint declared with typed results and
/// these two extensions gets a complete description, whoever adds it.
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "bearer";

    /// <summary>Marks an endpoint as needing the server's token, and enforces it: 403 when the server has none, 401 without it.</summary>
    public sealed class TokenRequired;

    public static TBuilder RequireToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new TokenRequired()).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<WebOptions>();
            if (options.IngestToken is null)
                return Api.Error(403, "writing over HTTP is off: start the server with --token TOKEN to enable it");
            if (!Api.Authorized(context.HttpContext.Request, options.IngestToken))
            {
                context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return Api.Error(401, "this endpoint needs the server's token: send the header 'Authorization: Bearer TOKEN'");
            }
            return await next(context);
        });
        return builder;
    }

    /// <summary>Declares the error statuses an endpoint returns, each with a problem-details body.</summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Dragoman API";
            doc.Info.Version = "1";
            doc.Info.Description = "Events extracted from news reports, with the evidence behind every field. See docs/web.md.";
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The token given to `dragoman serve --token TOKEN`, sent as 'Authorization: Bearer TOKEN'.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<TokenRequired>().Any())
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            foreach (var parameter in operation.Parameters ?? [])
                if (parameter is OpenApiParameter p && p.In == ParameterLocation.Query && p.Name is { } name && QuerySchemas.TryGetValue(name, out var typed))
                    typed.Apply(p);
            return Task.CompletedTask;
        });
    }

    /// <summary>The declared schemas of the query parameters, by name, from the properties of the parameter classes.</summary>
    private static readonly Dictionary<string, QuerySchemaAttribute> QuerySchemas =
        new[] { typeof(FilterParameters), typeof(PageParameters) }
            .SelectMany(t => t.GetProperties())
            .Select(p => (Name: p.GetCustomAttribute<FromQueryAttribute>()?.Name, Schema: p.GetCustomAttribute<QuerySchemaAttribute>()))
            .Where(x => x.Name is not null && x.Schema is not null)
            .DistinctBy(x => x.Name)
            .ToDictionary(x => x.Name!, x => x.Schema!);
}

/// <summary>
/// What a query parameter that binds as a string must hold, for /openapi.json: an integer or number (with bounds), a
/// date, or a list of numbers sent comma-separated (bbox).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QuerySchemaAttribute(string type) : Attribute
{
    public string Type { get; } = type;
    public string? Format { get; init; }
    public double Minimum { get; init; } = double.NaN;
    public double Maximum { get; init; } = double.NaN;
    /// <summary>For a list: how many numbers it holds exactly.</summary>
    public int Items { get; init; }

    internal void Apply(OpenApiParameter p)
    {
        var schema = new OpenApiSchema { Type = Parse(Type), Format = Format };
        if (!double.IsNaN(Minimum)) schema.Minimum = Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!double.IsNaN(Maximum)) schema.Maximum = Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Items > 0)
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = new OpenApiSchema { Type = Parse(Type) };
            schema.MinItems = schema.MaxItems = Items;
            schema.Format = null;
            p.Style = ParameterStyle.Form;
            p.Explode = false;
        }
        p.Schema = schema;
    }

    private static JsonSchemaType Parse(string type) => type switch
    {
        "integer" => JsonSchemaType.Integer,
        "number" => JsonSchemaType.Number,
        _ => JsonSchemaType.String,
    };
}
