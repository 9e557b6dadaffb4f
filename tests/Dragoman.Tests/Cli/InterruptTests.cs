using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Dragoman.Tests.Cli;

/// <summary>
/// SIGINT and SIGTERM during ingest, sent to a real child process: intake stops at the signal, what is written is
/// committed, the summary says how to resume, the exit code is the shell's for the signal; a second signal ends it at
/// once; the store opens whole either way and a re-run stores the rest.
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-interrupt-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [SkippableTheory]
    [InlineData("INT", 1, 130, "Ctrl+C (SIGINT): the shell's code 128 + 2")]
    [InlineData("TERM", 1, 143, "SIGTERM (a service manager stopping it): 128 + 15")]
    [InlineData("TERM", 2, 143, "a second SIGTERM ends the process at once: the open transaction is rolled back, nothing stored is lost")]
    public async Task A_signal_during_ingest_stops_intake_stores_what_is_done_and_a_rerun_finishes(string signal, int times, int expectedCode, string reason)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals only
        // A job a non-interactive shell starts in the background (`cmd &`) inherits SIGINT ignored, and so does every
        // child: the runtime keeps an inherited ignore, as a shell's background job should, so no SIGINT can reach it.
        Skip.If(signal == "INT" && IgnoredAtStart(2), "SIGINT is ignored in this test run (started as a background job): the child inherits it");
        var folder = Path.Combine(_dir, "in");
        Directory.CreateDirectory(folder);
        // Intake pauses after `before` articles (DRAGOMAN_INGEST_PAUSE_AFTER) until the signal cancels it, so the signal
        // always arrives mid-batch, however fast or loaded the machine. Two write batches (2 x 128) are stored by then and
        // the ring of 256 finished documents is full behind the pause: a stop that handed those over to the writer (and
        // merged them) took minutes; intake must stop at the signal (no more than `before` read, where the ring's hand-over
        // read all 400).
        const int articles = 400, before = 300;
        for (int i = 0; i < articles; i++)
            File.WriteAllText(Path.Combine(folder, $"a{i:0000}.txt"), Article(i, paragraphs: 1));
        var db = Path.Combine(_dir, "i.db");
        using var p = Process.Start(Ingest(folder, db, pauseAfter: before))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        // the pause line means intake is under way, some articles are done, and the rest wait for the signal
        string? line;
        while ((line = p.StandardError.ReadLine()) is not null && !line.StartsWith("ingest: paused after ", StringComparison.Ordinal)) { }
        Assert.True(line is not null, $"{reason}: ingest ended before it paused");
        var stderr = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < times; k++)
            using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        // not a timing target: a bound that a stop which drains the ring or the batch in hand (minutes) cannot meet
        if (!p.WaitForExit(30_000)) { p.Kill(true); Assert.Fail($"{reason}: still running 30 s after the signal"); }
        clock.Stop();
        string output = await stdout, errors = await stderr;

        Assert.True(p.ExitCode == expectedCode, $"{reason}: exit code {p.ExitCode}; {output} {errors}");
        int stored = StoredArticles(db, reason);
        if (times == 1)
        {
            var summary = output.Split('\n').FirstOrDefault(l => l.StartsWith("ingest: interrupted after ", StringComparison.Ordinal));
            Assert.True(summary is not null, $"{reason}: no summary in: {output}");
            var m = System.Text.RegularExpressions.Regex.Match(summary, @"interrupted after (\d+) of (\d+) inputs; stored (\d+), duplicate (\d+), failed (\d+), not stored (\d+)");
            Assert.True(m.Success && int.Parse(m.Groups[2].Value) == articles, $"{reason}: {summary}");
            int N(int g) => int.Parse(m.Groups[g].Value);
            Assert.True(N(1) == before, $"{reason}: no article is handed to the writer after the signal ({summary})");
            Assert.True(N(3) >= 2 * 128 && N(3) + N(4) + N(5) + N(6) == N(1), $"{reason}: the batches written before the signal are kept and every article read is counted once ({summary})");
            Assert.True(stored == N(3), $"{reason}: the database holds {stored} articles, the summary says {summary}");
            Assert.Contains("run the same command again", output);
        }

        // the re-run stores the rest and finds the stored ones as duplicates
        using var again = Process.Start(Ingest(folder, db, pauseAfter: null))!;
        var rerun = again.StandardOutput.ReadToEndAsync();
        _ = again.StandardError.ReadToEndAsync();
        if (!again.WaitForExit(600_000)) { again.Kill(true); Assert.Fail($"{reason}: the re-run is still running after ten minutes"); }
        string rerunOutput = await rerun;
        Assert.True(again.ExitCode == 0, $"{reason}: re-run exit code {again.ExitCode}; {rerunOutput}");
        Assert.Contains($"read {articles}, stored {articles - stored}, duplicate {stored}, failed 0", rerunOutput);
        Assert.Equal(articles, StoredArticles(db, reason));
    }

    [SkippableTheory]
    [InlineData("TERM", 143, "SIGTERM: a command that keeps nothing (extract prints as it goes) ends at once with the shell's code")]
    [InlineData("INT", 130, "Ctrl+C: the same; before, the first signal cancelled a token extract does not handle, and it aborted (134) with a stack trace")]
    public void A_command_that_keeps_nothing_ends_at_the_first_signal(string signal, int expectedCode, string reason)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        Skip.If(signal == "INT" && IgnoredAtStart(2), "SIGINT is ignored in this test run (started as a background job): the child inherits it");
        var folder = Path.Combine(_dir, "x");
        Directory.CreateDirectory(folder);
        // enough articles that extract is still at work when the signal comes after its first document
        const int articles = 2000;
        for (int i = 0; i < articles; i++)
            File.WriteAllText(Path.Combine(folder, $"a{i:0000}.txt"), Article(i, paragraphs: 2));
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"), "extract", folder, "--format", "jsonl" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.StandardOutput.ReadLine() is not null, $"{reason}: extract wrote no document");
        using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var rest = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(30_000)) { p.Kill(true); Assert.Fail($"{reason}: still running 30 s after the signal"); }
        int documents = 1 + rest.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(p.ExitCode == expectedCode, $"{reason}: exit code {p.ExitCode} after {documents} of {articles} documents; {stderr.Result}");
        Assert.True(documents < articles, $"{reason}: extract ran to its end");
        Assert.DoesNotContain("stopping", stderr.Result);
    }

    private static ProcessStartInfo Ingest(string folder, string db, int? pauseAfter)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(db)! };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"));
        foreach (var a in new[] { "ingest", folder, "--db", db }) psi.ArgumentList.Add(a);
        if (pauseAfter is int n) psi.Environment["DRAGOMAN_INGEST_PAUSE_AFTER"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else psi.Environment.Remove("DRAGOMAN_INGEST_PAUSE_AFTER");
        return psi;
    }

    /// <summary>The number of articles stored, after checking that the store opens whole: integrity, no dangling row, every article with its text.</summary>
    private static int StoredArticles(string db, string reason)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False"); // read-write: a hot journal is rolled back on open
        connection.Open();
        string Scalar(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        Assert.True(Scalar("PRAGMA integrity_check") == "ok", $"{reason}: the store is damaged");
        Assert.True(Scalar("SELECT count(*) FROM pragma_foreign_key_check") == "0", $"{reason}: rows point at missing rows");
        Assert.True(Scalar("SELECT count(*) FROM articles WHERE text IS NULL OR length(text) = 0") == "0", $"{reason}: an article is stored without its text");
        return int.Parse(Scalar("SELECT count(*) FROM articles"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether this process inherited the signal as ignored (Linux: the SigIgn mask of /proc/self/status).</summary>
    private static bool IgnoredAtStart(int signal)
    {
        if (!File.Exists("/proc/self/status")) return false;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (signal - 1))) != 0;
    }

    /// <summary>A distinct article (its own number in every sentence, so no two share a hash) of the given length.</summary>
    private static string Article(int i, int paragraphs) =>
        $"Bridge {i} reopens\n\nEngineers said bridge number {i} reopened on Monday after the floods in Homs. " +
        string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(k =>
            string.Concat(Enumerable.Repeat($"Traders near bridge {i} said the road {k} to Aleppo was open again. ", 5))));
}
