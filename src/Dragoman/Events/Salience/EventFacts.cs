using Dragoman.Documents;

namespace Dragoman.Events.Salience;

/// <summary>
/// The facts of an event that tell two events of one article apart as news: its place (resolved entity, else the
/// words), whether that place is its own or inherited from the article, its own day, and its counts.
/// </summary>
public sealed record EventFacts(string? Place, bool PlaceInherited, string? Day, IReadOnlyList<int> Counts)
{
    public static readonly EventFacts None = new(null, false, null, []);

    public static EventFacts Of(Event e) => new(
        e.Place is { } p ? (p.EntityId ?? p.Text.ToLowerInvariant()) : null,
        e.Place?.Inherited ?? false,
        e.Time is { Inherited: false, Start: { } s } ? s.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        [.. e.Counts.Select(c => c.Min)]);
}
