using Dragoman.Actors;
using Dragoman.Entities;
using Dragoman.Geo;
using Dragoman.Text;
using Dragoman.Text.Syntax;
using Dragoman.Time;

namespace Dragoman.Pipeline;

/// <summary>
/// The default pipeline, every stage in order:
/// text (tokens, sentences) -> ner (mentions) -> actors (dictionary mentions) -> geo (places, may add place mentions)
/// -> link (entities, aliases, actor codes) -> time (times) -> attribution -> events (events, codes) -> event-context (types from the sentence's situation)
/// -> coreference (one event per happening told several times) -> salience (confidence, main, historical) -> party-names (full names of short-form parties)
/// -> unnamed-actors (a coder's category for an actor the text does not name) -> victim-class (who a killed or injured count's victims were)
/// -> story-area (a village left as text stands in the story's province: output only, after every decision that reads places).
/// </summary>
public static class StandardPipeline
{
    /// <param name="coreference">False leaves every telling its own event (what the coreference trainer learns from).</param>
    /// <param name="roleTrace">When given, the events stage reports every role decision to it and the clause rules decide
    /// the roles (the role ranker's training data, `train roles`); otherwise the shipped role ranker decides.</param>
    /// <param name="modalityTrace">When given, the events stage reports every telling's modality features to it and the cue
    /// rules decide the modality (the modality model's training data, `train modality`); otherwise the shipped model decides.</param>
    public static DocumentPipeline Build(PipelineResources resources, bool coreference = true,
        Action<Documents.Event, Events.Roles.RoleDecision>? roleTrace = null,
        Action<Documents.Event, IReadOnlyDictionary<string, double>>? modalityTrace = null)
    {
        // The resources load at the same time, each from its own files: a start takes the longest load, not their sum.
        StartTrace.Mark("pipeline build begins");
        var pos = Load(() => PosModel.Bundled);
        var ner = Load(() => NerComponent.BundledModel);
        var actors = Load(() => ActorResources.Load(dataDir: resources.DataDir));
        var geo = Load(() => GeoComponent.FromResources(resources));
        var events = Load(() => Events.EventResources.LoadBundled());
        var locator = Load(() => EventLocator.LoadBundled().Value);
        var contextWords = Load(() => Events.Context.ContextWords.LoadBundled().Value);
        var salience = Load(() => Events.Salience.SalienceModel.LoadBundled().Value);
        var coref = Load(() => coreference ? Events.Coreference.CoreferenceModel.LoadBundled().Value : null);
        var roles = Load(() => roleTrace is null ? Events.Roles.RoleModel.LoadBundled().Value : null);
        var modality = Load(() => modalityTrace is null ? Events.Modalities.ModalityModel.LoadBundled().Value : null);
        var victims = Load(() => Events.Counts.VictimClassModel.LoadBundled().Value);
        var pipeline = new PipelineBuilder()
            .Add(new TextComponent(Wait(pos)))
            .Add(new NerComponent(Wait(ner)))
            .Add(new ActorMentionComponent(Wait(actors)))
            .Add(Wait(geo))
            .Add(new LinkingComponent(Wait(actors)))
            .Add(new TimeComponent())
            .Add(new Attribution.AttributionComponent())
            .Add(new Events.EventsComponent(Wait(events), EventTimeResolver.Resolve, Wait(locator), Wait(roles)) { RoleTrace = roleTrace, Sides = new PartySides(Wait(actors)), ModalityModel = Wait(modality), ModalityTrace = modalityTrace })
            .Add(new Events.Context.EventContextComponent(Wait(events).Codes, Wait(contextWords)))
            .Add(new Events.Coreference.CoreferenceComponent(Wait(coref)))
            .Add(new Events.Salience.SalienceComponent(Wait(salience)))
            .Add(new Events.PartyNamesComponent(Wait(actors)))
            .Add(new Events.UnnamedActorsComponent(Wait(roles)?.NoActorBelow))
            .Add(new Events.Counts.VictimClassComponent(Wait(victims)))
            // last: a stand-in for a village is output, never evidence for the stages above (StoryAreaComponent)
            .Add(new StoryAreaComponent())
            .Build();
        StartTrace.Mark("pipeline built");
        return pipeline;
    }

    /// <summary>Starts one resource's load on the thread pool. With DRAGOMAN_TRACE_START set, prints its own thread CPU and
    /// wall time to stderr (where a start goes: docs/benchmarks.md, issue 19).</summary>
    private static Task<T> Load<T>(Func<T> load,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(load))] string what = "") => Task.Factory.StartNew(() =>
    {
        long cpuStart = ThreadCpuClock.Nanoseconds();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var loaded = load();
        if (StartTrace.On)
            Console.Error.WriteLine($"start: {what}: cpu {(ThreadCpuClock.Nanoseconds() - cpuStart) / 1e6:F0} ms wall {wall.ElapsedMilliseconds} ms");
        return loaded;
    }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    /// <summary>The loaded resource, or the loader's own exception (not wrapped in an AggregateException).</summary>
    private static T Wait<T>(Task<T> loading) => loading.GetAwaiter().GetResult();
}
