using Dragoman.Merge;

namespace Dragoman.Tests.Merge;

/// <summary>
/// Dates compared at the precision a text gives them: an undated report's article names "October 14" without a year,
/// and the pair scorer compares that day of the year with the other report's days (MonthDays, PairScorer).
/// </summary>
public sealed class MonthDaysTests
{
    [Theory]
    [InlineData("XXXX-10-14", 288, "a day and month without a year: 14 October on a leap-year calendar")]
    [InlineData("2016-12-20", 355, "a full date counts by its day of the year too")]
    [InlineData("XXXX-06-28T06:00", 180, "a time of day keeps its day")]
    [InlineData("XXXX-02-29", 60, "29 February has its own day")]
    [InlineData("XXXX-03-01", 61, "and 1 March follows it")]
    [InlineData("XXXX-XX-XX", null, "\"today\" without a reference names no day")]
    [InlineData("XXXX-WXX-6", null, "a weekday names no day of the year")]
    [InlineData("2013-02", null, "a month is coarser than a day")]
    [InlineData("XXXX-02-30", null, "not a day of any year")]
    [InlineData(null, null, "no value")]
    public void A_time_value_names_a_day_of_the_year_only_at_day_precision(string? value, int? expected, string reason) =>
        Assert.True(expected == MonthDays.Parse(value), $"{reason}: got {MonthDays.Parse(value)}");

    private static MergeReport Undated(params int[] days) => new() { Ref = "u:ev1", Action = "bombing", Modality = "asserted", MonthDays = days };

    private static MergeReport Dated(DateOnly lo, DateOnly hi) =>
        new() { Ref = "d:ev1", Action = "bombing", Modality = "asserted", DayLo = lo.DayNumber, DayHi = hi.DayNumber };

    public static TheoryData<string, MergeReport, MergeReport, int?> Gaps() => new()
    {
        { "both name 14 October", Undated(MonthDays.Of(10, 14)), Undated(MonthDays.Of(10, 14)), 0 },
        { "the nearest of the days each names counts", Undated(MonthDays.Of(6, 25), MonthDays.Of(10, 15)), Undated(MonthDays.Of(10, 14)), 1 },
        { "31 December and 1 January are a day apart around the year", Undated(MonthDays.Of(12, 31)), Undated(MonthDays.Of(1, 1)), 1 },
        { "a dated report counts with every day of its window", Dated(new(2017, 10, 12), new(2017, 10, 15)), Undated(MonthDays.Of(10, 14)), 0 },
        { "a hotel attack in June and a truck bomb in October", Dated(new(2016, 6, 25), new(2016, 6, 25)), Undated(MonthDays.Of(10, 14)), 111 },
        { "a report whose article names no day says nothing", Undated(), Undated(MonthDays.Of(10, 14)), null },
    };

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Two_reports_are_as_far_apart_as_their_nearest_days_of_the_year(string reason, MergeReport a, MergeReport b, int? gap)
    {
        Assert.True(gap == MonthDays.Gap(a, b), $"{reason}: got {MonthDays.Gap(a, b)}");
        Assert.True(gap == MonthDays.Gap(b, a), $"{reason}: not symmetric");
    }

    public static TheoryData<string, int[], string> Features() => new()
    {
        { "the same day of the year: agreement although neither knows the year", [MonthDays.Of(10, 14)], "date.month_day_same" },
        { "a day apart is its own feature, as for dated reports (a night attack, or the next day's shots nearby)", [MonthDays.Of(10, 15)], "date.month_day_one_day" },
        { "two weeks apart: another incident", [MonthDays.Of(10, 28)], "date.month_day_apart" },
        { "three days apart: neither", [MonthDays.Of(10, 17)], "date.undated" },
        { "nothing named: undated", [], "date.undated" },
    };

    [Theory]
    [MemberData(nameof(Features))]
    public void An_undated_pair_is_scored_by_the_days_of_the_year_its_articles_name(string reason, int[] other, string feature)
    {
        var a = Undated(MonthDays.Of(10, 14)) with { Family = MergeFamilies.Violence };
        var b = Undated(other) with { Ref = "v:ev1", Family = MergeFamilies.Violence };
        var x = PairScorer.Features(a, b);
        var fired = Enum.GetValues<PairFeature>().Where(f => PairModel.Key(f).StartsWith("date.", StringComparison.Ordinal) && x[(int)f] != 0).Select(PairModel.Key).Single();
        Assert.True(feature == fired, $"{reason}: fired {fired}");
    }

    public static TheoryData<string, int[], int, int[]> Windows() => new()
    {
        { "a day and the days on either side", [MonthDays.Of(10, 14)], 1, [MonthDays.Of(10, 13), MonthDays.Of(10, 14), MonthDays.Of(10, 15)] },
        { "31 December reaches 1 January around the year", [MonthDays.Of(12, 31)], 1, [1, MonthDays.Of(12, 30), MonthDays.Of(12, 31)] },
        { "overlapping windows are read once", [MonthDays.Of(3, 1), MonthDays.Of(3, 2)], 1, [MonthDays.Of(2, 29), MonthDays.Of(3, 1), MonthDays.Of(3, 2), MonthDays.Of(3, 3)] },
        { "no day named: nothing to read", [], 4, [] },
    };

    /// <summary>The index keys a store's candidate search reads (incident_report_days): exactly the days whose gap is within the reach.</summary>
    [Theory]
    [MemberData(nameof(Windows))]
    public void The_days_around_a_report_wrap_around_the_year(string reason, int[] days, int reach, int[] expected)
    {
        var got = MonthDays.Around(days, reach);
        Assert.True(expected.Order().SequenceEqual(got), $"{reason}: got {string.Join(' ', got)}");
        foreach (int d in Enumerable.Range(1, 366))
            Assert.Equal(got.Contains(d), days.Length > 0 && MonthDays.Gap(Undated(d), Undated(days)) <= reach);
    }
}
