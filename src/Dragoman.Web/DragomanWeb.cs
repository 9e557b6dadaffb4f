using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dragoman.Web;

/// <summary>
/// The Dragoman web server: the JSON API (docs/web.md, OpenAPI at /openapi.json), the GeoJSON feed, token-guarded
/// ingest, and the page (embedded; no CDN). <see cref="Create"/> builds it; the CLI's <c>serve</c> and the tests host it.
/// </summary>
public static class DragomanWeb
{
    /// <summary>
    /// Builds the app. <paramref name="configure"/> may change the host before it is built (the tests put an
    /// in-process test server in place of Kestrel).
    /// </summary>
    public static WebApplication Create(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = Limits.MaxBodyBytes;
            k.Limits.MaxRequestLineSize = 16 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            var address = options.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host);
            k.Listen(address, options.Port);
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Store);
        builder.Services.AddSingleton<IngestService>();
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // typed results without explicit names (the incident endpoints) in the API's snake_case, as the OpenAPI document then describes them
            j.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
        });
        builder.Services.AddOpenApi("v1", ApiDocument.Configure);
        // gzip and Brotli for JSON, GeoJSON, the page and its scripts (50 events of JSON: 77 KB uncompressed)
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/geo+json", "text/tab-separated-values"];
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.Use(ErrorsAsJson);
        app.Use(HostAllowlist(options));
        app.UseResponseCompression();
        app.Use(ConditionalReads.Handle); // HEAD and ETags; before routing, so that a HEAD is routed as its GET
        app.UseRouting();
        app.MapOpenApi("/openapi.json");
        Api.Map(app);
        IncidentApi.Map(app);
        StaticPage.Map(app);
        return app;
    }

    /// <summary>The address the started server listens on (useful with port 0).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";

    /// <summary>
    /// The page shows untrusted article text; this policy is a second line of defence beside rendering it as text:
    /// no inline or foreign scripts, no plugins, no framing, nothing loaded from elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h["Content-Security-Policy"] = ContentSecurityPolicy;
        h["X-Content-Type-Options"] = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h["X-Frame-Options"] = "DENY";
        return next();
    }

    /// <summary>
    /// Requests must name this server: a loopback name, the bound address or an --allowed-hosts name. Anything else
    /// (a rebinding page's own name) gets 400 before any endpoint runs.
    /// </summary>
    private static Func<HttpContext, Func<Task>, Task> HostAllowlist(WebOptions options)
    {
        var allowed = new HashSet<string>(["localhost", "127.0.0.1", "::1", options.Host, .. options.AllowedHosts], StringComparer.OrdinalIgnoreCase);
        bool any = allowed.Contains("*");
        return (context, next) =>
        {
            var host = context.Request.Host.Host.Trim('[', ']');
            if (any || allowed.Contains(host)) return next();
            return Api.Error(StatusCodes.Status400BadRequest,
                $"host '{host}' is not served here; start dragoman serve with --allowed-hosts {host} to allow it").ExecuteAsync(context);
        };
    }

    /// <summary>Status codes without a body (a request too large, a bad header, an unknown method) get a JSON message too.</summary>
    private static async Task ErrorsAsJson(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (BadHttpRequestException ex)
        {
            if (context.Response.HasStarted) throw;
            context.Response.Clear();
            await Api.Error(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the request body is larger than {Limits.MaxBodyBytes} bytes"
                : "bad request: " + ex.Message).ExecuteAsync(context);
            return;
        }
        if (context.Response.HasStarted || context.Response.ContentLength is > 0 || context.Response.ContentType is not null) return;
        var status = context.Response.StatusCode;
        if (status >= 400)
        {
            await Api.Error(status, Message(status)).ExecuteAsync(context);
        }

        static string Message(int status) => status switch
        {
            404 => "not found",
            405 => "method not allowed here",
            413 => $"the request body is larger than {Limits.MaxBodyBytes} bytes",
            415 => "unsupported content type; send application/json",
            _ => "request failed",
        };
    }
}
