using System.Globalization;
using System.Text;
using Dragoman.Events;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>
/// Where a gold main event's type is lost, judged stage by stage from the last to the first (the first stage that
/// holds an event of the gold type in the evidence sentence names the loss).
/// </summary>
public enum TypeMissCause
{
    /// <summary>A shown (main) event of the gold type is in the sentence: no miss.</summary>
    Matched,
    /// <summary>An event of the gold type is there, but salience does not show it (not main, or historical).</summary>
    NotMain,
    /// <summary>The events stage had an event of the gold type; coreference merged it into an event of another type.</summary>
    MergedByCoreference,
    /// <summary>The dictionary coded a trigger of the gold type in the sentence; the events stage's rules dropped or retyped it.</summary>
    DroppedByEventRules,
    /// <summary>Triggers of other types only: a dictionary-sense or coding error.</summary>
    WrongType,
    /// <summary>No trigger of any event type in the sentence (speech verbs aside).</summary>
    NoTrigger,
}

/// <summary>One gold main event with the stage that lost its type, what the sentence held instead, and its part.</summary>
public sealed record TypeMiss(string Article, GoldEvent Gold, TypeMissCause Cause, string Seen, bool Held);

/// <summary>
/// The breakdown of event type misses on a folder shaped like articles-gold (docs/benchmarks.md, issue 12): for each
/// gold event, whether the shipped pipeline shows an event of its type in the evidence sentence, and if not, which
/// stage lost it: salience (the event exists but is not main), coreference (the unmerged events had it), the events
/// stage's rules (the raw dictionary coding had it), the dictionary sense (only other types), or the trigger lexicon
/// (nothing coded at all).
/// </summary>
public static class TypeMisses
{
    public static List<TypeMiss> Analyse(string folder, PipelineResources resources, IReadOnlySet<string> held)
    {
        var unmerged = ArticleEvaluation.Annotated(folder, StandardPipeline.Build(resources, coreference: false))
            .ToDictionary(a => a.Name, a => a.View, StringComparer.Ordinal);
        var events = EventResources.LoadBundled();
        var coder = new EventCoder(events.Verbs, events.Nouns);
        var list = new List<TypeMiss>();
        foreach (var (doc, name, gold, view) in ArticleEvaluation.Annotated(folder, StandardPipeline.Build(resources)))
        {
            var shown = view.Events.Where((_, i) => doc.Events[i].Main).ToList();
            foreach (var g in gold.Events)
            {
                var spans = EvidenceLocator.Find(doc.Text, g.Evidence);
                if (spans.Count == 0) continue;
                bool InSentence(SystemEvent e) => e.Sentences.Any(s => spans.Any(s.Overlaps));
                bool Has(IEnumerable<SystemEvent> es) => es.Any(e => InSentence(e) && ArticleFieldRules.TypeMatches(g.Plover, e.Plover, e.PloverMode));
                var raw = RawTypes(doc, coder, events.Codes, spans);
                var seen = string.Join(", ", raw.Select(r => $"{r.Trigger}:{r.Plover}{(r.Mode is null ? "" : "/" + r.Mode)}"));
                TypeMissCause cause =
                    Has(shown) ? TypeMissCause.Matched
                    : Has(view.Events) ? TypeMissCause.NotMain
                    : unmerged.TryGetValue(name, out var u) && Has(u.Events) ? TypeMissCause.MergedByCoreference
                    : raw.Any(r => ArticleFieldRules.TypeMatches(g.Plover, r.Plover, r.Mode)) ? TypeMissCause.DroppedByEventRules
                    : raw.Count > 0 ? TypeMissCause.WrongType
                    : TypeMissCause.NoTrigger;
                list.Add(new TypeMiss(name, g, cause, seen, held.Contains(name)));
            }
        }
        return list;
    }

    /// <summary>What the dictionary alone codes in the sentences of the evidence: trigger text and PLOVER type, speech verbs left out.</summary>
    public static List<(string Trigger, string Plover, string? Mode)> RawTypes(Documents.Document doc, EventCoder coder, CodeTables codes, IReadOnlyList<Documents.TextSpan> spans)
    {
        var found = new List<(string, string, string?)>();
        foreach (var sentence in doc.Sentences)
        {
            if (!spans.Any(sentence.Span.Overlaps)) continue;
            var v = coder.View(doc, sentence);
            foreach (var ce in coder.Code(v))
            {
                if (ce.Code.StartsWith("01", StringComparison.Ordinal) || ce.Reversed) continue;
                if (codes.Codes(ce.Code).Plover is not { } p) continue;
                found.Add((v.TextOf(ce.Trigger), p.Event, p.Mode));
            }
        }
        return found;
    }

    /// <summary>The breakdown as a Markdown table: gold events per cause, development and held-back parts.</summary>
    public static string Table(IReadOnlyList<TypeMiss> misses)
    {
        var sb = new StringBuilder("| where the type is lost | dev | held |\n|---|---|---|\n");
        int devAll = misses.Count(m => !m.Held), heldAll = misses.Count(m => m.Held);
        foreach (var cause in Enum.GetValues<TypeMissCause>())
        {
            int d = misses.Count(m => !m.Held && m.Cause == cause), h = misses.Count(m => m.Held && m.Cause == cause);
            sb.Append(CultureInfo.InvariantCulture, $"| {cause} | {d} ({Share(d, devAll)}) | {h} ({Share(h, heldAll)}) |\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"| gold events (evidence found) | {devAll} | {heldAll} |\n");
        return sb.ToString();
    }

    private static string Share(int n, int of) => of == 0 ? "-" : ((double)n / of).ToString("0.000", CultureInfo.InvariantCulture);
}
