using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A name of two names joined by "and" ("Sistan and Baluchestan", "Bosnia and Herzegovina") is also keyed without the
/// "and", since news joins the pair with a hyphen or a slash ("Bosnia-Herzegovina"), which folds to a space. The key is
/// a spelling variant's (the skeleton index), so such a match needs a variant's evidence. Invented names.
/// </summary>
public class JoinedNameTests
{
    [Theory]
    [InlineData("varsk and tolomen", "varsk tolomen", "two names joined by 'and'")]
    [InlineData("upper varsk and lower tolomen", "upper varsk lower tolomen", "longer parts on each side")]
    [InlineData("ormel and birra and cask", "ormel birra cask", "three parts")]
    [InlineData("varsk tolomen", null, "no 'and': nothing to add")]
    [InlineData("and tolomen", null, "'and' first is no join")]
    [InlineData("varsk and", null, "'and' last is no join")]
    [InlineData("andoria", null, "a word that starts with 'and' is no 'and'")]
    [InlineData("grand varsk", null, "a word that ends with 'and' is no 'and'")]
    public void The_and_between_two_names_is_set_aside(string canon, string? expected, string reason) =>
        Assert.True(NameFolder.WithoutAnd(canon) == expected, $"{reason}: {NameFolder.WithoutAnd(canon)}");

    private static string Row(int id, string name, double lat, double lon, string fclass, string fcode, string a1, int pop) =>
        $"{id}\t{name}\t{name}\t\t{lat}\t{lon}\t{fclass}\t{fcode}\tZZ\t\t{a1}\t\t\t\t{pop}\t\t0\tEtc/UTC\t2020-01-01";

    private static readonly Lazy<Gazetteer> Built = new(() =>
    {
        var b = new GazetteerBuilder();
        b.AddGeoNames([
            Row(9400001, "Varsk and Tolomen", 12.0, 50.0, "A", "ADM1", "01", 0),
            Row(9400002, "Varsk", 12.5, 50.5, "P", "PPLA", "01", 80_000),
        ]);
        return b.Build();
    });

    private static readonly Lazy<PlaceResolver> Resolver = new(() =>
    {
        var d = Demonyms.Load(GazetteerInstaller.DemonymsPath(GeoFixture.DataDir));
        Assert.True(d.IsOk, d.Error);
        return new PlaceResolver(Built.Value, d.Value!);
    });

    [Theory]
    [InlineData("Varsk-Tolomen", 9400001, "the hyphened pair is the division")]
    [InlineData("Varsk/Tolomen", 9400001, "a slash folds as a hyphen does")]
    [InlineData("Varsk and Tolomen", 9400001, "the name itself still matches")]
    public void A_pair_joined_as_news_joins_it_finds_the_entry(string query, int id, string reason)
    {
        var g = Built.Value;
        var hits = Resolver.Value.Candidates(query, allowFuzzy: false, out _);
        Assert.True(hits.Any(i => g.IdOf(i) == id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            $"{reason}: {string.Join(", ", hits.Select(g.IdOf))}");
    }

    [Theory]
    [InlineData("Tolomen", "one half alone is no name of the pair")]
    [InlineData("Varsk Tolomen Birra", "a longer run is another name")]
    public void A_part_of_the_pair_does_not_find_it(string query, string reason)
    {
        var g = Built.Value;
        var hits = Resolver.Value.Candidates(query, allowFuzzy: false, out _);
        Assert.True(!hits.Any(i => g.IdOf(i) == "9400001"), $"{reason}: {string.Join(", ", hits.Select(g.IdOf))}");
    }
}
