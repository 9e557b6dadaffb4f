using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Tests.Support;
using Dragoman.Text;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A village the gazetteer lacks, with no container phrase, that the text calls a place stands in the division the
/// article's other places lie in (ACLED's geo_precision 3), with the calibrated confidence of that guess; where the
/// story is spread over several divisions, names too few places, or does not call the name a place, it stays text.
/// </summary>
public class StoryAreaTests
{
    /// <summary>The geo stage, then (unless <paramref name="storyArea"/> is false) the area of the report, the pipeline's last stage.</summary>
    private static Document Process(string text, string mentions, bool storyArea = true)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new TextComponent().Process(doc);
        foreach (var q in GeoFixture.GivenQueries(text, mentions.Split('|')))
            doc.Mentions.Add(new Mention { Span = new TextSpan(q.Start, q.End), Type = EntityType.GPE, Text = text[q.Start..q.End], Source = "test" });
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        if (storyArea) new StoryAreaComponent().Process(doc);
        return doc;
    }

    [SharedTheory]
    [InlineData("Jets pounded Binnish and Kafr Nubl before dawn, and a boy was killed in Umm Zunbul, rescuers said.", "Binnish|Kafr Nubl|Umm Zunbul", "Umm Zunbul",
        "two towns of one province and a village after 'in': the province's area")]
    [InlineData("Jets pounded Binnish and Kafr Nubl before dawn. Rescuers also reached the village of Tell Zunbul.", "Binnish|Kafr Nubl|Tell Zunbul", "Tell Zunbul",
        "'the village of X' calls it a place")]
    [InlineData("Jets pounded Binnish and Kafr Nubl before dawn. Roads into Zunbul Kabir district were cut.", "Binnish|Kafr Nubl|Zunbul Kabir", "Zunbul Kabir",
        "a division noun after the name calls it a place")]
    public void A_village_the_text_calls_a_place_stands_in_the_storys_division(string text, string mentions, string village, string reason)
    {
        var doc = Process(text, mentions);
        var town = doc.Places.Single(x => x.Text == "Binnish");
        var p = doc.Places.Single(x => x.Text == village);
        Assert.True(p.IsResolved, $"{reason}: {village} left as text");
        Assert.Equal(town.Country, p.Country);
        Assert.Equal(town.Admin1, p.Admin1);
        Assert.Equal(PlacePrecision.Region, p.Precision);
        Assert.Equal(StoryArea.Relation, p.Relation);
        Assert.Equal(StoryArea.Confidence, p.Confidence);
        Assert.InRange(GeoMath.Km(town.Lat!.Value, town.Lon!.Value, p.Lat!.Value, p.Lon!.Value), 0, 100);
    }

    [SharedTheory]
    [InlineData("Jets pounded Binnish, Salamiyah and Manbij before dawn, and a boy was killed in Umm Zunbul.", "Binnish|Salamiyah|Manbij|Umm Zunbul",
        "one town in each of three provinces: no division holds the story")]
    [InlineData("A boy was killed in Umm Zunbul before dawn; Binnish was calm.", "Umm Zunbul|Binnish",
        "a single other place is too little to say where the story is")]
    [InlineData("Jets pounded Binnish and Kafr Nubl before dawn, Umm Zunbul said on Monday.", "Binnish|Kafr Nubl|Umm Zunbul",
        "nothing around the name calls it a place (a speaker)")]
    [InlineData("A boy was killed in Umm Zunbul, and officials in Syria and Turkey condemned it.", "Umm Zunbul|Syria|Turkey",
        "countries are no area for a village")]
    public void Otherwise_the_village_stays_text(string text, string mentions, string reason)
    {
        var p = Process(text, mentions).Places.Find(x => x.Text == "Umm Zunbul");
        Assert.True(p is { IsResolved: false }, $"{reason}: got {p?.Name} ({p?.Relation})");
        Assert.Equal(PlacePrecision.Unknown, p!.Precision);
    }

    [SharedTheory]
    [InlineData("A boy was killed in Umm Zunbul in Syria on Monday. Activists in Syria said the guns fired from Gaziantep and Nizip.", "Umm Zunbul|Syria|Syria|Gaziantep|Nizip",
        "the only division with places is Turkish, but the events happen in Syria: the village stands in Syria, not in a Turkish province")]
    public void A_village_whose_storys_division_lies_in_another_country_stands_in_the_articles_country(string text, string mentions, string reason)
    {
        var doc = Process(text, mentions);
        var p = doc.Places.Single(x => x.Text == "Umm Zunbul");
        Assert.True(p.IsResolved, $"{reason}: left as text");
        Assert.Equal("SY", p.Country);
        Assert.Null(p.Admin1);
        Assert.Equal(PlacePrecision.Country, p.Precision);
        Assert.Equal(StoryArea.Relation, p.Relation);
        Assert.Equal(StoryArea.CountryConfidence, p.Confidence);
        Assert.True(StoryArea.IsStandIn(p.GeonameId), $"{reason}: id {p.GeonameId}");
        var town = doc.Places.Single(x => x.Text == "Gaziantep");
        Assert.Equal("TR", town.Country); // the rule is tested only where the division really is abroad
    }

    [SharedTheory]
    [InlineData("Jets pounded Binnish and Kafr Nubl before dawn, and a boy was killed in Umm Zunbul, rescuers said.", "Binnish|Kafr Nubl|Umm Zunbul",
        "the geo stage leaves the village as text: the stages between it and the area of the report (event places, focus, actor codes) read no stand-in")]
    public void The_geo_stage_alone_leaves_the_village_as_text(string text, string mentions, string reason)
    {
        var p = Process(text, mentions, storyArea: false).Places.Find(x => x.Text == "Umm Zunbul");
        Assert.True(p is { IsResolved: false }, $"{reason}: got {p?.Name} ({p?.Relation})");
    }

    [Fact]
    public void The_area_of_the_report_is_the_pipelines_last_stage() =>
        Assert.True(TestPipeline.Instance.Components[^1] is StoryAreaComponent,
            $"the area of the report must come after every stage that reads places as evidence; last is {TestPipeline.Instance.Components[^1].Name}");

    [Theory]
    [InlineData("village", true, "a settlement noun (data/gazetteer/place-nouns.txt)")]
    [InlineData("District", true, "matched without regard to case")]
    [InlineData("school", false, "a building is no settlement or area")]
    public void The_place_nouns_come_from_the_data_file(string noun, bool listed, string reason) =>
        Assert.True(listed == NameNouns.Load(StoryArea.BundledPlaceNounsPath).Contains(noun), reason);
}
