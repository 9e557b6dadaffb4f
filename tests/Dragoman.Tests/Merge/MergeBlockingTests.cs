using Dragoman.Merge;
using Dragoman.Storage;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>Which pairs the merge stage compares at all (MergeBlocking; the store runs the same rule in SQL), and the country a report without a place takes.</summary>
public sealed class MergeBlockingTests
{
    private const int Day = 738333;

    /// <summary>1 January of a year (a DateOnly.DayNumber).</summary>
    private static readonly int NewYear = new DateOnly(2023, 1, 1).DayNumber;

    private static MergeReport Undated(MergeReport r) => r with { DayLo = null, DayHi = null };

    /// <summary>Undated, its article naming the day of the year of <paramref name="day"/> without a year ("Monday, June 27").</summary>
    private static MergeReport Named(MergeReport r, int day)
    {
        var d = DateOnly.FromDayNumber(day);
        return Undated(r) with { MonthDays = [MonthDays.Of(d.Month, d.Day)] };
    }

    private static MergeReport Placeless(MergeReport r, string? country) =>
        r with { Lat = null, Lon = null, GeonameId = null, PlaceName = null, Precision = null, Country = country };

    public static TheoryData<string, MergeReport, MergeReport, string?> Cases() => new()
    {
        { "dated two days apart in one country", Report("a:ev1", Kremenchuk, Day, []), Report("b:ev1", Odesa, Day + 2, []), null },
        { "dated six days apart: outside the window", Report("a:ev1", Kremenchuk, Day, []), Report("b:ev1", Kremenchuk, Day + 6, []), "time window" },
        { "dated the same day in two countries", Report("a:ev1", Kremenchuk, Day, []), Report("b:ev1", Ankara, Day, []), "country" },
        { "dated, one report without any country: compared with every country", Report("a:ev1", Kremenchuk, Day, []), Placeless(Report("b:ev1", Ankara, Day, []), null), null },
        { "undated at the same resolved place", Undated(Report("a:ev1", Kremenchuk, Day, [])), Report("b:ev1", Kremenchuk, Day + 30, []), null },
        { "undated at another place of the same country, no day of the year named: a country has no time bound", Undated(Report("a:ev1", Kremenchuk, Day, [])), Report("b:ev1", Odesa, Day, []), "undated, same country, no day of the year" },
        { "undated, names the dated one's day of the year, another place of the same country, one name word shared", Named(Report("a:ev1", Kremenchuk, Day, ["brenvik"]), Day), Report("b:ev1", Odesa, Day, ["brenvik", "tadeo"]), null },
        { "undated, names the dated one's day of the year, another place of the same country, no name word shared: a day of the year alone matches every year", Named(Report("a:ev1", Kremenchuk, Day, ["olsar"]), Day), Report("b:ev1", Odesa, Day, ["tadeo"]), "dated and undated, same country, no shared name" },
        { "undated without any name word, the dated one's day of the year: nothing but the day", Named(Report("a:ev1", Kremenchuk, Day, []), Day), Report("b:ev1", Odesa, Day, []), "dated and undated, same country, no shared name" },
        { "undated, a day of the year four days from the other's window, one name word shared", Named(Report("a:ev1", Kremenchuk, Day, ["brenvik"]), Day + 4), Report("b:ev1", Odesa, Day, ["brenvik"]), null },
        { "undated, a day of the year five days from the other's, one name word shared: outside the window", Named(Report("a:ev1", Kremenchuk, Day, ["brenvik"]), Day + 5), Report("b:ev1", Odesa, Day, ["brenvik"]), "undated, same country, days of the year apart" },
        { "undated, the other's day of the year in another year, one name word shared: no year to tell them apart", Named(Report("a:ev1", Kremenchuk, Day, ["brenvik"]), Day + 365 * 3 + 1), Report("b:ev1", Odesa, Day, ["brenvik"]), null },
        { "hard negative: an undated recap of another year's incident on the same day of the year, no name shared, stays apart", Named(Report("a:ev1", Kremenchuk, Day, ["olsar"]), Day - 365 * 2), Report("b:ev1", Odesa, Day, ["tadeo"]), "dated and undated, same country, no shared name" },
        { "undated, no name word shared but the same resolved place: the place key still meets", Named(Report("a:ev1", Odesa, Day, ["olsar"]), Day), Report("b:ev1", Odesa, Day + 400, ["tadeo"]), null },
        { "both undated, named days of the year a day apart, no name word: two undated reports need no name", Named(Report("a:ev1", Kremenchuk, Day, []), Day), Named(Report("b:ev1", Odesa, Day, []), Day + 1), null },
        { "undated, 30 December against a dated 2 January, one name word shared: around the year", Named(Report("a:ev1", Kremenchuk, Day, ["brenvik"]), NewYear - 2), Report("b:ev1", Odesa, NewYear + 1, ["brenvik"]), null },
        { "undated, names the other's day of the year but in another country", Named(Report("a:ev1", Kremenchuk, Day, []), Day), Report("b:ev1", Ankara, Day, []), "undated, not the same country" },
        { "undated in another country", Undated(Report("a:ev1", Kremenchuk, Day, [])), Report("b:ev1", Ankara, Day, []), "undated, not the same country" },
        { "dated, placeless but in its article's country: compared within the window", Placeless(Report("a:ev1", Kremenchuk, Day, []), "UA"), Report("b:ev1", Odesa, Day + 1, []), null },
        { "dated the same day in two countries, two name words shared: the names key", Report("a:ev1", Kremenchuk, Day, ["brenvik", "olsar", "tadeo"]), Report("b:ev1", Ankara, Day, ["brenvik", "tadeo"]), null },
        { "dated the same day in two countries, one name word shared: not enough for a key", Report("a:ev1", Kremenchuk, Day, ["brenvik", "olsar"]), Report("b:ev1", Ankara, Day, ["brenvik", "tadeo"]), "country" },
        { "two name words shared in two countries, six days apart: the window still bounds the names key", Report("a:ev1", Kremenchuk, Day, ["brenvik", "tadeo"]), Report("b:ev1", Ankara, Day + 6, ["brenvik", "tadeo"]), "time window" },
        { "two name words shared in two countries, one report undated: the undated names key, no window", Undated(Report("a:ev1", Kremenchuk, Day, ["brenvik", "tadeo"])), Report("b:ev1", Ankara, Day + 30, ["brenvik", "tadeo"]), null },
        { "one name word shared in two countries, one report undated: not enough for a key", Undated(Report("a:ev1", Kremenchuk, Day, ["brenvik", "olsar"])), Report("b:ev1", Ankara, Day, ["brenvik", "tadeo"]), "undated, not the same country" },
        { "both undated, no country, two name words shared", Placeless(Undated(Report("a:ev1", Kremenchuk, Day, ["brenvik", "tadeo"])), null), Undated(Report("b:ev1", Ankara, Day, ["brenvik", "olsar", "tadeo"])), null },
        { "a different family (a protest and a bombing)", Report("a:ev1", Kremenchuk, Day, []), Report("b:ev1", Kremenchuk, Day, []) with { Family = MergeFamilies.Demonstration }, "type family" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pair_is_compared_only_inside_its_block(string reason, MergeReport a, MergeReport b, string? whyApart)
    {
        Assert.True(whyApart == MergeBlocking.WhyApart(a, b), $"{reason}: {MergeBlocking.WhyApart(a, b) ?? "compared"}");
        Assert.Equal(MergeBlocking.WhyApart(a, b), MergeBlocking.WhyApart(b, a)); // symmetric: the ingest order never decides
    }

    private static EventRow Event(int ordinal, string? country) =>
        new() { EventId = $"ev{ordinal}", Ordinal = ordinal, Action = "attack", Modality = "asserted", Country = country };

    public static TheoryData<string, string?[], string?> Focus() => new()
    {
        { "most of the article's placed events are in one country", ["NG", null, "NG", "NE"], "NG" },
        { "a tie goes to the country counted first", ["HT", "US"], "HT" },
        { "no event placed: no focus", [null, null], null },
    };

    [Theory]
    [MemberData(nameof(Focus))]
    public void A_report_without_a_place_takes_its_articles_country(string reason, string?[] countries, string? expected) =>
        Assert.True(expected == MergeReports.FocusCountry([.. countries.Select((c, i) => Event(i, c))]), reason);
}
