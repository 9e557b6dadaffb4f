using Dragoman.Text;

namespace Dragoman.Pipeline;

/// <summary>
/// The default pipeline, every stage in order:
/// text (tokens, sentences) -> ner (mentions) -> geo (places, may add place mentions)
/// -> link (entities, aliases, actor codes) -> time (times) -> attribution -> events (events, codes).
/// </summary>
public static class StandardPipeline
{
    public static DocumentPipeline Build(PipelineResources resources) =>
        new PipelineBuilder()
            .Add(new TextComponent())
            .Add(new Attribution.AttributionComponent())
            .Add(new Events.EventsComponent(Events.EventResources.LoadBundled()))
            .Build();
}
