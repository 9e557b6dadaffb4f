using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Events;

/// <summary>
/// The actor a coder writes where the text names none: ACLED's actor categories (ACLED Codebook 2023, "Actor names":
/// an arrest is by the country's "Police Forces"; violence whose perpetrator is not known is by an "Unidentified Armed
/// Group"). "At least 30 people were arrested" was done by the police; "a bomb killed five" by someone unnamed. The
/// actor's evidence is the event's own trigger, all the text says of it. Runs after salience and coreference, which
/// read an unnamed actor as none; a telling keeps what its own sentence said (none). The actor is marked
/// <see cref="EventArgument.Implied"/> all the way out (stored JSON, store column, API, exports), so that no reader takes
/// the category for a party the report names.
/// </summary>
/// <param name="noActorBelow">
/// A chosen actor whose ranker probability (<see cref="EventArgument.Probability"/>) is below this gives way to the
/// category as well: the text is then taken to name no actor (models/roles/README.md, "The actor choice as a measured decision"). Learned out of
/// fold on the development part by `train roles`; null keeps every chosen actor.
/// </param>
public sealed class UnnamedActorsComponent(double? noActorBelow = null) : IDocumentComponent
{
    public const string Police = "police";
    public const string UnidentifiedArmedGroup = "unidentified armed group";

    public string Name => "unnamed-actors";
    public Layer Requires => Layer.Events;
    public Layer Provides => Layer.None;
    public bool Refines => true;

    public void Process(Document document)
    {
        // computed first, then applied: a refining stage leaves the document unchanged when its budget stops it
        var unnamed = document.Events.Where(e => e.Actor is null || Unlikely(e.Actor)).Select(e => (Event: e, Category: CategoryOf(e.Codes.Cameo))).ToList();
        foreach (var (e, category) in unnamed)
            if (category is not null) e.Actor = new EventArgument(category, e.Trigger) { Implied = true };
    }

    /// <summary>A named actor the ranker chose below the learned threshold: an implied category is never unlikely.</summary>
    private bool Unlikely(EventArgument actor) => !actor.Implied && noActorBelow is { } t && actor.Probability is { } p && p < t;

    /// <summary>The category of an unnamed actor by the event's CAMEO code: arrests (173) the police, uses of force (18-20) an unidentified armed group; else none.</summary>
    public static string? CategoryOf(string? cameo) => cameo switch
    {
        null => null,
        _ when cameo.StartsWith("173", StringComparison.Ordinal) => Police,
        _ when cameo.StartsWith("18", StringComparison.Ordinal) || cameo.StartsWith("19", StringComparison.Ordinal) || cameo.StartsWith("20", StringComparison.Ordinal) => UnidentifiedArmedGroup,
        _ => null,
    };
}
