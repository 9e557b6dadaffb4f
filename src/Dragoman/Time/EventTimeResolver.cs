using Dragoman.Documents;

namespace Dragoman.Time;

/// <summary>
/// Chooses the time expression that governs an event trigger: one in the trigger's sentence, preferring the
/// trigger's own clause and expressions attached by a temporal preposition ("on", "in", "at", "during", "since",
/// "over", ...), never a bare duration ("for three years") or a recurring set. Without one the event inherits
/// "on or shortly before publication": the reference date and the day before it (a daily report tells the news of
/// its day and the day before), marked <see cref="EventTime.Inherited"/>.
/// </summary>
public static class EventTimeResolver
{
    /// <summary>Text of the inherited time.</summary>
    public const string InheritedText = "on or shortly before publication";

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "in", "at", "during", "since", "over", "by", "until", "till", "before", "after", "from", "between", "throughout",
        "within", "early", "late", "around", "through", "last", "this", "earlier", "later",
    };

    public static EventTime Resolve(Document doc, TextSpan trigger)
    {
        int si = doc.SentenceAt(trigger.Start);
        TimeExpression? best = null, future = null;
        double bestScore = double.MaxValue, futureScore = double.MaxValue;
        if (si >= 0)
        {
            var sentence = doc.Sentences[si];
            foreach (var stated in doc.TimesBySpan.Inside(sentence.Span))
            {
                if (!IsEventTime(stated)) continue;
                var te = Anchored(doc, stated);
                // "children who were kidnapped earlier this month have been freed": the time ends a relative clause; the
                // main clause after it, which the auxiliary opens, is not dated by it
                if (te.Span.End <= trigger.Start && EndsARelativeClause(doc, te.Span, sentence)) continue;
                double score = Distance(doc, trigger, te.Span, sentence);
                // a reported event has happened by publication: a time after it is a plan or a deadline, never its date
                if (AfterReference(doc, te)) { if (score < futureScore) { futureScore = score; future = te; } continue; }
                if (score < bestScore) { bestScore = score; best = te; }
            }
        }
        if (best is null && future is not null)
            return new EventTime(future.Text, future.Span, null, null, future.Precision, false, "FUTURE_REF");
        if (best is null && Restated(doc, si, trigger) is { } restated)
            return NamesADay(doc, restated) ? AsDay(doc, restated, restated.Text)
                : new EventTime(restated.Text, restated.Span, restated.Start, restated.End, restated.Precision, false, restated.Relative);
        if (best is null)
            return LedeDay(doc, si) is { } lede ? AsDay(doc, lede, lede.Text) : Inherited(doc.ReferenceDate);
        if (AttachedToReporting(doc, best.Span, trigger) && best.End is { } reportEnd && best.Start is { } reportStart)
        {
            // "..., police said on Tuesday": a named day dates the news itself (coders date the event to it)
            if (NamesADay(doc, best)) return AsDay(doc, best, best.Text);
            // otherwise it dates the report; the event happened on or shortly before it
            var start = reportStart.DayNumber >= 7 ? reportStart.AddDays(-7) : reportStart;
            return new EventTime("on or shortly before " + best.Text, best.Span, start, reportEnd, TimePrecision.Week, true, best.Relative);
        }
        if (NamesADay(doc, best)) return AsDay(doc, best, best.Text);
        return new EventTime(best.Text, best.Span, best.Start, best.End, best.Precision, false, best.Relative);
    }

    private static bool AfterReference(Document doc, TimeExpression te) =>
        doc.ReferenceDate is { } r && te.Start is { } s && s > r;

    /// <summary>A weekday ("on Tuesday", "Tuesday night") or "overnight": a single day.</summary>
    private static bool NamesADay(Document doc, TimeExpression te)
    {
        if (te.Start is null) return false;
        for (int k = doc.FirstTokenFrom(te.Span.Start); k < doc.Tokens.Length; k++)
        {
            var tok = doc.Tokens[k];
            if (tok.End > te.Span.End) break;
            var w = doc.Text.AsSpan(tok.Start, tok.End - tok.Start);
            var lex = TimeLexicon.Get(w);
            if ((lex.Kind & LexKind.Weekday) != 0 || (lex.Kind & LexKind.Keyword) != 0 && lex.Kw == Kw.Overnight) return true;
        }
        return false;
    }

    /// <summary>The day a weekday or "overnight" names; "overnight" on the publication day is the night before it, so the
    /// earlier day.</summary>
    private static EventTime AsDay(Document doc, TimeExpression te, string text)
    {
        var day = te.Start!.Value;
        if (IsOvernight(doc, te) && doc.ReferenceDate is { } r && day == r && day.DayNumber > 0) day = day.AddDays(-1);
        return new EventTime(text, te.Span, day, day, TimePrecision.Day, false, te.Relative);
    }

    private static bool IsOvernight(Document doc, TimeExpression te)
    {
        var lex = TimeLexicon.Get(doc.Text.AsSpan(te.Span.Start, te.Span.End - te.Span.Start));
        return (lex.Kind & LexKind.Keyword) != 0 && lex.Kw == Kw.Overnight;
    }

    /// <summary>
    /// With no time in the event's sentence: a weekday or "overnight" in the lede of the event's paragraph (its first
    /// sentence), else in the article's lede, dates the news the paragraph tells.
    /// </summary>
    private static TimeExpression? LedeDay(Document doc, int si)
    {
        if (si < 0 || doc.Sentences.Length == 0) return null;
        var (articleLede, paragraphLedes) = Ledes(doc);
        int paragraphLede = paragraphLedes[si];
        foreach (int lede in paragraphLede == articleLede ? new[] { articleLede } : new[] { paragraphLede, articleLede })
        {
            var s = doc.Sentences[lede];
            foreach (var stated in doc.TimesBySpan.Inside(s.Span))
                if (IsEventTime(stated) && Anchored(doc, stated) is var te && !AfterReference(doc, te) && NamesADay(doc, te))
                    return te;
        }
        return null;
    }

    /// <summary>
    /// With no time in the event's sentence, the time of the next telling of the same event: the next sentence restates it
    /// by a definite phrase ("Rebels raided a village. The attack on Tuesday ...", "... held talks. The minister also
    /// attended the meeting on Thursday"), or the event's sentence opens with one that points back to the sentence before
    /// ("In May the town saw two raids. The first raid ..."). The time nearest the restating noun, a month or finer (a
    /// year or a decade there is mostly background), never after the reference.
    /// </summary>
    private static TimeExpression? Restated(Document doc, int si, TextSpan trigger)
    {
        if (si < 0) return null;
        // a restating noun that shares its stem with another word of the event's sentence ("pupils who were kidnapped ...
        // have been freed. The kidnapping on March 7 ...") restates that other clause, not the event
        if (si + 1 < doc.Sentences.Length && DefiniteEventNoun(doc, doc.Sentences[si + 1], openingOnly: false) is { } next
            && !StemElsewhere(doc, doc.Sentences[si], trigger, next)
            && NearestTime(doc, doc.Sentences[si + 1], next) is { } forward)
            return forward;
        if (si > 0 && DefiniteEventNoun(doc, doc.Sentences[si], openingOnly: true) is not null
            && EventNoun(doc, doc.Sentences[si - 1]) is { } told && NearestTime(doc, doc.Sentences[si - 1], told) is { } back)
            return back;
        return null;
    }

    /// <summary>The event time of the sentence nearest the noun that tells the event, month precision or finer.</summary>
    private static TimeExpression? NearestTime(Document doc, Sentence s, TextSpan noun)
    {
        TimeExpression? best = null;
        double bestScore = double.MaxValue;
        foreach (var stated in doc.TimesBySpan.Inside(s.Span))
        {
            if (!IsEventTime(stated)) continue;
            var te = Anchored(doc, stated);
            if (te.Start is null || te.Precision is not (TimePrecision.Day or TimePrecision.Week or TimePrecision.Month) || AfterReference(doc, te)) continue;
            if (!InTheNounsClause(doc, s, noun, te.Span)) continue;
            double score = Distance(doc, noun, te.Span, s);
            if (score < bestScore) (best, bestScore) = (te, score);
        }
        return best;
    }

    /// <summary>Most tokens between a restating noun and its time: further off the time belongs to another phrase.</summary>
    private const int RestatedReach = 15;

    /// <summary>
    /// The time lies in the restating noun's own clause: near it, with no subordinator or relative word between them ("the
    /// latest strikes come despite a truce that took effect on 27 November": the date is the truce's) other than one
    /// opening a relative clause right on the noun.
    /// </summary>
    private static bool InTheNounsClause(Document doc, Sentence s, TextSpan noun, TextSpan time)
    {
        int from = Math.Min(noun.End, time.End), to = Math.Max(noun.Start, time.Start), tokens = 0;
        var subordinators = Subordinators.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Start < from || tok.End > to) continue;
            if (++tokens > RestatedReach) return false;
            // a relative clause on the noun itself describes the restated event ("the attack that occurred on Thursday")
            bool ownRelative = tok.Start >= noun.End && doc.Text.AsSpan(noun.End, tok.Start - noun.End).IsWhiteSpace();
            if (tok.Kind == TokenKind.Word && !ownRelative && subordinators.Contains(doc.Text.AsSpan(tok.Start, tok.End - tok.Start))) return false;
        }
        return true;
    }

    /// <summary>A word of the sentence outside the trigger shares the noun's first five letters.</summary>
    private static bool StemElsewhere(Document doc, Sentence s, TextSpan trigger, TextSpan noun)
    {
        if (noun.Length < 5) return false;
        var stem = doc.Text.AsSpan(noun.Start, 5);
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind != TokenKind.Word || tok.Span.Overlaps(trigger) || tok.End - tok.Start < 5) continue;
            if (doc.Text.AsSpan(tok.Start, 5).Equals(stem, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static readonly Lazy<HashSet<string>> RestatingNouns = new(() =>
    {
        var path = Path.Combine(Pipeline.PipelineResources.BundledDataDir, "time", "restating-nouns.txt");
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
            if (line.Trim() is { Length: > 0 } w && w[0] != '#') words.Add(w);
        return words;
    });

    /// <summary>
    /// A definite phrase headed by a restating noun: "the", "this" or "that", at most two words between, then the noun
    /// ("the attack", "the joint operation", "the first raid"); with <paramref name="openingOnly"/> only one opening the
    /// sentence. The noun's span, or null.
    /// </summary>
    private static TextSpan? DefiniteEventNoun(Document doc, Sentence s, bool openingOnly)
    {
        var text = doc.Text;
        var nouns = RestatingNouns.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = s.FirstToken; t < s.EndToken && (!openingOnly || t == s.FirstToken); t++)
        {
            var w = text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].End - doc.Tokens[t].Start);
            if (!(w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase) || w.Equals("that", StringComparison.OrdinalIgnoreCase))) continue;
            for (int k = t + 1; k < Math.Min(s.EndToken, t + 4); k++)
            {
                var tok = doc.Tokens[k];
                if (tok.Kind != TokenKind.Word) break;
                if (nouns.Contains(text.AsSpan(tok.Start, tok.End - tok.Start))) return tok.Span;
            }
        }
        return null;
    }

    /// <summary>The first restating noun in the sentence, whatever its determiner ("two separate raids"): the sentence tells an event.</summary>
    private static TextSpan? EventNoun(Document doc, Sentence s)
    {
        var nouns = RestatingNouns.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind == TokenKind.Word && nouns.Contains(doc.Text.AsSpan(tok.Start, tok.End - tok.Start))) return tok.Span;
        }
        return null;
    }

    /// <summary>
    /// With no reference date a weekday stays relative ("before:XXXX-WXX-4"); it is placed against the latest day the
    /// text states in full (the text was written on or after it): "on Thursday" in a text that later names Saturday
    /// 5 October 2024 is 3 October 2024. Other expressions are returned unchanged.
    /// </summary>
    private static TimeExpression Anchored(Document doc, TimeExpression te)
    {
        if (te.Start is not null || doc.ReferenceDate is not null || te.Relative is not { } rel) return te;
        const string marker = ":XXXX-WXX-";
        int at = rel.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || at + marker.Length >= rel.Length) return te;
        var side = rel.AsSpan(0, at);
        char dow = rel[at + marker.Length];
        if (!(side is "before" or "near") || dow is < '1' or > '7') return te;
        if (LatestStatedDay(doc) is not { } anchor) return te;
        int delta = (dow - '0') - ((int)anchor.DayOfWeek is 0 ? 7 : (int)anchor.DayOfWeek);
        if (delta > 0) delta -= 7;
        var day = anchor.AddDays(delta);
        return new TimeExpression
        {
            Span = te.Span, Text = te.Text, Type = te.Type, Start = day, End = day, Precision = TimePrecision.Day,
            Value = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The latest day-precise date the text resolves (with no reference only dates written with their year resolve).</summary>
    private static DateOnly? LatestStatedDay(Document doc)
    {
        DateOnly? latest = null;
        foreach (var t in doc.Times)
            if (t.Precision == TimePrecision.Day && t.Start is { } d && t.End == d && (latest is null || d > latest)) latest = d;
        return latest;
    }

    /// <summary>The article's lede sentence and, per sentence, its paragraph's lede: walked once per document, not once per event.</summary>
    private static (int Article, int[] Paragraph) Ledes(Document doc)
    {
        if (LedesByDocument.TryGetValue(doc, out var known) && known.Sentences == doc.Sentences) return (known.Article, known.Paragraph);
        // the article's lede is its lede paragraph's first sentence (Article.Paragraphs holds the body paragraphs only;
        // the headline before it is no lede), else the first sentence
        int articleLede = doc.Article.LedeSpan is { } ls && doc.SentenceAt(ls.Start) is >= 0 and var l ? l : 0;
        var sentences = doc.Sentences;
        var paragraphLedes = new int[sentences.Length];
        var placed = new bool[sentences.Length];
        // a sentence in the lede paragraph has the article's lede; another one the first sentence of the first paragraph
        // holding its start; one in no paragraph (or whose paragraph's start is in no sentence) is its own
        for (int si = 0; si < sentences.Length; si++)
        {
            paragraphLedes[si] = si;
            if (doc.Article.LedeSpan is { } lede0 && lede0.Start <= sentences[si].Start && sentences[si].Start < lede0.End)
                (paragraphLedes[si], placed[si]) = (articleLede, true);
        }
        foreach (var p in doc.Article.Paragraphs)
        {
            int first = doc.SentenceAt(p.Start);
            for (int si = FirstSentenceFrom(sentences, p.Start); si < sentences.Length && sentences[si].Start < p.End; si++)
            {
                if (placed[si]) continue;
                placed[si] = true;
                if (first >= 0) paragraphLedes[si] = first;
            }
        }
        LedesByDocument.AddOrUpdate(doc, new DocumentLedes(doc.Sentences, articleLede, paragraphLedes));
        return (articleLede, paragraphLedes);
    }

    /// <summary>Index of the first sentence starting at or after <paramref name="offset"/> (sentences are in text order).</summary>
    private static int FirstSentenceFrom(Sentence[] sentences, int offset)
    {
        int lo = 0, hi = sentences.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sentences[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private sealed record DocumentLedes(Sentence[] Sentences, int Article, int[] Paragraph);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, DocumentLedes> LedesByDocument = new();

    /// <summary>The expression follows a reporting verb ("said Tuesday", "said on Tuesday") that is not the trigger itself.</summary>
    private static bool AttachedToReporting(Document doc, TextSpan time, TextSpan trigger)
    {
        int si = doc.SentenceAt(time.Start);
        if (si < 0) return false;
        var s = doc.Sentences[si];
        int prev = PreviousToken(doc, time.Start, s);
        if (prev < 0) return false;
        var text = doc.Text;
        var w = text.AsSpan(doc.Tokens[prev].Start, doc.Tokens[prev].End - doc.Tokens[prev].Start);
        if (w is "on" && prev > s.FirstToken) { prev--; w = text.AsSpan(doc.Tokens[prev].Start, doc.Tokens[prev].End - doc.Tokens[prev].Start); }
        if (!IsReportingVerb(w)) return false;
        return !doc.Tokens[prev].Span.Overlaps(trigger);
    }

    /// <summary>Days before the reference an undated event may lie: news reports tell what happened on the day of
    /// publication or the day before (docs/time.md has the measured spread).</summary>
    public const int InheritedLeadDays = 1;

    /// <summary>"On or shortly before publication": the reference day and the day before, precision Week (a window of
    /// days, not a day the text gave), marked inherited; relative when the reference is unknown.</summary>
    public static EventTime Inherited(DateOnly? reference) => reference is { } r && r.DayNumber >= InheritedLeadDays
        ? new EventTime(InheritedText, null, r.AddDays(-InheritedLeadDays), r, TimePrecision.Week, true)
        : new EventTime(InheritedText, null, null, null, TimePrecision.Week, true, $"-P{InheritedLeadDays}D/P0D");

    /// <summary>
    /// Points and anchored periods locate an event; bare durations, sets and references with no interval
    /// ("the future", "the past") do not. Without a reference, a relative position counts.
    /// </summary>
    public static bool IsEventTime(TimeExpression te) =>
        te.Type != "SET" && te.Value != "FUTURE_REF" && (te.Start is not null || te.Relative is not null);

    private static double Distance(Document doc, TextSpan trigger, TextSpan time, Sentence sentence)
    {
        var text = doc.Text;
        int from = Math.Min(trigger.End, time.End), to = Math.Max(trigger.Start, time.Start);
        // token distance, and clause boundaries crossed (";", ":", a comma-led relative or contrast clause, a dash)
        int tokens = 0, boundaries = 0;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Start < from || tok.End > to) continue;
            tokens++;
            char c = text[tok.Start];
            if (tok.Kind == TokenKind.Punctuation && (c is ';' or ':' or '—' or '–' || c == '(' || c == ')')) boundaries++;
            if (tok.Kind == TokenKind.Word && t > 0 && text[doc.Tokens[t - 1].Start] == ',')
            {
                var w = text.AsSpan(tok.Start, tok.End - tok.Start);
                if (w is "which" or "who" or "while" or "whereas" or "but" or "although" or "as" or "when" or "where" or "and") boundaries++;
            }
            if (tok.Kind == TokenKind.Word && IsReportingVerb(text.AsSpan(tok.Start, tok.End - tok.Start))) boundaries++;
        }
        // a time before the trigger inside a comma-closed subordinate clause (", which was founded in 2014,") is not the trigger's
        if (time.End <= trigger.Start && InClosedSubordinateClause(doc, time, trigger, sentence)) boundaries++;
        double score = tokens + 8.0 * boundaries;
        // attached by a temporal preposition or a deictic head ("yesterday", "last week") reads as an adjunct of the clause
        int before = PreviousToken(doc, time.Start, sentence);
        if (before >= 0 && Prepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(doc.Tokens[before].Start, doc.Tokens[before].End - doc.Tokens[before].Start)))
            score -= 3;
        if (time.Start < trigger.Start) score += 1; // an adjunct after its verb is the commoner English order
        if (AttachedToReporting(doc, time, trigger)) score += 6; // it dates the report, used only as a bound
        return score;
    }

    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "which", "who", "whose", "whom", "where", "when", "while", "although", "though", "after", "since", "because", "as", "if", "that",
    };

    private static bool InClosedSubordinateClause(Document doc, TextSpan time, TextSpan trigger, Sentence s)
    {
        var text = doc.Text;
        int opener = -1;
        for (int t = s.FirstToken; t < s.EndToken && doc.Tokens[t].End <= time.Start; t++)
            if (text[doc.Tokens[t].Start] == ',' && doc.Tokens[t].Kind == TokenKind.Punctuation) opener = t;
        if (opener < 0 || opener + 1 >= s.EndToken) return false;
        var next = doc.Tokens[opener + 1];
        if (!Subordinators.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(next.Start, next.End - next.Start))) return false;
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Start >= time.End && tok.End <= trigger.Start && text[tok.Start] == ',' && tok.Kind == TokenKind.Punctuation) return true;
        }
        return false;
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "have", "has", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "must", "shall",
        "should", "did", "does", "do",
    };

    /// <summary>
    /// The expression closes a relative clause without commas: a "who", "which" or "that" before it in the same clause
    /// (no comma between) and an auxiliary right after it, which opens the main clause's verb group.
    /// </summary>
    private static bool EndsARelativeClause(Document doc, TextSpan time, Sentence s)
    {
        var text = doc.Text;
        int next = -1, pronoun = -1;
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Start >= time.End) { next = t; break; }
            if (tok.End > time.Start) continue;
            var w = text.AsSpan(tok.Start, tok.End - tok.Start);
            if (tok.Kind == TokenKind.Punctuation) pronoun = -1;
            else if (w is "who" or "which" or "that") pronoun = t;
        }
        if (pronoun < 0 || next < 0 || pronoun == s.FirstToken) return false;
        var after = doc.Tokens[next];
        return after.Kind == TokenKind.Word && Auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(after.Start, after.End - after.Start));
    }

    private static bool IsReportingVerb(ReadOnlySpan<char> w) =>
        w is "said" or "says" or "say" or "told" or "reported" or "reports" or "added" or "stated" or "announced";

    private static int PreviousToken(Document doc, int offset, Sentence s)
    {
        int found = -1;
        for (int t = s.FirstToken; t < s.EndToken && doc.Tokens[t].End <= offset; t++) found = t;
        return found;
    }
}
