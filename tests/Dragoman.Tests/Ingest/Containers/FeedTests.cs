using System.Text;
using Dragoman.Ingest.Feeds;

namespace Dragoman.Tests.Ingest.Containers;

/// <summary>Feeds (RSS 2.0, RSS 1.0/RDF, Atom) give one article per item with its title, link, date and the channel as publisher.</summary>
public class FeedTests
{
    private const string P1 = "Rebels shelled a village near Hama on Monday, residents said, and two people were wounded.";
    private const string P2 = "Police arrested two men in Salamiyah on Tuesday after a raid on a depot, officials said.";

    private static readonly string Rss2 = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Valley Courier</title><link>https://courier.example/</link><ttl>15</ttl>
            <item>
              <title>Village shelled near Hama</title><link>https://courier.example/a/1</link>
              <guid isPermaLink="true">https://courier.example/a/1</guid>
              <pubDate>Mon, 30 Nov 2026 08:15:00 +0200</pubDate>
              <description>Short summary that content replaces.</description>
              <content:encoded><![CDATA[<p>{P1}</p><p>Aid workers reached the village later that day.</p>]]></content:encoded>
            </item>
            <item>
              <title>Two arrested in Salamiyah</title><link>https://courier.example/a/2</link>
              <dc:date>2026-12-01T09:00:00Z</dc:date>
              <description>{P2}</description>
            </item>
          </channel>
        </rss>
        """;

    private static readonly string Rdf = $"""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
          <channel rdf:about="https://plain.example/"><title>Plain Wire</title><link>https://plain.example/</link>
            <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel>
          <item rdf:about="https://plain.example/x"><title>Village shelled near Hama</title><link>https://plain.example/x</link>
            <dc:date>2026-11-30</dc:date><description>{P1}</description></item>
        </rdf:RDF>
        """;

    private static readonly string Atom = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Atom Desk</title><link href="https://atom.example/"/>
          <entry>
            <title type="html">Village &lt;em&gt;shelled&lt;/em&gt; near Hama</title>
            <link rel="alternate" href="https://atom.example/e/1"/><link rel="enclosure" href="https://atom.example/e/1.jpg"/>
            <id>tag:atom.example,2026:1</id><updated>2026-12-02T06:00:00Z</updated><published>2026-11-29T22:30:00-05:00</published>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{P1}</p></div></content>
          </entry>
          <entry>
            <title>Two arrested in Salamiyah</title><link href="https://atom.example/e/2"/><id>tag:atom.example,2026:2</id>
            <updated>2026-12-01T09:00:00Z</updated><summary type="text">{P2}</summary>
          </entry>
        </feed>
        """;

    public static TheoryData<string, string, string[], string[], string[], string> Golden => new()
    {
        { "feed.rss", Rss2, ["Village shelled near Hama", "Two arrested in Salamiyah"], ["https://courier.example/a/1", "https://courier.example/a/2"], ["2026-11-30", "2026-12-01"], "RSS 2.0: content:encoded wins over description; pubDate in its own zone; dc:date" },
        { "feed.rdf", Rdf, ["Village shelled near Hama"], ["https://plain.example/x"], ["2026-11-30"], "RSS 1.0 (RDF): items beside the channel, default namespace" },
        { "feed.atom", Atom, ["Village shelled near Hama", "Two arrested in Salamiyah"], ["https://atom.example/e/1", "https://atom.example/e/2"], ["2026-11-29", "2026-12-01"], "Atom: html title stripped, alternate link not the enclosure, xhtml content, published before updated" },
        { "feed.xml", Rss2.Replace("\n", "\r\n"), ["Village shelled near Hama", "Two arrested in Salamiyah"], ["https://courier.example/a/1", "https://courier.example/a/2"], ["2026-11-30", "2026-12-01"], "sniffed by content whatever the extension, CRLF line ends" },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Each_item_is_one_article_with_title_link_and_date(string file, string xml, string[] titles, string[] links, string[] dates, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var outcomes = IngestHarness.ReadAll([dir.File(file, xml)]);
        Assert.True(outcomes.All(o => o.Article is not null), $"{reason}: {string.Join("; ", outcomes.Select(o => o.Error))}");
        Assert.Equal(titles, outcomes.Select(o => o.Article!.Title));
        Assert.Equal(links, outcomes.Select(o => o.Article!.Uri));
        Assert.Equal(dates, outcomes.Select(o => o.Article!.Published?.ToString("yyyy-MM-dd")));
        Assert.Equal(Enumerable.Range(1, titles.Length).Select(i => $"#item{i}"), outcomes.Select(o => o.Input[o.Input.LastIndexOf('#')..]));
        foreach (var o in outcomes)
        {
            Assert.DoesNotContain("http", o.Article!.Text, StringComparison.Ordinal); // links are metadata, never text
            Assert.NotNull(o.Article.Publisher);
        }
        Assert.Contains("Hama on Monday", outcomes[0].Article!.Text);
    }

    [Fact]
    public void Content_encoded_replaces_the_summary()
    {
        using var dir = new IngestHarness.TempDir();
        var a = IngestHarness.ReadAll([dir.File("f.rss", Rss2)])[0].Article!;
        Assert.Contains("Aid workers reached", a.Text);
        Assert.DoesNotContain("Short summary", a.Text);
        Assert.Equal("Valley Courier", a.Publisher);
    }

    [Theory]
    [InlineData("rss", 15.0, "RSS ttl in minutes")]
    [InlineData("rdf", 15.0, "sy:updatePeriod hourly / updateFrequency 4")]
    [InlineData("atom", -1.0, "Atom has no refresh hint")]
    public void Refresh_hints_are_read(string kind, double minutes, string reason)
    {
        var xml = kind switch { "rss" => Rss2, "rdf" => Rdf, _ => Atom };
        var feed = FeedReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        Assert.True(feed.Error is null, reason + ": " + feed.Error);
        Assert.Equal(minutes < 0 ? null : TimeSpan.FromMinutes(minutes), feed.Ttl);
    }

    [Theory]
    [InlineData("broken-middle", "XML error at line", 1, "a malformed second item: the first is read, then one clear failure")]
    [InlineData("no-items", "feed has no items", 0, "a channel without items")]
    [InlineData("link-only", "has no content or summary", 0, "an item with only a title and link cannot be read from the file (fetching is for URLs)")]
    [InlineData("undeclared-entity", "XML error at line", 0, "an HTML entity XML does not know (&nbsp;) is reported, not guessed")]
    public void Bad_feeds_fail_clearly(string kind, string message, int good, string reason)
    {
        var xml = kind switch
        {
            "broken-middle" => Rss2.Replace("<title>Two arrested in Salamiyah</title>", "<title>Two arrested <b>in Salamiyah</title>"),
            "no-items" => "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Empty</title></channel></rss>",
            "link-only" => "<rss version=\"2.0\"><channel><title>T</title><item><title>Only a link</title><link>https://x.example/1</link></item></channel></rss>",
            _ => "<rss version=\"2.0\"><channel><title>T</title><item><title>A&nbsp;B</title><description>x</description></item></channel></rss>",
        };
        using var dir = new IngestHarness.TempDir();
        var outcomes = IngestHarness.ReadAll([dir.File("bad.rss", xml)]);
        Assert.Equal(good, outcomes.Count(o => o.Article is not null));
        var failure = Assert.Single(outcomes, o => o.Article is null);
        Assert.True(failure.Error!.Contains(message, StringComparison.Ordinal), $"{reason}: '{failure.Error}'");
        Assert.Contains("bad.rss", failure.Input);
    }
}
