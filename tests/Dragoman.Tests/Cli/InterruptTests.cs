using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Dragoman.Tests.Cli;

/// <summary>
/// SIGINT and SIGTERM during ingest, sent to a real child process: intake stops, what is done is stored, the summary
/// is printed and the exit code is the shell's for the signal.
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-interrupt-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [SkippableTheory]
    [InlineData("INT", 130, "Ctrl+C (SIGINT): the shell's code 128 + 2")]
    [InlineData("TERM", 143, "SIGTERM (a service manager stopping it): 128 + 15")]
    public async Task A_signal_during_ingest_stores_what_is_done_and_prints_the_summary(string signal, int expectedCode, string reason)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals only
        // A job a non-interactive shell starts in the background (`cmd &`) inherits SIGINT ignored, and so does every
        // child: the runtime keeps an inherited ignore, as a shell's background job should, so no SIGINT can reach it.
        Skip.If(signal == "INT" && IgnoredAtStart(2), "SIGINT is ignored in this test run (started as a background job): the child inherits it");
        var folder = Path.Combine(_dir, "in");
        Directory.CreateDirectory(folder);
        // Intake pauses after the first tenth (DRAGOMAN_INGEST_PAUSE_AFTER) until the signal cancels it, so the signal
        // always arrives mid-batch, however fast or loaded the machine (a fast run could once finish before `kill`
        // was spawned). At most the in-flight window (256 articles) is finished beyond the pause, far short of the batch.
        const int articles = 1000, before = articles / 10;
        for (int i = 0; i < articles; i++)
            File.WriteAllText(Path.Combine(folder, $"a{i:0000}.txt"), Article(i, paragraphs: 1));
        var db = Path.Combine(_dir, "i.db");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"));
        foreach (var a in new[] { "ingest", folder, "--db", db }) psi.ArgumentList.Add(a);
        psi.Environment["DRAGOMAN_INGEST_PAUSE_AFTER"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        // the pause line means intake is under way, some articles are done, and the rest wait for the signal
        string? line;
        while ((line = p.StandardError.ReadLine()) is not null && !line.StartsWith("ingest: paused after ", StringComparison.Ordinal)) { }
        Assert.True(line is not null, $"{reason}: ingest ended before it paused");
        using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var stderr = p.StandardError.ReadToEndAsync();
        // only a guard against a hang: the articles in hand finish first, which takes long on a loaded machine
        if (!p.WaitForExit(600_000)) { p.Kill(true); Assert.Fail($"{reason}: still running ten minutes after the signal"); }
        string output = await stdout, errors = await stderr;

        Assert.True(p.ExitCode == expectedCode, $"{reason}: exit code {p.ExitCode}; {output} {errors}");
        var summary = output.Split('\n').FirstOrDefault(l => l.StartsWith("ingest: cancelled after ", StringComparison.Ordinal));
        Assert.True(summary is not null, $"{reason}: no summary in: {output}");
        var m = System.Text.RegularExpressions.Regex.Match(summary, @"cancelled after (\d+) of (\d+) inputs; stored (\d+)");
        Assert.True(m.Success && int.Parse(m.Groups[2].Value) == articles && int.Parse(m.Groups[1].Value) < articles, $"{reason}: {summary}");
        Assert.True(int.Parse(m.Groups[1].Value) >= before, $"{reason}: the articles done before the signal are counted ({summary})");
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM articles";
        Assert.True(Convert.ToInt32(count.ExecuteScalar()) == int.Parse(m.Groups[3].Value), $"{reason}: the database holds another number of articles than the summary says ({summary})");
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
