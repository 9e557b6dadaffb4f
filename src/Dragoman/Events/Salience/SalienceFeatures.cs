using Dragoman.Documents;

namespace Dragoman.Events.Salience;

/// <summary>
/// Named features of one event, from what the earlier stages already computed: where its sentence stands (title,
/// lede, position), how much it shares with the headline, its modality, how its trigger was found, which roles it
/// filled, how its date relates to publication, whether it has a count, its type, and how many events share its
/// sentence. <see cref="SalienceModel"/> weighs them into a confidence. Pure: the same document gives the same features.
/// </summary>
public static partial class SalienceFeatures
{
    /// <param name="tally">What the features count over <paramref name="all"/> with <paramref name="titleWords"/>: a caller computing every
    /// event's features counts once per article (else it is counted once per call).</param>
    public static Dictionary<string, double> Compute(Document d, Event e, IReadOnlyList<Event> all, ISet<string> titleWords, ISet<string>? ledeWords = null, EventTally? tally = null)
    {
        tally ??= new EventTally(d, all, titleWords);
        var f = new Dictionary<string, double>(StringComparer.Ordinal) { ["bias"] = 1 };
        int si = d.SentenceAt(e.Trigger.Start);
        int n = Math.Max(1, d.Sentences.Length);
        bool inTitle = d.Article.TitleSpan is { } t && t.Overlaps(e.Trigger);
        bool inLede = d.Article.LedeSpan is { } l && l.Overlaps(e.Trigger);
        if (inTitle) f["in-title"] = 1;
        if (inLede) f["in-lede"] = 1;
        int bodyIndex = Math.Max(0, si - FirstBodySentence(d));
        f["log-sentence-index"] = Math.Log(1 + bodyIndex);
        f["relative-position"] = si < 0 ? 1 : (double)si / n;
        if (bodyIndex < 3) f["first-3-sentences"] = 1;

        // headline overlap: how many of the event sentence's content words the title shares
        if (!inTitle && si >= 0 && titleWords.Count > 0)
        {
            var words = tally.ContentWordsOf(si);
            if (words.Count > 0) f["title-overlap"] = (double)words.Count(titleWords.Contains) / words.Count;
        }
        var trigger = Stem(d.Slice(e.Trigger));
        if (!inTitle && trigger.Length > 0 && titleWords.Contains(trigger)) f["trigger-in-title"] = 1;

        f["modality:" + e.Modality.ToString().ToLowerInvariant()] = 1;
        f["trigger:" + e.TriggerSource] = 1;
        if (e.Actor is not null) f["has-actor"] = 1;
        if (e.Actor?.EntityId is not null || e.Actor?.Code is not null) f["actor-known"] = 1;
        if (e.Target is not null) f["has-target"] = 1;
        if (e.Place is { Inherited: false }) f["has-own-place"] = 1;
        if (e.Means is not null) f["has-means"] = 1;
        if (e.Counts.Count > 0) f["has-count"] = 1;
        if (e.Sources.Count > 0) f["has-source"] = 1;
        f["date:" + DateRelation(d.ReferenceDate, e.Time)] = 1;
        f["plover:" + (e.Codes.Plover?.Event ?? "none")] = 1;
        f["quad:" + (e.Codes.QuadClass?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0")] = 1;
        f["log-events-in-sentence"] = Math.Log(1 + tally.OthersInSentence(e, si));
        if (e.Evidence.Count > 1) f["merged-evidence"] = 1;
        AddTopicFeatures(d, e, all, titleWords, tally, ledeWords ?? LedeWords(d), si, inTitle, inLede, f);
        AddArticleFeatures(d, e, tally, titleWords, si, inTitle, inLede, f);
        return f;
    }

    /// <summary>
    /// What the article is about, seen from the event: whether its type recurs (how many other sentences hold an event
    /// of that type, what share of the article's events have it), whether it is the first mention of its type (later
    /// ones are mostly repeats or background), whether a trigger of its type or its place is in the headline, how much
    /// its sentence shares with the lede, and whether the trigger stands inside a quotation.
    /// </summary>
    private static void AddTopicFeatures(Document d, Event e, IReadOnlyList<Event> all, ISet<string> titleWords, EventTally tally, ISet<string> ledeWords, int si, bool inTitle, bool inLede, Dictionary<string, double> f)
    {
        var type = e.Codes.Plover?.Event;
        if (type is not null)
        {
            f["log-sentences-same-type"] = Math.Log(1 + tally.OtherSentencesOfType(type, si));
            f["type-share"] = (double)tally.OfType(type) / Math.Max(1, all.Count);
            if (!tally.EarlierOfType(type, e) && !inTitle) f["first-of-type"] = 1;
            if (tally.TypeTriggerInTitle(type) && !inTitle) f["type-in-title"] = 1;
        }
        if (!inTitle && e.Place is { } p && titleWords.Contains(Stem(p.Text.Split(' ')[^1]))) f["place-in-title"] = 1;
        if (!inLede && !inTitle && si >= 0 && ledeWords.Count > 0)
        {
            var words = tally.ContentWordsOf(si);
            if (words.Count > 0) f["lede-overlap"] = (double)words.Count(ledeWords.Contains) / words.Count;
        }
        // an odd number of double quotation marks between the sentence start and the trigger
        if (si >= 0 && tally.QuotesBefore(si, e.Trigger.Start) % 2 == 1) f["in-quote"] = 1;
    }

    /// <summary>
    /// How the event's own time relates to the reference date: none (inherited or absent), unresolved, future,
    /// within a week, within three months, within a year, older (background).
    /// </summary>
    public static string DateRelation(DateOnly? reference, EventTime? time)
    {
        if (time is null || time.Inherited) return "none";
        if (reference is not { } r || time.Start is not { } s) return RecentWithoutReference(time.Relative) ? "week" : "unresolved";
        var end = time.End ?? s;
        if (s > r) return "future";
        int days = r.DayNumber - end.DayNumber;
        return days <= 7 ? "week" : days <= 92 ? "quarter" : days <= 366 ? "year" : "older";
    }

    /// <summary>
    /// Whether an unresolved relative time (no reference date to resolve it against) still says "within the week before
    /// the report": a weekday or weekend ("before:XXXX-WXX-5"), today ("P0D"), or a few days or weeks ago ("-P1W").
    /// </summary>
    public static bool RecentWithoutReference(string? relative) =>
        relative is not null && (relative.Contains("-WXX-", StringComparison.Ordinal) || relative == "P0D"
            || RecentSpan().IsMatch(relative));

    /// <summary>A few days or weeks back, alone or up to now: "-P1W", "-P2W/P0D" (the last two weeks), "-PXD/P0D" (the past few days).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^-P([1-9]\d?|X)[DW](/P0D)?$")]
    private static partial System.Text.RegularExpressions.Regex RecentSpan();

    /// <summary>Index of the first sentence after the title (the title is sentence 0 when the article has one).</summary>
    private static int FirstBodySentence(Document d) =>
        d.Article.TitleSpan is { } t && d.Sentences.Length > 0 && d.Sentences[0].Span.Overlaps(t) ? 1 : 0;

    /// <summary>The lede's content words (stems), computed once per document.</summary>
    public static HashSet<string> LedeWords(Document d) =>
        d.Article.LedeSpan is { } l ? WordsIn(d, l) : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The title's content words (stems), computed once per document.</summary>
    public static HashSet<string> TitleWords(Document d) =>
        d.Article.TitleSpan is { } t ? WordsIn(d, t) : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The content words (stems of words of 4+ letters) inside a span.</summary>
    private static HashSet<string> WordsIn(Document d, TextSpan span)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tok in d.Tokens)
            if (tok.Start >= span.Start && tok.End <= span.End && tok.Kind == TokenKind.Word && tok.End - tok.Start >= 4)
                set.Add(Stem(d.Text[tok.Start..tok.End]));
        return set;
    }

    private static HashSet<string> ContentWords(Document d, Sentence s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int k = s.FirstToken; k < s.EndToken && k < d.Tokens.Length; k++)
        {
            var tok = d.Tokens[k];
            if (tok.Kind == TokenKind.Word && tok.End - tok.Start >= 4) set.Add(Stem(d.Text[tok.Start..tok.End]));
        }
        return set;
    }

    /// <summary>A crude shared stem: the first five letters, lower-cased ("killed", "killing" -> "killi"/"kille" differ, "attack"/"attacks" agree).</summary>
    private static string Stem(string w)
    {
        var s = w.ToLowerInvariant();
        return s.Length > 5 ? s[..5] : s;
    }
}
