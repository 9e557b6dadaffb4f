using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dragoman.Tests.Fetch;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 (a free port) that behaves like the news sites a fetcher meets: pages, feeds,
/// slow and broken responses, redirect chains and loops, huge bodies, charsets, robots.txt, validators, flaky 503s.
/// Routes can be added or replaced while it runs; every request path is logged with its time.
/// </summary>
internal sealed class LocalNewsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    public ConcurrentQueue<(string Path, DateTime At, string? UserAgent)> Requests { get; } = new();
    public Uri Base { get; private set; } = null!;

    private LocalNewsServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async ctx =>
        {
            Requests.Enqueue((ctx.Request.Path + ctx.Request.QueryString, DateTime.UtcNow, ctx.Request.Headers.UserAgent.ToString()));
            if (_routes.TryGetValue(ctx.Request.Path.Value ?? "/", out var handler)) await handler(ctx);
            else ctx.Response.StatusCode = 404;
        });
    }

    public static async Task<LocalNewsServer> StartAsync()
    {
        var s = new LocalNewsServer();
        await s._app.StartAsync();
        var address = s._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        s.Base = new Uri(address.Replace("[::]", "127.0.0.1") + "/");
        return s;
    }

    public Uri Url(string path) => new(Base, path.TrimStart('/'));

    public LocalNewsServer Route(string path, Func<HttpContext, Task> handler) { _routes[path] = handler; return this; }

    public LocalNewsServer Text(string path, string body, string contentType = "text/html; charset=utf-8", int status = 200) =>
        Route(path, ctx => Send(ctx, Encoding.UTF8.GetBytes(body), contentType, status));

    public static async Task Send(HttpContext ctx, byte[] body, string contentType, int status = 200)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.Headers.Date = DateTimeOffset.UtcNow.ToString("R");
        await ctx.Response.Body.WriteAsync(body);
    }

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
