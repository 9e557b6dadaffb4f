using Dragoman.Tests.Support;
using System.Text.Json.Nodes;
using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Output;

namespace Dragoman.Tests.Geo;

/// <summary>
/// Places an analyst can trust: a choice far from what the article is about must win on evidence, else the place stays
/// text (unresolved, precision unknown); parts of countries ("Northern Syria") are areas; division nouns belong to the name.
/// </summary>
public class AbstentionTests
{
    /// <summary>Resolves the given mentions as the pipeline does with a recogniser's spans (no forced choice).</summary>
    private static List<PlaceResolution?> ResolveGiven(string text, params string[] mentions)
    {
        var queries = GeoFixture.GivenQueries(text, mentions);
        return [.. GeoFixture.Resolver.Resolve(text, queries)];
    }

    [SharedTheory]
    [InlineData("Government shelling hit Kunin and Jisreen in the countryside of Damascus, Syrian activists said.", "Kunin|Jisreen|Damascus", "SY",
        "village names the gazetteer lacks are not foreign towns one edit or one vowel away (Knin, Yaren)")]
    [InlineData("Warplanes struck Taloul and Duwayleh, two villages near Idlib, the Syrian Observatory said.", "Taloul|Duwayleh|Idlib", "SY",
        "spelling-variant matches stay inside the countries the article is about (Talol, Douala)")]
    [InlineData("Fighting was reported in Darfur, and the Sudanese army said it had retaken El Geneina.", "Darfur|El Geneina", "SD",
        "Darfur is the Sudanese region, not Oman's Dhofar by skeleton")]
    [InlineData("Kurdish forces in Syria said Turkey had shelled their positions near Qamishli.", "Syria|Turkey|Qamishli", "SY|TR",
        "Turkey is the country (its npm name is Türkiye), not a US town that once bore it")]
    [InlineData("Shelling hit Kawkaba and al-Ruwayha in the Hama countryside, Syrian activists said.", "Kawkaba|al-Ruwayha|Hama", "SY",
        "a variant next door is still another country: a skeleton match must lie in a named country, not near one")]
    [InlineData("Herders attacked a village in Kereinik locality, west of El Geneina; two were hurt in Galala near Nyala.", "Kereinik|El Geneina|Galala|Nyala", "SD",
        "where the text names no country, the countries of its other places stand in (no Czech or Spanish town by one edit)")]
    [InlineData("Gunmen killed three villagers in Pucuma, near Zaria in Kaduna State, police said.", "Pucuma|Zaria|Kaduna State", "NG",
        "no country named: a match by another town's alternate name abroad is a variant, judged by where the other names lie")]
    [InlineData("Bandits raided Curador and Matoes overnight, north of Zaria in Kaduna State.", "Curador|Matoes|Zaria|Kaduna State", "NG",
        "the same for two such names together: alternate names abroad do not vouch for each other")]
    [InlineData("Insurgents burned houses in a village in Palma district of Cabo Delgado province, Mozambique.", "Palma|Cabo Delgado province|Mozambique", "MZ",
        "a name followed by a division noun is a district: a large city of that name abroad (Palma de Mallorca) is not it")]
    [InlineData("Militants raided Sinneu and Quiterajo, two villages in Palma district of Cabo Delgado, Mozambique.", "Sinneu|Quiterajo|Palma|Cabo Delgado|Mozambique", "MZ",
        "unknown villages that match foreign towns only by spelling do not vouch for an exact name beside those towns")]
    public void A_resolved_place_lies_in_a_country_the_text_supports(string text, string mentions, string allowed, string reason)
    {
        var ok = allowed.Split('|');
        foreach (var p in ResolveGiven(text, mentions.Split('|')))
        {
            Assert.NotNull(p);
            if (!p!.IsResolved) continue;
            Assert.True(ok.Contains(p.Country), $"{reason}: {p.Text} resolved to {p.Name} in {p.Country}");
        }
    }

    [SharedTheory]
    [InlineData("Government shelling hit Kunin in the countryside of Damascus, Syrian activists said.", "Kunin", "no candidate in Syria: better text than Knin, Croatia")]
    [InlineData("Heavy fighting near Duwayleh, in Syria's Idlib province, was reported.", "Duwayleh", "only a far foreign variant (Douala, Cameroon)")]
    [InlineData("Militants bombed a power tower in Ca on Sunday, the army said.", "Ca", "two letters in lower case are a word cut off by a scraper, not Canada's code")]
    public void A_place_without_evidence_stays_text_with_precision_unknown(string text, string mention, string reason)
    {
        var p = ResolveGiven(text, mention).Single();
        Assert.True(p is { IsResolved: false }, $"{reason}: got {p?.Name} in {p?.Country}");
        Assert.Equal(PlacePrecision.Unknown, p!.Precision);
        var json = DocumentJson.PlaceJson(p);
        Assert.Equal("unknown", json["precision"]!.GetValue<string>());
        Assert.Null(json["acled_geo_precision"]);
        Assert.Null(json["lat"]);
    }

    [SharedTheory]
    [InlineData("Clashes broke out in Northern Syria on Monday between rival factions.", "Northern Syria", "SY", 1, 0, "northern part of Syria, north of its centre")]
    [InlineData("An Israeli drone struck a car in South Lebanon, killing two.", "South Lebanon", "LB", -1, 0, "southern Lebanon, not South Lebanon, Ohio")]
    [InlineData("Rebels advanced in Eastern Aleppo as shelling continued.", "Eastern Aleppo", "SY", 0, 1, "the eastern part of Aleppo")]
    public void A_compass_part_of_a_country_or_division_is_an_area_that_way(string text, string mention, string country, int north, int east, string reason)
    {
        var p = ResolveGiven(text, mention).Single();
        Assert.True(p is { IsResolved: true } && p.Country == country, $"{reason}: got {p?.Name} in {p?.Country}");
        Assert.Equal(PlacePrecision.Region, p!.Precision);
        var whole = ResolveGiven(text[(text.IndexOf(mention, StringComparison.Ordinal) + mention.IndexOf(' ') + 1)..], mention[(mention.IndexOf(' ') + 1)..]).Single()!;
        if (north != 0) Assert.True(Math.Sign(p.Lat!.Value - whole.Lat!.Value) == north, $"{reason}: {p.Lat} vs {whole.Lat}");
        if (east != 0) Assert.True(Math.Sign(p.Lon!.Value - whole.Lon!.Value) == east, $"{reason}: {p.Lon} vs {whole.Lon}");
    }

    [SharedTheory]
    [InlineData("Fighting continued in Idlib province on Sunday.", "Idlib", " province", "a division's name followed by its noun")]
    [InlineData("Clashes were reported across Daraa Governorate.", "Daraa", " Governorate", "capitalised division noun")]
    [InlineData("Iraq state television said the curfew was lifted.", "Iraq", "", "a country's name before 'state' is not a division")]
    [InlineData("Officials in Aleppo province council met.", "Aleppo", " province", "lower-case word after the noun")]
    [InlineData("He visited Homs District Hospital on Monday.", "Homs", "", "a capitalised word after the noun makes another name")]
    [InlineData("Shelling hit villages in the Manbij district on Monday.", "Manbij", "", "a town's name: the noun stays outside the mention (the town anchors the area)")]
    public void A_division_noun_after_a_division_belongs_to_its_name(string text, string name, string noun, string reason)
    {
        int at = text.IndexOf(name, StringComparison.Ordinal);
        int end = GeoFixture.Resolver.DivisionPhraseEnd(text, at, at + name.Length);
        Assert.True(noun.Length == 0 ? end < 0 : end == at + name.Length + noun.Length, $"{reason}: end {end}");
    }

    [SharedTheory]
    [InlineData("Shelling hit villages in the Manbij district on Monday.", "Manbij district", "district", PlacePrecision.Region, "a town's district named in one mention: the area around the town")]
    [InlineData("Shelling hit villages in the Manbij district on Monday.", "Manbij", "district", PlacePrecision.Region, "the noun right after the town's mention says the same")]
    [InlineData("Troops entered the Jablah region overnight.", "Jablah", "region", PlacePrecision.Region, "the same with 'region'")]
    [InlineData("Gunmen attacked the Manbij checkpoint at dawn.", "Manbij", "checkpoint", PlacePrecision.Near, "a feature named after the town: near it, anchored to it")]
    [InlineData("Water was released from the Jablah dam on Monday.", "Jablah", "dam", PlacePrecision.Near, "the same with a dam")]
    public void A_town_named_with_a_division_or_feature_noun_is_anchored_to_the_town(string text, string mention, string relation, PlacePrecision precision, string reason)
    {
        var r = GeoFixture.Resolver.Resolve(text, GeoFixture.GivenQueries(text, mention))[0];
        var town = GeoFixture.Resolver.Resolve("They met in " + mention.Split(' ')[0] + ".", GeoFixture.GivenQueries("They met in " + mention.Split(' ')[0] + ".", mention.Split(' ')[0]))[0];
        Assert.True(r is { IsResolved: true } && town is { IsResolved: true }, $"{reason}: not resolved");
        Assert.True(precision == r.Precision && relation == r.Relation, $"{reason}: {r.Precision}, {r.Relation}");
        Assert.True(GeoMath.Km(r.Lat!.Value, r.Lon!.Value, town.Lat!.Value, town.Lon!.Value) < 1, $"{reason}: anchored at {r.Name}, not at the town");
    }

    [SharedTheory]
    [InlineData("{\"SY\":{\"coordinate\":[\"34.8\",\"39.0\"]},\"XX\":{\"coordinate\":[\"abc\",\"1\"]}}", 1, true, "a broken row is skipped with a message, the good one kept")]
    [InlineData("{\"SY\":{\"name\":\"Syria\"}}", 0, false, "no usable row at all: a clear error naming the file")]
    public void Country_centroid_files_with_broken_rows_warn_and_go_on(string json, int rows, bool ok, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dragoman-centroids-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var b = new GazetteerBuilder();
            var r = b.AddFile(path);
            Assert.True(r.IsOk == ok, $"{reason}: {r.Error}");
            if (ok)
            {
                Assert.Equal(rows, r.Value);
                Assert.Contains(b.Messages, m => m.Contains("skipped", StringComparison.Ordinal));
            }
            else Assert.Contains(path, r.Error!, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }
}

public class DatelinePlaceTests
{
    [SharedTheory]
    [InlineData("SANAA - Saudi-led jets struck the capital.", 0, 6, "SANAA", "a bare wire dateline")]
    [InlineData("PORT SUDAN, Sudan - An air strike hit a market.", 0, 23, "PORT SUDAN", "a two-word city before its country")]
    [InlineData("DAMASCUS, Aug. 4 (Reuters) - Shelling resumed.", 0, 28, "DAMASCUS", "a dateline with date and agency")]
    [InlineData("BEIT LAHIYA, Gaza Strip (AP) - Residents fled.", 0, 30, "BEIT LAHIYA", "the place, not its container")]
    [InlineData("- 12 (AP) - Residents fled.", 0, 10, null, "no name in the span")]
    public void The_dateline_place_is_the_name_it_opens_with(string text, int start, int end, string? place, string reason)
    {
        var span = GeoComponent.DatelinePlace(text, new Dragoman.Documents.TextSpan(start, end));
        Assert.True(place is null ? span is null : span is { } s && text[s.Start..s.End] == place, $"{reason}: got {span}");
    }
}

public class MistypedPlaceTests
{
    [SharedTheory]
    [InlineData("Shelling hit homes in Homs on Monday, Syrian activists said.", "Homs", EntityType.PERSON, EntityType.GPE, "a known Syrian city after 'in' is a place, not a person")]
    [InlineData("Residents fled fighting in Raqqa, the Syrian Observatory said.", "Raqqa", EntityType.ORG, EntityType.GPE, "an organisation reading of a city after 'in'")]
    [InlineData("Government forces met Hassan Nasrallah on Monday in Syria.", "Hassan Nasrallah", EntityType.PERSON, EntityType.PERSON, "no locative before the name: the recogniser's type stands")]
    [InlineData("Talks were held in Xqzvbrt on Monday, Syrian media said.", "Xqzvbrt", EntityType.ORG, EntityType.GPE,
        "no gazetteer entry, but a locative and no person or organisation evidence: a place the gazetteer lacks (Geo/PlaceEvidence)")]
    [InlineData("Talks were held with Xqzvbrt on Monday, Syrian media said.", "Xqzvbrt", EntityType.ORG, EntityType.ORG, "no gazetteer entry and no locative: the type stands")]
    [InlineData("Talks were held in Xqzvbrt Party offices on Monday.", "Xqzvbrt Party", EntityType.ORG, EntityType.ORG, "an organisation's word in the name: the type stands after a locative")]
    [InlineData("Jebel Marra has seen heavy fighting this week, Sudanese officials said.", "Jebel Marra", EntityType.PERSON, EntityType.LOC,
        "a place name of several capitalised words is the place without a locative (a mountain region: LOC)")]
    [InlineData("DAMASCUS officials said the road was closed.", "DAMASCUS", EntityType.ORG, EntityType.GPE, "one word in capitals: a wire-style place name")]
    [InlineData("Damascus said on Monday that talks would resume.", "Damascus", EntityType.ORG, EntityType.ORG,
        "one capitalised word without a locative keeps the recogniser's type (a government as actor, or a given name)")]
    [InlineData("Saudi Arabia said on Monday it would retaliate.", "Saudi Arabia", EntityType.ORG, EntityType.ORG, "a country as actor stays the actor")]
    public void A_known_place_after_a_locative_is_a_place(string text, string name, EntityType given, EntityType expected, string reason)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new Dragoman.Text.TextComponent().Process(doc);
        int at = text.IndexOf(name, StringComparison.Ordinal);
        doc.Mentions.Add(new Mention { Span = new TextSpan(at, at + name.Length), Type = given, Text = name, Source = "ner" });
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        Assert.True(doc.Mentions[0].Type == expected, $"{reason}: got {doc.Mentions[0].Type}");
    }

    [SharedTheory]
    [InlineData("Air strikes hit Sanaa overnight, the health ministry of Yemen reported.", "Sanaa", "", EntityType.ORG, EntityType.GPE,
        "one word that is the own name of a city in a country the text names is the city")]
    [InlineData("Shelling hit Aleppo again, Syrian state media reported from Syria.", "Aleppo", "", EntityType.PERSON, EntityType.GPE,
        "a city of the named country typed as a person")]
    [InlineData("Air strikes hit Sanaa overnight, residents reported.", "Sanaa", "", EntityType.ORG, EntityType.ORG,
        "no country named as a place: one word keeps the recogniser's type")]
    [InlineData("Relatives of Sanaa Saleh in Yemen fear for her; Sanaa disappeared in May.", "Sanaa", "Sanaa Saleh", EntityType.PERSON, EntityType.PERSON,
        "the word is part of a longer person name in the article: person evidence")]
    [InlineData("Aleppo said on Monday that the talks in Syria would resume.", "Aleppo", "", EntityType.ORG, EntityType.ORG,
        "followed by a speech verb: the city's authorities as actor")]
    public void One_word_typed_person_or_organisation_is_a_place_of_a_named_country(string text, string name, string person, EntityType given, EntityType expected, string reason)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new Dragoman.Text.TextComponent().Process(doc);
        int at = text.LastIndexOf(name, StringComparison.Ordinal);
        doc.Mentions.Add(new Mention { Span = new TextSpan(at, at + name.Length), Type = given, Text = name, Source = "ner" });
        if (person.Length > 0)
        {
            int p = text.IndexOf(person, StringComparison.Ordinal);
            doc.Mentions.Add(new Mention { Span = new TextSpan(p, p + person.Length), Type = EntityType.PERSON, Text = person, Source = "ner" });
        }
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        Assert.True(doc.Mentions[0].Type == expected, $"{reason}: got {doc.Mentions[0].Type}");
    }
}

public class DivisionNounEvidenceTests
{
    [SharedTheory]
    [InlineData("Clashes spread to the provinces of Idlib, Hama and Latakia last week.", "Latakia", EntityType.PERSON, EntityType.GPE,
        "the last member of a list after 'provinces of': a division, whatever the recogniser said")]
    [InlineData("Rebels hold ground in the departments of Alpha Norte, Río de Beta and Gamma.", "Gamma", EntityType.PERSON, EntityType.GPE,
        "a name with a particle inside ('Río de Beta') does not break the list")]
    [InlineData("The Alphaville hromada has no power since the strike.", "Alphaville", EntityType.PERSON, EntityType.GPE,
        "a Ukrainian municipality noun after the name")]
    [InlineData("Militants attacked a post in Gammaland province on Monday.", "Gammaland", EntityType.ORG, EntityType.GPE,
        "a division noun after the name, no noun after it")]
    [InlineData("Mr Delta of the region board said talks would resume.", "Delta", EntityType.PERSON, EntityType.PERSON,
        "the noun does not follow the name: the recogniser's type stands")]
    [InlineData("Omega met the district governor on Monday.", "Omega", EntityType.PERSON, EntityType.PERSON,
        "a division noun later in the sentence is no evidence")]
    public void A_division_noun_says_a_name_is_a_place(string text, string name, EntityType given, EntityType expected, string reason)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new Dragoman.Text.TextComponent().Process(doc);
        int at = text.IndexOf(name, StringComparison.Ordinal);
        doc.Mentions.Add(new Mention { Span = new TextSpan(at, at + name.Length), Type = given, Text = name, Source = "ner" });
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        Assert.True(doc.Mentions[0].Type == expected, $"{reason}: got {doc.Mentions[0].Type}");
    }
}

public class WeakNameTests
{
    [SharedTheory]
    [InlineData("Gunmen attacked farmers in the North West, Nigerian police said, near Kaduna.", "North West|Kaduna", "NG",
        "compass words alone fit divisions of many countries: only one in a country the text names")]
    [InlineData("Officials in GN said on Monday that Homs was calm, Syrian media reported.", "GN|Homs", "SY",
        "a two-letter code is not a country the text does not name")]
    public void Names_that_fit_many_places_resolve_only_inside_the_named_countries(string text, string mentions, string allowed, string reason)
    {
        var queries = GeoFixture.GivenQueries(text, mentions.Split('|'));
        foreach (var p in GeoFixture.Resolver.Resolve(text, queries))
            if (p is { IsResolved: true }) Assert.True(p.Country == allowed, $"{reason}: {p.Text} resolved to {p.Name} in {p.Country}");
    }
}

/// <summary>
/// Names the text itself shows to be something other than a place (an acronym in capitals that is only a variant
/// of a city's name, a heading word the text also writes in lower case, a demonym for someone's nationality), or
/// another place than every candidate (a container in another country).
/// </summary>
public class NotAPlaceHereTests
{
    private static PlaceResolution? Resolve(string text, string mentions, string mention)
    {
        var names = mentions.Split('|');
        var queries = GeoFixture.GivenQueries(text, names);
        return GeoFixture.Resolver.Resolve(text, queries)[Array.IndexOf(names, mention)];
    }

    [SharedTheory]
    [InlineData("Officials told SANA's correspondent that the road to Homs was open again.", "SANA|Homs", "SANA", false,
        "capitals, no locative, and not the city's own name (Sanaa): an agency's acronym")]
    [InlineData("Fresh air strikes hit SANAA on Monday, officials in Yemen said.", "SANAA|Yemen", "SANAA", true,
        "capitals that spell the city's own name: a wire-style place name")]
    [InlineData("Grenade\nA soldier threw a grenade into the market in Homs on Monday.", "Grenade|Homs", "Grenade", false,
        "a heading word the text also writes in lower case: the common noun, not a city abroad")]
    [InlineData("A Swiss engineer and a Peruvian nurse were hired in Lima on Monday.", "Swiss|Peruvian|Lima", "Swiss", false,
        "a nationality no other place of the text is in, while the others are placed elsewhere")]
    [InlineData("A Swiss engineer and a Peruvian nurse were hired in Lima on Monday.", "Swiss|Peruvian|Lima", "Peruvian", true,
        "a demonym of the country the text's other places are in names it")]
    [InlineData("A country fair opened in Homs, Texas, on Friday.", "Homs", "Homs", false,
        "the container names the country the place lies in: the Syrian city is another Homs")]
    public void A_name_the_text_uses_otherwise_is_no_place(string text, string mentions, string mention, bool place, string reason)
    {
        var p = Resolve(text, mentions, mention);
        Assert.True(place == p is { IsResolved: true }, $"{reason}: got {p?.Name} in {p?.Country}");
    }
}
