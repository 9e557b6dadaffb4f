using Dragoman.Ingest;
using Dragoman.Pipeline;
using Npgsql;

namespace Dragoman.Storage.Postgres;

/// <summary>What one claimed job came to.</summary>
public sealed record JobOutcome(Job Job, JobCommit? Commit, int Stored, int Duplicate, int Failed, string? Error);

/// <summary>
/// A stateless worker: claims a job, reads and processes its inputs, and commits the results with the job's checkpoint
/// (<see cref="WorkQueue.Complete"/>). It keeps nothing between jobs, so any number of them may run on any machines;
/// one that dies leaves its job to be claimed again when the lease expires. The lease is renewed while the job runs.
/// </summary>
public sealed class QueueWorker(WorkQueue queue, DocumentPipeline pipeline, DateOnly? reference, string name, TimeSpan lease)
{
    /// <summary>Claims and runs one job; null when none is claimable now, or when <paramref name="cancel"/> stopped the job (given back, <see cref="WorkQueue.Release"/>).</summary>
    public JobOutcome? RunOne(CancellationToken cancel = default)
    {
        var job = queue.Claim(name, lease);
        if (job is null) return null;
        using var renew = new Timer(_ => Renew(job), null, lease / 3, lease / 3);
        try
        {
            var documents = new List<StorableDocument>();
            var failures = new List<IngestFailure>();
            foreach (var item in Inputs(job))
            {
                cancel.ThrowIfCancellationRequested();
                var outcome = BatchProcessor.ProcessOne(item, pipeline, reference, ArticleBudget.Default, cancel);
                if (outcome.Document is not { } d) { failures.Add(new IngestFailure(outcome.Input, outcome.Error ?? "failed")); continue; }
                try
                {
                    var storable = StorableDocument.From(d);
                    _ = storable.Rows;
                    documents.Add(storable);
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
                {
                    failures.Add(new IngestFailure(outcome.Input, "output: " + ex.Message));
                }
            }
            renew.Change(Timeout.Infinite, Timeout.Infinite);
            var (commit, outcomes) = queue.Complete(job, documents, failures);
            return new JobOutcome(job, commit, outcomes.Count(o => o.Status == AddStatus.Stored), outcomes.Count(o => o.Status == AddStatus.Duplicate),
                failures.Count + outcomes.Count(o => o.Status == AddStatus.Failed), null);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // stopped before the commit: nothing of the job is written; queued again at once instead of after the lease
            renew.Change(Timeout.Infinite, Timeout.Infinite);
            try { queue.Release(job); } catch (NpgsqlException) { } // the lease expires and the job returns anyway
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NpgsqlException or InvalidOperationException)
        {
            renew.Change(Timeout.Infinite, Timeout.Infinite);
            try { queue.Fail(job, ex.Message); } catch (NpgsqlException) { } // the lease expires and the job returns anyway
            return new JobOutcome(job, null, 0, 0, 0, ex.Message);
        }
    }

    /// <summary>The job's inputs: the file's articles, or its records in the job's range.</summary>
    public static IEnumerable<InputItem> Inputs(Job job)
    {
        var items = InputSources.Expand([job.Source]).SelectMany(ArticleInputs.Split).Skip(job.FirstRecord);
        return job.RecordCount is int n ? items.Take(n) : items;
    }

    private void Renew(Job job)
    {
        try { queue.Renew(job, lease); }
        catch (NpgsqlException) { } // a missed renewal only shortens the lease; the commit is fenced anyway
    }
}
