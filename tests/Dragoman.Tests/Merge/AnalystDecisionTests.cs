using Dragoman.Storage;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// An analyst's merge and split hold through everything that re-derives incidents: re-merging in either order,
/// re-ingesting the same articles, and a new article that reports one of the incidents.
/// </summary>
public abstract class AnalystDecisionContract<TStores> : StoreContract<TStores> where TStores : ITestStores, new()
{

    private IIncidentStore Store => WithStrikes.Incidents;

    /// <summary>The incident of each report, by its article's URI.</summary>
    private Dictionary<string, long> IncidentByUri() =>
        Store.ListIncidents(new IncidentQuery { All = true, Limit = 1000 })
            .SelectMany(i => Store.ReportsOf(i.Id).Select(r => (r.Uri!, i.Id)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    public static TheoryData<string, string> Afterwards() => new()
    {
        { "re-merge", "re-merging every article, oldest first" },
        { "re-merge newest first", "re-merging in the other order" },
        { "re-ingest", "the same articles again: duplicates change nothing" },
        { "new report", "a fourth outlet's report of the Odesa strike joins what the analyst decided" },
    };

    private void Then(string step)
    {
        switch (step)
        {
            case "re-merge": Store.Remerge(); break;
            case "re-merge newest first": Store.Remerge(newestFirst: true); break;
            case "re-ingest": Assert.All(WithStrikes.Events.Add(TwoStrikes()), o => Assert.Equal(AddStatus.Duplicate, o.Status)); break;
            case "new report": WithStrikes.Events.Add([Strike("Wire Four", Odesa, StrikeDay.AddDays(4), 20, "Serhiivka")]); break;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Afterwards))]
    public void A_merge_holds(string step, string reason)
    {
        var before = IncidentByUri();
        var ids = before.Values.Distinct().ToList();
        Assert.Equal(2, ids.Count);
        Assert.True(Store.MergeIncidents(ids[0], ids[1], "one campaign").IsOk);
        Then(step);
        var after = IncidentByUri();
        Assert.True(after.Values.Distinct().Count() == 1, $"{reason}: {after.Values.Distinct().Count()} incidents");
        Assert.Equal(before.Count + (step == "new report" ? 1 : 0), after.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Afterwards))]
    public void A_split_holds(string step, string reason)
    {
        var kremenchuk = Store.ListIncidents(new IncidentQuery { Place = "kremenchuk" }).Single();
        var third = Store.ReportsOf(kremenchuk.Id).Single(r => r.Report.Killed == 18);
        Assert.True(Store.SplitReport(kremenchuk.Id, third.ArticleId, third.EventId, "a later strike").IsOk);
        Then(step);
        var after = IncidentByUri();
        var alone = after[third.Uri!];
        Assert.True(after.Count(p => p.Value == alone) == 1, $"{reason}: the split report shares its incident");
        Assert.True(after.Where(p => p.Key.Contains("Amstor", StringComparison.Ordinal) && p.Key != third.Uri).Select(p => p.Value).Distinct().Count() == 1,
            $"{reason}: the other two Kremenchuk reports stay together");
        Assert.Equal(["split"], Store.Audit().Select(a => a.Command));
    }
}

public sealed class SqliteAnalystDecisionTests : AnalystDecisionContract<SqliteStores>;

public sealed class PostgresAnalystDecisionTests : AnalystDecisionContract<PostgresStores>;
