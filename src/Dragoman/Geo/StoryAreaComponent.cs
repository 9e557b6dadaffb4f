using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Geo;

/// <summary>
/// The area of the report (<see cref="StoryArea"/>) as the pipeline's last stage: a village left as text stands in the
/// story's province only after every event stage has run. The stand-in is built from the article's other places and
/// says nothing they do not already say, so no decision may read it as evidence: the event locator, the article's
/// focus and main country, actor codes, event coreference and salience all see the village as text, as they did
/// before stand-ins existed (an event at the village inherits the article's focus where it has one; a sentence's
/// container, a village "in X Local Government Area of Kaduna State", still places its event there). Read at the
/// geo stage, the stand-in took those decisions' place: merge-gold dev pairwise F1 0.8718 -> 0.8421 (docs/benchmarks.md,
/// geo20, geo21). Only the output reads it: the place of the village's entity and of an event placed at the village.
/// </summary>
public sealed class StoryAreaComponent : IDocumentComponent
{
    public const string ComponentName = "story-area";

    public string Name => ComponentName;
    public Layer Requires => Layer.Places;
    public Layer Provides => Layer.Places;

    /// <summary>It only adds points to places left as text; a document it is stopped in keeps them as text.</summary>
    public bool Refines => true;

    public void Process(Document document) => StoryArea.Locate(document);
}
