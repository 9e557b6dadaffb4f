using Dragoman.Documents;
using Dragoman.Ingest;

namespace Dragoman.Tests.Ingest;

/// <summary>Input expansion (folders, globs, stdin), content sniffing and JSON Lines records.</summary>
public class ReaderTests
{
    private static string Story(string place) => $"Clashes near {place}\n\nFighters clashed near {place} on Monday, residents said.\n";

    [Theory]
    [InlineData("*.txt", "a.txt|b.txt", "a star matches within the folder only")]
    [InlineData("**/*.txt", "a.txt|b.txt|sub/c.txt|sub/deeper/d.txt", "double star crosses folders, including none")]
    [InlineData("sub/*.txt", "sub/c.txt", "folder part before the wildcard is where the search starts")]
    [InlineData("?.html", "e.html", "question mark is one character")]
    [InlineData("[ab].txt", "a.txt|b.txt", "character class")]
    [InlineData("", "a.txt|b.txt|e.html|sub/c.txt|sub/deeper/d.txt", "a folder is read recursively; README and hidden files are skipped")]
    public void Expands_globs_and_folders(string pattern, string expected, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        dir.File("a.txt", Story("Homs"));
        dir.File("b.txt", Story("Hama"));
        dir.File("e.html", "<html><body><h1>Clashes near Raqqa</h1><p>Fighters clashed near Raqqa on Monday, residents said.</p></body></html>");
        dir.File("sub/c.txt", Story("Idlib"));
        dir.File("sub/deeper/d.txt", Story("Afrin"));
        dir.File("README.md", "# About this folder\n\nNot an article.\n");
        dir.File(".hidden.txt", Story("Manbij"));
        var input = pattern.Length == 0 ? dir.Path : Path.Combine(dir.Path, pattern);
        var got = InputSources.Expand([input]).Select(i => Path.GetRelativePath(dir.Path, i.Input).Replace('\\', '/')).ToList();
        Assert.True(string.Join("|", got) == expected, $"{reason}: got {string.Join("|", got)}");
    }

    [Theory]
    [InlineData("page.txt", "<!DOCTYPE html><html><body><h1>Raid in Douma</h1><p>Security forces raided homes in Douma on Friday, residents said.</p></body></html>", "Raid in Douma", "HTML in a .txt file is read as HTML (by content)")]
    [InlineData("noext", "<p>Security forces raided homes in Douma on Friday, residents said.</p><p>Several men were taken away.</p>", null, "an HTML fragment without extension or <html>")]
    [InlineData("story.html", "Raid in Douma\n\nSecurity forces raided homes in Douma on Friday, residents said.\n", "Raid in Douma", "plain text in a .html file is read as text")]
    [InlineData("feed.txt", "{\"title\":\"Raid in Douma\",\"text\":\"Security forces raided homes in Douma on Friday, residents said.\"}\n", "Raid in Douma", "JSON Lines in a .txt file is split by content")]
    public void Sniffs_content_beyond_the_extension(string name, string content, string? title, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(name, content);
        var outcome = IngestHarness.ReadAll([path]).Single();
        Assert.True(outcome.Article is not null, $"{reason}: {outcome.Error}");
        Assert.True(outcome.Article!.Title == title, $"{reason}: title '{outcome.Article.Title}'");
        Assert.DoesNotContain("<", outcome.Article.Text);
        Assert.StartsWith("Security forces raided", outcome.Article.Lede);
    }

    [Theory]
    [InlineData("-", "a lone dash")]
    [InlineData(InputSources.StdinToken, "the token the CLI turns a dash into")]
    public void Reads_standard_input_named_stdin(string arg, string reason)
    {
        Assert.Equal([InputSources.StdinToken, "a.txt"], InputSources.ProtectStdinArgument(["-", "a.txt"]));
        var outcome = IngestHarness.ReadAll([arg], new StringReader(Story("Tartus"))).Single();
        Assert.True(outcome.Article is not null, reason);
        Assert.Equal("stdin", outcome.Input);
        Assert.Equal("Clashes near Tartus", outcome.Article!.Title);
    }

    [Theory]
    [InlineData("{\"url\":\"https://example.org/1\",\"title\":\"Hint title\",\"published\":\"2020-07-08\",\"source\":\"Example Monitor\",\"text\":\"Fighters clashed near Afrin on Tuesday, residents said.\"}", "Hint title|2020-07-08|input metadata (published)|Example Monitor|https://example.org/1", "all record fields become article metadata")]
    [InlineData("{\"title\":\"Html record\",\"html\":\"<p>Fighters clashed near Afrin on Tuesday.</p>\",\"text\":\"ignored\"}", "Html record||||", "html preferred over text; uri falls back to file:line")]
    [InlineData("{\"text\":\"Clash in Afrin\\n\\nFighters clashed near Afrin on Tuesday, residents said.\",\"published\":\"Tue, 07 Jul 2020 10:00:00 GMT\"}", "Clash in Afrin|2020-07-07|input metadata (published)||", "no title field: first line; RFC 1123 date")]
    public void Json_lines_records_carry_their_metadata(string line, string expected, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var path = dir.File("batch.jsonl", line + "\n");
        var outcome = IngestHarness.ReadAll([path]).Single();
        var a = outcome.Article!;
        Assert.True(a is not null, outcome.Error);
        var got = $"{a.Title}|{a.Published?.ToString("yyyy-MM-dd")}|{a.PublishedSource}|{a.Publisher}|{(a.Uri.StartsWith("http", StringComparison.Ordinal) ? a.Uri : "")}";
        Assert.True(got == expected, $"{reason}: got {got}");
        Assert.EndsWith("batch.jsonl:1", outcome.Input);
    }

    [Fact]
    public void Samples_folder_reads_every_article()
    {
        var outcomes = IngestHarness.ReadAll([IngestHarness.Samples]);
        Assert.All(outcomes, o => Assert.True(o.Article is not null, $"{o.Input}: {o.Error}"));
        Assert.Equal(9, outcomes.Count); // five files plus four JSON Lines records; README skipped
        Assert.All(outcomes, o => Assert.InRange(o.Article!.Text.Split(' ').Length, 40, 450));
    }

    [Fact]
    public void Hints_title_is_not_repeated_from_the_body()
    {
        var a = IngestHarness.FromBytes("Clash in Afrin\n\nFighters clashed near Afrin on Tuesday, residents said."u8.ToArray(), ContentTypes.Text, new ArticleHints(Title: "Clash in Afrin"));
        Assert.Equal("Clash in Afrin\n\nFighters clashed near Afrin on Tuesday, residents said.", a.Text);
    }
}

public class ConcurrencyTests
{
    [Fact]
    public void Reading_in_parallel_gives_the_same_articles_as_in_sequence()
    {
        var items = InputSources.Expand([IngestHarness.Samples, IngestHarness.Fixtures]).SelectMany(ArticleInputs.Split).ToList();
        var sequential = items.Select(i => ArticleReader.Read(i.Raw!).Value!.ContentHash).ToList();
        for (int round = 0; round < 3; round++)
        {
            var parallel = items.AsParallel().AsOrdered().WithDegreeOfParallelism(8).Select(i => ArticleReader.Read(i.Raw!).Value!.ContentHash).ToList();
            Assert.Equal(sequential, parallel);
        }
    }
}

/// <summary>A <c>published</c> value from the input's metadata: used when it is a date, else set aside with a warning naming it.</summary>
public class PublishedHintTests
{
    [Theory]
    [InlineData("2026-11-30", "2026-11-30", null, "an ISO date is the publication date")]
    [InlineData("Mon, 30 Nov 2026 10:00:00 GMT", "2026-11-30", null, "an RFC 1123 date (feeds) is read")]
    [InlineData("not-a-date", null, "published value 'not-a-date' is not a date", "words are set aside and named")]
    [InlineData("2026-13-45", null, "published value '2026-13-45' is not a date", "a month 13 is no date")]
    [InlineData("   ", null, null, "a blank value is no value: nothing to warn about")]
    public void An_invalid_published_value_is_named_in_a_warning_and_the_article_kept(string published, string? date, string? warning, string reason)
    {
        var a = IngestHarness.FromBytes(System.Text.Encoding.UTF8.GetBytes("Market fire contained\n\nFirefighters contained a fire in Homs, officials said."),
            Dragoman.Ingest.ContentTypes.Text, new Dragoman.Documents.ArticleHints(Published: published));
        Assert.True(a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == date, $"{reason}: published {a.Published}");
        if (warning is null) Assert.True(a.Warnings.Count == 0, $"{reason}: {string.Join("; ", a.Warnings)}");
        else Assert.True(a.Warnings.Any(w => w.StartsWith(warning, StringComparison.Ordinal)), $"{reason}: {string.Join("; ", a.Warnings)}");
    }
}
