using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Text.Syntax;

namespace Dragoman.Events.Roles;

/// <summary>Which role of an event a candidate is ranked for.</summary>
public enum RoleKind { Actor, Target }

/// <summary>
/// One answer the role ranker may give for a role: a phrase of the event's sentence (its token chunk there), the named
/// actor carried from earlier in the article, or none (<see cref="Argument"/> null). <see cref="Features"/> are the
/// ranker's inputs (all of them on or off), as ids of names (<see cref="RoleFeatureNames"/>) without the role prefix the
/// model adds.
/// </summary>
public sealed record RoleCandidate(Chunk Chunk, EventArgument? Argument, int[] FeatureIds)
{
    /// <summary>A phrase of the sentence that names no party (<see cref="EventsComponent.NoPartyHead"/>): what the no-actor threshold applies to.</summary>
    public bool NoPartyHead { get; init; }

    /// <summary>A candidate with its features by name (tests, hand-made examples).</summary>
    public RoleCandidate(Chunk chunk, EventArgument? argument, IEnumerable<string> features)
        : this(chunk, argument, features.Select(RoleFeatureNames.Id).Where(id => id >= 0).Distinct().ToArray()) { }

    public bool IsNone => Argument is null;

    /// <summary>The features by name, each with the value 1 (training, tracing, tests; scoring reads the ids).</summary>
    public IReadOnlyDictionary<string, double> Features => FeatureIds.ToDictionary(RoleFeatureNames.Name, _ => 1.0, StringComparer.Ordinal);
}

/// <summary>The features of one candidate being described: interned ids, each once.</summary>
internal sealed class FeatureSet
{
    private readonly List<int> _ids = new(40);

    public void On(int id)
    {
        if (id >= 0 && !_ids.Contains(id)) _ids.Add(id);
    }

    public void On(string name) => On(RoleFeatureNames.Id(name));

    /// <summary>The feature named by the parts joined (joined once per process, not per candidate).</summary>
    public void On(string a, string b, string c = "") => On(RoleFeatureNames.Id(a, b, c));

    public int Count => _ids.Count;

    public int[] ToArray() => [.. _ids];
}

/// <summary>How one role of one event was chosen: its candidates, the clause rules' choice, the ranker's (the rules' without a model).</summary>
public sealed record RoleDecision(RoleKind Role, IReadOnlyList<RoleCandidate> Candidates, int RuleChoice, int Chosen, double? Probability);

/// <summary>What the clause rules proposed for an event, the input the candidates are described against.</summary>
internal sealed record RoleContext(
    Document Document, SentenceView View, CodedEvent Event, string Code, Chunk RuleActor, Chunk RuleTarget,
    TextSpan? Speaker, EventArgument? CarriedActor, Chunk Means)
{
    /// <summary>The counted victims of the sentence's other events ("4 killed and 15 others injured": 15 others for the killing): their tally, not this event's target.</summary>
    public IReadOnlyList<Chunk> OtherTallies { get; init; } = [];

    /// <summary>The victims of the sentence's passive or casualty clauses ("22 people, including children, were killed", "Six civilians died"): never the actor.</summary>
    public IReadOnlyList<Chunk> Victims { get; init; } = [];

    /// <summary>Whether the sentence or the one before codes a protest (CAMEO 14): force used there is force against protesters.</summary>
    public bool ProtestNear { get; init; }

    /// <summary>The people the next sentence counts as killed, injured or detained, or says died ("Five people died"): who an act of coercion or force may have been done to.</summary>
    public NextVictims? Next { get; init; }

    /// <summary>
    /// The target the clause's structure fixes whatever the ranker chose (<see cref="ClauseRoles.UnderAttackSubject"/>:
    /// "a convoy came under fire"; <see cref="ClauseRoles.AimedAt"/>: "fired a missile at the convoy"), or none.
    /// </summary>
    public Chunk ClauseTarget { get; init; } = Chunk.None;

    /// <summary>
    /// The two sides of the clash the event's casualties fell in ("were killed during clashes between A and B"): the
    /// whole "A and B" and B, the side a coder codes as the target; <see cref="Chunk.None"/> when there is none.
    /// </summary>
    public (Chunk Sides, Chunk Other) Clash { get; init; } = (Chunk.None, Chunk.None);
}

/// <summary>
/// The victims the sentence after an event's counts or says died ("The attack came at dawn. Four people were killed."):
/// the view of that sentence, its victim phrases and the kind of each (killed, injured, detained, died).
/// </summary>
internal sealed record NextVictims(SentenceView View, IReadOnlyList<(Chunk Phrase, string Kind)> Phrases);

/// <summary>
/// The candidates of one role of one event and their features (models/roles/README.md): the none answer; every basic
/// noun phrase of the sentence (with its coordination), every entity mention in it, and the chunks the clause rules
/// proposed; and the last named actor of the article before it (where the clause names none). The clause rules are
/// features here, not the decision: whether a phrase is the rules' actor or target, the subject, object or "by" agent
/// of the trigger, on which side and how far, after which preposition, its entity type, actor-dictionary code and
/// sector, whether it is a place, a time, a weapon, a count, a pronoun, the sentence's speaker.
/// </summary>
internal static class RoleCandidates
{
    /// <summary>Head nouns of weapons and forms of violence (data/events/weapon-heads.tsv, sources in its header).</summary>
    private static readonly Lazy<HashSet<string>> WeaponHeads = new(() => RoleWordFile.Installed("weapon-heads.tsv", "weapon words"));

    public static List<RoleCandidate> For(RoleKind role, RoleContext c, Func<Chunk, EventArgument?> argument)
    {
        var v = c.View;
        var ce = c.Event;
        var rule = role == RoleKind.Actor ? c.RuleActor : c.RuleTarget;
        var other = role == RoleKind.Actor ? c.RuleTarget : c.RuleActor;
        var list = new List<RoleCandidate> { new(Chunk.None, null, NoneFeatures(c, rule)) };
        // read once for all candidates
        var sentence = v.SpanOf(new Chunk(0, v.Count));
        var d = c.Document;
        var clause = new SentenceFacts(
            ce.Nominal ? Chunk.None : ClauseSubject(v, ce.Trigger), ce.Nominal ? Chunk.None : v.Object(ce.Trigger.End - 1), ce.Nominal ? Chunk.None : v.ByAgent(ce.Trigger.End - 1),
            d.MentionsBySpan.Inside(sentence).FindAll(m => m.Type is not (EntityType.DATE or EntityType.QUANTITY)),
            d.PlacesBySpan.Overlapping(sentence).ConvertAll(p => p.Span),
            d.TimesBySpan.Overlapping(sentence).ConvertAll(t => t.Span))
        {
            Sources = SourcesOf(d),
            Governor = ce.Nominal ? GoverningVerb(v, ce.Trigger) : null,
            MeansAfter = ce.Nominal ? Chunk.None : CasualtyRoles.MeansAfter(v, ce.Trigger),
        };
        var seen = new HashSet<Chunk>();
        // the trigger's own words are no party ("the attack"), unless the clause rules say so
        void Add(Chunk ch, bool proposed = false, bool trimmed = false)
        {
            if (ch.IsEmpty || ch.End > v.Count || (!proposed && ch.Start >= ce.Trigger.Start && ch.End <= ce.Trigger.End) || !seen.Add(ch)) return;
            if (argument(ch) is not { } arg) return;
            list.Add(new RoleCandidate(ch, arg, PhraseFeatures(c, clause, ch, rule, other, trimmed)) { NoPartyHead = EventsComponent.NoPartyHead(d, v, ch) });
        }
        Add(rule, proposed: true);
        Add(other, proposed: true);
        for (int k = 0; k < v.Count; k++)
        {
            if (!v.IsNominal(k) || v.TagAt(k) is Tag.Poss) continue;
            var np = v.NounPhraseStartingAt(k);
            if (np.IsEmpty) continue;
            Add(np);
            var coordinated = v.CoordinatedRight(np, clauseAware: true);
            if (coordinated.End > np.End) Add(coordinated);
            k = np.End - 1;
        }
        foreach (var m in clause.Mentions)
            if (ChunkOf(v, m.Span) is { IsEmpty: false } mc) Add(mc);
        // what a coder codes is the party itself: each phrase also cut before its apposition, relative clause, second
        // conjunct or trailing place phrase ("a prison in the capital, and the families of some" -> "a prison")
        foreach (var ch in list.Where(x => !x.IsNone && !x.Chunk.IsEmpty).Select(x => x.Chunk).ToList())
            foreach (var cut in CandidateSpans.Trimmed(v, ch)) Add(cut, trimmed: true);
        // a clause that names nobody may continue the article's last named actor ("They then made off with ...")
        if (role == RoleKind.Actor && c.CarriedActor is { } carried && !sentence.Contains(carried.Span) && !IsHeadlineItself(d, carried.Span) && !IsCredit(d, carried.Span))
        {
            if (!clause.Sources.Holds(carried.Span, carried.EntityId, carried.Text))
                list.Add(new RoleCandidate(Chunk.None, carried with { }, CarriedFeatures(c, rule, "carried").ToArray()));
        }
        // ... or a party named in the sentence before or in the headline: the names there, by entity
        var named = new HashSet<string>(list.Where(x => !x.IsNone).Select(x => x.Argument!.EntityId ?? x.Argument.Text), StringComparer.Ordinal);
        foreach (var (span, where) in ContextSpans(d, sentence))
            foreach (var m in d.MentionsBySpan.Inside(span))
            {
                if (m.Type is not (EntityType.ORG or EntityType.PERSON or EntityType.NORP)) continue;
                // a headline the recogniser reads as one long name is the headline itself, never a party
                if (IsHeadlineItself(d, m.Span)) continue;
                if (IsCredit(d, m.Span)) continue;
                var entity = d.EntityById(m.EntityId);
                var arg = new EventArgument(m.Text, m.Span, entity?.Id, entity?.Actor?.Code);
                if (!named.Add(arg.EntityId ?? arg.Text)) continue;
                var f = CarriedFeatures(c, rule, where);
                f.On(where, "|ner=", TypeName(m.Type));
                // a source the article quotes reports from outside the sentence; it is not who acted there
                if (role == RoleKind.Actor && clause.Sources.Holds(m.Span, m.EntityId, m.Text)) continue;
                if (arg.Code is { } code) Sectors(f, code, where);
                list.Add(new RoleCandidate(Chunk.None, arg, f.ToArray()));
            }
        // ... or, for an act of coercion or force, the victims the next sentence counts ("Gunmen stormed the village. Six people
        // were killed."): they raise the development target ceiling 0.670 -> 0.683 (models/roles/README.md, session 15)
        if (role == RoleKind.Target && c.Next is { } next && Root(c.Code) is "17" or "18" or "19" or "20")
            foreach (var (phrase, kind) in next.Phrases)
            {
                var nv = next.View;
                var span = nv.SpanOf(phrase);
                Mention? mention = null;
                foreach (var m in d.MentionsBySpan.Inside(span)) if (m.Type is not (EntityType.DATE or EntityType.QUANTITY)) mention = m;
                var entity = d.EntityById(mention?.EntityId);
                var arg = TargetCategories.Apply(nv, phrase, new EventArgument(nv.TextOf(phrase), span, entity?.Id, entity?.Actor?.Code), c.Code, c.ProtestNear)!;
                if (!named.Add(arg.EntityId ?? arg.Text)) continue;
                var f = CarriedFeatures(c, rule, "next");
                f.On("next|kind=", kind);
                f.On("next|kind=", kind, CodeTables.IsForce(c.Code) ? "|force" : "|other");
                if (arg.Name is not null) f.On("next|category");
                if (mention is not null) f.On("next|ner=", TypeName(mention.Type));
                if (CountsPeople(nv, phrase)) f.On("next|count");
                list.Add(new RoleCandidate(Chunk.None, arg, f.ToArray()));
            }
        if (role == RoleKind.Actor) list.RemoveAll(x => !x.IsNone && !x.Chunk.IsEmpty && NeverActor(c, clause, x.Chunk));
        // the direct object of the event's own active verb is what the act is done to: no phrase inside it did the act
        // ("Missiles struck the Ukrainian capital": not "Ukrainian"), unless the clause rules say so
        // what the clause fixes as the target ("a convoy came under fire", "fired a missile at the convoy") did not act
        if (role == RoleKind.Actor && !c.ClauseTarget.IsEmpty)
            list.RemoveAll(x => !x.IsNone && !x.Chunk.IsEmpty && Overlaps(x.Chunk, c.ClauseTarget));
        bool directObject = !ce.Nominal && !ce.Passive && !clause.Object.IsEmpty && clause.Object.Start >= ce.Trigger.End && v.TagAt(clause.Object.Start - 1) is not (Tag.Prep or Tag.To);
        if (role == RoleKind.Actor && directObject)
            list.RemoveAll(x => !x.IsNone && !x.Chunk.IsEmpty && x.Chunk != c.RuleActor && x.Chunk.Start >= clause.Object.Start && x.Chunk.End <= clause.Object.End);
        // the dateline's agency and the credited outlet carried the report: no party of either role
        list.RemoveAll(x => !x.IsNone && IsCredit(d, x.Argument!.Span));
        // in an active clause a prepositional phrase before the verb is an adjunct ("fighting alongside Turkish troops attacked"), not what is done to
        if (role == RoleKind.Target && !ce.Nominal && !ce.Passive)
            list.RemoveAll(x => !x.IsNone && !x.Chunk.IsEmpty && x.Chunk.End <= ce.Trigger.Start && x.Chunk != rule
                && x.Chunk.Start > 0 && v.TagAt(x.Chunk.Start - 1) is Tag.Prep);
        // what the clause does the act with ("died in the shelling", "attacked with knives"), the victims another event of
        // the sentence counts ("4 killed and 15 others injured": 15 others are the injuring's) and who only reports it
        // are rarely what it is done to: features the ranker weighs (as hard vetoes they cut the target ceiling 0.608 -> 0.556
        // and cross-validated accuracy 0.403 -> 0.341 on the development part, models/roles/README.md)
        if (role == RoleKind.Target)
            for (int i = 0; i < list.Count; i++)
            {
                var x = list[i];
                if (x.IsNone || x.Chunk.IsEmpty) continue;
                var f = new FeatureSet();
                foreach (var id in x.FeatureIds) f.On(id);
                if (IsMeans(c, clause, x.Chunk)) f.On("means");
                if (IsOtherTally(c, x.Chunk, rule)) f.On("other_tally");
                if (ReportsOnly(c, clause, x.Chunk, rule)) f.On("reports_only");
                // the subject of the sentence's passive or dying clause ("three men were killed", "Two children died"): who it happened to
                if (c.Victims.Any(r => Overlaps(x.Chunk, r))) { f.On("victim_region"); f.On("victim_region", CodeTables.IsForce(c.Code) ? "|force" : "|other"); }
                if (f.Count > x.FeatureIds.Length) list[i] = x with { FeatureIds = f.ToArray() };
            }
        // a use of force whose own clause counts the people it was done to ("12 were killed", "killed 17 people") has
        // them as its target: measured as a learned preference (counted_victims) the ranker lost 0.05 of cross-validated
        // target accuracy (models/roles/README.md), so it stays a constraint, for counts of people only ("fired four
        // missiles", "around 50 houses" count things, not victims)
        if (role == RoleKind.Target && CodeTables.IsForce(c.Code) && CountsVictims(c, rule) && list.Exists(x => x.Chunk == rule))
            list.RemoveAll(x => x.IsNone || x.Chunk != rule);
        return list;
    }

    /// <summary>
    /// The clause's constraints on the actor, kept from the rules as vetoes rather than preferences: who reacts to an event
    /// noun (denies, condemns, reports it) is not its actor; a weapon or form of violence, before the verb or after a
    /// passive one ("A car bomb killed", "were killed in the strikes"), is the means, not who (ACLED's unidentified
    /// actor), though a party named with it ("Turkish" in "A Turkish drone strike") may be; the sentence's speaker is
    /// not the actor of what it reports unless the clause makes it so ("the group said it killed"); the of-phrase of an
    /// event noun is what it was done to; a place after a locative preposition says where, not who.
    /// </summary>
    private static bool NeverActor(RoleContext c, SentenceFacts clause, Chunk ch)
    {
        var v = c.View;
        // issue 12: the victims of a passive or a casualty clause are never the actor ("a journalist and two soldiers were
        // killed in an explosion"), unless the phrase is the subject of the event's own active verb ("Rebels who were
        // released attacked ...")
        if (!(!c.Event.Passive && !c.Event.Nominal && IsClauseSubject(clause, ch)) && c.Victims.Any(r => Overlaps(ch, r))) return true;
        if (clause.Governor is { Kind: "reaction" } reacting && ch.Start >= reacting.Subject.Start && ch.End <= reacting.Subject.End) return true;
        if (HoldsHead(ch, c.Means) || HoldsHead(ch, clause.MeansAfter)) return true;
        // the "of" phrase right after an event noun names what the act was done to ("the bombing of the hospital", "the
        // killing of three"): a nominalisation's of-phrase is its object; its doer comes with "by"
        if (c.Event.Nominal && ch.Start == c.Event.Trigger.End + 1 && c.Event.Trigger.End < v.Count
            && v.Word(c.Event.Trigger.End).Equals("of", StringComparison.OrdinalIgnoreCase)) return true;
        // a weapon, a form of violence or a place named by a common noun ("an attack", "the shelling", "the neighborhood")
        // is how or where, never who; a party named inside it ("the Turkish drone") is its own candidate
        int head = HeadOf(v, ch);
        if (!HasTag(v, ch, Tag.Proper) && !clause.Mentions.Exists(m => v.SpanOf(ch).Overlaps(m.Span))
            && (IsWeapon(v.Word(head).ToString()) || v.IsAny(head, EventsComponent.PlaceHeads))) return true;
        var span = v.SpanOf(ch);
        if (c.Speaker is { } speaker && ch != c.RuleActor && (span.Overlaps(speaker) || SpeakerApposition(v, ch, speaker))) return true;
        // a source the article quotes anywhere ("..., reports the agency") reports the event; it did it only as the
        // subject of the event's own clause or as the rules' actor ("the group said it killed")
        if (ch != c.RuleActor && !IsClauseSubject(clause, ch) && clause.Sources.Holds(span, MentionIn(clause, span)?.EntityId, v.TextOf(ch))) return true;
        return IsLocativePlace(v, clause, ch);
    }

    /// <summary>
    /// The means of the event: the weapon standing where the actor would ("A car bomb killed"), the weapon phrase after
    /// the verb ("were killed in the strikes"), or a weapon after an instrumental preposition ("attacked with knives").
    /// </summary>
    private static bool IsMeans(RoleContext c, SentenceFacts clause, Chunk ch)
    {
        if (HoldsHead(ch, c.Means) || HoldsHead(ch, clause.MeansAfter)) return true;
        var v = c.View;
        return ch.Start > 0 && v.IsAny(ch.Start - 1, InstrumentPreps) && IsWeapon(v.Word(HeadOf(v, ch)).ToString());
    }

    private static readonly string[] InstrumentPreps = ["with", "using"];

    /// <summary>
    /// The subject of the trigger's verb, past a relative clause that ends before it ("Dozens of young men who had
    /// returned to the town under a deal were detained": not "a deal", but the phrase the relative clause hangs on).
    /// </summary>
    private static Chunk ClauseSubject(SentenceView v, Chunk trigger)
    {
        var subject = v.Subject(trigger.Start);
        var (antecedent, closed) = CandidateSpans.RelativeAntecedent(v, trigger);
        return closed && !antecedent.IsEmpty && !subject.IsEmpty && subject.Start > antecedent.End ? antecedent : subject;
    }

    /// <summary>The counted victims of the sentence's other acts of coercion or force: the count each of them has as its target.</summary>
    public static List<Chunk> OtherTallies(SentenceView v, CodedEvent ce, List<CodedEvent> coded)
    {
        var tallies = new List<Chunk>();
        foreach (var o in coded)
            if (o.Trigger.Start != ce.Trigger.Start && !o.Target.IsEmpty && Root(o.Code) is "17" or "18" or "19" or "20"
                && CountParser.ParseAt(v, o.Target.Start, bareVague: true) is not null) tallies.Add(o.Target);
        return tallies;
    }

    /// <summary>
    /// The victims of the sentence's clauses that happen to their subject: the subject of a passive act of coercion or force
    /// ("were killed", "were arrested") or of a verb of dying ("died"), with what stands between it and the verb
    /// (", reportedly including children,"), and the list after "including" that follows such a verb ("were arrested
    /// overnight, including students"). A relative clause or another verb between subject and verb keeps the subject alone.
    /// </summary>
    public static List<Chunk> VictimRegions(SentenceView v, List<CodedEvent> coded)
    {
        var regions = new List<Chunk>();
        void Clause(int verb)
        {
            int group = v.VerbGroupStart(verb);
            var subject = v.Subject(verb);
            if (!subject.IsEmpty && subject.End <= group)
            {
                bool plain = true;
                for (int i = subject.End; i < group; i++) if (v.TagAt(i) is Tag.Rel or Tag.Verb && !v.Is(i, "including")) { plain = false; break; }
                regions.Add(plain ? new Chunk(subject.Start, group) : subject);
            }
            for (int i = verb + 1; i < Math.Min(v.Count, verb + 10); i++)
            {
                if (v.Is(i, "including")) { if (v.IsNominal(i + 1)) regions.Add(v.CoordinatedRight(v.NounPhraseStartingAt(i + 1), clauseAware: true)); break; }
                if (v.TagAt(i) is Tag.Verb or Tag.Rel or Tag.Punct || v.IsAny(i, ";", ":")) break;
            }
        }
        foreach (var o in coded)
            if (!o.Nominal && o.Passive && Root(o.Code) is "17" or "18" or "19" or "20") Clause(o.Trigger.End - 1);
        for (int k = 0; k < v.Count; k++)
            if (CasualtyRoles.IsVictimSubjectVerb(v, k)) Clause(k);
        return regions;
    }

    /// <summary>A phrase that is the counted victims of another event of the sentence and not this event's own proposal.</summary>
    private static bool IsOtherTally(RoleContext c, Chunk ch, Chunk rule)
    {
        if (Overlaps(ch, rule)) return false;
        foreach (var t in c.OtherTallies) if (Overlaps(ch, t)) return true;
        return false;
    }

    /// <summary>
    /// Who only reports the event: the sentence's speaker or a source the article quotes, unless it is the clause's own
    /// object or the rules' target ("the army arrested the reporter" keeps the reporter).
    /// </summary>
    private static bool ReportsOnly(RoleContext c, SentenceFacts clause, Chunk ch, Chunk rule)
    {
        if (ch == rule || (!clause.Object.IsEmpty && ch.Start == clause.Object.Start)) return false;
        var v = c.View;
        var span = v.SpanOf(ch);
        if (c.Speaker is { } speaker && (span.Overlaps(speaker) || SpeakerApposition(v, ch, speaker))) return true;
        return clause.Sources.Holds(span, MentionIn(clause, span)?.EntityId, v.TextOf(ch));
    }

    /// <summary>
    /// A place in a phrase after a locative preposition (a name inside "in northern Syria", "near the Turkish border"):
    /// where the event was, not who did it.
    /// </summary>
    private static bool IsLocativePlace(SentenceView v, SentenceFacts clause, Chunk ch)
    {
        var span = v.SpanOf(ch);
        int start = ch.Start;
        while (start > 0 && v.IsNominal(start - 1) && v.TagAt(start - 1) != Tag.Pron) start--;
        var np = v.NounPhraseStartingAt(start);
        return start > 0 && v.IsAny(start - 1, EventsComponent.LocativePreps)
            && (CandidateSpans.OverlapsAny(clause.Places, span) || (!np.IsEmpty && v.IsAny(np.End - 1, EventsComponent.PlaceHeads)));
    }

    /// <summary>A head noun that names a weapon or a form of violence (data/events/weapon-heads.tsv).</summary>
    internal static bool IsWeapon(string word) => WeaponHeads.Value.Contains(word);

    /// <summary>Whether a phrase ends where the event verb's subject ends (aligned by the edge, as the subject feature).</summary>
    private static bool IsClauseSubject(SentenceFacts clause, Chunk ch) => !clause.Subject.IsEmpty && ch.End == clause.Subject.End;

    /// <summary>The last mention inside a span (the one a phrase is named by).</summary>
    private static Mention? MentionIn(SentenceFacts clause, TextSpan span)
    {
        Mention? mention = null;
        foreach (var m in clause.Mentions)
            if (span.Contains(m.Span) && (mention is null || m.Span.End >= mention.Span.End)) mention = m;
        return mention;
    }

    /// <summary>A phrase in apposition to the speaker ("The Network, a monitoring group, said"): the speaker too.</summary>
    private static bool SpeakerApposition(SentenceView v, Chunk ch, TextSpan speaker) =>
        CandidateSpans.AppositionHost(v, ch) is { IsEmpty: false } host && v.SpanOf(host).Overlaps(speaker);

    /// <summary>Whether a candidate holds the head word (the last word) of a means phrase.</summary>
    private static bool HoldsHead(Chunk ch, Chunk means) => !means.IsEmpty && ch.Start <= means.End - 1 && ch.End >= means.End;

    /// <summary>The token chunk of a text span inside the view (tokens that lie within it), or none.</summary>
    public static Chunk ChunkOf(SentenceView v, TextSpan span)
    {
        int s = -1, e = -1;
        for (int k = 0; k < v.Count; k++)
        {
            if (v[k].Start >= span.Start && v[k].End <= span.End) { if (s < 0) s = k; e = k + 1; }
            else if (s >= 0) break;
        }
        return s < 0 ? Chunk.None : new Chunk(s, e);
    }

    private static string Root(string code) => code.Length >= 2 ? code[..2] : code;

    /// <summary>
    /// Whether the rules' target is a count of people an act of coercion or force is done to ("12 were killed",
    /// "arrested at least 15 young men"): the victims the clause counts.
    /// </summary>
    private static bool CountsVictims(RoleContext c, Chunk rule) =>
        !rule.IsEmpty && Root(c.Code) is "17" or "18" or "19" or "20" && CountsPeople(c.View, rule);

    /// <summary>A phrase that counts people: a number alone ("12 were killed", "Dozens") or before a person noun ("five civilians"), not things ("four missiles", "50 houses").</summary>
    private static bool CountsPeople(SentenceView v, Chunk ch) =>
        CountParser.ParseAt(v, ch.Start, bareVague: true) is { } n && (n.HeadNoun < 0 || CountParser.PersonNouns.ContainsKey(v.Word(n.HeadNoun).ToString()));

    /// <summary>The event's own description ("|active"), conjoined with the none answer and with the phrase's clause position.</summary>
    private static string Frame(CodedEvent ce) => ce.Nominal ? "|noun" : ce.Passive ? "|passive" : "|active";

    /// <summary>An entity type's name (the enum's own, cached by the runtime: no string per call).</summary>
    private static string TypeName(EntityType type) => type.ToString();

    private static int[] NoneFeatures(RoleContext c, Chunk rule)
    {
        var f = new FeatureSet();
        f.On("none");
        f.On("none", Frame(c.Event));
        f.On(rule.IsEmpty ? "none|rule_none" : "none|rule_some");
        f.On(CodeTables.IsForce(c.Code) ? "none|force" : "none|other");
        f.On("none|root=", Root(c.Code));
        if (CountsVictims(c, rule)) f.On("none|counted_rule");
        return f.ToArray();
    }

    /// <summary>
    /// A phrase of the page's credits (the wire dateline "DUBAI, May 2 (Wire One) -", the original outlet the reader
    /// found): who carried the report, never a party to what it tells.
    /// </summary>
    private static bool IsCredit(Document d, TextSpan span) =>
        (d.Article.DatelineSpan is { } dateline && dateline.Overlaps(span))
        // a credit's own words ("DUBAI, May 2 (Wire One) -"), not a sentence its evidence may point at
        || d.Article.Credits.Any(cr => cr.Evidence.Overlaps(span) && cr.Evidence.End - cr.Evidence.Start <= cr.Name.Length + 32)
        // a picture's credit ("(Agency/File)", "Photo: Jane Roe"): who took or supplied the picture
        || CreditLines.Of(d).Exists(cr => cr.Overlaps(span));

    /// <summary>A name in the headline that covers half of it or more: the recogniser read the headline as one long name.</summary>
    private static bool IsHeadlineItself(Document d, TextSpan name) =>
        d.Article.TitleSpan is { } title && title.Contains(name) && 2 * (name.End - name.Start) >= title.End - title.Start;

    /// <summary>The previous sentence and the headline (when they are not the event's own sentence), each with its name.</summary>
    private static IEnumerable<(TextSpan Span, string Where)> ContextSpans(Document d, TextSpan sentence)
    {
        int si = d.SentenceAt(sentence.Start);
        if (si > 0) yield return (d.Sentences[si - 1].Span, "previous");
        if (d.Article.TitleSpan is { } title && !title.Overlaps(sentence) && (si <= 0 || !title.Overlaps(d.Sentences[si - 1].Span))) yield return (title, "headline");
    }

    /// <summary>A party from outside the event's sentence ("carried", "previous", "headline"): where it comes from, against the event's frame.</summary>
    private static FeatureSet CarriedFeatures(RoleContext c, Chunk rule, string where)
    {
        var f = new FeatureSet();
        f.On(where);
        f.On(where, Frame(c.Event));
        f.On(where, rule.IsEmpty ? "|rule_none" : "|rule_some");
        f.On(where, CodeTables.IsForce(c.Code) ? "|force" : "|other");
        if (where == "carried" && c.CarriedActor?.Code is { } code) Sectors(f, code, "carried");
        return f;
    }

    /// <summary>What every candidate of one event is compared with: the trigger's clause positions, the sentence's mentions, places and times.</summary>
    private sealed record SentenceFacts(Chunk Subject, Chunk Object, Chunk ByAgent, List<Mention> Mentions, List<TextSpan> Places, List<TextSpan> Times)
    {
        public (Chunk Subject, string Kind)? Governor { get; init; }

        /// <summary>The weapon phrase right after a violent verb ("were killed in the strikes").</summary>
        public Chunk MeansAfter { get; init; } = Chunk.None;

        /// <summary>Who the article's attributions name as saying something (every link of every chain).</summary>
        public required AttributionSources Sources { get; init; }
    }

    /// <summary>The sources of every attribution of the document: their evidence spans and entities.</summary>
    private static AttributionSources SourcesOf(Document d)
    {
        var spans = new List<TextSpan>();
        var entities = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in d.Attributions)
            foreach (var r in a.Chain)
            {
                // an anonymous source ("sources", "a security source") is named by its kind, not by a party's name
                if (r.Kind is not (SourceKind.Anonymous or SourceKind.Author) && r.Name.Length > 0) names.Add(r.Name);
                // the source's name, not a sentence it stands for (an outlet's link may point at a whole sentence)
                if (r.Evidence is { } e && e.End - e.Start <= r.Name.Length + 16) spans.Add(e);
                if (r.EntityId is { } id) entities.Add(id);
            }
        return new AttributionSources(spans, entities, names);
    }

    /// <summary>
    /// The verb an event noun is the object of: its subject, and its kind: "light" ("launched an attack"), "reaction" (a
    /// speech or reaction verb, SpeechLexicon: "the ministry denied the bombing"), else "other" ("intensified its bombing").
    /// </summary>
    private static (Chunk Subject, string Kind)? GoverningVerb(SentenceView v, Chunk trigger)
    {
        int p = trigger.Start - 1;
        while (p >= 0 && v.TagAt(p) is Tag.Det or Tag.Num or Tag.Adv or Tag.Poss or Tag.Noun or Tag.Proper) p--;
        if (p < 0 || v.TagAt(p) != Tag.Verb) return null;
        var subject = v.Subject(p);
        if (subject.IsEmpty || subject.End > p) return null;
        var verb = v.Word(p).ToString();
        bool reaction = SpeechLexicon.Cues.Contains(verb) || Array.Exists(SpeechLexicon.ReactionStems, st => verb.StartsWith(st, StringComparison.OrdinalIgnoreCase));
        return (subject, EventsComponent.LightVerbs.Contains(verb) ? "light" : reaction ? "reaction" : "other");
    }

    private static readonly string[] KnownPreps = ["by", "of", "in", "on", "against", "with", "from", "at", "between", "to", "for", "near", "after", "during"];

    private static int[] PhraseFeatures(RoleContext c, SentenceFacts clause, Chunk ch, Chunk rule, Chunk other, bool trimmed)
    {
        var v = c.View;
        var ce = c.Event;
        var d = c.Document;
        var f = new FeatureSet();
        string frame = Frame(ce);
        f.On("phrase");
        if (trimmed) f.On("trimmed");
        CandidateSpans.Shape(f, v, ch);
        if (ch == rule) f.On("rule");
        else if (Overlaps(ch, rule)) f.On("rule_overlap");
        if (ch == rule && CountsVictims(c, rule)) { f.On("counted_victims"); f.On("counted_victims", frame); f.On("counted_victims|root=", Root(c.Code)); }
        if (ch == other) f.On("other_rule");
        else if (Overlaps(ch, other)) f.On("other_overlap");
        bool before = ch.End <= ce.Trigger.Start;
        bool inside = !before && ch.Start < ce.Trigger.End;
        string side = inside ? "holds" : before ? "before" : "after";
        string sideBar = inside ? "|holds" : before ? "|before" : "|after";
        f.On("side=", side);
        f.On("side=", side, frame);
        int dist = inside ? 0 : before ? ce.Trigger.Start - ch.End : ch.Start - ce.Trigger.End;
        string bucket = dist switch { 0 => "0", 1 => "1", 2 => "2", <= 5 => "3-5", <= 10 => "6-10", _ => "11+" };
        f.On("dist=", bucket);
        f.On("dist=", bucket, sideBar);
        if (!ce.Nominal)
        {
            // aligned by the phrase's edge: the syntax's chunks and the candidates may differ in their modifiers
            if (!clause.Subject.IsEmpty && ch.End == clause.Subject.End) f.On("subject", frame);
            if (!clause.Object.IsEmpty && ch.Start == clause.Object.Start) f.On("object", frame);
            if (!clause.ByAgent.IsEmpty && ch.Start == clause.ByAgent.Start) f.On("by_agent", frame);
        }
        var prep = "none";
        if (ch.Start > 0 && v.TagAt(ch.Start - 1) is Tag.Prep or Tag.By or Tag.Of or Tag.To)
        {
            prep = "other";
            foreach (var p in KnownPreps) if (v.Is(ch.Start - 1, p)) { prep = p; break; }
        }
        f.On("prep=", prep);
        f.On("prep=", prep, sideBar);
        // an event noun's complements: "the killing of X", "an attack by X", "X's attack"
        if (ce.Nominal && ch.Start == ce.Trigger.End + 1) f.On("noun_complement=", prep);
        if (ce.Nominal && ch.End == ce.Trigger.Start) f.On("noun_modifier");
        // a verb's prepositional complement ("fired on the crowd", "protested against the decree")
        if (!ce.Nominal && ch.Start == ce.Trigger.End + 1) f.On("verb_complement=", prep);
        // the complement of a weapon or event noun of the clause ("rocket attacks on Masbah", "a strike against the base")
        if (ch.Start >= 2 && prep is "on" or "against" && (IsWeapon(v.Word(ch.Start - 2).ToString()) || v.TagAt(ch.Start - 2) is Tag.Noun && ch.Start - 2 >= ce.Trigger.End))
            f.On("noun_on=", IsWeapon(v.Word(ch.Start - 2).ToString()) ? "weapon" : "noun", sideBar);
        if (!ce.Nominal && CandidateSpans.RelativeAntecedent(v, ce.Trigger) is { Antecedent.IsEmpty: false } rel && ch.End == rel.Antecedent.End)
            f.On("relative_antecedent", rel.Closed ? "|closed" : "|open", frame);
        // the subject of the verb an event noun is the object of: who performs it after a light verb ("ISIS launched an
        // attack"), often who reacts to it after another ("the ministry denied the bombing")
        if (clause.Governor is { } g && g.Subject == ch) f.On("governor_subject=", g.Kind);
        var span = v.SpanOf(ch);
        var mention = MentionIn(clause, span);
        f.On("ner=", mention is null ? "none" : TypeName(mention.Type));
        if (mention is not null) f.On("ner=", TypeName(mention.Type), sideBar);
        if (d.EntityById(mention?.EntityId)?.Actor?.Code is { } code) { f.On("actor_code"); f.On("actor_code", sideBar); Sectors(f, code, ""); }
        if (CandidateSpans.OverlapsAny(clause.Places, span)) f.On("place");
        if (CandidateSpans.OverlapsAny(clause.Times, span)) f.On("time");
        int head = HeadOf(v, ch);
        var headWord = v.Word(head).ToString();
        if (v.TagAt(head) == Tag.Pron) f.On("pronoun");
        if (HasTag(v, ch, Tag.Proper)) f.On("proper");
        if (EventsComponent.PartyNouns.Contains(headWord)) f.On("party_noun");
        if (CountParser.PersonNouns.TryGetValue(headWord, out var who)) { if (who.Length > 0) f.On("person_noun=", who); else f.On("person_noun"); }
        if (IsWeapon(headWord)) f.On("weapon");
        bool count = v.TagAt(ch.Start) == Tag.Num || v.TagAt(CountStart(v, ch)) == Tag.Num;
        if (count) f.On("count");
        if (CodeTables.IsForce(c.Code) && count) f.On("count|force");
        if (ch.Start <= ce.Trigger.Start && ch.End >= ce.Trigger.End) f.On("holds_trigger");
        if (c.Speaker is { } sp && (span.Overlaps(sp) || SpeakerApposition(v, ch, sp))) f.On("speaker");
        // a source the article quotes anywhere ("a monitoring group said") reports events; it does them only as the subject of the event's own clause
        if (clause.Sources.Holds(span, mention?.EntityId, v.TextOf(ch))) f.On(IsClauseSubject(clause, ch) ? "source|subject" : "source");
        // a place after "in", "near", "at" says where the event was; it is what was attacked only as an object ("shelled the town")
        if (IsLocativePlace(v, clause, ch)) { f.On("locative_place"); f.On("locative_place|root=", Root(c.Code)); }
        if (CandidateSpans.OverlapsAny(clause.Places, span))
        {
            f.On("place|root=", Root(c.Code));
            if (!ce.Nominal && !clause.Object.IsEmpty && ch.Start == clause.Object.Start) f.On("place|object");
        }
        // what the rules proposed, by kind: a rules' target that is a weapon or a place after "in" is rarely the coder's
        if (ch == rule)
        {
            if (IsWeapon(headWord)) f.On("rule|weapon");
            if (CandidateSpans.OverlapsAny(clause.Places, span)) f.On("rule|place");
            if (count) f.On("rule|count");
            if (mention is not null) f.On("rule|ner=", TypeName(mention.Type));
        }
        if (CandidateSpans.IsApposition(v, ch)) f.On("apposition");
        f.On(ch.Length switch { 1 => "len=1", 2 => "len=2", <= 4 => "len=3-4", _ => "len=5+" });
        if (ch.Start == 0) f.On("sentence_start");
        // the clause between the phrase and the trigger: commas and other verbs there mean another clause's party
        int from = before ? ch.End : ce.Trigger.End, to = before ? ce.Trigger.Start : ch.Start;
        int commas = 0, verbs = 0;
        for (int i = from; i < to; i++)
        {
            if (v.TagAt(i) is Tag.Comma or Tag.Punct || v.IsAny(i, ";", ":")) commas++;
            else if (v.TagAt(i) == Tag.Verb) verbs++;
            else if (v.TagAt(i) == Tag.Rel) f.On("crosses_relative");
        }
        if (!inside) { f.On(commas == 0 ? "commas=0" : commas == 1 ? "commas=1" : "commas=2+"); f.On(verbs == 0 ? "verbs=0" : verbs == 1 ? "verbs=1" : "verbs=2+", sideBar); }
        // the head noun itself, learned: "people", "forces", "village" (names are left to their entity type)
        if (v.TagAt(head) is Tag.Noun) f.On(RoleFeatureNames.Head(headWord));
        if (mention is not null) f.On("ner=", TypeName(mention.Type), frame);
        return f.ToArray();
    }

    /// <summary>The actor code's sector parts ("SYRGOVMIL": GOV, MIL), the coarse kind of party the dictionary knows.</summary>
    private static void Sectors(FeatureSet f, string code, string where)
    {
        var parts = Actors.ActorCodes.Split(code);
        var name = where.Length == 0 ? "sector=" : "|sector=";
        for (int i = 1; i < parts.Length; i++) f.On(where, name, parts[i]);
        if (parts.Length == 1) f.On(where, name, "state");
    }

    private static bool Overlaps(Chunk a, Chunk b) => !a.IsEmpty && !b.IsEmpty && a.Start < b.End && b.Start < a.End;

    private static bool HasTag(SentenceView v, Chunk ch, Tag tag)
    {
        for (int i = ch.Start; i < ch.End; i++) if (v.TagAt(i) == tag) return true;
        return false;
    }

    /// <summary>The head of a phrase: its last word before an "of", preposition, comma or relative word.</summary>
    private static int HeadOf(SentenceView v, Chunk ch)
    {
        for (int i = ch.Start + 1; i < ch.End; i++)
            if (v.TagAt(i) is Tag.Of or Tag.Prep or Tag.Comma or Tag.Rel or Tag.By or Tag.Conj) return i - 1;
        return ch.End - 1;
    }

    /// <summary>The first word after a count modifier ("at least 12": 12).</summary>
    private static int CountStart(SentenceView v, Chunk ch)
    {
        for (int i = ch.Start; i < Math.Min(ch.End, ch.Start + 3); i++) if (v.TagAt(i) == Tag.Num) return i;
        return ch.Start;
    }
}
