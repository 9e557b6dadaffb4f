using System.Text;
using Dragoman.Ingest;
using Dragoman.Ingest.Warc;

namespace Dragoman.Tests.Ingest.Containers;

/// <summary>WARC files written by the tests: one article per HTML/text response or resource record, named by its offset.</summary>
public class WarcTests
{
    private static readonly string A = TestWarcWriter.Page("Convoy reaches Idlib", "An aid convoy reached Idlib on Sunday after a two-day delay, the agency said.");
    private static readonly string B = TestWarcWriter.Page("Market reopens in Raqqa", "The central market in Raqqa reopened on Monday, traders said.");

    private static TestWarcWriter Sample(bool gzip) => new TestWarcWriter(gzip)
        .Record("warcinfo", "", "application/warc-fields", "software: test\r\n"u8.ToArray())
        .Request("https://news.example/a")
        .Response("https://news.example/a", A)
        .Response("https://news.example/moved", "<html><body>moved</body></html>", status: 301)
        .Response("https://news.example/logo.png", "PNGDATA", contentType: "image/png")
        .Resource("https://news.example/b.txt", "Market reopens in Raqqa\n\nThe central market in Raqqa reopened on Monday, traders said.\n", "text/plain");

    [Theory]
    [InlineData(false, "plain WARC: offsets are file offsets")]
    [InlineData(true, "one gzip member per record (CC-NEWS): offsets are the members' compressed offsets, as in CDX")]
    public void Html_and_text_records_are_articles_named_by_their_offset(bool gzip, string reason)
    {
        var writer = Sample(gzip);
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(gzip ? "crawl.warc.gz" : "crawl.warc", writer.ToArray());
        var outcomes = IngestHarness.ReadAll([path]);
        Assert.True(outcomes.All(o => o.Article is not null), $"{reason}: {string.Join("; ", outcomes.Select(o => o.Error))}");
        Assert.Equal(["https://news.example/a", "https://news.example/b.txt"], outcomes.Select(o => o.Article!.Uri));
        Assert.Equal([$"{path}@{writer.Offsets[2]}", $"{path}@{writer.Offsets[5]}"], outcomes.Select(o => o.Input));
        Assert.Equal(["Convoy reaches Idlib", "Market reopens in Raqqa"], outcomes.Select(o => o.Article!.Title));
    }

    [Fact]
    public void The_http_charset_wins_over_the_page_declaration()
    {
        var page = "<html><head><meta charset=\"utf-8\"><title>Café reopens</title></head><body><article><h1>Café reopens</h1><p>The café on the corner in Homs reopened on Friday, its owner said.</p></article></body></html>";
        var warc = new TestWarcWriter(false).Response("https://news.example/c", page, "text/html; charset=windows-1252", encoding: Encoding.Latin1).ToArray();
        using var dir = new IngestHarness.TempDir();
        var a = Assert.Single(IngestHarness.ReadAll([dir.File("c.warc", warc)])).Article!;
        Assert.Equal("Café reopens", a.Title);
        Assert.Contains("The café on the corner", a.Text);
    }

    [Theory]
    [InlineData("short-length", false, "Content-Length", "a record whose Content-Length is too long for its block: one failure, the others read")]
    [InlineData("garbage", false, "no WARC record at offset", "bytes that are not a record between two records")]
    [InlineData("corrupt-member", true, "corrupt gzip data", "a gzip member with damaged deflate data in the middle")]
    [InlineData("bad-http", false, "not an HTTP status line", "a response record whose block is not an HTTP response")]
    public void A_broken_record_in_the_middle_is_one_failure(string kind, bool gzip, string message, string reason)
    {
        var w = new TestWarcWriter(gzip).Response("https://news.example/a", A);
        switch (kind)
        {
            case "short-length": w.Record("response", "https://news.example/x", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"u8.ToArray(), lengthDelta: 40); break;
            case "garbage": w.Raw("this is not a WARC record\r\n\r\n"u8.ToArray()); break;
            case "corrupt-member": w.Response("https://news.example/x", TestWarcWriter.Page("Broken", "This record will be damaged in the middle of its deflate data.")); break;
            case "bad-http": w.Record("response", "https://news.example/x", "application/http; msgtype=response", "<html>no status line</html>\r\n\r\n"u8.ToArray()); break;
        }
        w.Response("https://news.example/b", B);
        var bytes = w.ToArray();
        if (kind == "corrupt-member")
        {
            int start = (int)w.Offsets[1] + 12, end = (int)w.Offsets[2] - 12;
            for (int i = start; i < end; i += 3) bytes[i] ^= 0x5A;
        }
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(gzip ? "broken.warc.gz" : "broken.warc", bytes);
        var outcomes = IngestHarness.ReadAll([path]);
        Assert.Equal(["https://news.example/a", "https://news.example/b"], outcomes.Where(o => o.Article is not null).Select(o => o.Article!.Uri));
        var failure = Assert.Single(outcomes, o => o.Article is null);
        Assert.True(failure.Error!.Contains(message, StringComparison.Ordinal), $"{reason}: '{failure.Error}'");
        Assert.Equal($"{path}@{w.Offsets[1]}", failure.Input);
    }

    [Theory]
    [InlineData(0.5, "cut in the middle of the last member")]
    [InlineData(0.97, "cut inside the last member's trailer")]
    public void A_truncated_warc_gz_keeps_the_whole_records(double keep, string reason)
    {
        var w = new TestWarcWriter(true).Response("https://news.example/a", A).Response("https://news.example/b", B);
        var bytes = w.ToArray();
        int cut = (int)(w.Offsets[1] + (bytes.Length - w.Offsets[1]) * keep);
        var outcomes = WarcInputs.Split(new InputItem("t.warc.gz", new Dragoman.Documents.RawDocument("t.warc.gz", bytes[..cut], ContentTypes.Text), null)).ToList();
        Assert.Equal("https://news.example/a", Assert.Single(outcomes, o => o.Raw is not null).Raw!.Uri);
        var failure = Assert.Single(outcomes, o => o.Raw is null);
        Assert.True(failure.Error!.Contains("gzip member at offset", StringComparison.Ordinal), $"{reason}: {failure.Error}");
    }

    [Fact]
    public void A_warc_without_article_records_says_so()
    {
        var warc = new TestWarcWriter(false).Request("https://news.example/a").Response("https://news.example/i.png", "x", contentType: "image/png").ToArray();
        using var dir = new IngestHarness.TempDir();
        var o = Assert.Single(IngestHarness.ReadAll([dir.File("empty.warc", warc)]));
        Assert.Contains("no HTML or text response/resource records (2 records)", o.Error);
    }
}
