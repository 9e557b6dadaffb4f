using Dragoman.Documents;

namespace Dragoman.Events.Salience;

public static partial class SalienceFeatures
{
    /// <summary>
    /// Where the event stands among the article's other events and tellings: how many times it is told (the
    /// coreference stage merges retellings into one event with several evidence spans; news is told in headline, lede
    /// and body), whether a retelling stands in the headline or lede, whether its actor or target is named in the
    /// headline, whether the headline holds an event of its type, whether it is the body's first event, and how many
    /// body sentences with events come before its own, and whether an earlier sentence already told an event of its type
    /// at its own place (retold-place).
    /// </summary>
    private static void AddArticleFeatures(Document d, Event e, EventTally tally, ISet<string> titleWords, int si, bool inTitle, bool inLede, Dictionary<string, double> f)
    {
        if (e.Evidence.Count > 1) f["log-tellings"] = Math.Log(e.Evidence.Count);
        if (!inTitle && !inLede && e.Evidence.Any(s => Overlaps(d.Article.TitleSpan, s) || Overlaps(d.Article.LedeSpan, s))) f["retold-in-headline"] = 1;
        if (!inTitle && (NamedIn(e.Actor, titleWords) || NamedIn(e.Target, titleWords))) f["participant-in-title"] = 1;

        var type = e.Codes.Plover?.Event;
        if (!inTitle && type is not null && tally.OtherOfTypeInTitle(type, e)) f["title-event-same-type"] = 1;
        if (!inTitle && !tally.EarlierInBody(e)) f["first-body-event"] = 1;
        if (!inTitle) f["log-event-sentence-rank"] = Math.Log(1 + tally.EarlierBodySentences(e, si));
        if (tally.PlaceToldEarlier(e, si)) f["retold-place"] = 1;
    }

    private static bool Overlaps(TextSpan? area, TextSpan span) => area is { } a && a.Overlaps(span);

    /// <summary>Whether the argument's head word (its last word, stemmed) is among the headline's content words.</summary>
    private static bool NamedIn(EventArgument? argument, ISet<string> titleWords) =>
        argument is { Inherited: false } a && a.Text.Length > 0 && titleWords.Contains(Stem(a.Text.Split(' ')[^1]));
}
