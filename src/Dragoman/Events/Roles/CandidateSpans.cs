using Dragoman.Documents;
using Dragoman.Text.Syntax;

namespace Dragoman.Events.Roles;

/// <summary>
/// The clause structure inside and around a role candidate: where a phrase can be cut so that it names the party alone
/// (before an apposition, a relative clause, a second conjunct or a trailing place phrase), what it holds (a comma, a
/// coordination, a relative word, a locative phrase), and whether it is itself an apposition of the phrase before it.
/// </summary>
internal static class CandidateSpans
{
    /// <summary>Whether any of <paramref name="spans"/> overlaps <paramref name="span"/>: a loop, since a lambda over the
    /// span allocated a closure and a delegate per candidate phrase (the role features' largest allocation).</summary>
    public static bool OverlapsAny(List<TextSpan> spans, TextSpan span)
    {
        foreach (var s in spans) if (s.Overlaps(span)) return true;
        return false;
    }

    /// <summary>
    /// The phrase cut at its first seam: before a comma or relative word ("Damascus, and the families", "the men who
    /// fled"), around a coordination (each side of "and" / "or"), before a locative preposition ("an arms factory in the
    /// capital"). Each cut keeps a nominal last word; the whole phrase stays a candidate of its own.
    /// </summary>
    public static IEnumerable<Chunk> Trimmed(SentenceView v, Chunk ch)
    {
        for (int i = ch.Start + 1; i < ch.End; i++)
        {
            bool seam = v.TagAt(i) is Tag.Comma or Tag.Rel or Tag.Conj || v.IsAny(i, "and", "or") || v.IsAny(i, EventsComponent.LocativePreps);
            if (!seam) continue;
            if (v.IsNominal(i - 1) && v.TagAt(i - 1) is not Tag.Det) yield return new Chunk(ch.Start, i);
            // the conjunct after "and" ("the Houthis and the army": the army)
            if ((v.IsAny(i, "and", "or") || v.TagAt(i) is Tag.Conj) && i + 1 < ch.End && v.IsNominal(i + 1))
            {
                var right = v.NounPhraseStartingAt(i + 1);
                if (!right.IsEmpty && right.End <= ch.End) yield return right;
            }
            yield break;
        }
    }

    /// <summary>What a phrase holds: a comma, a coordination, a relative word, a locative preposition (a phrase spanning a seam names more than one party, or a party and a place).</summary>
    public static void Shape(FeatureSet f, SentenceView v, Chunk ch)
    {
        bool comma = false, coordination = false, relative = false, locative = false;
        for (int i = ch.Start + 1; i < ch.End; i++)
        {
            if (v.TagAt(i) is Tag.Comma) comma = true;
            else if (v.TagAt(i) is Tag.Rel) relative = true;
            else if (v.TagAt(i) is Tag.Conj || v.IsAny(i, "and", "or")) coordination = true;
            else if (v.IsAny(i, EventsComponent.LocativePreps)) locative = true;
        }
        if (comma) f.On("holds_comma");
        if (coordination) f.On("holds_coordination");
        if (relative) f.On("holds_relative");
        if (locative) f.On("holds_locative");
    }

    /// <summary>
    /// The noun phrase a phrase stands in apposition to ("The Network, a monitoring group, recorded": the Network): the
    /// phrase follows it after a comma and is closed by a comma or the sentence's end; none otherwise.
    /// </summary>
    public static Chunk AppositionHost(SentenceView v, Chunk ch)
    {
        if (ch.Start < 2 || v.TagAt(ch.Start - 1) is not Tag.Comma || !v.IsNominal(ch.Start - 2)) return Chunk.None;
        if (ch.End < v.Count && v.TagAt(ch.End) is not (Tag.Comma or Tag.Punct)) return Chunk.None;
        return v.NounPhraseEndingAt(ch.Start - 2);
    }

    public static bool IsApposition(SentenceView v, Chunk ch) => !AppositionHost(v, ch).IsEmpty;

    /// <summary>
    /// The noun phrase a relative clause before the trigger's verb group hangs on ("Dozens of young men who had returned
    /// to the town were detained": Dozens of young men), found by the nearest relative word to the left with no comma
    /// between; closed when the relative clause has a verb of its own before the trigger (the trigger is then the main
    /// clause's verb and the phrase its subject), open when the trigger is the relative clause's verb ("a man who attacked").
    /// </summary>
    public static (Chunk Antecedent, bool Closed) RelativeAntecedent(SentenceView v, Chunk trigger)
    {
        int start = v.VerbGroupStart(trigger.Start);
        bool verb = false;
        for (int i = start - 1; i > 0; i--)
        {
            var t = v.TagAt(i);
            if (t is Tag.Comma or Tag.Punct) break;
            if (t is Tag.Verb) verb = true;
            if (t is not Tag.Rel) continue;
            if (!v.IsNominal(i - 1)) break;
            return (v.NounPhraseEndingAt(i - 1), verb);
        }
        return (Chunk.None, false);
    }
}

/// <summary>Who an article's attributions name as saying something: the sources' evidence spans, entities and names.</summary>
internal sealed record AttributionSources(List<TextSpan> Spans, HashSet<string> Entities, HashSet<string> Names)
{
    /// <summary>Whether a phrase (its span, the entity of its mention, its text) is one of the sources.</summary>
    public bool Holds(TextSpan span, string? entityId, string text) =>
        (entityId is not null && Entities.Contains(entityId)) || CandidateSpans.OverlapsAny(Spans, span) || Names.Contains(text);
}
