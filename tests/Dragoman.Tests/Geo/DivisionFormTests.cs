using Dragoman.Geo;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Geo;

/// <summary>
/// Divisions by the forms news uses: the English compass form of a division the sources name in French or Spanish
/// ("North Kivu" for "Nord Kivu"), and a division's name with its noun ("Benue State") found by its name where the
/// whole phrase matches only a spelling variant abroad.
/// </summary>
public class DivisionFormTests
{
    private static GazetteerBuilder BuilderWithDirectionWords()
    {
        var b = new GazetteerBuilder();
        var added = b.AddFile(GazetteerInstaller.DirectionWordsPath(GeoFixture.DataDir));
        Assert.True(added.IsOk, added.Error);
        return b;
    }

    [Theory]
    [InlineData("Nord-Kivu", "North Kivu", "French compass word before a hyphen")]
    [InlineData("Nord Kivu", "North Kivu", "the same with a space")]
    [InlineData("Sud-Ubangi", "South Ubangi", "another French compass word")]
    [InlineData("Sud-Ouest Bandama", "South-West Bandama", "two compass words before the name: each translated, kept joined")]
    [InlineData("Oeste de Santander", null, "Spanish 'of' after the compass word: the name is the phrase, left alone")]
    [InlineData("Centre-Nord", null, "only compass words: alone it would match any capitalised compass phrase")]
    [InlineData("Sud-Ouest Region", null, "compass words and a division noun only")]
    [InlineData("Nordrhein", null, "a word that starts with a compass word is not one")]
    [InlineData("Kivu", null, "no compass word")]
    public void A_division_named_with_a_foreign_compass_word_gets_its_English_form(string name, string? english, string reason)
    {
        var got = BuilderWithDirectionWords().EnglishDirectionalName(name);
        Assert.True(got == english, $"{reason}: {name} -> {got}");
    }

    [Theory]
    [InlineData("nord kivu", "north kivu", true, "the English compass word where the entry has its French one: the entry's own name")]
    [InlineData("sud ouest bandama", "south west bandama", true, "two compass words each way")]
    [InlineData("kivu", "north kivu", false, "a part of the entry is not its name")]
    [InlineData("nord ubangi", "north kivu", false, "another rest is another name")]
    [InlineData("nord kivu", "nord kivu", false, "no English compass word in the query: the ordinary own-name check applies")]
    public void An_English_compass_form_counts_as_the_entrys_own_name(string own, string query, bool same, string reason)
    {
        Assert.True(PlaceResolver.SameNameOtherCompassWords(own, query) == same, reason);
    }

    [Theory]
    [InlineData("Bokos Local Government Area of Plateau State", "Bokos Local Government Area|Plateau State", "a local government area of its state: two places")]
    [InlineData("Nzorov Council Ward of Guma Local Government Area", "Nzorov Council Ward|Guma Local Government Area", "a ward of its area")]
    [InlineData("Tarmuwa LGA of Yobe State", "Tarmuwa LGA|Yobe State", "the abbreviation")]
    [InlineData("Ministry of Interior", "Ministry of Interior", "not a division before 'of'")]
    [InlineData("Governor of Plateau State", "Governor of Plateau State", "an office of a state is one name")]
    [InlineData("Department of State", "Department of State", "a division noun alone is no division's name")]
    [InlineData("Plateau State", "Plateau State", "no 'of': one place")]
    public void A_chain_of_divisions_is_split_into_its_places(string mention, string expected, string reason)
    {
        var parts = PlaceResolver.DivisionChainParts(mention).Select(p => mention[p.Start..p.End]);
        Assert.True(string.Join('|', parts) == expected, $"{reason}: {string.Join('|', parts)}");
    }

    [SharedTheory]
    [InlineData("Militias attacked a village in North Kivu, Congolese officials said.", "North Kivu", "CD", "English form of GeoNames' Nord Kivu")]
    [InlineData("Gunmen killed 12 farmers in Benue State, Nigerian police said.", "Benue State", "NG", "the state's name with its noun, not a one-edit village abroad")]
    [InlineData("Shelling hit towns across Donetsk Oblast, Ukrainian officials said.", "Donetsk Oblast", "UA", "an oblast by its city's name and the noun")]
    [InlineData("Rebels of the M23 took a town in North Kivu province near the Ugandan border.", "North Kivu", "CD", "the English form without the country named: the entry's own name, not a weak alternate")]
    public void A_division_named_as_news_names_it_resolves_to_its_country(string text, string mention, string country, string reason)
    {
        int at = text.IndexOf(mention, StringComparison.Ordinal);
        var p = GeoFixture.Resolver.Resolve(text, [new PlaceQuery(at, at + mention.Length, Given: true)]).Single();
        Assert.True(p is { IsResolved: true } && p.Country == country, $"{reason}: got {p?.Name} in {p?.Country}");
    }
}
