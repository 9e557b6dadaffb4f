using Dragoman.Documents;

namespace Dragoman.Ingest;

/// <summary>One input of a batch: a raw document, or the reason it could not be read, named by its input.</summary>
public sealed record InputItem(string Input, RawDocument? Raw, string? Error)
{
    /// <summary>
    /// A container file read as it is split rather than loaded (a WARC or .warc.gz, a CSV, JSON Lines or JSON array file:
    /// any size, memory bounded by one record, row, line or element); <see cref="ArticleInputs.Split(InputItem)"/> expands it. Raw and Error are then null.
    /// </summary>
    public string? StreamedFile { get; init; }

    /// <summary>What <see cref="StreamedFile"/> holds.</summary>
    public StreamedFormat StreamedAs { get; init; }

    public static InputItem Streamed(string input, string path, StreamedFormat format = StreamedFormat.Warc) =>
        new(input, null, null) { StreamedFile = path, StreamedAs = format };

    /// <summary>
    /// The items of a streamed file, which <paramref name="owner"/> (the open file) is disposed after: a read error part way
    /// ends them with one failed item (<paramref name="describe"/> says where), keeping the items read before it.
    /// </summary>
    public static IEnumerable<InputItem> Guarded(string input, IDisposable owner, IEnumerable<InputItem> items, Func<IOException, string> describe)
    {
        using (owner)
        using (var e = items.GetEnumerator())
        {
            while (true)
            {
                string? error = null;
                try { if (!e.MoveNext()) yield break; }
                catch (IOException ex) { error = describe(ex); }
                if (error is not null) { yield return Failed(input, error); yield break; }
                yield return e.Current;
            }
        }
    }

    public static InputItem Read(RawDocument raw) => new(raw.Uri, raw, null);
    public static InputItem Failed(string input, string error) => new(input, null, error);
}

/// <summary>The kind of container a streamed input is, decided from its first bytes (and a .csv name).</summary>
public enum StreamedFormat { Warc, Csv, JsonLines, JsonArray }
