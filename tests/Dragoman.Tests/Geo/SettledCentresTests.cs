using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A village somewhere inside a first-level division stands at the division's settled centre: the median of its
/// populated places (where its villages lie), or its seat where it has few places, never the middle of its area.
/// The divisions and towns are invented; one country's rows (a GeoNames-shaped table).
/// </summary>
public class SettledCentresTests
{
    private static string Row(int id, string name, double lat, double lon, string fclass, string fcode, string admin1, int pop) =>
        string.Join('\t', id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, name, "",
            lat.ToString(System.Globalization.CultureInfo.InvariantCulture), lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            fclass, fcode, "SD", "", admin1, "", "", "", pop.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "", "", "");

    private static readonly Lazy<Gazetteer> Invented = new(() =>
    {
        var b = new GazetteerBuilder();
        b.AddGeoNames([
            // a large state whose area point lies in the empty north, its towns all in the south-west
            Row(9100001, "Zunbul State", 16.0, 26.0, "A", "ADM1", "91", 0),
            Row(9100002, "Zunbul Seat", 13.6, 25.3, "P", "PPLA", "91", 200_000),
            Row(9100003, "Kafr Zunbul", 13.4, 24.2, "P", "PPL", "91", 9_000),
            Row(9100004, "Tell Zunbul", 13.1, 24.5, "P", "PPL", "91", 4_000),
            Row(9100005, "Ain Zunbul", 12.9, 24.0, "P", "PPL", "91", 3_000),
            Row(9100006, "Bir Zunbul", 13.5, 24.8, "P", "PPL", "91", 1_500),
            Row(9100007, "Umm Zunbul", 12.7, 24.4, "P", "PPL", "91", 800),
            Row(9100008, "Deir Zunbul", 12.8, 24.1, "P", "PPL", "91", 700),
            Row(9100009, "Jisr Zunbul", 13.0, 24.6, "P", "PPL", "91", 600),
            Row(9100010, "Zunbul Saghir", 13.2, 24.3, "P", "PPL", "91", 600),
            Row(9100011, "Zunbul Kabir", 13.3, 24.7, "P", "PPL", "91", 500),
            // a sparse state: two towns, one its seat (two places have no median)
            Row(9200001, "Bolbol State", 10.0, 30.0, "A", "ADM1", "92", 0),
            Row(9200002, "Bolbol Seat", 9.0, 31.0, "P", "PPLA", "92", 50_000),
            Row(9200003, "Kafr Bolbol", 11.0, 29.5, "P", "PPL", "92", 2_000),
            // a state with no town at all
            Row(9300001, "Sahra State", 20.0, 28.0, "A", "ADM1", "93", 0),
        ]);
        return b.Build();
    });

    [Theory]
    [InlineData("9100001", 13.2, 24.5, "three places or more: the median latitude and longitude of the state's towns, not its area point")]
    [InlineData("9200001", 9.0, 31.0, "two places have no median: the state's seat")]
    public void A_division_centres_where_its_places_lie(string id, double lat, double lon, string reason)
    {
        var centre = new SettledCentres(Invented.Value).Of(id);
        Assert.True(centre is { } c && Math.Abs(c.Lat - lat) < 1e-4 && Math.Abs(c.Lon - lon) < 1e-4, $"{reason}: got {centre}");
    }

    [Theory]
    [InlineData("9300001", "a state with no town and no seat keeps its own point (null: the caller's point stands)")]
    [InlineData("9100003", "a town is no division")]
    [InlineData("1234567", "an id the gazetteer lacks")]
    [InlineData(null, "no id")]
    public void Only_a_division_with_places_has_a_settled_centre(string? id, string reason) =>
        Assert.True(new SettledCentres(Invented.Value).Of(id) is null, reason);
}
