using System.Text.Json;

namespace Dragoman.Ingest.Json;

/// <summary>
/// The elements of a JSON array read one at a time from a UTF-8 stream, with the rules a whole-file
/// <see cref="JsonDocument"/> parse of the file uses (trailing commas allowed, depth at most 256). The buffer holds the
/// element being read (it grows for a long one), never the file. An element is handed back only once it is complete,
/// so invalid JSON throws after every element before it was handed back.
/// </summary>
public sealed class JsonArrayReader(Stream utf8)
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, MaxDepth = 256 };
    private byte[] buffer = new byte[64 * 1024];
    private int start, end;
    private bool final, opened, closed;
    private JsonReaderState state = new(Options);

    /// <summary>The next element, or false after the array's end (and nothing but white space after it). Throws <see cref="JsonException"/>.</summary>
    public bool TryNext(out JsonElement element)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            if (!opened)
            {
                if (reader.Read())
                {
                    if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"JSON {reader.TokenType} at the top level, not an array");
                    opened = true;
                    Advance(ref reader);
                    continue;
                }
            }
            else if (!closed)
            {
                if (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        closed = true;
                        Advance(ref reader);
                        continue;
                    }
                    var probe = reader;
                    if (probe.TrySkip()) // the whole element is in the buffer
                    {
                        using var doc = JsonDocument.ParseValue(ref reader);
                        element = doc.RootElement.Clone();
                        Advance(ref reader);
                        return true;
                    }
                }
            }
            else if (!reader.Read() && final) // anything but white space after the array throws here
            {
                element = default;
                return false;
            }
            if (final) throw new JsonException("unexpected end of the JSON data");
            More();
        }
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        start += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    /// <summary>Keeps the unread bytes, growing the buffer when they fill it, and reads until it is full or the stream ends.</summary>
    private void More()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        while (end < buffer.Length)
        {
            int n = utf8.Read(buffer, end, buffer.Length - end);
            if (n == 0)
            {
                final = true;
                return;
            }
            end += n;
        }
    }
}
