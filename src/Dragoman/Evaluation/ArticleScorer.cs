using Dragoman.Documents;

namespace Dragoman.Evaluation;

/// <summary>One miss, for `eval articles --errors`: which article and field, what gold and the system said, and where.</summary>
public sealed record ArticleError(string Article, string Field, string Gold, string System, string Evidence);

/// <summary>
/// Scores one article against its gold (rules in ../shared/data/articles-gold/README.md, docs/evaluation.md).
/// A gold event is matched by a system event of the same PLOVER type whose sentence overlaps the gold evidence;
/// when several qualify, the one with most fields right counts (a gold event never needs two system events).
/// </summary>
public sealed class ArticleScorer(ArticleFieldRules rules)
{
    public (ArticleTally Tally, List<ArticleError> Errors) Score(GoldArticle gold, SystemArticle sys)
    {
        var t = new ArticleTally { Articles = 1, GoldEvents = gold.Events.Count, SystemEvents = sys.Events.Count };
        var errors = new List<ArticleError>();
        var goldSpans = new List<TextSpan>();
        // one-to-one: each system event answers at most one gold event (in gold order, its best unused candidate); a
        // joined event whose tellings span several gold events' sentences counts once here, not once per gold event
        var used = new HashSet<SystemEvent>(ReferenceEqualityComparer.Instance);
        var answered = new Dictionary<SystemEvent, List<GoldEvent>>(ReferenceEqualityComparer.Instance);
        foreach (var g in gold.Events)
        {
            var spans = EvidenceLocator.Find(sys.Text, g.Evidence);
            goldSpans.AddRange(spans);
            if (spans.Count == 0)
            {
                t.GoldEvidenceMissing++;
                errors.Add(new ArticleError(gold.Name, "evidence", g.Evidence, "not found in the processed text", g.Evidence));
                continue;
            }
            var inSentence = sys.Events.Where(e => e.Sentences.Any(s => spans.Any(s.Overlaps))).ToList();
            var candidates = inSentence.Where(e => ArticleFieldRules.TypeMatches(g.Plover, e.Plover, e.PloverMode)).ToList();
            if (candidates.Count == 0)
            {
                var seen = inSentence.Count == 0 ? "no event in the sentence" : string.Join(", ", inSentence.Select(e => $"{e.Plover ?? "?"}({e.Actor ?? "-"})"));
                errors.Add(new ArticleError(gold.Name, "type", g.Plover ?? "?", seen, g.Evidence));
                continue;
            }
            foreach (var c in candidates) (answered.TryGetValue(c, out var list) ? list : answered[c] = []).Add(g);
            var ranked = candidates.Select(e => (Event: e, Fields: Fields(gold, g, e))).OrderByDescending(c => Merit(c.Fields)).ToList();
            var best = ranked[0];
            t.TypeMatched++;
            if (ranked.FirstOrDefault(c => !used.Contains(c.Event)) is { Event: not null } own)
            {
                used.Add(own.Event);
                t.TypeMatchedOneToOne++;
                if (own.Fields.All(f => f.Right || f.Field is not ("actor" or "place" or "event_date"))) t.FullMatchedOneToOne++;
            }
            bool full = true;
            foreach (var (field, right, goldText, sysText) in best.Fields)
            {
                t.Field[field].Add(right);
                if (!right)
                {
                    errors.Add(new ArticleError(gold.Name, field, goldText, sysText, g.Evidence));
                    if (field is "actor" or "place" or "event_date") full = false;
                }
            }
            if (full) t.FullMatched++;
            // the telling's view: not part of the best candidate's merit, so the headline figures stay as they were
            var told = best.Event.ModalityTold(spans);
            bool toldRight = string.Equals(g.Modality, told, StringComparison.OrdinalIgnoreCase);
            t.Field["modality_telling"].Add(toldRight);
            if (!toldRight) errors.Add(new ArticleError(gold.Name, "modality_telling", g.Modality ?? "(none)", told, g.Evidence));
        }
        t.SystemEventsOutsideGold = sys.Events.Count(e => IsOutside(e, goldSpans, answered.ContainsKey(e)));
        t.SystemEventsOutsideGoldAnyTelling = sys.Events.Count(e => !e.Sentences.Any(s => goldSpans.Any(s.Overlaps)));
        OverJoins.Tally(gold, answered, t, errors, rules);
        ScorePlaces(gold, sys, t, errors);
        ScoreNames(gold.Persons, sys.PersonNames, t.Persons);
        ScoreNames(gold.Organizations, sys.OrganizationNames, t.Organizations);
        return (t, errors);
    }

    /// <summary>
    /// Whether a system event is one of the gold's main events as the scorer matches them: the same type, and a
    /// sentence overlapping that gold event's evidence (the label the salience model learns).
    /// </summary>
    public static bool MatchesGoldEvent(GoldArticle gold, string text, SystemEvent e) =>
        gold.Events.Any(g => ArticleFieldRules.TypeMatches(g.Plover, e.Plover, e.PloverMode)
            && EvidenceLocator.Find(text, g.Evidence).Any(span => e.Sentences.Any(s => s.Overlaps(span))));

    /// <summary>
    /// Whether an event counts as outside the gold main events' sentences: it answers no gold event (type and any
    /// telling's sentence, as matching is) and the sentence it is shown by (its trigger's) holds no gold evidence. A
    /// joined event is not inside because a telling of it lies in a gold sentence that holds a gold event of another
    /// type: joining must not hide noise (2026-12-06, joins10).
    /// </summary>
    public static bool IsOutside(SystemEvent e, IReadOnlyList<TextSpan> goldSpans, bool answersGold) =>
        !answersGold && (e.ShownSentence is not { } s || !goldSpans.Any(s.Overlaps));

    /// <summary>A party as the error listing shows it: the written text, and its full name after it when it has one.</summary>
    private static string Shown(string? text, string? name) => (text ?? "(none)") + (name is null ? "" : $" [{name}]");

    /// <summary>Full first, then the number of fields right.</summary>
    private static int Merit(List<(string Field, bool Right, string Gold, string System)> fields) =>
        (fields.Where(f => f.Field is "actor" or "place" or "event_date").All(f => f.Right) ? 100 : 0) + fields.Count(f => f.Right);

    /// <summary>The scored fields of a matched pair; a field the gold leaves empty (place, date, count) is not scored.</summary>
    private List<(string Field, bool Right, string Gold, string System)> Fields(GoldArticle article, GoldEvent g, SystemEvent e)
    {
        var f = new List<(string, bool, string, string)>
        {
            ("actor", rules.PartyMatches(g.Actor, [e.Actor, e.ActorName]), g.Actor ?? "(none)", Shown(e.Actor, e.ActorName)),
            ("target", rules.PartyMatches(g.Target, [e.Target, e.TargetName]), g.Target ?? "(none)", Shown(e.Target, e.TargetName)),
            ("source", rules.PartyMatches(g.Source, e.Sources), g.Source ?? "(none)", e.Sources.Count == 0 ? "(none)" : string.Join(" <- ", e.Sources)),
            ("modality", string.Equals(g.Modality, e.Modality, StringComparison.OrdinalIgnoreCase), g.Modality ?? "(none)", e.Modality),
        };
        if (g.Count is { } c)
            f.Add(("count", ArticleFieldRules.CountMatches(c, e.Counts), $"{c.Min?.ToString() ?? "-"}..{c.Max?.ToString() ?? "-"} {c.Kind}",
                e.Counts.Count == 0 ? "(none)" : string.Join(", ", e.Counts.Select(x => $"{x.Min}..{x.Max?.ToString() ?? "-"}"))));
        if (ArticleFieldRules.DateWindow(g.Date) is not null)
            f.Add(("event_date", ArticleFieldRules.DateMatches(g.Date, e.Start, e.End), g.Date!,
                e.Start is null ? "(none)" : e.End is { } end && end != e.Start ? $"{e.Start:yyyy-MM-dd}..{end:yyyy-MM-dd}" : $"{e.Start:yyyy-MM-dd}"));
        if (g.Place is not null && FindPlace(article, g.Place) is { Lat: not null, Lon: not null } gp)
            f.Add(("place", ArticleFieldRules.PlaceMatches(gp, e.Lat, e.Lon), $"{g.Place} ({gp.Lat:0.##},{gp.Lon:0.##})",
                e.PlaceText is null ? "(none)" : $"{e.PlaceText} ({e.Lat?.ToString("0.##") ?? "?"},{e.Lon?.ToString("0.##") ?? "?"})"));
        return f;
    }

    /// <summary>The gold place an event names: the place of that name, else one whose name it contains.</summary>
    public static GoldPlace? FindPlace(GoldArticle a, string name) =>
        a.Places.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? a.Places.FirstOrDefault(p => name.Contains(p.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A gold place is resolved when a system place mention of that name has coordinates (the first such one is judged).</summary>
    private static void ScorePlaces(GoldArticle gold, SystemArticle sys, ArticleTally t, List<ArticleError> errors)
    {
        foreach (var gp in gold.Places.Where(p => p.Lat is not null && p.Lon is not null))
        {
            t.GoldPlaces++;
            // the mention of that name, else one that differs only by a division noun ("Saada province" for the
            // gold's "Saada", "Duhok" for "Duhok province"): the noun says what kind of place, not which
            var hit = sys.Places.FirstOrDefault(p => p.IsResolved && SameName(p.Text, gp.Name))
                ?? sys.Places.FirstOrDefault(p => p.IsResolved && SamePlaceName(p.Text, gp.Name));
            if (hit is not null) t.PlacesResolved++;
            if (hit is not null && ArticleFieldRules.PlaceMatches(gp, hit.Lat, hit.Lon)) t.PlacesRight161++;
            else errors.Add(new ArticleError(gold.Name, "gold_place", $"{gp.Name} ({gp.Lat:0.##},{gp.Lon:0.##}) {gp.Kind}", PlaceMiss(gp, sys, hit), ""));
        }
        var countries = gold.Places.Select(p => p.Country).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (countries.Count > 0)
        {
            var outside = sys.Places.Where(p => p.IsResolved && p.Country3 is not null && !countries.Contains(p.Country3))
                .GroupBy(p => Squash(p.Text).ToLowerInvariant()).Select(g => g.First()).ToList();
            t.ResolvedOutsideGoldCountries = outside.Count;
            // a whole country the text names is mostly a party ("Turkish drones", "talks with Iran"), which the gold
            // lists as a place only where events are; a town or division in another country is the real worry.
            // Counted apart, not left out: a country can still be a wrong reading of its name (a word in an outlet's name)
            t.ResolvedOutsideGoldCountriesWhole = outside.Count(p => p.WholeCountry);
            // listed so that the count can be read case by case (`--errors`, field outside_place; first word: country or finer)
            foreach (var p in outside)
                errors.Add(new ArticleError(gold.Name, "outside_place", string.Join("|", countries.Order(StringComparer.Ordinal)),
                    $"{(p.WholeCountry ? "country" : "finer")}: {p.Text} ({p.Lat:0.##},{p.Lon:0.##}) {p.Country3}", ""));
        }
    }

    /// <summary>
    /// Why a gold place is not within 161 km, as `eval articles --errors` lists it (field gold_place): the first word
    /// is the kind of miss (wrong, abstained, unknown to the gazetteer, typed as a person or organisation, found only
    /// inside or around another span, not found), so the misses can be counted by cause.
    /// </summary>
    private static string PlaceMiss(GoldPlace gp, SystemArticle sys, SystemPlace? wrong)
    {
        if (wrong is not null) return $"wrong: ({wrong.Lat:0.##},{wrong.Lon:0.##}) {wrong.Country3}";
        var named = sys.Places.Where(p => SameName(p.Text, gp.Name)).ToList();
        if (named.Count > 0)
        {
            var most = named.MaxBy(p => p.Candidates)!;
            if (most.Candidates == 0) return "no-candidate: not in the gazetteer";
            int inGold = most.CandidateCountries3?.Count(c => string.Equals(c, gp.Country, StringComparison.OrdinalIgnoreCase)) ?? 0;
            return $"abstained: {most.Candidates} candidates, {inGold} in {gp.Country ?? "the gold country"}";
        }
        if (sys.PersonNames.Any(n => SameName(n, gp.Name))) return "typed: PERSON";
        if (sys.OrganizationNames.Any(n => SameName(n, gp.Name))) return "typed: ORG";
        var around = sys.Places.FirstOrDefault(p => p.Text.Contains(gp.Name, StringComparison.OrdinalIgnoreCase)
            || gp.Name.Contains(p.Text, StringComparison.OrdinalIgnoreCase));
        return around is not null ? $"other-span: {around.Text} ({(around.IsResolved ? $"{around.Lat:0.##},{around.Lon:0.##}" : "?")})" : "not-found: no mention of that name";
    }

    private static bool SameName(string a, string b) => string.Equals(Squash(a), Squash(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The same name once a trailing division noun (province, governorate, district, state, region...) is set aside.</summary>
    internal static bool SamePlaceName(string a, string b) =>
        SameName(Geo.GazetteerBuilder.StripDivisionWord(Squash(a)), Geo.GazetteerBuilder.StripDivisionWord(Squash(b)));

    private static void ScoreNames(IReadOnlyList<GoldName> gold, IReadOnlyList<string> system, FieldTally tally)
    {
        var found = system.Select(Squash).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var g in gold) tally.Add(g.Aliases.Prepend(g.Name).Any(n => found.Contains(Squash(n))));
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
