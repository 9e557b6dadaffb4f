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

    private static string RowIn(int id, string name, double lat, double lon, string fcode, string admin2) =>
        string.Join('\t', id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, name, "",
            lat.ToString(System.Globalization.CultureInfo.InvariantCulture), lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "P", fcode, "SD", "", "94", admin2, "", "", "1000", "", "", "", "");

    private static readonly Lazy<Gazetteer> Districts = new(() =>
    {
        var b = new GazetteerBuilder();
        b.AddGeoNames([
            // a district named after its seat, which lies at its western edge; its villages spread east
            RowIn(9400001, "Qarya Seat", 14.0, 30.0, "PPLA2", "01"),
            RowIn(9400002, "Qarya East", 14.1, 30.4, "PPL", "01"),
            RowIn(9400003, "Qarya Middle", 14.0, 30.3, "PPL", "01"),
            RowIn(9400004, "Qarya Hill", 13.9, 30.5, "PPL", "01"),
            // a district with two places: no median
            RowIn(9400005, "Nakhl Seat", 15.0, 31.0, "PPLA2", "02"),
            RowIn(9400006, "Nakhl Well", 15.1, 31.1, "PPL", "02"),
            // a code whose other places lie far from the town: codes that disagree, no district of it
            RowIn(9400007, "Wadi Seat", 16.0, 32.0, "PPLA2", "03"),
            RowIn(9400008, "Wadi Far One", 19.0, 35.0, "PPL", "03"),
            RowIn(9400009, "Wadi Far Two", 19.1, 35.1, "PPL", "03"),
            RowIn(9400010, "Wadi Far Three", 19.2, 35.2, "PPL", "03"),
            // a town with no second-level code
            RowIn(9400011, "Lone Town", 17.0, 33.0, "PPL", ""),
        ]);
        return b.Build();
    });

    [Theory]
    [InlineData("Qarya Seat", 14.0, 30.4, "the district named after its seat centres where its places lie (the median), not at the seat on its edge")]
    [InlineData("Nakhl Seat", double.NaN, double.NaN, "two places have no median: the town's own point stands (null)")]
    [InlineData("Wadi Seat", double.NaN, double.NaN, "places of the code over 100 km from the town: no district of it (null)")]
    [InlineData("Lone Town", double.NaN, double.NaN, "no second-level code (null)")]
    public void A_towns_district_centres_where_its_places_lie(string town, double lat, double lon, string reason)
    {
        var g = Districts.Value;
        int at = Enumerable.Range(0, g.Count).First(i => g.Names[i] == town);
        var centre = new SettledCentres(g).OfTownsDistrict(at);
        Assert.True(double.IsNaN(lat) ? centre is null : centre is { } c && Math.Abs(c.Lat - lat) < 1e-4 && Math.Abs(c.Lon - lon) < 1e-4, $"{reason}: got {centre}");
    }
}
