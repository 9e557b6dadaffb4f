using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Events.Context;

/// <summary>
/// The word lists of data/events/context-words.tsv (list TAB word): who protests, who enforces order, what is a
/// settlement. Sources in the file's header.
/// </summary>
public sealed class ContextWords
{
    private readonly Dictionary<string, HashSet<string>> _lists = new(StringComparer.Ordinal);

    public const string FileName = "context-words.tsv";

    public static Result<ContextWords> Parse(string tsv)
    {
        var w = new ContextWords();
        foreach (var (n, f) in TsvRows.Read(tsv))
        {
            if (f.Length != 2 || f[0].Length == 0 || f[1].Length == 0) return Result<ContextWords>.Fail($"{FileName} line {n}: expected LIST<TAB>WORD");
            if (!w._lists.TryGetValue(f[0], out var set)) w._lists[f[0]] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            set.Add(f[1].Trim());
        }
        foreach (var needed in new[] { "protest", "security", "settlement" })
            if (!w._lists.ContainsKey(needed)) return Result<ContextWords>.Fail($"{FileName}: no '{needed}' words");
        return w;
    }

    public static Result<ContextWords> LoadBundled()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "events", FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Result<ContextWords>.Fail($"event context words not found: {path}");
    }

    public bool Has(string list, string word) => _lists.TryGetValue(list, out var s) && s.Contains(word);

    /// <summary>Whether <paramref name="span"/>'s text holds an entry of the list (one word or several, "tear gas") as whole words.</summary>
    public bool AnyPhraseIn(Document d, TextSpan span, string list)
    {
        if (!_lists.TryGetValue(list, out var set)) return false;
        var text = d.Text.AsSpan(span.Start, span.End - span.Start);
        foreach (var entry in set)
            for (int from = 0, at; (at = text[from..].IndexOf(entry, StringComparison.OrdinalIgnoreCase)) >= 0; from += at + 1)
            {
                int start = from + at, end = start + entry.Length;
                if ((start == 0 || !char.IsLetter(text[start - 1])) && (end == text.Length || !char.IsLetter(text[end]))) return true;
            }
        return false;
    }

    /// <summary>Whether any word of <paramref name="span"/> in the document is on the list.</summary>
    public bool AnyIn(Document d, TextSpan span, string list)
    {
        if (!_lists.TryGetValue(list, out var set)) return false;
        var words = set.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = d.FirstTokenFrom(span.Start); k < d.Tokens.Length; k++)
        {
            var t = d.Tokens[k];
            if (t.End > span.End) break;
            if (t.Kind == TokenKind.Word && words.Contains(d.Text.AsSpan(t.Start, t.End - t.Start))) return true;
        }
        return false;
    }
}

/// <summary>
/// Types an event by the situation its sentence describes, where the verb alone cannot tell (articles-gold coding
/// rules, ACLED Codebook): force used by police or security forces on a protest is repression, COERCE (CAMEO 175,
/// ACLED "excessive force against protesters"), not an armed assault; violence by the protesters themselves is a
/// violent protest, PROTEST riot (CAMEO 145), but looting by others is the seizure of property, COERCE (CAMEO 1711);
/// force with the weapons of crowd control (tear gas, rubber bullets) by police or troops is repression, COERCE (CAMEO 175);
/// a town or village seized is territory taken by force, ASSAULT (CAMEO
/// 192, ACLED "non-state actor overtakes territory"), not the seizure of goods or people.
/// </summary>
public sealed class EventContextComponent(CodeTables codes, ContextWords? words) : IDocumentComponent
{
    public string Name => "event-context";
    public Layer Requires => Layer.Events | Layer.Sentences;
    public Layer Provides => Layer.None;
    public bool Refines => true;

    public void Process(Document document)
    {
        if (words is null) return; // without the word file the events stage's types stay
        // every event's type first, then applied: stopped by the article's time budget, the stage leaves the events as they were
        var retyped = new (string Cameo, string? Plover)?[document.Events.Count];
        for (int i = 0; i < retyped.Length; i++)
        {
            document.Cancellation.ThrowIfCancellationRequested();
            retyped[i] = Retype(document, document.Events[i]);
        }
        for (int i = 0; i < retyped.Length; i++)
            if (retyped[i] is { } r)
            {
                var e = document.Events[i];
                e.Action = codes.Action(r.Cameo);
                e.Codes = codes.Codes(r.Cameo, r.Plover is null ? null : new PloverCode(r.Plover, null, e.Codes.Plover?.Context ?? []));
            }
    }

    /// <summary>The CAMEO code (and PLOVER type where it differs from CAMEO2PLOVER) the context gives, or null to keep the event's.</summary>
    public (string Cameo, string? Plover)? Retype(Document d, Event e)
    {
        if (words is null) return null;
        int si = d.SentenceAt(e.Trigger.Start);
        if (si < 0) return null;
        var sentence = d.Sentences[si].Span;
        // looting is the seizure of property (CAMEO 1711, ACLED "looting/property destruction"); only protesters who
        // loot riot (CAMEO 145, where the 2015 dictionary files LOOT, PILLAGE and PLUNDER)
        if (words.AnyIn(d, e.Trigger, "looting"))
            return e.Actor is { } looter && words.AnyIn(d, looter.Span, "protest") ? ("145", null) : ("1711", null);
        switch (e.Codes.Plover?.Event)
        {
            case "ASSAULT" when words.AnyIn(d, sentence, "protest"):
                if (e.Actor is { } a && words.AnyIn(d, a.Span, "protest")) return ("145", null);
                bool security = e.Actor is { } b ? words.AnyIn(d, b.Span, "security") : words.AnyIn(d, sentence, "security");
                // the articles-gold rules code repression COERCE though CAMEO2PLOVER files CAMEO 175 under ASSAULT
                return security ? ("175", "COERCE") : null;
            // tear gas, rubber bullets, water cannon: the weapons of crowd control, which CAMEO 2.0 codes as violent
            // repression (FIRE * {TEAR GAS} [175]); the force is the police's or troops' when they are its actor, or
            // when its actor is not named in the sentence and the sentence names them (another party named as the
            // actor, "gunmen attacked officers and the police answered with tear gas", keeps its own act)
            case "ASSAULT" when words.AnyPhraseIn(d, sentence, "crowd-control")
                && (e.Actor is { } r ? words.AnyIn(d, r.Span, "security") || (!Inside(r.Span, sentence) && words.AnyIn(d, sentence, "security")) : words.AnyIn(d, sentence, "security")):
                return ("175", "COERCE");
            // CAMEO2PLOVER files 192 under COERCE; the articles-gold rules and ACLED code it as fighting. The dictionary's
            // 192 also codes goods or people "seized" or "captured", so its own code counts only with a place as object
            // ("invaded the country", "took the hill town of ..."), whatever target the role ranker chose
            case "COERCE" when e.Codes.Plover?.Mode == "seize" && (e.Target is { } t && (words.AnyIn(d, t.Span, "settlement") || IsPlace(d, t))
                || e.Codes.Cameo?.StartsWith("192", StringComparison.Ordinal) == true && PlaceObject(d, e.Trigger, sentence)):
                return ("192", "ASSAULT");
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether the words right after the trigger (at most five, up to clause punctuation or a "by" agent) name a place:
    /// a settlement word or a place name ("took over the city of X", "invaded Ukraine").
    /// </summary>
    private bool PlaceObject(Document d, TextSpan trigger, TextSpan sentence)
    {
        int seen = 0;
        for (int k = d.FirstTokenFrom(trigger.End); k < d.Tokens.Length && seen < 5; k++)
        {
            var tok = d.Tokens[k];
            if (tok.Start >= sentence.End || tok.Kind == TokenKind.Punctuation) break;
            if (tok.Kind != TokenKind.Word) continue;
            var span = new TextSpan(tok.Start, tok.End);
            if (d.Text.AsSpan(tok.Start, tok.End - tok.Start).Equals("by", StringComparison.OrdinalIgnoreCase)) break;
            if (words!.AnyIn(d, span, "settlement")) return true;
            foreach (var m in d.MentionsBySpan.Overlapping(span))
                if (m.Type is EntityType.GPE or EntityType.LOC) return true;
            seen++;
        }
        return false;
    }

    private static bool Inside(TextSpan inner, TextSpan outer) => inner.Start >= outer.Start && inner.End <= outer.End;

    private static bool IsPlace(Document d, EventArgument a) => d.EntityById(a.EntityId) is { Type: EntityType.GPE or EntityType.LOC };
}
