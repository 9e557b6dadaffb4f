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
    /// by a speech verb stands for that verb's subject; other roles are returned unchanged.
    /// </summary>
    public static Chunk SpeakerForPronoun(SentenceView v, Chunk role)
    {
        if (role.Length != 1 || v.TagAt(role.Start) != Tag.Pron || !v.IsAny(role.Start, SubjectPronouns)) return role;
        int p = role.Start - 1;
        if (v.Is(p, "that")) p--;
        // "said on Monday it had fired": over a time adjunct after the cue
        if (p >= 2 && v.IsTemporal(p) && v.NounPhraseEndingAt(p) is { IsEmpty: false } when && when.Start >= 1 && v.TagAt(when.Start - 1) == Tag.Prep) p = when.Start - 2;
        // "said in a statement they had detained", "said on its channel it fired": over the medium the speaker said it in
        else if (p >= 3 && v.TagAt(p) is Tag.Noun or Tag.Proper && v.NounPhraseEndingAt(p) is { IsEmpty: false } medium && medium.Start >= 2
            && v.TagAt(medium.Start - 1) == Tag.Prep && v.TagAt(medium.Start - 2) == Tag.Verb && SpeechLexicon.Cues.Contains(v.Word(medium.Start - 2).ToString())) p = medium.Start - 2;
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
