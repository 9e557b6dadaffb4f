using System.Security.Cryptography;
using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest.Html;
using Dragoman.Ingest.Text;

namespace Dragoman.Ingest;

/// <summary>Turns a raw document into a clean Article (title, lede, body, credits, dates, keywords, dropped chrome).</summary>
public static class ArticleReader
{
    /// <summary>
    /// Bytes beyond this are not parsed: a news page over 8 MiB is padding (inline images, scripts, generated markup),
    /// and parsing it whole would cost seconds and hundreds of MB. The cut is recorded as a dropped span.
    /// </summary>
    public const int MaxParseBytes = 8 * 1024 * 1024;

    public static Result<Article> Read(RawDocument raw)
    {
        try
        {
            return ReadCore(raw);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug must cost one input, never the batch.
            return Result<Article>.Fail($"could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static Result<Article> ReadCore(RawDocument raw)
    {
        if (raw.Bytes.Length == 0) return Result<Article>.Fail("empty input (0 bytes)");
        if (TextDecoding.BinaryReason(raw.Bytes) is { } binary) return Result<Article>.Fail(binary);
        var kind = ContentTypes.Sniff(raw.Bytes, raw.ContentType);
        if (kind == ContentTypes.JsonLines)
            return Result<Article>.Fail("JSON Lines container: split it with ArticleInputs.Split before reading");
        bool html = kind == ContentTypes.Html;
        var decoded = TextDecoding.Decode(raw.Bytes, html, MaxParseBytes);
        if (string.IsNullOrWhiteSpace(decoded.Text)) return Result<Article>.Fail("empty input (only whitespace)");

        var parts = html ? HtmlReader.Read(decoded.Text) : PlainTextReader.Read(decoded.Text);
        if (decoded.Truncated)
        {
            long rest = decoded.OriginalBytes - MaxParseBytes;
            parts.Dropped.Add(new DroppedSpan(decoded.Text.Length, decoded.Text.Length + (int)Math.Min(rest, int.MaxValue - decoded.Text.Length),
                $"input truncated: only the first {MaxParseBytes / (1024 * 1024)} MiB of {decoded.OriginalBytes / (1024.0 * 1024.0):F1} MiB were read", ""));
        }
        return ArticleAssembler.Assemble(parts, raw, html ? "HTML page" : "text");
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
