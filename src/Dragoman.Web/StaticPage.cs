using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dragoman.Web;

/// <summary>
/// Serves the page and its vendored libraries from resources embedded in this assembly (wwwroot/**): works offline,
/// from any build or publish folder. Unknown paths under /api get a JSON 404; other unknown paths a plain 404.
/// </summary>
public static class StaticPage
{
    private static readonly FrozenDictionary<string, string> Resources = typeof(StaticPage).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal))
        .ToFrozenDictionary(n => n["wwwroot/".Length..], n => n, StringComparer.Ordinal);

    /// <summary>The files the page can load (paths relative to the site root).</summary>
    public static IReadOnlyCollection<string> Files => Resources.Keys;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", IResult (HttpContext c) => Serve(c, "index.html")).ExcludeFromDescription();
        // A catch-all route, not MapFallback: the fallback skips paths that look like files (leaflet.js).
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], IResult (HttpContext c) =>
        {
            var path = c.Request.Path.Value ?? "/";
            if (path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api")
                return Api.Error(404, $"no such endpoint: {c.Request.Method} {path} (see /openapi.json)");
            return Serve(c, path.TrimStart('/'));
        }).ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext c, string path)
    {
        if (!Resources.TryGetValue(path, out var name))
            return Results.Text("not found", "text/plain", statusCode: 404);
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        c.Response.Headers.CacheControl = path.StartsWith("vendor/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        return Results.Stream(stream, ContentType(path));
    }

    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };
}
