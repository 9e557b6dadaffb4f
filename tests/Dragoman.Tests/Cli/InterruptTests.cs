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

    [Theory]
    [InlineData("INT", 130, "Ctrl+C (SIGINT): the shell's code 128 + 2")]
    [InlineData("TERM", 143, "SIGTERM (a service manager stopping it): 128 + 15")]
    public async Task A_signal_during_ingest_stores_what_is_done_and_prints_the_summary(string signal, int expectedCode, string reason)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals only
        var folder = Path.Combine(_dir, "in");
        Directory.CreateDirectory(folder);
        // The first progress line comes at 10%: the first tenth are short articles, the rest long enough that the batch
        // cannot finish between that line and the signal even when the test process is starved of CPU (at load 40-60 the
        // spawn of `kill` alone took longer than 900 short articles).
        const int articles = 1000, shortOnes = articles / 10;
        for (int i = 0; i < articles; i++)
            File.WriteAllText(Path.Combine(folder, $"a{i:0000}.txt"), Article(i, paragraphs: i < shortOnes ? 1 : 40));
        var db = Path.Combine(_dir, "i.db");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"));
        foreach (var a in new[] { "ingest", folder, "--db", db }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        // the first progress line (10%) means intake is under way and some articles are done
        string? line;
        while ((line = p.StandardError.ReadLine()) is not null && !line.StartsWith("ingest: ", StringComparison.Ordinal)) { }
        Assert.True(line is not null, $"{reason}: ingest ended before any progress");
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
        Assert.True(int.Parse(m.Groups[1].Value) >= shortOnes, $"{reason}: the articles done before the signal are counted ({summary})");
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM articles";
        Assert.True(Convert.ToInt32(count.ExecuteScalar()) == int.Parse(m.Groups[3].Value), $"{reason}: the database holds another number of articles than the summary says ({summary})");
    }

    /// <summary>A distinct article (its own number in every sentence, so no two share a hash) of the given length.</summary>
    private static string Article(int i, int paragraphs) =>
        $"Bridge {i} reopens\n\nEngineers said bridge number {i} reopened on Monday after the floods in Homs. " +
        string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(k =>
            string.Concat(Enumerable.Repeat($"Traders near bridge {i} said the road {k} to Aleppo was open again. ", 5))));
}
