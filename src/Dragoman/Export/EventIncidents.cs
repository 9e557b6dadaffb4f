using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>
/// The incident of each exported event (`export --format jsonl --reports`), read for a chunk of events at a time: one
/// query for the chunk's articles instead of one per article. <see cref="Prefetch"/> wraps the event stream (still
/// streamed: one chunk held), and <see cref="Of"/> answers for the events of the chunk being written.
/// </summary>
public sealed class EventIncidents(IIncidentStore store, int chunk = 1000)
{
    private IReadOnlyDictionary<long, IReadOnlyDictionary<string, long>> _known = new Dictionary<long, IReadOnlyDictionary<string, long>>();

    public IEnumerable<EventRecord> Prefetch(IEnumerable<EventRecord> events)
    {
        var buffer = new List<EventRecord>(chunk);
        foreach (var e in events)
        {
            buffer.Add(e);
            if (buffer.Count < Math.Max(1, chunk)) continue;
            foreach (var x in Release(buffer)) yield return x;
        }
        foreach (var x in Release(buffer)) yield return x;
    }

    /// <summary>The event's incident; null when it belongs to none (or is not of a chunk read through <see cref="Prefetch"/>).</summary>
    public long? Of(EventRecord e) =>
        _known.TryGetValue(e.ArticleId, out var ofArticle) && ofArticle.TryGetValue(e.EventId, out var incident) ? incident : null;

    private List<EventRecord> Release(List<EventRecord> buffer)
    {
        var ready = buffer.ToList();
        buffer.Clear();
        if (ready.Count > 0) _known = store.IncidentsOfEachArticle(ready.Select(e => e.ArticleId).Distinct().ToList());
        return ready;
    }
}
