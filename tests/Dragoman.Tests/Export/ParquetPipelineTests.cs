using Dragoman.Cli.Commands;
using Dragoman.Export;
using Dragoman.Storage;

namespace Dragoman.Tests.Export;

/// <summary>
/// The pipelined Parquet write (the store's read on one thread, column conversion and encoding on another, issue 19) against the
/// sequential one: the same bytes for any number of row groups, and a failure or cancellation in any stage surfaces,
/// stops the other stages and leaves no file.
/// </summary>
public sealed class ParquetPipelineTests : ExportStoreTests
{
    /// <summary>The store's four events repeated with new event ids, as many as asked for.</summary>
    private IReadOnlyList<EventRecord> Many(int count)
    {
        var stored = Events();
        return [.. Enumerable.Range(0, count).Select(i => stored[i % stored.Count] with { EventId = i < stored.Count ? stored[i].EventId : "ev" + (100 + i) })];
    }

    private static async Task<byte[]> Parquet(IEnumerable<EventRecord> events, int groupSize, int inFlight)
    {
        using var output = new MemoryStream();
        await new ParquetExporter { RowGroupSize = groupSize, RowGroupsInFlight = inFlight }.WriteAsync(events, output);
        return output.ToArray();
    }

    [Theory]
    [InlineData(0, 2, 1, "an empty store: one empty row group, as written before")]
    [InlineData(1, 2, 1, "one event: a short row group")]
    [InlineData(2, 2, 1, "exactly one full row group: no empty group after it")]
    [InlineData(4, 2, 1, "two full row groups")]
    [InlineData(4, 3, 1, "a full group and a short last one")]
    [InlineData(4, 1, 1, "more row groups than the channels hold: the reader waits for the writer")]
    [InlineData(25, 4, 3, "seven groups with three waiting in the channel")]
    [InlineData(25, 10_000, 1, "the default group size: one group")]
    public async Task The_pipelined_write_gives_the_sequential_bytes(int count, int groupSize, int inFlight, string reason)
    {
        var events = Many(count);
        var sequential = await Parquet(events, groupSize, inFlight: 0);
        var pipelined = await Parquet(events, groupSize, inFlight);
        Assert.True(sequential.AsSpan().SequenceEqual(pipelined), reason);
    }

    [Fact]
    public async Task The_pipeline_reads_the_store_on_its_own_thread_and_gives_the_same_bytes()
    {
        // straight from the store's keyset pages, as `export` reads them (the 0-event case filters every event out)
        foreach (var (query, max) in new (EventQuery, int?)[] { (new EventQuery { All = true }, null), (new EventQuery { All = true }, 1), (new EventQuery { Box = new BoundingBox(0, 0, 1, 1) }, null) })
        {
            var sequential = await Parquet(EventExporters.Enumerate(_store, query, max), 2, inFlight: 0);
            var pipelined = await Parquet(EventExporters.Enumerate(_store, query, max), 2, inFlight: 1);
            Assert.True(sequential.AsSpan().SequenceEqual(pipelined), $"{max} of {query}");
        }
    }

    /// <summary>Endless events (each stage must be stopped by the failure, not by running out), or a failure after <c>throwAfter</c>.</summary>
    private sealed class Source(IReadOnlyList<EventRecord> events, int? throwAfter = null, Action<int>? onEach = null)
    {
        public bool Disposed { get; private set; }
        public int Read { get; private set; }

        public IEnumerable<EventRecord> Events()
        {
            try
            {
                for (int i = 0; ; i++)
                {
                    if (i == throwAfter) throw new InvalidOperationException("the store's read failed");
                    onEach?.Invoke(i);
                    Read = i + 1;
                    yield return events[i % events.Count] with { EventId = "ev" + i };
                }
            }
            finally { Disposed = true; }
        }
    }

    /// <summary>A file that fails once a given number of bytes went into it (a full disk).</summary>
    private sealed class FailingStream(Stream inner, long failAt) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (inner.Position + count > failAt) throw new IOException("No space left on device");
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (inner.Position + buffer.Length > failAt) throw new IOException("No space left on device");
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public enum Failure { Read, Convert, Write, Cancel }

    [Theory]
    [InlineData(Failure.Read, "the store's read throws after the first row groups were written")]
    [InlineData(Failure.Convert, "an event's stored sources are not JSON: the conversion throws on the writer's side")]
    [InlineData(Failure.Write, "the disk fills while the encoder writes: the reader must stop though its events never end")]
    [InlineData(Failure.Cancel, "the export is cancelled (Ctrl+C) while the reader has more")]
    public async Task A_failing_stage_surfaces_stops_the_others_and_leaves_no_file(Failure failure, string reason)
    {
        var stored = Events();
        using var cancel = new CancellationTokenSource();
        var bad = stored[0] with { SourcesJson = "[{\"name\":" };
        var source = failure switch
        {
            Failure.Read => new Source(stored, throwAfter: 25),
            Failure.Convert => new Source([.. stored, bad]),
            Failure.Cancel => new Source(stored, onEach: i => { if (i == 25) cancel.Cancel(); }),
            _ => new Source(stored),
        };
        var path = Path.Combine(_dir, "out.parquet");
        var exporter = new ParquetExporter { RowGroupSize = 4, RowGroupsInFlight = 2 };
        var write = ExportCommand.WriteOut(path, stream => exporter.WriteAsync(source.Events(),
            failure == Failure.Write ? new FailingStream(stream, 4_000) : stream, cancel.Token), () => "done");
        var finished = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == write, reason + ": the export did not end");
        switch (failure)
        {
            case Failure.Read: Assert.Equal("the store's read failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => write)).Message); break;
            case Failure.Convert: await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => write); break;
            case Failure.Cancel: await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write); break;
            default: Assert.Equal(1, await write); break; // an I/O failure is reported as the command's failure
        }
        Assert.False(File.Exists(path), reason);
        Assert.False(File.Exists(path + ".part"), reason + ": the unfinished part is deleted");
        Assert.True(source.Disposed, reason + ": the read is over (its store connection released) when the export returns");
        Assert.True(source.Read < 1_000, reason + $": the read stopped early ({source.Read} events read)");
    }
}
