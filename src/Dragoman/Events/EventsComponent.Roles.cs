using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Events.Roles;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>Role assignment: which chunk of a clause is a party, the actor or the target, and the argument each role becomes.</summary>
public sealed partial class EventsComponent
{
    /// <summary>A role's answer: its chunk in the sentence (none for no role or a carried actor), its argument, the ranker's probability (null when the rules decided).</summary>
    private readonly record struct RoleAnswer(Chunk Chunk, EventArgument? Argument, double? Probability);

    private sealed record RoleAnswers(RoleAnswer Actor, RoleAnswer Target, List<RoleDecision>? Decisions);

    /// <summary>Called with every event and each of its role decisions (candidates and features): the role ranker's training data.</summary>
    public Action<Event, RoleDecision>? RoleTrace { get; init; }

    /// <summary>The actors stage's reading of which side a phrase stands for (null: no speaker is taken to claim its side's act).</summary>
    public Actors.PartySides? Sides { get; init; }

    /// <summary>
    /// "Turkish security forces destroyed shelters, the ministry said": the nearest named speaker of the event's clause and
    /// its actor are one side (<see cref="Actors.PartySides.SameSide"/>), so the speaker tells its own side's act.
    /// </summary>
    private bool SpeakerOwnSide(Document d, Documents.Attribution? said, EventArgument? actor)
    {
        if (Sides is null || actor is null || said?.Cue is null || said.Chain.Count == 0) return false;
        var speaker = said.Chain[0];
        if (speaker.Kind != SourceKind.Named || speaker.Evidence is not { } at || at.Overlaps(actor.Span)) return false;
        var actorCode = d.EntityById(actor.EntityId)?.Actor is { Sector: not null } linked ? linked : Sides.CodeOf(d, actor.Span);
        if (actorCode is null || Sides.CodeOf(d, at) is not { } speakerCode) return false;
        return Actors.PartySides.SameSide(speakerCode, actorCode, Actors.LinkingComponent.FocusCountry(d));
    }

    /// <summary>
    /// "According to the interior ministry, 300 more were detained": a coercive act (CAMEO 17: arrest, detention, seizure,
    /// curfew) told in the passive or as a noun with no party as its actor, by a named executive state body (government,
    /// armed forces, police, intelligence). Only the state coerces so, and its body telling the act tells its own side's.
    /// </summary>
    private bool AgentlessStateCoercion(Document d, CodedEvent ce, string code, Documents.Attribution? said, EventArgument? actor)
    {
        if (Sides is null || Root(code) != "17" || !(ce.Passive || ce.Nominal) || said?.Cue is null || said.Chain.Count == 0) return false;
        var speaker = said.Chain[0];
        if (speaker.Kind != SourceKind.Named || speaker.Evidence is not { } at || !Actors.PartySides.IsExecutive(Sides.CodeOf(d, at))) return false;
        // an actor the text names as a party (an agent phrase, a carried party) is judged by SpeakerOwnSide instead
        return actor is null || (d.EntityById(actor.EntityId)?.Actor is null && Sides.CodeOf(d, actor.Span) is null);
    }

    /// <summary>
    /// The actor and target of an event: the role ranker's choice among the candidates of its clause (models/roles), the
    /// clause rules' proposals being features of the candidates; without a ranker, the rules' proposals.
    /// </summary>
    private RoleAnswers ChooseRoles(RoleContext c, EventArgument? lastNamedActor, EventArgument? lastNamedArgument)
    {
        var (d, v) = (c.Document, c.View);
        var ruleActor = Argument(d, v, c.RuleActor, ref lastNamedActor, lastNamedArgument);
        // counted victims of no affiliation take the party a coder codes (ACLED's civilians, protesters): TargetCategories
        EventArgument? Categorized(Chunk ch, EventArgument? arg) => TargetCategories.Apply(v, ch, arg, c.Code, c.ProtestNear);
        var ruleTarget = Categorized(c.RuleTarget, Argument(d, v, c.RuleTarget, ref lastNamedArgument, lastNamedArgument));
        if (_roles is null && RoleTrace is null)
        {
            var ruleAnswer = new RoleAnswer(c.RuleActor, ruleActor, null);
            return new(ruleAnswer, ProtestAddressee(c, ClauseTarget(c, OtherSide(c, new(c.RuleTarget, ruleTarget, null), ref lastNamedArgument), ruleAnswer, ref lastNamedArgument)), null);
        }
        var actorCandidates = RoleCandidates.For(RoleKind.Actor, c, ch => Argument(d, v, ch, ref lastNamedActor, lastNamedArgument));
        var targetCandidates = RoleCandidates.For(RoleKind.Target, c, ch => Categorized(ch, Argument(d, v, ch, ref lastNamedArgument, lastNamedArgument)));
        int RuleIndex(List<RoleCandidate> xs, Chunk chunk, EventArgument? arg) => arg is null ? 0 : Math.Max(0, xs.FindIndex(x => !x.IsNone && x.Chunk == chunk));
        int ruleA = RuleIndex(actorCandidates, c.RuleActor, ruleActor), ruleT = RuleIndex(targetCandidates, c.RuleTarget, ruleTarget);
        var (a, t, pa, pt) = (ruleA, ruleT, (double?)null, (double?)null);
        if (_roles is not null)
        {
            var (ja, jt, qa, qt) = JointChoice(_roles.Probabilities(RoleKind.Actor, actorCandidates), actorCandidates, _roles.Probabilities(RoleKind.Target, targetCandidates), targetCandidates);
            (a, t, pa, pt) = (ja, jt, _roles.Calibrated(RoleKind.Actor, qa), _roles.Calibrated(RoleKind.Target, qt));
        }
        var decisions = RoleTrace is null ? null : new List<RoleDecision>
        {
            new(RoleKind.Actor, actorCandidates, ruleA, a, pa), new(RoleKind.Target, targetCandidates, ruleT, t, pt),
        };
        var target = _roles is null ? new RoleAnswer(c.RuleTarget, ruleTarget, null) : new RoleAnswer(targetCandidates[t].Chunk, targetCandidates[t].Argument, pt);
        target = OtherSide(c, target, ref lastNamedArgument);
        var actorAnswer = _roles is null ? new(c.RuleActor, ruleActor, null) : new RoleAnswer(actorCandidates[a].Chunk, actorCandidates[a].Argument is { } chosen ? chosen with { Probability = pa } : null, pa);
        target = ClauseTarget(c, target, actorAnswer, ref lastNamedArgument);
        return new RoleAnswers(
            actorAnswer,
            ProtestAddressee(c, DescribedInApposition(c, PersonInApposition(d, v, target), ref lastNamedArgument)), decisions);
    }

    /// <summary>
    /// A chosen target whose head says nothing of who ("22 people", "their target") followed by an apposition that says it
    /// ("22 people, mostly farmers from the valley,", "their target, an arms factory in the capital."): the apposition
    /// names the party a coder codes. A count keeps its words and category and takes the apposition's words beside them;
    /// the role's own word ("target") gives way to the apposition. The apposition is a noun phrase (past an adverb:
    /// "mostly") closed by a comma or the sentence's end, so "five people, police said" (a new clause) keeps its target.
    /// The ranker's probability stays the chosen answer's.
    /// </summary>
    private static RoleAnswer DescribedInApposition(RoleContext c, RoleAnswer target, ref EventArgument? lastNamedArgument)
    {
        if (target.Argument is null || target.Chunk.IsEmpty) return target;
        var (v, ch) = (c.View, target.Chunk);
        var head = v.Word(ch.End - 1).ToString().ToLowerInvariant();
        bool count = TargetCategories.SaysNothingOfWho(head), role = RoleWords.Contains(head);
        if (!(count || role) || ch.End + 1 >= v.Count || v.TagAt(ch.End) != Tag.Comma) return target;
        int k = ch.End + 1;
        while (k < v.Count && v.TagAt(k) is Tag.Adv) k++;
        // a word opens the apposition: not a quote mark closing a quotation ("... people,” a source said")
        if (k >= v.Count || !char.IsLetterOrDigit(v.Word(k)[0])) return target;
        var np = v.NounPhraseStartingAt(k);
        if (np.IsEmpty || v.TagAt(np.Start) is Tag.Pron) return target;
        // it runs on over its own phrases ("in the capital") to a comma or the sentence's end; a verb makes it a clause
        int end = np.End;
        while (end < v.Count && v.TagAt(end) is not (Tag.Comma or Tag.Punct or Tag.Verb or Tag.Be or Tag.Have or Tag.Modal or Tag.Rel or Tag.Conj)) end++;
        if (end < v.Count && v.TagAt(end) is not (Tag.Comma or Tag.Punct)) return target;
        var span = role ? new Chunk(np.Start, end) : new Chunk(ch.Start, end);
        if (c.Document.TimesBySpan.Overlapping(v.SpanOf(new Chunk(np.Start, end))).Count > 0) return target;
        var arg = TargetCategories.Apply(v, span, Argument(c.Document, v, span, ref lastNamedArgument, lastNamedArgument), c.Code, c.ProtestNear);
        return arg is null ? target : new RoleAnswer(span, arg, target.Probability);
    }

    /// <summary>The role's own name, which names no party ("hit their target"): not data about parties, the role itself.</summary>
    private static readonly string[] RoleWords = ["target", "targets"];

    /// <summary>
    /// The target the clause's structure fixes (<see cref="RoleContext.ClauseTarget"/>: the subject of "came under fire",
    /// the party a weapon or an act is aimed at) over the ranker's choice, which weighs the clause positions only as
    /// features and, in these clauses, prefers the place or the outlet after the event noun. Not where it would be the
    /// chosen actor or names a time; the probability stays the chosen answer's.
    /// </summary>
    private static RoleAnswer ClauseTarget(RoleContext c, RoleAnswer target, RoleAnswer actor, ref EventArgument? lastNamedArgument)
    {
        var ch = c.ClauseTarget;
        if (ch.IsEmpty || ch == target.Chunk || (!actor.Chunk.IsEmpty && actor.Chunk.Start < ch.End && ch.Start < actor.Chunk.End)) return target;
        var arg = TargetCategories.Apply(c.View, ch, Argument(c.Document, c.View, ch, ref lastNamedArgument, lastNamedArgument), c.Code, c.ProtestNear);
        return arg is null ? target : new RoleAnswer(ch, arg, target.Probability);
    }

    /// <summary>
    /// Casualties of a clash between two named sides (<see cref="ClashSides"/>): the other side is what the act was done to,
    /// not the counted dead; a target that is one of the sides stays. The probability stays the chosen answer's.
    /// </summary>
    private static RoleAnswer OtherSide(RoleContext c, RoleAnswer target, ref EventArgument? lastNamedArgument)
    {
        var (sides, other) = c.Clash;
        if (other.IsEmpty || (!target.Chunk.IsEmpty && target.Chunk.End > sides.Start && target.Chunk.Start < sides.End)) return target;
        return new RoleAnswer(other, Argument(c.Document, c.View, other, ref lastNamedArgument, lastNamedArgument), target.Probability);
    }

    /// <summary>
    /// A chosen target that describes a person whose name stands in apposition to it gives way to the name, the party a
    /// coder codes: "X, leader of the party, was detained" (the description after the name) and "killed the acting chief of
    /// the district, X." (the name after the description and its "of" phrases, closing the clause). The name is a person
    /// the recogniser found, written in proper nouns only; the description opens with a common word or ends before the
    /// name's comma. The ranker's probability stays the description's.
    /// </summary>
    private static RoleAnswer PersonInApposition(Document d, SentenceView v, RoleAnswer target)
    {
        if (target.Argument is null || target.Chunk.IsEmpty) return target;
        var ch = target.Chunk;
        var name = Chunk.None;
        var host = CandidateSpans.AppositionHost(v, ch);
        if (!host.IsEmpty && v.TagAt(ch.Start) is not Tag.Proper && PersonName(d, v, host)) name = host;
        else
        {
            int j = ch.End;
            while (j < v.Count && v.TagAt(j) is Tag.Of or Tag.Proper or Tag.Noun or Tag.Det or Tag.Poss) j++;
            if (v.TagAt(j) == Tag.Comma && j + 1 < v.Count)
            {
                var np = v.NounPhraseStartingAt(j + 1);
                if (!np.IsEmpty && (np.End >= v.Count || v.TagAt(np.End) is Tag.Comma or Tag.Punct) && PersonName(d, v, np)) name = np;
            }
        }
        if (name.IsEmpty) return target;
        var span = v.SpanOf(name);
        var person = d.MentionsBySpan.Inside(span).FirstOrDefault(m => m.Type == EntityType.PERSON);
        var entity = d.EntityById(person?.EntityId);
        return target with { Chunk = name, Argument = new EventArgument(d.Slice(span), span, entity?.Id, entity?.Actor?.Code) };
    }

    /// <summary>A phrase of proper nouns only that the recogniser found a person in.</summary>
    private static bool PersonName(Document d, SentenceView v, Chunk c)
    {
        for (int i = c.Start; i < c.End; i++) if (v.TagAt(i) != Tag.Proper) return false;
        return d.MentionsBySpan.AnyInside(v.SpanOf(c), m => m.Type == EntityType.PERSON);
    }

    /// <summary>
    /// A protest whose chosen target names no party (none, the place it was held in, the issue it is about) is against the
    /// government (<see cref="TargetCategories.AddressesGovernment"/>); its evidence is the protest's own trigger, which
    /// is all the text says of it. A party from outside the sentence (the headline's, the previous sentence's) stays.
    /// </summary>
    private static RoleAnswer ProtestAddressee(RoleContext c, RoleAnswer target)
    {
        var (d, v) = (c.Document, c.View);
        if (c.Code.StartsWith("14", StringComparison.Ordinal) && AntiModifier(v, c.Event.Trigger) is { } against) return against;
        bool namesParty = target.Argument is { } arg && (target.Chunk.IsEmpty || NamesParty(d, v, target.Chunk, arg.Span));
        if (!TargetCategories.AddressesGovernment(c.Code, namesParty)) return target;
        return new RoleAnswer(Chunk.None, TargetCategories.UnnamedGovernment(v.SpanOf(c.Event.Trigger)), null);
    }

    /// <summary>
    /// The most probable actor and target together, under the one constraint between them: one party is not both (their
    /// spans do not overlap), so "Security forces shot dead three people" cannot have the forces as their own victims.
    /// Ties go to the earlier candidates.
    /// </summary>
    private static (int Actor, int Target, double PActor, double PTarget) JointChoice(double[] pa, List<RoleCandidate> actors, double[] pt, List<RoleCandidate> targets)
    {
        (int, int, double, double) best = (0, 0, pa[0], pt[0]);
        double bestP = -1;
        for (int i = 0; i < actors.Count; i++)
            for (int j = 0; j < targets.Count; j++)
            {
                if (pa[i] * pt[j] <= bestP + 1e-12) continue;
                if (!actors[i].IsNone && !targets[j].IsNone && actors[i].Argument!.Span.Overlaps(targets[j].Argument!.Span)) continue;
                bestP = pa[i] * pt[j];
                best = (i, j, pa[i], pt[j]);
            }
        return best;
    }

    /// <summary>
    /// The victims the sentence after <paramref name="si"/> counts ("Four people were killed", "12 were arrested") or says
    /// died ("Two children died"): each the noun phrase of a count whose kind the verb beside it gives, or the subject of a
    /// verb of dying. Null when there is no next sentence or it names none.
    /// </summary>
    private NextVictims? NextSentenceVictims(Document d, int si)
    {
        if (si + 1 >= d.Sentences.Length) return null;
        var v = _coder.View(d, d.Sentences[si + 1]);
        var phrases = new List<(Chunk, string)>();
        foreach (var c in CountParser.Find(v, 0, v.Count))
        {
            if (KindNear(v, c) is not ("killed" or "injured" or "detained") || c.HeadNoun >= 0 && !CountParser.PersonNouns.ContainsKey(v.Word(c.HeadNoun).ToString())) continue;
            var np = v.NounPhraseStartingAt(c.Tokens.Start);
            var phrase = np.IsEmpty || np.End < c.Tokens.End ? c.Tokens : np;
            phrases.Add((phrase, KindNear(v, c)!));
        }
        for (int k = 0; k < v.Count; k++)
            if (CasualtyRoles.IsVictimSubjectVerb(v, k) && v.Subject(k) is { IsEmpty: false } subject && subject.End <= k
                && !phrases.Exists(p => p.Item1.Start < subject.End && subject.Start < p.Item1.End)) phrases.Add((subject, "died"));
        return phrases.Count == 0 ? null : new NextVictims(v, phrases);
    }

    private void TraceRoles(Event ev, RoleAnswers roles)
    {
        if (RoleTrace is null || roles.Decisions is null) return;
        foreach (var decision in roles.Decisions) RoleTrace(ev, decision);
    }

    private static readonly string[] GroupWords = ["group", "organization", "organisation", "militia", "movement", "faction"];

    /// <summary>Nouns that make a role a party to an event even without a name ("the regime", "30 fighters", "checkpoints"):
    /// data/events/party-nouns.tsv, its source in its header.</summary>
    internal static HashSet<string> PartyNouns => PartyNounsFile.Value;

    private static readonly Lazy<HashSet<string>> PartyNounsFile = new(() => Roles.RoleWordFile.Installed("party-nouns.tsv", "party nouns"));

    /// <summary>A party named in the clause after the trigger ("demanded an admission by Moscow", "urged that Hamas ...").</summary>
    private static bool PartyAfter(SentenceView v, int from, Document d)
    {
        for (int i = from; i < Math.Min(v.Count, from + 10); i++)
        {
            if (v.TagAt(i) == Tag.Punct) break;
            if (v.TagAt(i) == Tag.Proper && IsParty(v, new Chunk(i, i + 1), d)) return true;
        }
        return false;
    }

    /// <summary>
    /// The party an "anti-" modifier of the protest names ("anti-government protests", "an anti-Putin rally"): whom the
    /// protest is against, in the text's own words, over any other phrase of the clause. A modifier that names an issue
    /// ("anti-war") names no party and gives nothing.
    /// </summary>
    private static RoleAnswer? AntiModifier(SentenceView v, Chunk trigger)
    {
        for (int i = trigger.Start - 1; i >= Math.Max(0, trigger.Start - 3); i--)
        {
            var w = v.Word(i);
            if (w.Length > 5 && w.StartsWith("anti-", StringComparison.OrdinalIgnoreCase))
            {
                var rest = w[5..].ToString();
                if (!char.IsUpper(rest[0]) && !PartyNouns.Contains(rest)) return null;
                var span = v.SpanOf(new Chunk(i, i + 1));
                return new RoleAnswer(Chunk.None, new EventArgument(rest, new TextSpan(span.Start + 5, span.End)), null);
            }
            if (v.TagAt(i) is not (Tag.Noun or Tag.Proper)) return null;
        }
        return null;
    }

    /// <summary>
    /// A phrase that names who, not where, when or what about: a person, organisation or nationality the recogniser found
    /// in it, or a party word (<see cref="PartyWords"/>), and no place or time over it ("Tbilisi's Rustaveli Avenue",
    /// "Sunday" and "the increasing violence" name none).
    /// </summary>
    private static bool NamesParty(Document d, SentenceView v, Chunk c, TextSpan span) =>
        d.PlacesBySpan.Overlapping(span).Count == 0 && d.TimesBySpan.Overlapping(span).Count == 0 && !v.IsTemporal(c.End - 1)
        && (d.MentionsBySpan.AnyInside(span, m => m.Type is EntityType.PERSON or EntityType.ORG or EntityType.NORP) || PartyWords(v, c));

    /// <summary>
    /// A phrase of the sentence that names no party: no person, organisation or nationality inside it, and a head word
    /// (its last before an "of" or preposition) that is no pronoun, name, party noun, person noun or agent noun. A
    /// party from outside the sentence (an empty chunk) is a name.
    /// </summary>
    internal static bool NoPartyHead(Document d, SentenceView v, Chunk c)
    {
        if (c.IsEmpty || d.MentionsBySpan.AnyInside(v.SpanOf(c), m => m.Type is EntityType.PERSON or EntityType.ORG or EntityType.NORP)) return false;
        int head = c.End - 1;
        for (int i = c.Start + 1; i < c.End; i++) if (v.TagAt(i) is Tag.Of or Tag.Prep or Tag.Comma or Tag.Rel or Tag.By or Tag.Conj) { head = i - 1; break; }
        return !PartyWords(v, new Chunk(head, head + 1));
    }

    private static bool IsParty(SentenceView v, Chunk c, Document d)
    {
        if (c.IsEmpty) return false;
        if (PartyWords(v, c)) return true;
        // "the latter", "the former": a reference back to a party named before
        if (c.Length == 2 && v.Is(c.Start, "the") && v.IsAny(c.Start + 1, "latter", "former")) return true;
        var span = v.SpanOf(c);
        return d.MentionsBySpan.AnyInside(span);
    }

    /// <summary>A proper noun, a pronoun for a party, a party or person noun, or an agent noun by its form in the phrase.</summary>
    private static bool PartyWords(SentenceView v, Chunk c)
    {
        for (int i = c.Start; i < c.End; i++)
        {
            var t = v.TagAt(i);
            if (t == Tag.Proper) return true;
            if (t == Tag.Pron && v.IsAny(i, "they", "he", "she", "it")) return true;
            var w = v.Word(i).ToString();
            if (PartyNouns.Contains(w) || Counts.CountParser.PersonNouns.ContainsKey(w)) return true;
            if (t == Tag.Noun && IsAgentForm(w)) return true;
        }
        return false;
    }

    /// <summary>Agent nouns by their form: servicemen, protesters, activists, Iraqis, guardians.</summary>
    internal static bool IsAgentForm(string w) =>
        w.Length > 5 && (w.EndsWith("men", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ers", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ists", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ians", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A counted group ("Thirteen inmates", "three suspects", "one man"): a number opening the phrase (not a year) and a
    /// common noun ending it. As the subject of a passive it is what the event was done to, a party even when its noun
    /// names no known kind of person.
    /// </summary>
    internal static bool IsCountedGroup(SentenceView v, Chunk c)
    {
        if (c.Length < 2 || v.TagAt(c.Start) != Tag.Num || v.TagAt(c.End - 1) != Tag.Noun) return false;
        var number = v.Word(c.Start);
        return !(number.Length == 4 && int.TryParse(number, out int year) && year is >= 1800 and <= 2100);
    }

    internal static readonly string[] LocativePreps = ["in", "near", "at", "on", "between", "from", "outside", "inside", "around", "across", "throughout",
        "towards", "toward", "into", "within", "along", "off", "amid", "during", "since", "until", "over"];

    internal static readonly string[] PlaceHeads = ["province", "provinces", "city", "town", "village", "villages", "area", "areas", "region", "district",
        "countryside", "neighborhood", "neighbourhood", "outskirts", "suburb", "suburbs", "north", "south", "east", "west", "part", "road", "border", "meantime", "governorate"];

    /// <summary>
    /// The actor the syntax proposed stands before the verb but is an adjunct: a noun phrase governed by a locative or
    /// temporal preposition ("in the northern province killing 23", "in Khan Touman killed"), a phrase headed by a place
    /// noun (province, town, outskirts ...) or by a time word ("July", "last week"). Places say where and times when;
    /// neither is who.
    /// </summary>
    internal static bool AdjunctActor(SentenceView v, CodedEvent ce)
    {
        var a = ce.Actor;
        if (a.IsEmpty || a.End > ce.Trigger.Start) return false;
        if (a.Start > 0 && v.IsAny(a.Start - 1, LocativePreps)) return true;
        int head = a.End - 1;
        for (int i = a.Start; i < a.End; i++) if (v.TagAt(i) is Tag.Of or Tag.Prep) { head = i - 1; break; }
        if (head < a.Start) return false;
        return v.IsAny(head, PlaceHeads) || v.IsTemporal(head);
    }

    /// <summary>
    /// "Rebels in the Ivory Coast dismissed": when the adjunct phrase follows a noun phrase that opens the clause, that noun
    /// phrase with its adjunct is the subject; otherwise ("strikes against areas in the province killing ...") there is none.
    /// </summary>
    internal static Chunk SubjectOverAdjunct(SentenceView v, Chunk a)
    {
        int p = a.Start - 1;
        if (p < 1 || !v.IsAny(p, LocativePreps) || !v.IsNominal(p - 1) || v.IsTemporal(a.End - 1)) return Chunk.None;
        var np = v.NounPhraseEndingAt(p - 1);
        if (np.IsEmpty) return Chunk.None;
        bool opensClause = np.Start == 0 || v.TagAt(np.Start - 1) is Tag.Comma or Tag.Punct or Tag.Conj || v.Is(np.Start - 1, "that");
        return opensClause && !v.IsTemporal(np.End - 1) && !v.IsAny(np.End - 1, PlaceHeads) ? new Chunk(np.Start, a.End) : Chunk.None;
    }

    private static bool HasProper(SentenceView v, Chunk c)
    {
        if (c.IsEmpty) return false;
        for (int i = c.Start; i < c.End; i++) if (v.TagAt(i) == Tag.Proper) return true;
        return false;
    }

    /// <summary>A one-word personal pronoun ("they", "it"): it stands for a party named elsewhere.</summary>
    private static bool IsPronoun(SentenceView v, Chunk c) => c.Length == 1 && v.TagAt(c.Start) == Tag.Pron;

    /// <summary>An argument for a role chunk: its text and span, linked to the last entity mention inside it; pronouns and "the group" carry the previous named argument.</summary>
    private static EventArgument? Argument(Document d, SentenceView v, Chunk c, ref EventArgument? lastSame, EventArgument? lastAny)
    {
        if (c.IsEmpty) return null;
        var span = v.SpanOf(c);
        // a date or time ("Saturday", "over six months ago") is when, never who
        if (d.TimesBySpan.AnyHolding(span)) return null;
        bool pronoun = c.Length == 1 && v.TagAt(c.Start) == Tag.Pron && v.IsAny(c.Start, "they", "it", "he", "she");
        bool groupRef = c.Length == 2 && v.IsAny(c.Start, "the") && v.IsAny(c.Start + 1, GroupWords);
        if (pronoun && lastSame is not null)
            return new EventArgument(lastSame.Text, span, lastSame.EntityId, lastSame.Code);
        if (groupRef)
        {
            // the linking stage's reading of "the group" (a non-state group named before) first; else the last named
            // organisation that is not a state body: "operations against the group" after "the regime" is not the regime
            foreach (var m in d.MentionsBySpan.Inside(span))
                if (m.EntityId is not null && d.EntityById(m.EntityId) is { } linked)
                    return new EventArgument(linked.Name, span, linked.Id, linked.Actor?.Code);
            var prior = LastEntityBefore(d, span.Start, EntityType.ORG, skipStateBodies: true);
            if (prior is not null) return prior with { Span = span };
            if (lastAny is not null) return new EventArgument(lastAny.Text, span, lastAny.EntityId, lastAny.Code);
        }
        Mention? best = null;
        foreach (var m in d.MentionsBySpan.Inside(span))
        {
            if (m.Type is EntityType.DATE or EntityType.QUANTITY) continue;
            if (best is null || m.Span.End >= best.Span.End) best = m;
        }
        var entity = d.EntityById(best?.EntityId);
        return new EventArgument(d.Slice(span), span, entity?.Id, entity?.Actor?.Code);
    }

    /// <summary>
    /// Whether an event's actor may be carried to later clauses as what their pronoun or unnamed subject stands for: only
    /// something that can act. A phrase whose head names an entity the recogniser typed as neither a person, an
    /// organisation, a people nor a state (a work, a title, an event name: MISC; a place or facility) is no agent and no
    /// antecedent for a later "they" or a passive's unnamed doer ("Blood is still flowing" in a headline is not who killed
    /// in the next paragraph). A name inside a modifier after the head ("a chief in the port of X") is not judged; a chunk
    /// already carried from before (empty) was judged where it was named.
    /// </summary>
    internal static bool CanCarry(Document d, SentenceView v, Chunk chunk)
    {
        if (chunk.IsEmpty) return true;
        // the phrase's head part: before its first "of", preposition, "by", comma or relative pronoun
        int headEnd = chunk.End;
        for (int i = chunk.Start + 1; i < chunk.End; i++)
            if (v.TagAt(i) is Tag.Of or Tag.Prep or Tag.By or Tag.Comma or Tag.Rel) { headEnd = i; break; }
        var head = v.SpanOf(new Chunk(chunk.Start, headEnd));
        foreach (var m in d.MentionsBySpan.Inside(v.SpanOf(chunk)))
            if (d.EntityById(m.EntityId)?.Type is { } type && !IsAgentType(type) && m.Span.Overlaps(head)) return false;
        return true;
    }

    /// <summary>The entity types that can do something: persons, organisations, peoples (NORP) and states (GPE as a polity).</summary>
    internal static bool IsAgentType(EntityType type) => type is EntityType.PERSON or EntityType.ORG or EntityType.NORP or EntityType.GPE;

    private static EventArgument? LastEntityBefore(Document d, int offset, EntityType type, bool skipStateBodies = false)
    {
        Mention? last = null;
        foreach (var m in d.Mentions)
            if (m.Span.End <= offset && m.Type == type && m.EntityId is not null && (last is null || m.Span.End > last.Span.End)
                && !(skipStateBodies && IsStateBody(d.EntityById(m.EntityId)?.Actor?.Code))) last = m;
        if (last is null) return null;
        var e = d.EntityById(last.EntityId);
        return new EventArgument(e?.Name ?? last.Text, last.Span, last.EntityId, e?.Actor?.Code);
    }

    /// <summary>A government, army, police, intelligence, judiciary or legislature code (CAMEO agent parts).</summary>
    private static bool IsStateBody(string? code)
    {
        if (code is null) return false;
        for (int i = 0; i + 3 <= code.Length; i += 3)
            if (code.AsSpan(i, 3) is "GOV" or "MIL" or "COP" or "SPY" or "JUD" or "LEG") return true;
        return false;
    }

    /// <summary>
    /// The chunk naming an event's actor, from the clause: the claimant of a responsibility claim that governs the event;
    /// else the syntax's actor, or, where that is a weapon, the party named with it ("bombs dropped by the regime",
    /// "A Turkish drone strike"); for a passive with no agent, the party named with the means after it ("were killed in a
    /// Turkish drone strike", "rocket fire by regime forces"); a pronoun reported by a speech verb is that verb's subject.
    /// </summary>
    private static Chunk ActorChunk(Document d, SentenceView v, CodedEvent ce, Chunk means, List<CodedEvent> coded)
    {
        if (ClauseRoles.Claimant(v, ce.Trigger) is { IsEmpty: false } claimant && (ce.Actor.IsEmpty || !means.IsEmpty || ce.Actor.Start > claimant.End))
            return claimant;
        var actor = means.IsEmpty ? ce.Actor : CasualtyRoles.MeansActor(v, means, coded);
        if (actor.IsEmpty && !means.IsEmpty) actor = PartyWithMeans(d, v, means);
        if (actor.IsEmpty && ce.Actor.IsEmpty && !ce.Nominal && IsViolent(ce.Code) && CasualtyRoles.MeansAfter(v, ce.Trigger) is { IsEmpty: false } after)
            actor = PartyWithMeans(d, v, after);
        if (actor.IsEmpty && ce.Nominal) actor = ClauseRoles.NominalAgent(v, ce.Trigger);
        if (actor.IsEmpty && ce.Nominal) actor = ClauseRoles.LightVerbSubject(v, ce.Trigger, LightVerbs);
        // "were killed in an attack by armed men": the agent of the event noun after a passive casualty verb
        if (actor.IsEmpty && ce.Actor.IsEmpty && ce.Passive && CasualtyRoles.MeansAfter(v, ce.Trigger) is { IsEmpty: false } m2)
            actor = ClauseRoles.NominalAgent(v, new Chunk(m2.End - 1, m2.End));
        return ClauseRoles.SpeakerForPronoun(v, actor);
    }

    /// <summary>
    /// "Three gunmen were killed during clashes between the army and a militia", "two people were injured in a crossfire
    /// between police and herders": a casualty clause (passive or without an actor) whose event noun of force, later in the
    /// same clause, is followed by "between A and B" names the two sides of the fight the casualties fell in. CAMEO and
    /// ACLED code a clash from one side to the other (actor A, target B), so B, not the counted dead, is the target.
    /// </summary>
    private static (Chunk Sides, Chunk Other) ClashSides(SentenceView v, CodedEvent ce, List<CodedEvent> coded)
    {
        var none = (Chunk.None, Chunk.None);
        if (ce.Nominal || !IsViolent(ce.Code) || !(ce.Passive || ce.Actor.IsEmpty)) return none;
        foreach (var n in coded)
        {
            if (!n.Nominal || !IsViolent(n.Code) || n.Trigger.Start < ce.Trigger.End) continue;
            int j = n.Trigger.End;
            if (!v.Is(j, "between") || !v.IsNominal(j + 1)) continue;
            var a = v.NounPhraseStartingAt(j + 1);
            if (a.IsEmpty || !v.Is(a.End, "and") || !v.IsNominal(a.End + 1)) continue;
            var b = v.NounPhraseStartingAt(a.End + 1);
            bool sameClause = !b.IsEmpty;
            for (int i = ce.Trigger.End; i < n.Trigger.Start && sameClause; i++)
                if (v.TagAt(i) is Tag.Punct or Tag.Comma or Tag.Conj or Tag.Verb or Tag.Be or Tag.Rel or Tag.Modal) sameClause = false;
            if (sameClause) return (new Chunk(a.Start, b.End), b);
        }
        return none;
    }

    /// <summary>
    /// The party a means phrase names: its "by" agent ("rocket fire by regime forces"), else the proper-noun modifiers
    /// before its head ("A Turkish drone strike", "Russian missile strikes") that are neither a place (where) nor a time (when).
    /// </summary>
    private static Chunk PartyWithMeans(Document d, SentenceView v, Chunk means)
    {
        if (v.TagAt(means.End) == Tag.By && v.IsNominal(means.End + 1)) return v.NounPhraseStartingAt(means.End + 1);
        int start = -1, end = -1;
        for (int i = means.Start; i < means.End - 1; i++)
        {
            // the sentence's first word is capitalised by its position, not as a name ("Car bomb in Syria kills ...")
            bool modifier = v.TagAt(i) == Tag.Proper && i > 0 && !v.IsTemporal(i) && !d.PlacesBySpan.AnyOverlapping(v.SpanOf(new Chunk(i, i + 1)));
            if (modifier && start < 0) start = i;
            if (modifier) end = i + 1;
            else if (start >= 0) break;
        }
        return start < 0 ? Chunk.None : new Chunk(start, end);
    }
}
