namespace Dragoman.Ingest;

/// <summary>Content types of inputs: from the extension, then confirmed or corrected by looking at the content.</summary>
public static class ContentTypes
{
    public const string Text = "text/plain";
    public const string Html = "text/html";
    public const string JsonLines = "application/jsonl";

    public static string FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" or ".xhtml" or ".shtml" or ".php" or ".asp" or ".aspx" => Html,
        ".jsonl" or ".ndjson" or ".jsonlines" => JsonLines,
        _ => Text,
    };

    private static readonly string[] HtmlMarkers = ["<!doctype html", "<html", "<head", "<body", "<article", "<meta ", "<title", "<div", "<p>", "<p ", "<h1", "<section", "<main", "<!--"];

    /// <summary>
    /// Looks at the first bytes: markup that starts like an HTML document (or has HTML elements in its first 2 KB
    /// after a leading '&lt;') is HTML whatever the extension; a first line that is a JSON object is JSON Lines.
    /// </summary>
    public static string Sniff(ReadOnlySpan<byte> bytes, string declared)
    {
        int i = 0;
        if (bytes.StartsWith("\uFEFF"u8)) i = 3;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i >= bytes.Length) return declared;
        var head = System.Text.Encoding.Latin1.GetString(bytes.Slice(i, Math.Min(2048, bytes.Length - i))).ToLowerInvariant();
        if (head[0] == '<' && HtmlMarkers.Any(m => head.Contains(m, StringComparison.Ordinal))) return Html;
        if (head[0] == '{' && declared != Html)
        {
            int nl = head.IndexOf('\n');
            var first = (nl < 0 ? head : head[..nl]).TrimEnd();
            if (first.EndsWith('}') && (first.Contains("\"text\"") || first.Contains("\"html\"")) || declared == JsonLines) return JsonLines;
        }
        if (declared == Html && head[0] != '<' && !head.Contains('<')) return Text; // a .html file holding plain text
        return declared;
    }
}
