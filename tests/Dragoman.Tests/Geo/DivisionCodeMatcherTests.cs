using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// Naming GeoNames division codes from a states list that uses other codes. A made-up country of three divisions on
/// a line of longitudes (west, middle, east), each with its places around its own point.
/// </summary>
public class DivisionCodeMatcherTests
{
    private static readonly NamedDivision[] ThreeDivisions =
    [
        new("Westland Governorate", 30, 30), new("Midland Governorate", 30, 32), new("Eastland Governorate", 30, 34),
    ];

    /// <summary>Places of code <paramref name="code"/> around a point, the first one the seat.</summary>
    private static IEnumerable<CodedPlace> Around(string code, double lat, double lon, string seat, int count = 6)
    {
        yield return new CodedPlace(code, lat, lon, 50_000, true, seat);
        for (int k = 1; k < count; k++)
            yield return new CodedPlace(code, lat + 0.1 * (k % 3) - 0.1, lon + 0.1 * (k % 2) - 0.05, 1_000 * k, false, $"{code} village {k}");
    }

    // codes placed at (lon of their places), seat names, claimed codes ("code=division"), expected ("code=division" or "code=-")
    [Theory]
    [InlineData("01@30,02@32,03@34", "Aville,Bville,Cville", "", "01=0,02=1,03=2", "each code's places lie around one division's point")]
    [InlineData("01@32,02@30,03@34", "Midland,Westland,Eastland", "", "01=1,02=0,03=2", "seats named like the divisions confirm the places")]
    [InlineData("01@30,02@32,03@34", "Aville,Bville,Cville", "01=2,02=0,03=1", "01=0,02=1,03=2", "numbered codes that collide by accident are not trusted: the places decide")]
    [InlineData("01@30,02@32,03@34", "Aville,Bville,Cville", "01=0,02=1,03=2", "01=0,02=1,03=2", "codes shared by design (the places agree) are kept")]
    [InlineData("01@30,02@32", "Aville,Bville", "", "01=0,02=1", "a division with no places of its own gets no code")]
    [InlineData("01@30,02@32,03@34", "Aville,Bville,Cville", "01=1", "01=0,02=1,03=2", "a claim the places contradict gives way to the places")]
    public void Codes_take_the_name_of_the_division_their_places_and_seats_point_to(string layout, string seats, string claims, string expected, string reason)
    {
        var seatNames = seats.Split(',');
        var places = new List<CodedPlace>();
        var parts = layout.Split(',');
        for (int k = 0; k < parts.Length; k++)
        {
            var code = "XX." + parts[k].Split('@')[0];
            double lon = double.Parse(parts[k].Split('@')[1], System.Globalization.CultureInfo.InvariantCulture);
            places.AddRange(Around(code, 30, lon, seatNames[k]));
        }
        var claimed = claims.Length == 0 ? new Dictionary<string, int>()
            : claims.Split(',').ToDictionary(c => "XX." + c.Split('=')[0], c => int.Parse(c.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
        var match = DivisionCodeMatcher.Match(places, ThreeDivisions, claimed);
        var got = string.Join(",", parts.Select(p => "XX." + p.Split('@')[0]).Select(c => $"{c[3..]}={(match.TryGetValue(c, out var i) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}"));
        Assert.True(got == expected, $"{reason}: got {got}");
    }

    [Fact]
    public void A_states_list_at_another_level_names_no_code()
    {
        // one code, four listed divisions around it (provinces listed where the places carry a region code)
        var places = Around("XX.01", 30, 32, "Capital").ToList();
        NamedDivision[] provinces = [new("North Province", 30.3, 32), new("South Province", 29.7, 32), new("East Province", 30, 32.3), new("West Province", 30, 31.7)];
        Assert.Empty(DivisionCodeMatcher.Match(places, provinces, new Dictionary<string, int>()));
    }
}
