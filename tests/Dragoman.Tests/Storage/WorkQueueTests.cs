using System.Globalization;
using Dragoman.Ingest;
using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Tests.Support;
using Npgsql;

namespace Dragoman.Tests.Storage;

/// <summary>
/// The PostgreSQL work queue: splitting inputs into jobs, claiming with a lease, committing fenced by the lease, expired
/// leases returning, poison jobs stopping, and re-runs storing nothing twice. Skips without DRAGOMAN_TEST_POSTGRES.
/// </summary>
public sealed class WorkQueueTests : IDisposable
{
    private readonly List<string> _schemas = [];
    private readonly List<IDisposable> _opened = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-queue-").FullName;

    public void Dispose()
    {
        foreach (var o in _opened) o.Dispose();
        TestPostgres.DropSchemas(_schemas);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (PostgresEventStore Store, WorkQueue Queue, string Location) Open()
    {
        var location = TestPostgres.NewSchema(_schemas);
        var store = PostgresEventStore.Open(location);
        _opened.Add(store);
        return (store, new WorkQueue(store), location);
    }

    /// <summary>A CSV of <paramref name="rows"/> short articles written for this test (title, text, date columns).</summary>
    private string Csv(string name, int rows)
    {
        var lines = new List<string> { "article_title,article_content,date" };
        for (int i = 1; i <= rows; i++)
            lines.Add($"Convoy {i} reaches town {i},\"Aid convoy number {i} reached the town of Town{i} on Monday, officials said.\",2019-0{1 + i % 9}-1{i % 10}");
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static IEnumerable<InputItem> Expand(params string[] paths) => InputSources.Expand(paths);

    private static void Sql(string location, string sql)
    {
        using var db = new NpgsqlConnection(location);
        db.Open();
        using var cmd = new NpgsqlCommand(sql, db);
        cmd.ExecuteNonQuery();
    }

    [SkippableTheory]
    [InlineData(7, 3, "0+3 3+3 6+1", "a CSV in ranges of 3 records, the last one shorter")]
    [InlineData(4, 25, "0+4", "a CSV smaller than one range is one job")]
    [InlineData(0, 1, "0+all", "a plain text file is one job")]
    public void Inputs_are_split_into_jobs_once(int rows, int perJob, string expected, string reason)
    {
        var (_, queue, _) = Open();
        string path;
        if (rows > 0) path = Csv("in.csv", rows);
        else File.WriteAllText(path = Path.Combine(_dir, "one.txt"), "Aid arrives\n\nAn aid convoy reached the town on Monday.");
        var (added, existing) = queue.Enqueue(Expand(path), perJob, 3);
        var jobs = queue.List(null, 100).Select(j => $"{j.FirstRecord}+{(j.RecordCount?.ToString(CultureInfo.InvariantCulture) ?? "all")}");
        Assert.True(expected == string.Join(' ', jobs), $"{reason}: got {string.Join(' ', jobs)}");
        Assert.Equal((expected.Split(' ').Length, 0), (added, existing));
        Assert.Equal((0, added), queue.Enqueue(Expand(path), perJob, 3));
    }

    [SkippableFact]
    public void Workers_store_every_record_once_and_a_rerun_stores_nothing_new()
    {
        var (store, queue, location) = Open();
        queue.Enqueue(Expand(Csv("a.csv", 5)), 2, 3);
        var worker = new QueueWorker(queue, TestPipeline.Instance, null, "test/1", TimeSpan.FromSeconds(30));
        var outcomes = new List<JobOutcome>();
        while (worker.RunOne() is { } o) outcomes.Add(o);
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(JobCommit.Done, o.Commit));
        Assert.Equal(5, outcomes.Sum(o => o.Stored));
        var counts = store.Counts();
        Assert.Equal(5, counts.Articles);

        // Every job run again (as after a crash between commit and acknowledgement): same rows, nothing twice.
        Sql(location, "UPDATE jobs SET state = 'queued', attempts = 0");
        while (worker.RunOne() is { } o) Assert.Equal((0, 0), (o.Stored, o.Failed));
        Assert.Equal(counts, store.Counts());
        Assert.Equal(0, queue.Unfinished());
    }

    [SkippableFact]
    public void A_worker_whose_lease_was_taken_over_commits_nothing()
    {
        var (store, queue, location) = Open();
        queue.Enqueue(Expand(Csv("b.csv", 1)), 5, 3);
        var first = queue.Claim("w1", TimeSpan.FromSeconds(30))!;
        Assert.Null(queue.Claim("w2", TimeSpan.FromSeconds(30))); // held: not claimable
        Sql(location, "UPDATE jobs SET lease_until = now() - interval '1 second'");
        var second = queue.Claim("w2", TimeSpan.FromSeconds(30));
        Assert.NotNull(second);
        Assert.Equal((first.Id, 2), (second.Id, second.Attempts));
        Assert.Equal(JobCommit.LeaseLost, queue.Complete(first, [StoreFixtures.Release()], []).Result);
        Assert.Equal(0, store.Counts().Articles);
        Assert.Equal(JobCommit.Done, queue.Complete(second, [StoreFixtures.Release()], []).Result);
        Assert.Equal(1, store.Counts().Articles);
    }

    [SkippableFact]
    public void A_worker_killed_in_the_middle_of_its_commit_leaves_nothing_and_the_job_runs_again()
    {
        var (store, queue, location) = Open();
        queue.Enqueue(Expand(Csv("d.csv", 3)), 5, 3);
        var dying = queue.Claim("dies", TimeSpan.FromSeconds(30))!;
        using (var db = new NpgsqlConnection(location))
        {
            db.Open();
            var tx = db.BeginTransaction();
            store.Add(db, tx, [StoreFixtures.Release(), StoreFixtures.Clash()]);
            // the process dies here: the server drops the connection and rolls its transaction back
        }
        Assert.Equal(0, store.Counts().Articles);
        Sql(location, "UPDATE jobs SET lease_until = now() - interval '1 second'");
        var worker = new QueueWorker(queue, TestPipeline.Instance, null, "lives", TimeSpan.FromSeconds(30));
        var outcome = worker.RunOne();
        Assert.NotNull(outcome);
        Assert.Equal((dying.Id, JobCommit.Done, 3, 2), (outcome.Job.Id, outcome.Commit, outcome.Stored, outcome.Job.Attempts));
        Assert.Equal(3, store.Counts().Articles);
    }

    [SkippableTheory]
    [InlineData("error", "a job that fails as a whole each time")]
    [InlineData("expired", "a job whose worker dies each time (its lease expires)")]
    public void A_poison_job_stops_after_its_attempts_with_its_error_kept(string how, string reason)
    {
        var (_, queue, location) = Open();
        queue.Enqueue(Expand(Csv("c.csv", 1)), 5, 2);
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            var job = queue.Claim("w", TimeSpan.FromSeconds(30));
            Assert.True(job is not null, $"{reason}: attempt {attempt} could not claim");
            if (how == "error") queue.Fail(job, $"boom {attempt}");
            else Sql(location, "UPDATE jobs SET lease_until = now() - interval '1 second'");
        }
        Assert.Null(queue.Claim("w", TimeSpan.FromSeconds(30)));
        var failed = Assert.Single(queue.List("failed", 10));
        Assert.Equal(2, failed.Attempts);
        Assert.Contains(how == "error" ? "boom 2" : "lease expired", failed.LastError);
        Assert.Equal(0, queue.Unfinished());
    }
}
