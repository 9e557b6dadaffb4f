using System.Text;
using System.Text.Json;
using Dragoman.Documents;
using Dragoman.Ingest.Text;

namespace Dragoman.Ingest.Json;

/// <summary>
/// JSON articles: one JSON record (an object) becomes one input, with its <c>html</c> or <c>text</c> as the content and
/// <c>title</c>, <c>published</c>, <c>source</c>, <c>url</c>, <c>address</c> (<c>source_url</c>) as hints, each looked up through a <see cref="FieldMap"/>.
/// A file holding a JSON array gives one input per element, named <c>FILE#N</c> (N from 1); a file holding one
/// object (news-please writes one per article) gives one input. A bad element fails alone.
/// </summary>
public static class JsonArticles
{
    private static readonly Dictionary<string, string[]> Usual = new()
    {
        ["html"] = ["html"],
        ["text"] = ["text", "maintext", "content", "body", "article"],
        ["title"] = ["title", "headline"],
        ["published"] = ["published", "date_publish", "publish_date", "date", "pubdate", "datePublished"],
        ["source"] = ["source", "publisher", "media_name", "source_domain"],
        ["url"] = ["url", "link", "uri"],
        // the page's real address beside a local name in "url" (articles-gold's input.jsonl, crawler exports)
        ["address"] = ["source_url", "canonical_url", "original_url"],
    };

    /// <summary>One record to one input; <paramref name="what"/> names the record in errors ("line 3", "element 2").</summary>
    public static InputItem FromElement(string name, string what, JsonElement root, FieldMap map, DateTimeOffset? fetched)
    {
        if (root.ValueKind != JsonValueKind.Object) return InputItem.Failed(name, $"{what} is JSON but not an object ({root.ValueKind})");
        string? Get(string field)
        {
            foreach (var key in map.Candidates(field, Usual[field]))
                if (Lookup(root, key) is { } v && !string.IsNullOrWhiteSpace(v)) return v;
            return null;
        }
        try
        {
            return Build(name, what, map, fetched, Get);
        }
        catch (InvalidOperationException ex)
        {
            // a string escape that is no text ("\ud800" alone): the record is refused, not the batch
            return InputItem.Failed(name, $"{what} has a field that is not valid text ({ex.Message})");
        }
    }

    private static InputItem Build(string name, string what, FieldMap map, DateTimeOffset? fetched, Func<string, string?> get)
    {
        var html = get("html");
        var body = html is null ? get("text") : null;
        if (html is null && body is null)
        {
            var tried = map.Candidates("html", Usual["html"]).Concat(map.Candidates("text", Usual["text"])).Distinct();
            return InputItem.Failed(name, $"{what} has no non-empty \"text\" or \"html\" field (looked for {string.Join(", ", tried)}; map other names with --map text=FIELD)");
        }
        var url = get("url");
        var hints = new ArticleHints(get("title"), get("published"), get("source"), url, get("address"));
        var type = html is not null ? ContentTypes.Html : ContentTypes.Text;
        return InputItem.Read(new RawDocument(url ?? name, Encoding.UTF8.GetBytes(html ?? body!), type, fetched, hints)) with { Input = name };
    }

    /// <summary>A string (or number) at a key, or a dotted path into nested objects ("meta.site").</summary>
    private static string? Lookup(JsonElement root, string key)
    {
        var cur = root;
        foreach (var part in key.Split('.'))
        {
            if (cur.ValueKind != JsonValueKind.Object || !cur.TryGetProperty(part, out cur)) return null;
        }
        return cur.ValueKind switch
        {
            JsonValueKind.String => cur.GetString(),
            JsonValueKind.Number => cur.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A whole-file JSON document: an array of article objects, or one article object.</summary>
    public static IEnumerable<InputItem> Split(InputItem item, FieldMap map)
    {
        var raw = item.Raw!;
        JsonDocument doc;
        try
        {
            // decoded like every other file (BOM, UTF-16, stray cp1252 bytes): invalid UTF-8 must not reach the JSON reader
            doc = JsonDocument.Parse(TextDecoding.Decode(raw.Bytes, isHtml: false).Text, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            return [InputItem.Failed(item.Input, $"not valid JSON: {Short(ex)}")];
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object) return [FromElement(item.Input, "the JSON object", root, map, raw.FetchedAt)];
            if (root.ValueKind != JsonValueKind.Array)
                return [InputItem.Failed(item.Input, $"JSON {root.ValueKind} at the top level, not an article object or an array of them")];
            var items = new List<InputItem>(root.GetArrayLength());
            int n = 0;
            foreach (var el in root.EnumerateArray())
            {
                n++;
                items.Add(FromElement($"{item.Input}#{n}", $"element {n}", el, map, raw.FetchedAt));
            }
            if (n == 0) items.Add(InputItem.Failed(item.Input, "JSON array is empty"));
            return items;
        }
    }

    /// <summary>
    /// A JSON array file read element by element from disk as the workers take them (never loaded whole: memory is
    /// bounded by an element), decoded as <see cref="TextDecoding.Decode"/> decodes a whole file, so a valid file gives
    /// the inputs of <see cref="Split"/>. Invalid JSON part way (a truncated array, a broken element) ends the elements
    /// there with one failed input naming its line, after the elements before it (read whole, the file failed alone).
    /// </summary>
    public static IEnumerable<InputItem> SplitFile(string input, string path, FieldMap map)
    {
        StreamText? text = null;
        try
        {
            text = StreamText.Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan));
            var utf8 = new Utf8Text(text);
            return InputItem.Guarded(input, utf8, Elements(input, utf8, map), ex => "unreadable part way: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            text?.Dispose();
            return [InputItem.Failed(input, "unreadable: " + ex.Message)];
        }
    }

    private static IEnumerable<InputItem> Elements(string input, Stream utf8, FieldMap map)
    {
        var reader = new JsonArrayReader(utf8);
        int n = 0;
        while (true)
        {
            string? error = null;
            JsonElement element = default;
            try
            {
                if (!reader.TryNext(out element)) break;
            }
            catch (JsonException ex)
            {
                var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
                error = n == 0 ? $"not valid JSON: {Short(ex)}{line}" : $"not valid JSON after element {n}: {Short(ex)}{line}";
            }
            if (error is not null)
            {
                yield return InputItem.Failed(input, error);
                yield break;
            }
            n++;
            yield return FromElement($"{input}#{n}", $"element {n}", element, map, null);
        }
        if (n == 0) yield return InputItem.Failed(input, "JSON array is empty");
    }

    public static string Short(JsonException ex) => ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
}
