using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>US counties from a us-atlas style TopoJSON (written here: two unit squares and a state) become ADM2 entries.</summary>
public class CountySourceTests
{
    // quantized arcs (deltas) with a transform: a 100 x 100 square at the origin -> lon -90..-89, lat 30..31
    private const string Topology = """
        {"type":"Topology","transform":{"scale":[0.01,0.01],"translate":[-90,30]},
         "objects":{
           "counties":{"type":"GeometryCollection","geometries":[
             {"type":"Polygon","arcs":[[0]],"id":"21151","properties":{"name":"Madison"}},
             {"type":"MultiPolygon","arcs":[[[1]]],"id":"22079","properties":{"name":"Rapides"}},
             {"type":"Polygon","arcs":[[-1]],"id":"51760","properties":{"name":"Richmond"}}]},
           "states":{"type":"GeometryCollection","geometries":[
             {"type":"Polygon","arcs":[[0]],"id":"21","properties":{"name":"Kentucky"}},
             {"type":"Polygon","arcs":[[1]],"id":"22","properties":{"name":"Louisiana"}},
             {"type":"Polygon","arcs":[[0]],"id":"51","properties":{"name":"Virginia"}}]}},
         "arcs":[[[0,0],[100,0],[0,100],[-100,0],[0,-100]],
                 [[200,0],[0,100],[100,0],[0,-100],[-100,0]]]}
        """;

    private const string States = """
        [{"name":"Kentucky","isoCode":"KY","countryCode":"US","latitude":"37.8","longitude":"-84.3"},
         {"name":"Louisiana","isoCode":"LA","countryCode":"US","latitude":"31.1","longitude":"-92.0"},
         {"name":"Virginia","isoCode":"VA","countryCode":"US","latitude":"37.4","longitude":"-78.6"}]
        """;

    private static Gazetteer Build() => GeoFixture.BuildFromTexts(("us-atlas-counties.json", Topology), ("country-state-city-states.json", States));

    [Theory]
    [InlineData("Madison County", 30.5, -89.5, "KY", "a county named with its division word, at the centroid of its square")]
    [InlineData("Madison", 30.5, -89.5, "KY", "the bare county name is an alternate name")]
    [InlineData("Rapides Parish", 30.5, -87.5, "LA", "Louisiana's counties are parishes; a clockwise ring gives the same centroid")]
    public void A_county_is_a_second_level_division_at_its_centroid(string name, double lat, double lon, string state, string reason)
    {
        var g = Build();
        var hits = g.LookupCanon(NameFolder.Canon(name)).ToArray();
        var c = Array.Find(hits, i => g.FeatureCodeOf(i) == "ADM2");
        Assert.True(hits.Length > 0 && g.FeatureCodeOf(c) == "ADM2", $"{reason}: {hits.Length} hits");
        Assert.True(Math.Abs(g.Lats[c] - lat) < 0.01 && Math.Abs(g.Lons[c] - lon) < 0.01, $"{reason}: at {g.Lats[c]}, {g.Lons[c]}");
        Assert.True(g.IdOf(c).StartsWith("county:US-", StringComparison.Ordinal) && g.AdminName($"US.{state}") is not null, $"{reason}: {g.IdOf(c)}");
    }

    [Fact]
    public void An_independent_city_is_not_a_county()
    {
        var g = Build();
        Assert.True(g.LookupCanon(NameFolder.Canon("Richmond County")).Length == 0, "FIPS 51760 is the independent city of Richmond, left to the city tables");
    }
}
