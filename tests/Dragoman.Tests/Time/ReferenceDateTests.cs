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

    [Fact]
    public void Standard_pipeline_fills_times()
    {
        var pipeline = StandardPipeline.Build(PipelineResources.Load(Path.GetTempPath()));
        Assert.Contains(pipeline.Components, c => c.Name == "time" && c.Provides.HasFlag(Layer.Times));
    }
}
