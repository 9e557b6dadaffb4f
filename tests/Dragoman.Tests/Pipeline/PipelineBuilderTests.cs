using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text;

namespace Dragoman.Tests.Pipeline;

public class PipelineBuilderTests
{
    private sealed class Needs(string name, Layer requires, Layer provides) : IDocumentComponent
    {
        public string Name => name;
        public Layer Requires => requires;
        public Layer Provides => provides;
        public void Process(Document document) { }
    }

    [Fact]
    public void A_component_whose_needs_are_unmet_is_refused_at_build_time()
    {
        var builder = new PipelineBuilder().Add(new Needs("events", Layer.Mentions, Layer.Events));
        var ex = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("events", ex.Message);
        Assert.Contains("Mentions", ex.Message);
    }

    [Fact]
    public void Components_in_dependency_order_build()
    {
        var pipeline = new PipelineBuilder()
            .Add(new TextComponent())
            .Add(new Needs("ner", Layer.Tokens | Layer.Sentences, Layer.Mentions))
            .Build();
        Assert.Equal(["text", "ner"], pipeline.Components.Select(c => c.Name));
    }

    [Fact]
    public void Two_components_with_one_name_are_refused()
    {
        var builder = new PipelineBuilder().Add(new TextComponent());
        Assert.Throws<InvalidOperationException>(() => builder.Add(new TextComponent()));
    }

    private sealed class Sleeps(string name, int milliseconds) : IDocumentComponent
    {
        public string Name => name;
        public Layer Requires => Layer.None;
        public Layer Provides => Layer.None;
        public void Process(Document document) => Thread.Sleep(milliseconds);
    }

    [Fact]
    public void A_timed_pipeline_adds_each_components_time_to_its_clock()
    {
        var clock = new StageClock();
        var pipeline = new PipelineBuilder().Add(new Sleeps("slow", 30)).Add(new Sleeps("quick", 0)).Build().Timed(clock);
        pipeline.Process(new Document(new Article { Uri = "t", Text = "x" }, null));
        pipeline.Process(new Document(new Article { Uri = "t", Text = "x" }, null));
        var seconds = clock.Seconds();
        Assert.True(seconds["slow"] >= 0.055, $"two 30 ms sleeps summed: {seconds["slow"]}");
        Assert.True(seconds["quick"] < seconds["slow"], "the component that does nothing took less");
    }

    private sealed class Allocates(string name, int bytes) : IDocumentComponent
    {
        public static byte[]? Kept;
        public string Name => name;
        public Layer Requires => Layer.None;
        public Layer Provides => Layer.None;
        public void Process(Document document) => Kept = new byte[bytes];
    }

    [Fact]
    public void A_timed_pipeline_adds_each_components_allocation_to_its_clock()
    {
        var clock = new StageClock();
        var pipeline = new PipelineBuilder().Add(new Allocates("big", 4 << 20)).Add(new Allocates("small", 16)).Build().Timed(clock);
        pipeline.Process(new Document(new Article { Uri = "t", Text = "x" }, null));
        var mib = clock.AllocatedMiB();
        Assert.True(mib["big"] >= 4, $"a 4 MiB array counts for the stage that made it: {mib["big"]}");
        Assert.True(mib["small"] < 1, $"a 16-byte array is not charged the stage before: {mib["small"]}");
    }
}
