using Dragoman.Documents;

namespace Dragoman.Ingest;

/// <summary>One input of a batch: a raw document, or the reason it could not be read, named by its input.</summary>
public sealed record InputItem(string Input, RawDocument? Raw, string? Error)
{
    public static InputItem Read(RawDocument raw) => new(raw.Uri, raw, null);
    public static InputItem Failed(string input, string error) => new(input, null, error);
}
