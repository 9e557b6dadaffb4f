using Dragoman.Documents;

namespace Dragoman.Ingest;

/// <summary>One input of a batch: a raw document, or the reason it could not be read, named by its input.</summary>
public sealed record InputItem(string Input, RawDocument? Raw, string? Error)
{
    /// <summary>
    /// A container file read as it is split rather than loaded (a WARC or .warc.gz: any size, memory bounded by one
    /// record); <see cref="ArticleInputs.Split(InputItem)"/> expands it. Raw and Error are then null.
    /// </summary>
    public string? StreamedFile { get; init; }

    public static InputItem Streamed(string input, string path) => new(input, null, null) { StreamedFile = path };

    public static InputItem Read(RawDocument raw) => new(raw.Uri, raw, null);
    public static InputItem Failed(string input, string error) => new(input, null, error);
}
