using System.Net;
using System.Text;
using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Storage.Sqlite;
using Dragoman.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Dragoman.Tests.Web;

/// <summary>
/// Many parallel POST /api/articles: at most IngestConcurrency articles are in the pipeline at once, IngestQueue more
/// wait, and the rest get 503 with Retry-After instead of a core each.
/// </summary>
public sealed class IngestConcurrencyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-web-cap-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    /// <summary>A pipeline stage that holds every article until the test opens the gate, counting those inside.</summary>
    private sealed class Gate : IDocumentComponent
    {
        public readonly SemaphoreSlim Open = new(0);
        public int Inside, MostInside;
        public string Name => "gate";
        public Layer Requires => Layer.None;
        public Layer Provides => Layer.None;
        public void Process(Document document)
        {
            var now = Interlocked.Increment(ref Inside);
            lock (this) MostInside = Math.Max(MostInside, now);
            Open.Wait();
            Interlocked.Decrement(ref Inside);
        }
    }

    [Theory]
    [InlineData(1, 0, 3, 2, "one slot and no queue: the second and third posts are turned away")]
    [InlineData(1, 1, 3, 1, "one slot and one waiting: only the third is turned away")]
    [InlineData(2, 2, 4, 0, "room for all four: none turned away, but never more than two in the pipeline")]
    public async Task Posts_beyond_the_slots_and_the_queue_get_503(int concurrency, int queue, int posts, int busy, string reason)
    {
        var gate = new Gate();
        using var store = SqliteEventStore.Open(Path.Combine(_dir, $"cap{concurrency}{queue}{posts}.db"));
        var options = new WebOptions
        {
            Store = store,
            IngestToken = WebHost.Token,
            Pipeline = () => new PipelineBuilder().Add(gate).Build(),
            IngestConcurrency = concurrency,
            IngestQueue = queue,
        };
        await using var app = DragomanWeb.Create(options, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        var service = (IngestService)app.Services.GetService(typeof(IngestService))!;
        var answers = new List<Task<HttpResponseMessage>>();
        for (int i = 0; i < posts; i++)
        {
            var req = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent($"{{\"text\":\"Clash near Homs {i}\\n\\nGunmen attacked a checkpoint, residents of block {i} said.\"}}", Encoding.UTF8, "application/json") };
            req.Headers.TryAddWithoutValidation("Authorization", "Bearer " + WebHost.Token);
            answers.Add(client.SendAsync(req));
            // the post is either admitted or answered before the next is sent, so the order is the test's
            bool beyond = i + 1 > concurrency + queue;
            for (int wait = 0; wait < 600 && (beyond ? !answers[i].IsCompleted : service.Admitted < i + 1 && !answers[i].IsCompleted); wait++) await Task.Delay(50);
        }
        for (int wait = 0; wait < 600 && gate.Inside < Math.Min(posts, concurrency); wait++) await Task.Delay(50);
        var early = answers.Where(a => a.IsCompleted).ToList();
        gate.Open.Release(posts);
        var all = await Task.WhenAll(answers);
        var turnedAway = new List<HttpResponseMessage>();
        foreach (var a in early) turnedAway.Add(await a);
        Assert.True(turnedAway.Count == busy && turnedAway.All(r => r.StatusCode == HttpStatusCode.ServiceUnavailable && r.Headers.RetryAfter is not null),
            $"{reason}: answered before the gate opened: {string.Join(", ", turnedAway.Select(r => (int)r.StatusCode))}");
        Assert.True(all.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable) == busy, $"{reason}: {string.Join(", ", all.Select(r => (int)r.StatusCode))}");
        Assert.True(gate.MostInside <= concurrency, $"{reason}: {gate.MostInside} articles were in the pipeline at once");
        Assert.Equal(0, service.Admitted);
    }
}
