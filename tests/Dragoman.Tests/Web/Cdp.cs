using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Dragoman.Tests.Web;

/// <summary>
/// Headless Chromium (Debian's /usr/bin/chromium) driven over the Chrome DevTools protocol: one page, commands by id,
/// events kept for inspection. No browser is downloaded: a missing chromium is a clear failure.
/// </summary>
public sealed class Cdp : IAsyncDisposable
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("DRAGOMAN_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _ws = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receive = Task.CompletedTask;
    private int _nextId;

    /// <summary>Every protocol event received (method and params), in order.</summary>
    public ConcurrentQueue<JsonObject> Events { get; } = new();

    private Cdp(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<Cdp> Launch(int width = 1400, int height = 1000)
    {
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"headless Chromium is needed for the browser test and {ChromiumPath} is missing: run .ci/setup " +
                        "(apt-get update && apt-get install -y chromium), or set DRAGOMAN_CHROMIUM to a Chromium binary.");
        var profile = Directory.CreateTempSubdirectory("dragoman-chromium-").FullName;
        var psi = new ProcessStartInfo(ChromiumPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
                 })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var cdp = new Cdp(process, profile);
        try
        {
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var clock = Stopwatch.StartNew();
            while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
            {
                if (process.HasExited) throw new InvalidOperationException($"chromium exited with code {process.ExitCode} before it listened");
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("chromium did not open its DevTools port in 60 s");
                await Task.Delay(100);
            }
            var port = (await File.ReadAllLinesAsync(portFile))[0].Trim();
            using var http = new HttpClient();
            JsonNode? page = null;
            for (int i = 0; i < 50 && page is null; i++)
            {
                var list = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
                page = list.FirstOrDefault(t => t?["type"]?.GetValue<string>() == "page");
                if (page is null) await Task.Delay(100);
            }
            if (page is null) throw new InvalidOperationException("chromium has no page target");
            await cdp._ws.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
            cdp._receive = Task.Run(cdp.ReceiveLoop);
            await cdp.Send("Page.enable");
            await cdp.Send("Runtime.enable");
            await cdp.Send("Network.enable");
            await cdp.Send("Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
            });
            return cdp;
        }
        catch
        {
            await cdp.DisposeAsync();
            throw;
        }
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_ws.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var r = await _ws.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (node["id"] is JsonNode idNode && _pending.TryRemove(idNode.GetValue<int>(), out var tcs)) tcs.TrySetResult(node);
                else if (node["method"] is not null) Events.Enqueue(node);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        foreach (var p in _pending.Values) p.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    public async Task<JsonObject> Send(string method, JsonObject? parameters = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var msg = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _ws.SendAsync(Encoding.UTF8.GetBytes(msg.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var done = await Task.WhenAny(tcs.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != tcs.Task) throw new TimeoutException($"DevTools {method} did not answer in 60 s");
        var reply = await tcs.Task;
        if (reply["error"] is JsonNode error) throw new InvalidOperationException($"DevTools {method}: {error.ToJsonString()}");
        return reply["result"]?.AsObject() ?? new JsonObject();
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (promises awaited).</summary>
    public async Task<JsonNode?> Eval(string expression)
    {
        var r = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (r["exceptionDetails"] is JsonNode ex) throw new InvalidOperationException($"page script failed: {ex.ToJsonString()}");
        return r["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until <paramref name="expression"/> is truthy; fails with <paramref name="what"/> after the timeout.</summary>
    public async Task WaitFor(string expression, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var v = await Eval($"!!({expression})");
            if (v?.GetValue<bool>() == true) return;
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) Assert.Fail($"timed out after {seconds} s waiting for {what}");
            await Task.Delay(150);
        }
    }

    public async Task Navigate(string url)
    {
        await Send("Page.navigate", new JsonObject { ["url"] = url });
        await WaitFor("document.readyState === 'complete'", "the page to load");
    }

    /// <summary>A real mouse click (pressed and released) at viewport coordinates.</summary>
    public async Task Click(double x, double y)
    {
        await Mouse("mouseMoved", x, y, 0);
        await Mouse("mousePressed", x, y, 1);
        await Mouse("mouseReleased", x, y, 0);
    }

    /// <summary>Presses at one point, drags to another, releases.</summary>
    public async Task Drag(double x0, double y, double x1)
    {
        await Mouse("mouseMoved", x0, y, 0);
        await Mouse("mousePressed", x0, y, 1);
        for (int i = 1; i <= 5; i++) await Mouse("mouseMoved", x0 + (x1 - x0) * i / 5, y, 1);
        await Mouse("mouseReleased", x1, y, 0);
    }

    private Task<JsonObject> Mouse(string type, double x, double y, int buttons) => Send("Input.dispatchMouseEvent", new JsonObject
    {
        ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = type == "mouseMoved" && buttons == 0 ? "none" : "left",
        ["buttons"] = buttons, ["clickCount"] = type == "mouseMoved" ? 0 : 1,
    });

    /// <summary>Clicks the centre of the first element <paramref name="selectorExpression"/> (a JS expression) yields, scrolled into view.</summary>
    public async Task ClickElement(string selectorExpression, string what)
    {
        var rect = await Eval($"(() => {{ const e = {selectorExpression}; if (!e) return null; e.scrollIntoView({{block: 'center'}}); " +
                              "const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (rect is null) Assert.Fail($"no element to click: {what}");
        await Click(rect["x"]!.GetValue<double>(), rect["y"]!.GetValue<double>());
    }

    public async Task<byte[]> Screenshot()
    {
        var r = await Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String(r["data"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { if (_ws.State == WebSocketState.Open) await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None); }
        catch (WebSocketException) { }
        _ws.Dispose();
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        _process.Dispose();
        for (int i = 0; i < 5; i++)
        {
            try { Directory.Delete(_profile, true); break; }
            catch (IOException) { await Task.Delay(200); }
            catch (UnauthorizedAccessException) { break; }
        }
    }
}
