namespace Dragoman.Evaluation;

/// <summary>
/// System events that answer several gold events (the gap between the README's figures and the one-to-one ones), and
/// why the gold events differ: for `eval articles --errors` (field "joined") and the tally's counts. An event told in
/// one sentence that holds two gold events is not a join ("one-sentence"); one whose tellings lie in several
/// sentences is, and the reasons name what the coder kept apart: place, date, count, actor, or none of those
/// ("same-fields": the coder split by action or target).
/// </summary>
public static class OverJoins
{
    public static void Tally(GoldArticle gold, IReadOnlyDictionary<SystemEvent, List<GoldEvent>> answered, ArticleTally t, List<ArticleError> errors, ArticleFieldRules rules)
    {
        foreach (var (e, gs) in answered)
        {
            if (gs.Count < 2) continue;
            t.SystemEventsAnsweringSeveral++;
            bool joined = e.Sentences.Count > 1;
            if (joined) t.JoinedEventsAnsweringSeveral++;
            var why = joined ? Reasons(gold, gs, rules) : "one-sentence";
            errors.Add(new ArticleError(gold.Name, "joined", string.Join(" | ", gs.Select(Describe)),
                $"{e.Plover} in {e.Sentences.Count} sentences: {why}", string.Join(" | ", gs.Select(g => g.Evidence))));
        }
    }

    /// <summary>What differs between the gold events one system event answers (first against each other).</summary>
    public static string Reasons(GoldArticle gold, IReadOnlyList<GoldEvent> gs, ArticleFieldRules rules)
    {
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        var a = gs[0];
        foreach (var b in gs.Skip(1))
        {
            if (a.Place is not null && b.Place is not null && !SamePlace(a.Place, b.Place)) reasons.Add("place");
            if (ArticleFieldRules.DateWindow(a.Date) is { } wa && ArticleFieldRules.DateWindow(b.Date) is { } wb && (wa.To < wb.From || wb.To < wa.From)) reasons.Add("date");
            if (a.Count?.Min is { } ca && b.Count?.Min is { } cb && ca != cb) reasons.Add("count");
            if (!string.IsNullOrWhiteSpace(a.Actor) && !string.IsNullOrWhiteSpace(b.Actor) && !rules.PartyMatches(a.Actor, [b.Actor])) reasons.Add("actor");
        }
        return reasons.Count == 0 ? "same-fields" : string.Join(",", reasons);
    }

    /// <summary>One place as the coder names it: the same name, or one name inside the other ("Afrin" and "Afrin district").</summary>
    private static bool SamePlace(string a, string b) =>
        a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase);

    private static string Describe(GoldEvent g) =>
        $"{g.Plover} {g.Action}: {g.Actor ?? "-"} -> {g.Target ?? "-"} @ {g.Place ?? "-"} {g.Date ?? "-"} n={g.Count?.Min?.ToString() ?? "-"}";
}
