using Dragoman.Cli.Commands;

namespace Dragoman.Tests.Cli;

/// <summary>
/// One database with an article whose text carries escape sequences, ingested once for all the output cases (an ingest
/// per case tripled the work and, at load 40-60, ran into the hang guard).
/// </summary>
public sealed class IngestedEscapes : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("dragoman-term-").FullName;
    public string Db => Path.Combine(Dir, "t.db");

    public IngestedEscapes()
    {
        var file = Path.Combine(Dir, "evil.txt");
        File.WriteAllText(file, "Gunmen kill 7 in Homs\u001b]0;owned\u0007\n\nGunmen\u001b[2J killed 7 people in Homs\u001b[31m on Monday, officials said.");
        var (code, stdout, stderr) = CliProcess.Run(Dir, null, "ingest", file, "--db", Db);
        if (code != 0) throw new InvalidOperationException($"the article with escape sequences was not ingested (exit {code}):\n{stdout}\n{stderr}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Control characters from article text are made visible before they reach a terminal.</summary>
public sealed class TerminalTextTests(IngestedEscapes stored) : IClassFixture<IngestedEscapes>
{
    [Theory]
    [InlineData("plain text", true, "plain text", "text without controls is unchanged")]
    [InlineData("a\u001b[2Jb", true, "a\\u001b[2Jb", "an escape sequence that would clear the screen is shown, not obeyed")]
    [InlineData("line\nnext\ttab", true, "line\nnext\ttab", "line breaks and tabs stay where text keeps its lines")]
    [InlineData("line\nnext", false, "line\\u000anext", "in a one-line field a line break is shown")]
    [InlineData("bell\u0007 del\u007f c1\u009b", true, "bell\\u0007 del\\u007f c1\\u009b", "BEL, DEL and the C1 control sequence introducer")]
    [InlineData("حلب 2019", true, "حلب 2019", "Arabic letters are not controls")]
    public void Controls_are_escaped_and_the_rest_kept(string text, bool keepLineBreaks, string expected, string reason) =>
        Assert.True(TerminalText.Clean(text, keepLineBreaks) == expected, reason);

    [Theory]
    [InlineData("show|a1|--text", "the article view with its whole text")]
    [InlineData("search|Homs", "search snippets")]
    [InlineData("events", "the events list")]
    public void Stored_text_with_escape_sequences_reaches_the_output_escaped(string args, string reason)
    {
        var r = CliProcess.Run(stored.Dir, null, [.. args.Split('|'), "--db", stored.Db]);
        Assert.True(r.Code == 0, $"{reason}: {r.Out}{r.Err}");
        Assert.True(!r.Out.Contains('\u001b') && !r.Out.Contains('\u0007'), $"{reason}: raw control characters in: {r.Out}");
    }
}
