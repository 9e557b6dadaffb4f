using Dragoman.Documents;
using Dragoman.Events.Context;

namespace Dragoman.Events.Types;

/// <summary>
/// What the type chooser knows of an event, as named binary features independent of the type being judged: the
/// trigger word and how it was found, the rules' type and mode, the heads of actor and target, who they are by the
/// context word lists (protesters, security forces, settlements), the counts' kinds, means, modality and attribution.
/// <see cref="TypeModel"/> conjoins each with every candidate type ("COERCE|target:protest").
/// </summary>
public static class TypeFeatures
{
    public static List<string> Compute(Document d, Event e, ContextWords? words)
    {
        var f = new List<string>(24) { "src:" + e.TriggerSource };
        if (FirstWord(d.Text, e.Trigger) is { } w) f.Add("w:" + w);
        if (e.Codes.Plover is { } p)
        {
            f.Add("from:" + p.Event);
            if (p.Mode is { } m) f.Add("mode:" + m);
        }
        Party(f, d, "actor", e.Actor, words);
        Party(f, d, "target", e.Target, words);
        if (words is not null && d.SentenceAt(e.Trigger.Start) is var si and >= 0)
            foreach (var list in Lists)
                if (words.AnyIn(d, d.Sentences[si].Span, list)) f.Add("sent:" + list);
        foreach (var c in e.Counts) f.Add("count:" + (c.Kind ?? "any"));
        if (e.Means is not null) f.Add("means");
        f.Add("mod:" + e.Modality.ToString().ToLowerInvariant());
        if (e.Sources.Count > 0) f.Add("attributed");
        return f;
    }

    /// <summary>The context word lists whose presence the features name (data/events/context-words.tsv).</summary>
    private static readonly string[] Lists = ["protest", "security", "settlement"];

    private static void Party(List<string> f, Document d, string role, EventArgument? a, ContextWords? words)
    {
        if (a is null) { f.Add(role + ":none"); return; }
        if (a.Inherited) f.Add(role + ":carried");
        if (LastWord(a.Text) is { } head) f.Add(role + "-head:" + head);
        if (d.EntityById(a.EntityId) is { } entity) f.Add(role + ":" + entity.Type);
        if (words is null) return;
        foreach (var list in Lists)
            if (words.AnyIn(d, a.Span, list)) f.Add(role + ":" + list);
    }

    private static string? FirstWord(string text, TextSpan span)
    {
        var s = text.AsSpan(span.Start, span.End - span.Start).Trim();
        int end = 0;
        while (end < s.Length && (char.IsLetter(s[end]) || s[end] == '-')) end++;
        return end == 0 ? null : s[..end].ToString().ToLowerInvariant();
    }

    private static string? LastWord(string text)
    {
        var s = text.AsSpan().TrimEnd(" .,;:\"'’”)".AsSpan());
        int start = s.Length;
        while (start > 0 && (char.IsLetter(s[start - 1]) || s[start - 1] == '-')) start--;
        return start == s.Length ? null : s[start..].ToString().ToLowerInvariant();
    }
}
