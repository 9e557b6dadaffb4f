using System.Diagnostics;

namespace Dragoman.Tests.Cli;

/// <summary>Runs the CLI as a user does: a real process, output not a terminal.</summary>
public static class CliProcess
{
    public static (int Code, string Out, string Err) Run(string workingDir, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = workingDir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // a guard against a hang only: at load 40-60 a first ingest (resources, perhaps a gazetteer build) took minutes
        if (!p.WaitForExit(1_200_000)) { p.Kill(true); throw new TimeoutException("still running after 20 minutes: " + string.Join(' ', args)); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Runs the CLI with its standard output on <paramref name="stdoutPath"/> (a shell redirection, so the process
    /// writes to the file itself: /dev/full stands for a full disk). Returns the exit code and standard error.
    /// </summary>
    public static (int Code, string Err) RunWithStdoutAt(string workingDir, string stdoutPath, params string[] args)
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, WorkingDirectory = workingDir };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("out=$1; shift; exec dotnet \"$@\" > \"$out\"");
        psi.ArgumentList.Add("sh");
        psi.ArgumentList.Add(stdoutPath);
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(1_200_000)) { p.Kill(true); throw new TimeoutException("still running after 20 minutes: " + string.Join(' ', args)); }
        return (p.ExitCode, stderr.Result);
    }

    /// <summary>Two small articles and an empty file in <paramref name="dir"/>/in.</summary>
    public static string WriteCorpus(string dir)
    {
        var folder = Path.Combine(dir, "in");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "one.txt"), "Bridge reopens in the north\n\nEngineers said the bridge reopened on Monday after the floods.");
        File.WriteAllText(Path.Combine(folder, "two.txt"), "Market fire contained\n\nFirefighters contained a fire in the covered market on Friday, officials said.");
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "");
        return folder;
    }
}

/// <summary>The ingest command end to end, on a temporary database.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-cli-").FullName;
    private string Db => Path.Combine(_dir, "cli.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (int Code, string Out, string Err) Run(params string[] args) => CliProcess.Run(_dir, null, args);

    private (int Code, string Out, string Err) RunWithInput(string? stdin, params string[] args) => CliProcess.Run(_dir, stdin, args);

    private string Corpus() => CliProcess.WriteCorpus(_dir);

    [Fact]
    public void Ingest_reports_counts_and_failures_and_exits_non_zero_then_stores_nothing_twice()
    {
        var folder = Corpus();
        var first = Run("ingest", folder, "--db", Db);
        Assert.Equal(1, first.Code);
        Assert.Contains("read 3, stored 2, duplicate 0, failed 1", first.Out);
        Assert.Contains("empty.txt: empty input", first.Out);
        Assert.DoesNotContain("\u001b[", first.Out); // plain lines when not a terminal

        var second = Run("ingest", folder, "--db", Db);
        Assert.Contains("read 3, stored 0, duplicate 2, failed 1", second.Out);

        File.Delete(Path.Combine(folder, "empty.txt"));
        var third = Run("ingest", folder, Path.Combine(folder, "two.txt"), "--db", Db);
        Assert.Equal(0, third.Code);
        Assert.Contains("read 3, stored 0, duplicate 3, failed 0", third.Out);
    }

    [Fact]
    public void Ingest_reads_standard_input_given_as_a_dash()
    {
        var r = RunWithInput("Dam repaired\n\nEngineers finished repairs to the dam on Sunday.\n", "ingest", "-", "--db", Db);
        Assert.True(r.Code == 0, r.Out + r.Err);
        Assert.Contains("read 1, stored 1", r.Out);
        Assert.Contains("Dam repaired", Run("show", "a1", "--db", Db).Out);
    }

    [Fact]
    public void Bench_runs_read_pipeline_and_store_and_ends_with_one_json_line()
    {
        var folder = Corpus();
        File.Delete(Path.Combine(folder, "empty.txt"));
        var r = Run("bench", folder);
        Assert.True(r.Code == 0, r.Out + r.Err);
        var last = System.Text.Json.Nodes.JsonNode.Parse(r.Out.TrimEnd().Split('\n')[^1])!;
        Assert.Equal("bench", last["task"]!.GetValue<string>());
        Assert.Equal(2, last["articles"]!.GetValue<int>());
        Assert.Equal(2, last["stored"]!.GetValue<int>());
        Assert.True(last["tokens_per_s"]!.GetValue<double>() > 0);
    }

    [Theory]
    [InlineData("events", "a query command")]
    [InlineData("ingest", "ingest, which must not overwrite the file")]
    public void A_file_that_is_not_a_database_is_refused_and_left_alone(string command, string reason)
    {
        var path = Path.Combine(_dir, "notes.db");
        File.WriteAllText(path, "these are my notes, not a database\n");
        var r = command == "ingest" ? Run("ingest", Corpus(), "--db", path) : Run("events", "--db", path);
        Assert.True(r.Code != 0, reason);
        Assert.True(r.Err.Contains("cannot open database", StringComparison.Ordinal), $"{reason}: {r.Err}");
        Assert.Equal("these are my notes, not a database\n", File.ReadAllText(path));
    }

    [SkippableFact]
    public void Ingest_whose_summary_cannot_be_written_says_what_it_stored_and_keeps_it()
    {
        Skip.IfNot(File.Exists("/dev/full"), "needs /dev/full (Linux) to stand for a full disk");
        var folder = Corpus();
        File.Delete(Path.Combine(folder, "empty.txt"));
        var r = CliProcess.RunWithStdoutAt(_dir, "/dev/full", "ingest", folder, "--db", Db);
        Assert.True(r.Code == 1, $"a summary that cannot be written is a failed command: exit {r.Code}\n{r.Err}");
        Assert.Contains("stored 2", r.Err);
        Assert.Contains("the summary could not be written", r.Err);
        Assert.DoesNotContain("Unhandled exception", r.Err);
        Assert.Contains("read 2, stored 0, duplicate 2", Run("ingest", folder, "--db", Db).Out); // both were committed
    }

    [Fact]
    public void Query_commands_on_a_missing_database_say_so()
    {
        var r = Run("events", "--db", Path.Combine(_dir, "none.db"));
        Assert.NotEqual(0, r.Code);
        Assert.Contains("no database", r.Err);
        Assert.False(File.Exists(Path.Combine(_dir, "none.db")));
    }
}

/// <summary>A database with the small corpus ingested once, shared by the query-command cases.</summary>
public sealed class IngestedCorpus : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("dragoman-cliq-").FullName;
    public string Db => Path.Combine(Dir, "q.db");

    public IngestedCorpus()
    {
        var (code, stdout, stderr) = CliProcess.Run(Dir, null, "ingest", CliProcess.WriteCorpus(Dir), "--db", Db);
        // exit 1 is expected (the empty file fails); no database means the ingest itself failed
        if (!File.Exists(Db)) throw new InvalidOperationException($"the corpus was not ingested (exit {code}):\n{stdout}\n{stderr}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>events, show and search end to end on one ingested database.</summary>
public sealed class QueryCommandsTests(IngestedCorpus corpus) : IClassFixture<IngestedCorpus>
{
    [SkippableTheory]
    [InlineData("events", "the incident table")]
    [InlineData("events|--reports|--format|json", "per-article events as JSON")]
    [InlineData("show|a1|--text", "an article with its text")]
    [InlineData("search|market", "search results")]
    [InlineData("export|--format|acled-csv", "an export to standard output")]
    public void Query_commands_whose_output_cannot_be_written_fail_in_one_line(string args, string reason)
    {
        Skip.IfNot(File.Exists("/dev/full"), "needs /dev/full (Linux) to stand for a full disk");
        var r = CliProcess.RunWithStdoutAt(corpus.Dir, "/dev/full", [.. args.Split('|'), "--db", corpus.Db]);
        Assert.True(r.Code == 1, $"{reason}: exit {r.Code}\n{r.Err}");
        Assert.True(r.Err.StartsWith("dragoman: ", StringComparison.Ordinal) && r.Err.Contains("No space left on device", StringComparison.Ordinal), $"{reason}: {r.Err}");
        Assert.DoesNotContain("Unhandled exception", r.Err);
    }

    [Theory]
    [InlineData("search|market", 0, "Market fire contained", "a search finds the article and prints its title")]
    [InlineData("search|market AND", 1, "cannot search", "a bad FTS query is a clear error")]
    [InlineData("search|\"market", 0, "Market fire contained", "an unclosed quote is closed rather than refused")]
    [InlineData("search|covered-market", 0, "Market fire contained", "a hyphenated word FTS5 cannot read is searched as a phrase")]
    [InlineData("search|market|fire", 0, "Market fire contained", "several arguments are one query")]
    [InlineData("search|market|--format|json", 0, "\"matches\": [", "search as JSON, matches as offsets into the snippet")]
    [InlineData("show|a2|--format|json", 0, "\"title\": \"Market fire contained\"", "show an article as JSON (the API's object)")]
    [InlineData("events|--reports|--format|json", 0, "\"article\": \"a2\"", "per-article events as one JSON array")]
    [InlineData("remerge", 0, "incident", "re-merging every article says how many incidents it made")]
    [InlineData("show|i1|--format|json", 0, "\"reports\": [", "an incident as JSON (the API's object)")]
    [InlineData("events|--format|json", 0, "\"reported_by\": \"reported by 1 article, 1 outlet\"", "incidents (the default) as one JSON array")]
    [InlineData("events|--format|yaml", 1, "--format must be table, csv, json or jsonl", "an unknown format is refused")]
    [InlineData("export|--format|jsonl|--since|a1", 0, "\"article\":\"a2\"", "an incremental export has the events of articles stored after a1")]
    [InlineData("export|--format|jsonl|--since|a2", 0, "--since a2", "nothing newer: the cursor stays")]
    [InlineData("export|--format|jsonl|--since|yesterday", 1, "--since takes an article number", "a bad cursor is refused")]
    [InlineData("show|a1", 0, "Bridge reopens in the north", "show an article by number")]
    [InlineData("show|a1|--text", 0, "Engineers said the bridge", "show an article with its text")]
    [InlineData("show|a9", 1, "no article a9", "an article that is not there")]
    [InlineData("show|a1:ev1", 1, "has no event ev1", "an event that is not there")]
    [InlineData("events|--reports|--action|no-such-action", 0, "no events match", "a filter that matches nothing is said plainly")]
    [InlineData("events|--action|no-such-action", 0, "no incidents match", "likewise for incidents, with the way to the events")]
    [InlineData("events|--reports|--format|csv|--action|no-such-action", 0, "id,article,article_hash", "CSV has its header even when empty")]
    [InlineData("events|--format|csv|--action|no-such-action", 0, "id,date_from,date_to,date_precision", "the incident CSV too")]
    [InlineData("events|--from|2019-13-01", 1, "--from must be a date", "a bad date is refused")]
    [InlineData("events|--modality|rumoured", 1, "--modality must be one of", "an unknown modality is refused")]
    public void Query_commands_answer_or_say_why_not(string args, int code, string expected, string reason)
    {
        var r = CliProcess.Run(corpus.Dir, null, [.. args.Split('|'), "--db", corpus.Db]);
        var output = r.Out + r.Err;
        Assert.True(code == r.Code || (code != 0 && r.Code != 0), $"{reason}: exit {r.Code}\n{output}");
        Assert.True(output.Contains(expected, StringComparison.Ordinal), $"{reason}: '{expected}' not in\n{output}");
    }
}
