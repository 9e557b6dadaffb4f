using System.Text;
using System.Text.Json;
using Dragoman.Export;
using Dragoman.Storage;

namespace Dragoman.Tests.Export;

/// <summary>
/// <see cref="EventFeatureWriter"/> writes the map feed and the geojson export by hand; these cases hold it to the bytes the
/// serializer writes for the feature records (<see cref="EventFeature"/>), field by field and for the edge values.
/// </summary>
public sealed class EventFeatureWriterTests
{
    private static EventRecord Event(string id = "ev1") => new()
    {
        ArticleId = 7, ArticleHash = "h", EventId = id, Ordinal = 1, Action = "attack", Modality = "asserted",
        Lat = 36.2, Lon = 37.15, Confidence = 0.7123456789012345,
    };

    public static TheoryData<string, EventRecord[]> Cases() => new()
    {
        { "no event: an empty collection", [] },
        { "a located event with most fields empty (nulls written, not left out)", [Event()] },
        { "an event without coordinates is counted as unlocated", [Event() with { Lat = null }, Event("ev2")] },
        { "every field filled", [Event() with {
            ArticleTitle = "Shelling near the old market", Published = "2016-03-04", Actor = "the army", ActorImplied = true,
            Target = "civilians", TargetConvention = true, Place = "the market", PlaceName = "Aleppo", Country = "SY", Admin1 = "Aleppo",
            PlacePrecision = "near", TimeStart = "2016-03-02", TimeEnd = "2016-03-03", TimePrecision = "day", TimeInherited = true,
            Occurred = true, CountsJson = """[{"kind":"killed","min":4,"max":6}]""", Cameo = "190", AcledType = "Battles",
            SourcesJson = """[{"name":"a monitor","location":"Idlib"},{"name":"Some Agency"}]""" }] },
        { "the place's text when no place resolved; the article's date when the event has none",
            [Event() with { Place = "a village", Published = "2015-12-31" }] },
        { "a time start that is no date falls back to the publication date", [Event() with { TimeStart = "spring", Published = "2015-05-01" }] },
        { "counts of an event that did not occur are not fatalities", [Event() with { Occurred = false, CountsJson = """[{"kind":"killed","min":3}]""" }] },
        { "quotes, backslashes, control characters, non-ASCII and HTML-sensitive characters in text",
            [Event() with { ArticleTitle = "\"Ceasefire\" \\ <b>&</b> 'held'\u0001\t\n", Actor = "Forces syriennes — حلب", Target = "😀 \u2028 \u00e9" }] },
        { "negative and whole coordinates, extreme confidence", [Event() with { Lat = -33.0, Lon = -0.000001, Confidence = 1 }, Event("ev2") with { Lat = 0, Lon = 180, Confidence = 1e-7 }] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Writes_the_serializer_s_bytes(string reason, EventRecord[] events)
    {
        var expected = JsonSerializer.Serialize(EventJson.FeatureCollection(events), EventFeature.Json);
        var written = Encoding.UTF8.GetString(EventFeatureWriter.CollectionUtf8(events));
        Assert.True(expected == written, $"{reason}\nserializer: {expected}\nwriter:     {written}");
    }
}
