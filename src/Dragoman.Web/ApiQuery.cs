using System.Globalization;
using Dragoman.Storage;

namespace Dragoman.Web;

/// <summary>
/// The event filters of the API, as the query string gives them (all strings, so that a bad value gets a clear
/// message rather than a silent binding failure). <see cref="ToQuery"/> validates them into an <see cref="EventQuery"/>.
/// </summary>
public sealed record EventFilters(
    string? Bbox, string? From, string? To, string? Actor, string? Place, string? Action, string? Modality,
    string? MinConfidence, string? Q, string? Article, string? Limit, string? Offset, string? After = null, string? All = null)
{
    public static readonly string[] Modalities = ["asserted", "reported", "claimed", "expected", "denied", "hypothetical", "negated"];

    public Result<EventQuery> ToQuery(int defaultLimit = Limits.DefaultPage, int maxLimit = Limits.MaxPage)
    {
        foreach (var (name, value) in new[] { ("bbox", Bbox), ("from", From), ("to", To), ("actor", Actor), ("place", Place), ("action", Action),
                     ("modality", Modality), ("min_confidence", MinConfidence), ("q", Q), ("article", Article), ("limit", Limit), ("offset", Offset), ("after", After), ("all", All) })
            if (value is { Length: > Limits.MaxParameterLength })
                return Result<EventQuery>.Fail($"'{name}' is longer than {Limits.MaxParameterLength} characters");

        BoundingBox? box = null;
        if (!string.IsNullOrWhiteSpace(Bbox))
        {
            var parsed = BoundingBox.Parse(Bbox);
            if (!parsed.IsOk) return Result<EventQuery>.Fail("'bbox': " + parsed.Error);
            box = parsed.Value;
        }
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            from = ParseDate(From);
            if (from is null) return Result<EventQuery>.Fail($"'from' must be a date as YYYY-MM-DD, not '{From}'");
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            to = ParseDate(To);
            if (to is null) return Result<EventQuery>.Fail($"'to' must be a date as YYYY-MM-DD, not '{To}'");
        }
        if (from > to) return Result<EventQuery>.Fail("'from' is after 'to'");
        if (!string.IsNullOrWhiteSpace(Modality) && !Modalities.Contains(Modality.Trim().ToLowerInvariant()))
            return Result<EventQuery>.Fail($"'modality' must be one of {string.Join(", ", Modalities)}, not '{Modality}'");
        double? minConf = null;
        if (!string.IsNullOrWhiteSpace(MinConfidence))
        {
            if (!double.TryParse(MinConfidence, NumberStyles.Float, CultureInfo.InvariantCulture, out var mc) || mc is < 0 or > 1 || double.IsNaN(mc))
                return Result<EventQuery>.Fail($"'min_confidence' must be a number from 0 to 1, not '{MinConfidence}'");
            minConf = mc;
        }
        bool all = false;
        if (!string.IsNullOrWhiteSpace(All))
        {
            if (All.Trim() is not ("1" or "true" or "0" or "false"))
                return Result<EventQuery>.Fail($"'all' must be 1 or true (every event, not only the main ones), 0 or false, not '{All}'");
            all = All.Trim() is "1" or "true";
        }
        long? articleId = null;
        if (!string.IsNullOrWhiteSpace(Article))
        {
            var id = StoreId.Parse(Article);
            if (!id.IsOk || id.Value!.IsEvent || id.Value.ArticleNumber is null)
                return Result<EventQuery>.Fail($"'article' must be an article number such as a12, not '{Article}'");
            articleId = id.Value.ArticleNumber;
        }
        var limit = ParseInt("limit", Limit, defaultLimit, 1, maxLimit);
        if (!limit.IsOk) return Result<EventQuery>.Fail(limit.Error!);
        var offset = ParseInt("offset", Offset, 0, 0, Limits.MaxOffset);
        if (!offset.IsOk) return Result<EventQuery>.Fail(offset.Error!);
        EventCursor? after = null;
        if (!string.IsNullOrWhiteSpace(After))
        {
            var id = StoreId.Parse(After);
            if (!id.IsOk || id.Value!.ArticleNumber is not { } a || id.Value.EventId is not { } e)
                return Result<EventQuery>.Fail($"'after' must be an event id such as a12:ev3 (the last item's id of the page before), not '{After}'");
            after = new EventCursor(a, e);
        }
        return new EventQuery
        {
            Box = box, From = from, To = to, Actor = Blank(Actor), Place = Blank(Place), Action = Blank(Action), Modality = Blank(Modality),
            MinConfidence = minConf, Text = Blank(Q), ArticleId = articleId, Limit = limit.Value, Offset = offset.Value, After = after,
            All = all,
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static Result<int> ParseInt(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            return Result<int>.Fail($"'{name}' must be a whole number from {min} to {max}, not '{text}'");
        return n;
    }

    public static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

