using System.Globalization;
using Dragoman.Documents;
using Dragoman.Text;

namespace Dragoman.Time;

/// <summary>
/// A date read from a dateline or a date line. <see cref="Date"/> is null when the line gives no year
/// ("DAMASCUS, Aug. 4 (Reuters) -") and no nearby date was supplied to infer it from; Month and Day are still set.
/// </summary>
public sealed record DatelineResult(
    DateOnly? Date, int? Year, int Month, int Day, TimeOnly? Time, string Kind, TextSpan Span,
    string? Place = null, string? Agency = null, bool YearInferred = false)
{
    /// <summary>For a wire dateline or a leading stamp: the offset where the text after it starts.</summary>
    public int End { get; init; }

    /// <summary>The token after the date (internal bookkeeping of the token scanners).</summary>
    internal int EndToken { get; init; }
}

/// <summary>
/// Reference dates from text: agency datelines, date lines at the head of an article, and metadata strings.
/// Pure functions, no clock. Kinds: "agency-dateline", "date-line", "iso", "numeric-dmy", "numeric-mdy",
/// "numeric-ambiguous-dmy" (both readings valid: day first is chosen, see docs/time.md), "metadata".
/// </summary>
public static partial class Datelines
{
    private const int MaxLine = 120;

    /// <summary>Convenience form: true only when a full date (with a year) is on the line.</summary>
    public static bool TryParse(string line, out DateOnly date, out string kind)
    {
        var r = Parse(line);
        if (r?.Date is { } d) { date = d; kind = r.Kind; return true; }
        date = default; kind = r?.Kind ?? "";
        return false;
    }

    /// <summary>
    /// Reads a dateline or date line. <paramref name="near"/> (for example a fetch or metadata date) supplies the year
    /// of a year-less agency dateline: the latest such date not after near + 1 day. <paramref name="monthFirst"/> reads
    /// ambiguous numeric dates as month/day (US style) instead of the default day/month.
    /// </summary>
    public static DatelineResult? Parse(string line, DateOnly? near = null, bool monthFirst = false)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        var text = line.Length > 400 ? line[..400] : line;
        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Length == 0) return null;
        string Tok(int i) => i < tokens.Length ? text[tokens[i].Start..tokens[i].End] : "";
        bool Punct(int i, string p) => i < tokens.Length && Tok(i) == p;

        // 1. agency dateline: PLACE[, COUNTRY], Month Day [(AGENCY)] - / —
        if (Wire(text, near) is { Month: > 0 } wire) return wire;

        if (text.Trim().Length > MaxLine) return null;
        // 2. a date line: optional label and weekday, then a date near the start of a short line
        int start = 0;
        while (start < tokens.Length && start < 5 && (IsLabel(Tok(start)) || Tok(start) is ":" or "|" or "," or "-" || Weekday(Tok(start)) || Punct(start, ".") && start > 0 && Weekday(Tok(start - 1))))
            start++;
        if (start >= tokens.Length) return null;
        // ISO 8601: 2017-04-05[T09:14...]
        var isoSpan = text.AsSpan(tokens[start].Start);
        if (isoSpan.Length >= 10 && char.IsDigit(isoSpan[0]) && isoSpan[4] == '-' && isoSpan[7] == '-'
            && DateOnly.TryParseExact(isoSpan[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            TimeOnly? t = isoSpan.Length >= 16 && isoSpan[10] is 'T' or ' ' && TimeOnly.TryParseExact(isoSpan.Slice(11, 5), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tt) ? tt : null;
            return new DatelineResult(iso, iso.Year, iso.Month, iso.Day, t, "iso", new TextSpan(tokens[start].Start, tokens[start].Start + 10));
        }
        // numeric: 05/04/2017, 05.04.2017
        if (tokens[start].Kind == TokenKind.Number && start + 4 < tokens.Length && (Tok(start + 1) is "/" or "." or "-") && Tok(start + 3) == Tok(start + 1)
            && tokens[start + 2].Kind == TokenKind.Number && tokens[start + 4].Kind == TokenKind.Number)
        {
            if (int.TryParse(Tok(start), out int a) && int.TryParse(Tok(start + 2), out int b) && int.TryParse(Tok(start + 4), out int y))
            {
                if (Tok(start + 4).Length == 2) y += y < 50 ? 2000 : 1900;
                string kind;
                int m, d;
                if (a > 12 && b <= 12) { d = a; m = b; kind = "numeric-dmy"; }
                else if (b > 12 && a <= 12) { m = a; d = b; kind = "numeric-mdy"; }
                else if (monthFirst) { m = a; d = b; kind = "numeric-ambiguous-mdy"; }
                else { d = a; m = b; kind = "numeric-ambiguous-dmy"; }
                if (Valid(y, m, d))
                {
                    var date = new DateOnly(y, m, d);
                    var time = TimeAfter(tokens, text, start + 5);
                    return new DatelineResult(date, y, m, d, time, kind, new TextSpan(tokens[start].Start, tokens[start + 4].End));
                }
            }
            return null;
        }
        // "05 Apr 2017", "5 April, 2017", "August 1 2011", "Aug. 1, 2011", "April 2017" is not a day
        if (DayMonth(tokens, text, start, out int mo, out int dy, out int? yr, out int e2) || MonthDay(tokens, text, start, out mo, out dy, out yr, out e2))
        {
            var time = TimeAfter(tokens, text, e2);
            return Complete(mo, dy, yr, time, "date-line", new TextSpan(tokens[start].Start, tokens[e2 - 1].End), near, null, null);
        }
        return null;
    }

    /// <summary>
    /// A metadata date string (ISO 8601 with or without time and offset, RFC 1123, compact yyyyMMdd, or a
    /// date line): the calendar date as the publisher wrote it (its own offset, not converted to UTC).
    /// </summary>
    public static Result<DateOnly> ParseMetadataDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Result<DateOnly>.Fail("empty date");
        var v = value.Trim();
        if (v.Length > 200) return Result<DateOnly>.Fail("date string too long");
        if (v.Length == 8 && v.All(char.IsDigit) && DateOnly.TryParseExact(v, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
            return compact;
        if (v.Length >= 10 && char.IsDigit(v[0]) && v[4] == '-')
        {
            if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
                return DateOnly.FromDateTime(dto.DateTime);
            if (DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d10)) return d10;
        }
        // RFC 1123 / RFC 822: "Wed, 05 Apr 2017 09:14:00 GMT", "Wed, 5 Apr 2017 09:14:00 +0200"
        string[] rfc = ["ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz",
            "dd MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm zzz", "ddd, dd MMM yyyy HH:mm:ss 'UTC'", "ddd, dd MMM yyyy"];
        var normalized = v.Replace("+0000", "+00:00", StringComparison.Ordinal);
        if (normalized.Length > 5 && (normalized[^5] is '+' or '-') && char.IsDigit(normalized[^1]) && normalized[^3] != ':')
            normalized = normalized[..^2] + ":" + normalized[^2..];
        if (DateTimeOffset.TryParseExact(normalized, rfc, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var r))
            return DateOnly.FromDateTime(r.DateTime);
        var line = Parse(v);
        if (line?.Date is { } ld) return ld;
        return Result<DateOnly>.Fail($"not a date: '{(v.Length > 60 ? v[..60] + "…" : v)}'");
    }

    // ---------------- helpers ----------------

    private static DatelineResult Complete(int month, int day, int? year, TimeOnly? time, string kind, TextSpan span, DateOnly? near, string? place, string? agency)
    {
        if (year is { } y) return new DatelineResult(Valid(y, month, day) ? new DateOnly(y, month, day) : null, y, month, day, time, kind, span, place, agency);
        if (near is { } n)
        {
            // the latest such date not after the supplied date (plus a day for time zones)
            var limit = n.AddDays(1);
            for (int yy = limit.Year; yy >= limit.Year - 1; yy--)
                if (Valid(yy, month, day) && new DateOnly(yy, month, day) <= limit)
                    return new DatelineResult(new DateOnly(yy, month, day), yy, month, day, time, kind, span, place, agency, YearInferred: true);
        }
        return new DatelineResult(null, null, month, day, time, kind, span, place, agency);
    }

    private static bool Valid(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    private static bool IsUpperWord(string w) => w.Length >= 2 && w.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) && w.Any(char.IsLetter);

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "published", "updated", "posted", "date", "last", "modified", "on", "first", "dated", "released", "created",
    };

    private static bool IsLabel(string w) => Labels.Contains(w);

    private static bool Weekday(string w) => w.ToLowerInvariant() is "mon" or "tue" or "tues" or "wed" or "thu" or "thur" or "thurs" or "fri" or "sat" or "sun"
        or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday";

    private static int MonthOf(string w)
    {
        var e = TimeLexicon.Get(w);
        return (e.Kind & (LexKind.Month | LexKind.MonthAbbrev)) != 0 ? e.Val : 0;
    }

    private static int Day(string w)
    {
        int n = 0, i = 0;
        while (i < w.Length && char.IsDigit(w[i]) && i < 2) { n = n * 10 + (w[i] - '0'); i++; }
        if (i == 0) return 0;
        var rest = w[i..].ToLowerInvariant();
        if (rest is not ("" or "st" or "nd" or "rd" or "th")) return 0;
        return n is >= 1 and <= 31 ? n : 0;
    }

    private static bool MonthDay(Token[] tokens, string text, int i, out int month, out int day, out int? year, out int end)
    {
        month = day = 0; year = null; end = i;
        if (i >= tokens.Length) return false;
        month = MonthOf(text[tokens[i].Start..tokens[i].End]);
        if (month == 0) return false;
        int j = i + 1;
        if (j < tokens.Length && text[tokens[j].Start] == '.' && tokens[j].End - tokens[j].Start == 1) j++;
        if (j >= tokens.Length || (day = Day(text[tokens[j].Start..tokens[j].End])) == 0) return false;
        j++;
        int y = j < tokens.Length && text[tokens[j].Start] == ',' ? j + 1 : j;
        if (y < tokens.Length && tokens[y].End - tokens[y].Start == 4 && int.TryParse(text.AsSpan(tokens[y].Start, 4), out int yy) && yy is >= 1000 and <= 2199)
        { year = yy; j = y + 1; }
        end = j;
        return true;
    }

    private static bool DayMonth(Token[] tokens, string text, int i, out int month, out int day, out int? year, out int end)
    {
        month = 0; year = null; end = i;
        day = i < tokens.Length ? Day(text[tokens[i].Start..tokens[i].End]) : 0;
        if (day == 0) return false;
        int j = i + 1;
        if (j < tokens.Length && text[tokens[j].Start..tokens[j].End].Equals("of", StringComparison.OrdinalIgnoreCase)) j++;
        if (j >= tokens.Length || (month = MonthOf(text[tokens[j].Start..tokens[j].End])) == 0) return false;
        j++;
        if (j < tokens.Length && text[tokens[j].Start] == '.' && tokens[j].End - tokens[j].Start == 1) j++;
        int y = j < tokens.Length && text[tokens[j].Start] == ',' ? j + 1 : j;
        if (y < tokens.Length && tokens[y].End - tokens[y].Start == 4 && int.TryParse(text.AsSpan(tokens[y].Start, 4), out int yy) && yy is >= 1000 and <= 2199)
        { year = yy; j = y + 1; }
        end = j;
        return true;
    }

    /// <summary>"at 0914", "09:14", "9:14 GMT", "- 14:26".</summary>
    private static TimeOnly? TimeAfter(Token[] tokens, string text, int j)
    {
        while (j < tokens.Length && text[tokens[j].Start..tokens[j].End] is "at" or "," or "-" or "|" or "@") j++;
        if (j >= tokens.Length || tokens[j].Kind != TokenKind.Number) return null;
        var w = text.AsSpan(tokens[j].Start, tokens[j].End - tokens[j].Start);
        if (w.Length == 4 && int.TryParse(w, out int hhmm) && hhmm / 100 < 24 && hhmm % 100 < 60) return new TimeOnly(hhmm / 100, hhmm % 100);
        int colon = w.IndexOf(':');
        // "10:0" has one minute digit: no time (found by the fuzzer in a feed's pubDate)
        if (colon is 1 or 2 && w.Length >= colon + 3 && int.TryParse(w[..colon], out int h) && int.TryParse(w.Slice(colon + 1, 2), out int m) && h < 24 && m < 60) return new TimeOnly(h, m);
        return null;
    }
}
