using Dragoman.Documents;
using Dragoman.Text.Syntax;

namespace Dragoman.Attribution;

/// <summary>
/// Who says a sentence that names no speaker of its own but stands inside someone's words: a quotation that runs over
/// several sentences or paragraphs ("X said: "A. B. C."", ""A. B," said X.") is its speaker's throughout, and a sentence
/// the next one tells as a whole ("A. The ministry announced it.") is that speaker's.
/// </summary>
public sealed partial class AttributionComponent
{
    /// <summary>What the first pass left for one sentence: its attributions [First, End) in the layer, whether it has a cue of
    /// its own, whether its cue tells the sentence before ("announced it"), and the last speaker before it.</summary>
    private readonly record struct SentenceNote(int First, int End, bool HasCue, bool TellsPrevious, IReadOnlyList<SourceRef>? PreviousChain);

    /// <summary>A quotation: the offsets of its opening and closing marks.</summary>
    internal readonly record struct Quotation(int Open, int Close);

    /// <summary>A quotation longer than this without its closing mark is taken for a stray mark (an inch sign, a typo).</summary>
    private const int LongestQuotation = 3000;

    /// <summary>The gap between a quotation's mark and its speaker's cue: at most a speaker's phrase (", said X", "X said: ").</summary>
    private const int LongestSpeakerGap = 80;

    /// <summary>
    /// The quotations of a text, by their marks: a curly or guillemet pair, or two straight double quotes. A mark that opens a
    /// paragraph while a quotation is open continues it (the press convention for a quotation over several paragraphs); an
    /// opening mark with no close within <see cref="LongestQuotation"/> characters opens nothing.
    /// </summary>
    internal static List<Quotation> Quotations(string text)
    {
        var list = new List<Quotation>();
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (open >= 0 && i - open > LongestQuotation) { i = open; open = -1; continue; } // rescan after the stray mark
            char c = text[i];
            bool straight = c == '"';
            bool paragraphStart = i == 0 || text[i - 1] is '\n' or '\r';
            if (c is '“' or '«' or '„' || straight && (open < 0 || paragraphStart))
            {
                if (open < 0) open = i;
                continue;
            }
            if ((c is '”' or '»' || straight) && open >= 0)
            {
                list.Add(new Quotation(open, i));
                open = -1;
            }
        }
        return list;
    }

    /// <summary>
    /// A quotation over several sentences: each sentence (or its quoted part) without a cue of its own takes the
    /// quotation's speaker: the cue right after the closing mark ("...," said X), else the cue right before the opening
    /// mark ("X said: "..."), else the last speaker named before the quotation ("Quote from X: "..."), whose cue is then
    /// the opening mark itself.
    /// </summary>
    private static void AttributeQuotations(Document d, List<SentenceNote> notes)
    {
        var sentences = d.Sentences;
        if (sentences.Length < 2) return;
        foreach (var q in Quotations(d.Text))
        {
            int os = SentenceAt(sentences, q.Open), cs = SentenceAt(sentences, q.Close);
            if (os < 0 || cs <= os) continue;
            var speaker = CueAfter(d, notes[cs], q.Close) ?? CueBefore(d, notes[os], q.Open);
            IReadOnlyList<SourceRef>? chain = speaker?.Chain ?? notes[os].PreviousChain;
            if (chain is null || chain.Count == 0) continue;
            // a quotation with no cue of its own is still someone's words: its opening mark stands for the cue
            var cue = speaker?.Cue ?? new TextSpan(q.Open, q.Open + 1);
            for (int si = os; si <= cs; si++)
            {
                var note = notes[si];
                if (note.HasCue) continue;
                var span = sentences[si].Span;
                int start = Math.Max(span.Start, q.Open + 1), end = Math.Min(span.End, q.Close);
                if (end <= start) continue;
                var said = new Documents.Attribution { Scope = new TextSpan(start, end), Cue = cue, Chain = chain };
                // a sentence wholly inside the quotation: its own attribution (the article's chain) gives way
                bool whole = start <= FirstWordAt(d.Text, span) && end >= LastWordEnd(d.Text, span);
                if (whole && note.First < note.End && d.Attributions[note.First].Cue is null && d.Attributions[note.First].Scope == span)
                    d.Attributions[note.First] = new Documents.Attribution { Scope = span, Cue = cue, Chain = chain };
                else d.Attributions.Add(said);
            }
        }
    }

    /// <summary>"A. The ministry announced it.": the sentence before, without a cue of its own and in the same paragraph,
    /// is the speaker's whole.</summary>
    private static void AttributeToldSentences(Document d, List<SentenceNote> notes)
    {
        for (int si = 1; si < notes.Count; si++)
        {
            var (note, prior) = (notes[si], notes[si - 1]);
            if (!note.TellsPrevious || prior.HasCue || note.First >= note.End || prior.First >= prior.End) continue;
            var previous = d.Sentences[si - 1].Span;
            if (d.Text.AsSpan(previous.End, d.Sentences[si].Span.Start - previous.End).ContainsAny('\n', '\r')) continue;
            var told = d.Attributions[note.First];
            if (d.Attributions[prior.First].Scope == previous && d.Attributions[prior.First].Cue is null)
                d.Attributions[prior.First] = new Documents.Attribution { Scope = previous, Cue = told.Cue, Chain = told.Chain };
        }
    }

    /// <summary>"The ministry announced it", "officials confirmed this", "the agency reported so": a cue whose whole object is a
    /// pronoun standing for what was just said (a time may follow); a denial is left out (it does not tell the sentence).</summary>
    private static bool TellsPrevious(SentenceView v, Chunk cue, Chunk source)
    {
        if (source.IsEmpty || source.End > cue.Start || v.Word(cue.Start).StartsWith("den", StringComparison.OrdinalIgnoreCase)) return false;
        int k = cue.End;
        if (!v.IsAny(k, "it", "this", "so")) return false;
        for (k++; k < v.Count; k++)
            if (v.TagAt(k) is not Tag.Punct && !v.IsAny(k, "on", "late", "early") && !IsTimeWord(v, k)) return false;
        return true;
    }

    /// <summary>The sentence's attribution whose cue follows the closing mark with at most a speaker's phrase between.</summary>
    private static Documents.Attribution? CueAfter(Document d, SentenceNote note, int close)
    {
        Documents.Attribution? best = null;
        for (int i = note.First; i < note.End; i++)
        {
            if (d.Attributions[i].Cue is not { } cue || cue.Start <= close || cue.Start - close > LongestSpeakerGap) continue;
            if (!SpeakerGap(d.Text, close + 1, cue.Start)) continue;
            if (best is null || cue.Start < best.Cue!.Value.Start) best = d.Attributions[i];
        }
        return best;
    }

    /// <summary>The sentence's attribution whose cue comes right before the opening mark ("X said: "", "X told reporters that "").</summary>
    private static Documents.Attribution? CueBefore(Document d, SentenceNote note, int open)
    {
        Documents.Attribution? best = null;
        for (int i = note.First; i < note.End; i++)
        {
            if (d.Attributions[i].Cue is not { } cue || cue.End > open || open - cue.End > LongestSpeakerGap) continue;
            if (!SpeakerGap(d.Text, cue.End, open)) continue;
            if (best is null || cue.End > best.Cue!.Value.End) best = d.Attributions[i];
        }
        return best;
    }

    /// <summary>Text between a quotation's mark and a cue that can only be a speaker's phrase or a colon: no sentence end, no other quote.</summary>
    private static bool SpeakerGap(string text, int from, int to)
    {
        foreach (char c in text.AsSpan(from, to - from))
            if (c is '.' or '!' or '?' or ';' or '"' or '“' or '”' or '«' or '»' or '\n') return false;
        return true;
    }

    private static int SentenceAt(Sentence[] sentences, int offset)
    {
        int lo = 0, hi = sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var s = sentences[mid].Span;
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The offset of the span's first letter or digit (over opening quotes and spaces).</summary>
    private static int FirstWordAt(string text, TextSpan span)
    {
        int i = span.Start;
        while (i < span.End && !char.IsLetterOrDigit(text[i])) i++;
        return i;
    }

    /// <summary>The end of the span's last letter or digit (before the final stop and closing quotes).</summary>
    private static int LastWordEnd(string text, TextSpan span)
    {
        int i = span.End;
        while (i > span.Start && !char.IsLetterOrDigit(text[i - 1])) i--;
        return i;
    }
}
