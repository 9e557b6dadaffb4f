using System.Globalization;
using Dragoman.Documents;

namespace Dragoman.Time;

/// <summary>
/// Turns a matched expression into a TIMEX3-style value, an interval and a precision against the reference date.
/// Without a reference nothing is invented: values keep X placeholders and <see cref="TimeExpression.Relative"/> says
/// where the expression lies relative to publication (notation in docs/time.md). One instance per document
/// (it remembers the last quarter named, for "a year earlier").
/// </summary>
internal sealed class TimeResolver(DateOnly? reference)
{
    private static readonly UmAlQuraCalendar Hijri = new();
    private (int Year, int Quarter)? _lastQuarter;
    private int _lastQuarterAt = int.MinValue;
    private int? _endedQuarter, _openQuarter;
    private int _at;

    private readonly DateOnly? _reference = reference;
    private DateOnly? _override;
    private DateOnly? _anchorDay, _anchorAny;
    /// <summary>The last day named as the close of a reported period ("the quarter ended Sept. 30").</summary>
    private DateOnly? _periodEnd;

    /// <summary>Whether a day-precise date has been narrated so far (what "the day", "then" hang on).</summary>
    public bool HasDayAnchor => _anchorDay is not null;

    /// <summary>The reference date, or while an anaphoric expression resolves, the narrated date it hangs on.</summary>
    public DateOnly? Reference => _override ?? _reference;

    /// <summary>A quarter named further back than this (characters) no longer frames "a year earlier".</summary>
    private const int QuarterContextChars = 600;

    public TimeExpression Resolve(Sem sem, TextSpan span, string text, Func<Dir> tense)
    {
        _at = span.Start;
        try
        {
            TimeExpression result;
            if (sem is CalSem { Anaphoric: true } ac)
            {
                // "the following day", "that year": on the last narrated date, else on the reference
                _override = ac.RelUnit is Gran.Day or Gran.Week || ac.Weekday is not null ? _anchorDay ?? _anchorAny : _anchorAny ?? _anchorDay;
                if (_override is null)
                {
                    // nothing narrated before it: the anchor is unknown, and the reference is not a substitute
                    var unit = ac.Weekday is not null ? Gran.Day : ac.RelUnit;
                    return new TimeExpression
                    {
                        Span = span, Text = text, Type = "DATE", Value = XValue(unit), Precision = PrecisionOfUnit(unit),
                        Relative = "anchor" + (ac.Weekday is { } aw ? (ac.WordDir == Dir.Past ? ":before:XXXX-WXX-" : ":after:XXXX-WXX-") + aw : RelOffsetNotation(ac.RelOffset, unit).Replace("P0", "+P0", StringComparison.Ordinal)),
                    };
                }
                try { result = ResolveCore(sem, span, text, tense); }
                finally { _override = null; }
            }
            else result = ResolveCore(sem, span, text, tense);
            if (result.Start is { } st && result.Type is "DATE" or "TIME" && sem is CalSem or OffsetSem && result.Value is not ("PAST_REF" or "PRESENT_REF" or "FUTURE_REF"))
            {
                if (result.Precision == TimePrecision.Day) _anchorDay = st;
                if (result.Precision == TimePrecision.Day && sem is CalSem { EndsPeriod: true }) _periodEnd = st;
                if (result.Precision is TimePrecision.Day or TimePrecision.Week or TimePrecision.Month or TimePrecision.Season or TimePrecision.Year) _anchorAny = st;
            }
            return result;
        }
        catch (ArgumentOutOfRangeException)
        {
            // "5000 years ago", a reference near the calendar's ends: keep the expression, claim no date
            return new TimeExpression { Span = span, Text = text, Type = sem is DurSem ? "DURATION" : "DATE", Precision = TimePrecision.Unknown };
        }
    }

    private void SetQuarter(int year, int quarter, Func<Dir>? tense = null)
    {
        _lastQuarter = (year, quarter);
        _lastQuarterAt = _at;
        // a quarter named in future narration ("expects fourth-quarter earnings to fall") is an outlook, not the
        // period the report is about
        if (tense is not null && tense() == Dir.Future) return;
        // a report is about a quarter that has ended; one that has not ("the impact on fourth-quarter results")
        // frames the report only when no ended one was named
        if (Reference is { } r && new DateOnly(year, 3 * (quarter - 1) + 1, 1).AddMonths(3) <= r) _endedQuarter = quarter;
        else _openQuarter = quarter;
    }

    private TimeExpression ResolveCore(Sem sem, TextSpan span, string text, Func<Dir> tense) => sem switch
    {
        CalSem c => Cal(c, span, text, tense),
        OffsetSem o => Offset(o, span, text),
        PeriodSem p => Period(p, span, text),
        DurSem d => new TimeExpression { Span = span, Text = text, Type = "DURATION", Value = DurationValue(d.Unit, d.N), Precision = TimePrecision.Unknown },
        RefSem r => Ref(r, span, text),
        SetSem s => new TimeExpression { Span = span, Text = text, Type = "SET", Value = s.Value, Precision = TimePrecision.Unknown },
        RangeSem rg => Range(rg, span, text, tense),
        _ => new TimeExpression { Span = span, Text = text },
    };

    // ---------------- calendar values ----------------

    private sealed record Resolved(string Value, DateOnly? Start, DateOnly? End, TimePrecision Precision, string? Relative, bool IsTime, bool YearInferred);

    private TimeExpression Cal(CalSem c, TextSpan span, string text, Func<Dir> tense)
    {
        var r = ResolveCal(c, tense);
        return new TimeExpression
        {
            Span = span, Text = text, Type = r.IsTime ? "TIME" : "DATE", Value = r.Value, Start = r.Start, End = r.End,
            Precision = r.Precision, Relative = r.Relative,
        };
    }

    private Resolved ResolveCal(CalSem c, Func<Dir> tense)
    {
        if (c.Holiday is "ramadan" or "eid-fitr" or "eid-adha") return IslamicHoliday(c, tense);
        if (c.YearEarlierOfContext)
        {
            if (c.AfterPeriodEnd && _periodEnd is { } pe)
            {
                var back = pe.AddYears(-1);
                return Format(new CalSem { Gran = Gran.Day }, back.Year, back.Month, back.Day, null, false);
            }
            if (_lastQuarter is { } lq && c.RelUnit != Gran.Quarter && c.Quarter != -2 && (_at - _lastQuarterAt < QuarterContextChars || c.Quarter == -1))
            {
                // the quarter in context, in the year before the reference's (reports compare with the same quarter a year back)
                int qy = Reference is { } rq ? Math.Min(lq.Year, rq.Year) - 1 : lq.Year - 1;
                var q = new CalSem { Gran = Gran.Quarter, Year = qy, Quarter = lq.Quarter };
                return Format(q, q.Year!.Value, 0, 0, null, false);
            }
            if (Reference is not { } rr)
                return new Resolved("XXXX", null, null, TimePrecision.Year, "-P1Y", false, false);
            var y = new CalSem { Gran = Gran.Year, Year = rr.Year - 1 };
            return Format(y, rr.Year - 1, 0, 0, null, false);
        }
        if (c.Relative && c.Month is { } rm && Reference is { } rr2)
        {
            // "July last year": a month of a year given relative to the reference
            var my = new CalSem { Gran = c.Gran, Month = rm, Day = c.Day, Mod = c.Mod };
            return Format(my, rr2.Year + c.RelOffset, rm, c.Day ?? 1, null, false);
        }
        if (c.Relative) return RelativeCal(c, tense);

        // absolute or partial calendar values
        if (c.Gran is Gran.Decade or Gran.Century) return Format(c, 0, 0, 0, null, false);
        if (c.Weekday is { } wd && c.Month is null)
        {
            var dir = c.WordDir != Dir.Unknown ? c.WordDir : c.This ? Dir.Unknown : tense();
            if (Reference is not { } r0)
            {
                string partial = "XXXX-WXX-" + wd;
                return new Resolved(partial + TimeSuffix(c), null, null, TimePrecision.Day, Side(dir, c.This) + ":" + partial, c.Gran != Gran.Day, false);
            }
            int refDow = IsoDow(r0);
            int delta;
            if (c.WordDir == Dir.Past) { delta = wd - refDow; if (delta >= 0) delta -= 7; }
            else if (c.WordDir == Dir.Future) { delta = wd - refDow; if (delta <= 0) delta += 7; }
            else if (c.This) delta = wd - refDow;
            else if (dir == Dir.Future) { delta = wd - refDow; if (delta < 0) delta += 7; }
            else { delta = wd - refDow; if (delta > 0) delta -= 7; } // past or no cue: news narrates the past
            var date = r0.AddDays(delta);
            return Format(c, date.Year, date.Month, date.Day, null, false);
        }
        int? year = c.Year;
        if (c.YearOffsetFromRef is { } yo && Reference is { } ry) year = ry.Year + yo;
        bool inferred = false;
        if (year is null)
        {
            if (Reference is not { } r1)
            {
                var dirU = c.WordDir != Dir.Unknown ? c.WordDir : c.This ? Dir.Unknown : tense();
                var partial = PartialValue(c);
                var modNote = c.Mod is Mod.None ? "" : " mod=" + c.Mod.ToString().ToUpperInvariant();
                return new Resolved(partial + TimeSuffix(c), null, null, PrecisionOf(c), Side(dirU, c.This) + ":" + partial + modNote, IsTime(c), true);
            }
            // a quarter or half without a year is the latest one begun (reports look back on them)
            var dir = c.WordDir != Dir.Unknown ? c.WordDir : c.This ? Dir.Unknown : c.Gran is Gran.Quarter or Gran.Half ? Dir.Past : tense();
            year = InferYear(c, r1, dir, strict: c.WordDir != Dir.Unknown);
            inferred = true;
        }
        if (c.Gran == Gran.Quarter && c.Quarter is null)
        {
            // "the 1988 quarter", "the 1989 period": the quarter in context, in the year named
            if (_lastQuarter is { } ctx) { c.Quarter = ctx.Quarter; }
            else return Format(new CalSem { Gran = Gran.Year }, year.Value, 0, 0, null, inferred);
        }
        if (c.Gran == Gran.Quarter && c.Quarter is { } qq) SetQuarter(year.Value, qq, tense);
        return Format(c, year.Value, c.Month ?? 0, c.Day ?? 0, null, inferred);
    }

    private static string Side(Dir d, bool isThis) => isThis ? "near" : d switch { Dir.Past => "before", Dir.Future => "after", _ => "near" };

    /// <summary>The year that puts a partial date on the side of the reference the tense says.</summary>
    private static int InferYear(CalSem c, DateOnly r, Dir dir, bool strict)
    {
        int best = r.Year;
        if (c.This && c.Gran != Gran.Season) return r.Year;
        var candidates = new[] { r.Year - 1, r.Year, r.Year + 1 };
        // "Saturday, April 25": the weekday picks the year when the date falls on it in only one candidate
        if (c.Weekday is { } wd && c.Month is { } wm && c.Day is { } wdd)
        {
            var fits = candidates.Where(y => wdd <= DateTime.DaysInMonth(y, wm) && IsoDow(new DateOnly(y, wm, wdd)) == wd).ToArray();
            if (fits.Length == 1) return fits[0];
        }
        (DateOnly s, DateOnly e) IntervalFor(int y) => BaseInterval(c, y, c.Month ?? 1, c.Day ?? 1);
        if (c.This && c.Gran == Gran.Season)
        {
            // "this summer": the season of the reference's year (winter: the one that contains or follows the reference)
            if (c.Season == 4 && r.Month <= 2) return r.Year - 1;
            return r.Year;
        }
        switch (dir)
        {
            case Dir.Past or Dir.Future when !strict:
            {
                // tense picks the side, unless a day-precise date would be far (over 8 months) and the other one is
                // close (under 3 months): "payable Dec. 15" in a past-tense October report is the coming December
                int pick = dir == Dir.Past ? r.Year - 1 : r.Year + 1, other = r.Year;
                if (dir == Dir.Past) { foreach (var y in candidates.Reverse()) if (IntervalFor(y).s <= r) { pick = y; break; } }
                else { foreach (var y in candidates) if (IntervalFor(y).e >= r) { pick = y; break; } }
                int pickDist = Dist(IntervalFor(pick), r);
                int bestOther = int.MaxValue;
                foreach (var y in candidates)
                {
                    int dd = Dist(IntervalFor(y), r);
                    if (y != pick && dd < bestOther) { bestOther = dd; other = y; }
                }
                return c.Day is not null && pickDist > 240 && bestOther < 90 ? other : pick;
            }
            case Dir.Past:
                // "last August": the most recent occurrence that ended before the reference; but the month right
                // before the reference's is "last month", so "last February" said in March is a year further back
                foreach (var y in candidates.Reverse())
                    if (IntervalFor(y).e < r) return AdjacentMonth(c, IntervalFor(y), r) ? y - 1 : y;
                return r.Year - 1;
            case Dir.Future:
                // "next March" said in February is a year on, by the same reasoning ("next month" names the adjacent one)
                foreach (var y in candidates)
                    if (IntervalFor(y).s > r) return AdjacentMonth(c, IntervalFor(y), r) ? y + 1 : y;
                return r.Year + 1;
            default:
                {
                    int bestDist = int.MaxValue;
                    foreach (var y in candidates)
                    {
                        var (s, e) = IntervalFor(y);
                        int dist = r < s ? s.DayNumber - r.DayNumber : r > e ? r.DayNumber - e.DayNumber : 0;
                        // news is mostly about the past: a tie goes to the earlier occurrence
                        if (dist < bestDist) { bestDist = dist; best = y; }
                    }
                    return best;
                }
        }
    }

    /// <summary>A whole month named by its name that lies right before or right after the reference's month.</summary>
    private static bool AdjacentMonth(CalSem c, (DateOnly s, DateOnly e) iv, DateOnly r) =>
        c.Gran == Gran.Month && c.Month is not null && c.Day is null && c.Mod == Mod.None
        && (iv.e.AddDays(1) == new DateOnly(r.Year, r.Month, 1) || iv.s == new DateOnly(r.Year, r.Month, 1).AddMonths(1));

    private static int Dist((DateOnly s, DateOnly e) iv, DateOnly r) =>
        r < iv.s ? iv.s.DayNumber - r.DayNumber : r > iv.e ? r.DayNumber - iv.e.DayNumber : 0;

    private Resolved RelativeCal(CalSem c, Func<Dir> tense)
    {
        var unit = c.RelUnit;
        if (Reference is not { } r)
        {
            string rel = unit == Gran.Weekend ? (c.RelOffset == 0 ? (tense() == Dir.Future ? "after" : "before") + ":XXXX-WXX-WE" : RelOffsetNotation(c.RelOffset, Gran.Week) + "@WE")
                : unit == Gran.Quarter && c.LatestCompleted ? "-P1Q" : RelOffsetNotation(c.RelOffset, unit);
            var xv = unit switch
            {
                Gran.Day => "XXXX-XX-XX" + TimeSuffix(c), Gran.Week => "XXXX-WXX", Gran.Weekend => "XXXX-WXX-WE", Gran.Month => "XXXX-XX",
                Gran.Quarter => "XXXX-QX", Gran.Year => "XXXX", Gran.Decade => "XXX", Gran.Century => "XX", _ => "XXXX",
            };
            return new Resolved(xv, null, null, PrecisionOf(c), rel, IsTime(c), false);
        }
        switch (unit)
        {
            case Gran.Day:
            {
                var d = r.AddDays(c.RelOffset);
                return Format(c, d.Year, d.Month, d.Day, null, false);
            }
            case Gran.Week:
            {
                var d = r.AddDays(7 * c.RelOffset);
                var s = d.AddDays(1 - IsoDow(d));
                var res = Format(new CalSem { Gran = Gran.Week, Mod = c.Mod }, 0, 0, 0, s, false);
                return ApplyRefMod(c.Mod, res, r);
            }
            case Gran.Weekend:
            {
                // "the weekend": the last one in past narration, the next one in future; "last/next weekend" explicit
                int dow = IsoDow(r);
                DateOnly sat = r.AddDays(6 - dow);
                bool inWeekend = dow >= 6;
                if (c.RelOffset < 0 || c.RelOffset == 0 && tense() != Dir.Future) sat = inWeekend ? r.AddDays(6 - dow) : sat.AddDays(-7);
                if (c.RelOffset < 0 && inWeekend) sat = sat.AddDays(-7);
                if (c.RelOffset > 0) sat = inWeekend ? sat.AddDays(7) : sat;
                return Format(new CalSem { Gran = Gran.Weekend }, 0, 0, 0, sat.AddDays(-5), false);
            }
            case Gran.Month:
            {
                var d = r.AddMonths(c.RelOffset);
                var res = Format(new CalSem { Gran = Gran.Month, Mod = c.Mod == Mod.BeforeRef || c.Mod == Mod.AfterRef ? Mod.None : c.Mod }, d.Year, d.Month, 1, null, false);
                return ApplyRefMod(c.Mod, res, r);
            }
            case Gran.Quarter when c.LatestCompleted && (_endedQuarter ?? _openQuarter) is { } named:
            {
                // "the quarter", "the latest period": the quarter the report just named (a fiscal quarter keeps its
                // number: "fiscal second-quarter ... The latest period" is Q2), in the latest year it has begun by
                int ny = r.Year;
                if (new DateOnly(ny, 3 * (named - 1) + 1, 1) > r) ny--;
                SetQuarter(ny, named);
                var res = Format(new CalSem { Gran = Gran.Quarter, Quarter = named, Mod = c.Mod is Mod.BeforeRef or Mod.AfterRef ? Mod.None : c.Mod }, ny, 0, 0, null, false);
                return ApplyRefMod(c.Mod, res, r);
            }
            case Gran.Quarter:
            {
                int q = (r.Month - 1) / 3 + 1, y = r.Year;
                int off = c.LatestCompleted ? -1 : c.RelOffset;
                int idx = y * 4 + (q - 1) + off;
                y = idx / 4; q = idx % 4 + 1;
                SetQuarter(y, q, tense);
                var res = Format(new CalSem { Gran = Gran.Quarter, Quarter = q, Mod = c.Mod is Mod.BeforeRef or Mod.AfterRef ? Mod.None : c.Mod }, y, 0, 0, null, false);
                return ApplyRefMod(c.Mod, res, r);
            }
            case Gran.Year when c.Quarter is not null || c.Half is not null:
            {
                int y = r.Year + c.RelOffset;
                var part = new CalSem { Gran = c.Quarter is not null ? Gran.Quarter : Gran.Half, Quarter = c.Quarter, Half = c.Half };
                if (c.Quarter is { } pq) SetQuarter(y, pq, tense);
                return Format(part, y, 0, 0, null, false);
            }
            case Gran.Year:
            {
                int y = r.Year + c.RelOffset;
                var res = Format(new CalSem { Gran = Gran.Year, Mod = c.Mod is Mod.BeforeRef or Mod.AfterRef ? Mod.None : c.Mod }, y, 0, 0, null, false);
                return ApplyRefMod(c.Mod, res, r);
            }
            case Gran.Decade:
                return Format(new CalSem { Gran = Gran.Decade, Decade = r.Year / 10 + c.RelOffset }, 0, 0, 0, null, false);
            case Gran.Century:
                return Format(new CalSem { Gran = Gran.Century, Century = r.Year / 100 + c.RelOffset }, 0, 0, 0, null, false);
            default:
                return Format(c, r.Year, r.Month, r.Day, null, false);
        }
    }

    private static Resolved ApplyRefMod(Mod mod, Resolved res, DateOnly r) => mod switch
    {
        Mod.BeforeRef when res.Start is { } s => res with { Start = s, End = r < res.End ? r : res.End },
        Mod.AfterRef when res.End is { } e => res with { Start = r > res.Start ? r : res.Start, End = e },
        _ => res,
    };

    private static string RelOffsetNotation(int offset, Gran unit)
    {
        var letter = TimeParser.UnitLetter(unit);
        return offset switch { 0 => "P0" + letter, < 0 => "-P" + (-offset) + letter, _ => "+P" + offset + letter };
    }

    // ---------------- formatting a calendar value into value + interval ----------------

    private static (DateOnly Start, DateOnly End) BaseInterval(CalSem c, int y, int m, int d)
    {
        y = Math.Clamp(y, 1, 9998);
        switch (c.Gran)
        {
            case Gran.Day or Gran.PartOfDay or Gran.Hour or Gran.Minute or Gran.Second:
                m = Math.Clamp(m, 1, 12); d = Math.Clamp(d, 1, DateTime.DaysInMonth(y, m));
                return (new DateOnly(y, m, d), new DateOnly(y, m, d));
            case Gran.Month:
            {
                m = Math.Clamp(m, 1, 12);
                var s = new DateOnly(y, m, 1);
                return (s, s.AddMonths(1).AddDays(-1));
            }
            case Gran.Season:
            {
                int sm = c.Season switch { 1 => 3, 2 => 6, 3 => 9, _ => 12 };
                var s = new DateOnly(y, sm, 1);
                return (s, s.AddMonths(3).AddDays(-1));
            }
            case Gran.Quarter:
            {
                var s = new DateOnly(y, 3 * ((c.Quarter ?? 1) - 1) + 1, 1);
                return (s, s.AddMonths(3).AddDays(-1));
            }
            case Gran.Half:
            {
                var s = new DateOnly(y, (c.Half ?? 1) == 1 ? 1 : 7, 1);
                return (s, s.AddMonths(6).AddDays(-1));
            }
            default:
                return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
    }

    private static Resolved Format(CalSem c, int y, int m, int d, DateOnly? weekStart, bool inferred)
    {
        string value;
        DateOnly s, e;
        switch (c.Gran)
        {
            case Gran.Week or Gran.Weekend:
            {
                var ws = weekStart!.Value;
                int wy = ISOWeek.GetYear(ws.ToDateTime(TimeOnly.MinValue)), wn = ISOWeek.GetWeekOfYear(ws.ToDateTime(TimeOnly.MinValue));
                value = $"{wy:D4}-W{wn:D2}" + (c.Gran == Gran.Weekend ? "-WE" : "");
                (s, e) = c.Gran == Gran.Weekend ? (ws.AddDays(5), ws.AddDays(6)) : (ws, ws.AddDays(6));
                break;
            }
            case Gran.Decade:
            {
                int dec = c.Decade ?? 0;
                value = dec.ToString("D3", CultureInfo.InvariantCulture);
                s = new DateOnly(Math.Clamp(dec * 10, 1, 9990), 1, 1); e = s.AddYears(10).AddDays(-1);
                return new Resolved(value, s, e, TimePrecision.Unknown, null, false, false);
            }
            case Gran.Century:
            {
                int cen = c.Century ?? 0;
                value = cen.ToString("D2", CultureInfo.InvariantCulture);
                s = new DateOnly(Math.Clamp(cen * 100, 1, 9900), 1, 1); e = s.AddYears(100).AddDays(-1);
                return new Resolved(value, s, e, TimePrecision.Unknown, null, false, false);
            }
            default:
                (s, e) = BaseInterval(c, y, m, d);
                value = c.Gran switch
                {
                    // "the first/second/last half of 1989" names a half-year: TimeML's 1989-H1 / 1989-H2
                    Gran.Year when c.Mod is Mod.FirstHalf or Mod.SecondHalf => $"{y:D4}-H{(c.Mod == Mod.FirstHalf ? 1 : 2)}",
                    Gran.Year => $"{y:D4}",
                    Gran.Half => $"{y:D4}-H{c.Half}",
                    Gran.Quarter => $"{y:D4}-Q{c.Quarter}",
                    Gran.Season => $"{y:D4}-{SeasonCode(c.Season ?? 1)}",
                    Gran.Month => $"{y:D4}-{s.Month:D2}",
                    _ => $"{s.Year:D4}-{s.Month:D2}-{s.Day:D2}" + TimeSuffix(c),
                };
                break;
        }
        (s, e) = ApplyMod(c, s, e);
        return new Resolved(value, s, e, PrecisionOf(c), null, IsTime(c), inferred);
    }

    private static (DateOnly, DateOnly) ApplyMod(CalSem c, DateOnly s, DateOnly e)
    {
        int len = e.DayNumber - s.DayNumber + 1;
        if (len < 7) return (s, e); // "late yesterday", "early Sunday": still that day
        if (c.Gran == Gran.Month)
        {
            return c.Mod switch
            {
                Mod.Start or Mod.Early => (s, s.AddDays(9)),
                Mod.Mid => (s.AddDays(10), s.AddDays(19)),
                Mod.Late or Mod.End => (s.AddDays(20), e),
                Mod.FirstHalf => (s, s.AddDays(14)),
                Mod.SecondHalf => (s.AddDays(15), e),
                _ => (s, e),
            };
        }
        if (c.Gran == Gran.Year)
        {
            // early/mid/late: Jan-Apr, May-Aug, Sep-Dec; start/end: the first or last three months
            return c.Mod switch
            {
                Mod.Early => (s, s.AddMonths(4).AddDays(-1)),
                Mod.Mid => (s.AddMonths(4), s.AddMonths(8).AddDays(-1)),
                Mod.Late => (s.AddMonths(8), e),
                Mod.Start => (s, s.AddMonths(3).AddDays(-1)),
                Mod.End => (s.AddMonths(9), e),
                Mod.FirstHalf => (s, s.AddMonths(6).AddDays(-1)),
                Mod.SecondHalf => (s.AddMonths(6), e),
                _ => (s, e),
            };
        }
        // seasons, quarters, halves: thirds for early/mid/late; the first/last quarter for start/end
        return c.Mod switch
        {
            Mod.Early => (s, s.AddDays(len / 3 - 1)),
            Mod.Mid => (s.AddDays(len / 3), s.AddDays(2 * len / 3 - 1)),
            Mod.Late => (s.AddDays(2 * len / 3), e),
            Mod.Start => (s, s.AddDays(len / 4 - 1)),
            Mod.End => (e.AddDays(-(len / 4) + 1), e),
            Mod.FirstHalf => (s, s.AddDays(len / 2 - 1)),
            Mod.SecondHalf => (s.AddDays(len / 2), e),
            _ => (s, e),
        };
    }

    private static string SeasonCode(int s) => s switch { 1 => "SP", 2 => "SU", 3 => "FA", _ => "WI" };

    private static bool IsTime(CalSem c) => c.Gran is Gran.PartOfDay or Gran.Hour or Gran.Minute or Gran.Second;

    private static string TimeSuffix(CalSem c)
    {
        if (c.Hour is { } h) return h == 24 ? "T24:00" : $"T{h:D2}:{c.Minute ?? 0:D2}";
        return c.PartOfDay switch { 1 => "TMO", 2 => "TAF", 3 => "TEV", 4 => "TNI", 5 => "T12:00", 6 => "T24:00", 7 => "TMO", _ => "" };
    }

    private static string PartialValue(CalSem c) => c.Gran switch
    {
        Gran.Month => $"XXXX-{c.Month:D2}",
        Gran.Season => "XXXX-" + SeasonCode(c.Season ?? 1),
        Gran.Quarter => $"XXXX-Q{c.Quarter}",
        Gran.Half => $"XXXX-H{c.Half}",
        Gran.Year => "XXXX",
        _ => $"XXXX-{c.Month ?? 0:D2}-{c.Day ?? 0:D2}",
    };

    /// <summary>Precision never finer than the words: a 10-day window is Week, a third of a year is Season (docs/time.md).</summary>
    private static TimePrecision PrecisionOf(CalSem c) => c.Gran switch
    {
        Gran.Day or Gran.PartOfDay or Gran.Hour or Gran.Minute or Gran.Second => TimePrecision.Day,
        Gran.Week or Gran.Weekend => TimePrecision.Week,
        Gran.Month => c.Mod is Mod.None or Mod.BeforeRef or Mod.AfterRef or Mod.FirstHalf or Mod.SecondHalf ? TimePrecision.Month : TimePrecision.Week,
        Gran.Season or Gran.Quarter => TimePrecision.Season,
        Gran.Half => TimePrecision.Year,
        Gran.Year => c.Mod is Mod.None or Mod.BeforeRef or Mod.AfterRef or Mod.FirstHalf or Mod.SecondHalf ? TimePrecision.Year : TimePrecision.Season,
        _ => TimePrecision.Unknown,
    };

    private static int IsoDow(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    // ---------------- Islamic holidays (Umm al-Qura calendar) ----------------

    private Resolved IslamicHoliday(CalSem c, Func<Dir> tense)
    {
        (int month, int day, int length) = c.Holiday switch { "eid-fitr" => (10, 1, 3), "eid-adha" => (12, 10, 4), _ => (9, 1, 0) };
        DateOnly StartOf(int hy) => DateOnly.FromDateTime(Hijri.ToDateTime(hy, month, day, 0, 0, 0, 0));
        DateOnly EndOf(int hy)
        {
            if (length > 0) return StartOf(hy).AddDays(length - 1);
            return DateOnly.FromDateTime(Hijri.ToDateTime(hy, month, 1, 0, 0, 0, 0).AddDays(Hijri.GetDaysInMonth(hy, month) - 1));
        }
        string name = c.Holiday!;
        int? chosen = null;
        try
        {
            if (c.Year is { } gy)
            {
                int h = Hijri.GetYear(new DateTime(Math.Clamp(gy, 1901, 2076), 6, 30));
                foreach (var hy in new[] { h - 1, h, h + 1 })
                    if (StartOf(hy).Year == gy) { chosen = hy; break; }
            }
            else if (Reference is { } r)
            {
                var dir = tense();
                int h = Hijri.GetYear(r.ToDateTime(TimeOnly.MinValue));
                int[] cands = [h - 1, h, h + 1];
                if (dir == Dir.Future) chosen = cands.First(hy => EndOf(hy) >= r);
                else
                {
                    foreach (var hy in cands.Reverse()) if (StartOf(hy) <= r) { chosen = hy; break; }
                }
            }
        }
        catch (ArgumentOutOfRangeException) { chosen = null; }
        if (chosen is not { } hyr)
            return new Resolved("XXXX", null, null, length > 0 ? TimePrecision.Week : TimePrecision.Month, (Reference is null ? "near:" : "") + name, false, true);
        var s = StartOf(hyr); var e = EndOf(hyr);
        return new Resolved($"{s:yyyy-MM-dd}/{e:yyyy-MM-dd}", s, e, length > 0 ? TimePrecision.Week : TimePrecision.Month, null, false, c.Year is null);
    }

    // ---------------- offsets, periods, references, ranges ----------------

    private static DateOnly Shift(DateOnly d, Gran unit, int n) => unit switch
    {
        Gran.Day => d.AddDays(n),
        Gran.Week or Gran.Weekend => d.AddDays(7 * n),
        Gran.Month => d.AddMonths(n),
        Gran.Quarter => d.AddMonths(3 * n),
        Gran.Half => d.AddMonths(6 * n),
        Gran.Season => d.AddMonths(3 * n),
        Gran.Year => d.AddYears(n),
        Gran.Decade => d.AddYears(10 * n),
        Gran.Century => d.AddYears(100 * n),
        _ => d,
    };

    private TimeExpression Offset(OffsetSem o, TextSpan span, string text)
    {
        var unit = o.Unit is Gran.Hour or Gran.Minute or Gran.Second ? Gran.Day : o.Unit;
        if (Reference is not { } r)
        {
            string rel = o.N is { } n0 ? (o.Sign < 0 ? "-P" : "+P") + n0 + TimeParser.UnitLetter(unit) : (o.Sign < 0 ? "-PX" : "+PX") + TimeParser.UnitLetter(unit);
            return new TimeExpression
            {
                Span = span, Text = text, Type = "DATE", Value = o.N is null ? (o.Sign < 0 ? "PAST_REF" : "FUTURE_REF") : XValue(unit),
                Precision = o.N is null ? TimePrecision.Unknown : PrecisionOfUnit(unit), Relative = rel,
            };
        }
        if (o.N is not { } n)
        {
            // "a few days ago": between two and seven units before
            var a = Shift(r, unit, o.Sign * 7); var b = Shift(r, unit, o.Sign * 2);
            var (s0, e0) = a < b ? (a, b) : (b, a);
            return new TimeExpression { Span = span, Text = text, Type = "DATE", Value = o.Sign < 0 ? "PAST_REF" : "FUTURE_REF", Start = s0, End = e0, Precision = PrecisionOfLength(s0, e0) };
        }
        var d = Shift(r, unit, o.Sign * n);
        var cal = unit switch
        {
            Gran.Week => new CalSem { Gran = Gran.Week },
            Gran.Month => new CalSem { Gran = Gran.Month },
            Gran.Quarter => new CalSem { Gran = Gran.Quarter, Quarter = (d.Month - 1) / 3 + 1 },
            Gran.Year or Gran.Decade or Gran.Century => new CalSem { Gran = Gran.Year },
            _ => new CalSem { Gran = Gran.Day },
        };
        var res = Format(cal, d.Year, d.Month, d.Day, d.AddDays(1 - IsoDow(d)), false);
        return new TimeExpression { Span = span, Text = text, Type = "DATE", Value = res.Value, Start = res.Start, End = res.End, Precision = res.Precision };
    }

    private static string XValue(Gran unit) => unit switch
    {
        Gran.Day => "XXXX-XX-XX", Gran.Week => "XXXX-WXX", Gran.Month => "XXXX-XX", Gran.Quarter => "XXXX-QX", _ => "XXXX",
    };

    private static TimePrecision PrecisionOfUnit(Gran unit) => unit switch
    {
        Gran.Day => TimePrecision.Day, Gran.Week => TimePrecision.Week, Gran.Month => TimePrecision.Month,
        Gran.Quarter or Gran.Season => TimePrecision.Season, Gran.Year => TimePrecision.Year, _ => TimePrecision.Unknown,
    };

    /// <summary>Precision of an interval by its length: up to 1 day Day, 16 days Week, 45 Month, 100 Season, 400 Year.</summary>
    internal static TimePrecision PrecisionOfLength(DateOnly s, DateOnly e)
    {
        int len = e.DayNumber - s.DayNumber + 1;
        return len <= 1 ? TimePrecision.Day : len <= 16 ? TimePrecision.Week : len <= 45 ? TimePrecision.Month
            : len <= 100 ? TimePrecision.Season : len <= 400 ? TimePrecision.Year : TimePrecision.Unknown;
    }

    internal static string DurationValue(Gran unit, int? n)
    {
        string num = n?.ToString(CultureInfo.InvariantCulture) ?? "X";
        return unit switch
        {
            Gran.Hour => "PT" + num + "H",
            Gran.Minute => "PT" + num + "M",
            Gran.Second => "PT" + num + "S",
            Gran.Decade => "P" + (n is { } d ? (d * 10).ToString(CultureInfo.InvariantCulture) : "X") + "Y",
            Gran.Century => "P" + (n is { } c ? (c * 100).ToString(CultureInfo.InvariantCulture) : "X") + "Y",
            Gran.Weekend => "P" + num + "WE",
            _ => "P" + num + TimeParser.UnitLetter(unit),
        };
    }

    private TimeExpression Period(PeriodSem p, TextSpan span, string text)
    {
        var unit = p.Unit;
        int n = p.N ?? (unit == Gran.Day ? 7 : 3);
        string value = p.Recent ? "PAST_REF" : DurationValue(unit, p.N);
        string type = p.Recent ? "DATE" : "DURATION";
        string letter = TimeParser.UnitLetter(unit);
        string amount = (p.N?.ToString(CultureInfo.InvariantCulture) ?? "X") + letter;
        string timePart = unit is Gran.Hour or Gran.Minute or Gran.Second ? "T" : "";
        string rel = p.Sign < 0 ? $"-P{timePart}{amount}/P0D" : $"P0D/+P{timePart}{amount}";
        if (Reference is not { } r)
        {
            // the precision depends only on the period's length: measure it from an arbitrary day
            var probe = new DateOnly(2001, 1, 1);
            var far = unit is Gran.Hour or Gran.Minute or Gran.Second ? probe : Shift(probe, unit, n);
            return new TimeExpression { Span = span, Text = text, Type = type, Value = value, Precision = PrecisionOfLength(probe, far), Relative = rel };
        }
        DateOnly other = unit switch
        {
            Gran.Hour => r.AddDays(p.Sign * Math.Max(1, (n + 23) / 24)),
            Gran.Minute or Gran.Second => r,
            _ => Shift(r, unit, p.Sign * n),
        };
        var (s, e) = p.Sign < 0 ? (other, r) : (r, other);
        return new TimeExpression { Span = span, Text = text, Type = type, Value = value, Start = s, End = e, Precision = PrecisionOfLength(s, e) };
    }

    private TimeExpression Ref(RefSem rf, TextSpan span, string text)
    {
        bool windowed = rf.Value == "PRESENT_REF" || rf.Value == "PAST_REF" && IsRecentWord(text);
        if (!windowed || Reference is not { } r)
            return new TimeExpression
            {
                Span = span, Text = text, Type = "DATE", Value = rf.Value,
                Precision = windowed ? (rf.Value == "PRESENT_REF" ? TimePrecision.Day : TimePrecision.Month) : TimePrecision.Unknown,
                Relative = windowed ? (rf.Value == "PRESENT_REF" ? "P0D" : "-P1M/P0D") : null,
            };
        return rf.Value == "PRESENT_REF"
            ? new TimeExpression { Span = span, Text = text, Type = "DATE", Value = rf.Value, Start = r, End = r, Precision = TimePrecision.Day }
            : new TimeExpression { Span = span, Text = text, Type = "DATE", Value = rf.Value, Start = r.AddMonths(-1), End = r, Precision = TimePrecision.Month };
    }

    private static bool IsRecentWord(string text) =>
        text.StartsWith("recent", StringComparison.OrdinalIgnoreCase) || text.StartsWith("lately", StringComparison.OrdinalIgnoreCase);

    private TimeExpression Range(RangeSem rg, TextSpan span, string text, Func<Dir> tense)
    {
        var a = ResolveCal(rg.From, tense);
        var b = ResolveCal(rg.To, tense);
        if (a.Start is { } sa && b.End is { } eb && eb < sa && b.YearInferred && rg.To.Year is null)
        {
            // "between November and February": the second end lies after the first
            rg.To.Year = (b.Start!.Value.Year) + 1;
            b = ResolveCal(rg.To, tense);
        }
        else if (rg.From.Year is null && rg.To.Year is { } ty && a.YearInferred)
        {
            // "between March and May 2019": the year given once applies to both ends
            rg.From.Year = rg.From.Month > rg.To.Month ? ty - 1 : ty;
            a = ResolveCal(rg.From, tense);
        }
        var precision = (TimePrecision)Math.Max((int)a.Precision, (int)b.Precision);
        if (a.Start is { } s && b.End is { } e)
        {
            var byLength = PrecisionOfLength(s, e);
            if (byLength > precision) precision = byLength;
        }
        return new TimeExpression
        {
            Span = span, Text = text, Type = "DATE", Value = a.Value + "/" + b.Value, Start = a.Start, End = b.End, Precision = precision,
            Relative = a.Relative is null && b.Relative is null ? null : (a.Relative ?? a.Value) + "/" + (b.Relative ?? b.Value),
        };
    }
}
