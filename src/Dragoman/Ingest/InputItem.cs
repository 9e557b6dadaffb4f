using Dragoman.Documents;

namespace Dragoman.Ingest;

/// <summary>One input of a batch: a raw document, or the reason it could not be read, named by its input.</summary>
public sealed record InputItem(string Input, RawDocument? Raw, string? Error)
{
    /// <summary>
    /// A container file read as it is split rather than loaded (a WARC or .warc.gz, or a CSV file: any size, memory
    /// bounded by one record or row); <see cref="ArticleInputs.Split(InputItem)"/> expands it. Raw and Error are then null.
    /// </summary>
    public string? StreamedFile { get; init; }

    /// <summary>What <see cref="StreamedFile"/> holds.</summary>
    public StreamedFormat StreamedAs { get; init; }

    public static InputItem Streamed(string input, string path, StreamedFormat format = StreamedFormat.Warc) =>
        new(input, null, null) { StreamedFile = path, StreamedAs = format };

    public static InputItem Read(RawDocument raw) => new(raw.Uri, raw, null);
    public static InputItem Failed(string input, string error) => new(input, null, error);
}

/// <summary>The kind of container a streamed input is, decided from its first bytes (and a .csv name).</summary>
public enum StreamedFormat { Warc, Csv }
