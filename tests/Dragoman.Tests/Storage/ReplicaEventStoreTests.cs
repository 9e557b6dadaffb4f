using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Storage.Sqlite;
using static Dragoman.Tests.Storage.StoreFixtures;

namespace Dragoman.Tests.Storage;

/// <summary>`serve --read-db`: writes go to the primary, every read to the replica.</summary>
public sealed class ReplicaEventStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-replica-").FullName;
    private readonly List<string> _schemas = [];

    public void Dispose()
    {
        TestPostgres.DropSchemas(_schemas);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("add", "primary", "writes go to the primary")]
    [InlineData("counts", "replica", "totals are read from the replica")]
    [InlineData("events", "replica", "event listings are read from the replica")]
    [InlineData("search", "replica", "full-text search runs on the replica")]
    [InlineData("article", "replica", "an article is read from the replica")]
    [InlineData("actors", "replica", "actor listings are read from the replica")]
    [InlineData("incidents", "replica", "incident listings are read from the replica")]
    [InlineData("remerge", "primary", "re-merging (an analyst's command) runs on the primary")]
    public void Writes_go_to_the_primary_and_reads_to_the_replica(string member, string expected, string reason)
    {
        // The primary holds the release article, the replica the clash article: what comes back shows who answered.
        using var primary = SqliteEventStore.Open(Path.Combine(_dir, "primary.db"));
        using var replica = SqliteEventStore.Open(Path.Combine(_dir, "replica.db"));
        primary.Add([Release()]);
        replica.Add([Clash()]);
        var store = new ReplicaEventStore(primary, replica);
        string Answer(bool fromReplica) => fromReplica ? "replica" : "primary";
        var got = member switch
        {
            "add" => Answer(!(store.Add([Soap()]).Single().Status == AddStatus.Stored && replica.Counts().Articles == 1 && primary.Counts().Articles == 2)),
            "counts" => Answer(store.Counts() == replica.Counts()),
            "events" => Answer(store.QueryEvents(new EventQuery()).Value!.All(e => e.ArticleTitle == ClashTitle)),
            "search" => Answer(store.Search("idlib").Value!.Count == 1),
            "article" => Answer(store.GetArticle(1)!.Article.Title == ClashTitle),
            "actors" => Answer(store.ListActors().Select(a => a.Name).SequenceEqual(replica.ListActors().Select(a => a.Name))
                && !store.ListActors().Any(a => a.Name == "Air Force Intelligence")),
            "incidents" => Answer(store.ListIncidents(new IncidentQuery { All = true }).SelectMany(i => store.ReportEvents(i.Id)).ToList() is { Count: > 0 } reports
                && reports.All(e => e.ArticleTitle == ClashTitle)),
            "remerge" => Answer(store.Remerge() != primary.ListIncidents(new IncidentQuery { All = true }).Count),
            _ => throw new ArgumentException(member),
        };
        Assert.True(expected == got, reason);
    }

    [SkippableFact]
    public void A_replica_is_opened_without_migrating_and_refused_until_its_schema_is_current()
    {
        var location = TestPostgres.NewSchema(_schemas);
        var ex = Assert.Throws<InvalidOperationException>(() => PostgresEventStore.OpenReplica(location));
        Assert.Contains("open the primary first", ex.Message);
        using (var primary = PostgresEventStore.Open(location)) primary.Add([Release()]);
        using var replica = PostgresEventStore.OpenReplica(location);
        Assert.Equal(1, replica.Counts().Articles);
    }
}
