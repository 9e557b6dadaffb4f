using Dragoman.Documents;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>
/// How the text commits to an event (docs/event-codes.md, "Modality"), decided in this order:
/// negated ("did not", "never", "no", "failed to" on the trigger's verb group), denied (a denial cue governs the trigger),
/// hypothetical ("could", "may", "might", "if", "unless"), expected ("will", "would", "is expected", "plans to", "aims to",
/// "looking to", "threatened to"), claimed (a claim of responsibility for it, also one an outer speaker relays; cue
/// "claimed", the quoted source is the event's own actor, or the speaker and the actor are one side),
/// reported (a reporting cue governs the sentence), else asserted. The hypothesis and expectation words are data
/// (<see cref="ModalityCues"/>, data/events/modality-cues.tsv, sources in its header).
/// </summary>
public static class ModalityRules
{
    private const int Window = 16;

    /// <summary>Reporting verbs that open a clause of their own speaker.</summary>
    private static readonly string[] NearerSpeech = SpeechLexicon.NearerSpeech;

    private static readonly string[] Denial = SpeechLexicon.Denial;

    /// <param name="cues">The hypothesis and expectation words (data/events/modality-cues.tsv).</param>
    /// <param name="speakerOwnSide">The nearest named speaker and the event's actor are one side (a ministry telling its army's act).</param>
    public static Modality Decide(ModalityCues cues, SentenceView v, CodedEvent e, Documents.Attribution? attribution, string? actorText, bool speakerOwnSide = false) =>
        DecideStep(cues, v, e, attribution, actorText, speakerOwnSide).Modality;

    /// <summary>The rules' answer and the step that gave it ("negation", "expectation", "claim-cue", "own-side", ...): the modality model's features.</summary>
    public static (Modality Modality, string Step) DecideStep(ModalityCues cues, SentenceView v, CodedEvent e, Documents.Attribution? attribution, string? actorText, bool speakerOwnSide = false)
    {
        int k = e.Trigger.Start;
        int group = e.Nominal ? k : v.VerbGroupStart(k);
        // 1. negation on the verb group, or "no" before a nominal trigger
        for (int i = group; i < k; i++)
            if (v.TagAt(i) == Tag.Neg) return (Modality.Negated, "negation");
        if (e.Nominal && k > 0 && v.IsAny(k - 1, "no")) return (Modality.Negated, "negation-no");
        if (k >= 2 && v.IsAny(k - 1, "to") && v.IsAny(k - 2, "failed", "refused", "declined")) return (Modality.Negated, "negation-failed");

        // the clause to the left: back to ';' or ':' or a contrastive conjunction
        int left = k - 1, stop = Math.Max(0, k - Window);
        bool hypothetical = false, expected = false, denied = false, nearerSpeaker = false;
        for (; left >= stop; left--)
        {
            // "raiders (possibly those seen earlier) attacked": a parenthesis is an aside, not the clause's mood
            if (v.Word(left) is ")" && ParenthesisOpening(v, left, stop) is var open and >= 0) { left = open; continue; }
            if (v.Word(left) is ";" or ":") break;
            if (v.IsAny(left, "but", "while", "whereas", "although", "though")) break;
            // "denied ..., after activists said an air raid had killed six": the nearer speaker's clause is theirs
            // a speech noun ("denied reports that it had resumed attacks") opens no clause of a speaker of its own
            if (!denied && v.IsAny(left, NearerSpeech) && v.TagAt(left) is not (Tag.Noun or Tag.Proper)) { nearerSpeaker = true; break; }
            if (v.IsAny(left, Denial)) denied = true;
            if (v.IsAny(left, cues.Hypothesis) && !IsMonth(v, left)) hypothetical = true;
            if (v.IsAny(left, "will", "shall", "wo")) expected = true;
            if (v.IsAny(left, "would")) expected = true;
            if (v.IsAny(left, cues.Expectation) && !InfinitiveElsewhere(v, e, left, group)) expected = true;
            if (v.Is(left, "going") && v.Is(left + 1, "to")) expected = true;
            if ((v.Is(left, "set") || v.Is(left, "about")) && v.Is(left + 1, "to")) expected = true;
        }
        // after a nominal trigger, the verb group of the clause it is subject of: "attacks would be", "attacks will give"
        if (e.Nominal)
        {
            for (int i = e.Trigger.End; i < Math.Min(v.Count, e.Trigger.End + 6); i++)
            {
                if (v.TagAt(i) is Tag.Punct or Tag.Comma) break;
                if (v.IsAny(i, "will", "would", "shall")) { expected = true; break; }
                if (v.IsAny(i, "could", "may", "might") && !IsMonth(v, i)) { hypothetical = true; break; }
                if (v.TagAt(i) is Tag.Verb) break;
            }
        }
        if (denied) return (Modality.Denied, "denial-word");
        if (!nearerSpeaker && attribution?.Cue is { } cue && cue.End <= v[k].Start && IsDenialCue(v.Text, cue)) return (Modality.Denied, "denial-cue");
        if (hypothetical) return (Modality.Hypothetical, "hypothesis");
        if (expected) return (Modality.Expected, "expectation");
        // "claimed responsibility for the attack": the doer's own claim governs the event, also where an outer
        // speaker relays it ("SITE said the group claimed responsibility for the attack", "..., according to Reuters")
        if (ClaimsResponsibility(v, k)) return (Modality.Claimed, "claim-responsibility");
        if (attribution?.Cue is { } c2)
        {
            var cueWord = v.Text[c2.Start..c2.End];
            if (cueWord.StartsWith("claim", StringComparison.OrdinalIgnoreCase)) return (Modality.Claimed, "claim-cue");
            var nearest = attribution.Chain.Count > 0 ? attribution.Chain[0] : null;
            if (nearest is not null && actorText is not null && nearest.Kind == SourceKind.Named && SharesName(nearest.Name, actorText))
                return (Modality.Claimed, "speaker-named-actor");
            if (nearest is not null && c2.End <= v[k].Start && SpeakerIsSubject(v, e, group)) return (Modality.Claimed, "speaker-pronoun-subject");
            // a party telling its own side's act claims it ("Turkish security forces destroyed shelters, the ministry said")
            if (speakerOwnSide) return (Modality.Claimed, "own-side");
            return (Modality.Reported, "cue");
        }
        return (Modality.Asserted, "none");
    }

    /// <summary>The "(" that opens the parenthesis closed at <paramref name="close"/>, not before <paramref name="stop"/>; else -1.</summary>
    private static int ParenthesisOpening(SentenceView v, int close, int stop)
    {
        for (int i = close - 1; i >= stop; i--)
        {
            if (v.Word(i) is "(") return i;
            if (v.Word(i) is ")") return -1;
        }
        return -1;
    }

    /// <summary>
    /// "rebels who had vowed to disrupt the vote bombed a school": an expectation verb before "to" governs its infinitive
    /// (and what is coordinated with it: "plans to attack and seize"), not a later finite verb of another clause.
    /// </summary>
    private static bool InfinitiveElsewhere(SentenceView v, CodedEvent e, int expectation, int group) =>
        !e.Nominal && v.IsAny(expectation + 1, "to") && group > expectation + 1 && !v.IsAny(group - 1, "to", "and", "or");

    /// <summary>A claim of responsibility within the eight words before the trigger ("claimed responsibility for Wednesday's attack").</summary>
    private static bool ClaimsResponsibility(SentenceView v, int k)
    {
        for (int i = Math.Max(0, k - 8); i < k; i++)
            if (v.IsAny(i, "claimed", "claims", "claim", "claiming") && v.IsAny(i + 1, "responsibility")) return true;
        return false;
    }

    /// <summary>
    /// "the group said it killed", "the army said they had repelled": the reported clause's active subject is a
    /// personal pronoun, which after a speaker's cue stands for the speaker (or its side): a party telling its own act.
    /// A passive subject ("they were attacked") is the target, so it does not count.
    /// </summary>
    private static bool SpeakerIsSubject(SentenceView v, CodedEvent e, int group) =>
        !e.Nominal && group > 0 && v.TagAt(group - 1) == Tag.Pron && v.IsAny(group - 1, "it", "they", "we")
        && !e.Passive;

    /// <summary>"May" as the month, not the modal: capitalised inside the sentence, or before a number at its start ("May 12").</summary>
    private static bool IsMonth(SentenceView v, int k) =>
        v.Word(k) is "May" && (k > 0 || v.TagAt(k + 1) == Tag.Num);

    private static bool IsDenialCue(string text, TextSpan cue)
    {
        var w = text.AsSpan(cue.Start, cue.Length);
        return w.StartsWith("den", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the two names share a capitalised word of 3+ letters (the speaker is the actor).</summary>
    public static bool SharesName(string a, string b)
    {
        foreach (var w in a.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (w.Length < 3 || !char.IsUpper(w[0]) || w is "The") continue;
            foreach (var x in b.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
                if (string.Equals(w, x, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
