using Dragoman.Documents;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

public sealed partial class EventsComponent
{
    /// <summary>
    /// The accusation whose complement states the event: "rights groups accused the army of killing nine villagers",
    /// "the ministry blamed the rebels for the shelling", "the police were accused of torturing detainees". A disapproval
    /// or accusation (CAMEO 11) before the trigger, then its object, then "of" or "for" governing the trigger (adverbs,
    /// determiners and modifiers aside), with no clause boundary between. The act is then told by the accuser.
    /// </summary>
    internal static CodedEvent? AccusationOf(SentenceView v, CodedEvent act, List<CodedEvent> coded)
    {
        int p = act.Trigger.Start - 1;
        if (act.Nominal) p = EventCoder.PhraseHeadPreposition(v, act.Trigger.Start);
        else while (p >= 0 && v.TagAt(p) == Tag.Adv) p--;
        if (p < 1 || !v.IsAny(p, "of", "for")) return null;
        foreach (var o in coded)
        {
            if (o == act || o.Nominal || o.Reversed || o.Trigger.End > p || p - o.Trigger.End > 12 || !o.Code.StartsWith("11", StringComparison.Ordinal)) continue;
            bool sameClause = true;
            for (int i = o.Trigger.End; i < p && sameClause; i++)
                sameClause = v.TagAt(i) is not (Tag.Punct or Tag.Verb or Tag.Rel or Tag.Be) && !v.IsAny(i, ";", ":");
            if (sameClause) return o;
        }
        return null;
    }

    /// <summary>
    /// Who tells an accused act: the accuser (the accusation's actor, when the clause names one) before the sentence's
    /// own chain, with the accusation verb as the cue, so the act is reported, not asserted by the outlet.
    /// </summary>
    private static Documents.Attribution AccuserAttribution(SentenceView v, CodedEvent accusation, Documents.Attribution? outer, TextSpan sentence)
    {
        var chain = new List<SourceRef>();
        var accuser = accusation.Actor;
        if (!accuser.IsEmpty)
        {
            bool named = false;
            for (int i = accuser.Start; i < accuser.End && !named; i++) named = v.TagAt(i) == Tag.Proper;
            chain.Add(new SourceRef(named ? SourceKind.Named : SourceKind.Anonymous, v.TextOf(accuser), null, v.SpanOf(accuser)));
        }
        if (outer is not null) chain.AddRange(outer.Chain);
        return new Documents.Attribution { Scope = sentence, Cue = v.SpanOf(accusation.Trigger), Chain = chain };
    }
}
