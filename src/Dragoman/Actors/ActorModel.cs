using System.Globalization;
using Dragoman.Documents;

namespace Dragoman.Actors;

/// <summary>An actor code valid over a date range (either end open). Undated codes are the default.</summary>
public sealed record DatedCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool IsDated => From is not null || To is not null;
    public bool Covers(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);

    /// <summary>
    /// Parses the body of a TABARI/PETRARCH code bracket: "SYRGOV", "SYRGOV 000610-000717", "SYRGOV >000717",
    /// "HTIOPPMED &lt;061231", "SYROPP > 20110101". Six-digit dates are YYMMDD (years 00-30 read as 20xx, else 19xx).
    /// Returns null for "---" (no code) and for malformed dates.
    /// </summary>
    public static DatedCode? Parse(string body)
    {
        body = body.Trim();
        if (body.Length == 0 || body.StartsWith("---", StringComparison.Ordinal)) return null;
        int sp = body.IndexOfAny([' ', '\t', '>', '<']);
        string code = (sp < 0 ? body : body[..sp]).Trim().TrimStart('~');
        if (code.Length == 0) return null;
        if (sp < 0) return new DatedCode(code, null, null);
        var rest = body[sp..].Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (rest.Length == 0) return new DatedCode(code, null, null);
        if (rest[0] == '>') return ParseDate(rest[1..]) is { } f ? new DatedCode(code, f, null) : null;
        if (rest[0] == '<') return ParseDate(rest[1..]) is { } t ? new DatedCode(code, null, t) : null;
        int dash = rest.IndexOf('-');
        if (dash <= 0) return null;
        var from = ParseDate(rest[..dash]);
        var to = ParseDate(rest[(dash + 1)..]);
        return from is null || to is null ? null : new DatedCode(code, from, to);
    }

    /// <summary>YYMMDD or YYYYMMDD; day 31 of a 30-day month (as in CountryInfo "20030931") clamps to the month's end.</summary>
    public static DateOnly? ParseDate(string s)
    {
        s = s.Trim();
        int y, m, d;
        if (s.Length == 6 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v6))
        {
            y = v6 / 10000; m = v6 / 100 % 100; d = v6 % 100;
            y += y <= 30 ? 2000 : 1900;
        }
        else if (s.Length == 8 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v8))
        {
            y = v8 / 10000; m = v8 / 100 % 100; d = v8 % 100;
        }
        else return null;
        if (y < 1 || m is < 1 or > 12 || d < 1) return null;
        d = Math.Min(d, DateTime.DaysInMonth(y, m));
        return new DateOnly(y, m, d);
    }

    public string Format() => From is null && To is null ? Code
        : $"{Code}@{From?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}~{To?.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static DatedCode? FromCompiled(string s)
    {
        int at = s.IndexOf('@');
        if (at < 0) return s.Length == 0 ? null : new DatedCode(s, null, null);
        var range = s[(at + 1)..];
        int t = range.IndexOf('~');
        var from = t > 0 ? ParseDate(range[..t]) : null;
        var to = t + 1 < range.Length ? ParseDate(range[(t + 1)..]) : null;
        return new DatedCode(s[..at], from, to);
    }

    /// <summary>
    /// The code that applies on <paramref name="date"/>: a dated code covering it, else the undated default,
    /// else (date unknown) the open-ended or latest code, else the code whose range is nearest the date.
    /// </summary>
    public static string? Resolve(IReadOnlyList<DatedCode> codes, DateOnly? date)
    {
        if (codes.Count == 0) return null;
        if (date is { } d)
            foreach (var c in codes)
                if (c.IsDated && c.Covers(d)) return c.Code;
        foreach (var c in codes)
            if (!c.IsDated) return c.Code;
        if (date is null)
            return codes.OrderByDescending(c => c.To ?? DateOnly.MaxValue).ThenByDescending(c => c.From ?? DateOnly.MinValue).First().Code;
        var day = date.Value.DayNumber;
        return codes.OrderBy(c => Math.Min(Math.Abs((c.From ?? date.Value).DayNumber - day), Math.Abs((c.To ?? date.Value).DayNumber - day))).First().Code;
    }
}

/// <summary>Where an actor entry came from; also the precedence order when two entries claim the same phrase (lower wins).</summary>
public enum ActorSource { Supplement = 0, CountryInfo = 1, PhoenixMilNonState = 2, PhoenixCountries = 3, PhoenixInternational = 4, Other = 5 }

/// <summary>One named actor: a group, a person, an institution, a country, a capital. Phrases are in dictionary form.</summary>
public sealed class ActorEntry
{
    public required string Id { get; init; }
    public required EntityType Type { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Phrases { get; init; }
    public required IReadOnlyList<DatedCode> Codes { get; init; }
    public required ActorSource Source { get; init; }
    /// <summary>Id of the entry this one belongs to (a member of a group, an affiliate), if any.</summary>
    public string? Parent { get; init; }
    /// <summary>Fact source (e.g. a Wikipedia article title) for curated rows.</summary>
    public string? Reference { get; init; }
    /// <summary>Sector label for the output ("media", "monitor", "intelligence") when the dictionary gives one.</summary>
    public string? Sector { get; init; }

    public string? CodeOn(DateOnly? date) => DatedCode.Resolve(Codes, date);
}

/// <summary>A generic agent noun ("regime", "army", "commander") with its CAMEO agent code (GOV, MIL, MILSPY...).</summary>
public sealed record AgentEntry(string Phrase, string Code, ActorSource Source);

/// <summary>A country from CountryInfo: ISO3 code, names, nationality adjectives/demonyms, capitals.</summary>
public sealed record CountryEntry(string Iso3, string Name, IReadOnlyList<string> Names, IReadOnlyList<string> Demonyms, IReadOnlyList<string> Capitals)
{
    /// <summary>ISO 3166 alpha-2 code (as GeoNames gives a place's country), when CountryInfo has one.</summary>
    public string? Iso2 { get; init; }
}

/// <summary>One term in an office ("Presidents" of SYR) from CountryInfo or the supplement.</summary>
public sealed record LeaderTerm(string Country, string Office, string Name, IReadOnlyList<string> Variants, DateOnly? From, DateOnly? To, string Source);
