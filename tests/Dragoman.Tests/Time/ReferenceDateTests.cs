using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text;
using Dragoman.Time;

namespace Dragoman.Tests.Time;

public class ReferenceDateTests
{
    // An article whose only date is in its metadata: the metadata string becomes the reference through
    // Datelines.ParseMetadataDate -> Article.Published -> DocumentFactory, and relative times resolve against it.
    [Theory]
    [InlineData("2019-02-10T08:00:00Z", null, "2019-02-09", "ISO metadata date")]
    [InlineData("Sun, 10 Feb 2019 22:10:00 +0200", null, "2019-02-09", "RFC 1123 metadata date")]
    [InlineData("2019-02-10", "2020-05-01", "2020-04-30", "the user's --published wins over the metadata")]
    public void Metadata_date_is_the_reference(string metadata, string? user, string yesterday, string reason)
    {
        var published = Datelines.ParseMetadataDate(metadata);
        Assert.True(published.IsOk, published.Error);
        const string text = "A car bomb exploded yesterday in the town.";
        var article = new Article { Uri = "meta", Text = text, Published = published.Value, PublishedSource = "metadata" };
        var doc = DocumentFactory.Create(article, user is null ? null : DateOnly.Parse(user, System.Globalization.CultureInfo.InvariantCulture));
        new PipelineBuilder().Add(new TextComponent()).Add(new TimeComponent()).Build().Process(doc);
        var t = doc.Times.Single();
        Assert.True(t.Value == yesterday, $"{reason}: {t.Value}");
    }

    // A whole HTML article whose only date is in its page metadata: read by Ingest (through Time/Datelines), made a
    // Document with no --published, and its relative times resolved against that date.
    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2019-02-10T08:00:00+02:00\">", "2019-02-10", "2019-02-09", "Open Graph published_time meta tag")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2018-12-31\"}</script>", "2018-12-31", "2018-12-30", "JSON-LD datePublished")]
    [InlineData("", null, "XXXX-XX-XX", "no date anywhere: the reference stays unknown and 'yesterday' relative")]
    public void An_article_whose_only_date_is_in_its_metadata(string head, string? published, string yesterday, string reason)
    {
        var html = $"<html><head><title>Car bomb in Azaz</title>{head}</head><body><article><h1>Car bomb in Azaz</h1>"
            + "<p>A car bomb exploded yesterday in the town of Azaz, killing four people, local sources said.</p></article></body></html>";
        var raw = new RawDocument("https://example.org/a", System.Text.Encoding.UTF8.GetBytes(html), "text/html");
        var read = Dragoman.Ingest.ArticleReader.Read(raw);
        Assert.True(read.IsOk, read.Error);
        Assert.True(read.Value!.Published?.ToString("yyyy-MM-dd") == published, $"{reason}: published {read.Value.Published}");
        var doc = DocumentFactory.Create(read.Value, null);
        new PipelineBuilder().Add(new TextComponent()).Add(new TimeComponent()).Build().Process(doc);
        var t = doc.Times.Single(x => x.Text == "yesterday");
        Assert.True(t.Value == yesterday, $"{reason}: {t.Value}");
        Assert.True(published is not null || t.Relative == "-P1D", $"{reason}: relative {t.Relative}");
    }

    [Fact]
    public void Standard_pipeline_fills_times()
    {
        var pipeline = StandardPipeline.Build(PipelineResources.Load(Path.GetTempPath()));
        Assert.Contains(pipeline.Components, c => c.Name == "time" && c.Provides.HasFlag(Layer.Times));
    }
}
