using System.Globalization;
using Dragoman.Documents;
using Dragoman.Text;

namespace Dragoman.Time;

/// <summary>
/// Date stamps as pages and wire copy write them, for the reader (Ingest) and the time stage alike: the first date
/// in a piece of text, a line that is only a date stamp, a wire dateline with its end, and a stamp opening a text
/// that runs on. One token-based mechanism (the month words of <see cref="TimeLexicon"/>), no regular expressions.
/// </summary>
public static partial class Datelines
{
    /// <summary>
    /// The first calendar date in a piece of text: "4 August 2018", "Aug. 4, 2011", "August 1 2011", "2017-04-05".
    /// A month and day without a year comes back with <see cref="DatelineResult.Date"/> and Year null. Kind "text".
    /// </summary>
    public static DatelineResult? Find(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var tokens = Tokenizer.Tokenize(text);
        for (int i = 0; i < tokens.Length; i++)
            if (DateAt(tokens, text, i, out var r)) return r;
        return null;
    }

    /// <summary>
    /// A short line (at most 80 characters) that is only a date stamp with a year: the date plus labels
    /// ("Published:", "Updated", "Posted on"), a weekday, a time and zone ("at 0914", "10:20 GMT") and separators.
    /// "Wed 05 Apr 2017 at 0914", "August 1 2011", "Published: 3 March 2019, 10:20 GMT". Kind "date-line".
    /// </summary>
    public static DatelineResult? DateLine(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Length > 80) return null;
        var tokens = Tokenizer.Tokenize(line);
        DatelineResult? found = null;
        int dateFrom = -1, dateTo = -1;
        for (int i = 0; i < tokens.Length && found is null; i++)
            if (DateAt(tokens, line, i, out var r) && r.Year is not null) { found = r; dateFrom = i; dateTo = r.EndToken; }
        if (found is null || found.Date is null) return null;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i >= dateFrom && i < dateTo) continue;
            if (!IsStampFiller(line, tokens, i)) return null;
        }
        return found with { Kind = "date-line" };
    }

    /// <summary>
    /// A wire dateline opening a lede: PLACE[, REGION], [date] [(AGENCY)] followed by a dash: "DAMASCUS, Aug. 4
    /// (Reuters) -", "BEIRUT, March 3, 2019 (AFP) —", "Idlib, 4 August 2018 (SANA) –", "MOSCOW (Interfax) -",
    /// "DEIR EZ-ZOR, Syria, May 2 -". At least a date or an agency. Month and Day are 0 when only the agency is
    /// given. <see cref="DatelineResult.End"/> is where the lede's own text starts. <paramref name="near"/> supplies
    /// a missing year as in <see cref="Parse"/>. Kind "agency-dateline".
    /// </summary>
    public static DatelineResult? Wire(string paragraph, DateOnly? near = null)
    {
        if (string.IsNullOrWhiteSpace(paragraph)) return null;
        var text = paragraph.Length > 400 ? paragraph[..400] : paragraph;
        var tokens = Tokenizer.Tokenize(text);
        string Tok(int i) => i < tokens.Length ? text[tokens[i].Start..tokens[i].End] : "";
        bool Punct(int i, string p) => i < tokens.Length && Tok(i) == p;
        // the place: up to four capitalised words, all in capitals or in title case
        int k = 0;
        while (k < tokens.Length && k < 4 && tokens[k].Kind == TokenKind.Word && char.IsUpper(Tok(k)[0]) && MonthOf(Tok(k)) == 0) k++;
        if (k == 0) return null;
        bool allCaps = true;
        for (int i = 0; i < k; i++) allCaps &= IsUpperWord(Tok(i));
        int j = k;
        int month = 0, day = 0, end = j, dateFrom = j;
        int? year = null;
        if (Punct(j, ",") && Punct(j + 1, "(") && allCaps) j++; // "KHARTOUM, (Reuters) –": the agency right after the place
        else if (Punct(j, ","))
        {
            // optional region or country: "BEIRUT, Lebanon, March 3", "DEIR EZ-ZOR, Syria, May 2"
            int c = j + 1;
            while (c < tokens.Length && c < j + 4 && tokens[c].Kind == TokenKind.Word && char.IsUpper(Tok(c)[0]) && MonthOf(Tok(c)) == 0 && !Weekday(Tok(c))) c++;
            int d0 = c > j + 1 && Punct(c, ",") ? c + 1 : j + 1;
            if (d0 < tokens.Length && Weekday(Tok(d0))) d0++;
            if (Punct(d0, ",")) d0++;
            if (MonthDay(tokens, text, d0, out month, out day, out year, out end) || DayMonth(tokens, text, d0, out month, out day, out year, out end)) { dateFrom = d0; j = end; }
            else return null;
        }
        else if (!allCaps) return null; // "Syrian forces said ..." is prose, "MOSCOW (Interfax) -" is a dateline
        string? agency = null;
        int a = j;
        if (Punct(a, ",") && month > 0) a++;
        if (Punct(a, "("))
        {
            int close = a + 1;
            while (close < tokens.Length && !Punct(close, ")") && close < a + 8) close++;
            if (Punct(close, ")") && close > a + 1) { agency = text[tokens[a + 1].Start..tokens[close - 1].End]; a = close + 1; }
        }
        if (month == 0 && agency is null) return null;
        bool dash = a < tokens.Length && Tok(a) is "-" or "—" or "–" or ":";
        if (!dash) return null;
        if (Tok(a) == "-" && Punct(a + 1, "-") && tokens[a + 1].Start == tokens[a].End) a++; // "--"
        int after = tokens[a].End;
        while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
        var place = text[tokens[0].Start..tokens[k - 1].End];
        if (month == 0)
            return new DatelineResult(null, null, 0, 0, null, "agency-dateline", new TextSpan(tokens[0].Start, tokens[0].Start), place, agency) { End = after };
        return Complete(month, day, year, null, "agency-dateline", DateSpan(tokens, text, dateFrom, end), near, place, agency) with { End = after };
    }

    /// <summary>
    /// A date stamp opening a text that runs on without a line break: "Wed 05 Apr 2017 Syria attack ...",
    /// "AFP Friday 3 Jun 2016 ...", "Date of publication 25 April 2017 Airstrikes ...", "13-12-2014 Kurdish forces ...".
    /// A numeric date is read day first only when that is the only reading (a part above 12, or both parts equal);
    /// an ambiguous one is no date. <see cref="DatelineResult.End"/> is where the running text starts (after the stamp,
    /// an optional time, and separators). Kind "leading-stamp".
    /// </summary>
    public static DatelineResult? LeadingStamp(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var head = text.Length > 200 ? text[..200] : text;
        var tokens = Tokenizer.Tokenize(head);
        string Tok(int i) => i < tokens.Length ? head[tokens[i].Start..tokens[i].End] : "";
        int s = 0;
        // an agency in capitals ("AFP", "SANA") or "Reuters", then labels ("Date of publication", "Posted on")
        if (s < tokens.Length && tokens[s].Kind == TokenKind.Word && (IsUpperWord(Tok(s)) && Tok(s).Length <= 6 || Tok(s) == "Reuters")) s++;
        while (s < tokens.Length && s < 6 && (IsLabel(Tok(s)) || Tok(s).Equals("of", StringComparison.OrdinalIgnoreCase) && s > 0 && IsLabel(Tok(s - 1))
            || Tok(s).Equals("publication", StringComparison.OrdinalIgnoreCase) || Tok(s) == ":")) s++;
        if (s < tokens.Length && Weekday(Tok(s))) { s++; if (s < tokens.Length && Tok(s) is "." or ",") s++; }
        if (s >= tokens.Length) return null;
        DateOnly? date = null;
        int end;
        if (NumericDate(tokens, head, s, out int a, out int b, out int y, out int numEnd))
        {
            int m = a > 12 && b <= 12 ? b : b > 12 && a <= 12 ? a : a == b ? a : 0;
            int d = m == b ? a : b;
            if (m == 0 || !Valid(y, m, d)) return null;
            date = new DateOnly(y, m, d);
            end = numEnd;
        }
        else if (DateAt(tokens, head, s, out var r) && r.Date is { } rd && r.Kind == "text") { date = rd; end = r.EndToken; }
        else return null;
        // an optional time: "at 0914", "10:20", "9:14 pm GMT"
        int t = end;
        if (t < tokens.Length && Tok(t) is "," or "at") t++;
        if (t < tokens.Length && tokens[t].Kind == TokenKind.Number && IsClock(Tok(t)))
        {
            end = t + 1;
            if (end < tokens.Length && Tok(end).ToLowerInvariant() is "am" or "pm") end++;
            if (end < tokens.Length && Tok(end) is "GMT" or "UTC" or "EST" or "EDT" or "CET" or "CEST" or "AST") end++;
        }
        int pos = tokens[end - 1].End;
        if (pos >= text.Length || !char.IsWhiteSpace(text[pos]) && text[pos] is not ('.' or ',' or '|' or '-' or '–' or '—' or ':')) return null;
        while (pos < text.Length && (char.IsWhiteSpace(text[pos]) || text[pos] is '.' or ',' or '|' or '-' or '–' or '—' or ':')) pos++;
        if (pos >= text.Length) return null;
        var dv = date!.Value;
        return new DatelineResult(dv, dv.Year, dv.Month, dv.Day, null, "leading-stamp", new TextSpan(tokens[s].Start, tokens[end - 1].End)) { End = pos };
    }

    /// <summary>
    /// A date stamp closing a block that a reader ran into the line before it ("#Attack #Colombia 2024-09-03 19:15:11",
    /// "Share this article 2019-02-10"): an ISO date, or a written date with a year followed by a clock time, and
    /// nothing after it but a time and a zone. Prose that ends on a date ("... began on 3 March 2019.") is no stamp.
    /// Kind "text".
    /// </summary>
    public static DatelineResult? TrailingStamp(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var tail = text.Length > 80 ? text[^80..] : text;
        var tokens = Tokenizer.Tokenize(tail);
        for (int i = Math.Max(0, tokens.Length - 8); i < tokens.Length; i++)
        {
            if (!DateAt(tokens, tail, i, out var r) || r.Date is null || r.Year is null) continue;
            bool iso = char.IsAsciiDigit(tail[tokens[i].Start]) && tokens[i].End - tokens[i].Start >= 4;
            int t = r.EndToken;
            bool clock = false;
            if (t < tokens.Length && tail[tokens[t].Start..tokens[t].End] is "," or "at" or "|" or "-") t++;
            if (t < tokens.Length && tokens[t].Kind == TokenKind.Number && IsClock(tail[tokens[t].Start..tokens[t].End])) { clock = true; t++; }
            while (t < tokens.Length && tail[tokens[t].Start..tokens[t].End].ToUpperInvariant() is "AM" or "PM" or "GMT" or "UTC" or "EST" or "EDT" or "CET" or "CEST") t++;
            if (t == tokens.Length && (iso || clock)) return r;
        }
        return null;
    }

    /// <summary>
    /// The date of a by-line that opens a block: "By Jane Doe, 4 August 2018", "by The News Desk May 12, 2023 4:58 PM
    /// 1 min read" (a by-line the reader ran into the lede). The date must have a year and lie within the first 120
    /// characters; in a block longer than that a clock time must follow it, so that prose opening with "By" ("By March
    /// 3, 2019 the army had ...") gives no date. Kind "text".
    /// </summary>
    public static DatelineResult? Byline(string text)
    {
        if (string.IsNullOrEmpty(text) || !text.StartsWith("by ", StringComparison.OrdinalIgnoreCase)) return null;
        var head = text.Length > 120 ? text[..120] : text;
        if (Find(head) is not { Date: not null, Year: not null } r) return null;
        if (text.Length <= 120) return r;
        var tokens = Tokenizer.Tokenize(head);
        int next = r.EndToken;
        if (next < tokens.Length && head[tokens[next].Start..tokens[next].End] is "," or "at" or "-" or "|") next++;
        return next < tokens.Length && tokens[next].Kind == TokenKind.Number && IsClock(head[tokens[next].Start..tokens[next].End]) ? r : null;
    }

    /// <summary>
    /// The date a page's address carries in its path, as news sites file their articles: "/2019/05/16/", "/2019-05-16-",
    /// "/news/2019/5/16/slug". Only a full, valid date with a year in 1990..2100 counts; a year and month alone
    /// ("/2023/07/slug") or an eight-digit run ("/stories/202001060279") is no date: it could be an identifier.
    /// </summary>
    public static DateOnly? UrlDate(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var path = uri.AbsolutePath;
        // the path's digit runs with the one character that follows each: "/2019/05/16/x" -> (2019,'/') (05,'/') (16,'/')
        var runs = new List<(int Value, int Length, int Start, int End)>();
        for (int i = 0; i < path.Length;)
        {
            if (!char.IsAsciiDigit(path[i])) { i++; continue; }
            int j = i, v = 0;
            while (j < path.Length && char.IsAsciiDigit(path[j]) && j - i < 9) { v = v * 10 + (path[j] - '0'); j++; }
            while (j < path.Length && char.IsAsciiDigit(path[j])) j++;
            runs.Add((v, j - i, i, j));
            i = j;
        }
        for (int k = 0; k + 2 < runs.Count; k++)
        {
            var (y, m, d) = (runs[k], runs[k + 1], runs[k + 2]);
            if (y.Length != 4 || m.Length is not (1 or 2) || d.Length is not (1 or 2)) continue;
            char sep = path[y.End];
            // one separator between the parts, the same both times; the day is not glued to letters ("16th" is no day here)
            if (sep is not ('/' or '-' or '_') || m.Start != y.End + 1 || path[m.End] != sep || d.Start != m.End + 1) continue;
            if (d.End < path.Length && char.IsAsciiLetterOrDigit(path[d.End])) continue;
            if (y.Start > 0 && char.IsAsciiLetterOrDigit(path[y.Start - 1])) continue;
            if (y.Value is >= 1990 and <= 2100 && Valid(y.Value, m.Value, d.Value)) return new DateOnly(y.Value, m.Value, d.Value);
        }
        return null;
    }

    /// <summary><see cref="ParseMetadataDate"/> as a nullable date, for readers that try several sources in turn.</summary>
    public static DateOnly? MetadataDate(string? value) => ParseMetadataDate(value) is { IsOk: true } r ? r.Value : null;

    // ---------------- helpers ----------------

    /// <summary>
    /// Three numbers with one separator, the last a four-digit year: "13-12-2014" (five tokens) or "24.08.2013"
    /// (one number token). The first two come back in written order.
    /// </summary>
    private static bool NumericDate(Token[] tokens, string text, int s, out int a, out int b, out int y, out int endToken)
    {
        a = b = y = 0; endToken = s;
        if (s >= tokens.Length || tokens[s].Kind != TokenKind.Number) return false;
        string Tok(int i) => text[tokens[i].Start..tokens[i].End];
        if (s + 4 < tokens.Length && Tok(s + 1) is "/" or "." or "-" && Tok(s + 3) == Tok(s + 1)
            && tokens[s + 2].Kind == TokenKind.Number && tokens[s + 4].Kind == TokenKind.Number && Tok(s + 4).Length == 4)
        {
            endToken = s + 5;
            return int.TryParse(Tok(s), out a) && int.TryParse(Tok(s + 2), out b) && int.TryParse(Tok(s + 4), out y);
        }
        var parts = Tok(s).Split('.', '/');
        if (parts.Length != 3 || parts[2].Length != 4 || parts[0].Length is 0 or > 2 || parts[1].Length is 0 or > 2) return false;
        endToken = s + 1;
        return int.TryParse(parts[0], out a) && int.TryParse(parts[1], out b) && int.TryParse(parts[2], out y);
    }

    /// <summary>A date starting at token <paramref name="i"/>: ISO, day-month[-year] or month-day[-year].</summary>
    private static bool DateAt(Token[] tokens, string text, int i, out DatelineResult result)
    {
        result = null!;
        var tok = tokens[i];
        // "2017-04-05" and "2017/04/05" split at their separators; "2016.03.31" is one number token (dots between digits)
        bool isoShaped = tok.End - tok.Start == 4 || tok.End - tok.Start >= 8 && text[tok.Start + 4] == '.';
        if (tok.Kind == TokenKind.Number && isoShaped && IsoAt(text, tok.Start, out var iso, out int isoEnd))
        {
            int endTok = i;
            while (endTok < tokens.Length && tokens[endTok].Start < isoEnd) endTok++;
            result = new DatelineResult(iso, iso.Year, iso.Month, iso.Day, null, "text", new TextSpan(tok.Start, isoEnd)) { EndToken = endTok };
            return true;
        }
        if (!DayMonth(tokens, text, i, out int m, out int d, out int? y, out int e) && !MonthDay(tokens, text, i, out m, out d, out y, out e)) return false;
        result = new DatelineResult(y is { } yy && Valid(yy, m, d) ? new DateOnly(yy, m, d) : null, y, m, d, null, "text", DateSpan(tokens, text, i, e)) { EndToken = e };
        return true;
    }

    private static TextSpan DateSpan(Token[] tokens, string text, int from, int endToken)
    {
        int start = from;
        // the date starts at its first number or month word (not at a weekday before it)
        while (start < endToken - 1 && tokens[start].Kind == TokenKind.Word && MonthOf(text[tokens[start].Start..tokens[start].End]) == 0) start++;
        return new TextSpan(tokens[start].Start, tokens[endToken - 1].End);
    }

    /// <summary>yyyy-MM-dd, yyyy/M/d or yyyy.M.d at <paramref name="at"/>, not followed by another digit.</summary>
    private static bool IsoAt(string text, int at, out DateOnly date, out int end)
    {
        date = default; end = at;
        int p = at;
        int Digits(int max, out int value)
        {
            value = 0; int n = 0;
            while (p < text.Length && n < max && char.IsAsciiDigit(text[p])) { value = value * 10 + (text[p] - '0'); p++; n++; }
            return n;
        }
        if (Digits(4, out int y) != 4 || p >= text.Length || text[p] is not ('-' or '/' or '.')) return false;
        char sep = text[p++];
        if (Digits(2, out int m) == 0 || p >= text.Length || text[p] != sep) return false;
        p++;
        if (Digits(2, out int d) == 0 || p < text.Length && char.IsAsciiDigit(text[p])) return false;
        if (!Valid(y, m, d)) return false;
        date = new DateOnly(y, m, d);
        end = p;
        return true;
    }

    private static bool IsClock(string w)
    {
        if (w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int hhmm)) return hhmm / 100 < 24 && hhmm % 100 < 60;
        int colon = w.IndexOfAny([':', '.']);
        return colon is 1 or 2 && w.Length >= colon + 3 && int.TryParse(w.AsSpan(0, colon), out int h) && h < 24
            && int.TryParse(w.AsSpan(colon + 1, 2), out int m) && m < 60;
    }

    private static readonly HashSet<string> StampWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "at", "on", "by", "published", "posted", "updated", "last", "first", "date", "dated", "modified", "released", "created",
        "gmt", "utc", "local", "time", "am", "pm", "a", "m", "p", "h", "hrs",
    };

    /// <summary>A token that a date stamp may carry besides its date: labels, weekdays, times, zones, separators.</summary>
    private static bool IsStampFiller(string text, Token[] tokens, int i)
    {
        var w = text[tokens[i].Start..tokens[i].End];
        switch (tokens[i].Kind)
        {
            case TokenKind.Punctuation or TokenKind.Symbol:
                return w is "," or ";" or "|" or "/" or "·" or "•" or ":" or "-" or "–" or "—" or "(" or ")" or "+" or ".";
            case TokenKind.Number:
                return IsClock(w) || w.Length == 4;
            default:
                return StampWords.Contains(w) || Weekday(w) || w.Length is >= 2 and <= 4 && IsUpperWord(w);
        }
    }
}
