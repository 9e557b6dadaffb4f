using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>
/// Roles that follow from the clause around a trigger rather than from its neighbouring words:
/// <list type="bullet">
/// <item>a participle coordinated with a passive one shares its voice: in "were beaten and arrested by troops" both verbs
/// have the passive subject as target and the "by" agent as actor (the subject is what was done to, never the actor);</item>
/// <item>the party that claims (or denies) responsibility for an event is that event's actor: "X claimed responsibility
/// for an ambush that killed 28 soldiers" has X as the actor of the ambush and of the killing;</item>
/// <item>a pronoun subject of a reported clause stands for the speaker of the reporting verb: "the group said it killed
/// 70 soldiers".</item>
/// </list>
/// </summary>
internal static class ClauseRoles
{
    private static readonly string[] ResponsibilityVerbs = ["claim", "claims", "claimed", "claiming", "take", "takes", "took", "taking",
        "accept", "accepts", "accepted", "deny", "denies", "denied", "denying", "admit", "admits", "admitted"];

    private static readonly string[] ResponsibilityNouns = ["responsibility", "credit"];

    private static readonly string[] SubjectPronouns = ["it", "they", "he", "she"];

    /// <summary>How far after a responsibility claim its event may stand (tokens): the claimed event and its relative clause.</summary>
    private const int ClaimReach = 25;

    /// <summary>The clause-level corrections of a coded event's roles: voice shared by coordinated participles, resultative objects.</summary>
    public static CodedEvent FromClause(SentenceView v, CodedEvent ce)
    {
        ce = ResultativeObject(v, CoordinatedPassive(v, ce));
        return ce.Passive && !ce.Nominal ? ce with { Target = WithLeadingConjunct(v, ce.Target) } : ce;
    }

    /// <summary>
    /// "shot dead three protesters", "gunned down two officers": a resultative word between the verb and its object is
    /// not the object; the noun phrase after it is.
    /// </summary>
    public static CodedEvent ResultativeObject(SentenceView v, CodedEvent ce)
    {
        if (ce.Nominal || ce.Passive || ce.Reversed || ce.Target.Start != ce.Trigger.End || !v.IsAny(ce.Target.Start, "dead", "down")) return ce;
        var obj = v.Object(ce.Trigger.End);
        return obj.IsEmpty ? ce : ce with { Target = obj };
    }

    /// <summary>"were beaten and arrested by troops": the second participle of a passive pair takes its voice, subject and agent.</summary>
    public static CodedEvent CoordinatedPassive(SentenceView v, CodedEvent ce)
    {
        if (ce.Nominal || ce.Reversed) return ce;
        int k = ce.Trigger.Start;
        if (!ce.Passive && k >= 2 && v.IsAny(k - 1, "and", "or") && v.TagAt(k - 2) == Tag.Verb && v.IsPassive(k - 2)
            && IsParticiple(v, k) && !v.IsNominal(ce.Trigger.End))
            return ce with { Passive = true, Target = v.Subject(k - 2), Actor = v.ByAgent(ce.Trigger.End - 1) };
        // coordinated active verbs share their subject and object: "police shot and killed six people", "murdered and beheaded four people"
        if (!ce.Passive && ce.Actor.IsEmpty && k >= 2 && v.IsAny(k - 1, "and") && v.TagAt(k - 2) == Tag.Verb && !v.IsPassive(k - 2))
            ce = ce with { Actor = v.Subject(k - 2) };
        if (!ce.Passive && ce.Target.IsEmpty && v.IsAny(ce.Trigger.End, "and") && v.TagAt(ce.Trigger.End + 1) == Tag.Verb && !v.IsPassive(ce.Trigger.End + 1))
            ce = ce with { Target = v.Object(ce.Trigger.End + 1) };
        // the first participle's agent stands after the second: "were beaten and arrested | by troops"
        if (ce.Passive && ce.Actor.IsEmpty && v.IsAny(ce.Trigger.End, "and", "or") && v.TagAt(ce.Trigger.End + 1) == Tag.Verb)
            return ce with { Actor = v.ByAgent(ce.Trigger.End + 1) };
        return ce;
    }

    private static bool IsParticiple(SentenceView v, int k)
    {
        var w = v.Word(k);
        return v.TagAt(k) == Tag.Verb && !w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("s", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The subject of a responsibility claim ("claimed responsibility for", "took credit for", "denied responsibility for")
    /// that governs the trigger: the claim stands before the trigger in the same sentence, at most <see cref="ClaimReach"/>
    /// tokens away, with no sentence punctuation between. <see cref="Chunk.None"/> when there is none.
    /// </summary>
    public static Chunk Claimant(SentenceView v, Chunk trigger)
    {
        for (int c = trigger.Start - 2; c >= 0 && trigger.Start - c <= ClaimReach; c--)
        {
            if (v.IsAny(c, ";", ".", ":")) break;
            if (!v.IsAny(c, ResponsibilityVerbs)) continue;
            // "claimed responsibility for", "denied any responsibility for"
            int n = v.IsAny(c + 1, "any", "the", "full") ? c + 2 : c + 1;
            if (!v.IsAny(n, ResponsibilityNouns) || !v.IsAny(n + 1, "for", "of") || n + 1 >= trigger.Start) continue;
            var subject = v.Subject(c);
            return subject.End <= c ? subject : Chunk.None;
        }
        return Chunk.None;
    }

    /// <summary>
    /// "the group said it killed 70 soldiers", "Hezbollah said they responded": a subject pronoun opening a clause reported
    /// by a speech verb, directly or past its prepositional adjuncts ("said in a statement they"), stands for that verb's
    /// subject; other roles are returned unchanged.
    /// </summary>
    public static Chunk SpeakerForPronoun(SentenceView v, Chunk role)
    {
        if (role.Length != 1 || v.TagAt(role.Start) != Tag.Pron || !v.IsAny(role.Start, SubjectPronouns)) return role;
        int p = role.Start - 1;
        if (v.Is(p, "that")) p--;
        // over up to two prepositional adjuncts after the cue: "said on Monday it had fired", "said in a statement they had detained"
        for (int skipped = 0; skipped < 2 && p >= 2 && !(v.TagAt(p) == Tag.Verb && SpeechLexicon.Cues.Contains(v.Word(p).ToString())); skipped++)
        {
            if (!v.IsNominal(p) || v.NounPhraseEndingAt(p) is not { IsEmpty: false } adjunct || adjunct.Start < 2 || v.TagAt(adjunct.Start - 1) != Tag.Prep) break;
            p = adjunct.Start - 2;
        }
        if (p < 1 || v.TagAt(p) != Tag.Verb || !SpeechLexicon.Cues.Contains(v.Word(p).ToString())) return role;
        var speaker = v.Subject(p);
        return speaker.IsEmpty || speaker.End > p || (speaker.Length == 1 && v.TagAt(speaker.Start) == Tag.Pron) ? role : speaker;
    }

    /// <summary>"He and three others were killed": a role that the syntax began after an "and" takes the conjunct that opens its clause.</summary>
    public static Chunk WithLeadingConjunct(SentenceView v, Chunk role)
    {
        if (role.IsEmpty || role.Start < 2 || !v.Is(role.Start - 1, "and")) return role;
        var first = v.NounPhraseEndingAt(role.Start - 2);
        if (first.IsEmpty) return role;
        bool opensClause = first.Start == 0 || v.TagAt(first.Start - 1) is Tag.Comma or Tag.Punct or Tag.Conj;
        return opensClause ? new Chunk(first.Start, role.End) : role;
    }

    /// <summary>Verbs that put their subject under an event noun of force: "came under fire", "was under heavy shelling".</summary>
    private static readonly string[] UnderVerbs = ["come", "comes", "came", "coming", "remain", "remains", "remained", "remaining", "fall", "falls", "fell", "falling"];

    /// <summary>
    /// "a convoy came under fire in the area", "the town was under heavy shelling for an hour, the mayor told a channel": an
    /// event noun after "under" (past its modifiers: "heavy", "Russian"), itself after a form of "be" or of a verb of
    /// coming or falling, happens to that verb's subject. The clause is an agentless passive in all but its form, so the
    /// subject, with a place phrase that closes it when it opens the clause ("the town of X in the east of Y"), is the
    /// target. <see cref="Chunk.None"/> when the trigger is no such noun.
    /// </summary>
    public static Chunk UnderAttackSubject(SentenceView v, CodedEvent ce)
    {
        if (!ce.Nominal) return Chunk.None;
        int p = ce.Trigger.Start - 1;
        for (int mods = 0; mods < 3 && p >= 0 && v.TagAt(p) is Tag.Noun or Tag.Proper or Tag.Adv && !v.Is(p, "under"); mods++) p--;
        if (!v.Is(p, "under")) return Chunk.None;
        int verb = p - 1;
        while (verb >= 0 && v.TagAt(verb) == Tag.Adv) verb--;
        if (verb < 0 || !(v.TagAt(verb) == Tag.Be || (v.TagAt(verb) == Tag.Verb && v.IsAny(verb, UnderVerbs)))) return Chunk.None;
        var subject = v.Subject(verb);
        if (subject.IsEmpty || subject.End > v.VerbGroupStart(verb) || (subject.Length == 1 && v.TagAt(subject.Start) == Tag.Pron)) return Chunk.None;
        var widened = EventsComponent.SubjectOverAdjunct(v, subject);
        return widened.IsEmpty ? subject : widened;
    }

    /// <summary>Prepositions that name what a weapon or an act is aimed at: "fired at", "imposed sanctions on", "rockets into".</summary>
    private static readonly string[] AimPreps = ["at", "on", "against", "toward", "towards", "into", "upon"];

    /// <summary>
    /// "fired a missile at the convoy", "launched rockets on the town", "imposed sanctions on the ministry", "fired four
    /// missiles that hit a depot": where the object of an active verb names what is used or done (a weapon or form of
    /// violence, data/events/weapon-heads.tsv, or an act the sentence codes as an event noun), it is the means, and the
    /// party it is aimed at follows it, after a preposition of aim or as the object of a relative clause on it. That
    /// party is the target. <see cref="Chunk.None"/> when the object names a party or nothing follows it so.
    /// </summary>
    public static Chunk AimedAt(SentenceView v, CodedEvent ce, List<CodedEvent> coded)
    {
        if (ce.Nominal || ce.Passive || ce.Reversed) return Chunk.None;
        var obj = v.Object(ce.Trigger.End - 1);
        if (obj.IsEmpty || obj.Start < ce.Trigger.End || v.TagAt(obj.Start - 1) is Tag.Prep or Tag.To) return Chunk.None;
        int head = obj.End - 1;
        for (int i = obj.Start + 1; i < obj.End; i++)
            if (v.TagAt(i) is Tag.Prep or Tag.Of or Tag.Comma or Tag.Rel or Tag.By) { head = i - 1; break; }
        if (v.TagAt(head) is not Tag.Noun) return Chunk.None;
        bool means = Roles.RoleCandidates.IsWeapon(v.Word(head).ToString())
            || coded.Exists(n => n.Nominal && n.Trigger.End - 1 == head && n.Trigger.Start >= obj.Start);
        if (!means) return Chunk.None;
        int p = head + 1;
        if (v.IsAny(p, AimPreps) && v.IsNominal(p + 1) && v.TagAt(p + 1) != Tag.Pron) return v.NounPhraseStartingAt(p + 1);
        // "missiles that hit a depot": the relative clause's own object
        if (v.TagAt(p) == Tag.Rel && v.TagAt(p + 1) == Tag.Verb && !v.IsPassive(p + 1))
        {
            var hit = v.Object(p + 1);
            if (!hit.IsEmpty && hit.Start > p + 1 && v.TagAt(hit.Start - 1) is not (Tag.Prep or Tag.To)) return hit;
        }
        return Chunk.None;
    }

    private static readonly string[] AgentParticles = ["out"];

    /// <summary>
    /// The agent of an event noun given after it: "an attack by armed men", "a shooting carried out by suspected rebels",
    /// "attacks waged by terrorists" (a participle, with "out", then "by"); <see cref="Chunk.None"/> when there is none.
    /// </summary>
    public static Chunk NominalAgent(SentenceView v, Chunk trigger)
    {
        int p = trigger.End;
        if (v.TagAt(p) == Tag.Verb && v.Word(p).EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            p++;
            if (v.IsAny(p, AgentParticles)) p++;
            if (v.TagAt(p) != Tag.By) return Chunk.None;
        }
        return v.TagAt(p) == Tag.By && v.IsNominal(p + 1) ? v.NounPhraseStartingAt(p + 1) : Chunk.None;
    }

    /// <summary>"ISIS launched an attack on the post", "forces committed a massacre": an event noun that is the object of a light verb takes its subject.</summary>
    public static Chunk LightVerbSubject(SentenceView v, Chunk trigger, IReadOnlySet<string> lightVerbs)
    {
        int p = trigger.Start - 1;
        while (p >= 0 && v.TagAt(p) is Tag.Det or Tag.Num or Tag.Adv or Tag.Poss or Tag.Noun or Tag.Proper) p--;
        if (p < 0 || v.TagAt(p) != Tag.Verb || !lightVerbs.Contains(v.Word(p).ToString())) return Chunk.None;
        var subject = v.Subject(p);
        return subject.End <= p ? subject : Chunk.None;
    }
}
