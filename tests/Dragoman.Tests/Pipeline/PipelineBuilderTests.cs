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
}
