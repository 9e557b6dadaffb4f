using System.Text.Json;
using Dragoman.Time;

namespace Dragoman.Ingest.Html;

/// <summary>
/// Reads schema.org JSON-LD (NewsArticle and kin): headline, datePublished, publisher, authors, keywords, articleBody.
/// Read from the DOM before anything strips scripts; broken JSON is ignored, never fatal.
/// </summary>
internal static class JsonLd
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static void Read(string json, PageParts parts)
    {
        if (json.Length > 2_000_000) return;
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            Visit(doc.RootElement, parts, 0);
        }
        catch (JsonException) { /* a broken JSON-LD block gives no metadata */ }
    }

    private static bool IsArticleType(JsonElement obj)
    {
        if (!obj.TryGetProperty("@type", out var t)) return obj.TryGetProperty("datePublished", out _) || obj.TryGetProperty("headline", out _);
        foreach (var name in t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(Str) : [Str(t)])
            if (name is not null && (name.EndsWith("Article", StringComparison.Ordinal) || name is "ReportageNews" or "BlogPosting" or "NewsArticle" or "LiveBlogPosting" or "Report"))
                return true;
        return false;
    }

    private static void Visit(JsonElement e, PageParts parts, int depth)
    {
        if (depth > 8) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Visit(item, parts, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("@graph", out var graph)) Visit(graph, parts, depth + 1);
        if (!IsArticleType(e)) return;

        if (Str(e, "headline") is { } h) parts.MetaTitles.Insert(0, h);
        foreach (var key in new[] { "datePublished", "dateCreated" })
            if (Str(e, key) is { } d && Datelines.MetadataDate(d) is { } date) { parts.Dates.Insert(0, (date, "json-ld " + key)); break; }
        if (e.TryGetProperty("publisher", out var pub) && NameOf(pub) is { } pn) parts.Publishers.Insert(0, pn);
        if (e.TryGetProperty("author", out var author))
            foreach (var a in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToArray() : [author])
                if (NameOf(a) is { } an && !parts.Authors.Contains(an)) parts.Authors.Add(an);
        if (e.TryGetProperty("keywords", out var kw))
        {
            if (kw.ValueKind == JsonValueKind.String) parts.Keywords.AddRange(Rules.ChromeRules.SplitKeywords(kw.GetString()!));
            else if (kw.ValueKind == JsonValueKind.Array)
                foreach (var k in kw.EnumerateArray()) if (Str(k) is { } ks) parts.Keywords.Add(ks);
        }
        if (Str(e, "articleBody") is { } body && body.Length > 0) parts.MetaBody ??= body;
        if (Str(e, "inLanguage") is { } lang && lang.Length is >= 2 and <= 10) parts.Language ??= lang[..2].ToLowerInvariant();
    }

    private static string? NameOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => Clean(e.GetString()),
        JsonValueKind.Object => Str(e, "name"),
        JsonValueKind.Array => e.EnumerateArray().Select(NameOf).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? Str(JsonElement e) => e.ValueKind == JsonValueKind.String ? Clean(e.GetString()) : null;
    private static string? Str(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(Str).FirstOrDefault(x => x is not null) : Str(v) : null;

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        return s.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : s;
    }
}
