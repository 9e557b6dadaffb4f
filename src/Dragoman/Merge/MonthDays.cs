using System.Globalization;
using Dragoman.Storage;

namespace Dragoman.Merge;

/// <summary>
/// Dates compared at the precision a text gives them: a day of the month without a year ("October 14" in a page that
/// carries no date of its own, so the time stage cannot place it in a year) is a day of the year, 1 (1 January) to 366
/// (31 December) on a leap-year calendar so that 29 February has its own day; two such days are compared around the year.
/// </summary>
public static class MonthDays
{
    private const int DaysInYear = 366;

    /// <summary>The day of the year of a month and day (a leap year's calendar: 29 February is 60, 1 March 61).</summary>
    public static int Of(int month, int day) => new DateOnly(2000, month, day).DayOfYear;

    /// <summary>
    /// The days of the year an article's time expressions name at day precision (dates and times, with or without a
    /// year: "XXXX-10-14", "2016-12-20", "XXXX-06-28T06:00"), sorted and distinct.
    /// </summary>
    public static IReadOnlyList<int> Named(IEnumerable<TimeRow> times)
    {
        var days = new SortedSet<int>();
        foreach (var t in times)
            if (t.Type is "DATE" or "TIME" && t.Precision == "day" && Parse(t.Value) is { } d) days.Add(d);
        return [.. days];
    }

    /// <summary>The day of the year of a TIMEX value that names a month and a day ("XXXX-10-14", "2016-12-20T03:50"); else null.</summary>
    public static int? Parse(string? value)
    {
        if (value is not { Length: >= 10 } || value[4] != '-' || value[7] != '-') return null;
        if (!int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) ||
            !int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day)) return null;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month) ? Of(month, day) : null;
    }

    /// <summary>
    /// Every day of the year within <paramref name="reach"/> days of one of <paramref name="days"/>, around the year, sorted
    /// and distinct: the index keys a candidate search reads so that it finds exactly the reports whose <see cref="Gap"/> is at most the reach.
    /// </summary>
    public static IReadOnlyList<int> Around(IEnumerable<int> days, int reach)
    {
        var set = new SortedSet<int>();
        foreach (int d in days)
            for (int k = -reach; k <= reach; k++) set.Add(((d - 1 + k) % DaysInYear + DaysInYear) % DaysInYear + 1);
        return [.. set];
    }

    /// <summary>The stores' column: the days separated by spaces.</summary>
    public static string ToColumn(IReadOnlyList<int> days) => string.Join(' ', days);

    /// <summary>Reads <see cref="ToColumn"/>'s text back.</summary>
    public static int[] FromColumn(string cell) =>
        [.. cell.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => int.Parse(d, CultureInfo.InvariantCulture))];

    /// <summary>
    /// The fewest days around the year between a day of one report and a day of the other (a dated report counts with
    /// the days of its window), or null when a side names none: then the date says nothing either way.
    /// </summary>
    public static int? Gap(MergeReport a, MergeReport b)
    {
        var x = DaysOf(a);
        var y = DaysOf(b);
        if (x.Count == 0 || y.Count == 0) return null;
        int best = int.MaxValue;
        foreach (int i in x)
            foreach (int j in y)
            {
                int d = Math.Abs(i - j);
                best = Math.Min(best, Math.Min(d, DaysInYear - d));
            }
        return best;
    }

    /// <summary>
    /// The days of the year a report is indexed under for blocking (the stores' <c>incident_report_days</c>): a dated
    /// report's window, an undated one's named days (none: the report has no day of the year and is compared by place alone).
    /// </summary>
    public static IReadOnlyList<int> DaysOf(MergeReport r)
    {
        if (!r.Dated) return r.MonthDays;
        var list = new List<int>();
        // A window longer than the blocking's month says little; its ends are enough to bound it.
        for (int n = r.DayLo!.Value; n <= r.DayHi!.Value && list.Count <= MergeReports.MaxDaySpan; n++)
        {
            var d = DateOnly.FromDayNumber(n);
            list.Add(Of(d.Month, d.Day));
        }
        return list;
    }
}
