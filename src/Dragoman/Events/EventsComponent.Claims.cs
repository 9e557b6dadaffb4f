using Dragoman.Documents;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

public sealed partial class EventsComponent
{
    /// <summary>
    /// "The Western Front has claimed responsibility for Monday's ambush, according to a news agency": the party that
    /// claims the act is the first link of who tells it (the relaying speakers follow). The subject of a claim of
    /// responsibility within the eight words before the trigger (the window the modality rule reads), over auxiliaries,
    /// adverbs and a parenthesised short form; a name joined over "in", "of" or "for" stays whole.
    /// </summary>
    internal static Chunk ClaimantOf(SentenceView v, int trigger)
    {
        for (int i = Math.Max(0, trigger - 8); i < trigger; i++)
        {
            if (!v.IsAny(i, "claimed", "claims", "claim") || !v.IsAny(i + 1, "responsibility")) continue;
            int j = i - 1;
            while (j >= 0 && v.TagAt(j) is Tag.Have or Tag.Adv or Tag.Modal) j--;
            if (j >= 2 && v.Word(j) is ")")
            {
                int open = j - 1;
                while (open > 0 && v.Word(open) is not "(" && j - open < 6) open--;
                if (v.Word(open) is "(") j = open - 1;
            }
            if (j < 0 || !v.IsNominal(j) || v.TagAt(j) == Tag.Pron) return Chunk.None;
            var np = v.NounPhraseEndingAt(j);
            while (np.Start >= 2 && v.IsAny(np.Start - 1, "in", "of", "for") && v.TagAt(np.Start) == Tag.Proper && v.TagAt(np.Start - 2) == Tag.Proper
                   && v.NounPhraseEndingAt(np.Start - 2) is { IsEmpty: false } left)
                np = new Chunk(left.Start, np.End);
            return np;
        }
        return Chunk.None;
    }

    /// <summary>The claimant put first in the event's sources, unless a link already names it.</summary>
    private static void AddClaimant(SentenceView v, CodedEvent ce, Event ev)
    {
        var claimant = ClaimantOf(v, ce.Trigger.Start);
        if (claimant.IsEmpty) return;
        var name = v.TextOf(claimant);
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) name = name[4..];
        if (ev.Sources.Exists(s => s.Name.Contains(name, StringComparison.OrdinalIgnoreCase))) return;
        bool named = false;
        for (int i = claimant.Start; i < claimant.End && !named; i++) named = v.TagAt(i) == Tag.Proper;
        ev.Sources.Insert(0, new SourceRef(named ? SourceKind.Named : SourceKind.Anonymous, name, null, v.SpanOf(claimant)));
    }
}
