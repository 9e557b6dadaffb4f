using Dragoman.Merge;
using Dragoman.Storage;

namespace Dragoman.Tests.Merge;

/// <summary>
/// The place a merge report is scored and blocked on (<see cref="MergeReports.PlaceOf"/>): an event placed at a
/// story-area stand-in (a village the gazetteer lacks, standing in its story's province) reads as one at a place left
/// as text, since the stand-in is built from the article's other places and adds nothing to them; every other place is
/// read as stored. Invented rows: ids and points written for these tests.
/// </summary>
public sealed class StandInPlaceTests
{
    public static TheoryData<string, string, string?, string?, string, bool, string> Places() => new()
    {
        { "a stand-in: no point, no id, no country of its own (the report takes its article's), the village's own text as its name",
            "Umm Zunbul", "Idlib", "area:SY:Idlib", "region", false, "Umm Zunbul|unknown|-|-" },
        { "a town the gazetteer knows: its own point, id and name",
            "Binnish", "Binnish", "170063", "exact", true, "Binnish|exact|SY|170063" },
        { "a province the sentence names: read as stored (a real division's id, not a stand-in's)",
            "Idlib province", "Idlib", "state:SY-ID", "region", true, "Idlib|region|SY|state:SY-ID" },
        { "a place left as text: no point, as before",
            "Umm Zunbul", null, null, "unknown", false, "Umm Zunbul|unknown|-|-" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void A_stand_in_reads_as_a_place_left_as_text(string reason, string text, string? name, string? geonameId, string precision, bool point, string expected)
    {
        bool stored = geonameId is not null;
        var e = new EventRow
        {
            EventId = "ev1", Ordinal = 1, Action = "attack", Modality = "asserted",
            Place = text, PlaceName = name, GeonameId = geonameId, PlacePrecision = precision,
            Lat = stored ? 35.9 : null, Lon = stored ? 36.7 : null, Country = stored ? "SY" : null, Admin1 = stored ? "Idlib" : null,
        };
        var p = MergeReports.PlaceOf(e);
        Assert.True(point == p.Lat is not null && point == p.Lon is not null, $"{reason}: point {p.Lat},{p.Lon}");
        Assert.True(expected == $"{p.Name}|{p.Precision}|{p.Country ?? "-"}|{p.GeonameId ?? "-"}", $"{reason}: got {p.Name}|{p.Precision}|{p.Country}|{p.GeonameId}");
    }
}
