using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dragoman.Tests.Fetch;
using Microsoft.Data.Sqlite;

namespace Dragoman.Tests.Watch;

/// <summary>
/// `dragoman watch` as a real child process stopped in the middle of a poll (SIGKILL: no chance to tidy up; SIGTERM:
/// a clean stop), then run again with --once: every item of the feed is stored exactly once and marked seen.
/// </summary>
public sealed class WatchProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-watchproc-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private const int Items = 40;

    [Theory]
    [InlineData("KILL", "kill -9 between articles or in the middle of one: nothing lost, nothing stored twice after a restart")]
    [InlineData("TERM", "SIGTERM: stops after the article in hand with its summary and exit code 143; the restart takes the rest")]
    public async Task A_stopped_watch_resumes_without_losing_or_repeating(string signal, string reason)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals only
        await using var server = await LocalNewsServer.StartAsync();
        server.Text("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain");
        var site = new FeedSite(server);
        for (int i = 0; i < Items; i++) site.Publish();
        var feed = server.Url("/feed.xml").AbsoluteUri;
        var db = Path.Combine(_dir, "w.db");

        using (var p = Start(feed, db, "--interval", "1m"))
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            int before = 0;
            var clock = Stopwatch.StartNew();
            while ((before = Articles(db)) < 3 && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(20);
            if (p.HasExited || before >= Items)
            {
                if (!p.HasExited) p.Kill(true);
                Assert.Fail($"{reason}: the watch was not stopped in the middle of its poll ({before} articles; exited: {p.HasExited}); {await stdout} {await stderr}");
            }
            using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
            if (!p.WaitForExit(120_000)) { p.Kill(true); Assert.Fail($"{reason}: still running two minutes after the signal"); }
            string output = await stdout;
            if (signal == "TERM")
            {
                var errors = await stderr;
                Assert.True(p.ExitCode == 143, $"{reason}: exit code {p.ExitCode}; {output} {errors}");
                Assert.True(Regex.IsMatch(output, @"watch: stopped after \d+ polls"), $"{reason}: no summary in: {output}");
            }
            else Assert.True(p.ExitCode == 137, $"{reason}: exit code {p.ExitCode}");
        }
        int stopped = Articles(db);
        Assert.True(stopped < Items, $"{reason}: all {Items} items were stored before the stop; the test proves nothing");

        using (var again = Start(feed, db, "--once"))
        {
            var (outputRead, errorsRead) = (again.StandardOutput.ReadToEndAsync(), again.StandardError.ReadToEndAsync());
            string output = await outputRead, errors = await errorsRead;
            if (!again.WaitForExit(300_000)) { again.Kill(true); Assert.Fail($"{reason}: the restart did not finish"); }
            Assert.True(again.ExitCode == 0, $"{reason}: restart exit code {again.ExitCode}: {output} {errors}");
            var m = Regex.Match(output, @"stored (\d+), duplicate (\d+), failed 0");
            Assert.True(m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == Items - stopped,
                $"{reason}: {stopped} were stored before the stop, so the restart owes {Items - stopped}: {output}");
        }
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.True(Scalar(connection, "SELECT count(*) FROM articles") == Items, $"{reason}: articles");
        Assert.True(Scalar(connection, "SELECT count(DISTINCT uri) FROM articles") == Items, $"{reason}: an item was stored twice");
        Assert.True(Scalar(connection, "SELECT count(*) FROM watch_seen") == Items, $"{reason}: items not marked seen");
    }

    [Fact]
    public async Task Serve_with_watch_shows_new_items_in_the_api()
    {
        await using var server = await LocalNewsServer.StartAsync();
        server.Text("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain");
        var site = new FeedSite(server);
        site.Publish();
        using var p = Cli("serve", "--db", Path.Combine(_dir, "s.db"), "--port", "0", "--watch", server.Url("/feed.xml").AbsoluteUri, "--watch-interval", "1s", "--watch-host-delay", "0");
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            string? line, address = null;
            while (address is null && (line = p.StandardOutput.ReadLine()) is not null)
                if (Regex.Match(line, @" at (http://127\.0\.0\.1:\d+)/$") is { Success: true } m) address = m.Groups[1].Value;
            Assert.True(address is not null, "serve printed no address: " + (p.HasExited ? await stderr : ""));
            var rest = p.StandardOutput.ReadToEndAsync();
            using var http = new HttpClient();
            async Task<bool> Visible(int k)
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromMinutes(2))
                {
                    using var r = await http.GetAsync($"{address}/api/articles/a{k}");
                    if (r.IsSuccessStatusCode) return (await r.Content.ReadAsStringAsync()).Contains($"Convoy {k} reaches Idlib", StringComparison.Ordinal);
                    await Task.Delay(100);
                }
                return false;
            }
            Assert.True(await Visible(1), "the item published before the server started is in the API");
            site.Publish();
            Assert.True(await Visible(2), "an item published while the server runs shows in the API");
            using (var term = Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])) term.WaitForExit();
            Assert.True(p.WaitForExit(60_000), "serve --watch did not stop on SIGTERM");
            var output = await rest;
            Assert.True(Regex.IsMatch(output, @"watch: stopped after \d+ polls .*; stored 2, duplicate 0, failed 0"), "the watcher's summary on stopping: " + output);
        }
        finally
        {
            if (!p.HasExited) p.Kill(true);
        }
    }

    private static Process Start(string feed, string db, params string[] options) =>
        Cli([.. new[] { "watch", feed, "--db", db, "--host-delay", "0" }.Concat(options)]);

    /// <summary>The CLI built beside the tests as a child process, its output read by the caller.</summary>
    private static Process Cli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private static int Articles(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            return Scalar(connection, "SELECT count(*) FROM articles");
        }
        catch (SqliteException) { return 0; } // not created yet, or its schema not yet made
    }

    private static int Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
