using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>Counts: the kind each event counts, the figures of its clause, figures stated in the next sentence, and conflicting figures kept side by side with their sources.</summary>
public sealed partial class EventsComponent
{
    private static readonly string[] KillWords = ["kill", "killed", "kills", "killing", "killings", "died", "die", "dead", "martyred", "death", "deaths", "massacre", "executed", "execution", "slain", "murdered", "toll", "lives"];
    private static readonly string[] InjureWords = ["injured", "injuring", "wounded", "wounding", "injure", "wound", "injuries"];

    /// <summary>What a count on this event counts: from the trigger word, else from the code.</summary>
    private static string? CountKind(SentenceView v, CodedEvent e, string code)
    {
        for (int i = e.Trigger.Start; i < e.Trigger.End; i++)
        {
            if (v.IsAny(i, KillWords)) return "killed";
            if (v.IsAny(i, InjureWords)) return "injured";
            if (v.IsAny(i, "arrest", "arrested", "arrests", "arresting", "detain", "detained", "detaining", "detention", "abducted", "kidnapped")) return "detained";
            if (v.IsAny(i, "release", "released", "releasing", "freed", "free")) return "released";
        }
        if (code.StartsWith("084", StringComparison.Ordinal)) return "released";
        if (code is "173" or "181") return "detained";
        if (code == "154") return "fighters";
        if (code == "201") return "displaced";
        return null;
    }

    private static void AddCounts(Document d, SentenceView v, CodedEvent e, string? kind, Event ev, Documents.Attribution? attribution)
    {
        var source = attribution?.Chain.Count > 0 ? attribution.Chain[0].Name : null;
        var region = e.Target.IsEmpty ? e.Actor : e.Target;
        var found = new List<CountPhrase>();
        // a target that is a number standing for the victims is the count ("Dozens were wounded", "injuring dozens of them")
        if (CasualtyRoles.VictimCount(v, e.Target, kind) is { HeadNoun: < 0 } victims) found.Add(victims);
        else if (!region.IsEmpty) found.AddRange(CountParser.Find(v, region.Start - 3, region.End));
        // the victims counted by their conjuncts: "a journalist and two soldiers" (3), "He and three others" (4), "a child" (1);
        // where the conjuncts were counted one by one ("50 militants and eight civilians"), the total follows their figures
        EventCount? total = null;
        if (kind is "killed" or "injured" or "detained" or "released" && VictimTally(d, v, ClauseRoles.WithLeadingConjunct(v, e.Target)) is { } tally
            && (found.Count == 0 || (tally.Conjuncts > 1 && found.TrueForAll(c => c.Min < tally.Min))))
        {
            var tallied = ClauseRoles.WithLeadingConjunct(v, e.Target);
            total = new EventCount(tally.Min, tally.Max, v.TextOf(tallied), v.SpanOf(tallied), kind, null, source);
            if (found.Count == 0) { ev.Counts.Add(total); total = null; }
        }
        if (found.Count == 0 && ev.Counts.Count == 0 && kind is "killed" or "injured")
        {
            // "the death toll rose to 70", "killed at least 22 people", "22 people killed"
            // a toll is stated at the end of its clause: "The death toll from a bomb blast on ... reached at least 112"
            bool toll = v.IsAny(e.Trigger.End - 1, "toll");
            found.AddRange(CountParser.Find(v, e.Trigger.End, Math.Min(v.Count, e.Trigger.End + (toll ? 25 : 8))));
            if (found.Count == 0) found.AddRange(CountParser.Find(v, Math.Max(0, e.Trigger.Start - 8), e.Trigger.Start));
        }
        if (found.Count == 0 && ev.Counts.Count == 0 && e.Trigger.Start >= 2 && v.IsAny(e.Trigger.Start - 1, "were", "was", "been"))
        {
            // a passive's subject is what was done to: "at least 45 men were taken", "Dozens of young men who had
            // returned ... were detained": the count right before the auxiliary, else one opening the sentence
            var before = CountParser.Find(v, 0, e.Trigger.Start);
            var adjacent = before.FindLast(c => c.Tokens.End >= e.Trigger.Start - 3);
            var opening = before.Find(c => c.Tokens.Start <= 2);
            if ((adjacent ?? opening) is { } subject && subject.HeadNoun >= 0) found.Add(subject);
        }
        foreach (var c in found)
        {
            var who = CountParser.Who(v, c) ?? CasualtyRoles.AntecedentWho(v, c, e.Actor);
            // a figure whose own word says the outcome keeps it: "There were 12 dead and seven wounded" (12 killed, 7 injured)
            var k = (kind is "killed" or "injured" ? OwnOutcome(v, c) : null) ?? kind ?? KindNear(v, c);
            // a count needs a kind from the event or a counted person noun ("45 men", "dozens of young men")
            if (k is null && c.HeadNoun < 0) continue;
            ev.Counts.Add(new EventCount(c.Min, c.Max, v.TextOf(c.Tokens), v.SpanOf(c.Tokens), k, who, source));
            // injured counts stated beside killed ones: "killing 5 and wounding 12"
        }
        if (total is not null) ev.Counts.Add(total);
        if (ev.Counts.Count == 0 && kind is null && e.Nominal && IsViolent(e.Code)) SubjectOfCasualtyVerb(v, e, ev, source);
        if (ev.Counts.Count == 0 && IsViolent(e.Code))
        {
            // a result clause: "clashes broke out ..., leaving three fighters dead and five wounded"
            for (int i = e.Trigger.End; i < Math.Min(v.Count, e.Trigger.End + 20); i++)
            {
                if (!v.IsAny(i, "leaving", "left")) continue;
                foreach (var c in CountParser.Find(v, i + 1, Math.Min(v.Count, i + 12)))
                {
                    int after = c.Tokens.End;
                    // the counted noun may itself say the outcome: "leaving at least 12 dead"
                    string? k = c.HeadNoun >= 0 && v.IsAny(c.HeadNoun, "dead") ? "killed"
                        : v.IsAny(after, "dead", "killed") || v.IsAny(after + 1, "dead", "killed") ? "killed"
                        : v.IsAny(after, "wounded", "injured") || v.IsAny(after + 1, "wounded", "injured") ? "injured" : null;
                    if (k is not null) ev.Counts.Add(new EventCount(c.Min, c.Max, v.TextOf(c.Tokens), v.SpanOf(c.Tokens), k, CountParser.Who(v, c), source));
                }
                break;
            }
        }
        if (kind == "killed")
        {
            // the wounded stated in the same clause
            for (int i = e.Trigger.End; i < v.Count; i++)
            {
                if (!v.IsAny(i, InjureWords)) continue;
                foreach (var c in CountParser.Find(v, Math.Max(e.Trigger.End, i - 6), Math.Min(v.Count, i + 6)))
                    if (!ev.Counts.Exists(x => x.Span == v.SpanOf(c.Tokens)))
                        ev.Counts.Add(new EventCount(c.Min, c.Max, v.TextOf(c.Tokens), v.SpanOf(c.Tokens), "injured", CountParser.Who(v, c), source));
                break;
            }
        }
    }

    /// <summary>
    /// The outcome a figure's own words state: its counted noun ("12 dead", "the bodies of five"), or the participle right
    /// after it ("seven wounded"); null when they state none. A participle that takes a figure of its own is the verb of
    /// the next clause, not this figure's outcome: in comma-less text "killed 30 people injured 90" the 30 stay killed.
    /// </summary>
    private static string? OwnOutcome(SentenceView v, CountPhrase c)
    {
        if (c.HeadNoun >= 0 && v.IsAny(c.HeadNoun, "dead", "deaths", "bodies")) return "killed";
        int after = c.Tokens.End;
        if (!v.IsAny(after, "dead", "killed", "wounded", "injured") || TakesFigure(v, after)) return null;
        return v.IsAny(after, "dead", "killed") ? "killed" : "injured";
    }

    /// <summary>Whether a figure starts right after the word at <paramref name="i"/> (the word is a verb with its own object).</summary>
    private static bool TakesFigure(SentenceView v, int i) =>
        i + 1 < v.Count && CountParser.Find(v, i + 1, Math.Min(v.Count, i + 6)).Exists(c => c.Tokens.Start == i + 1);

    /// <summary>
    /// An event noun that is the subject of a casualty verb takes the verb's figures when the verb is not coded itself:
    /// "An air strike on a market in the village killed more than 40 people and wounded dozens" (41 killed, 12 injured).
    /// The verb is the first of the noun's clause; a comma, a relative pronoun or another verb ends the search. A later
    /// figure is a second count only where a coordinated outcome verb ("and wounded dozens") or a bare conjunction
    /// ("40 civilians and 10 fighters") joins it to the one before; otherwise it is stated about that one, a part of it
    /// ("52 people among them 48 pupils"), and counting it again would let the part stand for a second incident.
    /// </summary>
    private static void SubjectOfCasualtyVerb(SentenceView v, CodedEvent e, Event ev, string? source)
    {
        for (int i = e.Trigger.End; i < Math.Min(v.Count, e.Trigger.End + 15); i++)
        {
            if (v.TagAt(i) is Tag.Comma or Tag.Punct or Tag.Rel) return;
            if (v.TagAt(i) is not (Tag.Verb or Tag.Be)) continue;
            string? k = v.IsAny(i, KillWords) ? "killed" : v.IsAny(i, InjureWords) ? "injured" : null;
            if (k is null) return;
            var end = Math.Min(v.Count, i + 9);
            CountPhrase? before = null;
            foreach (var c in CountParser.Find(v, i + 1, end))
            {
                if (before is not null)
                {
                    var joined = OnlyKillOrInjure(v, before.Tokens.End, c.Tokens.Start);
                    if (joined is null && !OnlyConjunctions(v, before.Tokens.End, c.Tokens.Start)) continue;
                    k = joined ?? k;
                }
                ev.Counts.Add(new EventCount(c.Min, c.Max, v.TextOf(c.Tokens), v.SpanOf(c.Tokens), OwnOutcome(v, c) ?? k, CountParser.Who(v, c), source));
                before = c;
            }
            return;
        }
    }

    /// <summary>Whether only conjunctions and commas stand between two figures ("40 civilians and 10 fighters").</summary>
    private static bool OnlyConjunctions(SentenceView v, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (v.TagAt(i) is not (Tag.Conj or Tag.Comma)) return false;
        return true;
    }

    /// <summary>The outcome a second coordinated verb names between two figures: "killed 40 and wounded dozens".</summary>
    private static string? OnlyKillOrInjure(SentenceView v, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (v.IsAny(i, InjureWords)) return "injured";
            if (v.IsAny(i, KillWords)) return "killed";
        }
        return null;
    }

    /// <summary>The kind of a count from the verb right after or before it ("30 people were killed", "killed 30").</summary>
    private static string? KindNear(SentenceView v, CountPhrase c)
    {
        for (int i = c.Tokens.End; i < Math.Min(v.Count, c.Tokens.End + 4); i++)
        {
            if (v.IsAny(i, KillWords)) return "killed";
            if (v.IsAny(i, InjureWords)) return "injured";
            if (v.IsAny(i, "arrested", "detained")) return "detained";
            if (v.IsAny(i, "released", "freed")) return "released";
            if (v.IsAny(i, "displaced", "fled")) return "displaced";
        }
        return null;
    }

    private static string? KindOfWords(SentenceView v)
    {
        for (int i = 0; i < v.Count; i++)
        {
            if (v.IsAny(i, KillWords)) return "killed";
            if (v.IsAny(i, InjureWords)) return "injured";
            if (v.IsAny(i, "arrested", "detained", "detainees", "arrests", "detentions")) return "detained";
            if (v.IsAny(i, "released", "freed")) return "released";
            if (v.IsAny(i, "displaced", "fled", "displacement")) return "displaced";
        }
        return null;
    }

    private static string? ExpectedKind(string? code)
    {
        if (code is null) return null;
        if (code.StartsWith("084", StringComparison.Ordinal)) return "released";
        if (code is "173" or "181") return "detained";
        if (code.StartsWith("18", StringComparison.Ordinal) || code.StartsWith("19", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal)) return "killed";
        if (code == "154") return "fighters";
        if (code == "201") return "displaced";
        return null;
    }

    /// <summary>
    /// Who says the text at <paramref name="at"/>: the attribution with the smallest scope that contains it (the reported
    /// clause holding an event's trigger or a count), else the sentence's (the attribution covering its start).
    /// </summary>
    private static Documents.Attribution? AttributionOf(Document d, TextSpan sentence, TextSpan at)
    {
        Documents.Attribution? best = null;
        foreach (var a in d.AttributionsBySpan.Holding(new TextSpan(at.Start, at.Start + 1)))
            if (best is null || a.Scope.Length < best.Scope.Length) best = a;
        return best ?? SentenceAttribution(d, sentence);
    }

    /// <summary>The first attribution whose scope holds the sentence's start: who says the sentence.</summary>
    private static Documents.Attribution? SentenceAttribution(Document d, TextSpan sentence) =>
        d.AttributionsBySpan.Holding(new TextSpan(sentence.Start, sentence.Start + 1)) is [var first, ..] ? first : null;

    /// <summary>
    /// An event without a count takes the count the next sentence states for the same kind of outcome
    /// ("Troops arrested protesters in Homs. Activists said 45 people were detained.") when that sentence codes no
    /// other event with its own actor; the restating event, if any, is folded into the first.
    /// </summary>
    private void AttachNextSentenceCounts(Document d, List<(int Sentence, Event Event, string? Kind)> events)
    {
        for (int i = 0; i < events.Count; i++)
        {
            var (si, ev, ownKind) = events[i];
            if (ev.Counts.Count > 0 || si + 1 >= d.Sentences.Length) continue;
            var want = ownKind ?? ExpectedKind(ev.Codes.Cameo);
            if (want is null) continue;
            var next = d.Sentences[si + 1];
            var v = _coder.View(d, next);
            if (KindOfWords(v) != want && !(want == "killed" && KindOfWords(v) == "injured")) continue;
            // the next sentence's own events: only restatements without their own actor may be folded
            var restating = OfSentence(events, si + 1);
            if (restating.Exists(x => x.Event.Actor is not null && x.Event.Actor.EntityId != ev.Actor?.EntityId && x.Event.Actor.Text != ev.Actor?.Text && (x.Kind ?? ExpectedKind(x.Event.Codes.Cameo)) == want)) continue;
            bool added = false;
            foreach (var c in CountParser.Find(v, 0, v.Count))
            {
                var attribution = AttributionOf(d, next.Span, v.SpanOf(c.Tokens)); // the speaker of the clause stating the count
                var source = attribution?.Chain.Count > 0 ? attribution.Chain[0].Name : null;
                var kind = KindNear(v, c) ?? (c.HeadNoun >= 0 && v.IsAny(c.HeadNoun, "detainees", "prisoners", "bodies", "dead", "deaths", "casualties") ? want : null);
                if (kind is null) continue;
                ev.Counts.Add(new EventCount(c.Min, c.Max, v.TextOf(c.Tokens), v.SpanOf(c.Tokens), kind, CountParser.Who(v, c), source));
                if (attribution is not null) ev.AddSources(attribution.Chain); // who states the figures tells the event too
                added = true;
            }
            if (!added) continue;
            ev.Evidence.Add(next.Span);
            foreach (var r in restating)
                if ((r.Kind ?? ExpectedKind(r.Event.Codes.Cameo)) == want && r.Event.Actor is null) events.Remove(r);
        }
    }

    /// <summary>The events of one sentence, found by binary search: the list is in sentence order (coded sentence by sentence, only removed from since).</summary>
    private static List<(int Sentence, Event Event, string? Kind)> OfSentence(List<(int Sentence, Event Event, string? Kind)> events, int sentence)
    {
        int lo = 0, hi = events.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (events[mid].Sentence < sentence) lo = mid + 1; else hi = mid;
        }
        var found = new List<(int Sentence, Event Event, string? Kind)>();
        for (int i = lo; i < events.Count && events[i].Sentence == sentence; i++) found.Add(events[i]);
        return found;
    }

    /// <summary>
    /// Two statements of the same outcome from different sources in neighbouring sentences ("25 killed, the Observatory
    /// said. State media put the toll at 12.") are one event with both figures kept side by side, each with its source.
    /// </summary>
    private static void MergeConflictingFigures(Document d, List<(int Sentence, Event Event, string? Kind)> events)
    {
        for (int i = 0; i < events.Count; i++)
        {
            var a = events[i];
            if (a.Event.Counts.Count == 0 || a.Event.Modality is Modality.Expected or Modality.Hypothetical or Modality.Negated) continue;
            for (int j = i + 1; j < events.Count; j++)
            {
                var b = events[j];
                if (b.Sentence - a.Sentence > 2) break;
                if (b.Event.Counts.Count == 0 || b.Event.Modality is Modality.Expected or Modality.Hypothetical or Modality.Negated) continue;
                var ka = a.Event.Counts[0].Kind; var kb = b.Event.Counts[0].Kind;
                if (ka is null || ka != kb) continue;
                var sa = a.Event.Counts[0].Source; var sb = b.Event.Counts[0].Source;
                if (sa is null || sb is null || sa == sb) continue;
                // figures of one sentence are not conflicting statements, though its clauses may have different speakers
                if (d.SentenceAt(a.Event.Counts[0].Span.Start) == d.SentenceAt(b.Event.Counts[0].Span.Start)) continue;
                if (a.Event.Counts[0].Min == b.Event.Counts[0].Min) continue;
                if (a.Event.Actor is not null && b.Event.Actor is not null && a.Event.Actor.Text != b.Event.Actor.Text
                    && (a.Event.Actor.EntityId is null || a.Event.Actor.EntityId != b.Event.Actor.EntityId)) continue;
                a.Event.Counts.AddRange(b.Event.Counts);
                a.Event.Evidence.AddRange(b.Event.Evidence);
                a.Event.AddSources(b.Event.Sources);
                a.Event.Actor ??= b.Event.Actor;
                a.Event.Target ??= b.Event.Target;
                events.RemoveAt(j);
                j--;
            }
        }
    }

    /// <summary>Nouns that name a body of people, not one person: "a group", "the army" are not a count of one.</summary>
    private static readonly string[] CollectiveNouns = ["group", "army", "police", "militia", "government", "family", "convoy", "unit", "crowd",
        "team", "force", "forces", "community", "village", "town", "city", "house", "home", "building", "vehicle", "car", "number", "majority", "dozen", "score"];

    /// <summary>
    /// The number of victims a role names, summed over its "and" conjuncts: a number counts its value ("three others"), a
    /// person counts one (a name, "he", "a child", "his companion"). Null when a conjunct is neither (a building, a group),
    /// so that only roles made of people are tallied. <c>Max</c> is null when any conjunct is a lower bound ("at least 3").
    /// </summary>
    internal static (int Min, int? Max, int Conjuncts)? VictimTally(Document d, SentenceView v, Chunk role)
    {
        if (role.IsEmpty) return null;
        int min = 0, conjuncts = 0;
        bool exact = true;
        int start = role.Start;
        for (int i = role.Start; i <= role.End; i++)
        {
            if (i < role.End && !v.Is(i, "and")) continue;
            if (i == start) return null;
            var part = new Chunk(start, i);
            if (CountParser.ParseAt(v, part.Start, bareVague: true) is { } c && c.Tokens.End <= part.End)
            {
                min += c.Min;
                exact &= c.Max == c.Min;
            }
            else if (IsOnePerson(d, v, part)) min += 1;
            else return null;
            conjuncts++;
            start = i + 1;
        }
        return min > 0 ? (min, exact ? min : null, conjuncts) : null;
    }

    /// <summary>A conjunct naming one person: a singular personal pronoun, a person's name, or a determiner and a singular noun.</summary>
    private static bool IsOnePerson(Document d, SentenceView v, Chunk part)
    {
        if (part.Length == 1 && v.IsAny(part.Start, "he", "she", "him", "her")) return true;
        var span = v.SpanOf(part);
        if (d.MentionsBySpan.AnyInside(span, m => m.Type == EntityType.PERSON)) return true;
        if (!v.IsAny(part.Start, "a", "an", "one", "his", "her", "their", "its")) return false;
        int head = part.End - 1;
        for (int i = part.Start + 1; i < part.End; i++)
            if (v.TagAt(i) is Tag.Of or Tag.Prep or Tag.Comma or Tag.Rel or Tag.Verb or Tag.By) { head = i - 1; break; }
        if (head <= part.Start || v.TagAt(head) != Tag.Noun) return false;
        var w = v.Word(head).ToString();
        return !w.EndsWith('s') && !v.IsAny(head, CollectiveNouns) && IsPersonNoun(w);
    }

    /// <summary>
    /// A singular noun for a person: the counted person nouns, or a noun whose plural has an agent form (journalist,
    /// commander, civilian, infant), or a compound of "man"/"woman"; "a settlement agreement" is not one.
    /// </summary>
    private static bool IsPersonNoun(string w) =>
        CountParser.PersonNouns.ContainsKey(w) || CountParser.PersonNouns.ContainsKey(w + "s") || CountParser.IsAgentPlural(w + "s")
        || w.EndsWith("man", StringComparison.OrdinalIgnoreCase) || w.EndsWith("woman", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A result clause counts the event it follows: "attacked a village ..., killing at least 70", "stormed the base, where
    /// they killed 20": the casualty event's figures are also the counts of the violent event before it in the sentence,
    /// when that event has none of its own (its sources travel with them).
    /// </summary>
    private static void ResultClauseCounts(Document d, List<(int Sentence, Event Event, string? Kind)> events)
    {
        for (int i = 0; i < events.Count; i++)
        {
            var (si, ev, _) = events[i];
            if (ev.Counts.Count > 0 || !IsViolent(ev.Codes.Cameo ?? "")) continue;
            for (int j = i + 1; j < events.Count && events[j].Sentence == si; j++)
            {
                var (_, result, kind) = events[j];
                if (result.Counts.Count == 0 || kind is not ("killed" or "injured") || result.Trigger.Start <= ev.Trigger.End) continue;
                var between = d.Text.AsSpan(ev.Trigger.End, result.Trigger.Start - ev.Trigger.End);
                bool participle = between.TrimEnd().EndsWith(",") && d.Slice(result.Trigger).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
                bool where = between.Contains(", where ", StringComparison.OrdinalIgnoreCase);
                if (!participle && !where) continue;
                ev.Counts.AddRange(result.Counts);
                break;
            }
        }
    }
}
