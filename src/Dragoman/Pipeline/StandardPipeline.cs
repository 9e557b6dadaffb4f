using Dragoman.Actors;
using Dragoman.Entities;
using Dragoman.Geo;
using Dragoman.Text;
using Dragoman.Time;

namespace Dragoman.Pipeline;

/// <summary>
/// The default pipeline, every stage in order:
/// text (tokens, sentences) -> ner (mentions) -> actors (dictionary mentions) -> geo (places, may add place mentions)
/// -> link (entities, aliases, actor codes) -> time (times) -> attribution -> events (events, codes) -> event-context (types from the sentence's situation) -> salience (confidence, main, historical).
/// </summary>
public static class StandardPipeline
{
    public static DocumentPipeline Build(PipelineResources resources)
    {
        var actors = ActorResources.Load();
        return new PipelineBuilder()
            .Add(new TextComponent())
            .Add(new NerComponent(NerComponent.BundledModel))
            .Add(new ActorMentionComponent(actors))
            .Add(GeoComponent.FromResources(resources))
            .Add(new LinkingComponent(actors))
            .Add(new TimeComponent())
            .Add(new Attribution.AttributionComponent())
            .Add(new Events.EventsComponent(Events.EventResources.LoadBundled(), EventTimeResolver.Resolve, EventLocator.LoadBundled().Value))
            .Add(new Events.Context.EventContextComponent(Events.EventResources.LoadBundled().Codes, Events.Context.ContextWords.LoadBundled().Value))
            .Add(new Events.Salience.SalienceComponent(Events.Salience.SalienceModel.LoadBundled().Value))
            .Build();
    }
}
