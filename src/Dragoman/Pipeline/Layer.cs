namespace Dragoman.Pipeline;

/// <summary>The annotation layers of a Document, as flags so components can declare several at once.</summary>
[Flags]
public enum Layer
{
    None = 0,
    Tokens = 1 << 0,
    Sentences = 1 << 1,
    Mentions = 1 << 2,
    Entities = 1 << 3,
    Actors = 1 << 4,
    Places = 1 << 5,
    Times = 1 << 6,
    Attributions = 1 << 7,
    Events = 1 << 8,
    EventCodes = 1 << 9,
}
