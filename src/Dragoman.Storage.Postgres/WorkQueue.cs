using System.Text.Json;
using Dragoman.Ingest;
using Npgsql;

namespace Dragoman.Storage.Postgres;

/// <summary>One unit of work: a file, or a range of records of a CSV / JSON Lines file (<see cref="RecordCount"/> null: all).</summary>
public sealed record Job(long Id, string Source, int FirstRecord, int? RecordCount, Guid LeaseToken, int Attempts);

/// <summary>A row of <c>dragoman jobs</c>.</summary>
public sealed record JobStatus(
    long Id, string Source, int FirstRecord, int? RecordCount, string State, int Attempts, int MaxAttempts, string? Worker,
    DateTimeOffset? LeaseUntil, string? LastError, int Stored, int Duplicate, int Failed);

/// <summary>How a job ended when its worker committed it.</summary>
public enum JobCommit { Done, LeaseLost }

/// <summary>
/// The work queue on the store's own database (the SKIP LOCKED pattern of Oban, River, Graphile Worker): <c>jobs</c>
/// rows are claimed with a lease (a random token and an expiry); a worker commits its results and the job's checkpoint in
/// one transaction that first locks the job row and checks the token, so a worker whose lease was taken over commits
/// nothing. A lease that expires (its worker died) makes the job claimable again; a job that has used its attempts
/// stops as failed with its last error. Articles are keyed by content hash and events by (article, event id), and
/// every insert is ON CONFLICT DO NOTHING, so processing a job twice stores its results once.
/// </summary>
public sealed class WorkQueue(PostgresEventStore store)
{
    /// <summary>
    /// Splits <paramref name="items"/> (expanded inputs, one per file) into jobs: one per plain file, one per
    /// <paramref name="recordsPerJob"/> records of a CSV or JSON Lines file. Enqueueing the same inputs again adds nothing.
    /// Returns (jobs added, jobs already queued).
    /// </summary>
    public (int Added, int Existing) Enqueue(IEnumerable<InputItem> items, int recordsPerJob, int maxAttempts)
    {
        if (recordsPerJob < 1) throw new ArgumentOutOfRangeException(nameof(recordsPerJob), "records per job must be 1 or more");
        var jobs = new List<(string Source, int First, int? Count)>();
        foreach (var item in items)
        {
            var source = File.Exists(item.Input) ? Path.GetFullPath(item.Input) : item.Input;
            if (item.Raw is null && item.StreamedFile is null) { jobs.Add((source, 0, null)); continue; } // the worker reports why it cannot be read
            // counted as they are split, not held: a WARC file is streamed
            int records = 0;
            InputItem? firstItem = null;
            foreach (var split in ArticleInputs.Split(item)) { firstItem ??= split; records++; }
            bool container = records != 1 || !ReferenceEquals(firstItem, item);
            if (!container || records == 0) { jobs.Add((source, 0, null)); continue; }
            for (int first = 0; first < records; first += recordsPerJob)
                jobs.Add((source, first, Math.Min(recordsPerJob, records - first)));
        }
        using var db = store.OpenConnection();
        using var tx = db.BeginTransaction();
        int added = 0;
        using (var cmd = new NpgsqlCommand(
            "INSERT INTO jobs(source, first_record, record_count, max_attempts) VALUES ($1, $2, $3, $4) ON CONFLICT (source, first_record) DO NOTHING", db, tx))
        {
            var (src, first, count, max) = (cmd.Parameters.Add(new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text }),
                cmd.Parameters.Add(new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer }),
                cmd.Parameters.Add(new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer }),
                cmd.Parameters.Add(new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer }));
            foreach (var j in jobs)
            {
                (src.Value, first.Value, count.Value, max.Value) = (j.Source, j.First, (object?)j.Count ?? DBNull.Value, maxAttempts);
                added += cmd.ExecuteNonQuery();
            }
        }
        tx.Commit();
        return (added, jobs.Count - added);
    }

    /// <summary>
    /// Claims the oldest claimable job for <paramref name="worker"/> for <paramref name="lease"/>: a queued one, or a running
    /// one whose lease expired. First, jobs whose lease expired after their last attempt are marked failed.
    /// </summary>
    public Job? Claim(string worker, TimeSpan lease)
    {
        using var db = store.OpenConnection();
        using (var sweep = new NpgsqlCommand("""
            UPDATE jobs SET state = 'failed', lease_token = NULL, finished_at = now(),
                   last_error = COALESCE(last_error || '; ', '') || 'lease expired on attempt ' || attempts || ' of ' || max_attempts || ' (worker ' || COALESCE(worker, '?') || ' stopped?)'
            WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts
            """, db))
            sweep.ExecuteNonQuery();
        using var cmd = new NpgsqlCommand("""
            UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_token = gen_random_uuid(),
                   lease_until = now() + make_interval(secs => $1), worker = $2
            WHERE id = (
                SELECT id FROM jobs
                WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) AND attempts < max_attempts
                ORDER BY id
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING id, source, first_record, record_count, lease_token, attempts
            """, db);
        cmd.Parameters.AddWithValue(lease.TotalSeconds);
        cmd.Parameters.AddWithValue(worker);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new Job(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetGuid(4), r.GetInt32(5));
    }

    /// <summary>
    /// Stores the job's documents and marks it done, in one transaction fenced by the lease: the job row is locked and
    /// its token checked first; when another worker holds the job now, nothing is written.
    /// </summary>
    public (JobCommit Result, IReadOnlyList<AddOutcome> Outcomes) Complete(Job job, IReadOnlyList<StorableDocument> documents, IReadOnlyList<IngestFailure> failures)
    {
        using var db = store.OpenConnection();
        using var tx = db.BeginTransaction();
        if (!HoldsLease(db, tx, job)) return (JobCommit.LeaseLost, []);
        var outcomes = store.Add(db, tx, documents);
        var allFailures = failures.Concat(outcomes.Where(o => o.Status == AddStatus.Failed).Select(o => new IngestFailure(o.Hash, o.Error ?? "not stored"))).ToList();
        using (var done = new NpgsqlCommand("""
            UPDATE jobs SET state = 'done', lease_token = NULL, finished_at = now(), stored = $2, duplicate = $3, failed = $4, failures = $5
            WHERE id = $1
            """, db, tx))
        {
            done.Parameters.AddWithValue(job.Id);
            done.Parameters.AddWithValue(outcomes.Count(o => o.Status == AddStatus.Stored));
            done.Parameters.AddWithValue(outcomes.Count(o => o.Status == AddStatus.Duplicate));
            done.Parameters.AddWithValue(allFailures.Count);
            done.Parameters.AddWithValue(JsonSerializer.Serialize(allFailures.Select(f => new[] { f.Input, f.Reason })));
            done.ExecuteNonQuery();
        }
        tx.Commit();
        return (JobCommit.Done, outcomes);
    }

    /// <summary>Gives a job back after an error that stopped it as a whole: queued again, or failed once its attempts are used.</summary>
    public void Fail(Job job, string error)
    {
        using var db = store.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                   finished_at = CASE WHEN attempts >= max_attempts THEN now() END, lease_token = NULL, last_error = $3
            WHERE id = $1 AND lease_token = $2
            """, db);
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(job.LeaseToken);
        cmd.Parameters.AddWithValue(error);
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Gives a job back untouched when its worker is stopped (SIGINT, SIGTERM) before it committed: queued again at once,
    /// the attempt not counted (nothing of the job was written, and the stop was not the job's fault).
    /// </summary>
    public void Release(Job job)
    {
        using var db = store.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), lease_token = NULL, lease_until = NULL, worker = NULL
            WHERE id = $1 AND lease_token = $2 AND state = 'running'
            """, db);
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(job.LeaseToken);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Extends a job's lease while its worker is still on it; false when the lease is no longer this worker's.</summary>
    public bool Renew(Job job, TimeSpan lease)
    {
        using var db = store.OpenConnection();
        using var cmd = new NpgsqlCommand(
            "UPDATE jobs SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND lease_token = $2 AND state = 'running'", db);
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(job.LeaseToken);
        cmd.Parameters.AddWithValue(lease.TotalSeconds);
        return cmd.ExecuteNonQuery() == 1;
    }

    private static bool HoldsLease(NpgsqlConnection db, NpgsqlTransaction tx, Job job)
    {
        using var cmd = new NpgsqlCommand("SELECT 1 FROM jobs WHERE id = $1 AND lease_token = $2 AND state = 'running' FOR UPDATE", db, tx);
        cmd.Parameters.AddWithValue(job.Id);
        cmd.Parameters.AddWithValue(job.LeaseToken);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>Jobs not yet finished: queued, or running under any lease (live or expired).</summary>
    public long Unfinished()
    {
        using var db = store.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')", db);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>How many jobs are in each state.</summary>
    public IReadOnlyDictionary<string, long> CountByState()
    {
        using var db = store.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT state, COUNT(*) FROM jobs GROUP BY state", db);
        using var r = cmd.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read()) counts[r.GetString(0)] = r.GetInt64(1);
        return counts;
    }

    /// <summary>Jobs in <paramref name="state"/> (null: all), oldest first.</summary>
    public IReadOnlyList<JobStatus> List(string? state, int limit)
    {
        using var db = store.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            SELECT id, source, first_record, record_count, state, attempts, max_attempts, worker, lease_until, last_error, stored, duplicate, failed
            FROM jobs WHERE $1::text IS NULL OR state = $1 ORDER BY id LIMIT $2
            """, db);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)state ?? DBNull.Value });
        cmd.Parameters.AddWithValue((long)limit);
        using var r = cmd.ExecuteReader();
        var list = new List<JobStatus>();
        while (r.Read())
            list.Add(new JobStatus(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetString(4),
                r.GetInt32(5), r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
                r.IsDBNull(9) ? null : r.GetString(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12)));
        return list;
    }
}
