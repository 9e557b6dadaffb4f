using Dragoman.Documents;

namespace Dragoman.Time;

/// <summary>A sub-token: document tokens with hyphenated words split ("mid-March" -> mid, -, March), classified once.</summary>
internal struct St
{
    public int S, E;
    public TokenKind K;
    public LexEntry L;
    public bool Cap;
    /// <summary>Value of a plain digit token (-1 otherwise); Digits its length.</summary>
    public int Num, Digits;
    /// <summary>"4th" -> 4; "1990s" -> decade 199.</summary>
    public int Ord, Decade;
    public bool SentenceStart;
}

internal readonly record struct ParseMatch(int End, Sem Sem);

/// <summary>
/// Recognises temporal expressions by hand-written rules over sub-tokens: no regular expressions, no backtracking
/// beyond a few tokens, and nothing is tried at a token that is not a temporal word, a number or a closed-class trigger.
/// </summary>
internal sealed class TimeParser
{
    private readonly string _text;
    private readonly St[] _t;
    private int _limit;

    public TimeParser(string text, St[] subTokens)
    {
        _text = text;
        _t = subTokens;
        _limit = subTokens.Length;
    }

    public St[] Tokens => _t;

    /// <summary>The latest year a bare four-digit number may name (publication year + 1); null when the reference is
    /// unknown. Dates a report can speak of lie in 1900..that year; a bare number outside it is a count or a label.</summary>
    public int? LatestBareYear { get; init; }

    /// <summary>The extent is given as a temporal expression (an annotator's): whether a bare number is a date is
    /// already decided, so the range and label tests that make that decision in running text are skipped.</summary>
    public bool ExtentGiven { get; init; }

    public static St[] SubTokens(string text, Token[] tokens, int from, int to, Sentence[]? sentences)
    {
        // every token gives at least one sub-token and most exactly one: an array of the token count is the answer
        // itself unless a hyphenated word splits (then it grows), never a list copied into an array
        var list = new St[to - from];
        int count = 0;
        void Add(St st)
        {
            if (count == list.Length) Array.Resize(ref list, Math.Max(4, list.Length * 2));
            list[count++] = st;
        }
        int sent = 0;
        for (int ti = from; ti < to; ti++)
        {
            var tok = tokens[ti];
            bool sStart = false;
            if (sentences is not null)
            {
                while (sent < sentences.Length && sentences[sent].EndToken <= ti) sent++;
                sStart = sent < sentences.Length && sentences[sent].FirstToken == ti;
            }
            else sStart = ti == from;
            if (tok.Kind == TokenKind.Word && text.AsSpan(tok.Start, tok.End - tok.Start).IndexOf('-') > 0)
            {
                int s = tok.Start;
                for (int k = tok.Start; k <= tok.End; k++)
                {
                    if (k == tok.End || text[k] == '-')
                    {
                        if (k > s) Add(Make(text, s, k, TokenKind.Word, sStart && s == tok.Start));
                        if (k < tok.End) Add(Make(text, k, k + 1, TokenKind.Punctuation, false));
                        s = k + 1;
                    }
                }
                continue;
            }
            Add(Make(text, tok.Start, tok.End, tok.Kind, sStart));
        }
        if (count != list.Length) Array.Resize(ref list, count);
        return list;
    }

    private static St Make(string text, int s, int e, TokenKind k, bool sentenceStart)
    {
        var st = new St { S = s, E = e, K = k, Num = -1, SentenceStart = sentenceStart };
        var span = text.AsSpan(s, e - s);
        if (k == TokenKind.Number || (span.Length > 0 && char.IsDigit(span[0])))
        {
            st.K = TokenKind.Number;
            int n = 0, j = 0;
            while (j < span.Length && char.IsDigit(span[j]) && j < 9) { n = n * 10 + (span[j] - '0'); j++; }
            if (j == span.Length) { st.Num = n; st.Digits = j; }
            else
            {
                var suf = span[j..];
                if (suf.Equals("st", StringComparison.OrdinalIgnoreCase) || suf.Equals("nd", StringComparison.OrdinalIgnoreCase)
                    || suf.Equals("rd", StringComparison.OrdinalIgnoreCase) || suf.Equals("th", StringComparison.OrdinalIgnoreCase))
                    st.Ord = n;
                else if (suf.Equals("s", StringComparison.OrdinalIgnoreCase) && j == 4 && n % 10 == 0) st.Decade = n / 10;
                else if (suf.Equals("s", StringComparison.OrdinalIgnoreCase) && j == 2 && n % 10 == 0) st.Decade = 190 + n / 10;
            }
            return st;
        }
        if (k == TokenKind.Word)
        {
            st.L = TimeLexicon.Get(span);
            st.Cap = char.IsUpper(span[0]);
        }
        return st;
    }

    /// <summary>Whether a match can start here at all (cheap filter for the scan).</summary>
    public bool CanStart(int i)
    {
        ref readonly var t = ref _t[i];
        return t.L.Kind != LexKind.None || t.K == TokenKind.Number;
    }

    // ---------- token helpers ----------
    private bool In(int i) => i >= 0 && i < _limit;
    private Kw K(int i) => In(i) && (_t[i].L.Kind & LexKind.Keyword) != 0 ? _t[i].L.Kw : Kw.None;
    private bool Is(int i, LexKind k) => In(i) && (_t[i].L.Kind & k) != 0;
    private bool P(int i, char c) => In(i) && _t[i].K != TokenKind.Word && _t[i].E - _t[i].S == 1 && _text[_t[i].S] == c;
    private bool W(int i, string w) => In(i) && _text.AsSpan(_t[i].S, _t[i].E - _t[i].S).Equals(w, StringComparison.OrdinalIgnoreCase);
    private bool Adjacent(int i) => In(i) && In(i - 1) && _t[i - 1].E == _t[i].S;

    private bool IsYear(int i) => In(i) && _t[i].Digits == 4 && _t[i].Num is >= 1000 and <= 2199;

    /// <summary>A year in digits or spelled ("nineteen ninety-four"); <paramref name="next"/> is the token after it.</summary>
    private bool YearAt(int i, out int year, out int next)
    {
        year = 0; next = i;
        if (IsYear(i)) { year = _t[i].Num; next = i + 1; return true; }
        if (W(i, "nineteen") && Number(i + 1, out var tail, out int e, allowA: false) && tail is >= 10 and <= 99 && _t[i + 1].Num < 0)
        { year = 1900 + tail.Value; next = e; return true; }
        return false;
    }

    private Gran Unit(int i) => Is(i, LexKind.Unit) ? _t[i].L.Unit : Gran.None;

    private bool IsPlural(int i) => In(i) && (_text[_t[i].E - 1] is 's' or 'S');

    /// <summary>Cardinal: digits, number words ("twenty-four", "twenty four"), "a", "a few", "several", "a couple of".</summary>
    private bool Number(int i, out int? value, out int next, bool allowA = true)
    {
        value = null; next = i;
        if (!In(i)) return false;
        ref readonly var t = ref _t[i];
        if (t.Num >= 0 && t.Digits <= 4) { value = t.Num; next = i + 1; return true; }
        var kw = K(i);
        if (kw == Kw.A)
        {
            if (K(i + 1) == Kw.Few) { next = i + 2; return true; }
            if (K(i + 1) == Kw.Couple) { value = 2; next = K(i + 2) == Kw.Of ? i + 3 : i + 2; return true; }
            if (K(i + 1) == Kw.Dozen) { value = 12; next = i + 2; return true; }
            if (!allowA) return false;
            value = 1; next = i + 1; return true;
        }
        if (kw is Kw.Few or Kw.Several or Kw.Many) { next = i + 1; return true; }
        if (kw == Kw.Couple) { value = 2; next = K(i + 1) == Kw.Of ? i + 2 : i + 1; return true; }
        if (Is(i, LexKind.Number) && t.L.Num >= 0)
        {
            int n = t.L.Num; int j = i + 1;
            if (n >= 20 && n < 100)
            {
                int k = P(j, '-') ? j + 1 : j;
                if (Is(k, LexKind.Number) && _t[k].L.Num is > 0 and < 10 && K(k) != Kw.A) { n += _t[k].L.Num; j = k + 1; }
            }
            value = n; next = j; return true;
        }
        return false;
    }

    private static readonly int[] DaysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private int MonthAt(int i, out int next)
    {
        next = i;
        if (!In(i)) return 0;
        ref readonly var t = ref _t[i];
        if ((t.L.Kind & LexKind.Month) != 0)
        {
            if (!t.Cap) return 0;
            next = i + 1;
            return t.L.Val;
        }
        if ((t.L.Kind & LexKind.MonthAbbrev) != 0 && t.Cap)
        {
            next = i + 1;
            if (P(next, '.') && Adjacent(next)) next++;
            return t.L.Val;
        }
        return 0;
    }

    private int DayNumber(int i)
    {
        if (!In(i)) return 0;
        ref readonly var t = ref _t[i];
        int d = t.Ord > 0 ? t.Ord : (t.Num >= 0 && t.Digits <= 2 ? t.Num : 0);
        if (d == 0 && Is(i, LexKind.Ordinal)) d = t.L.Ord;
        return d is >= 1 and <= 31 ? d : 0;
    }

    // ---------- entry ----------

    /// <summary>Longest expression starting at sub-token <paramref name="i"/> and ending before <paramref name="limit"/>.</summary>
    public ParseMatch? ParseAt(int i, int limit)
    {
        _limit = limit;
        try
        {
            ParseMatch? best = null;
            void Take(ParseMatch? m) { if (m is { } x && (best is null || x.End > best.Value.End)) best = x; }
            Take(Range(i));
            if (best is null)
            {
                Take(Approx(i));
                Take(Calendar(i, withTime: true));
                Take(TimeOfDay(i));
                Take(Relative(i));
                Take(Quantity(i));
                Take(Reference(i));
                Take(Set(i));
            }
            return best;
        }
        finally { _limit = _t.Length; }
    }

    // ---------- ranges ----------
    private ParseMatch? Range(int i)
    {
        var kw = K(i);
        if (kw is not (Kw.Between or Kw.From)) return null;
        if (Calendar(i + 1, withTime: false) is not { Sem: CalSem a } m1 || a.Relative) return null;
        int j = m1.End;
        bool sep = kw == Kw.Between ? K(j) == Kw.And : K(j) is Kw.To or Kw.Until or Kw.Through || P(j, '-') || P(j, '–');
        if (!sep) return null;
        if (Calendar(j + 1, withTime: false) is not { Sem: CalSem b } m2 || b.Relative) return null;
        return new ParseMatch(m2.End, new RangeSem(a, b));
    }

    // ---------- approximators: "about three years", "over six months ago", "more than a week" ----------
    private ParseMatch? Approx(int i)
    {
        int j;
        switch (K(i))
        {
            case Kw.About or Kw.Around or Kw.Approximately or Kw.Nearly or Kw.Almost or Kw.Roughly or Kw.Over or Kw.Some or Kw.Just or Kw.Under or Kw.Within:
                j = i + 1; break;
            case Kw.More or Kw.Less when K(i + 1) == Kw.Than: j = i + 2; break;
            case Kw.At when K(i + 1) == Kw.Least: j = i + 2; break;
            case Kw.Up when K(i + 1) == Kw.To: j = i + 2; break;
            default: return null;
        }
        if (K(j) == Kw.The) return null; // "over the last two weeks": the preposition is not part of the expression
        var q = Quantity(j);
        if (q is { Sem: OffsetSem o }) { o.Approx = true; return q; }
        if (q is { Sem: DurSem } && K(i) is not (Kw.Within or Kw.Over)) return q;
        // "over three years" as a duration: "over" is read as the preposition and stays outside the extent
        if (K(i) is Kw.About or Kw.Around or Kw.Approximately or Kw.Just && TimeOfDay(j) is { } tod) return tod;
        return null;
    }

    // ---------- quantities: offsets and durations ----------
    private ParseMatch? Quantity(int i)
    {
        // "the nine months", "the first nine months", "the latest six months": a duration with its article
        if (K(i) == Kw.The)
        {
            int j0 = i + 1;
            if (Is(j0, LexKind.Ordinal) && _t[j0].L.Ord == 1 || K(j0) == Kw.Latest) j0++;
            if (Number(j0, out var tn, out int tj, allowA: false) && tn is > 1 && Unit(tj) is var tu and not Gran.None and not Gran.Half && IsPlural(tj))
                return new ParseMatch(tj + 1, new DurSem { Unit = tu, N = tn });
            return null;
        }
        // "year-earlier", "year-ago": a year before the contextual period
        if (Unit(i) == Gran.Year && P(i + 1, '-') && K(i + 2) is Kw.Earlier or Kw.Ago)
        {
            // a year before the quarter in context when one was named nearby, else the year before the reference
            if (Unit(i + 3) == Gran.Quarter || K(i + 3) == Kw.Period)
                return new ParseMatch(i + 4, new CalSem { Gran = Gran.Year, YearEarlierOfContext = true, Quarter = -1 });
            return new ParseMatch(i + 3, new CalSem { Gran = Gran.Year, YearEarlierOfContext = true });
        }
        if (!Number(i, out var n, out int j)) return null;
        bool hyphen = false;
        if (P(j, '-') && Adjacent(j)) { hyphen = true; j++; }
        var unit = Unit(j);
        if (unit == Gran.None || unit == Gran.Half) return null;
        if (n is null && !IsPlural(j) && unit != Gran.Weekend) return null;
        if (n is > 1 && !IsPlural(j) && !hyphen && !W(j, "fortnight")) return null;
        if (W(j, "fortnight")) { unit = Gran.Day; n = (n ?? 1) * 14; }
        int k = j + 1;
        // "a year ago", "two days earlier", "three weeks later", "a year from now"
        if (K(k) is Kw.Ago or Kw.Earlier)
        {
            var o = new OffsetSem { Unit = unit, N = n, Sign = -1 };
            return new ParseMatch(k + 1, n == 1 && unit is Gran.Year or Gran.Quarter
                ? new CalSem { Gran = Gran.Year, YearEarlierOfContext = true, RelUnit = unit, RelOffset = -1 }
                : o);
        }
        if (K(k) is Kw.Later || (K(k) == Kw.From && K(k + 1) == Kw.Now) || W(k, "hence"))
            return new ParseMatch(K(k) == Kw.From ? k + 2 : k + 1, new OffsetSem { Unit = unit, N = n, Sign = 1 });
        if (unit == Gran.Weekend) return null;
        // not times: ages ("52 years old", "a 10-year-old"), fractions ("three-quarters of"), rates ("$5 a year", "twice a week")
        if (W(k, "old") || P(k, '-') && W(k + 1, "old")) return null;
        if (unit == Gran.Quarter && (K(k) == Kw.Of || hyphen)) return null;
        if (K(i) == Kw.A && In(i - 1) && (_t[i - 1].K == TokenKind.Number || W(i - 1, "once") || W(i - 1, "twice") || W(i - 1, "times") || W(i - 1, "percent")))
            return null;
        // "the next 12 to 18 months" style tails are handled by Relative; plain durations here
        if (K(k) == Kw.Or && W(k + 1, "so")) k += 2;
        // "two-year" adjective: a duration ("a two-year contract")
        return new ParseMatch(k, new DurSem { Unit = unit, N = n });
    }

    // ---------- references: now, recently, the past, the future ----------
    private ParseMatch? Reference(int i)
    {
        switch (K(i))
        {
            case Kw.Now: return new ParseMatch(i + 1, new RefSem("PRESENT_REF"));
            case Kw.Currently or Kw.Nowadays: return new ParseMatch(i + 1, new RefSem("PRESENT_REF"));
            case Kw.Current when !Is(i + 1, LexKind.Unit): return new ParseMatch(i + 1, new RefSem("PRESENT_REF"));
            // "previously", "formerly" place nothing on a calendar and TimeML corpora rarely mark them: not tagged
            case Kw.Recently or Kw.Lately: return new ParseMatch(i + 1, new RefSem("PAST_REF"));
            case Kw.Recent:
                if (Unit(i + 1) is var u and not Gran.None && IsPlural(i + 1))
                    return new ParseMatch(i + 2, new PeriodSem { Unit = u, N = null, Sign = -1, Recent = true });
                return new ParseMatch(i + 1, new RefSem("PAST_REF"));
            case Kw.Soon: return new ParseMatch(i + 1, new RefSem("FUTURE_REF"));
            case Kw.A when K(i + 1) == Kw.Later && W(i + 2, "date"): return new ParseMatch(i + 3, new RefSem("FUTURE_REF"));
            case Kw.These when W(i + 1, "days"): return new ParseMatch(i + 2, new RefSem("PRESENT_REF"));
            case Kw.The:
                if (K(i + 1) == Kw.Past && !In(i + 2) || K(i + 1) == Kw.Past && !(Is(i + 2, LexKind.Unit) || Number(i + 2, out _, out _) || Is(i + 2, LexKind.Season) || Is(i + 2, LexKind.Month)))
                    return new ParseMatch(i + 2, new RefSem("PAST_REF"));
                if (K(i + 1) == Kw.Future) return new ParseMatch(i + 2, new RefSem("FUTURE_REF"));
                if (K(i + 1) == Kw.Near && K(i + 2) == Kw.Future) return new ParseMatch(i + 3, new RefSem("FUTURE_REF"));
                if (K(i + 1) == Kw.Present && !In(i + 2) || K(i + 1) == Kw.Present && _t[i + 2].K != TokenKind.Word) return new ParseMatch(i + 2, new RefSem("PRESENT_REF"));
                return null;
            default: return null;
        }
    }

    // ---------- sets ----------
    private ParseMatch? Set(int i)
    {
        switch (K(i))
        {
            // "daily", "quarterly" before a noun are adjectives ("a quarterly dividend"), not times
            case Kw.Daily or Kw.Weekly or Kw.Monthly or Kw.Quarterly when In(i + 1) && _t[i + 1].K == TokenKind.Word && _t[i + 1].L.Kind == LexKind.None && !_t[i + 1].Cap:
                return null;
            case Kw.Daily: return new ParseMatch(i + 1, new SetSem("P1D"));
            case Kw.Weekly: return new ParseMatch(i + 1, new SetSem("P1W"));
            case Kw.Monthly: return new ParseMatch(i + 1, new SetSem("P1M"));
            case Kw.Quarterly: return new ParseMatch(i + 1, new SetSem("P3M"));
            case Kw.Annually or Kw.Yearly: return new ParseMatch(i + 1, new SetSem("P1Y"));
            case Kw.Every or Kw.Each:
                int j = i + 1;
                if (W(j, "other")) j++;
                if (Unit(j) is var u and not Gran.None) return new ParseMatch(j + 1, new SetSem("P1" + UnitLetter(u)));
                if (Is(j, LexKind.Weekday)) return new ParseMatch(j + 1, new SetSem("XXXX-WXX-" + _t[j].L.Val));
                if (Number(j, out var n, out int k) && n is > 1 && Unit(k) is var u2 and not Gran.None)
                    return new ParseMatch(k + 1, new SetSem("P" + n + UnitLetter(u2)));
                return null;
            default: return null;
        }
    }

    internal static string UnitLetter(Gran u) => u switch
    {
        Gran.Second => "S", Gran.Minute => "M", Gran.Hour => "H", Gran.Day => "D", Gran.Week or Gran.Weekend => "W", Gran.Month => "M",
        Gran.Quarter => "Q", Gran.Year => "Y", Gran.Decade => "DE", Gran.Century => "CE", Gran.Season => "M", _ => "D",
    };

    // ---------- relative: last week, next summer, this year, the past two weeks, earlier this month ----------
    private ParseMatch? Relative(int i)
    {
        int j = i;
        var mod = Mod.None;
        // "earlier this year", "later this month", "early next year", "late last week"
        if (K(j) is Kw.Earlier or Kw.Later or Kw.Early or Kw.Late && K(j + 1) is Kw.This or Kw.Next or Kw.Last or Kw.Past)
        {
            mod = K(j) switch { Kw.Earlier => Mod.BeforeRef, Kw.Later => Mod.AfterRef, Kw.Early => Mod.Early, _ => Mod.Late };
            j++;
        }
        bool the = false;
        if (K(j) == Kw.The) { the = true; j++; }
        var kw = K(j);
        // "this past spring", "this coming Sunday"
        if (kw == Kw.This && K(j + 1) is Kw.Past or Kw.Coming) { j++; kw = K(j) == Kw.Past ? Kw.Last : Kw.Next; }
        int sign = kw switch
        {
            Kw.Last or Kw.Past or Kw.Previous or Kw.Prior => -1,
            Kw.Next or Kw.Coming or Kw.Following => 1,
            Kw.This or Kw.Current or Kw.Latest or Kw.Same or Kw.That => 0,
            _ => 2,
        };
        if (sign == 2) return null;
        int k = j + 1;
        // anaphoric: "the following day", "the previous year", "the same day", "the next day", "that year", "the previous Friday"
        bool anaphoric = kw == Kw.That && !the || the && (kw is Kw.Previous or Kw.Prior or Kw.Following or Kw.Same || kw == Kw.Next && Unit(k) == Gran.Day);
        if (anaphoric)
        {
            var au = Unit(k);
            if (au is Gran.Day or Gran.Week or Gran.Month or Gran.Year or Gran.Quarter && !IsPlural(k))
                return new ParseMatch(k + 1, new CalSem { Gran = au, RelUnit = au, RelOffset = sign, Anaphoric = true, Mod = mod });
            if (Is(k, LexKind.Weekday) && sign != 0)
                return new ParseMatch(k + 1, new CalSem { Gran = Gran.Day, Weekday = _t[k].L.Val, WordDir = sign < 0 ? Dir.Past : Dir.Future, Anaphoric = true });
            if (kw == Kw.That && Is(k, LexKind.PartOfDay))
                return new ParseMatch(k + 1, new CalSem { Gran = Gran.PartOfDay, RelUnit = Gran.Day, RelOffset = 0, PartOfDay = _t[k].L.Val, Anaphoric = true });
            return null;
        }
        if (kw == Kw.That) return null;
        // "the last two weeks", "the past few days", "the next 12 to 18 months", "the coming weeks"
        if (Number(k, out var n, out int k2, allowA: false) && Unit(k2) is var pu and not Gran.None && pu != Gran.Half && sign != 0)
        {
            int end = k2 + 1;
            return new ParseMatch(end, new PeriodSem { Unit = pu, N = n, Sign = sign });
        }
        if (Number(k, out var n1, out int k3, allowA: false) && n1 is not null && K(k3) is Kw.To or Kw.Or && Number(k3 + 1, out var n2, out int k4, allowA: false)
            && Unit(k4) is var pu2 and not Gran.None && sign != 0)
            return new ParseMatch(k4 + 1, new PeriodSem { Unit = pu2, N = null, Sign = sign });
        var unit = Unit(k);
        if (unit != Gran.None && IsPlural(k) && unit != Gran.Weekend && sign != 0 && kw is Kw.Coming or Kw.Past or Kw.Next or Kw.Last)
            return new ParseMatch(k + 1, new PeriodSem { Unit = unit, N = null, Sign = sign }); // "the coming weeks"
        // "the latest fiscal year", "the latest year": the last year that has ended
        if (kw == Kw.Latest && (unit == Gran.Year && !IsPlural(k) || (W(k, "fiscal") || W(k, "calendar")) && Unit(k + 1) == Gran.Year && !IsPlural(k + 1)))
            return new ParseMatch(unit == Gran.Year ? k + 1 : k + 2, new CalSem { Gran = Gran.Year, RelUnit = Gran.Year, RelOffset = -1, Mod = mod });
        if (unit is Gran.Day or Gran.Week or Gran.Month or Gran.Year or Gran.Quarter or Gran.Weekend or Gran.Decade or Gran.Century && !IsPlural(k) || unit == Gran.Weekend)
        {
            if (kw is Kw.Same) return null;
            if (kw == Kw.Latest && unit != Gran.Quarter) return null;
            if (kw == Kw.Current && unit is Gran.Day) return null;
            if (the && kw is Kw.Past or Kw.Last && unit != Gran.Weekend && mod == Mod.None)
                return new ParseMatch(k + 1, new PeriodSem { Unit = unit, N = 1, Sign = -1 }); // "the past year"
            if (the && kw is Kw.Next or Kw.Coming && unit != Gran.Weekend && mod == Mod.None)
                return new ParseMatch(k + 1, new PeriodSem { Unit = unit, N = 1, Sign = 1 });
            if (unit == Gran.Quarter && kw is Kw.Latest or Kw.This or Kw.Current && sign == 0)
                return new ParseMatch(k + 1, new CalSem { Gran = Gran.Quarter, LatestCompleted = kw == Kw.Latest, RelUnit = Gran.Quarter, RelOffset = 0, Mod = mod });
            var cs = new CalSem { Gran = unit, RelUnit = unit, RelOffset = sign, Mod = mod };
            int end = k + 1;
            // "last year's quarter": the quarter in context, that year
            if (unit == Gran.Year && (W(end, "'s") || W(end, "’s")) && (Unit(end + 1) == Gran.Quarter && !IsPlural(end + 1) || K(end + 1) == Kw.Period))
                return new ParseMatch(end + 2, new CalSem { Gran = Gran.Quarter, RelUnit = Gran.None, Year = null, WordDir = Dir.Unknown, Mod = mod, Half = null, Quarter = null, YearOffsetFromRef = sign });
            // "this year's third quarter", "next year's first half"
            if (unit == Gran.Year && (W(end, "'s") || W(end, "’s")) && Is(end + 1, LexKind.Ordinal) && Unit(end + 2) is Gran.Quarter or Gran.Half)
            {
                int ord = _t[end + 1].L.Ord;
                if (Unit(end + 2) == Gran.Quarter && ord <= 4) { cs.Quarter = ord; end += 3; }
                else if (Unit(end + 2) == Gran.Half && ord <= 2) { cs.Half = ord; end += 3; }
            }
            return new ParseMatch(end, cs);
        }
        if (the) return null;
        // "last night", "this morning", "this afternoon"
        if (Is(k, LexKind.PartOfDay) && kw is Kw.Last or Kw.This && (kw == Kw.This || _t[k].L.Val == 4))
            return new ParseMatch(k + 1, new CalSem { Gran = Gran.PartOfDay, RelUnit = Gran.Day, RelOffset = kw == Kw.Last ? -1 : 0, PartOfDay = _t[k].L.Val });
        // "last Friday", "next Tuesday", "this Sunday"
        if (Is(k, LexKind.Weekday))
        {
            var cs = new CalSem { Gran = Gran.Day, Weekday = _t[k].L.Val, WordDir = sign < 0 ? Dir.Past : sign > 0 ? Dir.Future : Dir.Unknown, This = sign == 0 };
            int end = k + 1;
            if (Is(end, LexKind.PartOfDay)) { cs.Gran = Gran.PartOfDay; cs.PartOfDay = _t[end].L.Val; end++; }
            else if (P(end, ',') && MonthAt(end + 1, out _) > 0 && Calendar(end + 1, false) is { Sem: CalSem c2 } m2 && c2.Day is not null)
            { c2.WordDir = cs.WordDir; return new ParseMatch(m2.End, c2); }
            return new ParseMatch(end, cs);
        }
        // "last summer", "next summer", "this spring"
        if (Is(k, LexKind.Season))
            return new ParseMatch(k + 1, new CalSem { Gran = Gran.Season, Season = _t[k].L.Val, WordDir = sign < 0 ? Dir.Past : sign > 0 ? Dir.Future : Dir.Unknown, This = sign == 0, Mod = mod });
        // "last April", "next March", "this September"
        if (MonthAt(k, out int km) is var mo and > 0 && DayNumber(km) == 0)
            return new ParseMatch(km, new CalSem { Gran = Gran.Month, Month = mo, WordDir = sign < 0 ? Dir.Past : sign > 0 ? Dir.Future : Dir.Unknown, This = sign == 0, Mod = mod });
        return null;
    }

    // ---------- calendar: dates, partial dates, weekdays, seasons, quarters, holidays, deictic days, times ----------
    private ParseMatch? Calendar(int i, bool withTime)
    {
        int j = i;
        var mod = Mod.None;
        // modifiers: early/late/mid, "mid-", "the start/beginning/end/middle of", "the first/second half of"
        // "the early 1980s", "the late summer": the article belongs to the expression
        if (K(j) == Kw.The && K(j + 1) is Kw.Early or Kw.Late or Kw.Mid && !(K(j + 2) is Kw.This or Kw.Next or Kw.Last)) j++;
        if (K(j) is Kw.Early or Kw.Late && !(K(j + 1) is Kw.This or Kw.Next or Kw.Last))
        { mod = K(j) == Kw.Early ? Mod.Early : Mod.Late; j++; if (P(j, '-')) j++; }
        else if (K(j) is Kw.Earlier or Kw.Later && K(j + 1) is Kw.Today or Kw.Yesterday or Kw.Tomorrow or Kw.Tonight)
        { mod = K(j) == Kw.Earlier ? Mod.Early : Mod.Late; j++; }
        else if (K(j) == Kw.Mid) { mod = Mod.Mid; j++; if (P(j, '-')) j++; }
        else if (K(j) == Kw.The && K(j + 1) is Kw.Start or Kw.Beginning or Kw.End or Kw.Middle && K(j + 2) == Kw.Of)
        {
            mod = K(j + 1) switch { Kw.End => Mod.End, Kw.Middle => Mod.Mid, _ => Mod.Start };
            j += 3;
        }
        else if (K(j) == Kw.The && (Is(j + 1, LexKind.Ordinal) && _t[j + 1].L.Ord <= 2 || K(j + 1) == Kw.Last) && Unit(j + 2) == Gran.Half && K(j + 3) == Kw.Of)
        {
            mod = K(j + 1) == Kw.Last || _t[j + 1].L.Ord == 2 ? Mod.SecondHalf : Mod.FirstHalf;
            j += 4;
        }
        var core = CalendarCore(j, withTime && mod == Mod.None);
        if (core is null)
        {
            // "earlier/later this year" and "early next year" come back through Relative
            if (mod != Mod.None && Relative(j) is { Sem: CalSem rc } rm) { if (rc.Mod == Mod.None) rc.Mod = mod; return rm; }
            return null;
        }
        if (mod != Mod.None && core.Value.Sem is CalSem c) c.Mod = mod;
        else if (mod != Mod.None) return null;
        return core;
    }

    private ParseMatch? CalendarCore(int i, bool withTime)
    {
        ParseMatch? best = null;
        void Take(ParseMatch? m) { if (m is { } x && (best is null || x.End > best.Value.End)) best = x; }
        if (withTime) Take(TimeOfDay(i));
        Take(DateCore(i));
        if (withTime && best is { Sem: CalSem d } b && d.Gran is Gran.Day && d.Hour is null && d.PartOfDay == 0)
        {
            // date followed by a time: "Friday at 10 a.m.", "Nov. 9 at 5 p.m."
            int j = b.End;
            if (P(j, ',') || K(j) == Kw.At) j++;
            if (TimeOfDay(j, dateAllowed: false) is { Sem: CalSem t } tm && t.Hour is not null)
            {
                d.Gran = t.Gran; d.Hour = t.Hour; d.Minute = t.Minute;
                best = new ParseMatch(tm.End, d);
            }
        }
        return best;
    }

    private ParseMatch? DateCore(int i)
    {
        if (!In(i)) return null;
        ref readonly var t = ref _t[i];
        int j;
        // deictic days: today, yesterday, tomorrow, tonight, overnight (+ part of day)
        switch (K(i))
        {
            case Kw.Today or Kw.Yesterday or Kw.Tomorrow or Kw.Tonight:
            {
                int off = K(i) switch { Kw.Yesterday => -1, Kw.Tomorrow => 1, _ => 0 };
                var cs = new CalSem { Gran = Gran.Day, RelUnit = Gran.Day, RelOffset = off };
                if (K(i) == Kw.Tonight) { cs.Gran = Gran.PartOfDay; cs.PartOfDay = 4; }
                j = i + 1;
                if (Is(j, LexKind.PartOfDay) && K(i) != Kw.Tonight) { cs.Gran = Gran.PartOfDay; cs.PartOfDay = _t[j].L.Val; j++; }
                if (P(j, '\'') && W(j + 1, "s")) return null; // "today's": a modifier, kept only when it is the head
                return new ParseMatch(j, cs);
            }
            case Kw.Overnight:
                return new ParseMatch(i + 1, new CalSem { Gran = Gran.PartOfDay, RelUnit = Gran.Day, RelOffset = 0, PartOfDay = 4 });
            case Kw.Ramadan:
            {
                var cs = new CalSem { Gran = Gran.Month, Holiday = "ramadan" };
                j = i + 1;
                if (IsYear(j)) { cs.Year = _t[j].Num; j++; }
                return new ParseMatch(j, cs);
            }
            case Kw.Eid:
            {
                var cs = new CalSem { Gran = Gran.Week, Holiday = "eid-fitr" };
                j = i + 1;
                if (W(j, "al") && P(j + 1, '-')) j += 2; else if (W(j, "al")) j++;
                if (K(j) == Kw.Adha || W(j, "ul") && K(j + 2) == Kw.Adha) { cs.Holiday = "eid-adha"; j = K(j) == Kw.Adha ? j + 1 : j + 3; }
                else if (K(j) == Kw.Fitr) j++;
                if (IsYear(j)) { cs.Year = _t[j].Num; j++; }
                return new ParseMatch(j, cs);
            }
            case Kw.Christmas:
            {
                var cs = new CalSem { Gran = Gran.Day, Month = 12, Day = 25, Holiday = "christmas" };
                j = i + 1;
                if (W(j, "Day") || W(j, "Eve")) { if (W(j, "Eve")) cs.Day = 24; j++; }
                if (IsYear(j)) { cs.Year = _t[j].Num; j++; }
                return new ParseMatch(j, cs);
            }
            case Kw.Fiscal when IsYear(i + 1):
                return new ParseMatch(i + 2, new CalSem { Gran = Gran.Year, Year = _t[i + 1].Num });
            case Kw.The:
                return TheDate(i);
        }
        // ISO date 2019-02-10, slashed 10/02/2019 or 02/13/1998
        if (IsYear(i) && P(i + 1, '-') && Adjacent(i + 1) && In(i + 2) && _t[i + 2].Digits is 1 or 2 && Adjacent(i + 2))
        {
            int y = t.Num, m = _t[i + 2].Num;
            if (m is >= 1 and <= 12)
            {
                if (P(i + 3, '-') && Adjacent(i + 3) && In(i + 4) && _t[i + 4].Digits is 1 or 2 && Adjacent(i + 4) && ValidDay(y, m, _t[i + 4].Num))
                    return new ParseMatch(i + 5, new CalSem { Gran = Gran.Day, Year = y, Month = m, Day = _t[i + 4].Num });
                return new ParseMatch(i + 3, new CalSem { Gran = Gran.Month, Year = y, Month = m });
            }
        }
        if (t.Digits is 1 or 2 && P(i + 1, '/') && In(i + 2) && _t[i + 2].Digits is 1 or 2 && P(i + 3, '/') && In(i + 4) && _t[i + 4].Digits is 4 or 2
            && Adjacent(i + 1) && Adjacent(i + 2) && Adjacent(i + 3) && Adjacent(i + 4))
        {
            int a = t.Num, b = _t[i + 2].Num, y = _t[i + 4].Num;
            if (_t[i + 4].Digits == 2) y += y < 50 ? 2000 : 1900;
            // day first when both readings are possible (as Datelines does): see docs/time.md
            var (m, d) = b > 12 ? (a, b) : (b, a);
            if (m is >= 1 and <= 12 && ValidDay(y, m, d))
                return new ParseMatch(i + 5, new CalSem { Gran = Gran.Day, Year = y, Month = m, Day = d });
        }
        // centuries: "the 20th century", "the eleventh century"
        if ((t.Ord is >= 1 and <= 30 || Is(i, LexKind.Ordinal)) && Unit(i + 1) == Gran.Century && !IsPlural(i + 1))
            return new ParseMatch(i + 2, new CalSem { Gran = Gran.Century, Century = (t.Ord > 0 ? t.Ord : t.L.Ord) - 1 });
        // "year-end", "year end", "year's end": the end of the reference year
        if (Unit(i) == Gran.Year && !IsPlural(i) && (P(i + 1, '-') && K(i + 2) == Kw.End || K(i + 1) == Kw.End || (W(i + 1, "'s") || W(i + 1, "’s")) && K(i + 2) == Kw.End))
        {
            int e = K(i + 1) == Kw.End ? i + 2 : i + 3;
            return new ParseMatch(e, new CalSem { Gran = Gran.Year, RelUnit = Gran.Year, RelOffset = 0, Mod = Mod.End });
        }
        // decades: "1990s"
        if (t.Decade > 0) return new ParseMatch(i + 1, new CalSem { Gran = Gran.Decade, Decade = t.Decade });
        // spelled years: "nineteen ninety-six"
        if (W(i, "nineteen") && Number(i + 1, out var tail, out int yend, allowA: false) && tail is >= 10 and <= 99 && In(i + 1) && _t[i + 1].Num < 0)
            return new ParseMatch(yend, new CalSem { Gran = Gran.Year, Year = 1900 + tail.Value });
        // year alone
        if (IsYear(i) && !(P(i + 1, '-') && Adjacent(i + 1)) && !P(i - 1, '$') && !(In(i + 1) && (_text[_t[i + 1].S] == '%')) && YearContextOk(i)
            && (ExtentGiven || BareYearInRange(i) && !LabelOfANoun(i)))
        {
            var cs = new CalSem { Gran = Gran.Year, Year = t.Num };
            return new ParseMatch(i + 1, cs);
        }
        // day-first: "4 August 2018", "4th of August", "the 4th of August" (via TheDate)
        if (DayNumber(i) is var dd and > 0 && !(t.K == TokenKind.Word && !Is(i, LexKind.Ordinal)))
        {
            j = i + 1;
            if (K(j) == Kw.Of) j++;
            if (MonthAt(j, out int jm) is var mo and > 0 && (t.K == TokenKind.Number || K(i + 1) == Kw.Of))
            {
                var cs = new CalSem { Gran = Gran.Day, Month = mo, Day = dd };
                j = jm;
                int jy = P(j, ',') ? j + 1 : j;
                if (IsYear(jy)) { cs.Year = _t[jy].Num; j = jy + 1; }
                return ValidDay(cs.Year ?? 2000, mo, dd) ? new ParseMatch(j, cs) : null;
            }
        }
        // month-first: "Aug. 4", "August 4, 2018", "August 2018", "August of 2018", "August"
        if (MonthAt(i, out int im) is var month and > 0)
        {
            var cs = new CalSem { Gran = Gran.Month, Month = month };
            j = im;
            int day = In(j) && _t[j].K == TokenKind.Number ? DayNumber(j) : 0;
            if (day > 0 && !(P(j + 1, ':')) && !(In(j + 1) && Unit(j + 1) != Gran.None))
            {
                cs.Gran = Gran.Day; cs.Day = day; j++;
                int jy = P(j, ',') ? j + 1 : j;
                if (IsYear(jy)) { cs.Year = _t[jy].Num; j = jy + 1; }
                return ValidDay(cs.Year ?? 2000, month, day) ? new ParseMatch(j, cs) : null;
            }
            int y2 = K(j) == Kw.Of || P(j, ',') ? j + 1 : j;
            if (YearAt(y2, out int yv, out int ye)) { cs.Year = yv; return new ParseMatch(ye, cs); }
            // "July last year", "March of next year"
            int ry = K(j) == Kw.Of ? j + 1 : j;
            if (K(ry) is Kw.Last or Kw.This or Kw.Next && Unit(ry + 1) == Gran.Year && !IsPlural(ry + 1))
            {
                cs.RelUnit = Gran.Year; cs.RelOffset = K(ry) switch { Kw.Last => -1, Kw.Next => 1, _ => 0 };
                return new ParseMatch(ry + 2, cs);
            }
            // a bare month name: "May" and "March" need a temporal context at sentence start (modal verb, verb)
            bool abbrev = (_t[i].L.Kind & LexKind.Month) == 0;
            if (abbrev) return null;
            if ((W(i, "may") || W(i, "march")) && !MonthContext(i)) return null;
            return new ParseMatch(im, cs);
        }
        // weekday: "Friday", "Friday night", "Friday, Oct. 30"
        if (Is(i, LexKind.Weekday) && t.Cap)
        {
            var cs = new CalSem { Gran = Gran.Day, Weekday = t.L.Val };
            j = i + 1;
            int dj = P(j, ',') ? j + 1 : j;
            if (MonthAt(dj, out _) > 0 && Calendar(dj, false) is { Sem: CalSem c2 } m2 && c2.Day is not null && !c2.Relative)
            { c2.Weekday = t.L.Val; return m2; }
            if (Is(j, LexKind.PartOfDay)) { cs.Gran = Gran.PartOfDay; cs.PartOfDay = _t[j].L.Val; j++; }
            return new ParseMatch(j, cs);
        }
        // seasons: "summer", "summer 2019", "the summer of 1990" (via TheDate)
        // a capitalised season after a capitalised word is a name ("the Arab Spring", "Prague Spring")
        bool seasonName = t.Cap && !t.SentenceStart && In(i - 1) && _t[i - 1].K == TokenKind.Word && _t[i - 1].Cap && !IsYear(i + 1);
        if (Is(i, LexKind.Season) && !seasonName && !(W(i, "fall") && !t.Cap && !IsYear(i + 1)))
        {
            var cs = new CalSem { Gran = Gran.Season, Season = t.L.Val };
            j = i + 1;
            int jy = K(j) == Kw.Of ? j + 1 : j;
            if (IsYear(jy)) { cs.Year = _t[jy].Num; j = jy + 1; }
            return new ParseMatch(j, cs);
        }
        // "first two quarters of 1990", "the last two quarters": a half-year
        if ((Is(i, LexKind.Ordinal) && t.L.Ord == 1 || K(i) == Kw.Last) && W(i + 1, "two") && Unit(i + 2) == Gran.Quarter && IsPlural(i + 2))
            return QuarterTail(i + 2, K(i) == Kw.Last ? 2 : 1, Gran.Half);
        // quarters without article: "third-quarter", "first-half"
        if (Is(i, LexKind.Ordinal) && P(i + 1, '-') && Unit(i + 2) is Gran.Quarter or Gran.Half)
            return QuarterTail(i + 2, t.L.Ord, Unit(i + 2));
        if (Is(i, LexKind.Ordinal) && Unit(i + 1) is Gran.Quarter)
            return QuarterTail(i + 1, t.L.Ord, Gran.Quarter);
        return null;
    }

    private ParseMatch? QuarterTail(int unitIdx, int ord, Gran unit)
    {
        if (unit == Gran.Quarter && ord is < 1 or > 4 || unit == Gran.Half && ord is < 1 or > 2) return null;
        var cs = new CalSem { Gran = unit };
        if (unit == Gran.Quarter) cs.Quarter = ord; else cs.Half = ord;
        int j = unitIdx + 1;
        if (K(j) == Kw.Of) j++;
        if (K(j) == Kw.Fiscal) j++;
        if (IsYear(j)) { cs.Year = _t[j].Num; return new ParseMatch(j + 1, cs); }
        return new ParseMatch(unitIdx + 1, cs);
    }

    private ParseMatch? TheDate(int i)
    {
        int j = i + 1;
        // "the quarter a year ago", "the same period last year", "the corresponding quarter a year earlier": the
        // quarter the report is about, a year back
        {
            int q0 = j;
            if (K(q0) == Kw.Same || W(q0, "corresponding") || W(q0, "comparable") || W(q0, "equivalent")) q0++;
            if (Unit(q0) == Gran.Quarter && !IsPlural(q0) || K(q0) == Kw.Period)
            {
                int qa = q0 + 1;
                if (K(qa) == Kw.Last && Unit(qa + 1) == Gran.Year && !IsPlural(qa + 1))
                    return new ParseMatch(qa + 2, new CalSem { Gran = Gran.Year, YearEarlierOfContext = true, Quarter = -1 });
                if (K(qa) == Kw.A && Unit(qa + 1) == Gran.Year && !IsPlural(qa + 1) && K(qa + 2) is Kw.Ago or Kw.Earlier)
                    return new ParseMatch(qa + 3, new CalSem { Gran = Gran.Year, YearEarlierOfContext = true, Quarter = -1 });
            }
        }
        // "the 4th of August", "the 1990s", "the nineties", "the summer of 1990", "the third quarter", "the weekend"
        if (DayNumber(j) is > 0 && (_t[j].Ord > 0 || Is(j, LexKind.Ordinal)) && K(j + 1) == Kw.Of && MonthAt(j + 2, out _) > 0)
            return DateCore(j);
        if (In(j) && _t[j].Decade > 0) return new ParseMatch(j + 1, new CalSem { Gran = Gran.Decade, Decade = _t[j].Decade });
        if ((In(j) && _t[j].Ord > 0 || Is(j, LexKind.Ordinal)) && Unit(j + 1) == Gran.Century) return DateCore(j);
        if (Is(j, LexKind.Number) && _t[j].L.Num >= 20 && _t[j].L.Num < 100 && IsPlural(j) && _t[j].L.Num % 10 == 0)
            return null;
        if (In(j) && W(j, "nineties")) return new ParseMatch(j + 1, new CalSem { Gran = Gran.Decade, Decade = 199 });
        if (Is(j, LexKind.Season))
        {
            // "the fall of the president", "the fall of Kabul": the noun, not the season ("the fall of 1990" is one)
            if (W(j, "fall") && !_t[j].Cap && K(j + 1) == Kw.Of && !YearAt(j + 2, out _, out _)) return null;
            var cs = new CalSem { Gran = Gran.Season, Season = _t[j].L.Val };
            int k = j + 1;
            if (K(k) == Kw.Of && YearAt(k + 1, out int sy, out int se)) { cs.Year = sy; k = se; }
            return new ParseMatch(k, cs);
        }
        if ((Is(j, LexKind.Ordinal) && _t[j].L.Ord == 1 || K(j) == Kw.Last) && W(j + 1, "two") && Unit(j + 2) == Gran.Quarter && IsPlural(j + 2))
            return QuarterTail(j + 2, K(j) == Kw.Last ? 2 : 1, Gran.Half);
        if (Is(j, LexKind.Ordinal) && Unit(j + 1) is Gran.Quarter or Gran.Half) return QuarterTail(j + 1, _t[j].L.Ord, Unit(j + 1));
        if (K(j) == Kw.Fiscal && Is(j + 1, LexKind.Ordinal) && Unit(j + 2) is Gran.Quarter or Gran.Half) return QuarterTail(j + 2, _t[j + 1].L.Ord, Unit(j + 2));
        // "the 1988 third quarter"
        if (IsYear(j) && Is(j + 1, LexKind.Ordinal) && Unit(j + 2) is Gran.Quarter or Gran.Half && QuarterTail(j + 2, _t[j + 1].L.Ord, Unit(j + 2)) is { Sem: CalSem yq } yqm)
        { yq.Year = _t[j].Num; return yqm; }
        // "the year two thousand"
        if (Unit(j) == Gran.Year && W(j + 1, "two") && W(j + 2, "thousand")) return new ParseMatch(j + 3, new CalSem { Gran = Gran.Year, Year = 2000 });
        // "the 1988 quarter", "the 1989 period"
        if (IsYear(j) && (Unit(j + 1) == Gran.Quarter && !IsPlural(j + 1) || K(j + 1) == Kw.Period))
            return new ParseMatch(j + 2, new CalSem { Gran = Gran.Quarter, Year = _t[j].Num });
        // "the last half of 1989"
        if (K(j) == Kw.Last && Unit(j + 1) == Gran.Half && K(j + 2) == Kw.Of) return null;
        // "the near term", "the short term"
        if (K(j) is Kw.Near or Kw.Short && K(j + 1) == Kw.Term) return new ParseMatch(j + 2, new RefSem("FUTURE_REF"));
        // "the year-earlier quarter", "the year-ago period", "the year-ago third quarter": a year before the quarter in context
        if (Unit(j) == Gran.Year && P(j + 1, '-') && K(j + 2) is Kw.Earlier or Kw.Ago)
        {
            int q = j + 3;
            if (Is(q, LexKind.Ordinal) && Unit(q + 1) == Gran.Quarter) q++;
            if (Unit(q) is Gran.Quarter || K(q) == Kw.Period) return new ParseMatch(q + 1, new CalSem { Gran = Gran.Year, YearEarlierOfContext = true, Quarter = -1 });
        }
        // "the year", "the full year", "the fiscal year", "the current month": the unit containing the reference
        int a = j;
        while (In(a) && a < j + 2 && (W(a, "full") || W(a, "fiscal") || W(a, "calendar") || W(a, "entire") || W(a, "whole") || K(a) == Kw.Current)) a++;
        // "for the year", "for the fiscal year": how long (results over the year), not when
        if (Unit(a) == Gran.Year && !IsPlural(a) && W(i - 1, "for") && !P(a + 1, '-'))
            return new ParseMatch(a + 1, new DurSem { Unit = Gran.Year, N = 1 });
        if (Unit(a) is Gran.Year or Gran.Month && !IsPlural(a) && !(K(a + 1) is Kw.Earlier or Kw.Before or Kw.Ago or Kw.Later) && !W(a + 1, "after") && !P(a + 1, '-'))
            return new ParseMatch(a + 1, new CalSem { Gran = Unit(a), RelUnit = Unit(a), RelOffset = 0 });
        if (K(j) == Kw.Latest && (K(j + 1) == Kw.Period || Unit(j + 1) == Gran.Quarter))
            return new ParseMatch(j + 2, new CalSem { Gran = Gran.Quarter, LatestCompleted = true, RelUnit = Gran.Quarter });
        if (Unit(j) == Gran.Quarter && !IsPlural(j))
            return new ParseMatch(j + 1, new CalSem { Gran = Gran.Quarter, LatestCompleted = true, RelUnit = Gran.Quarter });
        // "the day before", "the day after": anchored on the narrated day
        if (Unit(j) == Gran.Day && !IsPlural(j) && (K(j + 1) == Kw.Before || W(j + 1, "after")) && !(In(j + 2) && _t[j + 2].K == TokenKind.Word && _t[j + 2].L.Kind == LexKind.None))
            return new ParseMatch(j + 2, new CalSem { Gran = Gran.Day, RelUnit = Gran.Day, RelOffset = K(j + 1) == Kw.Before ? -1 : 1, Anaphoric = true });
        if (Unit(j) == Gran.Weekend && !IsPlural(j)) return new ParseMatch(j + 1, new CalSem { Gran = Gran.Weekend, RelUnit = Gran.Weekend, RelOffset = 0 });
        if (Unit(j) == Gran.Year && P(j + 1, '-') && K(j + 2) is Kw.Earlier or Kw.Ago && Unit(j + 3) is Gran.Quarter or Gran.Year or Gran.Month)
            return new ParseMatch(j + 4, new CalSem { Gran = Gran.Year, YearEarlierOfContext = true });
        return null;
    }

    /// <summary>A four-digit number is a year unless it reads as a count ("1999 people").</summary>
    /// <summary>Plural nouns that a four-digit number before them counts ("1000 lives", "1500 prisoners").</summary>
    private static readonly HashSet<string> CountedNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "lives", "victims", "deaths", "dead", "casualties", "refugees", "prisoners", "detainees", "persons", "individuals",
        "homes", "houses", "rockets", "shells", "missiles", "women", "students", "patients",
    };

    /// <summary>1900..publication year + 1; a later year only where a preposition of time makes it a date ("by 1994",
    /// "due 1993", "until 2030": plans and deadlines, which events never take as their date).</summary>
    private bool BareYearInRange(int i)
    {
        int year = _t[i].Num;
        if (year < 1900) return false;
        if (LatestBareYear is not { } latest || year <= latest) return true;
        return K(i - 1) is Kw.Until or Kw.Before or Kw.Since or Kw.From || W(i - 1, "by") || W(i - 1, "in") || W(i - 1, "due") || W(i - 1, "through") || W(i - 1, "to");
    }

    /// <summary>
    /// A number right after a noun with no preposition between is that noun's label, the number of a thing
    /// ("resolution 2118", "flight 1070", "Euro 2016", "Article 2019"), not a date: a year follows a preposition, a
    /// determiner, a conjunction, punctuation or a verb form, or stands at the sentence start. Temporal words before
    /// it (months, seasons, "fiscal", "mid") are date syntax and parsed by their own rules.
    /// </summary>
    private bool LabelOfANoun(int i)
    {
        if (!In(i - 1) || _t[i].SentenceStart) return false;
        ref readonly var prev = ref _t[i - 1];
        if (prev.K != TokenKind.Word || prev.L.Kind != LexKind.None) return false;
        var w = _text.AsSpan(prev.S, prev.E - prev.S);
        if (ClosedClassBeforeYear.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return false;
        // a verb form ("founded 1990", "compared with 2019" is a preposition case above): -ed participles and past tenses
        if (w.Length > 3 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    /// <summary>English closed-class words (prepositions, determiners, conjunctions, copulas, pronouns) that a year may
    /// follow directly: grammar, not a list of the nouns that take labels.</summary>
    private static readonly HashSet<string> ClosedClassBeforeYear = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "of", "by", "for", "from", "to", "into", "since", "until", "till", "through", "throughout", "during",
        "before", "after", "between", "around", "about", "circa", "c", "ca", "as", "than", "like", "unlike", "with", "without",
        "within", "beyond", "toward", "towards", "due", "against", "over", "under", "across", "past", "via", "per", "versus", "vs",
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "every", "each",
        "and", "or", "but", "nor", "so", "yet", "whereas", "while", "when", "where", "whether", "if", "because", "although",
        "is", "was", "are", "were", "be", "been", "being", "am", "has", "had", "have", "will", "would", "could", "should",
        "it", "which", "what", "who", "then", "not", "only", "also", "even", "still", "again", "both", "either", "neither",
        "'s", "’s",
    };

    private bool YearContextOk(int i)
    {
        if (IsZone(i + 1) || W(i + 1, "hours") || W(i + 1, "hrs")) return false;
        // "over 1000 lives", "more than 2000", "at least 1500": an approximated amount is a count
        if (W(i - 1, "over") || W(i - 1, "than") || W(i - 1, "nearly") || W(i - 1, "almost") || W(i - 1, "least") || W(i - 1, "some")) return false;
        if (In(i + 1) && _t[i + 1].K == TokenKind.Word && !_t[i + 1].Cap && _t[i + 1].L.Kind == LexKind.None)
        {
            var prev = K(i - 1);
            if (prev is Kw.Since or Kw.Until or Kw.From or Kw.Of or Kw.Fiscal or Kw.Early or Kw.Late or Kw.Mid or Kw.Before || W(i - 1, "in") || W(i - 1, "by") || W(i - 1, "during") || W(i - 1, "after"))
                return true;
            // "1988 results": a year used as a modifier is still a year when followed by a singular or plural noun,
            // but not when the number is counted ("2000 people", "1500 troops")
            var next = _text.AsSpan(_t[i + 1].S, _t[i + 1].E - _t[i + 1].S);
            return !(next.Equals("people", StringComparison.OrdinalIgnoreCase) || next.EndsWith("ers", StringComparison.OrdinalIgnoreCase)
                || next.Equals("troops", StringComparison.OrdinalIgnoreCase) || next.Equals("men", StringComparison.OrdinalIgnoreCase)
                || next.Equals("km", StringComparison.OrdinalIgnoreCase) || next.Equals("kilometres", StringComparison.OrdinalIgnoreCase)
                || next.Equals("kilometers", StringComparison.OrdinalIgnoreCase) || next.Equals("miles", StringComparison.OrdinalIgnoreCase)
                || next.Equals("metres", StringComparison.OrdinalIgnoreCase) || next.Equals("meters", StringComparison.OrdinalIgnoreCase)
                || next.Equals("families", StringComparison.OrdinalIgnoreCase) || next.Equals("civilians", StringComparison.OrdinalIgnoreCase)
                || next.Equals("shares", StringComparison.OrdinalIgnoreCase) || next.Equals("tons", StringComparison.OrdinalIgnoreCase)
                || next.Equals("children", StringComparison.OrdinalIgnoreCase) || next.Equals("dollars", StringComparison.OrdinalIgnoreCase)
                || CountedNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next));
        }
        return true;
    }

    private bool MonthContext(int i)
    {
        if (!_t[i].SentenceStart && !(P(i - 1, '"') || P(i - 1, '“'))) return !(In(i + 1) && _t[i + 1].K == TokenKind.Word && !_t[i + 1].Cap && _t[i + 1].L.Kind == LexKind.None && W(i, "may"));
        return K(i + 1) == Kw.Of || IsYear(i + 1) || DayNumber(i + 1) > 0;
    }

    private static bool ValidDay(int y, int m, int d) => m is >= 1 and <= 12 && d >= 1 && d <= (m == 2 ? (DateTime.IsLeapYear(Math.Clamp(y, 1, 9999)) ? 29 : 28) : DaysIn[m - 1]);

    // ---------- times of day: "10 p.m.", "7:15 pm EST", "noon Thursday", "Thursday evening", "mid-afternoon yesterday" ----------
    private ParseMatch? TimeOfDay(int i, bool dateAllowed = true)
    {
        if (!In(i)) return null;
        int j = i;
        var cs = new CalSem { Gran = Gran.Minute };
        ref readonly var t = ref _t[i];
        bool ok = false;
        if (t.K == TokenKind.Number)
        {
            var span = _text.AsSpan(t.S, t.E - t.S);
            int colon = span.IndexOf(':');
            int h, m = 0;
            if (colon > 0 && colon <= 2 && span.Length == colon + 3 && int.TryParse(span[..colon], out h) && int.TryParse(span[(colon + 1)..], out m)) { }
            else if (t.Num >= 0 && t.Digits <= 2) h = t.Num;
            else if (t.Digits == 4 && t.Num % 100 < 60 && t.Num / 100 <= 24 && (IsZone(i + 1) || W(i + 1, "hours") || W(i + 1, "hrs") || W(i + 1, "local")))
            {
                // military time: "at 0300 GMT", "1400 hours", "0530 local time"
                h = t.Num / 100; m = t.Num % 100;
                cs.Hour = h; cs.Minute = m;
                j = i + 1;
                if (W(j, "hours") || W(j, "hrs")) j++;
                if (IsZone(j)) j++; else if (W(j, "local") && W(j + 1, "time")) j += 2;
                ok = true;
                goto dated;
            }
            else return null;
            if (h > 24 || m > 59) return null;
            j = i + 1;
            // a.m. / p.m. / am / pm / o'clock
            int after = AmPm(j, out bool? pm);
            if (after > j) { if (pm == true && h < 12) h += 12; if (pm == false && h == 12) h = 0; j = after; ok = true; }
            else if (colon > 0) ok = true;
            else if (W(j, "o'clock") || W(j, "o’clock")) { j++; ok = true; }
            if (!ok) return null;
            cs.Hour = h; cs.Minute = m;
            // time zone
            if (IsZone(j)) j++;
            else if (W(j, "local") && W(j + 1, "time")) j += 2;
        }
        else if (Is(i, LexKind.PartOfDay) && _t[i].L.Val is 5 or 6)
        {
            cs.Hour = _t[i].L.Val == 5 ? 12 : 24; cs.Minute = 0; cs.Gran = Gran.Hour; j = i + 1; ok = true;
        }
        else if (K(i) == Kw.Mid && P(i + 1, '-') && Is(i + 2, LexKind.PartOfDay) || K(i) == Kw.Mid && Is(i + 1, LexKind.PartOfDay))
        {
            int k = P(i + 1, '-') ? i + 2 : i + 1;
            cs.Gran = Gran.PartOfDay; cs.PartOfDay = _t[k].L.Val; j = k + 1; ok = true;
        }
        if (!ok) return null;
    dated:
        if (!dateAllowed) return new ParseMatch(j, cs);
        // the day it belongs to: "noon Thursday", "5 p.m. EST, Nov. 6", "mid-afternoon yesterday", "10 p.m. on Wednesday"
        int d0 = j;
        if (P(d0, ',')) d0++;
        if (W(d0, "on")) d0++;
        if (DateCore(d0) is { Sem: CalSem day } dm && day.Gran is Gran.Day && day.Hour is null)
        {
            day.Gran = cs.Gran; day.Hour = cs.Hour; day.Minute = cs.Minute; day.PartOfDay = cs.PartOfDay;
            return new ParseMatch(dm.End, day);
        }
        if (Relative(d0) is { Sem: CalSem rday } rm && rday.RelUnit == Gran.Day && rday.Gran == Gran.Day)
        {
            rday.Gran = cs.Gran; rday.Hour = cs.Hour; rday.Minute = cs.Minute; rday.PartOfDay = cs.PartOfDay;
            return new ParseMatch(rm.End, rday);
        }
        // a clock time alone is anchored on the reference day
        cs.RelUnit = Gran.Day; cs.RelOffset = 0;
        return new ParseMatch(j, cs);
    }

    private bool IsZone(int j) => In(j) && _t[j].K == TokenKind.Word
        && _text.AsSpan(_t[j].S, _t[j].E - _t[j].S) is "EST" or "EDT" or "GMT" or "UTC" or "CST" or "PST" or "BST" or "CET" or "CEST" or "MST" or "PDT" or "CDT" or "EET" or "EEST" or "AST" or "IRST";

    private int AmPm(int j, out bool? pm)
    {
        pm = null;
        if (!In(j)) return j;
        var span = _text.AsSpan(_t[j].S, _t[j].E - _t[j].S);
        if (span.Equals("am", StringComparison.OrdinalIgnoreCase) || span.Equals("pm", StringComparison.OrdinalIgnoreCase))
        { pm = char.ToLowerInvariant(span[0]) == 'p'; return P(j + 1, '.') && Adjacent(j + 1) && !In(j + 2) ? j + 2 : j + 1; }
        if ((span.Equals("a", StringComparison.OrdinalIgnoreCase) || span.Equals("p", StringComparison.OrdinalIgnoreCase)) && P(j + 1, '.') && W(j + 2, "m"))
        {
            pm = char.ToLowerInvariant(span[0]) == 'p';
            return P(j + 3, '.') && Adjacent(j + 3) ? j + 4 : j + 3;
        }
        return j;
    }
}
