namespace Dragoman.Merge;

/// <summary>
/// An incident's own fields, derived from its reports and explained: the days all text-dated reports agree on (else the
/// span they cover), the finest place the reports agree on, the most reported action, and the death toll as a range over
/// the articles' figures with ACLED's conservative value (the lowest figure a source gives) for exports.
/// </summary>
public sealed record IncidentFacts
{
    public required string Action { get; init; }
    public string? Family { get; init; }
    public int? DayLo { get; init; }
    public int? DayHi { get; init; }
    /// <summary>How the date was chosen ("agreed by 3 reports", "span of conflicting reports", "publication").</summary>
    public required string DateBasis { get; init; }
    public string? PlaceName { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Precision { get; init; }
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public int? KilledMin { get; init; }
    public int? KilledMax { get; init; }
    /// <summary>ACLED's conservative fatalities: the lowest toll an article gives.</summary>
    public int? Fatalities { get; init; }
    public int Reports { get; init; }
    public int Articles { get; init; }
    public int Outlets { get; init; }
    public string? FirstReported { get; init; }
    public string? LastReported { get; init; }

    private static readonly string[] PrecisionOrder = ["exact", "near", "region", "country"];

    /// <param name="reports">The incident's reports with the article each belongs to.</param>
    public static IncidentFacts Derive(IReadOnlyList<(MergeReport Report, long Article)> reports)
    {
        if (reports.Count == 0) throw new ArgumentException("an incident has at least one report", nameof(reports));
        var rs = reports.Select(r => r.Report).ToList();
        var (lo, hi, basis) = AgreedDays(rs);

        // Place: the most common country, then the finest precision there, preferring a place the sentence names.
        var country = rs.Where(r => r.Country is not null).GroupBy(r => r.Country).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
        var place = rs.Where(r => r.Lat is not null && (country is null || r.Country == country))
            .OrderBy(r => r.PlaceInherited)
            .ThenBy(r => Array.IndexOf(PrecisionOrder, r.Precision ?? "country") is var i && i < 0 ? 9 : i)
            .ThenBy(r => r.Ref, StringComparer.Ordinal)
            .FirstOrDefault();

        // One figure per article: its largest (the headline toll); the range runs over articles.
        var tolls = reports.Where(r => r.Report.Killed is not null).GroupBy(r => r.Article).Select(g => g.Max(r => r.Report.Killed!.Value)).ToList();
        var published = rs.Select(r => r.Published).Where(p => p is not null).Order(StringComparer.Ordinal).ToList();

        return new IncidentFacts
        {
            Action = rs.GroupBy(r => r.Action).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key,
            Family = rs[0].Family,
            DayLo = lo, DayHi = hi, DateBasis = basis,
            PlaceName = place?.PlaceName, Lat = place?.Lat, Lon = place?.Lon, Precision = place?.Precision,
            Country = place?.Country ?? country, Admin1 = place?.Admin1,
            KilledMin = tolls.Count > 0 ? tolls.Min() : null,
            KilledMax = tolls.Count > 0 ? tolls.Max() : null,
            Fatalities = tolls.Count > 0 ? tolls.Min() : null,
            Reports = rs.Count,
            Articles = reports.Select(r => r.Article).Distinct().Count(),
            Outlets = rs.Select(r => r.Outlet ?? "").Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            FirstReported = published.FirstOrDefault(),
            LastReported = published.LastOrDefault(),
        };
    }

    private static (int? Lo, int? Hi, string Basis) AgreedDays(List<MergeReport> rs)
    {
        var text = rs.Where(r => r.Dated && !r.DayFromPublication).ToList();
        var any = text.Count > 0 ? text : rs.Where(r => r.Dated).ToList();
        if (any.Count == 0) return (null, null, "undated");
        int lo = any.Max(r => r.DayLo!.Value), hi = any.Min(r => r.DayHi!.Value);
        string from = text.Count > 0 ? "the texts' dates" : "publication dates";
        if (lo <= hi) return (lo, hi, $"agreed by {any.Count} report{(any.Count == 1 ? "" : "s")} ({from})");
        return (any.Min(r => r.DayLo!.Value), any.Max(r => r.DayHi!.Value), $"span of {any.Count} disagreeing reports ({from})");
    }
}
