using System.Diagnostics;
using System.Text;

namespace Dragoman.Tests.Ingest;

/// <summary>
/// Bad inputs next to a good one: each bad input yields a clear message naming it, and the good input still comes through.
/// Tests run as root here, so chmod 000 would not stop reading: unreadability is simulated with a dangling symlink
/// (a directory entry whose target is gone) and a FIFO (never opened, so it cannot hang the batch).
/// </summary>
public class BadInputTests
{
    private const string Good = "Militia withdraws from checkpoint\n\nA militia withdrew from a checkpoint near Qamishli on Sunday, residents said.\n";

    [Theory]
    [InlineData("empty", "empty input (0 bytes)", "a 0-byte file")]
    [InlineData("whitespace", "empty input (only whitespace)", "blank lines only")]
    [InlineData("binary-png", "binary file (PNG image)", "an image renamed .txt")]
    [InlineData("binary-nul", "NUL bytes", "random bytes with NULs")]
    [InlineData("html-no-body", "no article text found in this HTML page: only a title", "a head and no body")]
    [InlineData("html-empty-body", "no article text found in this HTML page", "a body with only scripts and an empty div")]
    [InlineData("missing", "no such file or folder", "a path that does not exist")]
    [InlineData("dangling-link", "broken symbolic link", "a symlink whose target is gone (unreadable)")]
    [InlineData("folder-dangling-link", "broken symbolic link", "an unreadable file inside a folder")]
    [InlineData("fifo", "a named pipe (FIFO)", "a FIFO in a folder is not opened (it would block) and is named as a FIFO")]
    [InlineData("glob-no-match", "no files match this pattern", "a glob matching nothing")]
    [InlineData("jsonl-broken-line", "line 2 is not valid JSON", "one broken line in a JSON Lines batch")]
    [InlineData("jsonl-no-text", "line 1 has no non-empty \"text\" or \"html\" field", "a JSON line without content")]
    public void Bad_input_is_named_and_the_batch_goes_on(string kind, string message, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var good = dir.File("good.txt", Good);
        string bad = Path.Combine(dir.Path, "bad-" + kind);
        switch (kind)
        {
            case "empty": bad = dir.File("empty.txt", ""); break;
            case "whitespace": bad = dir.File("blank.txt", "\n\n   \n\t\n"); break;
            case "binary-png": bad = dir.File("photo.txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3]); break;
            case "binary-nul":
                var rnd = new Random(7); var bytes = new byte[4096]; rnd.NextBytes(bytes); bytes[10] = 0; bytes[0] = (byte)'A';
                bad = dir.File("blob.dat", bytes); break;
            case "html-no-body": bad = dir.File("head.html", "<html><head><title>Only a title</title></head></html>"); break;
            case "html-empty-body": bad = dir.File("shell.html", "<html><body><script>var x = 1;</script><div id=\"root\"></div></body></html>"); break;
            case "missing": bad = Path.Combine(dir.Path, "nothing-here.txt"); break;
            case "dangling-link": bad = Path.Combine(dir.Path, "link.txt"); File.CreateSymbolicLink(bad, Path.Combine(dir.Path, "gone.txt")); break;
            case "folder-dangling-link":
                dir.File("sub/ok.txt", Good.Replace("Qamishli", "Amuda"));
                File.CreateSymbolicLink(Path.Combine(dir.Path, "sub", "lost.txt"), Path.Combine(dir.Path, "gone.txt"));
                bad = Path.Combine(dir.Path, "sub");
                break;
            case "fifo":
                Directory.CreateDirectory(Path.Combine(dir.Path, "pipes"));
                using (var p = Process.Start("mkfifo", Path.Combine(dir.Path, "pipes", "pipe.txt"))) p.WaitForExit();
                bad = Path.Combine(dir.Path, "pipes");
                break;
            case "glob-no-match": bad = Path.Combine(dir.Path, "*.nothing"); break;
            case "jsonl-broken-line":
                bad = dir.File("feed.jsonl", "{\"title\":\"One\",\"text\":\"Rebels shelled a village near Hama on Monday, residents said.\"}\n{\"title\":\"Two\",\"text\":\"unterminated\n{\"title\":\"Three\",\"text\":\"Police arrested two men in Salamiyah on Tuesday, officials said.\"}\n");
                break;
            case "jsonl-no-text": bad = dir.File("feed2.jsonl", "{\"title\":\"No body\",\"url\":\"https://example.org/x\"}\n"); break;
        }
        var outcomes = IngestHarness.ReadAll([bad, good]);
        var failures = outcomes.Where(o => o.Article is null).ToList();
        Assert.True(failures.Count >= 1, $"{reason}: no failure reported");
        var failure = failures.First();
        Assert.True(failure.Error!.Contains(message, StringComparison.Ordinal), $"{reason}: message was '{failure.Error}'");
        var badName = Path.GetFileName(bad.TrimEnd('/'));
        Assert.True(failure.Input.Contains(kind == "folder-dangling-link" ? "lost.txt" : kind == "fifo" ? "pipe.txt" : badName, StringComparison.Ordinal), $"{reason}: failure names '{failure.Input}'");
        Assert.Contains(outcomes, o => o.Article is not null && o.Input.EndsWith("good.txt", StringComparison.Ordinal));
        if (kind == "jsonl-broken-line")
        {
            Assert.EndsWith("feed.jsonl:2", failure.Input);
            Assert.Equal(["One", "Three"], outcomes.Where(o => o.Input.Contains("feed.jsonl") && o.Article is not null).Select(o => o.Article!.Title));
        }
        if (kind == "folder-dangling-link") Assert.Contains(outcomes, o => o.Article is not null && o.Input.EndsWith("ok.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_utf8_is_read_with_windows_1252_for_the_bad_bytes()
    {
        using var dir = new IngestHarness.TempDir();
        var bytes = Encoding.GetEncoding("windows-1252", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback) is { } e1252
            ? e1252.GetBytes("Caf\u00e9 reopens in Homs\n\nThe caf\u00e9\u2019s owner said \u201cwe are back\u201d on Monday, residents said.\n")
            : [];
        var path = dir.File("cp1252.txt", bytes);
        var a = IngestHarness.ReadAll([path]).Single().Article!;
        Assert.Equal("Caf\u00e9 reopens in Homs", a.Title);
        Assert.Contains("caf\u00e9\u2019s owner said \u201cwe are back\u201d", a.Text);
    }

    [Fact]
    public void A_50_MB_html_page_is_cut_at_the_parse_limit_and_says_so()
    {
        using var dir = new IngestHarness.TempDir();
        var path = Path.Combine(dir.Path, "huge.html");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write("<html><head><title>Huge page</title></head><body><article><h1>Shelling reported in Jisr al-Shughur</h1>");
            w.Write("<p>Shelling hit the outskirts of Jisr al-Shughur on Friday, residents said.</p>");
            var filler = "<div class=\"x\"><span>" + new string('z', 400) + "</span></div>\n";
            long written = 0;
            while (written < 50L * 1024 * 1024) { w.Write(filler); written += filler.Length; }
            w.Write("</article></body></html>");
        }
        Assert.True(new FileInfo(path).Length >= 50L * 1024 * 1024);
        var outcome = IngestHarness.ReadAll([path]).Single();
        Assert.True(outcome.Article is not null, outcome.Error);
        var a = outcome.Article!;
        Assert.Equal("Shelling reported in Jisr al-Shughur", a.Title);
        Assert.StartsWith("Shelling hit the outskirts", a.Lede);
        Assert.Contains(a.Dropped, d => d.Reason.StartsWith("input truncated: only the first 8 MiB of 50", StringComparison.Ordinal));
        Assert.True(a.Text.Length <= Dragoman.Ingest.Html.HtmlReader.MaxTextChars + 10_000, "clean text is capped");
    }
}

public class HostileMarkupTests
{
    [Theory]
    [InlineData("nested-divs", "100,000 nested <div>s")]
    [InlineData("nested-spans", "100,000 nested inline elements inside one paragraph")]
    [InlineData("unclosed", "tags never closed and stray end tags")]
    [InlineData("jsonld-garbage", "JSON-LD that is not JSON, nested too deep, and of the wrong shape")]
    [InlineData("script-only-text", "text only inside <script> and <style>")]
    public void Never_throws_and_keeps_the_visible_paragraph(string kind, string reason)
    {
        const string para = "<p>Rebels shelled the outskirts of Suran on Sunday, residents said.</p>";
        var html = kind switch
        {
            "nested-divs" => "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + para + "</body></html>",
            "nested-spans" => "<html><body><p>Rebels shelled the outskirts of Suran on Sunday, residents said." + string.Concat(Enumerable.Repeat("<span>", 100_000)) + "x</p></body></html>",
            "unclosed" => "<html><body><div><p>Rebels shelled the outskirts of Suran on Sunday, residents said.<div></span></td><p>More text here.</html></body>",
            "jsonld-garbage" => "<html><head><script type=\"application/ld+json\">{not json</script><script type=\"application/ld+json\">" + new string('[', 5000) + "</script><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":{\"x\":1},\"headline\":[1,2],\"publisher\":42,\"keywords\":{\"a\":1}}</script></head><body>" + para + "</body></html>",
            "script-only-text" => "<html><body><script>document.write('Rebels shelled the outskirts of Suran on Sunday.')</script><style>p{}</style>" + para + "</body></html>",
            _ => throw new ArgumentException(kind),
        };
        var r = Dragoman.Ingest.ArticleReader.Read(new Dragoman.Documents.RawDocument("test:" + kind, System.Text.Encoding.UTF8.GetBytes(html), Dragoman.Ingest.ContentTypes.Html));
        Assert.True(r.IsOk, $"{reason}: {r.Error}");
        Assert.Contains("Rebels shelled the outskirts of Suran on Sunday", r.Value!.Text);
        Assert.DoesNotContain("document.write", r.Value.Text);
        if (kind.StartsWith("nested", StringComparison.Ordinal))
            Assert.Contains(r.Value.Dropped, d => d.Reason.StartsWith("markup nested deeper than", StringComparison.Ordinal));
    }
}
