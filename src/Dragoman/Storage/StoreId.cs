using System.Globalization;

namespace Dragoman.Storage;

/// <summary>
/// The ids users type to name a stored article or event (docs/storage.md):
/// <list type="bullet">
/// <item><c>a12</c>: the article with number 12 (the number <c>ingest</c> and <c>events</c> print).</item>
/// <item><c>3fa9c0</c>: the article whose content hash starts with these hex digits (at least 6; must be unique).</item>
/// <item><c>a12:ev3</c> or <c>3fa9c0:ev3</c>: the event whose id in that article is <c>ev3</c>.</item>
/// <item><c>a12:3</c>: the third event of the article, in text order.</item>
/// </list>
/// <c>a</c> followed by digits always means an article number, even when it would also read as hex.
/// </summary>
public sealed record StoreId(long? ArticleNumber, string? HashPrefix, string? EventId, int? EventOrdinal)
{
    public const int MinHashPrefix = 6;

    public bool IsEvent => EventId is not null || EventOrdinal is not null;

    public static string ArticleKey(long id) => "a" + id.ToString(CultureInfo.InvariantCulture);
    public static string EventKey(long articleId, string eventId) => ArticleKey(articleId) + ":" + eventId;

    /// <summary>The id users type for an incident (a group of merged events): <c>i7</c>.</summary>
    public static string IncidentKey(long id) => "i" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>i7</c> (or plain <c>7</c>) as an incident number.</summary>
    public static long? ParseIncident(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length > 1 && s[0] is 'i' or 'I') s = s[1..];
        return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    public static Result<StoreId> Parse(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return Result<StoreId>.Fail("an id is empty; use a12, a12:ev3 or a hash prefix");
        string articlePart = s, eventPart = "";
        int colon = s.IndexOf(':');
        if (colon >= 0)
        {
            articlePart = s[..colon];
            eventPart = s[(colon + 1)..];
            if (eventPart.Length == 0) return Result<StoreId>.Fail($"'{s}': nothing after ':'; use a12:ev3 or a12:3");
        }
        long? number = null;
        string? prefix = null;
        if (articlePart.Length > 1 && (articlePart[0] is 'a' or 'A') && articlePart.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            if (!long.TryParse(articlePart.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                return Result<StoreId>.Fail($"'{s}': article number out of range");
            number = n;
        }
        else if (IsHex(articlePart))
        {
            if (articlePart.Length < MinHashPrefix)
                return Result<StoreId>.Fail($"'{s}': a hash prefix needs at least {MinHashPrefix} hex digits");
            prefix = articlePart.ToLowerInvariant();
        }
        else
            return Result<StoreId>.Fail($"'{s}' is not an id; use a12 (article), a12:ev3 or a12:3 (event), or a content-hash prefix");

        if (eventPart.Length == 0) return new StoreId(number, prefix, null, null);
        if (eventPart.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            if (!int.TryParse(eventPart, NumberStyles.None, CultureInfo.InvariantCulture, out var ord) || ord <= 0)
                return Result<StoreId>.Fail($"'{s}': event position must be 1 or more");
            return new StoreId(number, prefix, null, ord);
        }
        if (eventPart.Length > 64 || eventPart.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            return Result<StoreId>.Fail($"'{s}': '{eventPart}' is not an event id");
        return new StoreId(number, prefix, eventPart, null);
    }

    private static bool IsHex(string s) => s.Length > 0 && s.All(char.IsAsciiHexDigit);
}

/// <summary>What an id names: an article or an event.</summary>
public sealed record Lookup(ArticleDetail? Article, EventDetail? Event);

public static class StoreLookup
{
    /// <summary>Finds what <paramref name="id"/> names, or says clearly why nothing matches.</summary>
    public static Result<Lookup> Resolve(IEventStore store, StoreId id)
    {
        long articleId;
        if (id.ArticleNumber is long n)
            articleId = n;
        else
        {
            var found = store.FindByHashPrefix(id.HashPrefix!, 2);
            if (found.Count == 0) return Result<Lookup>.Fail($"no article's hash starts with '{id.HashPrefix}'");
            if (found.Count > 1) return Result<Lookup>.Fail($"hash prefix '{id.HashPrefix}' matches several articles; give more digits");
            articleId = found[0].Id;
        }
        if (!id.IsEvent)
        {
            var article = store.GetArticle(articleId);
            return article is null ? Result<Lookup>.Fail($"no article {StoreId.ArticleKey(articleId)}") : new Lookup(article, null);
        }
        var ev = store.GetEvent(articleId, id.EventId, id.EventOrdinal);
        if (ev is null)
        {
            var which = id.EventId ?? id.EventOrdinal!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Result<Lookup>.Fail(store.GetArticle(articleId) is null
                ? $"no article {StoreId.ArticleKey(articleId)}"
                : $"article {StoreId.ArticleKey(articleId)} has no event {which}");
        }
        return new Lookup(null, ev);
    }
}
