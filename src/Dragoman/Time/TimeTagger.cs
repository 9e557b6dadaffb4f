using Dragoman.Documents;
using Dragoman.Text;

namespace Dragoman.Time;

/// <summary>
/// Finds temporal expressions in English news text and normalises them against the document's reference date
/// (TIMEX3-style type and value, interval, precision; relative notation when the reference is unknown).
/// Stateless and thread-safe; per-document state lives in the call.
/// </summary>
public static class TimeTagger
{
    /// <summary>All temporal expressions of the document, in text order, without overlaps.</summary>
    public static List<TimeExpression> Tag(Document doc)
    {
        var result = new List<TimeExpression>();
        if (doc.Tokens.Length == 0) return result;
        var st = TimeParser.SubTokens(doc.Text, doc.Tokens, 0, doc.Tokens.Length, doc.Sentences);
        var parser = new TimeParser(doc.Text, st) { LatestBareYear = doc.ReferenceDate?.Year + 1 };
        var resolver = new TimeResolver(doc.ReferenceDate);
        var tense = new TenseFinder(doc);
        for (int i = 0; i < st.Length; i++)
        {
            if (!parser.CanStart(i)) continue;
            if (parser.ParseAt(i, st.Length) is not { } m) continue;
            var span = new TextSpan(st[i].S, st[m.End - 1].E);
            var sem = InContext(doc, m.Sem, span, tense);
            result.Add(VaguePeriodAfterIn(doc.Text, sem, resolver.Resolve(sem, span, doc.Slice(span), () => tense.At(span))));
            i = m.End - 1;
        }
        return result;
    }

    /// <summary>
    /// Normalises a given extent (for example a gold TIMEX3 extent) in its document context. Returns null when no
    /// temporal expression can be read inside the extent. Expressions before the extent are resolved first so
    /// discourse context ("a year earlier" after "the third quarter") is the same as in <see cref="Tag"/>.
    /// </summary>
    public static IReadOnlyList<TimeExpression?> NormalizeExtents(Document doc, IReadOnlyList<TextSpan> extents)
    {
        var output = new TimeExpression?[extents.Count];
        var resolver = new TimeResolver(doc.ReferenceDate);
        var tense = new TenseFinder(doc);
        var order = Enumerable.Range(0, extents.Count).OrderBy(k => extents[k].Start).ToArray();
        // the document's own expressions outside the given extents are discourse context too ("fourth-quarter
        // earnings" that no extent covers still frames "a year earlier"): resolve them in text order, output nothing
        var context = ContextMatches(doc, extents);
        int ci = 0;
        foreach (var k in order)
        {
            var span = extents[k];
            for (; ci < context.Count && context[ci].Span.Start < span.Start; ci++)
            {
                var (cs, sem) = context[ci];
                resolver.Resolve(InContext(doc, sem, cs, tense), cs, doc.Slice(cs), () => tense.At(cs));
            }
            var (st, best, bestStart) = ParseExtent(doc, span.Start, span.End);
            if (st.Length == 0) continue;
            // an extent that stops before "ago"/"earlier"/"later" ("$13.5 million, [a year] earlier"): the word
            // after it says which way the span points, so read it too
            if (best is { Sem: DurSem } && best.Value.End == st.Length && WordAfter(doc.Text, span.End) is { } after
                && ParseExtent(doc, span.Start, after) is { Best: { Sem: not DurSem } longer } ext && longer.End == ext.St.Length)
                (st, best, bestStart) = ext;
            // "then current": "then" governs the rest ("current" alone would be the present)
            var ext0 = doc.Text.AsSpan(span.Start, span.End - span.Start);
            if (ext0.Length > 5 && ext0.StartsWith("then", StringComparison.OrdinalIgnoreCase) && ext0[4] is ' ' or '-')
                best = null;
            if (best is null && DefiniteDay(doc, span, resolver.HasDayAnchor) is { } definite)
            {
                output[k] = resolver.Resolve(definite, span, doc.Slice(span), () => Dir.Unknown);
                continue;
            }
            // "at the time", "by that time": a time the narration already placed, on its side of the reference
            if (best is null && IsTheTime(doc.Text.AsSpan(span.Start, span.End - span.Start)) && tense.At(span) is var side and not Dir.Unknown)
            {
                output[k] = resolver.Resolve(new RefSem(side == Dir.Past ? "PAST_REF" : "FUTURE_REF"), span, doc.Slice(span), () => side);
                continue;
            }
            if (best is not { } b)
            {
                // an extent already judged temporal that the recogniser does not read on its own ("previously",
                // "already", "future"): a deictic adverb places it on its side of the reference, nothing more
                if (DeicticReference(doc.Text.AsSpan(span.Start, span.End - span.Start)) is { } refValue)
                    output[k] = resolver.Resolve(new RefSem(refValue), span, doc.Slice(span), () => Dir.Unknown);
                continue;
            }
            var inner = new TextSpan(st[bestStart].S, st[b.End - 1].E);
            var bsem = InContext(doc, b.Sem, inner, tense);
            var te = VaguePeriodAfterIn(doc.Text, bsem, resolver.Resolve(bsem, inner, doc.Slice(inner), () => tense.At(inner)));
            output[k] = new TimeExpression
            {
                Span = span, Text = doc.Slice(span), Type = te.Type, Value = te.Value, Start = te.Start, End = te.End,
                Precision = te.Precision, Relative = te.Relative,
            };
        }
        return output;
    }

    /// <summary>
    /// Readings that depend on the words around an expression:
    /// "will one day be" (indefinite future, FUTURE_REF); "would be redeemed in five years" (a counted span after
    /// "in" in future narration is a point ahead: the date five years on); "compared with $33 million last year"
    /// in a report about a quarter (the same quarter a year back).
    /// </summary>
    private static Sem InContext(Document doc, Sem sem, TextSpan span, TenseFinder tense)
    {
        var text = doc.Text;
        switch (sem)
        {
            case DurSem { N: 1, Unit: Gran.Day } when StartsWithWord(text, span, "one") || StartsWithWord(text, span, "some"):
                return !PrecededBy(text, span.Start, "for") && !PrecededBy(text, span.Start, "in") && tense.At(span) == Dir.Future ? new RefSem("FUTURE_REF") : sem;
            case DurSem { N: { } n, Unit: var u } when u is Gran.Day or Gran.Week or Gran.Month or Gran.Year && !StartsWithWord(text, span, "the")
                && PrecededBy(text, span.Start, "in") && !AfterSuperlative(text, span.Start) && tense.At(span) == Dir.Future:
                return new OffsetSem { Unit = u, N = n, Sign = 1 };
            case CalSem { RelUnit: Gran.Year, RelOffset: -1, Month: null, Quarter: null, Half: null, Weekday: null, Season: null } when StartsWithWord(text, span, "last")
                && ComparesAmounts(doc, span):
                return new CalSem { Gran = Gran.Year, YearEarlierOfContext = true };
            // "in the first nine months, net was $306 million, compared with a loss in the 1988 period": the
            // period of a clause that names months is not a quarter
            case CalSem { Gran: Gran.Quarter, Year: { } py, Quarter: null, Relative: false } when ClauseBefore(doc, span).Contains("months", StringComparison.OrdinalIgnoreCase):
                return new CalSem { Gran = Gran.Year, Year = py };
            // "the six months ended Aug. 12": the date closes the period the sentence reports on
            case CalSem { Month: not null, Day: not null } endDate when PrecededBy(text, span.Start, "ended") || PrecededBy(text, span.Start, "ending"):
                endDate.EndsPeriod = true;
                return endDate;
            // "for the quarter ended Sept. 30, net rose to $133 million from $100 million a year earlier": a year
            // before the period the sentence closes, not the report's quarter
            case CalSem { YearEarlierOfContext: true, RelUnit: Gran.Year } yearEarlier when NamesPeriodEnd(ClauseBefore(doc, span)):
                yearEarlier.AfterPeriodEnd = true;
                return yearEarlier;
            default:
                return sem;
        }
    }

    /// <summary>"ended" or "ending" followed by a month name: the clause names the day a reported period closed.</summary>
    private static bool NamesPeriodEnd(ReadOnlySpan<char> clause)
    {
        foreach (var cue in (ReadOnlySpan<string>)["ended ", "ending "])
        {
            int at = clause.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var next = clause[(at + cue.Length)..];
            int end = 0;
            while (end < next.Length && char.IsLetter(next[end])) end++;
            if (end > 0 && (TimeLexicon.Get(next[..end]).Kind & (LexKind.Month | LexKind.MonthAbbrev)) != 0) return true;
        }
        return false;
    }

    /// <summary>
    /// "the first rise in five years", "its highest level in a decade", "the most in two years": a span measured back
    /// from the reference, not a point ahead (looks at the 40 characters before the expression).
    /// </summary>
    private static bool AfterSuperlative(string text, int at)
    {
        int from = Math.Max(0, at - 40);
        var before = text.AsSpan(from, at - from);
        int i = 0;
        while (i < before.Length)
        {
            while (i < before.Length && !char.IsLetter(before[i])) i++;
            int s = i;
            while (i < before.Length && char.IsLetter(before[i])) i++;
            var w = before[s..i];
            if (w.Length >= 4 && w.EndsWith("est", StringComparison.OrdinalIgnoreCase) && !w.Equals("interest", StringComparison.OrdinalIgnoreCase)
                || w.Equals("first", StringComparison.OrdinalIgnoreCase) || w.Equals("most", StringComparison.OrdinalIgnoreCase)
                || w.Equals("least", StringComparison.OrdinalIgnoreCase) || w.Equals("time", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool StartsWithWord(string text, TextSpan span, string word) =>
        span.End - span.Start >= word.Length && text.AsSpan(span.Start, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && (span.End - span.Start == word.Length || !char.IsLetter(text[span.Start + word.Length]));

    /// <summary>True when the word right before <paramref name="at"/> is <paramref name="word"/>.</summary>
    private static bool PrecededBy(string text, int at, string word)
    {
        int i = at - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        int end = i + 1;
        while (i >= 0 && char.IsLetter(text[i])) i--;
        return text.AsSpan(i + 1, end - (i + 1)).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "compared with a loss of $3 million last year", "a 13% increase from last year's $1.55 billion": a figure
    /// compared with the one of a year before, in a clause that names no period of its own ("in the nine months,
    /// net rose from $504 million last year" compares nine months, not a quarter).
    /// </summary>
    private static ReadOnlySpan<char> ClauseBefore(Document doc, TextSpan span)
    {
        int si = doc.SentenceAt(span.Start);
        if (si < 0) return default;
        int from = doc.Sentences[si].Start;
        var before = doc.Text.AsSpan(from, span.Start - from);
        int semi = before.LastIndexOf(';');
        return semi >= 0 ? before[(semi + 1)..] : before;
    }

    private static bool ComparesAmounts(Document doc, TextSpan span)
    {
        var text = doc.Text;
        var before = ClauseBefore(doc, span);
        if (before.IsEmpty) return false;
        if (before.Contains("months", StringComparison.OrdinalIgnoreCase) || before.Contains("the year", StringComparison.OrdinalIgnoreCase)) return false;
        bool cue = before.Contains("compared with", StringComparison.OrdinalIgnoreCase) || before.Contains("compared to", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("from ", StringComparison.OrdinalIgnoreCase);
        if (!cue) return false;
        // a figure between the comparison and the expression, or right after "last year's"
        int cmp = Math.Max(before.LastIndexOf("compared", StringComparison.OrdinalIgnoreCase), before.LastIndexOf("from", StringComparison.OrdinalIgnoreCase));
        foreach (var ch in before[cmp..]) if (char.IsDigit(ch)) return true;
        var after = text.AsSpan(span.End, Math.Min(8, text.Length - span.End));
        foreach (var ch in after) if (char.IsDigit(ch)) return true;
        return false;
    }

    private static (St[] St, ParseMatch? Best, int BestStart) ParseExtent(Document doc, int start, int end)
    {
        var tokens = Tokenizer.Tokenize(doc.Text, start, end);
        if (tokens.Length == 0) return ([], null, 0);
        var st = TimeParser.SubTokens(doc.Text, tokens, 0, tokens.Length, null);
        // sentence starts matter for "May"/"March": mark the first sub-token when the extent opens a sentence
        int si = doc.SentenceAt(start);
        if (si >= 0 && doc.Sentences[si].Start != start && st.Length > 0) st[0].SentenceStart = false;
        var parser = new TimeParser(doc.Text, st) { ExtentGiven = true };
        for (int i = 0; i < st.Length; i++)
        {
            if (!parser.CanStart(i)) continue;
            if (parser.ParseAt(i, st.Length) is { } m) return (st, m, i);
        }
        return (st, null, 0);
    }

    /// <summary>The end of the next word when it is "ago", "earlier" or "later", else null.</summary>
    private static int? WordAfter(string text, int at)
    {
        int i = at;
        while (i < text.Length && text[i] == ' ') i++;
        int s = i;
        while (i < text.Length && char.IsLetter(text[i])) i++;
        var w = text.AsSpan(s, i - s);
        return w.Equals("ago", StringComparison.OrdinalIgnoreCase) || w.Equals("earlier", StringComparison.OrdinalIgnoreCase)
            || w.Equals("later", StringComparison.OrdinalIgnoreCase) ? i : null;
    }

    /// <summary>The tagger's matches that overlap none of the given extents, in text order.</summary>
    private static List<(TextSpan Span, Sem Sem)> ContextMatches(Document doc, IReadOnlyList<TextSpan> extents)
    {
        var result = new List<(TextSpan, Sem)>();
        if (doc.Tokens.Length == 0) return result;
        var st = TimeParser.SubTokens(doc.Text, doc.Tokens, 0, doc.Tokens.Length, doc.Sentences);
        var parser = new TimeParser(doc.Text, st) { LatestBareYear = doc.ReferenceDate?.Year + 1 };
        for (int i = 0; i < st.Length; i++)
        {
            if (!parser.CanStart(i)) continue;
            if (parser.ParseAt(i, st.Length) is not { } m) continue;
            var span = new TextSpan(st[i].S, st[m.End - 1].E);
            bool covered = false;
            foreach (var e in extents) if (e.Overlaps(span)) { covered = true; break; }
            if (!covered) result.Add((span, m.Sem));
            i = m.End - 1;
        }
        return result;
    }

    /// <summary>
    /// "in the coming months", "in the last few months", "in past years": a vague period after "in" answers "when",
    /// so it is a DATE on its side of the reference (TimeML PAST_REF / FUTURE_REF), interval kept; "over the past
    /// few weeks", "for the next few years" stay DURATIONs.
    /// </summary>
    private static TimeExpression VaguePeriodAfterIn(string text, Sem sem, TimeExpression te)
    {
        if (sem is not PeriodSem { N: null, Recent: false } p || te.Type != "DURATION" || p.Sign == 0) return te;
        int i = te.Span.Start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        int end = i + 1;
        while (i >= 0 && char.IsLetter(text[i])) i--;
        var prev = text.AsSpan(i + 1, end - (i + 1));
        if (!prev.Equals("in", StringComparison.OrdinalIgnoreCase)) return te;
        return new TimeExpression
        {
            Span = te.Span, Text = te.Text, Type = "DATE", Value = p.Sign < 0 ? "PAST_REF" : "FUTURE_REF",
            Start = te.Start, End = te.End, Precision = te.Precision, Relative = te.Relative,
        };
    }

    /// <summary>
    /// A definite day or part of day that the recogniser leaves alone in running text ("the day" is mostly no date),
    /// read only when the extent is given: "later in the day", "in the morning", "until then" hang on the last
    /// narrated day, or on the reference day when none was narrated; "it's the second day of an offensive" is
    /// the reference day. Null when the extent is something else.
    /// </summary>
    internal static Sem? DefiniteDay(Document doc, TextSpan span, bool dayNarrated)
    {
        var words = doc.Text.AsSpan(span.Start, span.End - span.Start).Trim();
        bool the = false;
        if (words.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) { the = true; words = words[4..].TrimStart(); }
        else if (words.StartsWith("that ", StringComparison.OrdinalIgnoreCase)) words = words[5..].TrimStart();
        if (words.StartsWith("same ", StringComparison.OrdinalIgnoreCase)) words = words[5..].TrimStart();
        int sp = words.IndexOf(' ');
        // "the second day", "eighth day" after "it is" / "today is": the day of speaking
        if (sp > 0 && words[(sp + 1)..].Equals("day", StringComparison.OrdinalIgnoreCase)
            && (TimeLexicon.Get(words[..sp]).Kind & LexKind.Ordinal) != 0 && PresentCopulaBefore(doc.Text, span.Start))
            return new CalSem { Gran = Gran.Day, RelUnit = Gran.Day, RelOffset = 0 };
        if (sp >= 0) return null;
        var entry = TimeLexicon.Get(words);
        bool then = !the && words.Equals("then", StringComparison.OrdinalIgnoreCase);
        bool day = words.Equals("day", StringComparison.OrdinalIgnoreCase);
        bool partOfDay = (entry.Kind & LexKind.PartOfDay) != 0 && entry.Val is >= 1 and <= 4;
        if (!then && !day && !partOfDay) return null;
        if (then && !dayNarrated) return null;
        return new CalSem
        {
            Gran = partOfDay ? Gran.PartOfDay : Gran.Day, RelUnit = Gran.Day, RelOffset = 0,
            PartOfDay = partOfDay ? entry.Val : 0, Anaphoric = dayNarrated,
        };
    }

    private static bool IsTheTime(ReadOnlySpan<char> extent)
    {
        var e = extent.Trim();
        return e.Equals("the time", StringComparison.OrdinalIgnoreCase) || e.Equals("that time", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"it is", "it's", "today is", "this is" right before a position.</summary>
    private static bool PresentCopulaBefore(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        // "today is the [eighth day]": the article may stand outside the extent
        if (before.EndsWith(" the", StringComparison.OrdinalIgnoreCase)) before = before[..^4].TrimEnd();
        foreach (var cue in (ReadOnlySpan<string>)["it is", "it's", "it’s", "today is", "this is"])
            if (before.EndsWith(cue, StringComparison.OrdinalIgnoreCase)
                && (before.Length == cue.Length || !char.IsLetter(before[before.Length - cue.Length - 1])))
                return true;
        return false;
    }

    /// <summary>
    /// The reference side of a deictic adverb that the recogniser leaves alone in running text because it is too
    /// often no time expression ("once", "already"), read only when the extent is given: PAST_REF, PRESENT_REF or
    /// FUTURE_REF, or null.
    /// </summary>
    internal static string? DeicticReference(ReadOnlySpan<char> extent)
    {
        var e = extent.Trim();
        if (e.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) e = e[4..].TrimStart();
        int sp = e.IndexOf(' ');
        var head = sp < 0 ? e : e[..sp];
        bool single = sp < 0;
        if (single && (head.Equals("previously", StringComparison.OrdinalIgnoreCase) || head.Equals("earlier", StringComparison.OrdinalIgnoreCase)
            || head.Equals("formerly", StringComparison.OrdinalIgnoreCase) || head.Equals("once", StringComparison.OrdinalIgnoreCase)))
            return "PAST_REF";
        if (single && (head.Equals("already", StringComparison.OrdinalIgnoreCase) || head.Equals("yet", StringComparison.OrdinalIgnoreCase)))
            return "PRESENT_REF";
        // "future", "future quarters": an unbounded time ahead
        if (head.Equals("future", StringComparison.OrdinalIgnoreCase)) return "FUTURE_REF";
        // "then current", "then-chairman": "then" before a word places it at a past time ("until then" alone is an
        // anaphor to a narrated date and stays unread)
        if (!single && head.Equals("then", StringComparison.OrdinalIgnoreCase)) return "PAST_REF";
        if (head.StartsWith("then-", StringComparison.OrdinalIgnoreCase) && head.Length > 5) return "PAST_REF";
        // "this moment", "this crucial moment", "the present": the time of speaking
        if (e.EndsWith("moment", StringComparison.OrdinalIgnoreCase) && head.Equals("this", StringComparison.OrdinalIgnoreCase)) return "PRESENT_REF";
        if (single && head.Equals("present", StringComparison.OrdinalIgnoreCase)) return "PRESENT_REF";
        return null;
    }
}

/// <summary>
/// Which side of the reference the narration of a sentence lies on: the nearest tense cue to an expression
/// ("will", "expected to", "next" vs "was", "said", "-ed" verbs) decides.
/// </summary>
internal sealed class TenseFinder(Document doc)
{
    private static readonly HashSet<string> Future = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "shall", "'ll", "’ll", "won't", "going", "expected", "expects", "expect", "plans", "plan", "planning", "scheduled",
        "due", "upcoming", "intends", "intend", "tomorrow", "next", "aims", "hopes", "coming", "forthcoming", "supposed",
    };

    private static readonly HashSet<string> PastIrregular = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "were", "had", "did", "said", "told", "ago", "yesterday", "earlier", "last", "previously", "went", "came", "took",
        "gave", "made", "held", "met", "began", "left", "fled", "fought", "saw", "won", "lost", "led", "rose", "fell", "sold",
        "bought", "paid", "struck", "shot", "broke", "became", "brought", "kept", "found", "sent", "spent", "thought", "knew",
        "has", "have", "been", "since", "hit", "put", "cut", "quit", "seized", "stole", "wrote", "spoke", "ran", "drove", "flew",
    };

    /// <summary>Cues further than this (in characters) belong to another clause.</summary>
    private const int MaxCueDistance = 40;

    private static bool IsReporting(ReadOnlySpan<char> w) =>
        w.Equals("said", StringComparison.OrdinalIgnoreCase) || w.Equals("told", StringComparison.OrdinalIgnoreCase)
        || w.Equals("announced", StringComparison.OrdinalIgnoreCase) || w.Equals("reported", StringComparison.OrdinalIgnoreCase)
        || w.Equals("added", StringComparison.OrdinalIgnoreCase) || w.Equals("stated", StringComparison.OrdinalIgnoreCase)
        || w.Equals("noted", StringComparison.OrdinalIgnoreCase) || w.Equals("explained", StringComparison.OrdinalIgnoreCase)
        || w.Equals("quoted", StringComparison.OrdinalIgnoreCase);

    /// <summary>A finite verb form that marks the future: a modal ("will", "would" in reported speech, "'ll").</summary>
    private static bool IsModalFuture(ReadOnlySpan<char> w) =>
        w.Equals("will", StringComparison.OrdinalIgnoreCase) || w.Equals("shall", StringComparison.OrdinalIgnoreCase)
        || w.Equals("would", StringComparison.OrdinalIgnoreCase) || w.Equals("won't", StringComparison.OrdinalIgnoreCase)
        || w.EndsWith("'ll", StringComparison.Ordinal) || w.EndsWith("’ll", StringComparison.Ordinal);

    private static bool IsPerfect(ReadOnlySpan<char> w) =>
        w.Equals("has", StringComparison.OrdinalIgnoreCase) || w.Equals("have", StringComparison.OrdinalIgnoreCase)
        || w.Equals("been", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A word right before a date that makes it a deadline or a start still ahead ("by May", "effective Feb. 1");
    /// not "through", which as often closes a span up to the reference ("sales this year through August").
    /// </summary>
    private static bool IsDeadline(ReadOnlySpan<char> w) =>
        w.Equals("by", StringComparison.OrdinalIgnoreCase) || w.Equals("until", StringComparison.OrdinalIgnoreCase)
        || w.Equals("till", StringComparison.OrdinalIgnoreCase) || w.Equals("effective", StringComparison.OrdinalIgnoreCase);

    private static bool IsAuxiliary(ReadOnlySpan<char> w) =>
        w.Equals("was", StringComparison.OrdinalIgnoreCase) || w.Equals("were", StringComparison.OrdinalIgnoreCase)
        || w.Equals("had", StringComparison.OrdinalIgnoreCase) || w.Equals("did", StringComparison.OrdinalIgnoreCase)
        || w.Equals("has", StringComparison.OrdinalIgnoreCase) || w.Equals("have", StringComparison.OrdinalIgnoreCase)
        || w.Equals("been", StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> NotVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "be", "date",
        "day", "week", "month", "year", "about", "around", "more", "less", "some", "all", "each", "every", "what", "which",
    };

    /// <summary>A lower-case word after "to" that is neither a determiner nor a number nor a name: a verb, roughly.</summary>
    private static bool IsInfinitiveVerb(string text, Token next)
    {
        if (next.Kind != TokenKind.Word || !char.IsLower(text[next.Start])) return false;
        var w = text.AsSpan(next.Start, next.End - next.Start);
        if (NotVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return false;
        return !(w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal));
    }

    private ReadOnlySpan<char> Word(int t) => doc.Text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].End - doc.Tokens[t].Start);

    private static bool IsDeterminer(ReadOnlySpan<char> w) =>
        w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)
        || w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("its", StringComparison.OrdinalIgnoreCase)
        || w.Equals("their", StringComparison.OrdinalIgnoreCase) || w.Equals("his", StringComparison.OrdinalIgnoreCase)
        || w.Equals("her", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase);

    /// <summary>"had scheduled", "had been expected": the past perfect before a word of plans.</summary>
    private bool PrecededByHad(int t, int first)
    {
        if (t - 1 < first) return false;
        var p1 = Word(t - 1);
        if (p1.Equals("had", StringComparison.OrdinalIgnoreCase)) return true;
        return p1.Equals("been", StringComparison.OrdinalIgnoreCase) && t - 2 >= first && Word(t - 2).Equals("had", StringComparison.OrdinalIgnoreCase);
    }

    public Dir At(TextSpan span)
    {
        int si = doc.SentenceAt(span.Start);
        if (si < 0) return Dir.Unknown;
        var s = doc.Sentences[si];
        // "since March": the preposition itself puts the time in the past
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.End > span.Start) break;
            if (tok.End <= span.Start && (t + 1 >= s.EndToken || doc.Tokens[t + 1].Start >= span.Start)
                && doc.Text.AsSpan(tok.Start, tok.End - tok.Start).Equals("since", StringComparison.OrdinalIgnoreCase))
                return Dir.Past;
        }
        int bestPast = int.MaxValue, bestFuture = int.MaxValue, leftPast = int.MaxValue, leftFuture = int.MaxValue;
        bool deadline = false;
        var text = doc.Text;
        // a cue after a comma that follows the expression often belongs to the main clause that a relative clause
        // holding the expression interrupts ("talks that are supposed to conclude by May, invited ..."): it counts
        // as further away
        int commaAfter = int.MaxValue;
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Start >= span.End && text[tok.Start] == ',' && tok.End - tok.Start == 1) { commaAfter = tok.Start; break; }
        }
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var tok = doc.Tokens[t];
            if (tok.Kind != TokenKind.Word || span.Contains(tok.Start)) continue;
            var w = text.AsSpan(tok.Start, tok.End - tok.Start);
            int dist = tok.Start < span.Start ? span.Start - tok.End : tok.Start - span.End;
            if (tok.Start > commaAfter) dist += MaxCueDistance / 2;
            var lookup = Future.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.Contains(w) || w.EndsWith("'ll", StringComparison.Ordinal) || w.EndsWith("’ll", StringComparison.Ordinal))
            {
                if (w.Equals("going", StringComparison.OrdinalIgnoreCase) && !(t + 1 < s.EndToken && text.AsSpan(doc.Tokens[t + 1].Start, doc.Tokens[t + 1].End - doc.Tokens[t + 1].Start).Equals("to", StringComparison.OrdinalIgnoreCase)))
                    continue;
                // "had been scheduled to expire Friday": a plan that lies in the past
                if (PrecededByHad(t, s.FirstToken)) { if (dist < bestPast) bestPast = dist; continue; }
                if (dist < bestFuture) bestFuture = dist;
                if (IsModalFuture(w) && tok.Start < span.Start && dist < leftFuture) leftFuture = dist;
                continue;
            }
            // infinitive "to" + verb before the expression ("is to resume Monday", "agreed to buy it in February")
            // looks ahead; one after it ("fell on Friday to close at $20") belongs to another clause
            if (w.Equals("to", StringComparison.Ordinal) && t + 1 < s.EndToken && IsInfinitiveVerb(text, doc.Tokens[t + 1]))
            {
                if (tok.Start < span.Start)
                {
                    var before = t - 1 >= s.FirstToken ? Word(t - 1) : default;
                    // "had been scheduled to expire Friday": the plan, and its date, lie in the past
                    if (t - 1 >= s.FirstToken && Future.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) && PrecededByHad(t - 1, s.FirstToken))
                    { if (dist < bestPast) bestPast = dist; continue; }
                    if (dist < bestFuture) bestFuture = dist;
                    // as the governing verb only right after a verb of deciding or planning ("agreed to buy it in
                    // February", "is to resume"), not after a clause ("made it difficult for Sun to meet demand")
                    if (dist < leftFuture && (before.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || IsAuxiliary(before)
                        || before.Equals("is", StringComparison.OrdinalIgnoreCase) || before.Equals("are", StringComparison.OrdinalIgnoreCase)))
                        leftFuture = dist;
                }
                continue;
            }
            if (IsModalFuture(w) && tok.Start < span.Start && dist < leftFuture) leftFuture = dist;
            bool past = PastIrregular.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)
                || w.Length >= 5 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("eed", StringComparison.OrdinalIgnoreCase) && char.IsLower(w[0]);
            // a participle after "be"/"being" ("will be named", "would be paid") is no past tense
            if (past && t > s.FirstToken && !IsAuxiliary(w))
            {
                var prev = doc.Tokens[t - 1];
                var pw = text.AsSpan(prev.Start, prev.End - prev.Start);
                if (pw.Equals("be", StringComparison.OrdinalIgnoreCase) || pw.Equals("being", StringComparison.OrdinalIgnoreCase)) past = false;
                // an -ed adjective after a determiner ("a still unspecified date", "the expanded plant") is no verb
                else if (w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && (IsDeterminer(pw)
                    || t - 2 >= s.FirstToken && IsDeterminer(Word(t - 2)) && (pw.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || pw.Equals("still", StringComparison.OrdinalIgnoreCase) || pw.Equals("yet", StringComparison.OrdinalIgnoreCase))))
                    past = false;
            }
            if (past && dist < bestPast) bestPast = dist;
            // the governing verb of a clause, not a reporting verb of the sentence nor a present perfect auxiliary
            if (past && tok.Start < span.Start && dist < leftPast && !IsReporting(w) && !IsPerfect(w)) leftPast = dist;
            if (t + 1 < s.EndToken && doc.Tokens[t + 1].Start >= span.Start && tok.End <= span.Start) deadline = IsDeadline(w);
        }
        if (bestPast > MaxCueDistance && bestFuture > MaxCueDistance)
        {
            // no cue near the expression: "by/until/through/effective March" sets a deadline or a start ahead;
            // otherwise the verb that governs it, roughly the nearest cue before it in the sentence
            if (deadline) return Dir.Future;
            if (leftPast == int.MaxValue && leftFuture == int.MaxValue) return Dir.Unknown;
            return leftFuture < leftPast ? Dir.Future : Dir.Past;
        }
        return bestFuture < bestPast ? Dir.Future : Dir.Past;
    }
}
