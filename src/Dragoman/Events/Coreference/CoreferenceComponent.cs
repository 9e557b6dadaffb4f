using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Events.Coreference;

/// <summary>
/// After the events stage and before salience: one happening told in the headline, the lede and the body becomes one
/// event (<see cref="EventClustering"/> over the learned pair probabilities of <see cref="CoreferenceModel"/>, then
/// <see cref="EventMerging"/>). Without a model the events stay as they are.
/// </summary>
public sealed class CoreferenceComponent(CoreferenceModel? model) : IDocumentComponent
{
    public string Name => "coreference";
    public Layer Requires => Layer.Events | Layer.Sentences;
    public Layer Provides => Layer.None;
    public bool Refines => true;

    public void Process(Document document)
    {
        if (model is null || document.Events.Count < 2) return;
        var mentions = EventMention.Of(document, document.Events);
        var clusters = EventClustering.Cluster(mentions, model.Probability, model.Threshold, document.Cancellation);
        var merged = EventMerging.Merge(document, document.Events, clusters);
        document.Events.Clear();
        document.Events.AddRange(merged);
    }
}
