using System.Globalization;
using Dragoman.Documents;
using Dragoman.Events.Coreference;

namespace Dragoman.Evaluation;

/// <summary>
/// The shown events outside the gold main events' sentences (<see cref="ArticleScorer.IsOutside"/>), for
/// `eval articles --errors` (field "outside"), each with why coreference keeps it apart from the shown events of its
/// type that answer gold: a noise event has no such partner, a missed retelling has one it was not joined to. The
/// first word of the listing is the kind (<see cref="Kind"/>), so the misses can be counted by cause.
/// </summary>
public static class OutsideEvents
{
    /// <summary>How a pair of the outside event and one gold-matched shown event of its type stands: the model's probability, or the veto that rules the pair out.</summary>
    public readonly record struct Partner(double Probability, string? Veto);

    /// <summary>
    /// "no-partner" (no shown event of its type answers gold: noise, or a gold event the view misses), "veto-place" /
    /// "veto-date" (every partner is ruled out, <see cref="CoreferenceFeatures.Incompatibility"/>), "below" (the best
    /// partner's pair probability is under the threshold), "above" (it reaches it, but the average over the two
    /// joined events' tellings did not), "no-model" (no coreference model to ask).
    /// </summary>
    public static string Kind(IReadOnlyList<Partner> partners, double? threshold)
    {
        if (partners.Count == 0) return "no-partner";
        var open = partners.Where(p => p.Veto is null).ToList();
        if (open.Count == 0) return "veto-" + partners[0].Veto;
        if (threshold is not { } t) return "no-model";
        return open.Max(p => p.Probability) >= t ? "above" : "below";
    }

    /// <summary>The outside events of one article as error rows; <paramref name="shown"/> and <paramref name="view"/> list the same events in one order.</summary>
    public static IEnumerable<ArticleError> List(GoldArticle gold, Document doc, IReadOnlyList<Event> shown, SystemArticle view, CoreferenceModel? model)
    {
        var goldSpans = gold.Events.SelectMany(g => EvidenceLocator.Find(doc.Text, g.Evidence)).ToList();
        var answers = view.Events.Select(e => ArticleScorer.MatchesGoldEvent(gold, doc.Text, e)).ToList();
        // every event's mention, as the coreference stage saw the article (the first telling of a type among all, not only the shown)
        var all = EventMention.Of(doc, doc.Events);
        var index = new Dictionary<Event, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < doc.Events.Count; i++) index[doc.Events[i]] = i;
        var mentions = shown.Select(e => all[index[e]]).ToList();
        for (int k = 0; k < shown.Count; k++)
        {
            if (!ArticleScorer.IsOutside(view.Events[k], goldSpans, answers[k])) continue;
            var partners = new List<(Partner Pair, int Index)>();
            for (int o = 0; o < shown.Count; o++)
                if (o != k && answers[o] && CoreferenceFeatures.Comparable(mentions[k], mentions[o]))
                    partners.Add((new Partner(model?.Probability(mentions[k], mentions[o]) ?? 0, CoreferenceFeatures.Incompatibility(mentions[k], mentions[o])), o));
            var kind = Kind([.. partners.Select(p => p.Pair)], model?.Threshold);
            var best = partners.OrderBy(p => p.Pair.Veto is null ? 0 : 1).ThenByDescending(p => p.Pair.Probability).Select(p => ((Partner, int)?)p).FirstOrDefault();
            var e = shown[k];
            int sameType = gold.Events.Count(g => ArticleFieldRules.TypeMatches(g.Plover, view.Events[k].Plover, view.Events[k].PloverMode));
            string why = best is not ({ } pair, int j) ? "" : string.Create(CultureInfo.InvariantCulture,
                $"; nearest gold-matched {Position(doc, shown[j])} '{doc.Slice(shown[j].Trigger)}': {(pair.Veto is { } v ? $"vetoed ({v})" : $"p {pair.Probability:0.00}")}{Against(model, mentions[k], mentions[j])}{Parties(mentions[k], mentions[j])}");
            yield return new ArticleError(gold.Name, "outside", $"{sameType} gold events of its type",
                string.Create(CultureInfo.InvariantCulture, $"{kind}: {view.Events[k].Plover} '{doc.Slice(e.Trigger)}' ({Position(doc, e)}, {e.AllTellings.Count} tellings, confidence {e.Confidence:0.00}){why}"),
                view.Events[k].ShownSentence is { } s ? doc.Slice(s) : "");
        }
    }

    /// <summary>The three features that pull the pair's probability down most (weight times value, below zero), as "name -0.73".</summary>
    private static string Against(CoreferenceModel? model, EventMention a, EventMention b)
    {
        if (model is null) return "";
        var against = CoreferenceFeatures.Compute(a, b)
            .Select(f => (f.Key, Pull: model.Weights.GetValueOrDefault(f.Key) * f.Value))
            .Where(f => f.Pull < 0).OrderBy(f => f.Pull).Take(3)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Pull:0.00}")).ToList();
        return against.Count == 0 ? "" : "; against: " + string.Join(", ", against);
    }

    /// <summary>Both tellings' own actors when they disagree, "; actors 'a' (code) / 'b'", else "": the most frequent pull keeping a retelling apart (coref12), and whether it is a misread phrase, a category or another party shows only in the words (coref13).</summary>
    public static string Parties(EventMention a, EventMention b)
    {
        if (CoreferenceFeatures.PartyRelation(a.Actor, b.Actor) != "differ") return "";
        static string Say(PartyKey p) => p.Known is { } k ? $"'{p.Text}' ({k})" : $"'{p.Text}'";
        return $"; actors {Say(a.Actor!)} / {Say(b.Actor!)}";
    }

    private static string Position(Document doc, Event e) =>
        doc.Article.TitleSpan is { } t && t.Overlaps(e.Trigger) ? "headline" : doc.Article.LedeSpan is { } l && l.Overlaps(e.Trigger) ? "lede" : "body";
}
