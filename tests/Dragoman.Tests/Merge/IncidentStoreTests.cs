using Dragoman.Storage;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>Merging in a store, on every provider: order independence, idempotent re-ingest, analysts' decisions across re-merging, every figure kept.</summary>
public abstract class IncidentStoreContract<TStores> : StoreContract<TStores> where TStores : ITestStores, new()
{
    private static readonly DateOnly Day = StrikeDay;

    private static StorableDocument[] Corpus() => TwoStrikes();

    /// <summary>The partition as sets of article URIs, independent of incident and article numbers.</summary>
    public static string Partition(IIncidentStore store) =>
        string.Join(" | ", store.ListIncidents(new IncidentQuery { Limit = 1000 })
            .Select(i => string.Join(",", store.ReportsOf(i.Id).Select(r => r.Uri).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));

    public static TheoryData<string, int[], string> Orders() => new()
    {
        { "reversed, one article a batch", [4, 3, 2, 1, 0], "each article merges with what the earlier ones made" },
        { "interleaved, one a batch", [3, 0, 4, 1, 2], "Odesa before Kremenchuk and back" },
        { "the later Kremenchuk report first", [2, 1, 0, 4, 3], "the report a day late starts the incident the others join" },
    };

    [SkippableTheory]
    [MemberData(nameof(Orders))]
    public void Ingest_order_does_not_change_the_incidents(string order, int[] sequence, string reason)
    {
        var forward = NewStore();
        forward.Events.Add(Corpus());
        var other = NewStore();
        var corpus = Corpus();
        foreach (var i in sequence) other.Events.Add([corpus[i]]);
        Assert.Equal(2, forward.Incidents.ListIncidents(new IncidentQuery()).Count);
        Assert.True(Partition(forward.Incidents) == Partition(other.Incidents), $"{order} ({reason}): {Partition(other.Incidents)}");
    }

    /// <summary>
    /// An undated page naming the day ("On June 27", no year) of the Kremenchuk strike at a place of its own a few
    /// kilometres away, naming the strike's mall: the store's indexes of days of the year (incident_report_days, and
    /// incident_report_name_days for the dated side) find the incident, in any order; a day of the year a week away finds
    /// nothing, nor does the same day when the page shares no name word with the strike (MergeBlocking).
    /// </summary>
    public static TheoryData<string, int, string, bool, bool> UndatedDays() => new()
    {
        { "the strike's day without a year, stored last", 0, "Amstor", false, true },
        { "the strike's day without a year, stored first", 0, "Amstor", true, true },
        { "a week later: outside the window of days", 7, "Amstor", false, false },
        { "the strike's day, no name word shared, stored last: a day of the year alone is no key", 0, "Brenvik", false, false },
        { "the strike's day, no name word shared, stored first", 0, "Brenvik", true, false },
    };

    [SkippableTheory]
    [MemberData(nameof(UndatedDays))]
    public void An_undated_report_meets_its_countrys_reports_of_its_day_of_the_year(string reason, int daysLater, string name, bool undatedFirst, bool joins)
    {
        var undated = UndatedStrike("Wire Four", KremenchukOutskirts, Day.AddDays(daysLater), name);
        var (events, store) = NewStore();
        if (undatedFirst) { events.Add([undated]); events.Add(Corpus()); }
        else { events.Add(Corpus()); events.Add([undated]); }
        var batch = NewStore();
        batch.Events.Add([.. Corpus(), undated]);
        Assert.True(Partition(store) == Partition(batch.Incidents), $"{reason}: order changed the incidents");
        string withUndated = Partition(store).Split(" | ").Single(g => g.Contains("undated", StringComparison.Ordinal));
        Assert.True(joins == withUndated.Contains(',', StringComparison.Ordinal), $"{reason}: {Partition(store)}");
        Assert.Equal(joins ? 2 : 3, store.ListIncidents(new IncidentQuery()).Count);
        Assert.Equal(Partition(store), Partition(Remerged(store)));
    }

    /// <summary>
    /// The names key of an undated report (MergeBlocking): an undated page placed in another country that names two of the
    /// strike's invented name words meets it through incident_report_names (indexed under UndatedNameDay), in either
    /// order; with one name word shared it is not compared (another country, and no window to read).
    /// </summary>
    public static TheoryData<string, string, bool, bool> UndatedSharedNames() => new()
    {
        { "two name words shared, the undated report stored last", "Amstor Halvik", false, true },
        { "two name words shared, the undated report stored first", "Amstor Halvik", true, true },
        { "one name word shared: not compared", "Amstor", false, false },
    };

    [SkippableTheory]
    [MemberData(nameof(UndatedSharedNames))]
    public void An_undated_report_in_another_country_meets_the_reports_sharing_two_name_words(string reason, string name, bool undatedFirst, bool joins)
    {
        AssertJoinsTheNamedStrike(reason, UndatedStrike("Wire Six", AcrossTheLine, Day, name), undatedFirst, joins);
    }

    /// <summary>A village a few kilometres from Kremenchuk that a geocoder put in another country (invented, as the geocoding error).</summary>
    private static readonly Place AcrossTheLine = new("Borderville", "9990002", 49.09, 33.44, "MD");

    /// <summary>
    /// The names key (MergeBlocking): a strike naming two invented name words in Kremenchuk, and one report of it placed in
    /// another country; the store's index of name words (incident_report_names) finds the incident in either order when
    /// the second report shares two name words within the window, and not with one word or a week later.
    /// </summary>
    public static TheoryData<string, string, int, bool, bool> SharedNames() => new()
    {
        { "two name words shared, the other country's report stored last", "Amstor Halvik", 0, false, true },
        { "two name words shared, the other country's report stored first", "Amstor Halvik", 0, true, true },
        { "two name words shared, a day later", "Halvik Amstor", 1, false, true },
        { "one name word shared: another country's report is not compared", "Amstor", 0, false, false },
        { "two name words shared but a week later: outside the window", "Amstor Halvik", 7, true, false },
    };

    [SkippableTheory]
    [MemberData(nameof(SharedNames))]
    public void A_report_placed_in_another_country_meets_the_reports_sharing_two_name_words(string reason, string name, int daysLater, bool otherFirst, bool joins)
    {
        AssertJoinsTheNamedStrike(reason, Strike("Wire Five", AcrossTheLine, Day.AddDays(daysLater), 15, name), otherFirst, joins);
    }

    /// <summary>
    /// Two reports of a strike in Kremenchuk naming "Amstor Halvik", and <paramref name="other"/> stored before or after
    /// them: the incidents are those of one batch, <paramref name="other"/> joins them or stands alone, and a re-merge
    /// keeps them.
    /// </summary>
    private void AssertJoinsTheNamedStrike(string reason, StorableDocument other, bool otherFirst, bool joins)
    {
        StorableDocument[] home = [Strike("Wire One", Kremenchuk, Day, 15, "Amstor Halvik"), Strike("Wire Two", Kremenchuk, Day, 15, "Amstor Halvik")];
        var (events, store) = NewStore();
        if (otherFirst) { events.Add([other]); events.Add(home); }
        else { events.Add(home); events.Add([other]); }
        var batch = NewStore();
        batch.Events.Add([.. home, other]);
        Assert.True(Partition(store) == Partition(batch.Incidents), $"{reason}: order changed the incidents");
        Assert.True((joins ? 1 : 2) == store.ListIncidents(new IncidentQuery()).Count, $"{reason}: {Partition(store)}");
        Assert.Equal(Partition(store), Partition(Remerged(store)));
    }

    private static IIncidentStore Remerged(IIncidentStore store)
    {
        store.Remerge(newestFirst: true);
        return store;
    }

    /// <summary>
    /// A report whose days span weeks (stored first, or second) meets a report near its end: its first day lies further back
    /// than a week before the other's window, so only the long reports' index range (SQLite 19, PostgreSQL 17) reads it.
    /// A short report the same distance back stays apart (outside the window).
    /// </summary>
    public static TheoryData<string, bool, bool> LongReports() => new()
    {
        { "a report of 24 days stored first, one on its 23rd day second", true, true },
        { "the same two stored the other way round", false, true },
        { "a one-day report 22 days before the other: outside the window", true, false },
    };

    [SkippableTheory]
    [MemberData(nameof(LongReports))]
    public void A_report_spanning_weeks_meets_the_reports_of_its_last_days(string reason, bool longFirst, bool spans)
    {
        var start = Day.AddDays(-30);
        var longer = Strike("Wire One", Kremenchuk, start, null, "Amstor", until: spans ? start.AddDays(23) : null);
        var later = Strike("Wire Two", Kremenchuk, start.AddDays(22), null, "Amstor");
        var (events, store) = NewStore();
        if (longFirst) { events.Add([longer]); events.Add([later]); }
        else { events.Add([later]); events.Add([longer]); }
        Assert.True((spans ? 1 : 2) == store.ListIncidents(new IncidentQuery()).Count, $"{reason}: {Partition(store)}");
    }

    [SkippableFact]
    public void Re_ingesting_and_re_merging_change_nothing()
    {
        var (events, store) = NewStore();
        events.Add(Corpus());
        var before = Partition(store);
        Assert.All(events.Add(Corpus()), o => Assert.Equal(AddStatus.Duplicate, o.Status));
        Assert.Equal(before, Partition(store));
        Assert.Equal(2, store.Remerge());
        Assert.Equal(before, Partition(store));
        store.Remerge(newestFirst: true);
        Assert.Equal(before, Partition(store));
    }

    [SkippableFact]
    public void Merging_switched_off_stores_no_incidents_and_remerge_makes_them()
    {
        var (events, store) = NewStore();
        store.MergeOnAdd = false;
        events.Add(Corpus());
        Assert.Empty(store.ListIncidents(new IncidentQuery { All = true }));
        Assert.Equal(2, store.Remerge());
        var reference = NewStore();
        reference.Events.Add(Corpus());
        Assert.Equal(Partition(reference.Incidents), Partition(store));
    }

    [SkippableFact]
    public void Conflicting_tolls_are_all_kept_and_the_incident_takes_the_lowest()
    {
        var (events, store) = NewStore();
        events.Add(Corpus());
        var kremenchuk = store.ListIncidents(new IncidentQuery { Place = "kremenchuk" }).Single();
        Assert.Equal((15, 20, 15), (kremenchuk.Facts.KilledMin, kremenchuk.Facts.KilledMax, kremenchuk.Facts.Fatalities));
        var reports = store.ReportsOf(kremenchuk.Id);
        Assert.Equal([15, 18, 20], reports.Select(r => r.Report.Killed ?? -1).Order());
        Assert.Equal(3, kremenchuk.Facts.Outlets);
        Assert.Equal(["Wire One", "Wire Three", "Wire Two"], kremenchuk.OutletNames);
        Assert.All(reports, r => Assert.Contains("\"feature\":\"place\"", r.ReasonsJson, StringComparison.Ordinal));
        Assert.Equal(reports.Select(r => r.EventKey), store.ReportEvents(kremenchuk.Id).Select(e => StoreId.EventKey(e.ArticleId, e.EventId)));
        Assert.All(reports, r => Assert.Equal(kremenchuk.Id, store.IncidentsOfArticle(r.ArticleId)[r.EventId]));
    }

    [SkippableFact]
    public void Manual_merge_and_split_survive_re_merging_and_new_articles()
    {
        var (events, store) = NewStore();
        events.Add(Corpus());
        var incidents = store.ListIncidents(new IncidentQuery());
        long kremenchuk = incidents.Single(i => i.Facts.PlaceName == "Kremenchuk").Id, odesa = incidents.Single(i => i.Facts.PlaceName == "Odesa").Id;

        var merged = store.MergeIncidents(kremenchuk, odesa, "one campaign");
        Assert.True(merged.IsOk, merged.Error);
        store.Remerge();
        events.Add([Strike("Wire Four", Odesa, Day.AddDays(4), 20, "Serhiivka")]);
        Assert.Single(store.ListIncidents(new IncidentQuery()));

        var all = store.ListIncidents(new IncidentQuery()).Single();
        var third = store.ReportsOf(all.Id).First(r => r.Report.Killed == 18);
        var split = store.SplitReport(all.Id, third.ArticleId, third.EventId, "a later strike");
        Assert.True(split.IsOk, split.Error);
        store.Remerge(newestFirst: true);
        Assert.Equal(2, store.ListIncidents(new IncidentQuery()).Count);
        Assert.Equal(split.Value, store.IncidentOf(third.ArticleId, third.EventId));
        Assert.Equal(["merge", "split"], store.Audit().Select(a => a.Command));
        Assert.EndsWith(": a later strike", store.Audit()[1].Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_analyst_may_merge_incidents_of_different_kinds_and_the_link_says_it_has_no_score()
    {
        var (events, store) = NewStore();
        var release = Dragoman.Tests.Storage.StoreFixtures.Release(); // a release of detainees: no mergeable family
        events.Add([.. Corpus(), release]);
        var strike = store.ListIncidents(new IncidentQuery { Place = "odesa" }).Single();
        var other = store.ListIncidents(new IncidentQuery { All = true }).First(i => i.Facts.Family is null);
        var merged = store.MergeIncidents(strike.Id, other.Id, "one story");
        Assert.True(merged.IsOk, merged.Error);
        var reports = store.ReportsOf(merged.Value);
        Assert.Equal(strike.Facts.Reports + other.Facts.Reports, reports.Count);
        Assert.Contains(reports, r => r.Score is null && r.ReasonsJson.Contains("no score, kept together by an analyst", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> BadDecisions() => new()
    {
        { "merge", "an incident with itself", "same incident" },
        { "merge", "an incident that does not exist", "no incident i999" },
        { "split", "an event that is not a report of the incident", "is not a report of" },
        { "split", "an incident of one report", "one report only" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadDecisions))]
    public void A_decision_that_cannot_be_made_says_why_and_changes_nothing(string command, string reason, string message)
    {
        var (events, store) = NewStore();
        events.Add([.. Corpus(), Strike("Wire One", Ankara, Day.AddDays(30), 2, "Kizilay")]);
        var before = Partition(store);
        var kremenchuk = store.ListIncidents(new IncidentQuery { Place = "kremenchuk" }).Single();
        var ankara = store.ListIncidents(new IncidentQuery { Place = "ankara" }).Single();
        var odesaReport = store.ReportsOf(store.ListIncidents(new IncidentQuery { Place = "odesa" }).Single().Id)[0];
        var ankaraReport = store.ReportsOf(ankara.Id).Single();
        var result = (command, reason) switch
        {
            ("merge", "an incident with itself") => store.MergeIncidents(kremenchuk.Id, kremenchuk.Id),
            ("merge", _) => store.MergeIncidents(kremenchuk.Id, 999),
            ("split", "an incident of one report") => store.SplitReport(ankara.Id, ankaraReport.ArticleId, ankaraReport.EventId),
            _ => store.SplitReport(kremenchuk.Id, odesaReport.ArticleId, odesaReport.EventId),
        };
        Assert.False(result.IsOk, reason);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Partition(store));
        Assert.Empty(store.Audit());
    }
}

public sealed class SqliteIncidentStoreTests : IncidentStoreContract<SqliteStores>;

public sealed class PostgresIncidentStoreTests : IncidentStoreContract<PostgresStores>;
