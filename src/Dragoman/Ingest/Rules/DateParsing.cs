using System.Globalization;
using System.Text.RegularExpressions;

namespace Dragoman.Ingest.Rules;

/// <summary>A date read from text: the date when the year is known, else month and day only.</summary>
public readonly record struct TextDate(int? Year, int Month, int Day, int Start, int End)
{
    public DateOnly? Date => Year is { } y && Day <= DateTime.DaysInMonth(y, Month) ? new DateOnly(y, Month, Day) : null;
}

/// <summary>
/// Publication dates as pages and texts write them: ISO 8601 stamps in metadata, and textual dates
/// ("Wed 05 Apr 2017 at 0914", "August 1 2011", "Aug. 4, 2011", "4 August 2018") in date lines and datelines.
/// </summary>
public static partial class DateParsing
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3, ["apr"] = 4, ["april"] = 4,
        ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7, ["aug"] = 8, ["august"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10, ["nov"] = 11, ["november"] = 11,
        ["dec"] = 12, ["december"] = 12,
    };

    private const string Month = @"(?<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    private const string Weekday = @"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?";

    [GeneratedRegex(@"\b" + Weekday + @"(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + Weekday + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>(?:19|20)\d\d))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d\d)[-/.](?<m>\d{1,2})[-/.](?<day>\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    /// <summary>Parses a metadata stamp: ISO 8601 date or date-time (the date as the source wrote it), or a textual date with year.</summary>
    public static DateOnly? ParseStamp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        var iso = IsoDate().Match(value);
        if (iso.Success && iso.Index == 0) return Make(iso.Groups["year"].Value, iso.Groups["m"].Value, iso.Groups["day"].Value);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
            return DateOnly.FromDateTime(dto.DateTime);
        return Find(value) is { Date: { } d } ? d : null;
    }

    /// <summary>The first date in a piece of text; a month-day without a year is returned with Year null.</summary>
    public static TextDate? Find(string text)
    {
        TextDate? best = null;
        var dmy = DayMonthYear().Match(text);
        if (dmy.Success && Build(dmy, dmy.Groups["mon"].Value) is { } a) best = a;
        var mdy = MonthDayYear().Match(text);
        if (mdy.Success && Build(mdy, mdy.Groups["mon"].Value) is { } b && (best is null || b.Start < best.Value.Start || (best.Value.Year is null && b.Year is not null)))
            best = b;
        var iso = IsoDate().Match(text);
        if (iso.Success && int.TryParse(iso.Groups["m"].Value, out var m) && m is >= 1 and <= 12 && int.TryParse(iso.Groups["day"].Value, out var d) && d is >= 1 and <= 31
            && (best is null || iso.Index < best.Value.Start))
            best = new TextDate(int.Parse(iso.Groups["year"].Value, CultureInfo.InvariantCulture), m, d, iso.Index, iso.Index + iso.Length);
        return best;
    }

    private static TextDate? Build(Match match, string monthName)
    {
        if (!Months.TryGetValue(monthName.TrimEnd('.'), out var month)) return null;
        if (!int.TryParse(match.Groups["day"].Value, out var day) || day < 1 || day > 31) return null;
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        return new TextDate(year, month, day, match.Index, match.Index + match.Length);
    }

    private static DateOnly? Make(string y, string m, string d)
    {
        if (!int.TryParse(y, out var year) || !int.TryParse(m, out var month) || !int.TryParse(d, out var day)) return null;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    [GeneratedRegex(@"^(?:(?:date\s+of\s+publication|first\s+published|last\s+updated|published|posted|updated|date)(?:\s+on)?\s*:?\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadLabel();

    [GeneratedRegex(@"^(?<d>\d{1,2})[-/.](?<m>\d{1,2})[-/.](?<y>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2}|\d{2})(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:GMT|UTC|local\s+time|[A-Z]{3,4}))?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTime();

    /// <summary>
    /// A date stamp opening a text that runs on without a line break ("Wed 05 Apr 2017 Syria attack ...",
    /// "Date of publication 25 April 2017 Airstrikes ...", "13-12-2014 Kurdish forces ..."): the date and where the stamp ends.
    /// Numeric dates are read day-first only when unambiguous (a part above 12); an ambiguous one is no date.
    /// </summary>
    public static (DateOnly Date, int End)? LeadingDate(string text)
    {
        int start = LeadLabel().Match(text).Length;
        if (start >= text.Length) return null;
        var rest = text[start..];
        DateOnly? date = null;
        int end;
        var numeric = NumericDate().Match(rest);
        if (numeric.Success)
        {
            int a = int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture), b = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            string y = numeric.Groups["y"].Value;
            if (a > 12 && b <= 12) date = Make(y, b.ToString(CultureInfo.InvariantCulture), a.ToString(CultureInfo.InvariantCulture));
            else if (b > 12 && a <= 12) date = Make(y, a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture));
            else if (a == b) date = Make(y, a.ToString(CultureInfo.InvariantCulture), a.ToString(CultureInfo.InvariantCulture));
            end = numeric.Length;
        }
        else
        {
            if (Find(rest) is not { Start: 0, Date: { } d } found) return null;
            date = d;
            end = found.End;
        }
        if (date is null) return null;
        var time = TrailingTime().Match(rest[end..]);
        if (time.Success) end += time.Length;
        end += start;
        if (end >= text.Length || !char.IsWhiteSpace(text[end]) && text[end] is not ('.' or ',' or '|' or '-' or '–' or '—' or ':')) return null;
        while (end < text.Length && (char.IsWhiteSpace(text[end]) || text[end] is '.' or ',' or '|' or '-' or '–' or '—' or ':')) end++;
        return end < text.Length ? (date.Value, end) : null;
    }

    [GeneratedRegex(@"^(?:(?:published|posted|updated|last\s+updated|date|dated|first\s+published|on)\s*:?\s*)?(?<date>.+?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLineShape();

    [GeneratedRegex(@"(?:\b(?:at|on|published|posted|updated|last|first|GMT|UTC|EST|EDT|CET|CEST|AST|local|time|am|pm|a\.m\.|p\.m\.|h|hrs|by)\b|\d{1,2}[:.]\d{2}(?::\d{2})?|\b\d{4}\b|[\s,|/·•:\-–—()+]|(?-i:[A-Z]{2,4})\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLineFiller();

    /// <summary>
    /// True when a short line is only a date stamp ("Wed 05 Apr 2017 at 0914", "Published: August 1 2011",
    /// "Updated 3 March 2019, 10:20 GMT"): the date plus filler words, times and punctuation.
    /// </summary>
    public static TextDate? DateLine(string line)
    {
        if (line.Length > 80) return null;
        var shape = DateLineShape().Match(line);
        var found = Find(line);
        if (found is not { } date || date.Year is null) return null;
        var rest = line.Remove(date.Start, date.End - date.Start);
        rest = DateLineFiller().Replace(rest, "");
        return rest.Length == 0 && shape.Success ? date : null;
    }

    /// <summary>
    /// A wire dateline opening a lede: "DAMASCUS, Aug. 4 (Reuters) -", "BEIRUT, March 3, 2019 (Agency) —",
    /// "Idlib, 4 August 2018 (SANA) –". Returns the date if any (year may be unknown), the agency if any, and the dateline's end; at least one of the two.
    /// </summary>
    public static (TextDate? Date, string? Agency, int End)? WireDateline(string paragraph)
    {
        var m = WireDatelineRegex().Match(paragraph);
        if (!m.Success || (!m.Groups["date"].Success && !m.Groups["agency"].Success)) return null;
        TextDate? date = null;
        if (m.Groups["date"].Success && Find(m.Groups["date"].Value) is { } d)
        {
            int offset = m.Groups["date"].Index;
            date = d with { Start = d.Start + offset, End = d.End + offset };
        }
        return (date, m.Groups["agency"].Success ? m.Groups["agency"].Value.Trim() : null, m.Index + m.Length);
    }

    [GeneratedRegex(@"^(?<place>[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,3}(?:,\s+[A-Z][A-Za-z'’\-]+){0,2})(?:,\s+(?<date>" + Weekday + "(?:" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @")(?:,?\s+(?:19|20)\d\d)?))?\s*(?:\((?<agency>[^()]{2,40})\)\s*)?[-–—]\s", RegexOptions.CultureInvariant)]
    private static partial Regex WireDatelineRegex();
}
