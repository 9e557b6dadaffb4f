namespace Dragoman.Merge;

/// <summary>
/// Which pairs of reports the merge stage compares at all (its blocks; the store runs the same rule in SQL,
/// SqliteMergeCandidates): the same family, and either both dated within <see cref="PairScorer.WindowDays"/> of each
/// other in the same country or where one has none (a report without a place of its own has its article's country,
/// <see cref="MergeReports.FocusCountry"/>), or, when a report is undated, the same resolved place, or the same country
/// and a day of the year within the window: the days its article names without a year ("Saturday, October 14") against
/// the other's (a dated report's window read as days of the year, <see cref="MonthDays.Gap"/>). A whole country without
/// that day bound would be a block without a time bound (tried in session 6: at 200k stored reports, 20% of them
/// undated, it cost three times the CPU of ingest without merging); the stores read the day bound from an index of
/// (family, country, day of the year), <c>incident_report_days</c>.
/// Pure and symmetric, so that the pairs a store compares can be listed and counted (`dragoman train merge --pairs`).
/// </summary>
public static class MergeBlocking
{
    /// <summary>Null when the pair is compared; otherwise why not (a short reason for tables).</summary>
    public static string? WhyApart(MergeReport a, MergeReport b)
    {
        if (a.Family is null || b.Family is null) return "no mergeable type";
        if (a.Family != b.Family) return "type family";
        if (a.Dated && b.Dated)
        {
            int gap = Math.Max(0, Math.Max(a.DayLo!.Value - b.DayHi!.Value, b.DayLo!.Value - a.DayHi!.Value));
            if (gap > PairScorer.WindowDays) return "time window";
            if (a.Country is not null && b.Country is not null && a.Country != b.Country) return "country";
            return null;
        }
        if (a.GeonameId is not null && a.GeonameId == b.GeonameId) return null;
        if (a.Country is null || a.Country != b.Country) return "undated, not the same country";
        return MonthDays.Gap(a, b) switch
        {
            null => "undated, same country, no day of the year",
            > PairScorer.WindowDays => "undated, same country, days of the year apart",
            _ => null,
        };
    }
}
