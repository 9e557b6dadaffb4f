using Dragoman.Documents;
using Dragoman.Events.Context;
using Dragoman.Pipeline;

namespace Dragoman.Events.Types;

/// <summary>
/// After the event-context stage and before coreference: the learned <see cref="TypeModel"/> chooses each event's
/// type among the rules' type and the types coders gave instead to events the rules typed so ("seized the town":
/// COERCE by the dictionary, ASSAULT by the coders). A retyped event takes the model's CAMEO code for its new type and
/// keeps its roles, place, time and counts. Without a model the rules' types stay.
/// </summary>
public sealed class TypeComponent(TypeModel? model, CodeTables codes, ContextWords? words) : IDocumentComponent
{
    public string Name => "event-types";
    public Layer Requires => Layer.Events | Layer.Sentences;
    public Layer Provides => Layer.None;
    public bool Refines => true; // stopped only before it starts: it has no loop that checks the budget

    public void Process(Document document)
    {
        if (model is null) return;
        foreach (var e in document.Events)
        {
            if (e.Codes.Plover?.Event is not { } rule) continue;
            if (model.Candidates(rule).Count < 2) continue;
            var (type, _) = model.Choose(rule, TypeFeatures.Compute(document, e, words));
            if (type == rule || model.CameoFor(type) is not { } cameo) continue;
            e.Action = codes.Action(cameo);
            // the code's own PLOVER row may file it elsewhere (CAMEO2PLOVER); the chosen type is what the coders gave
            e.Codes = codes.Codes(cameo, codes.Plover(cameo)?.Event == type ? null : new PloverCode(type, null, []));
        }
    }
}
