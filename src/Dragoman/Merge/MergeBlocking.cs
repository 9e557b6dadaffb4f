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
/// (family, country, day of the year), <c>incident_report_days</c>. A dated and an undated report meet by a day of the year
/// only when they also share one proper-name word (<see cref="SharedNameWords"/> is for other countries); two undated
/// reports by the day alone. The stores read that pair from an index of the undated reports (family, country, name word,
/// day of the year), <c>incident_report_name_days</c>.
/// Two dated reports within the window in different countries are compared when they share
/// <see cref="SharedNameWords"/> proper-name words (<see cref="MergeReport.Names"/>): a report placed at country precision
/// in a neighbouring country, or in its outlet's country, still meets the report that names the same people or group
/// (merge-gold dev, session 13: 6 of the 18 never-compared gold pairs, no hard negative, +2.6% candidate pairs); the
/// stores read it from an index of (family, name word, first day), <c>incident_report_names</c>. An undated report (its
/// article has no date of publication either) is compared with every report of its family sharing two name words, in any
/// country and on any day: it has no window to bound the key, so only the count of a word's carriers does
/// (<see cref="MaxReportsPerNameWord"/>, over the whole store); the stores index its words under
/// <see cref="UndatedNameDay"/> (merge-gold dev, session 14: 3 of the gold pairs never compared, no hard negative).
/// Pure and symmetric, so that the pairs a store compares can be listed and counted (`dragoman train merge --pairs`).
/// </summary>
public static class MergeBlocking
{
    /// <summary>Proper-name words two dated reports of different countries must share to be compared (the names key).</summary>
    public const int SharedNameWords = 2;

    /// <summary>
    /// The stores' bound on the names key: a name word that more than this many stored reports of the family carry
    /// within a report's window names too many things to be a key, so the search skips it (it reads at most one more
    /// row per word to tell). Measured on merge-gold's development part (140 reports): no name word is carried by more
    /// than 7 dated reports of one family within a report's window, so the bound leaves every pair there; the synthetic
    /// scale store (tools/merge-synthetic-store.py: 3 of 16 nonsense words a report, about 30 dated reports of a family a
    /// day) has a few hundred carriers of each word in a window and so reads nothing by this key, as a large news store
    /// would for a word as common as a frequent group's name. Without it the names key of such a word would read the
    /// whole window of every country. The pure rule above does not apply it (a store that reaches it compares fewer
    /// pairs than <see cref="WhyApart"/> says).
    /// </summary>
    public const int MaxReportsPerNameWord = 40;

    /// <summary>
    /// The day under which the stores index an undated report's name words (below every <see cref="DateOnly.DayNumber"/>):
    /// a dated report reads the undated carriers of a word at this one day, an undated report every carrier of it.
    /// </summary>
    public const int UndatedNameDay = -1;

    /// <summary>How many words two word lists sorted ordinally share (names for blocking; the pair scorer counts names and words with it).</summary>
    public static int SharedWords(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Count && j < b.Count)
        {
            int c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0) { n++; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
        return n;
    }

    /// <summary>Null when the pair is compared; otherwise why not (a short reason for tables).</summary>
    public static string? WhyApart(MergeReport a, MergeReport b)
    {
        if (a.Family is null || b.Family is null) return "no mergeable type";
        if (a.Family != b.Family) return "type family";
        if (a.Dated && b.Dated)
        {
            int gap = Math.Max(0, Math.Max(a.DayLo!.Value - b.DayHi!.Value, b.DayLo!.Value - a.DayHi!.Value));
            if (gap > PairScorer.WindowDays) return "time window";
            if (a.Country is not null && b.Country is not null && a.Country != b.Country)
                return SharedWords(a.Names, b.Names) >= SharedNameWords ? null : "country";
            return null;
        }
        if (a.GeonameId is not null && a.GeonameId == b.GeonameId) return null;
        // The names key of an undated report: it has no window (its article gives no date of publication either), so the
        // words alone bound it; the stores skip a word carried by more than MaxReportsPerNameWord reports of the family.
        if (SharedWords(a.Names, b.Names) >= SharedNameWords) return null;
        if (a.Country is null || a.Country != b.Country) return "undated, not the same country";
        int? apart = MonthDays.Gap(a, b);
        if (apart is null) return "undated, same country, no day of the year";
        if (apart > PairScorer.WindowDays) return "undated, same country, days of the year apart";
        // A day of the year without a year matches that day in every year a store covers, so between a dated and an
        // undated report it is weak evidence alone; one shared name word makes the pair worth scoring (docs/benchmarks.md,
        // block21: 78% of the candidates at 200k stored reports, no merge-gold link lost). A shared place meets above.
        return a.Dated != b.Dated && SharedWords(a.Names, b.Names) == 0 ? "dated and undated, same country, no shared name" : null;
    }
}
