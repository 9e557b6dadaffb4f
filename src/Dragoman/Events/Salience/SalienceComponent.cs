using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Events.Salience;

/// <summary>
/// After the events stage: gives every event its calibrated <see cref="Event.Confidence"/> (the salience model's
/// probability that a careful coder codes it as a main event), flags <see cref="Event.Historical"/> background
/// and <see cref="Event.Main"/> news (not historical, and chosen by the model's <see cref="MainRule"/>). Without a
/// model the events stage's prior confidence stays and every current event is main.
/// </summary>
public sealed class SalienceComponent(SalienceModel? model) : IDocumentComponent
{
    /// <summary>Older than this before publication, an event's own time is background.</summary>
    public const int HistoricalDays = 366;

    public string Name => "salience";
    public Layer Requires => Layer.Events | Layer.Sentences | Layer.Times;
    public Layer Provides => Layer.None;
    public bool Refines => true;

    public void Process(Document document)
    {
        if (document.Events.Count == 0) return;
        var title = SalienceFeatures.TitleWords(document);
        var lede = SalienceFeatures.LedeWords(document);
        var tally = model is null ? null : new SalienceFeatures.EventTally(document, document.Events, title);
        // every confidence first, then applied: stopped by the article's time budget, the stage leaves the events as they were
        var aspect = BackgroundAspect.LoadBundled().Value;
        var confidence = new double[document.Events.Count];
        for (int i = 0; i < confidence.Length; i++)
        {
            document.Cancellation.ThrowIfCancellationRequested();
            var e = document.Events[i];
            confidence[i] = model is null ? e.Confidence : Math.Round(model.Probability(SalienceFeatures.Compute(document, e, document.Events, title, lede, tally)), 3);
        }
        for (int i = 0; i < confidence.Length; i++)
        {
            var e = document.Events[i];
            // reported speech backshifts the news ("told the agency that shelling had killed ten"): tense says nothing
            // there; a source elsewhere (the page's outlet or translator) is no reported speech of this sentence
            int si = document.SentenceAt(e.Trigger.Start);
            bool reported = si >= 0 && e.Sources.Any(x => x.Evidence is { } ev && ev.Overlaps(document.Sentences[si].Span));
            bool background = aspect is not null && !reported && aspect.TellsBackground(document, e.Trigger, si);
            e.Historical = IsHistorical(document.ReferenceDate, e.Time, background);
            e.Confidence = confidence[i];
        }
        if (model is null) { foreach (var e in document.Events) e.Main = !e.Historical; return; }
        var main = SelectMain(document.Events, e => e.Confidence, e => e.Historical,
            e => (document.SentenceAt(e.Trigger.Start), e.Codes.Plover?.Event), model.Rule,
            e => [.. e.AllTellings.Select(t => document.SentenceAt(t.Trigger.Start))]);
        for (int i = 0; i < main.Length; i++) document.Events[i].Main = main[i];
    }

    /// <summary>
    /// Which events are main under <paramref name="rule"/>: current (not historical), the most confident of their
    /// sentence and type (or of their sentence, <see cref="MainRule.OnePerSentence"/>: the others restate the same
    /// news, "attacked ... killing five and wounding ten" is one incident), at or above the rule's threshold or among
    /// the article's <see cref="MainRule.Top"/> best (confidence is absolute, so a long report can have no event above
    /// the threshold; it still has news), and never more than <see cref="MainRule.Cap"/> of them. The trainer picks the
    /// rule with this same method.
    /// </summary>
    /// <param name="tellingSentences">
    /// The sentences of all an event's tellings (a joined event has several; null: its group's sentence only). The cap
    /// counts joined events: a joined event counts once, and an event of its type in the sentence of any of its
    /// tellings is that telling left unjoined ("one per sentence and type" over every telling), so it is not shown
    /// and takes no place under the cap.
    /// </param>
    public static bool[] SelectMain<T>(IReadOnlyList<T> events, Func<T, double> confidence, Func<T, bool> historical,
        Func<T, (int Sentence, string? Type)> group, MainRule rule, Func<T, IReadOnlyList<int>>? tellingSentences = null)
    {
        var main = new bool[events.Count];
        var order = Enumerable.Range(0, events.Count).Where(i => !historical(events[i]))
            .OrderByDescending(i => confidence(events[i])).ThenBy(i => i).ToList();
        var seen = new HashSet<(int, string?)>();
        int kept = 0, shown = 0;
        foreach (var i in order)
        {
            var g = group(events[i]);
            var type = rule.OnePerSentence ? null : g.Type;
            var keys = (tellingSentences?.Invoke(events[i]) ?? []).Append(g.Sentence).Distinct().Select(s => (s, type)).ToList();
            if (keys.Any(seen.Contains)) continue;
            seen.UnionWith(keys);
            if (rule.Cap > 0 && shown >= rule.Cap) break;
            if (confidence(events[i]) >= rule.Threshold || kept < rule.Top) { main[i] = true; shown++; }
            kept++;
        }
        return main;
    }

    /// <summary>How many of an article's best-ranked current events are main even below the threshold, when the model file does not say.</summary>
    public const int DefaultTopPerArticle = 2;

    /// <summary>
    /// Background: the event's own time ends over a year before the reference date, or is a span opened by "since"
    /// (a state of affairs from then until now, e.g. "since 2011", not a new event) that began over a year before.
    /// Without a reference date (a page without a publication date) no distance can be measured: an event with its
    /// own date that its verb group tells as background (<paramref name="toldAsBackground"/>: "had previously been
    /// captured at the start of August") is then historical, since the tense places it before the report's news,
    /// unless its own time is recent (a weekday: <see cref="SalienceFeatures.RecentWithoutReference"/>).
    /// </summary>
    public static bool IsHistorical(DateOnly? reference, EventTime? time, bool toldAsBackground = false)
    {
        if (time is null || time.Inherited) return false;
        // a weekday or "the past few days" already places it in the report's week, whatever the tense
        if (reference is null) return toldAsBackground && !SalienceFeatures.RecentWithoutReference(time.Relative);
        if (reference is not { } r || time.Start is not { } s) return false;
        var end = time.End ?? s;
        if (r.DayNumber - end.DayNumber > HistoricalDays) return true;
        return time.Text.StartsWith("since", StringComparison.OrdinalIgnoreCase) && r.DayNumber - s.DayNumber > HistoricalDays;
    }
}
