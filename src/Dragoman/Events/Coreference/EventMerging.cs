using Dragoman.Documents;

namespace Dragoman.Events.Coreference;

/// <summary>
/// Makes one event of each cluster of tellings (<see cref="EventClustering"/>): the best-told mention (most own
/// fields; the body before the headline on ties) gives the trigger and modality (a factual one where some telling is:
/// <see cref="JoinedModality"/>), the coding most tellings share gives
/// the action and codes, and every other field comes
/// from the mention that tells it best (an own place before an inherited one, a resolved town before a country, a
/// day before a week; for a party, the one most tellings name), so the actor may come from one sentence, the count from
/// another and the date from the dateline. Each field keeps its own span; the event's evidence is every mention's
/// evidence, and every telling stays on the event with its own trigger, sentence and modality
/// (<see cref="Event.Tellings"/>); counts and sources of all mentions stay side by side. Pure apart from building new events.
/// </summary>
public static class EventMerging
{
    /// <summary>The events after merging each cluster, in the order of each cluster's first event.</summary>
    public static List<Event> Merge(Document d, IReadOnlyList<Event> events, IReadOnlyList<int> cluster)
    {
        var result = new List<Event>();
        foreach (var group in Enumerable.Range(0, events.Count).GroupBy(i => cluster[i]).OrderBy(g => g.Min()))
        {
            var members = group.Select(i => events[i]).ToList();
            result.Add(members.Count == 1 ? members[0] : One(d, members));
        }
        return result;
    }

    /// <summary>One event from the tellings of one happening.</summary>
    public static Event One(Document d, IReadOnlyList<Event> members)
    {
        var rep = members.OrderByDescending(Richness).ThenBy(e => InTitle(d, e) ? 1 : 0).ThenBy(e => e.Trigger.Start).First();
        // the representative first, then text order: on equal merit its own field stays
        var ordered = members.OrderBy(e => ReferenceEquals(e, rep) ? 0 : 1).ThenBy(e => e.Trigger.Start).ToList();
        var coded = CodeDonor(members);
        var merged = new Event
        {
            Id = rep.Id, Action = coded.Action, Trigger = rep.Trigger, TriggerSource = rep.TriggerSource, Codes = coded.Codes,
            Modality = JoinedModality(d, members, rep), Confidence = members.Max(e => e.Confidence),
            Actor = Agreed(d, ordered, e => e.Actor, t => t.Actor),
            Target = Agreed(d, ordered, e => e.Target, t => t.Target),
            Place = Best(ordered, e => e.Place, p => PlaceMerit(d, p)),
            Means = Best(ordered, e => e.Means, _ => 1),
            Time = Best(ordered, e => e.Time, TimeMerit),
        };
        foreach (var e in ordered)
        {
            foreach (var c in e.Counts)
                if (!merged.Counts.Exists(x => x.Min == c.Min && x.Max == c.Max && x.Kind == c.Kind)) merged.Counts.Add(c);
            merged.AddSources(e.Sources);
        }
        merged.Evidence.AddRange(members.SelectMany(e => e.Evidence).Distinct().OrderBy(s => s.Start).ThenBy(s => s.End));
        // each telling keeps its own sentence and modality: the joined event's one modality is the representative's
        merged.Tellings.AddRange(members.SelectMany(e => e.AllTellings).Distinct().OrderBy(t => t.Trigger.Start).ThenBy(t => t.Trigger.End));
        return merged;
    }

    /// <summary>
    /// The joined event's modality: the best-told telling's, except that a happening some telling states as fact
    /// (asserted, reported, claimed) is not shown as only possible or expected because its best-told telling carries a
    /// hedge ("a band, perhaps the one seen earlier, raided"); it then takes the first factual telling's, the body's before
    /// the headline's. Measured on the articles-gold development part against the first body telling's and the most
    /// tellings' modality: docs/benchmarks.md, "Modality: which telling a joined event shows".
    /// </summary>
    private static Modality JoinedModality(Document d, IReadOnlyList<Event> members, Event rep)
    {
        if (IsFactual(rep.Modality)) return rep.Modality;
        var factual = members.SelectMany(e => e.AllTellings).Where(t => IsFactual(t.Modality))
            .OrderBy(t => d.Article.TitleSpan is { } title && title.Overlaps(t.Trigger) ? 1 : 0).ThenBy(t => t.Trigger.Start).ToList();
        return factual.Count > 0 ? factual[0].Modality : rep.Modality;
    }

    private static bool IsFactual(Modality m) => m is Modality.Asserted or Modality.Reported or Modality.Claimed;

    /// <summary>
    /// Whose coding (action, PLOVER mode, ACLED type) the happening takes: the coding most of its tellings give, the
    /// earliest telling's on a tie (the headline's or lede's summary: "Roadside bomb hits convoy" over a later "struck").
    /// </summary>
    private static Event CodeDonor(IReadOnlyList<Event> members) =>
        members.GroupBy(e => (e.Action, e.Codes.Plover?.Event, e.Codes.Plover?.Mode, e.Codes.Acled?.EventType))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(e => e.Trigger.Start))
            .First().OrderBy(e => e.Trigger.Start).First();

    /// <summary>How many fields an event tells itself (an inherited place or date is not its own).</summary>
    private static int Richness(Event e) =>
        (e.Actor is not null ? 1 : 0) + (e.Actor?.EntityId is not null || e.Actor?.Code is not null ? 1 : 0) + (e.Target is not null ? 1 : 0)
        + (e.Place is { Inherited: false } ? 1 : 0) + (e.Time is { Inherited: false } ? 1 : 0) + (e.Counts.Count > 0 ? 1 : 0);

    private static bool InTitle(Document d, Event e) => d.Article.TitleSpan is { } t && t.Overlaps(e.Trigger);

    /// <summary>The field of the mention with the highest merit; the first of <paramref name="ordered"/> on ties.</summary>
    private static T? Best<T>(IReadOnlyList<Event> ordered, Func<Event, T?> field, Func<T, int> merit) where T : class
    {
        T? best = null;
        int bestMerit = int.MinValue;
        foreach (var e in ordered)
            if (field(e) is { } v && merit(v) > bestMerit) { best = v; bestMerit = merit(v); }
        return best;
    }

    /// <summary>
    /// The party the most tellings name (one known entity or actor code, or shared words:
    /// <see cref="CoreferenceFeatures.PartyRelation"/>), a better-told party on ties (<see cref="PartyMerit"/>; a body
    /// telling's before a headline's, <see cref="HeadlinePenalty"/>). A report
    /// that names the victims in three sentences and the village they lived in once is about the victims; one telling's
    /// odd phrase ("the frontlines", a source taken for the target) is outvoted by the others. Measured on the
    /// articles-gold development part against the merit alone: README of models/roles, "Joined events".
    /// </summary>
    private static EventArgument? Agreed(Document d, IReadOnlyList<Event> ordered, Func<Event, EventArgument?> field, Func<EventTelling, EventArgument?> told)
    {
        var named = ordered.SelectMany(e => e.AllTellings).Select(told).OfType<EventArgument>().Select(Key).ToList();
        int Support(EventArgument a)
        {
            var key = Key(a);
            return named.Count(n => CoreferenceFeatures.PartyRelation(key, n) == "same");
        }
        // the support counts first, the merit (0-3, less 2 for a headline's party) breaks its ties
        EventArgument? best = null;
        int bestMerit = int.MinValue;
        foreach (var e in ordered)
            if (field(e) is { } a && 4 * Support(a) + PartyMerit(d, a) - (InTitle(d, e) ? HeadlinePenalty : 0) is var m && m > bestMerit)
            {
                best = a;
                bestMerit = m;
            }
        return best;
    }

    /// <summary>
    /// What a headline's party gives up against a body telling's on equal support: a headline is terse ("Ruritania strikes
    /// camp") and the body names the party as a coder does ("the Ruritanian air force struck"), so the body's own party
    /// wins unless the headline's is better known by more than this. Measured on the articles-gold development part:
    /// docs/benchmarks.md, "Joined events: a headline's party and a body's".
    /// </summary>
    private const int HeadlinePenalty = 2;

    private static PartyKey Key(EventArgument a) => new(a.PartyText, a.EntityId ?? a.Code);

    /// <summary>
    /// An own party before an inherited one; a known party (an actor code, or a named entity that is not a place) before
    /// a bare phrase. A place is no known party for it: "the village" a headline names is where, the people told
    /// elsewhere are whom (a place with a country's code, "Ankara" for Turkey, is a party).
    /// </summary>
    private static int PartyMerit(Document d, EventArgument a) =>
        (a.Inherited ? 0 : 2) + (a.Code is not null || (a.EntityId is not null && !IsPlace(d.EntityById(a.EntityId))) ? 1 : 0);

    private static bool IsPlace(Entity? e) => e is { Type: EntityType.GPE or EntityType.LOC or EntityType.FAC } || e?.PlaceIndex is not null;

    /// <summary>An own place before an inherited one; a resolved town or site before a division or country; resolved before unresolved.</summary>
    private static int PlaceMerit(Document d, EventArgument a)
    {
        var resolved = d.EntityById(a.EntityId)?.PlaceIndex is int pi && pi < d.Places.Count ? d.Places[pi]
            : d.Places.Find(p => p.IsResolved && p.Span.Overlaps(a.Span));
        int precision = resolved is null || !resolved.IsResolved ? 0 : resolved.Precision is PlacePrecision.Exact or PlacePrecision.Near ? 2 : 1;
        return (a.Inherited ? 0 : 4) + precision;
    }

    /// <summary>An own date before the inherited "about publication"; a day before a week before a month, season or year.</summary>
    private static int TimeMerit(EventTime t) =>
        (t.Inherited || t.Start is null ? 0 : 8) + t.Precision switch { TimePrecision.Day => 3, TimePrecision.Week => 2, TimePrecision.Month => 1, _ => 0 };
}
