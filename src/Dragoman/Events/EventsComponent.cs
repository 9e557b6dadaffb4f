using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Pipeline;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>
/// Codes the document's events: triggers from the CAMEO verb dictionary and nominal triggers, roles from the light
/// syntax, entity links from Mentions/Entities, places from Places (else place mentions), times from Time's resolver
/// (when given) or the sentence's time expressions, counts with ACLED's rules, modality, and the sentence's attribution
/// chain as sources. Codes in CAMEO, PLOVER and ACLED with QuadClass and Goldstein.
/// Requires tokens, sentences and attributions; reads Mentions, Entities, Places and Times when earlier components
/// filled them (they are optional: without them arguments keep their text and spans and places/times stay empty).
/// </summary>
public sealed partial class EventsComponent : IDocumentComponent
{
    private readonly EventResources _res;
    private readonly EventCoder _coder;
    private readonly Func<Document, TextSpan, EventTime?>? _timeResolver;
    private readonly Geo.EventLocator? _locator;
    private readonly Roles.RoleModel? _roles;
    // The next sentence's victims are read as target candidates only for a model that weighs them, or while training one:
    // unweighed, they would cost a parse and could still win on a shared feature.
    private readonly bool _rolesKnowNextVictims;

    /// <param name="locator">Chooses the place each event happened at (Geo's trained model); without it, the nearest place.</param>
    /// <param name="roles">Chooses each event's actor and target among the candidates of its clause (the trained role ranker); without it, the clause rules decide.</param>
    public EventsComponent(EventResources resources, Func<Document, TextSpan, EventTime?>? timeResolver = null, Geo.EventLocator? locator = null, Roles.RoleModel? roles = null)
    {
        _res = resources;
        _roles = roles;
        _rolesKnowNextVictims = roles?.Weights.Keys.Any(k => k.StartsWith(Roles.RoleModel.Prefix(Roles.RoleKind.Target) + "next", StringComparison.Ordinal)) ?? false;
        _coder = new EventCoder(resources.Verbs, resources.Nouns);
        _timeResolver = timeResolver;
        _locator = locator;
    }

    public string Name => "events";
    public Layer Requires => Layer.Tokens | Layer.Sentences | Layer.Attributions;
    public Layer Provides => Layer.Events | Layer.EventCodes;

    public EventCoder Coder => _coder;

    /// <summary>Support verbs whose object names the event: "carried out an arrest campaign", "waged a bombing campaign".</summary>
    internal static readonly HashSet<string> LightVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "carry", "carries", "carried", "carrying", "conduct", "conducts", "conducted", "conducting", "launch", "launches", "launched",
        "launching", "stage", "stages", "staged", "staging", "wage", "wages", "waged", "waging", "perform", "performs", "performed",
        "commit", "commits", "committed", "committing",
    };

    /// <summary>
    /// A compound event noun ("arrest campaign", "air strike") in the object of a light verb is more specific than the
    /// light verb's own dictionary pattern (which matched a generic head such as "campaign"): the noun is the event.
    /// </summary>
    private static bool CompoundUnderLightVerb(SentenceView v, CodedEvent verb, CodedEvent noun) =>
        noun.Trigger.Length >= 2 && LightVerbs.Contains(v.Word(verb.Trigger.Start).ToString());

    /// <summary>Verbs that frame, report or aspect another event; they are never events themselves in the product.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> FramingVerbs = SpeechLexicon.Framing;

    /// <summary>Whether a sentence of at least six words repeats an earlier one word for word (case and spacing aside).</summary>
    private static bool RepeatedSentence(string text, Sentence sentence, HashSet<string> seen)
    {
        if (sentence.TokenCount < 6) return false;
        var sb = new System.Text.StringBuilder(sentence.Span.End - sentence.Span.Start);
        bool space = false;
        foreach (var ch in text.AsSpan(sentence.Span.Start, sentence.Span.End - sentence.Span.Start))
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(ch));
        }
        return !seen.Add(sb.ToString());
    }

    public void Process(Document document)
    {
        var text = document.Text;
        EventArgument? lastNamedActor = null, lastNamedArgument = null;
        var perSentence = new List<(int Sentence, Event Event, string? Kind)>();
        int focusPlace = _locator is null ? -1 : Geo.EventLocator.ArticlePlace(document);
        var seenSentences = new HashSet<string>(StringComparer.Ordinal);
        int lastProtest = -2; // the last sentence that coded a protest
        var placeEntities = PlaceEntities(document);
        for (int si = 0; si < document.Sentences.Length; si++)
        {
            document.Cancellation.ThrowIfCancellationRequested(); // the article's budget, within the stage
            var sentence = document.Sentences[si];
            // a page that prints the same sentence twice (a repeated lede) reports its events once
            if (RepeatedSentence(text, sentence, seenSentences)) continue;
            var v = _coder.View(document, sentence);
            var attribution = SentenceAttribution(document, sentence.Span);
            // roles read before any rule compares events: a victim subject ("Three died"), a place adjunct before the verb
            var coded = _coder.Code(v).ConvertAll(c => ClauseRoles.FromClause(v, c)).ConvertAll(c => CasualtyRoles.VictimSubject(v, !c.Passive && AdjunctActor(v, c) ? c with { Actor = SubjectOverAdjunct(v, c.Actor) } : c));
            // a protest coded in this sentence or the one before makes the force used there force against protesters (TargetCategories)
            bool protestHere = coded.Exists(o => Root(o.Code) == "14"), protestNear = protestHere || lastProtest == si - 1;
            if (protestHere) lastProtest = si;
            HashSet<int>? purposes = null;
            List<Chunk>? victims = null; // the sentence's victims, read once for its events
            // the actor an earlier act of this sentence named in its own words: what a later clause's "they" stands for
            // ("an insurgent group attacked the town, where they killed three"), before any party of earlier sentences
            EventArgument? sentenceActor = null;
            // the next sentence's victims, read once and only where an event of this one is coercion or force
            Roles.NextVictims? nextVictims = null;
            bool nextRead = false;
            Roles.NextVictims? NextVictimsOnce()
            {
                if (!nextRead) (nextRead, nextVictims) = (true, NextSentenceVictims(document, si));
                return nextVictims;
            }
            foreach (var c0 in coded)
            {
                document.Cancellation.ThrowIfCancellationRequested(); // and per event: one run-on sentence may hold thousands
                var ce = c0;
                if (purposes is not null && purposes.Contains(ce.Trigger.Start)) continue;
                // "dispatched inspectors to monitor ...", "summoned the ambassador to complain": the purpose is the event
                if (!ce.Nominal && !ce.Reversed && PurposeOf(v, ce, coded) is { } purpose)
                {
                    (purposes ??= []).Add(purpose.Trigger.Start);
                    ce = ce with { Code = purpose.Code };
                }
                // "Missiles struck the capital ... for the first time": a weapon as the subject makes the verb the use of force
                // its dictionary block names, whatever verbal pattern later words matched (PHYSICAL_CONFLICT's "* GOVERNMENT [111]")
                if (!ce.Nominal && !ce.Passive && !CodeTables.IsForce(ce.Code) && _coder.Verbs.BlockCode(ce.Verb) is { } blockCode && CodeTables.IsForce(blockCode)
                    && !CasualtyRoles.WeaponPhrase(v, ce.Actor, coded).IsEmpty) ce = ce with { Code = blockCode };
                if (EventCoder.IsSpeechCode(ce.Code) || ce.Code.StartsWith("01", StringComparison.Ordinal)) continue;
                // "gave a slightly lower toll", "giving guidance": handing over information is reporting, not material cooperation
                if (!ce.Nominal && v.IsAny(ce.Trigger.Start, GivingVerbs) && InformationObject(v, ce.Trigger.End)) continue;
                // "... in Aleppo - monitor": a verb form ending a headline with nothing after it names the source, not an event
                if (!ce.Nominal && ce.Target.IsEmpty && IsTitleFinal(document, v, ce.Trigger)) continue;
                // "killing 23 militants" after "in the northern province": a place or time before the verb is an adjunct, not its actor
                if (!ce.Passive && AdjunctActor(v, ce)) ce = ce with { Actor = SubjectOverAdjunct(v, ce.Actor) };
                if (ce.Reversed) continue; // the paired "receive" code of a dyad: one event per trigger in the product
                if (!ce.Nominal && FramingVerbs.Contains(v.Word(ce.Trigger.Start).ToString())) continue;
                if (!ce.Nominal && IsAttributiveParticiple(v, ce.Trigger.Start)) continue;
                // a light verb whose object is an event noun ("carried out an attack"): the noun is the event
                // (unless a dictionary pattern codes the verb with that noun, "lifted the curfew": then the verb is the event)
                if (!ce.Nominal && !ce.Target.IsEmpty && coded.Exists(n => n.Nominal && n.Trigger.Start >= ce.Target.Start && n.Trigger.Start < ce.Target.End
                    && (ce.PatternLine == 0 || Root(n.Code) == Root(ce.Code) || PerformsViolence(v, ce, n) || CompoundUnderLightVerb(v, ce, n)))) continue;
                if (ce.Nominal && coded.Exists(o => !o.Nominal && o.PatternLine > 0 && !o.Target.IsEmpty && ce.Trigger.Start >= o.Target.Start && ce.Trigger.Start < o.Target.End
                    && Root(o.Code) != Root(ce.Code) && !o.Code.StartsWith("01", StringComparison.Ordinal) && !FramingVerbs.Contains(v.Word(o.Trigger.Start).ToString())
                    && !PerformsViolence(v, o, ce) && !CompoundUnderLightVerb(v, o, ce)
                    // only in favour of a verb event that is kept ("gunfire that led to the killing of three" has no party
                    // for "led", so the killing is the event), or of an infinitive, whose object is asked for or planned,
                    // not reported ("an ultimatum to halt attacks")
                    && (IsCodeable(v, o, document, Stance(v, o)) || v.Is(v.VerbGroupStart(o.Trigger.Start) - 1, "to")))) continue;
                // "prepared to resume shelling": a military move short of force is PLOVER MOBILIZE (CAMEO 15)
                CodedEvent? prepared = !ce.Nominal && v.IsAny(ce.Trigger.Start, PrepareVerbs) ? ComplementAct(v, ce, coded) : null;
                if (prepared is not null && CodeTables.IsForce(prepared.Code)) ce = ce with { Code = "150" };
                // "have sworn to fight", "vowed to retaliate": the stance verb frames its complement, which carries the
                // stance (THREATEN/AGREE); the verb's own dictionary code (swear = curse, 110) is not a second event
                else if (!ce.Nominal && v.IsAny(ce.Trigger.Start, ThreatVerbs) && !ce.Code.StartsWith("13", StringComparison.Ordinal) && ComplementAct(v, ce, coded) is not null) continue;
                if (!IsCodeable(v, ce, document, Stance(v, ce))) continue;
                // "An air strike killed 25 civilians": the event noun is the means of the verb's event, not a second event
                // (only when that verb event is kept: "Clashes broke out between two factions" has no other party to carry it)
                if (ce.Nominal && IsViolent(ce.Code) && coded.Exists(o => !o.Nominal && IsViolent(o.Code) && !FramingVerbs.Contains(v.Word(o.Trigger.Start).ToString())
                    && Inside(ce.Trigger, o.Actor) && IsCodeable(v, o, document, Stance(v, o)))) continue;
                // "were killed in a triple bombing", "died in air strikes": an event noun in a prepositional phrase right after
                // a violent verb of its clause is that event's means, not a second event
                if (ce.Nominal && IsViolent(ce.Code) && MeansOfVerb(v, ce, coded, document)) continue;
                var code = Refine(v, ce.Code);
                // ... and that noun names how the verb's violence was done ("killed in a triple bombing": 183)
                if (!ce.Nominal && IsViolent(code) && MeansNoun(v, ce, coded) is { Code: "183" or "1831" or "194" or "195" or "2041" } means) code = Refine(v, means.Code);
                // ... or in the subject: "A minefield explosion killed two" (the verb's dictionary code names no means)
                else if (!ce.Nominal && IsViolent(code) && !IsMeansCode(code) && CasualtyRoles.MeansEvent(CasualtyRoles.Means(v, ce, coded), coded) is { } sm && IsMeansCode(sm.Code)) code = Refine(v, sm.Code);
                if (ce.Nominal && EasedBy(v, ce) && EasedCode(code) is { } eased) code = eased;
                else if (!ce.Nominal && code.StartsWith("11", StringComparison.Ordinal) && v.IsAny(ce.Trigger.Start, DismissVerbs) && HeadIsAny(v, ce.Target, ProposalNouns)) code = "120";
                else if (ce.Nominal && HaltedBy(v, ce)) code = code == "046" ? "164" : code == "045" ? "165" : (_res.Codes.Cameo(code)?.QuadClass ?? 4) is 1 or 2 ? "160" : code;
                if (code is "190" && IsKilling(v, ce) && !TargetsCombatants(v, ce.Target)) code = "1823"; // killing people outside combat
                else if (code is "190" && TargetsCivilians(v, ce.Target)) code = "180"; // force against civilians is unconventional violence
                else if (code is "180" or "190" && !ce.Nominal && TargetsProperty(v, ce.Target)) code = "1712"; // "blew up power lines", "set fire to the offices"
                // CAMEO 186 "assassinate": the killing of a leader or official named by title ("killed the deputy chief of ...")
                if (code == "1823" && !ce.Nominal && HeadIsAny(v, ce.Target, LeaderNouns)) code = "186";
                if (code == "084" && IsParty(v, ce.Target, document)) code = "0841"; // persons released, not property
                if (code.StartsWith("174", StringComparison.Ordinal) && ExpelledPresence(v, ce.Target) is { } expel) code = expel;
                // a weapon in the actor role is the means; the actor is only a party named with it ("Russian air strikes")
                var meansOf = CasualtyRoles.Means(v, ce, coded);
                var trigger = v.SpanOf(ce.Trigger);
                var said = AttributionOf(document, sentence.Span, trigger) ?? attribution; // the clause's speaker
                // "accused the army of killing ...": the accused act is the accuser's telling
                if (AccusationOf(v, ce, coded) is { } accusation) said = AccuserAttribution(v, accusation, said, sentence.Span);
                var roles = ChooseRoles(new Roles.RoleContext(document, v, ce, code, ActorChunk(document, v, ce, meansOf, coded), ce.Target,
                    said?.Chain.Count > 0 ? said.Chain[0].Evidence : null, lastNamedActor, meansOf) { OtherTallies = Roles.RoleCandidates.OtherTallies(v, ce, coded), Victims = victims ??= Roles.RoleCandidates.VictimRegions(v, coded), ProtestNear = protestNear, Clash = ClashSides(v, ce, coded),
                    ClauseTarget = ClauseRoles.UnderAttackSubject(v, ce) is { IsEmpty: false } under ? under : ClauseRoles.AimedAt(v, ce, coded),
                    Next = (_rolesKnowNextVictims || RoleTrace is not null) && Root(code) is "17" or "18" or "19" or "20" ? NextVictimsOnce() : null },
                    sentenceActor is not null && sentenceActor.Span.End <= trigger.Start ? sentenceActor : lastNamedActor, lastNamedArgument);
                var (actor, target) = (roles.Actor.Argument, roles.Target.Argument);
                var ev = new Event
                {
                    Id = $"ev{perSentence.Count + 1}",
                    Action = _res.Codes.Action(code),
                    Trigger = trigger,
                    Actor = actor,
                    Target = target,
                    Means = meansOf.IsEmpty ? null : new EventArgument(v.TextOf(meansOf), v.SpanOf(meansOf)),
                    TriggerSource = ce.Nominal ? "noun" : ce.PatternLine > 0 ? "pattern" : "verb",
                };
                // the means named in a phrase after the verb: "were killed in the strikes", "died in the shelling"
                if (ev.Means is null && !ce.Nominal && IsViolent(code) && MeansNoun(v, ce, coded) is { } after && v.NounPhraseEndingAt(after.Trigger.End - 1) is { IsEmpty: false } np)
                    ev.Means = new EventArgument(v.TextOf(np), v.SpanOf(np));
                bool agentless = AgentlessStateCoercion(document, ce, code, said, actor);
                bool ownSide = SpeakerOwnSide(document, said, actor) || agentless;
                var (ruled, step) = ModalityRules.DecideStep(_res.ModalityCues, v, ce, said, actor?.Text, ownSide);
                ev.Modality = DecideModality(ev, new Modalities.ModalityInput(document, si, v, ce, said, actor, ownSide, ruled) { RuleStep = step, AgentlessCoercion = agentless, Cues = _res.ModalityCues });
                if (said is not null) ev.Sources.AddRange(said.Chain);
                AddClaimant(v, ce, ev); // "X claimed responsibility for the attack": the claimant tells it first
                ev.Evidence.Add(sentence.Span);
                var stance = Stance(v, ce);
                if (stance == "commit" && !code.StartsWith("03", StringComparison.Ordinal) && (_res.Codes.Cameo(code)?.QuadClass ?? 4) is 1 or 2) code = "030";
                ev.Codes = _res.Codes.Codes(code);
                ev.Codes = ev.Codes with { Plover = AdjustPlover(ev.Codes, ev.Modality, stance) };
                // a threat verb takes its mode from the act it threatens ("threatened to halt talks": relations)
                if (code == "150" && prepared is not null && ev.Codes.Plover is { } mp)
                    ev.Codes = ev.Codes with { Plover = mp with { Mode = prepared.Code is "194" or "195" or "2041" ? "weapons" : "troops" } };
                if (code.StartsWith("13", StringComparison.Ordinal) && ev.Codes.Plover is { Event: "THREATEN", Mode: null } tp
                    && ThreatenedAct(v, ce, coded) is { } act && ThreatMode(act.Code) is { } tm)
                    ev.Codes = ev.Codes with { Plover = tp with { Mode = tm } };
                // PLOVER manual, ASSAULT modes: "suicide-attack" is for suicide attacks; other bombs and mines are "explosives"
                // (the 2021 CAMEO table files all of CAMEO 183 under suicide-attack)
                // PLOVER manual, PROTEST modes: leaving workplaces is "strike", withdrawing relations "boycott" (CAMEO 143 has both)
                if (code.StartsWith("143", StringComparison.Ordinal) && ev.Codes.Plover is { Event: "PROTEST" } sp && StrikeWord(v, ce.Trigger))
                    ev.Codes = ev.Codes with { Plover = sp with { Mode = "strike" } };
                // PLOVER manual, ASSAULT modes: "primitive" = fire, edged weapons, rocks, farm implements
                if (ev.Codes.Plover is { Event: "ASSAULT", Mode: null } pp && SentenceHasAny(v, PrimitiveWeapons))
                    ev.Codes = ev.Codes with { Plover = pp with { Mode = "primitive" } };
                if (code == "183" && ev.Codes.Plover is { Mode: "suicide-attack" } bp)
                    ev.Codes = ev.Codes with { Plover = bp with { Mode = "explosives" } };
                // NGEC PLOVER codebook: resigning is RETREAT with mode resign (the 2021 CAMEO table files 083x under CONCEDE)
                if (v.IsAny(ce.Trigger.Start, "resign", "resigned", "resigns", "resigning") && ev.Modality is Modality.Asserted or Modality.Reported)
                    ev.Codes = ev.Codes with { Plover = new PloverCode("RETREAT", "resign", ev.Codes.Plover?.Context ?? []) };
                // NGEC PLOVER codebook: formal charges and lawsuits are ACCUSE (mode allege), though CAMEO files an
                // indictment with arrests under 173 "charge with legal action"
                else if (!ce.Nominal && code.StartsWith("17", StringComparison.Ordinal) && v.IsAny(ce.Trigger.Start, LegalAccusationVerbs)
                    && ev.Modality is Modality.Asserted or Modality.Reported)
                    ev.Codes = ev.Codes with { Plover = new PloverCode("ACCUSE", "allege", ev.Codes.Plover?.Context ?? []) };
                ev.Place = _locator is null ? Place(document, sentence, trigger, placeEntities) : Locate(_locator, document, sentence, v, trigger, focusPlace, placeEntities);
                ev.Time = _timeResolver?.Invoke(document, trigger) ?? TimeIn(document, sentence, trigger);
                var kind = CountKind(v, ce, code);
                AddCounts(document, v, ce, kind, ev, said);
                ev.Confidence = Confidence(ce, ev);
                perSentence.Add((si, ev, kind));
                TraceRoles(ev, roles);
                // the actor carried to later clauses is the last party that did something: the speaker of a verbal act (a
                // statement, an accusation, a demand: CAMEO quad classes 1 and 3) told the news and is not who acted next
                // (dev actor +2 of 166, models/roles/README.md)
                bool acted = ev.Codes.QuadClass is not (1 or 3);
                // ... and something that can act (CanCarry; docs/benchmarks.md, "Carried actors")
                bool carries = acted && actor is not null && CanCarry(document, v, roles.Actor.Chunk);
                if (carries && (actor!.EntityId is not null || HasProper(v, roles.Actor.Chunk))) lastNamedActor = actor;
                if (carries && !roles.Actor.Chunk.IsEmpty && sentence.Span.Contains(actor!.Span) && !IsPronoun(v, roles.Actor.Chunk)) sentenceActor = actor;
                if (target is not null && (target.EntityId is not null || HasProper(v, roles.Target.Chunk))) lastNamedArgument = target;
                if (actor is not null && (actor.EntityId is not null || HasProper(v, roles.Actor.Chunk))) lastNamedArgument = actor;
            }
        }
        FoldAnaphoric(document, perSentence);
        MergeTitleEvents(document, perSentence);
        AttachNextSentenceCounts(document, perSentence);
        ResultClauseCounts(document, perSentence);
        MergeConflictingFigures(document, perSentence);
        foreach (var (_, ev, _) in perSentence) document.Events.Add(ev);
    }

    /// <summary>
    /// A past participle that modifies the noun after it at the start of a noun phrase ("Newly appointed Prime Minister
    /// X refused ...", "Armed men attacked ..."): a description of the actor, not an event of the sentence. Only at the
    /// sentence start or after an -ly adverb there, where a finite verb cannot stand.
    /// </summary>
    internal static bool IsAttributiveParticiple(SentenceView v, int k)
    {
        var w = v.Word(k);
        if (!w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || v.TagAt(k + 1) is not (Tag.Noun or Tag.Proper)) return false;
        if (k == 0) return true;
        return k == 1 && v.TagAt(0) is Tag.Adv or Tag.Proper or Tag.Noun && v.Word(0).EndsWith("ly", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] Subordinators = ["after", "before", "because", "since", "when", "while", "whereas", "although", "though", "until", "following", "amid", "as"];

    /// <summary>
    /// Whether the trigger at token <paramref name="k"/> stands in a clause that depends on another: a relative clause
    /// (who/which/whom/whose, or "that" right after a noun), a reduced relative ("a helicopter carrying monitors",
    /// "the curfew imposed in Sudan", "captured by"), or an adverbial clause or phrase opened by a subordinator ("one day
    /// after a jet shot down", "after fierce fighting"). The scan runs left to the nearest comma, semicolon or colon, so a
    /// fronted clause closed by a comma leaves the main clause after it main. Such events are background to the
    /// sentence's main event.
    /// </summary>
    internal static bool IsSecondary(SentenceView v, int k)
    {
        var w = v.Word(k);
        // reduced relative: a participle right after a noun, followed by "by" or a preposition ("captured by", "imposed in")
        if (k >= 1 && v.TagAt(k - 1) is Tag.Noun or Tag.Proper && v.TagAt(k) == Tag.Verb)
        {
            if (w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && v.TagAt(k + 1) is Tag.Noun or Tag.Proper or Tag.Det or Tag.Num or Tag.Prep or Tag.To) return true;
            if (w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && v.TagAt(k + 1) is Tag.By or Tag.Prep && !IsFiniteAfterSubject(v, k)) return true;
        }
        for (int p = k - 1; p >= 0; p--)
        {
            var t = v.TagAt(p);
            if (t == Tag.Comma || v.IsAny(p, ";", ":", "--")) return false;
            if (t == Tag.Rel && v.IsAny(p, "who", "which", "whom", "whose", "where")) return true;
            if (v.Is(p, "that") && p >= 1 && v.TagAt(p - 1) is Tag.Noun or Tag.Proper && !v.IsAny(p - 1, DemandNouns)) return true;
            if (v.IsAny(p, Subordinators) && p > 0) return true;
        }
        return false;
    }

    /// <summary>"Forces captured the town": a past form after a sentence-initial noun phrase is the finite verb, not a reduced relative.</summary>
    private static bool IsFiniteAfterSubject(SentenceView v, int k)
    {
        for (int p = k - 1; p >= 0; p--)
        {
            var t = v.TagAt(p);
            if (t is Tag.Noun or Tag.Proper or Tag.Det or Tag.Poss or Tag.Num or Tag.Adv or Tag.Of or Tag.Prep or Tag.To) continue;
            return false;
        }
        return true;
    }

    private static readonly string[] PurposeCarriers = ["send", "sends", "sent", "sending", "dispatch", "dispatches", "dispatched", "dispatching", "summon", "summons", "summoned", "summoning"];

    /// <summary>
    /// The purpose event of a carrier verb ("sent a team to investigate", "summoned the ambassador to complain"): the first
    /// coded verb introduced by "to" after the carrier in the same clause, when it investigates (CAMEO 09), disapproves (11)
    /// or protests (14). Sending people is then the means, and PLOVER codes the purpose.
    /// </summary>
    internal static CodedEvent? PurposeOf(SentenceView v, CodedEvent carrier, List<CodedEvent> coded)
    {
        if (!v.IsAny(carrier.Trigger.Start, PurposeCarriers)) return null;
        foreach (var o in coded)
        {
            int k = o.Trigger.Start;
            if (o.Nominal || o.Reversed || k <= carrier.Trigger.End || k - carrier.Trigger.End > 15 || !v.Is(k - 1, "to")) continue;
            bool sameClause = true;
            for (int i = carrier.Trigger.End; i < k - 1; i++)
                if (v.TagAt(i) is Tag.Punct or Tag.Comma or Tag.Verb or Tag.Rel or Tag.Conj && !v.IsAny(i, "(", ")", "and", "or")) { sameClause = false; break; }
            if (!sameClause) return null;
            return o.Code.Length >= 2 && o.Code[..2] is "09" or "11" or "14" ? o : null;
        }
        return null;
    }

    private static readonly string[] LegalAccusationVerbs = ["indict", "indicted", "indicts", "indicting", "sue", "sued", "sues", "suing", "prosecute", "prosecuted", "prosecutes", "prosecuting"];
    private static readonly string[] DemandVerbs = ["ordered", "orders", "order", "urged", "urges", "urge", "asked", "asks", "called", "pressed", "pressuring", "pushing", "demanded", "instructed", "told"];
    private static readonly string[] DemandNouns = ["demand", "demands", "demanded", "demanding"];

    /// <summary>
    /// Whether the clause ending at <paramref name="end"/> is what someone demands: a demand verb followed by its addressee
    /// with prepositional phrases ("demanded parties to the conflict in Iraq | to allow"; the caller saw the infinitive
    /// marker), or, with <paramref name="allowTo"/> true, a "demand (today) that X" clause before the verb group.
    /// Scans at most 12 words back and stops at clause punctuation or another verb.
    /// </summary>
    private static bool DemandBefore(SentenceView v, int end, bool allowTo)
    {
        bool sawThat = false;
        for (int p = end, n = 0; p >= 0 && n < 12; p--, n++)
        {
            var t = v.TagAt(p);
            if (allowTo)
            {
                // subject of the demanded clause, then "that", then (adverbs, time nouns) the demand word
                if (v.Is(p, "that") && !sawThat) { sawThat = true; continue; }
                if (sawThat && v.IsAny(p, DemandNouns)) return true;
                if (t is Tag.Noun or Tag.Proper or Tag.Det or Tag.Poss or Tag.Pron or Tag.Adv or Tag.Of) continue;
                return false;
            }
            if (p < end && v.IsAny(p, DemandVerbs)) return true;
            if (t is Tag.Noun or Tag.Proper or Tag.Det or Tag.Poss or Tag.Pron or Tag.Adv or Tag.Prep or Tag.Of or Tag.To or Tag.Num) continue;
            return false;
        }
        return false;
    }

    private static readonly string[] CommitVerbs = ["agree", "agreed", "agrees", "offer", "offered", "offers", "promise", "promised", "promises", "pledge", "pledged", "pledges", "vow", "vowed", "vows", "commit", "committed", "decided", "decide", "willing", "ready", "prepared", "plans", "planned", "intends", "intended"];
    /// <summary>Verbs that say an event goes on or starts again: with "would"/"will" after an event noun, an announcement.</summary>
    private static readonly string[] ResumeVerbs = ["resume", "continue", "restart", "intensify", "escalate"];
    private static readonly string[] ThreatVerbs = ["threaten", "threatened", "threatens", "warn", "warned", "warns", "vowed", "vow", "vows", "swore", "sworn", "swear", "swears"];

    /// <summary>
    /// The subject's own stance toward the event, from its verb group: "commit" (will/would/shall, agreed/offered/promised
    /// /pledged/plans to V), "threat" (threatened/warned/vowed to V), or null. Reported expectations ("it is expected that
    /// they ...") are not a stance of the actor.
    /// </summary>
    private static string? Stance(SentenceView v, CodedEvent ce)
    {
        int k = ce.Trigger.Start;
        if (ce.Nominal)
        {
            // an event noun as the subject of a future resumption ("said the attacks would resume", "strikes will
            // continue") is announced, not reported: the speaker commits the noun's actor to it
            int after = ce.Trigger.End;
            if (v.IsAny(after, "would", "will", "shall") && v.IsAny(after + 1, ResumeVerbs)) return "commit";
            // an event noun takes the stance of the light verb it is the object of: "would tighten the blockade"
            int p = k - 1;
            while (p >= 0 && v.TagAt(p) is Tag.Noun or Tag.Det or Tag.Num or Tag.Adv or Tag.Poss or Tag.Proper) p--;
            if (p < 0 || v.TagAt(p) != Tag.Verb) return null;
            k = p;
        }
        int g = v.VerbGroupStart(k);
        for (int i = g; i < k; i++) if (v.IsAny(i, "must", "should")) return "demand";
        if (g >= 2 && v.Is(g - 1, "to") && v.IsAny(g - 2, "has", "have", "had")) return "demand";
        // "ordered / urged / pressed X to V": someone demands it of X
        if (g >= 2 && v.Is(g - 1, "to"))
        {
            int p = g - 2;
            while (p >= 0 && v.TagAt(p) is Tag.Noun or Tag.Proper or Tag.Det or Tag.Poss or Tag.Pron or Tag.Adv) p--;
            if (p >= 0 && p < g - 2 && v.IsAny(p, DemandVerbs)) return "demand";
            // the addressee may carry a prepositional phrase: "demanded parties to the conflict in Iraq to allow ..."
            if (DemandBefore(v, g - 2, allowTo: false)) return "demand";
        }
        // "reiterated its demand that Israel ease ...": a clause introduced by a demand
        if (DemandBefore(v, g - 1, allowTo: true)) return "demand";
        if (v.IsAny(k, "agree", "agreed", "agrees", "offer", "offered", "offers", "promise", "promised", "promises", "pledge", "pledged", "pledges")) return "commit";
        for (int i = g; i < k; i++) if (v.IsAny(i, "will", "would", "shall", "wo")) return "commit";
        if (g >= 2 && v.Is(g - 1, "to"))
        {
            if (v.IsAny(g - 2, ThreatVerbs)) return "threat";
            if (v.IsAny(g - 2, CommitVerbs)) return "commit";
        }
        return null;
    }

    /// <summary>
    /// PLOVER codes stances, not just actions: an actor's commitment to cooperate is AGREE, its commitment or threat to
    /// use force or coercion is THREATEN, and a negated cooperative act ("will not accept", "refused to allow") is REJECT.
    /// </summary>
    private PloverCode? AdjustPlover(EventCodes codes, Modality modality, string? stance)
    {
        var p = codes.Plover;
        if (p is null) return null;
        bool cooperative = codes.QuadClass is 1 or 2;
        if (modality == Modality.Negated && cooperative) return new PloverCode("REJECT", null, p.Context);
        // "X must / should V": someone demands it of X
        if (stance == "demand") return new PloverCode("REQUEST", cooperative ? "assist" : "change", p.Context);
        if (stance == "threat" || (stance == "commit" && codes.QuadClass == 4)) return new PloverCode("THREATEN", ThreatMode(codes.Cameo) ?? (p.Event == "ASSAULT" ? "violence" : null), p.Context);
        if (stance == "commit" && cooperative && p.Event != "AGREE") return new PloverCode("AGREE", null, p.Context);
        return p;
    }

    /// <summary>
    /// The PLOVER THREATEN mode of a threatened act, after the manual's THREATEN modes: violence (force, CAMEO 18-20 but
    /// occupation), territory (192 occupy), restrict (blockades 191, boycotts and strikes 143-144, curfews, emergency rule
    /// and other restrictions 17x but arrests and expulsions), arrest (173), expel (166 withdraw/expel international
    /// involvement, 174 deport), relations (reduce or halt relations, aid, talks or mediation: 16x but 166).
    /// </summary>
    internal static string? ThreatMode(string? cameo) => cameo switch
    {
        null => null,
        "192" => "territory",
        "191" => "restrict",
        "173" => "arrest",
        _ when cameo.StartsWith("166", StringComparison.Ordinal) || cameo.StartsWith("174", StringComparison.Ordinal) => "expel",
        _ when cameo.StartsWith("16", StringComparison.Ordinal) => "relations",
        _ when cameo.StartsWith("143", StringComparison.Ordinal) || cameo.StartsWith("144", StringComparison.Ordinal) || cameo.StartsWith("17", StringComparison.Ordinal) => "restrict",
        _ when cameo.StartsWith("18", StringComparison.Ordinal) || cameo.StartsWith("19", StringComparison.Ordinal) || cameo.StartsWith("20", StringComparison.Ordinal) => "violence",
        _ => null,
    };

    /// <summary>"stop negotiations", "suspend aid": a stopping verb before a cooperative event noun halts it (CAMEO 16).</summary>
    private static CodedEvent? HaltedAct(SentenceView v, CodedEvent verb, List<CodedEvent> coded)
    {
        if (!v.IsAny(verb.Trigger.Start, HaltVerbs)) return null;
        foreach (var n in coded)
            if (n.Nominal && n.Trigger.Start > verb.Trigger.Start && n.Trigger.Start - verb.Trigger.End <= 3 && HaltedBy(v, n))
                return n with { Code = "160" };
        return null;
    }

    private static readonly string[] PrepareVerbs = ["prepare", "prepared", "prepares", "preparing", "readied", "readies", "readying"];


    /// <summary>
    /// The coded act in the infinitive complement of a stance verb ("vowed to fight", "prepared to resume shelling"):
    /// "to" right after the verb (or after its object pronoun), then within five words a coded event, with no clause
    /// punctuation or conjunction between.
    /// </summary>
    private static CodedEvent? ComplementAct(SentenceView v, CodedEvent verb, List<CodedEvent> coded)
    {
        int to = verb.Trigger.End;
        if (v.TagAt(to) == Tag.Pron) to++;
        if (!v.Is(to, "to")) return null;
        foreach (var o in coded)
        {
            if (o == verb || o.Reversed || o.Trigger.Start <= to || o.Trigger.Start - to > 5) continue;
            for (int i = to + 1; i < o.Trigger.Start; i++)
                if (v.TagAt(i) is Tag.Punct or Tag.Comma or Tag.Conj) return null;
            return o;
        }
        return null;
    }

    /// <summary>
    /// The act a threat verb announces: the coded event introduced by "to" within four words after a CAMEO 13 verb
    /// ("threatened to stop negotiations", "warned it would launch"), so the threat can take the act's mode.
    /// </summary>
    private static CodedEvent? ThreatenedAct(SentenceView v, CodedEvent threat, List<CodedEvent> coded)
    {
        foreach (var o in coded)
        {
            if (o == threat || o.Reversed || o.Trigger.Start <= threat.Trigger.End || o.Trigger.Start - threat.Trigger.End > 5) continue;
            for (int i = threat.Trigger.End; i < o.Trigger.Start; i++)
                if (v.TagAt(i) is Tag.Punct or Tag.Comma or Tag.Conj) return null;
            if (ThreatMode(o.Code) is null && !(o.Nominal == false && HaltedAct(v, o, coded) is not null)) continue;
            return ThreatMode(o.Code) is null ? HaltedAct(v, o, coded) : o;
        }
        return null;
    }

    /// <summary>
    /// PETRARCH codes only dyads of known actors; Dragoman keeps an event when its roles name parties: verbal events
    /// (QuadClass 1 and 3) need both an actor and a target that are parties, material ones (2 and 4) one of them,
    /// or an explicit event noun ("attacks would be limited"). A counted passive subject ("Four suspects were killed") is
    /// the party the event was done to; a weapon as the passive subject of a use of force is an attack by an unnamed actor.
    /// </summary>
    private bool IsCodeable(SentenceView v, CodedEvent ce, Document d, string? stance)
    {
        bool actor = IsParty(v, ce.Actor, d), target = IsParty(v, ce.Target, d) || CasualtyRoles.VictimCount(v, ce.Target, CountKind(v, ce, ce.Code)) is not null
            || (ce.Passive && IsCountedGroup(v, ce.Target));
        var quad = _res.Codes.Cameo(ce.Code)?.QuadClass ?? 4;
        // "rockets were launched toward the base", "shells were fired at the town": a weapon used, by someone unnamed
        if (ce.Passive && CodeTables.IsForce(ce.Code) && !CasualtyRoles.WeaponPhrase(v, ce.Target, []).IsEmpty) return true;
        if (quad == 3) return actor || (ce.Passive && target); // demands, accusations, rejections, threats: the party that voices them, or the accused
        if (quad == 1) return actor && (target || stance is not null || PartyAfter(v, ce.Trigger.End, d));
        if (ce.Nominal && quad == 4) return true;
        return actor || target;
    }

    private static readonly string[] MeansPreps = ["in", "by", "during", "with", "from", "after"];

    private static CodedEvent? MeansNoun(SentenceView v, CodedEvent verb, List<CodedEvent> coded)
    {
        foreach (var n in coded)
        {
            if (!n.Nominal || !IsViolent(n.Code) || n.Trigger.Start <= verb.Trigger.End || n.Trigger.Start - verb.Trigger.End > 8) continue;
            int p = n.Trigger.Start - 1;
            while (p >= verb.Trigger.End && v.TagAt(p) is Tag.Det or Tag.Num or Tag.Noun or Tag.Proper or Tag.Adv or Tag.Poss && !v.IsAny(p, MeansPreps)) p--;
            if (p < verb.Trigger.End || !v.IsAny(p, MeansPreps) || p - verb.Trigger.End > 4) continue;
            bool sameClause = true;
            for (int i = verb.Trigger.End; i < p; i++) if (v.TagAt(i) is Tag.Comma or Tag.Punct or Tag.Verb or Tag.Conj or Tag.Rel) sameClause = false;
            if (sameClause) return n;
        }
        return null;
    }

    private bool MeansOfVerb(SentenceView v, CodedEvent noun, List<CodedEvent> coded, Document d)
    {
        int p = noun.Trigger.Start - 1;
        while (p >= 0 && v.TagAt(p) is Tag.Det or Tag.Num or Tag.Noun or Tag.Proper or Tag.Adv or Tag.Poss && !v.IsAny(p, MeansPreps)) p--;
        if (p < 1 || !v.IsAny(p, MeansPreps)) return false;
        foreach (var o in coded)
        {
            if (o.Nominal || o.Reversed || !IsViolent(o.Code) || o.Trigger.End > p || p - o.Trigger.End > 4) continue;
            bool sameClause = true;
            for (int i = o.Trigger.End; i < p; i++) if (v.TagAt(i) is Tag.Comma or Tag.Punct or Tag.Verb or Tag.Conj or Tag.Rel) sameClause = false;
            if (sameClause && IsCodeable(v, o, d, Stance(v, o))) return true;
        }
        return false;
    }

    private static readonly string[] PerformVerbs = ["conduct", "conducts", "conducted", "conducting", "carry", "carries", "carried", "carrying", "launch",
        "launches", "launched", "launching", "stage", "stages", "staged", "staging", "mount", "mounts", "mounted", "mounting", "wage", "waged", "wages", "waging"];

    /// <summary>
    /// "will conduct attacks against the regime": a verb of performing whose object is a violent event noun performs that
    /// violence, even where a dictionary pattern reads the pair verbally (the 2015 OVERSEE_MANAGE block codes "conduct
    /// * ATTACK" as 113, a verbal attack).
    /// </summary>
    private static bool PerformsViolence(SentenceView v, CodedEvent verb, CodedEvent noun) =>
        IsViolent(noun.Code) && !IsViolent(verb.Code) && v.IsAny(verb.Trigger.Start, PerformVerbs);

    private static readonly string[] LeaderNouns = ["leader", "leaders", "chief", "commander", "commanders", "minister", "mayor", "governor", "president",
        "general", "sheikh", "imam", "cleric", "judge", "prosecutor", "head", "emir"];

    private static readonly string[] PrimitiveWeapons = ["machete", "machetes", "knife", "knives", "axe", "axes", "sword", "swords", "spears", "stones",
        "rocks", "clubs", "sticks", "bows", "arrows", "hatchets", "cleavers"];

    private static bool SentenceHasAny(SentenceView v, string[] words)
    {
        for (int i = 0; i < v.Count; i++) if (v.IsAny(i, words)) return true;
        return false;
    }

    private static readonly string[] GivingVerbs = ["give", "gives", "gave", "given", "giving", "provide", "provides", "provided", "providing"];
    private static readonly string[] InformationNouns = ["toll", "tolls", "figure", "figures", "number", "numbers", "details", "detail", "information", "guidance",
        "update", "updates", "account", "statement", "excuse", "explanation", "breakdown", "estimate", "estimates", "assessment", "tally", "version", "interview",
        "reason", "reasons", "name", "names", "indication", "comment", "evidence", "picture", "overview"];

    /// <summary>The object noun phrase after <paramref name="from"/> (up to its first preposition) names information.</summary>
    private static bool InformationObject(SentenceView v, int from)
    {
        for (int i = from; i < Math.Min(v.Count, from + 7); i++)
        {
            if (v.TagAt(i) is Tag.Of or Tag.Prep or Tag.To or Tag.Comma or Tag.Punct or Tag.Verb or Tag.Be or Tag.Conj or Tag.Rel) return false;
            if (v.IsAny(i, InformationNouns)) return true;
        }
        return false;
    }

    private static bool IsTitleFinal(Document d, SentenceView v, Chunk trigger)
    {
        if (d.Article.TitleSpan is not { } title) return false;
        int end = trigger.End;
        while (end < v.Count && v.TagAt(end) is Tag.Punct or Tag.Comma) end++;
        return end >= v.Count && title.Contains(v.SpanOf(trigger));
    }

    /// <summary>
    /// A headline event restating an event of the article's opening sentences ("Air strikes kill 10 children in Aleppo"
    /// above "Ten children ... have been killed in Syrian government air strikes") is the same event: the headline's
    /// evidence span is added to the body event (which keeps its own sentence first), its count (and roles that are
    /// linked entities) fill what the body event lacks, and the headline copy is dropped. Same event = same CAMEO root, or both uses of force
    /// (CAMEO 18-20: a headline's "attack"/"kills" and the body's "air strikes"/"killed"), in the first four sentences
    /// after the headline, not negated or denied.
    /// </summary>
    private static void MergeTitleEvents(Document d, List<(int Sentence, Event Event, string? Kind)> events)
    {
        if (d.Article.TitleSpan is not { } title) return;
        int titleSentence = -1;
        for (int i = 0; i < d.Sentences.Length; i++)
            if (d.Sentences[i].Span.Contains(title.Start)) { titleSentence = i; break; }
        if (titleSentence < 0) return;
        for (int i = 0; i < events.Count; i++)
        {
            var (si, te, _) = events[i];
            if (!title.Contains(te.Trigger)) continue;
            // A headline can come out of the recogniser as one long name ("Shelling hits market in X"): a role that
            // holds the event's own trigger or most of the headline is the headline itself, never a party to the event.
            if (IsHeadlineItself(te.Actor, te, title)) te.Actor = null;
            if (IsHeadlineItself(te.Target, te, title)) te.Target = null;
            var tc = te.Codes.Cameo ?? "";
            if (tc.Length < 2) continue;
            for (int j = 0; j < events.Count; j++)
            {
                var (sj, be, _) = events[j];
                if (title.Contains(be.Trigger) || sj <= titleSentence || sj > titleSentence + 4) continue;
                var bc = be.Codes.Cameo ?? "";
                if (bc.Length < 2 || be.Modality is Modality.Negated or Modality.Denied) continue;
                if (!(bc[..2] == tc[..2] || (IsViolent(bc) && IsViolent(tc)))) continue;
                foreach (var x in te.Evidence) if (!be.Evidence.Contains(x)) be.Evidence.Add(x);
                // a headline's roles are terse ("Syria air strikes kill ..."): only a linked entity fills a missing role
                if (te.Actor?.EntityId is not null) be.Actor ??= te.Actor;
                if (te.Target?.EntityId is not null) be.Target ??= te.Target;
                if (be.Counts.Count == 0) be.Counts.AddRange(te.Counts);
                events.RemoveAt(i);
                i--;
                break;
            }
        }
    }

    private static bool IsHeadlineItself(EventArgument? role, Event e, TextSpan title) => role is { } r
        && (r.Span.Overlaps(e.Trigger) || Math.Min(r.Span.End, title.End) - Math.Max(r.Span.Start, title.Start) > title.Length / 2);

    private static readonly string[] EasingVerbs = ["lifted", "lifts", "lift", "lifting", "eased", "eases", "ease", "easing", "relaxed", "relaxes", "relax",
        "shortened", "shortens", "shorten", "reduced", "scrapped", "scraps", "removed", "removes", "rescinded", "rescinds", "revoked", "revokes"];

    /// <summary>
    /// A restriction noun governed by a verb of easing ("lifted the curfew", "shortened by one hour the nightly curfew"):
    /// the nearest verb within seven words before the noun, with no clause punctuation or conjunction between.
    /// </summary>
    private static bool EasedBy(SentenceView v, CodedEvent ce)
    {
        for (int p = ce.Trigger.Start - 1; p >= 0 && p >= ce.Trigger.Start - 7; p--)
        {
            var t = v.TagAt(p);
            if (v.IsAny(p, EasingVerbs)) return true; // also when outside the dictionary ("shortened" is tagged by context only)
            if (t == Tag.Verb) return false;
            if (t is Tag.Punct or Tag.Comma or Tag.Conj or Tag.Rel) return false;
        }
        return false;
    }

    /// <summary>CAMEO 08 "yield": easing a restriction (0813 curfew, 0814 emergency rule, 085 sanctions/embargo, 081 other administrative restrictions).</summary>
    private static string? EasedCode(string restriction) => restriction switch
    {
        "1723" => "0813",
        "1724" => "0814",
        _ when restriction.StartsWith("163", StringComparison.Ordinal) => "085",
        _ when restriction.StartsWith("172", StringComparison.Ordinal) || restriction == "191" => "081",
        _ => null,
    };

    private static readonly string[] DismissVerbs = ["dismissed", "dismisses", "dismiss", "dismissing", "rebuffed", "rebuffs", "rebuff", "spurned", "spurns", "spurn", "brushed"];
    private static readonly string[] ProposalNouns = ["appeal", "appeals", "request", "requests", "proposal", "proposals", "offer", "offers", "demand", "demands",
        "call", "calls", "plan", "plans", "initiative", "invitation", "ultimatum", "bid", "overture", "overtures", "suggestion", "suggestions"];

    /// <summary>Whether the head of the noun phrase (its last word before an "of"/"from"/"to"/"for" complement) is one of <paramref name="words"/>.</summary>
    private static bool HeadIsAny(SentenceView v, Chunk np, string[] words)
    {
        if (np.IsEmpty) return false;
        int end = np.End;
        for (int i = np.Start; i < np.End; i++)
            if (v.TagAt(i) is Tag.Of or Tag.Prep or Tag.To or Tag.Comma) { end = i; break; }
        return end > np.Start && v.IsAny(end - 1, words);
    }

    private static readonly string[] HaltVerbs = ["ended", "ends", "end", "halted", "halts", "halt", "suspended", "suspends", "suspend", "stopped", "stops", "stop", "froze", "frozen", "freezes", "severed", "cut", "broke", "abandoned", "terminated", "suspension", "halting", "ending"];

    /// <summary>
    /// A cooperative event noun governed by a verb of stopping ("ended mediation efforts", "suspended talks") is a
    /// reduction of relations (CAMEO 16: 164 halt negotiations, 165 halt mediation, else 160).
    /// </summary>
    private static bool HaltedBy(SentenceView v, CodedEvent ce)
    {
        int p = ce.Trigger.Start - 1;
        while (p >= 0 && v.TagAt(p) is Tag.Det or Tag.Poss or Tag.Adv or Tag.Proper or Tag.Of) p--;
        return p >= 0 && v.IsAny(p, HaltVerbs);
    }

    private static string Root(string code) => code.Length >= 2 ? code[..2] : code;

    private static bool IsViolent(string code) =>
        code.StartsWith("18", StringComparison.Ordinal) || code.StartsWith("19", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal);

    private static bool IsMeansCode(string code) => code is "183" or "1831" or "1832" or "1833" or "194" or "195" or "2041";

    private static bool Inside(Chunk inner, Chunk outer) => !outer.IsEmpty && inner.Start >= outer.Start && inner.End <= outer.End;

    /// <summary>The place the event happened at, chosen by the event-location model among the sentence's place mentions (or none).</summary>
    /// <remarks>When the sentence names no place the event happened at, the event inherits the article's place (its
    /// focus place, else its dateline's, else its main country; see EventLocator.ArticlePlace), marked Inherited.</remarks>
    private static EventArgument? Locate(Geo.EventLocator locator, Document d, Sentence s, SentenceView v, TextSpan trigger, int focusPlace, Dictionary<int, Entity> placeEntities)
    {
        var candidates = Geo.EventLocator.Candidates(d, s);
        var choice = locator.Choose(v, Geo.EventLocator.TokenAt(v, trigger.Start), candidates);
        if (choice.Candidate < 0)
        {
            if (focusPlace < 0) return null;
            var f = d.Places[focusPlace];
            var fe = placeEntities.GetValueOrDefault(focusPlace);
            return new EventArgument(f.Text, f.Span, fe?.Id, null) { Inherited = true };
        }
        var c = candidates[choice.Candidate];
        if (c.PlaceIndex >= 0)
        {
            var p = d.Places[c.PlaceIndex];
            var entity = placeEntities.GetValueOrDefault(c.PlaceIndex);
            return new EventArgument(p.Text, p.Span, entity?.Id, null);
        }
        var m = d.Mentions[c.MentionIndex];
        return new EventArgument(m.Text, m.Span, m.EntityId, null);
    }

    /// <summary>The first entity of each resolved place (by its index in Places), looked up once per event.</summary>
    private static Dictionary<int, Entity> PlaceEntities(Document d)
    {
        var byPlace = new Dictionary<int, Entity>();
        foreach (var e in d.Entities) if (e.PlaceIndex is int p) byPlace.TryAdd(p, e);
        return byPlace;
    }

    private static EventArgument? Place(Document d, Sentence s, TextSpan trigger, Dictionary<int, Entity> placeEntities)
    {
        int best = -1, bestDist = int.MaxValue;
        foreach (int i in d.PlacesBySpan.PositionsInside(s.Span))
        {
            var p = d.Places[i];
            // a wire dateline ("BEIRUT, March 3 (Agency) -") says where the report was filed, not where the event was
            if (d.Article.DatelineSpan is { } dateline && dateline.Overlaps(p.Span)) continue;
            int dist = Math.Abs(p.Span.Start - trigger.Start);
            // a country named as an attribute ("U.S. raids", "Russian jets") says whose, not where: only a
            // locative use ("in Syria") makes a country the event's place, and then only when nothing finer is named
            if (p.Precision == PlacePrecision.Country) dist = AfterLocative(d, s, p.Span) ? dist + 10_000 : int.MaxValue - 1;
            if (dist < bestDist) { best = i; bestDist = dist; }
        }
        if (best >= 0)
        {
            var p = d.Places[best];
            var entity = placeEntities.GetValueOrDefault(best);
            return new EventArgument(p.Text, p.Span, entity?.Id, null);
        }
        Mention? m = null;
        foreach (var x in d.MentionsBySpan.Inside(s.Span))
        {
            if (x.Type is not (EntityType.GPE or EntityType.LOC or EntityType.FAC)) continue;
            if (d.Article.DatelineSpan is { } dateline && dateline.Overlaps(x.Span)) continue;
            if (m is null || Math.Abs(x.Span.Start - trigger.Start) < Math.Abs(m.Span.Start - trigger.Start)) m = x;
        }
        return m is null ? null : new EventArgument(m.Text, m.Span, m.EntityId, null);
    }

    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "on", "into", "inside", "outside", "around", "across", "throughout", "within", "from", "toward", "towards", "of",
    };

    /// <summary>Whether the word before <paramref name="place"/> (skipping "the") is a locative preposition.</summary>
    private static bool AfterLocative(Document d, Sentence s, TextSpan place)
    {
        int k = -1;
        for (int i = s.FirstToken; i < s.EndToken; i++) if (d.Tokens[i].Start == place.Start) { k = i; break; }
        if (k <= s.FirstToken) return false;
        var prev = d.Tokens[k - 1];
        if (d.Text.AsSpan(prev.Start, prev.End - prev.Start).Equals("the", StringComparison.OrdinalIgnoreCase) && k - 2 >= s.FirstToken) prev = d.Tokens[k - 2];
        return Locatives.Contains(d.Text[prev.Start..prev.End]);
    }

    private static EventTime? TimeIn(Document d, Sentence s, TextSpan trigger)
    {
        TimeExpression? best = null;
        foreach (var t in d.TimesBySpan.Inside(s.Span))
        {
            if (t.Type == "DURATION") continue;
            if (best is null || Math.Abs(t.Span.Start - trigger.Start) < Math.Abs(best.Span.Start - trigger.Start)) best = t;
        }
        return best is null ? null : new EventTime(best.Text, best.Span, best.Start, best.End, best.Precision, false, best.Relative);
    }

    /// <summary>
    /// Refines a generic use-of-force code by the weapon the sentence names (chemical > suicide > explosive > aerial >
    /// artillery > small arms), so that CAMEO, PLOVER mode and ACLED sub-event type say how the violence was done.
    /// </summary>
    public static string Refine(SentenceView v, string code)
    {
        if (!(code is "190" or "19" or "18" or "180" or "1823" or "183" or "20" or "200" or "202")) return code;
        bool Any(params string[] words)
        {
            for (int i = 0; i < v.Count; i++) if (v.IsAny(i, words)) return true;
            return false;
        }
        bool Pair(string a, string b)
        {
            for (int i = 0; i + 1 < v.Count; i++) if (v.Is(i, a) && v.IsAny(i + 1, b, b + "s")) return true;
            return false;
        }
        if (Any("chemical", "sarin", "chlorine", "toxic", "poison", "nerve") && (Any("gas", "gases", "attack", "weapons", "agent", "substance") )) return "2041";
        if (Any("suicide")) return "1831";
        if (code == "183") return code;
        if (Pair("roadside", "bomb") || Pair("roadside", "bombing") || Pair("car", "bomb") || Pair("car", "bombing") || Any("IED", "IEDs") || Pair("explosive", "device")) return "183";
        if (Any("airstrike", "airstrikes", "warplanes", "warplane", "jets", "helicopter", "helicopters", "aircraft", "drone", "drones", "aerial", "air-raid", "bombing", "bombings", "bombed", "raids", "strikes")
            || Pair("air", "strike") || Pair("air", "raid") || Pair("barrel", "bomb")) return "195";
        if (Any("shelling", "shells", "shelled", "artillery", "mortar", "mortars", "rocket", "rockets", "missile", "missiles", "bombardment", "shell")) return "194";
        if (Any("explosion", "explosive", "explosives", "IED", "blast", "landmine", "landmines", "minefield", "booby-trapped", "detonated", "bomb", "bombs", "bombing", "bombings", "bomber") || Pair("car", "bomb") || Pair("roadside", "bomb")) return "183";
        if (code is "190" or "19" && Any("sniper", "gunfire", "gunmen", "shot", "shooting", "clashes", "clashed")) return "193";
        if (Any("executed", "execution", "executions", "beheaded", "beheading")) return "1823";
        return code;
    }

    /// <summary>
    /// CAMEO 166 "expel or withdraw" (1661 peacekeepers, 1662 inspectors and observers, 1663 aid agencies) rather than 174
    /// "expel or deport individuals" when the expelled are a foreign presence: diplomats, inspectors, monitors,
    /// peacekeepers, aid workers (CAMEO codebook definitions).
    /// </summary>
    private static bool StrikeWord(SentenceView v, Chunk trigger)
    {
        for (int i = trigger.Start; i < trigger.End; i++)
            if (v.IsAny(i, "strike", "strikes", "striking", "struck", "stoppage", "walkout", "walked")) return true;
        return false;
    }

    internal static string? ExpelledPresence(SentenceView v, Chunk target)
    {
        if (target.IsEmpty) return null;
        for (int i = target.Start; i < target.End; i++)
        {
            if (v.IsAny(i, "peacekeepers", "peacekeeping")) return "1661";
            if (v.IsAny(i, "inspectors", "inspector", "observers", "observer", "monitors")) return "1662";
            if (v.IsAny(i, "agencies", "NGOs", "NGO") || (v.Is(i, "aid") && v.IsAny(i + 1, "workers", "agencies", "groups"))) return "1663";
            if (v.IsAny(i, "diplomats", "diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "embassy")) return "166";
        }
        return null;
    }

    private static bool IsKilling(SentenceView v, CodedEvent ce)
    {
        for (int i = ce.Trigger.Start; i < ce.Trigger.End; i++)
            if (v.IsAny(i, "kill", "killed", "kills", "killing", "murder", "murdered", "murders", "slain", "slay", "slew", "assassinated", "executed", "beheaded", "shot")) return true;
        return false;
    }

    private static readonly string[] CombatantWords = ["soldiers", "soldier", "troops", "fighters", "fighter", "militants", "rebels", "guerrillas", "insurgents", "gunmen", "militiamen", "combatants", "forces", "army", "servicemen", "jihadists", "terrorists", "members"];

    private static bool TargetsCombatants(SentenceView v, Chunk target)
    {
        if (target.IsEmpty) return true; // unknown victims: keep the generic use of force
        for (int i = target.Start; i < target.End; i++) if (v.IsAny(i, CombatantWords)) return true;
        return false;
    }

    private static readonly string[] CivilianTargets = ["civilians", "civilian", "refugees", "refugee", "villagers", "residents", "worshippers", "passengers", "children", "women", "journalists", "hospital", "school", "market", "mosque", "church", "camp", "convoy", "displaced"];

    private static bool TargetsCivilians(SentenceView v, Chunk target)
    {
        if (target.IsEmpty || TargetsCombatants(v, target)) return false;
        for (int i = target.Start; i < target.End; i++) if (v.IsAny(i, CivilianTargets)) return true;
        return false;
    }

    private static readonly string[] PropertyNouns = ["home", "homes", "house", "houses", "building", "buildings", "office", "offices",
        "line", "lines", "site", "sites", "shop", "shops", "store", "stores", "car", "cars", "vehicle", "vehicles", "bridge", "bridges",
        "pipeline", "pipelines", "property", "properties", "crops", "farms", "mosque", "mosques", "church", "churches", "school", "schools",
        "station", "stations", "plant", "plants", "factory", "factories", "headquarters", "tower", "towers", "warehouse", "warehouses"];

    /// <summary>
    /// Whether the target is things, not people: the head of its first noun phrase (before "of", a preposition or a
    /// comma) is a building, vehicle, line or other property. CAMEO 1712 "Destroy property" then refines 180/190.
    /// </summary>
    private static bool TargetsProperty(SentenceView v, Chunk target)
    {
        if (target.IsEmpty || TargetsCombatants(v, target) || TargetsCivilians(v, target)) return false;
        int head = -1;
        for (int i = target.Start; i < target.End; i++)
        {
            if (v.TagAt(i) is Tag.Of or Tag.Prep or Tag.Comma or Tag.Rel or Tag.Punct or Tag.Verb) break;
            if (v.TagAt(i) is Tag.Noun or Tag.Proper) head = i;
        }
        return head >= 0 && v.IsAny(head, PropertyNouns);
    }

    /// <summary>
    /// A definite event noun that refers back to an event already coded ("The release of these members by the regime",
    /// "the release falls within ...") is the same event, not a new one: its sentence becomes evidence of the earlier event
    /// and fills the roles it lacked. Avoids GDELT-style duplicates of one occurrence.
    /// </summary>
    private void FoldAnaphoric(Document d, List<(int Sentence, Event Event, string? Kind)> events)
    {
        // the last kept event of each CAMEO prefix that may take a retelling (not negated or denied): one lookup per
        // event instead of a scan back over all earlier ones, and the list compacted once (issue 18)
        var lastOfCode = new Dictionary<string, Event>(StringComparer.Ordinal);
        int kept = 0;
        for (int i = 0; i < events.Count; i++)
        {
            var ev = events[i].Event;
            var code = ev.Codes.Cameo ?? "";
            if (i > 0 && code.Length >= 3 && AfterDefinite(d, ev.Trigger) && lastOfCode.TryGetValue(code[..3], out var prior))
            {
                prior.Evidence.AddRange(ev.Evidence.Where(x => !prior.Evidence.Contains(x)));
                prior.AddSources(ev.Sources); // "Hezbollah said the attack ...": who tells the later mention tells the event too
                prior.Actor ??= ev.Actor;
                prior.Target ??= ev.Target;
                if (prior.Counts.Count == 0) prior.Counts.AddRange(ev.Counts);
                continue;
            }
            events[kept++] = events[i];
            if (code.Length >= 3 && ev.Modality is not (Modality.Negated or Modality.Denied)) lastOfCode[code[..3]] = ev;
        }
        events.RemoveRange(kept, events.Count - kept);
    }

    /// <summary>Whether the word before the trigger is "the", "this" or "these" (the trigger is not the text's first token).</summary>
    private static bool AfterDefinite(Document d, TextSpan trigger)
    {
        int lo = d.FirstTokenFrom(trigger.Start);
        if (lo <= 0 || lo >= d.Tokens.Length || d.Tokens[lo].Start != trigger.Start) return false;
        var prev = d.Tokens[lo - 1];
        var word = d.Text.AsSpan(prev.Start, prev.End - prev.Start);
        return word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("this", StringComparison.OrdinalIgnoreCase)
            || word.Equals("these", StringComparison.OrdinalIgnoreCase);
    }

    private static double Confidence(CodedEvent ce, Event ev)
    {
        double c = ce.Nominal ? 0.45 : 0.55;
        if (ev.Actor is not null) c += 0.15;
        if (ev.Actor?.EntityId is not null) c += 0.05;
        if (ev.Target is not null) c += 0.1;
        if (ce.PatternLine > 0) c += 0.1;
        return Math.Round(Math.Min(0.95, c), 2);
    }
}
