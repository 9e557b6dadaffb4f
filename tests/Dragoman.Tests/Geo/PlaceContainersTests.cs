using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Tests.Support;
using Dragoman.Text;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A village the gazetteer lacks is located at the container or neighbour its sentence names after it (ACLED's
/// geo_precision 2/3), never at a country; and the words "village of", "X town" make a name a place whatever the
/// recogniser typed it.
/// </summary>
public class PlaceContainersTests
{
    /// <summary>The geo stage over the text, with the given spans as a recogniser's mentions of the given type.</summary>
    private static Document Process(string text, string mentions, EntityType type = EntityType.GPE)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new TextComponent().Process(doc);
        foreach (var q in GeoFixture.GivenQueries(text, mentions.Split('|')))
            doc.Mentions.Add(new Mention { Span = new TextSpan(q.Start, q.End), Type = type, Text = text[q.Start..q.End], Source = "test" });
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        return doc;
    }

    [SharedTheory]
    [InlineData("Pro-government forces captured the village of Kunin in Latakia province on Friday.", "Kunin|Latakia province", "Kunin", "Latakia", "Region", "in",
        "a village in a province: the province's point, precision region")]
    [InlineData("Shelling hit Jisreen, a village in the countryside of Damascus, activists said.", "Jisreen|Damascus", "Jisreen", "Damascus", "Near", "in",
        "a village in a city's countryside: near the city")]
    [InlineData("Militiamen burned homes in Zunbul Dar locality, west of El Geneina, late on Friday.", "Zunbul Dar|El Geneina", "Zunbul Dar", "Geneina", "Near", "west of",
        "a bearing from a town without a distance: near the town")]
    [InlineData("Three people were wounded in Umm Zunbul village in the western part of Zunbul Dar, west of El Geneina.", "Umm Zunbul|Zunbul Dar|El Geneina", "Umm Zunbul", "Geneina", "Near", "in",
        "a chain: the village's container is itself a place the gazetteer lacks, located by its own container")]
    [InlineData("Militiamen raided Zunbul Dar locality, west of El Geneina. Later three people were wounded in Umm Zunbul village in the western part of Zunbul Dar.", "Zunbul Dar|El Geneina|Umm Zunbul|Zunbul Dar", "Umm Zunbul", "Geneina", "Near", "in",
        "a name located once is that place at its other mentions, which may then locate the names they contain")]
    [InlineData("Gunmen shot dead two herders in Zunbul Bai and Zunbul Kade villages in Zamfara State.", "Zunbul Bai|Zunbul Kade|Zamfara State", "Zunbul Bai", "Zamfara", "Region", "in",
        "a list shares the container of its last member")]
    public void A_place_the_gazetteer_lacks_takes_its_containers_point(string text, string mentions, string village, string container, string precision, string relation, string reason)
    {
        var doc = Process(text, mentions);
        var p = doc.Places.Find(x => x.Text == village);
        Assert.True(p is { IsResolved: true }, $"{reason}: {village} not located");
        Assert.True(p!.Name!.Contains(container, StringComparison.OrdinalIgnoreCase), $"{reason}: at {p.Name}");
        Assert.Equal(precision, p.Precision.ToString());
        Assert.Equal(relation, p.Relation);
        Assert.True(p.Confidence < doc.Places.Where(x => x.Name == p.Name && x.Text != village).Select(x => x.Confidence).DefaultIfEmpty(1).Max() + 1e-9, $"{reason}: a stand-in is no surer than its container");
    }

    [SharedFact]
    public void A_stated_distance_and_bearing_move_the_point()
    {
        var doc = Process("A roadside bomb went off beside an army patrol in Tell Zunbul, 70km north-east of Baquba city, officials said.", "Tell Zunbul|Baquba");
        var anchor = doc.Places.Single(x => x.Text == "Baquba");
        var p = doc.Places.Single(x => x.Text == "Tell Zunbul");
        double km = GeoMath.Km(anchor.Lat!.Value, anchor.Lon!.Value, p.Lat!.Value, p.Lon!.Value);
        Assert.InRange(km, 65, 75);
        Assert.True(p.Lat > anchor.Lat && p.Lon > anchor.Lon, "north-east of the town");
        Assert.Equal(PlacePrecision.Near, p.Precision);
        Assert.Equal("km north-east of", p.Relation);
    }

    [SharedTheory]
    [InlineData("Clashes were reported in Kunin, in Syria, on Monday.", "Kunin|Syria", "a country is too large to stand in for a village")]
    [InlineData("Fighting spread to Kunin, Aleppo and Homs on Monday.", "Kunin|Aleppo|Homs", "a comma before a town is a list, not a container")]
    [InlineData("Shells fell on Kunin, 120 km from Damascus, on Monday.", "Kunin|Damascus", "a distance without a bearing says too little beyond a few dozen km")]
    [InlineData("Shells fell on Kunin and Damascus on Monday.", "Kunin|Damascus", "a list member located by the gazetteer is no container")]
    [InlineData("Kunin was shelled; later troops entered Damascus.", "Kunin|Damascus", "a verb between: no container phrase")]
    public void A_place_without_a_container_phrase_stays_text(string text, string mentions, string reason)
    {
        var p = Process(text, mentions).Places.Find(x => x.Text == "Kunin");
        Assert.True(p is { IsResolved: false }, $"{reason}: got {p?.Name} ({p?.Relation})");
    }

    [SharedTheory]
    [InlineData("Insurgents overran the town of Zunbul Sido close to the Chadian border.", "Zunbul Sido", true, "'the town of X'")]
    [InlineData("Artillery hit Khirbat Zunbul village in Hama countryside.", "Khirbat Zunbul", true, "'X village' before a preposition")]
    [InlineData("Raiders looted the villages of Zunbul, Ali Zunbul and Kafr Zunbul in Bolbol region.", "Ali Zunbul", true, "a member of a list after 'the villages of'")]
    [InlineData("The boy was playing outside in a village called \"Al-Zunbula,\" north of Murais.", "Al-Zunbula", true, "'a village called X'")]
    [InlineData("Ahmed Ali said the town hall was closed on Monday.", "Ahmed Ali", false, "a person's name with no settlement noun next to it")]
    [InlineData("Supporters filled the Trump town hall meeting in Iowa.", "Trump", false, "'town' before another noun is a compound ('town hall'), not the name's noun")]
    [InlineData("The mayor of Ali Zunbul's home town spoke.", "Ali Zunbul", false, "'mayor of' is no settlement noun")]
    public void Settlement_words_make_a_name_a_place(string text, string name, bool expected, string reason)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new TextComponent().Process(doc);
        int at = text.IndexOf(name, StringComparison.Ordinal);
        Assert.True(expected == GeoComponent.SettlementNamed(doc, new TextSpan(at, at + name.Length)), reason);
    }

    [SharedTheory]
    [InlineData("Soldiers burned homes in Zunbul, Kafr Tala Division of Latakia province, on Sunday.", "Kafr Tala Division", EntityType.ORG, true,
        "a division's name typed as an organisation is a word of the container phrase")]
    [InlineData("Soldiers burned homes in Zunbul, Kafr Tala Division of Latakia province, on Sunday.", "Kafr Tala", EntityType.PERSON, true,
        "the same when the recogniser took the name without its noun for a person")]
    [InlineData("Soldiers burned homes in Zunbul, Kafr Tala Brigade of Latakia province, on Sunday.", "Kafr Tala Brigade", EntityType.ORG, false,
        "an organisation's name between the village and the province ends the phrase")]
    public void A_division_typed_as_an_organisation_does_not_break_the_container_phrase(string text, string party, EntityType partyType, bool located, string reason)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new TextComponent().Process(doc);
        foreach (var (name, type) in new[] { ("Zunbul", EntityType.GPE), (party, partyType), ("Latakia province", EntityType.GPE) })
        {
            int at = text.IndexOf(name, StringComparison.Ordinal);
            doc.Mentions.Add(new Mention { Span = new TextSpan(at, at + name.Length), Type = type, Text = name, Source = "test" });
        }
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        var p = doc.Places.Find(x => x.Text == "Zunbul");
        Assert.True(located ? p is { IsResolved: true } && p.Name!.Contains("Latakia", StringComparison.Ordinal) : p is null or { IsResolved: false },
            $"{reason}: got {p?.Name ?? "no place"}");
    }

    [SharedFact]
    public void A_person_typed_village_becomes_a_place_located_by_its_container()
    {
        var doc = Process("Shells struck Khirbat Zunbul village in Hama countryside on Monday.", "Khirbat Zunbul", EntityType.PERSON);
        var m = doc.Mentions.Single(x => x.Text == "Khirbat Zunbul");
        Assert.Equal(EntityType.GPE, m.Type);
        var p = doc.Places.Single(x => x.Text == "Khirbat Zunbul");
        Assert.True(p.IsResolved && p.Country == "SY", $"got {p.Name} in {p.Country}");
    }
}
