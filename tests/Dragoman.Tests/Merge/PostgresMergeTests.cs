using Dragoman.Merge;
using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// What only the PostgreSQL merge has: many writers at once (the block locks), and the distance block (PostGIS) that
/// must never drop a pair the core's scorer could put together.
/// </summary>
public sealed class PostgresMergeTests : StoreContract<PostgresStores>
{
    /// <summary>Eight outlets' reports of the Kremenchuk strike and six of the Odesa strike four days later (two incidents).</summary>
    private static StorableDocument[] ManyReports() =>
    [
        .. Enumerable.Range(1, 8).Select(k => Strike($"Outlet {k}", Kremenchuk, StrikeDay.AddDays(k % 2), 14 + k, "Amstor")),
        .. Enumerable.Range(1, 6).Select(k => Strike($"Outlet {k}", Odesa, StrikeDay.AddDays(4), 17 + k, "Serhiivka")),
    ];

    public static TheoryData<int, int, string> Writers() => new()
    {
        { 2, 1, "two writers, one article a batch: each pair of simultaneous reports of one strike" },
        { 4, 1, "four writers, as in the fault test" },
        { 4, 3, "four writers, three articles a batch: batches overlap in both incidents" },
    };

    [SkippableTheory]
    [MemberData(nameof(Writers))]
    public void Writers_storing_reports_of_one_event_at_once_make_one_incident(int writers, int batch, string reason)
    {
        var docs = ManyReports();
        var (referenceEvents, reference) = NewStore();
        referenceEvents.Add(docs);
        var expected = IncidentStoreContract<PostgresStores>.Partition(reference);
        Assert.Equal(2, reference.ListIncidents(new IncidentQuery()).Count);

        for (int round = 0; round < 3; round++)
        {
            var location = Stores.NewLocation();
            var stores = Enumerable.Range(0, writers).Select(_ => Stores.Open(location)).ToArray();
            using var start = new Barrier(writers);
            Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
            {
                // Writer w stores every writers-th document, rotated per round so that different reports meet each time.
                var mine = docs.Where((_, i) => (i + round) % writers == w).ToList();
                start.SignalAndWait();
                foreach (var chunk in mine.Chunk(batch))
                    Assert.All(stores[w].Add(chunk), o => Assert.Equal(AddStatus.Stored, o.Status));
            });
            var merged = (IIncidentStore)stores[0];
            var incidents = merged.ListIncidents(new IncidentQuery { All = true });
            Assert.True(expected == IncidentStoreContract<PostgresStores>.Partition(merged),
                $"{reason}, round {round}: {incidents.Count} incidents ({string.Join(", ", incidents.Select(i => $"{i.Facts.PlaceName} {i.Facts.Reports}"))})");
            Assert.Equal(docs.Length, incidents.Sum(i => i.Facts.Reports));
        }
    }

    [SkippableFact]
    public void A_merge_a_writer_could_not_see_is_made_when_it_commits_first()
    {
        // One writer stores an article while another holds the same block: the second waits and then joins the incident.
        var location = Stores.NewLocation();
        var first = Stores.Open(location);
        var second = Stores.Open(location);
        first.Add([Strike("Wire One", Kremenchuk, StrikeDay, 15, "Amstor")]);
        var late = Task.Run(() => second.Add([Strike("Wire Two", Kremenchuk, StrikeDay, 20, "Amstor")]));
        first.Add([Strike("Wire Three", Kremenchuk, StrikeDay, 18, "Amstor")]);
        late.Wait();
        var incidents = ((IIncidentStore)first).ListIncidents(new IncidentQuery());
        Assert.Equal(3, Assert.Single(incidents).Facts.Reports);
    }

    /// <summary>A report <paramref name="km"/> north of <paramref name="place"/>, sharing everything else with the original.</summary>
    private static MergeReport Moved(MergeReport r, double km, string? precision) =>
        r with { Ref = "b:ev1", Lat = r.Lat + km / 111.195, GeonameId = null, Precision = precision };

    /// <summary>Named places only: a place inherited from the article's focus is exempt from the distance block (far away it
    /// counts as its country, InheritedPlaceTests).</summary>
    public static TheoryData<string, string?, string?> Reaches() => new()
    {
        { "two exact places", "exact", "exact" },
        { "an exact place and a region", "exact", "region" },
        { "a region and an unknown precision", "region", null },
        { "two country-precision places", "country", "country" },
    };

    [Theory]
    [MemberData(nameof(Reaches))]
    public void A_pair_beyond_the_distance_block_never_reaches_the_threshold(string reason, string? precisionA, string? precisionB)
    {
        // Everything else as favourable as it can be: same day in both texts, same action, three shared names, agreeing tolls.
        var a = Report("a:ev1", Kremenchuk, 738333, ["amstor", "kremenchuk", "poltava"], 18) with { Precision = precisionA };
        var b0 = Moved(a, 0, precisionB);
        double reach = PostgresEventStore.PlaceReach * Math.Max(PairScorer.Tolerance(a), PairScorer.Tolerance(b0));
        var beyond = Moved(a, reach + 1, precisionB);
        var within = Moved(a, 1, precisionB);
        Assert.True(PairScorer.Score(a, beyond).Score < PairScorer.Threshold, $"{reason}: {reach + 1:0} km apart scores {PairScorer.Score(a, beyond).Score:0.00}");
        Assert.True(PairScorer.Score(a, within).Score >= PairScorer.Threshold, $"{reason}: the same pair 1 km apart must merge (else the case tests nothing)");
    }
}
