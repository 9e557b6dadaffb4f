using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>Merging in the SQLite store: order independence, idempotent re-ingest, analysts' decisions across re-merging, every figure kept.</summary>
public sealed class IncidentStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-merge-").FullName;
    private int _n;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SqliteEventStore NewStore() => SqliteEventStore.Open(Path.Combine(_dir, $"m{++_n}.db"));

    private static readonly DateOnly Day = StrikeDay;

    private static StorableDocument[] Corpus() => TwoStrikes();

    /// <summary>The partition as sets of article URIs, independent of incident and article numbers.</summary>
    private static string Partition(SqliteEventStore store) =>
        string.Join(" | ", store.ListIncidents(new IncidentQuery { Limit = 1000 })
            .Select(i => string.Join(",", store.ReportsOf(i.Id).Select(r => r.Uri).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));

    [Fact]
    public void Ingest_order_does_not_change_the_incidents()
    {
        using var forward = NewStore();
        forward.Add(Corpus());
        using var backward = NewStore();
        foreach (var d in Corpus().Reverse()) backward.Add([d]);
        Assert.Equal(2, forward.ListIncidents(new IncidentQuery()).Count);
        Assert.Equal(Partition(forward), Partition(backward));
    }

    [Fact]
    public void Re_ingesting_and_re_merging_change_nothing()
    {
        using var store = NewStore();
        store.Add(Corpus());
        var before = Partition(store);
        Assert.All(store.Add(Corpus()), o => Assert.Equal(AddStatus.Duplicate, o.Status));
        Assert.Equal(before, Partition(store));
        store.Remerge();
        Assert.Equal(before, Partition(store));
        store.Remerge(newestFirst: true);
        Assert.Equal(before, Partition(store));
    }

    [Fact]
    public void Conflicting_tolls_are_all_kept_and_the_incident_takes_the_lowest()
    {
        using var store = NewStore();
        store.Add(Corpus());
        var kremenchuk = store.ListIncidents(new IncidentQuery { Place = "kremenchuk" }).Single();
        Assert.Equal((15, 20, 15), (kremenchuk.Facts.KilledMin, kremenchuk.Facts.KilledMax, kremenchuk.Facts.Fatalities));
        var reports = store.ReportsOf(kremenchuk.Id);
        Assert.Equal([15, 18, 20], reports.Select(r => r.Report.Killed ?? -1).Order());
        Assert.Equal(3, kremenchuk.Facts.Outlets);
        Assert.All(reports, r => Assert.Contains("\"feature\":\"place\"", r.ReasonsJson, StringComparison.Ordinal));
    }

    [Fact]
    public void Manual_merge_and_split_survive_re_merging_and_new_articles()
    {
        using var store = NewStore();
        store.Add(Corpus());
        var incidents = store.ListIncidents(new IncidentQuery());
        long kremenchuk = incidents.Single(i => i.Facts.PlaceName == "Kremenchuk").Id, odesa = incidents.Single(i => i.Facts.PlaceName == "Odesa").Id;

        var merged = store.MergeIncidents(kremenchuk, odesa, "one campaign");
        Assert.True(merged.IsOk, merged.Error);
        store.Remerge();
        store.Add([Strike("Wire Four", Odesa, Day.AddDays(4), 20, "Serhiivka")]);
        Assert.Single(store.ListIncidents(new IncidentQuery()));

        var all = store.ListIncidents(new IncidentQuery()).Single();
        var third = store.ReportsOf(all.Id).First(r => r.Report.Killed == 18);
        var split = store.SplitReport(all.Id, third.ArticleId, third.EventId, "a later strike");
        Assert.True(split.IsOk, split.Error);
        store.Remerge(newestFirst: true);
        Assert.Equal(2, store.ListIncidents(new IncidentQuery()).Count);
        Assert.Equal(split.Value, store.IncidentOf(third.ArticleId, third.EventId));
        Assert.Equal(["merge", "split"], store.Audit().Select(a => a.Command));
    }
}
