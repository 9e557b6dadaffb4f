using Dragoman.Documents;
using Dragoman.Text.Syntax;

namespace Dragoman.Events.Modalities;

/// <summary>What the events stage knows about one telling when its modality is decided (the model's input).</summary>
public sealed record ModalityInput(
    Document Document, int SentenceIndex, SentenceView View, CodedEvent Event, Documents.Attribution? Said,
    EventArgument? Actor, bool SpeakerOwnSide, Documents.Modality Rule)
{
    /// <summary>The rules' step that gave <see cref="Rule"/> (<see cref="ModalityRules.DecideStep"/>).</summary>
    public string RuleStep { get; init; } = "";

    /// <summary>The cue words (their evidential list is a feature); null: no evidential feature.</summary>
    public ModalityCues? Cues { get; init; }

    /// <summary>The own side was read from an agentless coercive act told by an executive state body.</summary>
    public bool AgentlessCoercion { get; init; }
}

/// <summary>
/// General features of a telling for the modality model (models/modality/README.md): the cue rules' decision, the
/// attribution's shape (a cue, where it stands, the speaker's kind, nesting, a clause narrower than the sentence), who
/// speaks (the actor itself, its side), where the sentence stands (headline, lede, dateline), the trigger's verb group
/// (event noun, passive, perfect, modal), quotation, and whether the neighbouring sentences carry a source. No word of a
/// particular page: the cue word is read only as its class (speech, announcement, claim, denial, report).
/// </summary>
public static class ModalityFeatures
{
    public static Dictionary<string, double> Of(ModalityInput x)
    {
        var f = new Dictionary<string, double>(StringComparer.Ordinal) { ["bias"] = 1 };
        var (d, v, e) = (x.Document, x.View, x.Event);
        string rule = "rule:" + Name(x.Rule);
        f[rule] = 1;
        if (x.RuleStep.Length > 0) f["step:" + x.RuleStep] = 1;
        if (x.AgentlessCoercion) f["source:agentless-coercion"] = 1;
        int k = e.Trigger.Start;
        var trigger = v[k];
        var sentence = d.Sentences[x.SentenceIndex].Span;

        // the attribution that governs the trigger
        var cue = x.Said?.Cue;
        if (cue is { } c)
        {
            f["cue"] = 1;
            bool before = c.End <= trigger.Start;
            f[before ? "cue:before" : "cue:after"] = 1;
            f["cue:class:" + CueClass(d.Text, c)] = 1;
            f[rule + "|cue:" + (before ? "before" : "after")] = 1;
            if (x.Said!.Scope.Length < sentence.Length - 2) f["cue:clause"] = 1;
            if (!sentence.Contains(c)) f["cue:other-sentence"] = 1;
        }
        else f["cue:none"] = 1;
        if (x.Said is { Chain.Count: > 0 } said)
        {
            var nearest = said.Chain[0];
            f["source:" + nearest.Kind] = 1;
            if (cue is not null) f["cue-source:" + nearest.Kind] = 1;
            if (cue is not null && said.Chain.Count(s => s.Kind is SourceKind.Named or SourceKind.Anonymous) > 1) f["source:nested"] = 1;
            if (x.Actor is { } a && nearest.Evidence is { } at && (at.Overlaps(a.Span) || ModalityRules.SharesName(nearest.Name, a.Text))) f["source:is-actor"] = 1;
        }
        if (x.SpeakerOwnSide) f["source:own-side"] = 1;
        if (x.Actor is null) f["actor:none"] = 1;

        // where the sentence stands
        if (d.Article.TitleSpan is { } title && title.Overlaps(sentence)) f["position:headline"] = 1;
        else if (d.Article.LedeSpan is { } lede && lede.Overlaps(sentence)) { f["position:lede"] = 1; f[rule + "|lede"] = 1; }
        else f["position:body"] = 1;
        if (d.Article.DatelineSpan is { } dateline && dateline.Overlaps(sentence)) f["position:dateline"] = 1;

        // the neighbouring sentences' sources: a report told over several sentences
        if (HasCue(d, x.SentenceIndex - 1)) f["previous-sentence:cue"] = 1;
        if (HasCue(d, x.SentenceIndex + 1)) f["next-sentence:cue"] = 1;

        // the trigger's verb group
        if (e.Nominal) f["trigger:noun"] = 1;
        else
        {
            if (e.Passive) f["trigger:passive"] = 1;
            int group = v.VerbGroupStart(k);
            for (int i = group; i < k; i++)
            {
                if (v.TagAt(i) == Tag.Have) f["trigger:perfect"] = 1;
                if (v.TagAt(i) == Tag.Modal) f["trigger:modal"] = 1;
                if (v.TagAt(i) == Tag.Neg) f["trigger:negation"] = 1;
            }
            if (group > 0 && v.TagAt(group - 1) == Tag.To) f["trigger:infinitive"] = 1;
            if (group > 0 && v.TagAt(group - 1) == Tag.Pron) f["trigger:pronoun-subject"] = 1;
        }
        if (!e.Nominal) f["trigger:form:" + VerbForm(v.Word(k))] = 1;
        // hearsay in the clause before the trigger: "reportedly", "allegedly", a suspected act; "is said to", "are believed to"
        for (int i = Math.Max(0, k - 8); i < k; i++)
        {
            if (x.Cues is { } cues && v.IsAny(i, cues.Evidential)) f["clause:evidential"] = 1;
            if (i + 2 <= k && v.TagAt(i) == Tag.Be && v.IsAny(i + 1, SpeechLexicon.NearerSpeech) && v.TagAt(i + 2) == Tag.To) f["clause:passive-report"] = 1;
        }
        if (InsideQuotation(v, k)) f["quoted"] = 1;
        if (v.Count > 0 && v.Word(v.Count - 1) is "?") f["question"] = 1;
        return f;
    }

    /// <summary>The trigger verb's form by its ending: past/participle "-ed", progressive "-ing", third person "-s", else base or irregular.</summary>
    private static string VerbForm(ReadOnlySpan<char> w) =>
        w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) ? "ed"
        : w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) ? "ing"
        : w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase) ? "s" : "other";

    public static string Name(Documents.Modality m) => m.ToString().ToLowerInvariant();

    /// <summary>The cue's class: claim, denial, announcement, report, according-to, else speech (said, told, added ...).</summary>
    private static string CueClass(string text, TextSpan cue)
    {
        var w = text.AsSpan(cue.Start, cue.Length);
        if (w.StartsWith("claim", StringComparison.OrdinalIgnoreCase)) return "claim";
        if (w.StartsWith("den", StringComparison.OrdinalIgnoreCase)) return "denial";
        if (w.StartsWith("accord", StringComparison.OrdinalIgnoreCase)) return "according";
        if (w.StartsWith("announc", StringComparison.OrdinalIgnoreCase) || w.StartsWith("confirm", StringComparison.OrdinalIgnoreCase)) return "announcement";
        if (w.StartsWith("report", StringComparison.OrdinalIgnoreCase)) return "report";
        return "speech";
    }

    private static bool HasCue(Document d, int sentence)
    {
        if (sentence < 0 || sentence >= d.Sentences.Length) return false;
        var s = d.Sentences[sentence].Span;
        foreach (var a in d.AttributionsBySpan.Holding(new TextSpan(s.Start, s.Start + 1)))
            if (a.Cue is { } c && s.Contains(c)) return true;
        return false;
    }

    /// <summary>An odd number of quotation marks before the trigger in its sentence: the trigger is inside a quotation.</summary>
    private static bool InsideQuotation(SentenceView v, int k)
    {
        int n = 0;
        for (int i = 0; i < k; i++) if (v.Word(i) is "\"" or "“" or "”") n++;
        return n % 2 == 1;
    }
}
