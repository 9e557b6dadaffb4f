using Dragoman.Merge;

namespace Dragoman.Storage;

/// <summary>
/// Incidents: the merge stage's grouping of stored events (reports) into real-world events (docs/merge.md). A store that
/// implements it merges each stored article's events as it stores them (unless merging is switched off) and keeps the
/// analysts' merge and split decisions across re-merging.
/// </summary>
public interface IIncidentStore
{
    /// <summary>Merge each stored article's events into incidents as it is stored (on by default; off for measuring the cost).</summary>
    bool MergeOnAdd { get; set; }

    /// <summary>The average link score an incident needs (<see cref="PairScorer.Threshold"/>; other values only to measure sensitivity).</summary>
    double MergeThreshold { get; set; }

    /// <summary>Incidents newest first; by default only those of a mergeable family (political violence, demonstrations, strategic developments).</summary>
    IReadOnlyList<IncidentSummary> ListIncidents(IncidentQuery query);

    IncidentSummary? GetIncident(long incidentId);

    /// <summary>The incident's reports: one per stored event, with its article, outlet, figure and the link that put it there.</summary>
    IReadOnlyList<IncidentReport> ReportsOf(long incidentId);

    /// <summary>The incident a stored event belongs to (null: unknown event or not merged yet).</summary>
    long? IncidentOf(long articleId, string eventId);

    /// <summary>The stored events that report the incident, as the event listing reads them (source chain, counts, article URI), in report order.</summary>
    IReadOnlyList<EventRecord> ReportEvents(long incidentId);

    /// <summary>The incident of each merged event of an article, by event id (events outside every incident are absent).</summary>
    IReadOnlyDictionary<string, long> IncidentsOfArticle(long articleId);

    // Batched reads: the exports read a page of incidents or a chunk of events at a time, and a query per incident or
    // per article costs a round trip each on a server (PostgreSQL). Every id asked for is a key (an empty value when
    // nothing is stored); a provider answers in one query, the defaults here one read per id.

    /// <summary><see cref="ReportEvents"/> of each incident, in report order.</summary>
    IReadOnlyDictionary<long, IReadOnlyList<EventRecord>> ReportEventsOfEach(IReadOnlyCollection<long> incidentIds) =>
        incidentIds.Distinct().ToDictionary(id => id, ReportEvents);

    /// <summary><see cref="ReportsOf"/> of each incident, in report order.</summary>
    IReadOnlyDictionary<long, IReadOnlyList<IncidentReport>> ReportsOfEach(IReadOnlyCollection<long> incidentIds) =>
        incidentIds.Distinct().ToDictionary(id => id, ReportsOf);

    /// <summary><see cref="IncidentsOfArticle"/> of each article.</summary>
    IReadOnlyDictionary<long, IReadOnlyDictionary<string, long>> IncidentsOfEachArticle(IReadOnlyCollection<long> articleIds) =>
        articleIds.Distinct().ToDictionary(id => id, IncidentsOfArticle);

    /// <summary>Puts incident <paramref name="other"/> into <paramref name="incidentId"/> and keeps them together from now on.</summary>
    Result<long> MergeIncidents(long incidentId, long other, string? note = null);

    /// <summary>Takes one event out of its incident (it becomes its own incident) and keeps it apart from the others from now on.</summary>
    Result<long> SplitReport(long incidentId, long articleId, string eventId, string? note = null);

    /// <summary>Forgets every incident and merges all stored articles again (reports derived anew from the stored documents), article by article in storage order (or newest first), keeping the analysts' decisions.</summary>
    int Remerge(bool newestFirst = false);

    /// <summary>The analysts' merge and split decisions, oldest first.</summary>
    IReadOnlyList<MergeAuditEntry> Audit();
}

public sealed record IncidentQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Place, country or admin1 text (case-insensitive substring).</summary>
    public string? Place { get; init; }
    /// <summary>Also list incidents of events no family merges (statements, meetings): each is its own incident.</summary>
    public bool All { get; init; }
    /// <summary>
    /// Only incidents with at least one report (stored event) matching these event filters: actor, place, action,
    /// modality, minimum confidence, box, full text, article. Its dates and paging are not used (the incident's own
    /// <see cref="From"/>/<see cref="To"/> are).
    /// </summary>
    public EventQuery? Reports { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
    /// <summary>Keyset paging: only incidents listed after this one (the last incident of the previous page).</summary>
    public long? After { get; init; }

    /// <summary>
    /// The incidents of the event filters: from/to on the incident's own dates, the others on its reports (an incident
    /// matches when one of its stored events does). Incidents are made of main events, so "every event" adds none; every
    /// family is listed (statements and meetings are incidents of their own).
    /// </summary>
    public static IncidentQuery Of(EventQuery filters)
    {
        bool onReports = filters.Actor is not null || filters.Place is not null || filters.Action is not null || filters.Modality is not null
            || filters.Text is not null || filters.MinConfidence is not null || filters.Box is not null || filters.ArticleId is not null;
        return new IncidentQuery
        {
            From = filters.From, To = filters.To, All = true, Limit = filters.Limit, Offset = filters.Offset,
            Reports = onReports ? filters with { From = null, To = null, All = true, After = null } : null,
        };
    }
}

/// <summary>An incident as listed: its derived fields (<see cref="IncidentFacts"/>) and who reported it.</summary>
public sealed record IncidentSummary(long Id, IncidentFacts Facts, IReadOnlyList<string> OutletNames)
{
    public string Key => StoreId.IncidentKey(Id);
    public DateOnly? DateFrom => Facts.DayLo is { } d ? DateOnly.FromDayNumber(d) : null;
    public DateOnly? DateTo => Facts.DayHi is { } d ? DateOnly.FromDayNumber(d) : null;
}

/// <summary>One report of an incident: a stored event, the figure it gave, and the link (partner report, score, reasons) that placed it.</summary>
public sealed record IncidentReport(
    long IncidentId, long ArticleId, string EventId, MergeReport Report, string? Uri, string? Title,
    string? PartnerRef, double? Score, string ReasonsJson)
{
    public string EventKey => StoreId.EventKey(ArticleId, EventId);
}

public sealed record MergeAuditEntry(long Id, string At, string Command, string Detail);
